//! Kamerstukken cited without a label, in forms that Handelingen and
//! besluitenlijsten use:
//!
//! - in parentheses after a motion: `de motie-Wassenberg (21501-08, nr. 719)`,
//!   `(25 424, nr. 650)`;
//! - the number a new motion gets: `Zij krijgt nr. 210 (34104).`;
//! - the compact TK form in lists of incoming documents:
//!   `… - 21501-20-1318`, `… - 22112-2531`, `… - 34775-XVI-129`,
//!   `… - 34417-(R2068)-7`.
//!
//! Each needs its context (parentheses with `nr.`, `krijgt nr.`, ` - `), so a
//! bare number pair in running text is never taken for a document.

use std::sync::LazyLock;

use regex::Regex;

use super::ids;
use super::model::{Citation, CitationKind};
use super::scan::{word_end, word_start};

static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\(([0-9]{2}) ?([0-9]{3})(?:-([0-9]{2})|[- ]([IVX]+[A-C]?))?,[ \t]*nr\.[ \t]*([0-9]{1,5}[a-z]?)[);,]",
    )
    .unwrap()
});
static KRIJGT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"krijgt nr\. ([0-9]{1,5}) \(([0-9]{5})(?:-([0-9]{2})|[- ]([IVX]+[A-C]?))?\)")
        .unwrap()
});
static LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r" - ([0-9]{5})-(?:([0-9]{2})-|([IVX]+[A-C]?)-|\(R([0-9]{4})\)-)?([0-9]{1,4})")
        .unwrap()
});

fn cite(span: crate::Span, dossier: &str, toevoeging: Option<String>, nr: &str) -> Citation {
    let mut c = Citation::new(CitationKind::Kamerstuk, span);
    c.dossier = Some(dossier.to_string());
    c.toevoeging = toevoeging;
    c.ondernummer = Some(nr.to_string());
    c.id = ids::kst_id(&c);
    c
}

/// The compact forms in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<Citation>) {
    let gates = [", nr.", "krijgt nr.", " - "].map(|g| text.contains(g));
    find_gated(text, gates, out);
}

/// The compact forms in `text`; `gates`: whether it holds `, nr.`,
/// `krijgt nr.` and ` - `, the literals each scan needs.
pub(crate) fn find_gated(text: &str, gates: [bool; 3], out: &mut Vec<Citation>) {
    let [nr, krijgt, list] = gates;
    if nr && memchr::memchr(b'(', text.as_bytes()).is_some() {
        for caps in PAREN.captures_iter(text) {
            let m = caps.get(0).expect("match");
            let dossier = format!("{}{}", &caps[1], &caps[2]);
            let toev = caps.get(3).or(caps.get(4)).map(|t| t.as_str().to_string());
            out.push(cite(m.start() + 1..m.end() - 1, &dossier, toev, &caps[5]));
        }
    }
    if krijgt {
        for caps in KRIJGT.captures_iter(text) {
            let m = caps.get(0).expect("match");
            let start = m.start() + "krijgt ".len();
            let toev = caps.get(3).or(caps.get(4)).map(|t| t.as_str().to_string());
            out.push(cite(start..m.end(), &caps[2], toev, &caps[1]));
        }
    }
    if list {
        for caps in LIST.captures_iter(text) {
            let m = caps.get(0).expect("match");
            let start = m.start() + " - ".len();
            if !word_start(text, m.start() + 1) || !word_end(text, m.end()) {
                continue;
            }
            if text[m.end()..].starts_with('-') {
                continue;
            }
            let toev = caps
                .get(2)
                .or(caps.get(3))
                .map(|t| t.as_str().to_string())
                .or(caps.get(4).map(|r| format!("R{}", r.as_str())));
            out.push(cite(start..m.end(), &caps[1], toev, &caps[5]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|c| (text[c.span].to_string(), c.id.unwrap()))
            .collect()
    }

    #[test]
    fn handelingen_forms() {
        assert_eq!(
            run("De motie-Wassenberg (21501-08, nr. 719) is in die zin gewijzigd"),
            [(
                "21501-08, nr. 719".to_string(),
                "kst-21501-08-719".to_string()
            )]
        );
        assert_eq!(
            run("Zij krijgt nr. 210 (34104)."),
            [("nr. 210 (34104)".to_string(), "kst-34104-210".to_string())]
        );
        assert_eq!(
            run("6 Kamerstuk 25 424, nr. 650 (25 424, nr. 650).")[0].1,
            "kst-25424-650"
        );
    }

    #[test]
    fn incoming_document_lists() {
        let t = "2020\" - 21501-20-1318\ninzet - 22112-2531\nx - 34775-XVI-129\nwet - 34417-(R2068)-7\n";
        let ids: Vec<_> = run(t).into_iter().map(|(_, id)| id).collect();
        assert_eq!(
            ids,
            [
                "kst-21501-20-1318",
                "kst-22112-2531",
                "kst-34775-XVI-129",
                "kst-34417-7"
            ]
        );
    }

    #[test]
    fn not_without_context() {
        assert!(run("tussen 21501-20 en 22112-2531 liggen").is_empty());
        assert!(run("kst-21501-02-3121").is_empty());
        assert!(run("(nr. 18 586)").is_empty());
        assert!(run("periode 2020 - 12345-67890").is_empty());
    }
}
