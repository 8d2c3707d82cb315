//! Official identifiers, and the citation forms that are little more than an
//! identifier: `Stb. 2021, 123`, `Stcrt. 2021, 4567`, `Trb. 2015, 103`,
//! `ECLI:NL:HR:2012:BV0614`, `COM(2020)609`, europapoort `E200018`.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Chamber, Citation, CitationKind, FormatSlip};
use super::scan::{word_end, word_start};

/// `kst-22112-2955`, `kst-21501-20-AH`, `kst-36410-XVI-160`; a rijkswet
/// number (`R2064`) is not part of the identifier; a range `1-3` names its
/// first document.
pub(crate) fn kst_id(c: &Citation) -> Option<String> {
    let dossier = c.dossier.as_ref()?;
    let onder = c.ondernummer.as_ref()?;
    let onder = onder.split('-').next()?;
    let mut id = format!("kst-{dossier}");
    if let Some(t) = &c.toevoeging {
        if !t.starts_with('R') {
            id.push('-');
            id.push_str(t);
        }
    }
    id.push('-');
    id.push_str(onder);
    Some(id)
}

fn chamber_code(ch: Option<Chamber>) -> &'static str {
    match ch {
        Some(Chamber::I) => "ek",
        // Without a chamber the Tweede Kamer is meant in practice: the
        // Eerste Kamer's Aanhangsel is rare and always says so.
        _ => "tk",
    }
}

fn year_code(year: &str) -> String {
    year.replace('-', "")
}

/// `ah-tk-20232024-2147`.
pub(crate) fn aanhangsel_id(c: &Citation) -> Option<String> {
    let year = c.year.as_ref()?;
    let nr = c.ondernummer.as_ref()?;
    Some(format!(
        "ah-{}-{}-{nr}",
        chamber_code(c.chamber),
        year_code(year)
    ))
}

/// `h-tk-20162017-39-39`: only for Handelingen cited by number and item
/// (the form since 2011); older page-numbered ones have no derivable id.
pub(crate) fn handelingen_id(c: &Citation) -> Option<String> {
    if c.dossier.is_some() {
        return None;
    }
    let year = c.year.as_ref()?;
    let nr = c.ondernummer.as_ref()?;
    let item = c.item.as_ref()?;
    c.chamber?;
    Some(format!(
        "h-{}-{}-{nr}-{item}",
        chamber_code(c.chamber),
        year_code(year)
    ))
}

static GAZETTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Stb\.|Staatsblad|Stcrt\.|Staatscourant|Trb\.|Tractatenblad").unwrap()
});
static GAZETTE_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t\u{a0}]*(?:van[ \t]+(?:[0-9]{1,2}[ \t]+[a-z]+[ \t]+)?)?(?:([0-9]{4})[ \t]*,?[ \t]*)?(?:nr\.?[ \t]*)?(?:([IVX]+)[ \t]+)?([0-9]{1,6})",
    )
    .unwrap()
});

/// `Stb. 2021, 123` and its kin. A year-less `Stb. 575` is a citation
/// without an identifier.
pub(crate) fn find_gazettes(text: &str, out: &mut Vec<Citation>) {
    for m in GAZETTE.find_iter(text) {
        if !word_start(text, m.start()) {
            continue;
        }
        let (kind, prefix) = match &m.as_str()[..2] {
            "St" if m.as_str().starts_with("Stb") || m.as_str() == "Staatsblad" => {
                (CitationKind::Staatsblad, "stb")
            }
            "Tr" => (CitationKind::Tractatenblad, "trb"),
            _ => (CitationKind::Staatscourant, "stcrt"),
        };
        let rest = super::scan::window(text, m.end());
        let Some(caps) = GAZETTE_REST.captures(rest) else {
            continue;
        };
        let end = m.end() + caps.get(0).map_or(0, |g| g.end());
        if !word_end(text, end) {
            continue;
        }
        let year = caps.get(1).map(|y| y.as_str().to_string());
        let number = caps.get(3).map(|n| n.as_str().to_string());
        // A bare four-digit "number" without a year is a year (`Stb. 1987`).
        if year.is_none()
            && number
                .as_ref()
                .is_some_and(|n| n.len() == 4 && n.starts_with(['1', '2']))
        {
            continue;
        }
        let mut c = Citation::new(kind, m.start()..end);
        c.year = year.clone();
        c.ondernummer = number.clone();
        if let (Some(y), Some(n)) = (&year, &number) {
            if caps.get(2).is_none() {
                c.id = Some(format!("{prefix}-{y}-{n}"));
            }
        }
        if let Some(series) = caps.get(2) {
            c.toevoeging = Some(series.as_str().to_string());
        }
        out.push(c);
    }
}

