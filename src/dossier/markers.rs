//! Footnote markers in the running text.
//!
//! Rules (each checked on the seed and the corpus):
//! - A marker is one to three digits (four if so many footnotes are defined) not followed by a letter or digit, nor
//!   by `,`/`.`/`-`/`/`/`:` and a digit (`1,5`, `12-13`, `12:30`).
//! - Glued to a lower-case letter or to closing punctuation (`asielpact3`,
//!   `is.»7`, `is?1`, `gezonden.14`, `»[1 ]`): a marker if its footnote is
//!   defined, or if it is the next number in sequence (an undefined marker).
//!   Not after `nr.`, `art.`, `blz.` and the like, nor after `5.` (`5.3`).
//! - Glued to a capital (`D66`, `E200018`, `F35`) or standing apart after a
//!   space or at a line start (`zoeken. 3`, `afnemen 11 en`,
//!   `beleidsreactie 6`): only if it is the next footnote in the numbering
//!   (at most two numbers skipped), its definition follows it in the text,
//!   and the words around it do not make it a quantity (`van 11 weken`,
//!   `€ 50 miljoen`, `op 4 april`, `Vraag 1`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::layout::{Layout, LineKind};

use super::{Footnote, FootnoteMarker};

const MAX_STEP: u32 = 3;

/// Words after which a number is a quantity, a date or a reference, not a
/// footnote marker.
const QUANTITY_BEFORE: &[&str] = &[
    "van",
    "op",
    "tot",
    "met",
    "aan",
    "in",
    "om",
    "na",
    "voor",
    "per",
    "dan",
    "en",
    "of",
    "t/m",
    "nr.",
    "nrs.",
    "nr",
    "no.",
    "nummer",
    "artikel",
    "art.",
    "lid",
    "blz.",
    "blz",
    "p.",
    "pag.",
    "pagina",
    "bladzijde",
    "hoofdstuk",
    "paragraaf",
    "par.",
    "sub",
    "onder",
    "de",
    "het",
    "een",
    "ca.",
    "circa",
    "ruim",
    "bijna",
    "ongeveer",
    "zo’n",
    "zo'n",
    "vraag",
    "vragen",
    "antwoord",
    "antwoorden",
    "bijlage",
    "fase",
    "stap",
    "groep",
    "punt",
    "agendapunt",
    "item",
    "motie",
    "amendement",
    "week",
    "dag",
    "jaar",
    "€",
    "eur",
    "euro",
    "+",
    "-",
    "–",
    "=",
    "x",
    "×",
    "±",
    "zitting",
    "vergaderjaar",
    "kamer",
    "aanhangsel",
    "nummers",
    "tabel",
    "figuur",
    "versie",
];

/// Words after which a number is a quantity or a date.
const QUANTITY_AFTER: &[&str] = &[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "okt.",
    "nov.",
    "dec.",
    "jaar",
    "jaren",
    "maand",
    "maanden",
    "week",
    "weken",
    "dag",
    "dagen",
    "uur",
    "uren",
    "minuten",
    "seconden",
    "procent",
    "%",
    "miljoen",
    "miljard",
    "duizend",
    "honderd",
    "euro",
    "keer",
    "maal",
    "personen",
    "mensen",
    "leden",
    "stuks",
    "km",
    "kilometer",
    "meter",
    "kg",
    "ton",
    "plaatsen",
    "zetels",
    "stemmen",
    "tegen",
    "voor",
    "x",
];

struct Candidate {
    number: u32,
    start: usize,
    end: usize,
    strong: bool,
    spaced: bool,
}

