//! The house style: `Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12`.
//!
//! Leidraad-like: Kamer and year only when known, year as `2020/21`,
//! dossier with a space (`22 112`), Eerste Kamer letters without `nr.`.

use std::fmt::Write;

use super::model::{Chamber, Citation, CitationKind, ShortFormKind};

/// `2020-2021` → `2020/21`.
fn push_short_year(s: &mut String, year: &str) {
    match year.split_once('-') {
        Some((a, b)) if b.len() == 4 => {
            s.push_str(a);
            s.push('/');
            s.push_str(&b[2..]);
        }
        _ => s.push_str(year),
    }
}

/// `22112` → `22 112`; joint dossiers `9595,9596` → `9595 en 9596`.
fn push_dossier(s: &mut String, d: &str) {
    if let Some((a, b)) = d.split_once(',') {
        push_dossier(s, a);
        s.push_str(" en ");
        push_dossier(s, b);
    } else if d.len() == 5 && d.bytes().all(|b| b.is_ascii_digit()) {
        s.push_str(&d[..2]);
        s.push(' ');
        s.push_str(&d[2..]);
    } else {
        s.push_str(d);
    }
}

fn push_toevoeging(s: &mut String, t: &str) {
    if t.starts_with('R') {
        let _ = write!(s, " ({t})");
    } else if t.bytes().all(|b| b.is_ascii_digit()) {
        s.push('-');
        s.push_str(t);
    } else {
        s.push(' ');
        s.push_str(t);
    }
}

/// `nr. 2955`, `nrs. 1-3`, or a bare Eerste Kamer letter `D`.
fn push_ondernummer(s: &mut String, o: &str) {
    if o.starts_with(|c: char| c.is_ascii_digit()) {
        s.push_str(if o.contains('-') { "nrs. " } else { "nr. " });
    }
    s.push_str(o);
}

fn push_pin(s: &mut String, page: &str) {
    match page.strip_suffix('-') {
        Some(p) => {
            let _ = write!(s, ", blz. {p} e.v.");
        }
        None => {
            s.push_str(", blz. ");
            s.push_str(page);
        }
    }
}

fn chamber(c: Option<Chamber>) -> &'static str {
    match c {
        Some(Chamber::I) => " I",
        Some(Chamber::II) => " II",
        None => "",
    }
}

pub(crate) fn render(c: &Citation) -> String {
    render_with_document_end(c).0
}

