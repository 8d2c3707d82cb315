//! Short forms that point back: `Idem, blz. 12.`, `Ibidem.`, `ibid.`,
//! `t.a.p.`, `a.w.`, `zie noot 3`, `zie voetnoot 3`. They carry only their
//! own pin; the dossier layer resolves them against earlier footnotes.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Citation, CitationKind, ShortFormKind};
use super::pin::parse_pin;
use super::scan::{char_before, word_end, word_start, Cur};

static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"Idem|idem|IDEM|Ibidem|ibidem|Ibid\.|ibid\.|Ibid|ibid|t\.a\.p\.|a\.w\.|[Zz]ie[ \t]+(?:voet)?noot[ \t]+([0-9]{1,3})")
        .unwrap()
});

pub(crate) fn find(text: &str, out: &mut Vec<Citation>) {
    for caps in SHORT.captures_iter(text) {
        let m = caps.get(0).expect("match");
        let word = m.as_str();
        // A glued footnote number may precede (`7Idem, blz. 12.`), a letter
        // may not; `t.a.p.` must not be the tail of a longer abbreviation.
        let before = char_before(text, m.start());
        if before.is_some_and(|c| c.is_alphabetic() || c == '.') {
            continue;
        }
        if !word.ends_with('.') && !word_end(text, m.end()) {
            continue;
        }
        let kind = if let Some(n) = caps.get(1) {
            match n.as_str().parse() {
                Ok(n) => ShortFormKind::SeeNote(n),
                Err(_) => continue,
            }
        } else if word.starts_with("Ibid") || word.starts_with("ibid") {
            ShortFormKind::Ibidem
        } else {
            ShortFormKind::Idem
        };
        let mut end = m.end();
        // Its own pin: `Idem, blz. 12`, `Ibidem, p. 5`.
        let mut c = Cur::new(text, end);
        c.hws();
        if c.eat(",") {
            c.hws();
        }
        let mut page = None;
        if word_start(text, c.pos) {
            if let Some(p) = parse_pin(text, c.pos) {
                end = p.end;
                page = Some(p.page);
            }
        }
        let mut cite = Citation::new(CitationKind::ShortForm, m.start()..end);
        cite.short_form = Some(kind);
        cite.page = page;
        out.push(cite);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Citation> {
        let mut out = Vec::new();
        find(text, &mut out);
        out
    }

    #[test]
    fn seed_short_forms() {
        let t = "7 Idem, blz. 12.";
        let c = &run(t)[0];
        assert_eq!(&t[c.span.clone()], "Idem, blz. 12");
        assert_eq!(c.short_form, Some(ShortFormKind::Idem));
        assert_eq!(c.page.as_deref(), Some("12"));
        let c = &run("8 Ibidem.")[0];
        assert_eq!(c.short_form, Some(ShortFormKind::Ibidem));
        assert_eq!(c.span, 2..8);
        assert_eq!(c.page, None);
    }

    #[test]
    fn other_short_forms() {
        assert_eq!(run("ibid.")[0].short_form, Some(ShortFormKind::Ibidem));
        assert_eq!(run("Ibid., p. 4")[0].page.as_deref(), Some("4"));
        assert_eq!(run("t.a.p.")[0].short_form, Some(ShortFormKind::Idem));
        assert_eq!(run("Jansen, a.w., blz. 3")[0].page.as_deref(), Some("3"));
        assert_eq!(
            run("zie noot 3")[0].short_form,
            Some(ShortFormKind::SeeNote(3))
        );
        assert_eq!(
            run("Zie voetnoot 12.")[0].short_form,
            Some(ShortFormKind::SeeNote(12))
        );
    }

    #[test]
    fn not_inside_words() {
        assert!(run("Idempotent").is_empty());
        assert!(run("xIdem").is_empty());
        assert_eq!(run("7Idem, blz. 12.")[0].page.as_deref(), Some("12"));
        assert!(run("de ibidemx").is_empty());
        assert!(run("zie noot").is_empty());
    }
}