pub(super) fn find(text: &str, layout: &Layout, footnotes: &[Footnote]) -> Vec<FootnoteMarker> {
    let has_defs = !footnotes.is_empty();
    // Definitions by number, in document order.
    let mut defs: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, f) in footnotes.iter().enumerate() {
        defs.entry(f.number).or_default().push(i);
    }
    let mut markers: Vec<FootnoteMarker> = Vec::new();
    let mut last = 0u32;
    for line in layout.lines.iter().filter(|l| l.kind == LineKind::Body) {
        for c in candidates(text, line.span.clone()) {
            let same = defs.get(&c.number).map_or(&[][..], Vec::as_slice);
            let def_after = same.iter().any(|&i| footnotes[i].span.start > c.start);
            let defined = !same.is_empty();
            let next_in_line = c.number > last && c.number <= last + MAX_STEP;
            // Four digits are a year far more often than a footnote.
            let ok = if c.number >= 1000 && !defined {
                false
            } else if c.strong {
                has_defs && (defined || c.number == last + 1)
            } else {
                def_after && next_in_line
            };
            if !ok {
                continue;
            }
            last = last.max(c.number);
            markers.push(FootnoteMarker {
                number: c.number,
                span: c.start..c.end,
                footnote: None,
                page: line.page,
                spaced: c.spaced,
                convention: super::NoteConvention::Plain,
            });
        }
    }
    for m in &mut markers {
        // The first definition after the marker, else any with its number.
        let same = defs.get(&m.number).map_or(&[][..], Vec::as_slice);
        m.footnote = same
            .iter()
            .copied()
            .find(|&i| footnotes[i].span.start > m.span.start)
            .or_else(|| same.first().copied());
    }
    markers
}

fn candidates(text: &str, span: crate::Span) -> Vec<Candidate> {
    let line = &text[span.clone()];
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i = next_digit(b, i + 1);
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        if let Some(c) = judge(line, start, end) {
            out.push(Candidate {
                start: span.start + start,
                end: span.start + end,
                ..c
            });
        }
    }
    out
}

/// The first ASCII digit at or after `from` (or the end): eight bytes at a
/// time, for running text has few digits.
fn next_digit(b: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(eight) = b.get(from..from + 8) {
        // Digits become bytes below 10; "has a byte below 10" is exact
        // when asked of all eight at once.
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes")) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & (0x80 * ONES) != 0 {
            break;
        }
        from += 8;
    }
    while from < b.len() && !b[from].is_ascii_digit() {
        from += 1;
    }
    from
}

fn judge(line: &str, start: usize, end: usize) -> Option<Candidate> {
    if end - start > 4 {
        return None;
    }
    let number: u32 = line[start..end].parse().ok()?;
    if number == 0 {
        return None;
    }
    let after = &line[end..];
    let mut next = after.chars();
    match next.next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '%' | '°' | '‰' | '_' | '@') => {
            return None
        }
        Some(',' | '.' | '-' | '–' | '/' | ':')
            if next.next().is_some_and(|c| c.is_ascii_digit()) =>
        {
            return None
        }
        _ => {}
    }
    let before = &line[..start];
    let prev = before.chars().next_back();
    // Markdown conversions: `»[1 ]`, `[4 5 ]`.
    let digit_or_space = |c: char| c.is_ascii_digit() || c == ' ';
    let bracketed = before.trim_end_matches(digit_or_space).ends_with('[')
        && after.trim_start_matches(digit_or_space).starts_with(']');
    let candidate = |strong, spaced| Candidate {
        number,
        start: 0,
        end: 0,
        strong,
        spaced,
    };
    match prev {
        _ if bracketed => Some(candidate(true, false)),
        Some(c) if c.is_lowercase() => Some(candidate(true, false)),
        Some('.' | ',' | ';' | ':' | '?' | '!' | '»' | '”' | '"' | '’' | '\'' | ')' | ']') => {
            let word = last_word(before);
            let p2 = before[..before.len() - prev.unwrap().len_utf8()]
                .chars()
                .next_back();
            // `5.3`, `1,5` are decimals; `2023.13 De` is a year ending a sentence.
            let head = &before[..before.len() - prev.map_or(0, char::len_utf8)];
            let run = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let year_then_marker =
                run == 4 && prev == Some('.') && !after.starts_with(|c: char| c.is_alphanumeric());
            if (p2.is_some_and(|c| c.is_ascii_digit()) && !year_then_marker)
                || is_quantity_word(word)
            {
                return None;
            }
            Some(candidate(true, false))
        }
        Some(c) if c.is_uppercase() => Some(candidate(false, false)),
        Some(' ') | None => {
            let word = last_word(before);
            // `Vraag 3, 4 en 5`, `2019 en 2021`: a list of numbers.
            // A year before it is fine (`van 7 november 2023 1 heb`).
            let digits = word.trim_end_matches([',', ';']);
            let year = digits.len() >= 4
                && digits.len() == word.len()
                && digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '–' || c == '-');
            // `?1, 2`: a second marker after a glued one and a comma, not a
            // list of numbers (a weak candidate: its note must follow).
            let glued = digits.trim_end_matches(|c: char| c.is_ascii_digit());
            let second_marker = word.ends_with(',')
                && (1..=3).contains(&(digits.len() - glued.len()))
                && glued
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || matches!(c, '.' | '?' | '!' | '»' | '”'));
            let listed = digits.ends_with(|c: char| c.is_ascii_digit()) && !year && !second_marker;
            // `CO 2`, `NO 2`: a chemical formula or code, not a marker.
            let code =
                (1..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase());
            if listed || code || is_quantity_word(word) {
                return None;
            }
            if before.chars().rev().take_while(|&c| c == ' ').count() > 1 {
                return None;
            }
            let next_word = after
                .trim_start()
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let next_word = next_word.trim_end_matches([',', ';', ')']);
            if AFTER.holds(next_word) {
                return None;
            }
            Some(candidate(false, true))
        }
        _ => None,
    }
}

