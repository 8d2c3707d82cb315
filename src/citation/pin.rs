//! Page pins: `blz. 12`, `p. 7–8`, `pag 69/70`, `p. 12 en 13`, `p. 17, 19-22`,
//! `pag. 4 e.v.`, `bladzijde 5 - 6`, `pagina 123`.
//!
//! Normal form (as in the peer table): prefix dropped, `–` and `/` become
//! `-`, `X en Y` becomes `X-Y`, lists stay comma separated, `e.v.` becomes a
//! trailing `-`.

use std::sync::LazyLock;

use regex::Regex;

use super::scan::Cur;

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Bb]lz\.?|[Bb]ladzijden?|[Pp]agina'?s?|[Pp]ag\.?|pp\.|p\.)").unwrap()
});
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{1,5}[a-z]?").unwrap());
static RANGE_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:-|–|—|/|t/m)[ \t]*").unwrap());
static EN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[ \t]+(?:en|&)[ \t]+").unwrap());
static LIST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,[ \t]*").unwrap());
static EV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*e\.?[ \t]?v\.?(?:[ \t]?v\.)?").unwrap());

/// A page pin found at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pin {
    /// Byte offset just after the pin.
    pub end: usize,
    /// Normal form: `12`, `12-13`, `17,19-22`, `4-`.
    pub page: String,
}

/// Reads a pin (prefix and pages) starting exactly at `pos`.
pub(crate) fn parse_pin(text: &str, pos: usize) -> Option<Pin> {
    let mut c = Cur::new(text, pos);
    // The caller sits at a word start, so `p.` is not the end of `resp.`;
    // `pag` and `blz` may come without their period.
    c.eat_re(&PREFIX)?;
    c.hws();
    let (end, page) = pages(text, c.pos)?;
    Some(Pin { end, page })
}

/// Reads the page numbers of a pin at `pos`: `12`, `12-13`, `12 en 13`,
/// `17, 19-22`, `4 e.v.`.
pub(crate) fn pages(text: &str, pos: usize) -> Option<(usize, String)> {
    let mut c = Cur::new(text, pos);
    let mut out = String::new();
    let first = c.eat_re(&NUMBER)?;
    out.push_str(first.str(0)?);
    loop {
        let save = c;
        if c.eat_re(&RANGE_SEP).is_some() || c.eat_re(&EN).is_some() {
            if let Some(n) = c.eat_re(&NUMBER) {
                if !followed_by_number(&c) {
                    out.push('-');
                    out.push_str(n.str(0)?);
                    continue;
                }
            }
            c = save;
            break;
        }
        if c.eat_re(&LIST).is_some() {
            if let Some(n) = c.eat_re(&NUMBER) {
                // `blz. 12, 34 700` would be a dossier, not a page.
                if !followed_by_number(&c) {
                    out.push(',');
                    out.push_str(n.str(0)?);
                    continue;
                }
            }
            c = save;
            break;
        }
        break;
    }
    if c.eat_re(&EV).is_some() {
        out.push('-');
    }
    if !super::scan::word_end(text, c.pos) {
        return None;
    }
    Some((c.pos, out))
}

/// True when a space and more digits follow (`34 700`: a dossier number).
fn followed_by_number(c: &Cur) -> bool {
    let mut d = *c;
    d.hws() > 0 && d.peek().is_some_and(|ch| ch.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(s: &str) -> Option<String> {
        parse_pin(s, 0).map(|p| p.page)
    }

    #[test]
    fn pins_in_the_forms_seen() {
        assert_eq!(pin("blz. 12").as_deref(), Some("12"));
        assert_eq!(pin("blz 33").as_deref(), Some("33"));
        assert_eq!(pin("p. 7–8").as_deref(), Some("7-8"));
        assert_eq!(pin("p. 12 en 13").as_deref(), Some("12-13"));
        assert_eq!(pin("pag 69/70").as_deref(), Some("69-70"));
        assert_eq!(pin("p. 17, 19-22").as_deref(), Some("17,19-22"));
        assert_eq!(pin("pag 4 e v.").as_deref(), Some("4-"));
        assert_eq!(pin("bladzijde 5 - 6").as_deref(), Some("5-6"));
        assert_eq!(pin("pagina 123").as_deref(), Some("123"));
        assert_eq!(pin("pag.4").as_deref(), Some("4"));
        assert_eq!(pin("blz. 19–20)").as_deref(), Some("19-20"));
    }

    #[test]
    fn a_following_dossier_is_not_part_of_the_pin() {
        let p = parse_pin("blz. 12, 34 700, nr. 3", 0).unwrap();
        assert_eq!(p.page, "12");
        assert_eq!(p.end, "blz. 12".len());
    }

    #[test]
    fn not_a_pin() {
        assert_eq!(pin("blz. x"), None);
        assert_eq!(pin("pagina"), None);
    }
}