/// The canonical form, and where in it the cited document ends (before the
/// page pin, which comes last).
pub(crate) fn render_with_document_end(c: &Citation) -> (String, usize) {
    // Room for most citations at once (`Kamerstukken II 2020/21, 35 612, nr. 7, p. 3`).
    let mut s = String::with_capacity(64);
    let year = c.year.as_deref();
    match c.kind {
        CitationKind::Kamerstuk => {
            if c.bijlage {
                s.push_str("Bijlage bij ");
            }
            if c.chamber.is_none() && year.is_none() {
                s.push_str("Kamerstuk");
            } else {
                s.push_str("Kamerstukken");
                s.push_str(chamber(c.chamber));
                if let Some(y) = year {
                    s.push(' ');
                    push_short_year(&mut s, y);
                }
                s.push(',');
            }
            if let Some(d) = &c.dossier {
                s.push(' ');
                push_dossier(&mut s, d);
            }
            if let Some(t) = &c.toevoeging {
                push_toevoeging(&mut s, t);
            }
            if let Some(o) = &c.ondernummer {
                s.push_str(", ");
                push_ondernummer(&mut s, o);
            }
        }
        CitationKind::Handelingen | CitationKind::Aanhangsel => {
            if c.kind == CitationKind::Aanhangsel {
                s.push_str("Aanhangsel ");
            }
            s.push_str("Handelingen");
            s.push_str(chamber(c.chamber));
            if let Some(y) = year {
                s.push(' ');
                push_short_year(&mut s, y);
            }
            if let Some(d) = &c.dossier {
                s.push_str(", ");
                push_dossier(&mut s, d);
            }
            if let Some(o) = &c.ondernummer {
                s.push_str(", nr. ");
                s.push_str(o);
            }
            if let Some(i) = &c.item {
                s.push_str(", item ");
                s.push_str(i);
            }
        }
        CitationKind::Staatsblad | CitationKind::Staatscourant | CitationKind::Tractatenblad => {
            s.push_str(match c.kind {
                CitationKind::Staatsblad => "Stb.",
                CitationKind::Staatscourant => "Stcrt.",
                _ => "Trb.",
            });
            if let Some(y) = &c.year {
                s.push(' ');
                s.push_str(y);
                s.push(',');
            }
            if let Some(t) = &c.toevoeging {
                s.push(' ');
                s.push_str(t);
            }
            if let Some(n) = &c.ondernummer {
                s.push(' ');
                s.push_str(n);
            }
        }
        CitationKind::Eu if c.id.as_deref().is_some_and(|id| id.starts_with("OJ:")) => {
            // `PbEU 2010, L 180` (Aanwijzing 3.46).
            // Before 1 February 2003 the journal was the PbEG.
            let journal = if c.toevoeging.as_deref() == Some("PbEG") {
                "PbEG"
            } else {
                "PbEU"
            };
            let _ = write!(
                s,
                "{journal} {}, {}",
                c.year.as_deref().unwrap_or("?"),
                c.ondernummer.as_deref().unwrap_or("?")
            );
        }
        CitationKind::Eu
            if !matches!(
                c.toevoeging.as_deref(),
                Some("COM" | "SWD" | "SEC" | "JOIN")
            ) =>
        {
            // EU acts keep the form they were cited in: `Richtlijn 2006/123/EG`.
            s.push_str(c.ondernummer.as_deref().unwrap_or_default());
        }
        CitationKind::Eu => {
            let _ = write!(
                s,
                "{}({}) {}",
                c.toevoeging.as_deref().unwrap_or("COM"),
                c.year.as_deref().unwrap_or("?"),
                c.ondernummer.as_deref().unwrap_or("?")
            );
        }
        CitationKind::Ecli | CitationKind::Url | CitationKind::Europapoort => {
            s.push_str(c.id.as_deref().unwrap_or_default());
        }
        CitationKind::ShortForm => match c.short_form {
            Some(ShortFormKind::SeeNote(n)) => {
                let _ = write!(s, "zie noot {n}");
            }
            Some(ShortFormKind::Ibidem) => s.push_str("Ibidem"),
            _ => s.push_str("Idem"),
        },
        CitationKind::Placeholder => s.push_str("PM BRON"),
    }
    let document_end = s.len();
    if let Some(p) = &c.page {
        push_pin(&mut s, p);
    }
    (s, document_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ks(
        chamber: Option<Chamber>,
        year: Option<&str>,
        d: &str,
        t: Option<&str>,
        o: &str,
    ) -> Citation {
        let mut c = Citation::new(CitationKind::Kamerstuk, 0..0);
        c.chamber = chamber;
        c.year = year.map(str::to_string);
        c.dossier = Some(d.into());
        c.toevoeging = t.map(str::to_string);
        c.ondernummer = Some(o.into());
        c
    }

    #[test]
    fn house_style() {
        let mut c = ks(Some(Chamber::II), Some("2020-2021"), "22112", None, "2955");
        c.page = Some("12".into());
        assert_eq!(
            render(&c),
            "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12"
        );
        let c = ks(None, None, "19637", None, "2375");
        assert_eq!(render(&c), "Kamerstuk 19 637, nr. 2375");
        let c = ks(Some(Chamber::I), Some("2020-2021"), "35612", None, "D");
        assert_eq!(render(&c), "Kamerstukken I 2020/21, 35 612, D");
        let c = ks(None, None, "21501", Some("20"), "AH");
        assert_eq!(render(&c), "Kamerstuk 21 501-20, AH");
        let mut c = ks(
            Some(Chamber::II),
            Some("1999-2000"),
            "26824",
            Some("XVI"),
            "1-3",
        );
        c.page = Some("4-".into());
        assert_eq!(
            render(&c),
            "Kamerstukken II 1999/00, 26 824 XVI, nrs. 1-3, blz. 4 e.v."
        );
    }

    #[test]
    fn other_kinds() {
        let mut c = Citation::new(CitationKind::Handelingen, 0..0);
        c.chamber = Some(Chamber::II);
        c.year = Some("2010-2011".into());
        c.ondernummer = Some("108".into());
        c.item = Some("5".into());
        c.page = Some("25-36".into());
        assert_eq!(
            render(&c),
            "Handelingen II 2010/11, nr. 108, item 5, blz. 25-36"
        );
        c.kind = CitationKind::Aanhangsel;
        c.item = None;
        c.page = None;
        assert_eq!(render(&c), "Aanhangsel Handelingen II 2010/11, nr. 108");
        let mut c = Citation::new(CitationKind::Staatsblad, 0..0);
        c.year = Some("2021".into());
        c.ondernummer = Some("123".into());
        assert_eq!(render(&c), "Stb. 2021, 123");
    }
}

#[cfg(test)]
mod document_end_tests {
    use super::*;

    /// The document part is the canonical form of the citation without its
    /// page pin, for every citation of the corpus that has a pin.
    #[test]
    fn document_end_cuts_off_the_pin_in_the_corpus() {
        let mut pinned = 0;
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        for dir in std::fs::read_dir(corpus).expect("the corpus") {
            let dir = dir.expect("an entry").path();
            for entry in std::fs::read_dir(dir).into_iter().flatten() {
                let text =
                    std::fs::read_to_string(entry.expect("an entry").path()).unwrap_or_default();
                for c in crate::citation::find_citations(&text) {
                    let (full, end) = render_with_document_end(&c);
                    let mut whole = c.clone();
                    whole.page = None;
                    assert_eq!(&full[..end], render(&whole), "{c:?}");
                    pinned += usize::from(c.page.is_some());
                }
            }
        }
        assert!(pinned >= 5, "only {pinned} citations with a page pin");
    }
}