fn last_word(before: &str) -> &str {
    before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

fn is_quantity_word(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '«', '[']);
    let nr = w.len() >= 3
        && w.is_char_boundary(w.len() - 3)
        && w[w.len() - 3..].eq_ignore_ascii_case("nr.");
    BEFORE.holds(w) || nr || w.starts_with('€')
}

/// A list of words, each packed into an integer (its bytes and its
/// length), sorted for a binary search of integers. The lists hold lower
/// case, and their only non-ASCII characters have no case: a word is
/// looked up with its ASCII letters lower-cased (as comparing with ASCII
/// case folded).
struct WordList {
    sorted: Vec<u128>,
}

impl WordList {
    fn new(words: &[&'static str]) -> WordList {
        let mut sorted: Vec<u128> = words
            .iter()
            .map(|w| WordList::key(w).expect("a short word"))
            .collect();
        sorted.sort_unstable();
        WordList { sorted }
    }

    /// Up to 15 bytes, lower-cased, and the length in the top byte.
    fn key(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        if b.len() > 15 {
            return None;
        }
        let mut k = (b.len() as u128) << 120;
        for (i, &c) in b.iter().enumerate() {
            k |= u128::from(c.to_ascii_lowercase()) << (8 * i);
        }
        Some(k)
    }

    fn holds(&self, word: &str) -> bool {
        WordList::key(word).is_some_and(|k| self.sorted.binary_search(&k).is_ok())
    }
}

static BEFORE: LazyLock<WordList> = LazyLock::new(|| WordList::new(QUANTITY_BEFORE));
static AFTER: LazyLock<WordList> = LazyLock::new(|| WordList::new(QUANTITY_AFTER));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_hold_their_words_in_any_case_and_nothing_longer() {
        assert!(BEFORE.holds("VERGADERJAAR") && BEFORE.holds("zo’n") && BEFORE.holds("€"));
        assert!(AFTER.holds("Weken") && !AFTER.holds("weke"));
        assert!(!BEFORE.holds("vergaderjaarvergaderjaar") && !BEFORE.holds("van\0"));
    }

    proptest::proptest! {
        /// The sorted lists answer as a comparison with every word would.
        #[test]
        fn word_lists_agree_with_comparing_each_word(
            word in "(van|VAN|Op|nr\\.|zo’n|€|–|×|week|Weken|MEI|sept\\.|[a-zA-Z.’€]{0,5}|\\PC{0,3})"
        ) {
            let plain = |list: &[&str]| list.iter().any(|q| q.eq_ignore_ascii_case(&word));
            proptest::prop_assert_eq!(BEFORE.holds(&word), plain(QUANTITY_BEFORE));
            proptest::prop_assert_eq!(AFTER.holds(&word), plain(QUANTITY_AFTER));
        }

        #[test]
        fn next_digit_finds_the_first_digit(text in "[a-z0-9 .,«»é9:;/\\-]{0,40}", from in 0usize..40) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let plain = (from..b.len()).find(|&i| b[i].is_ascii_digit()).unwrap_or(b.len());
            proptest::prop_assert_eq!(super::next_digit(b, from), plain);
        }
    }
}