static ECLI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}(:|, ?)([A-Za-z0-9.]{1,25})").unwrap()
});

/// `ECLI:NL:HR:2012:BV0614`; also the damaged `ECLI:NL:HR:2012, BV0614`
/// (a comma for the last colon), with a slip that restores the colon.
pub(crate) fn find_ecli(text: &str, out: &mut Vec<Citation>) {
    for caps in ECLI.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !word_start(text, m.start()) {
            continue;
        }
        let s = m.as_str().trim_end_matches('.');
        let mut c = Citation::new(CitationKind::Ecli, m.start()..m.start() + s.len());
        let sep = caps.get(1).expect("group");
        let tail = caps.get(2).expect("group").as_str().trim_end_matches('.');
        if sep.as_str() != ":" {
            // Only a court-case number looks like this: letters and digits.
            if tail.len() < 4 || !tail.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                continue;
            }
            c.slips.push(FormatSlip {
                span: sep.range(),
                message: crate::msg!("slip-ecli-comma"),
                fix: ":".into(),
            });
        }
        c.id = Some(format!("{}:{tail}", &text[m.start()..sep.start()]));
        out.push(c);
    }
}

static EU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(COM|SWD|SEC|JOIN)[ \t\u{a0}]?\(([0-9]{4})\)[ \t\u{a0}]?([0-9]{1,4})(?:[ \t]final)?",
    )
    .unwrap()
});
static EU_MORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,[ \t]*|[ \t]+en[ \t]+)([0-9]{1,4})").unwrap());

fn celex(series: &str, year: &str, number: &str) -> Option<String> {
    let code = match series {
        "COM" => "DC",
        "JOIN" => "JC",
        _ => "SC",
    };
    let n: u32 = number.parse().ok()?;
    Some(format!("5{year}{code}{n:04}"))
}

/// `COM(2020)609`, `COM(2021) 752 final`, `COM (2020) 609, 610 en 611`
/// (one citation per document).
pub(crate) fn find_eu(text: &str, out: &mut Vec<Citation>) {
    for m in EU.find_iter(text) {
        if !word_start(text, m.start()) {
            continue;
        }
        let caps = EU.captures(m.as_str()).expect("matched");
        let series = caps.get(1).map_or("", |g| g.as_str());
        let year = caps.get(2).map_or("", |g| g.as_str());
        let number = caps.get(3).map_or("", |g| g.as_str());
        if !word_end(text, m.start() + caps.get(3).map_or(0, |g| g.end())) {
            continue;
        }
        let mut c = Citation::new(CitationKind::Eu, m.range());
        c.toevoeging = Some(series.to_string());
        c.year = Some(year.to_string());
        c.ondernummer = Some(number.to_string());
        c.id = celex(series, year, number);
        let mut pos = m.end();
        let template = c.clone();
        out.push(c);
        while let Some(more) = EU_MORE.captures(super::scan::window(text, pos)) {
            let n = more.get(1).expect("group");
            let end = pos + n.end();
            if !word_end(text, end) {
                break;
            }
            let mut next = template.clone();
            next.span = pos + n.start()..end;
            next.ondernummer = Some(n.as_str().to_string());
            next.id = celex(series, year, n.as_str());
            out.push(next);
            pos = end;
        }
    }
}

static EU_ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(Uitvoeringsverordening|Gedelegeerde verordening|Verordening|Uitvoeringsrichtlijn|Gedelegeerde richtlijn|Richtlijn|Uitvoeringsbesluit|Besluit|Kaderbesluit)[ \t\u{a0}]+(?:\((EU|EG|EEG|Euratom|GBVB)\)[ \t\u{a0}]+(?:nr\.?[ \t]*)?([0-9]{1,4})/([0-9]{1,4})|([0-9]{2,4})/([0-9]{1,4})/(EU|EG|EEG|Euratom))",
    )
    .unwrap()
});

/// A four-digit year from `2006`, `93` (two digits: 19xx/20xx).
fn full_year(y: &str) -> Option<u32> {
    let n: u32 = y.parse().ok()?;
    match y.len() {
        2 => Some(if n > 50 { 1900 + n } else { 2000 + n }),
        4 if (1950..=2099).contains(&n) => Some(n),
        _ => None,
    }
}

