//! A small cursor over the text, shared by the grammars.
//!
//! The grammars are hand-written recursive descent over a byte position: the
//! forms vary too much (optional commas, line breaks, slips) for one regex,
//! and a cursor lets each step say exactly what it consumed.

use regex::{Captures, Regex};

/// Horizontal white space as it comes out of PDF extraction: space, tab,
/// no-break space, thin and figure spaces.
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\u{2002}' | '\u{2003}'
    )
}

/// The character before byte `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at byte `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// True when no letter or digit touches `start` from the left.
pub(crate) fn word_start(text: &str, start: usize) -> bool {
    !char_before(text, start).is_some_and(|c| c.is_alphanumeric())
}

/// True when no letter or digit touches `end` from the right.
pub(crate) fn word_end(text: &str, end: usize) -> bool {
    !char_at(text, end).is_some_and(|c| c.is_alphanumeric())
}

/// The longest stretch of text one grammar step may match.
const WINDOW: usize = 192;

/// The text from `pos`, cut to at most [`WINDOW`] bytes (on a character
/// boundary), for anchored matches.
pub(crate) fn window(text: &str, pos: usize) -> &str {
    let mut end = (pos + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[pos..end]
}

#[derive(Clone, Copy)]
pub(crate) struct Cur<'a> {
    pub text: &'a str,
    pub pos: usize,
}

impl<'a> Cur<'a> {
    pub fn new(text: &'a str, pos: usize) -> Self {
        Cur { text, pos }
    }

    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Skips horizontal space and at most one line break (a citation may be
    /// wrapped, but a blank line ends it). Returns the bytes skipped.
    pub fn ws(&mut self) -> usize {
        let start = self.pos;
        let mut newline = false;
        while let Some(c) = self.peek() {
            if is_hspace(c) {
                self.pos += c.len_utf8();
            } else if (c == '\n' || c == '\r') && !newline {
                newline = true;
                self.pos += 1;
                if c == '\r' && self.peek() == Some('\n') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        self.pos - start
    }

    /// Skips horizontal space only.
    pub fn hws(&mut self) -> usize {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if is_hspace(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos - start
    }

    /// Consumes the next `len` bytes (a step's match): their text and span.
    pub fn take(&mut self, len: usize) -> (&'a str, crate::Span) {
        let span = self.pos..self.pos + len;
        self.pos += len;
        (&self.text[span.clone()], span)
    }

    /// Consumes `s` if the text continues with it.
    pub fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Matches `re` (which must start with `^`) at the cursor and advances
    /// past it. Offsets in the captures are relative to the old position.
    pub fn eat_re(&mut self, re: &Regex) -> Option<Caps<'a>> {
        let base = self.pos;
        // No grammar step is longer than this; a short haystack keeps each
        // anchored match cheap whatever the length of the document.
        let hay = window(self.text, base);
        // A step without groups needs only where its match ends, which
        // costs neither a second search nor a captures allocation.
        if re.captures_len() == 1 {
            let m = re.find(hay)?;
            debug_assert_eq!(m.start(), 0, "grammar regexes are anchored");
            self.pos = base + m.end();
            return Some(Caps {
                found: Found::Whole(m),
            });
        }
        // Most steps are tried where they do not apply: a plain match test
        // is cheaper than setting up captures that stay empty.
        if !re.is_match(hay) {
            return None;
        }
        let caps = re.captures(hay)?;
        let m = caps.get(0)?;
        debug_assert_eq!(m.start(), 0, "grammar regexes are anchored");
        self.pos = base + m.end();
        Some(Caps {
            found: Found::Groups(caps),
        })
    }
}

/// Captures of an anchored match (their text).
pub(crate) struct Caps<'a> {
    found: Found<'a>,
}

enum Found<'a> {
    /// A regex without groups: the whole match.
    Whole(regex::Match<'a>),
    Groups(Captures<'a>),
}

impl<'a> Caps<'a> {
    fn get(&self, i: usize) -> Option<regex::Match<'a>> {
        match &self.found {
            Found::Whole(m) => (i == 0).then_some(*m),
            Found::Groups(caps) => caps.get(i),
        }
    }

    pub fn str(&self, i: usize) -> Option<&'a str> {
        self.get(i).map(|m| m.as_str())
    }
}

/// Normalises a vergaderjaar: `2020–2021`, `2020/21`, `2019-20`, `1985/- 86`
/// all become `2020-2021` etc. Returns the year and whether it is doubtful
/// (the second year is not the first plus one, as in `2023–34`); a doubtful
/// year is read as starting in the first year.
pub(crate) fn normalise_year(first: &str, second: &str) -> Option<(String, bool)> {
    let y1: u32 = first.parse().ok()?;
    let y2: u32 = second.parse().ok()?;
    let expected = y1 + 1;
    let ok = match second.len() {
        2 => y2 == expected % 100,
        4 => y2 == expected,
        _ => false,
    };
    Some((format!("{y1}-{expected}"), !ok))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ws_crosses_one_line_break_but_not_a_blank_line() {
        let mut c = Cur::new("a \n b", 1);
        assert_eq!(c.ws(), 3);
        assert_eq!(c.peek(), Some('b'));
        let mut c = Cur::new("a \n\n b", 1);
        c.ws();
        assert_eq!(c.peek(), Some('\n'));
    }

    #[test]
    fn years_are_normalised_and_checked() {
        assert_eq!(
            normalise_year("2020", "21"),
            Some(("2020-2021".into(), false))
        );
        assert_eq!(
            normalise_year("1999", "00"),
            Some(("1999-2000".into(), false))
        );
        assert_eq!(
            normalise_year("2020", "2021"),
            Some(("2020-2021".into(), false))
        );
        assert_eq!(
            normalise_year("2023", "34"),
            Some(("2023-2024".into(), true))
        );
        assert_eq!(
            normalise_year("2022", "203"),
            Some(("2022-2023".into(), true))
        );
    }

    #[test]
    fn word_boundaries_see_unicode_letters() {
        assert!(!word_start("éPM", 2));
        assert!(word_start("«PM", 2));
        assert!(word_end("PM»", 2));
    }
}
