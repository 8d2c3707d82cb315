//! The document's own identity, from its colophon or its page footer.

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::Layout;

use super::DocumentIdentity;

static COLOPHON_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*((kst|ah-tk|ah-ek|h-tk|h-ek)-[0-9A-Za-z-]+)\s*$").unwrap());

/// `35 612, D`, `22 112, nr. 2955`, `21 501-02, nr. 3121`, `36 410 XVI, nr. 3`.
static FOOTER_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,3}(?:[ .]?[0-9]{3})?)(?:[- ]((?:[0-9]{2})|(?:[IVXLC]+[AB]?)))?,\s?(?:nr\.\s?([0-9]+[a-z]?)|([A-Z]{1,3}))$")
        .unwrap()
});

pub(super) fn find(text: &str, layout: &Layout) -> Option<DocumentIdentity> {
    if let Some((span, id)) = layout.colophons.iter().find_map(|s| {
        COLOPHON_ID
            .captures(&text[s.clone()])
            .map(|c| (s.clone(), c[1].to_string()))
    }) {
        return Some(DocumentIdentity {
            display: display_of_id(&id).unwrap_or_else(|| id.clone()),
            id,
            span,
        });
    }
    layout.footers.iter().find_map(|f| {
        let c = FOOTER_DOCUMENT.captures(&f.document)?;
        let dossier: String = c[1].chars().filter(char::is_ascii_digit).collect();
        let toevoeging = c.get(2).map(|m| m.as_str().to_string());
        let nr = c.get(3).or(c.get(4))?.as_str().to_string();
        let chamber = if f.chamber.starts_with("Eerste") {
            "I"
        } else {
            "II"
        };
        let id = match &toevoeging {
            Some(t) => format!("kst-{dossier}-{t}-{nr}"),
            None => format!("kst-{dossier}-{nr}"),
        };
        let nr_shown = if c.get(3).is_some() {
            format!("nr. {nr}")
        } else {
            nr
        };
        let dossier_shown = c[1].replace('.', " ");
        let dossier_shown = match &toevoeging {
            Some(t) => format!("{dossier_shown}-{t}"),
            None => dossier_shown,
        };
        Some(DocumentIdentity {
            id,
            display: format!(
                "Kamerstukken {chamber} {}, {dossier_shown}, {nr_shown}",
                short_year(&f.year)
            ),
            span: f.span.clone(),
        })
    })
}

/// `2020–2021` → `2020/21`.
pub fn short_year(year: &str) -> String {
    let digits: String = year.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 6 {
        format!("{}/{}", &digits[..4], &digits[digits.len() - 2..])
    } else {
        year.to_string()
    }
}

fn display_of_id(id: &str) -> Option<String> {
    let rest = id.strip_prefix("ah-")?;
    let (chamber, rest) = rest.split_once('-')?;
    let (year, nr) = rest.split_once('-')?;
    let chamber = if chamber == "ek" { "I" } else { "II" };
    Some(format!(
        "Aanhangsel Handelingen {chamber} {}, nr. {nr}",
        short_year(year)
    ))
}