/// EU acts: `Verordening (EU) 2021/2303`, `Richtlijn 2006/123/EG`,
/// `Verordening (EG) nr. 593/2008`, `Richtlijn (EU) 2018/2001`. The id is
/// the CELEX number (`32021R2303`). Since 2015 the year comes first in
/// `(EU) YYYY/N`; before, regulations wrote `N/YYYY`, directives `YYYY/N`.
pub(crate) fn find_eu_acts(text: &str, out: &mut Vec<Citation>) {
    for caps in EU_ACT.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !word_start(text, m.start()) || !word_end(text, m.end()) {
            continue;
        }
        let act = caps.get(1).expect("group").as_str();
        let code = if act.to_lowercase().contains("verordening") {
            'R'
        } else if act.to_lowercase().contains("richtlijn") {
            'L'
        } else if act == "Kaderbesluit" {
            'F'
        } else {
            'D'
        };
        let (year, number, label) = if let (Some(a), Some(b)) = (caps.get(3), caps.get(4)) {
            let (a, b) = (a.as_str(), b.as_str());
            let family = caps.get(2).map_or("EU", |f| f.as_str());
            let year_first = a.len() == 4
                && full_year(a).is_some()
                && (family == "EU" && a >= "2015" || full_year(b).is_none() || code == 'L');
            let (y, n) = if year_first { (a, b) } else { (b, a) };
            (full_year(y), n, format!("{act} ({family}) {a}/{b}"))
        } else {
            let (a, b) = (
                caps.get(5).expect("group").as_str(),
                caps.get(6).expect("group").as_str(),
            );
            let family = caps.get(7).expect("group").as_str();
            (full_year(a), b, format!("{act} {a}/{b}/{family}"))
        };
        let Some(year) = year else { continue };
        let Ok(n) = number.parse::<u32>() else {
            continue;
        };
        let mut c = Citation::new(CitationKind::Eu, m.range());
        c.toevoeging = Some(act.to_string());
        c.year = Some(year.to_string());
        c.ondernummer = Some(label);
        c.id = Some(format!("3{year}{code}{n:04}"));
        out.push(c);
    }
}

static OJ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(PbEU|PbEG|PB)[ \t\u{a0}]+(?:([0-9]{4}),[ \t]*(L|C)[ \t]+([0-9]{1,4})(?:/([0-9]{1,4}))?|(L|C)[ \t]+([0-9]{1,4})(?:[ \t]+[A-Z])?[ \t]+van[ \t]+[0-9]{1,2}\.[0-9]{1,2}\.([0-9]{4})(?:,[ \t]*blz\.[ \t]*([0-9]{1,4}))?)")
        .unwrap()
});

/// The Official Journal: `PbEU 2010, L 180`, `(PbEU 2018, L 328/82)`,
/// `PB L 222 van 20.8.2008, blz. 1`. The id is the issue, `OJ:L:2010:180`.
pub(crate) fn find_official_journal(text: &str, out: &mut Vec<Citation>) {
    for caps in OJ.captures_iter(text) {
        let m = caps.get(0).expect("match");
        if !word_start(text, m.start()) || !word_end(text, m.end()) {
            continue;
        }
        let g = |i: usize| caps.get(i).map(|x| x.as_str());
        let (year, series, issue, page) = match (g(2), g(6)) {
            (Some(y), _) => (y, g(3).unwrap_or("L"), g(4).unwrap_or(""), g(5)),
            (None, Some(series)) => (g(8).unwrap_or(""), series, g(7).unwrap_or(""), g(9)),
            _ => continue,
        };
        let mut c = Citation::new(CitationKind::Eu, m.range());
        c.toevoeging = Some(g(1).unwrap_or("PbEU").to_string());
        c.year = Some(year.to_string());
        c.ondernummer = Some(format!("{series} {issue}"));
        c.page = page.map(str::to_string);
        c.id = Some(format!("OJ:{series}:{year}:{issue}"));
        out.push(c);
    }
}

static EUROPAPOORT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"E[0-9]{6}").unwrap());

/// Europapoort E-dossiers: `E200018` (E, two-digit year, four digits).
pub(crate) fn find_europapoort(text: &str, out: &mut Vec<Citation>) {
    for m in EUROPAPOORT.find_iter(text) {
        if !word_start(text, m.start()) || !word_end(text, m.end()) {
            continue;
        }
        let mut c = Citation::new(CitationKind::Europapoort, m.range());
        c.id = Some(m.as_str().to_string());
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&str, &mut Vec<Citation>), text: &str) -> Vec<Citation> {
        let mut out = Vec::new();
        f(text, &mut out);
        out
    }

    #[test]
    fn gazettes() {
        let c = run(find_gazettes, "(Trb. 2009, 217 en Trb. 2010, 162)");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].id.as_deref(), Some("trb-2009-217"));
        assert_eq!(c[1].id.as_deref(), Some("trb-2010-162"));
        let c = run(find_gazettes, "de Wet (Stb. 1991, 112; WSF)");
        assert_eq!(c[0].id.as_deref(), Some("stb-1991-112"));
        assert_eq!(c[0].kind, CitationKind::Staatsblad);
        let c = run(find_gazettes, "Trb. 1978,143 en");
        assert_eq!(c[0].id.as_deref(), Some("trb-1978-143"));
        let c = run(find_gazettes, "Staatscourant van 16 juni 2005, nr. 114");
        assert_eq!(c[0].kind, CitationKind::Staatscourant);
        assert_eq!(c[0].id.as_deref(), Some("stcrt-2005-114"));
        let c = run(find_gazettes, "Stcrt. 2021, 4567");
        assert_eq!(c[0].id.as_deref(), Some("stcrt-2021-4567"));
        let c = run(find_gazettes, "(Stb. 1948, I 284)");
        assert_eq!(c[0].id, None);
        assert_eq!(c[0].ondernummer.as_deref(), Some("284"));
    }

    #[test]
    fn eu_documents() {
        let c = run(find_eu, "3 COM(2020)609. Zie ook");
        assert_eq!(c[0].id.as_deref(), Some("52020DC0609"));
        assert_eq!(c[0].span, 2..14);
        let c = run(
            find_eu,
            "EU-migratiepact 2020 COM (2020) 609, 610, 611 en 614",
        );
        let ids: Vec<_> = c.iter().map(|c| c.id.clone().unwrap()).collect();
        assert_eq!(
            ids,
            ["52020DC0609", "52020DC0610", "52020DC0611", "52020DC0614"]
        );
        let c = run(find_eu, "COM(2021) 752 final");
        assert_eq!(c[0].id.as_deref(), Some("52021DC0752"));
    }

    #[test]
    fn eu_acts() {
        let id = |t: &str| run(find_eu_acts, t)[0].id.clone().unwrap();
        assert_eq!(id("Verordening (EU) 2021/2303 van"), "32021R2303");
        assert_eq!(id("Richtlijn 2006/123/EG"), "32006L0123");
        assert_eq!(id("Verordening (EG) 593/2008"), "32008R0593");
        assert_eq!(id("Verordening (EG) nr. 1234/2007"), "32007R1234");
        assert_eq!(id("Richtlijn (EU) 2018/2001"), "32018L2001");
        assert_eq!(id("Richtlijn 93/13/EEG"), "31993L0013");
        assert!(run(find_eu_acts, "de Richtlijn van 2006").is_empty());
    }

    #[test]
    fn official_journal() {
        let c = run(find_official_journal, "(PbEU 2010, L 180)");
        assert_eq!(c[0].id.as_deref(), Some("OJ:L:2010:180"));
        let c = run(find_official_journal, "(PbEU 2018, L 328/82)");
        assert_eq!(c[0].page.as_deref(), Some("82"));
        let c = run(find_official_journal, "PB L 222 van 20.8.2008, blz. 1");
        assert_eq!(c[0].id.as_deref(), Some("OJ:L:2008:222"));
        assert_eq!(c[0].page.as_deref(), Some("1"));
        let c = run(find_official_journal, "PB C 48 A van 24.2.2005, blz. 1");
        assert_eq!(c[0].id.as_deref(), Some("OJ:C:2005:48"));
    }

    #[test]
    fn damaged_ecli() {
        let t = "HR 23 maart 2012, ECLI:NL:HR:2012, BV0614, NJ 2012/421";
        let c = &run(find_ecli, t)[0];
        assert_eq!(c.id.as_deref(), Some("ECLI:NL:HR:2012:BV0614"));
        assert_eq!(c.slips.len(), 1);
        assert_eq!(&t[c.span.clone()], "ECLI:NL:HR:2012, BV0614");
    }

    #[test]
    fn ecli_and_europapoort() {
        let c = run(find_ecli, "HR 23 maart 2012, ECLI:NL:HR:2012:BV0614.");
        assert_eq!(c[0].id.as_deref(), Some("ECLI:NL:HR:2012:BV0614"));
        let c = run(
            find_europapoort,
            "Zie dossiers E200018, E200019 op www.europapoort.nl",
        );
        assert_eq!(c.len(), 2);
        assert!(run(find_europapoort, "XE2000181 E20001").is_empty());
    }
}
