//! Footnote blocks at the bottom of pages.
//!
//! A definition line starts with its number, then a space or directly a
//! capital (`4 Kamerstukken II …`, `1Brabants Dagblad …`). Numbering runs
//! through the document, so a block starts at the first line of a page whose
//! number follows the last definition (allowing a gap of two), and runs to
//! the end of the page. Inside a block a line starts a new definition only if
//! its number follows the previous one the same way (or repeats it: a
//! duplicate, reported by the lints); any other line
//! continues the current definition (`34 700, nr. 34.` continues footnote 11).
//! Lines that begin with a number and a lower-case word are running text
//! (`23 september 2020`, `11 weken`, `3 ingegaan op`), except web addresses.

use std::sync::LazyLock;

use regex::Regex;

use super::{FootnoteBlock, Layout, Line, LineKind};

/// How far the numbering may jump between two definitions: a gap of two.
const MAX_STEP: u32 = 3;

/// The footnote number a line would define, if it reads like a definition:
/// at most one space or form feed, one to four digits, then a capital or an
/// opening quote or bracket, directly or after white space (after white
/// space also a digit, a quote or a web address), and not a dossier number
/// a line break cut ([`wrapped_dossier_number`]). Returns the number and
/// where its digits start. (Written out by hand: this runs for every line
/// that starts with a number; `tests::definition_number_agrees_with_its_regex`
/// holds it to the regex it replaces.)
#[inline]
pub(crate) fn definition_number(line: &str) -> Option<(u32, usize)> {
    // Most lines open with a letter: inlined, this turns them down
    // without a call.
    match line.as_bytes().first() {
        Some(b'0'..=b'9' | b' ' | b'\x0c') => number_of_definition(line),
        _ => None,
    }
}

fn number_of_definition(line: &str) -> Option<(u32, usize)> {
    let b = line.as_bytes();
    let start = usize::from(matches!(b.first(), Some(b' ' | b'\x0c')));
    let digits = crate::text::ascii_digits(b, start, usize::MAX);
    if !(1..=4).contains(&digits) {
        return None;
    }
    let end = start + digits;
    let rest = &line[end..];
    let after_space = rest.trim_start_matches([' ', '\t']);
    let ok = if after_space.len() < rest.len() {
        after_space.starts_with(|c: char| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '«' | '“' | '‘' | '„' | '"' | '\'' | '(' | '[')
        }) || after_space.starts_with("http:")
            || after_space.starts_with("https:")
            || after_space.starts_with("www.")
    } else {
        rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '«' | '“' | '(' | '['))
    };
    if !ok || wrapped_dossier_number(line) {
        return None;
    }
    let n: u32 = line[start..end].parse().ok()?;
    (n > 0).then_some((n, start))
}

/// A dossier number that a line break cut after its first digits
/// (`Kamerstuk` / `19 441, nr. 1342.`): one or two digits, a space, and
/// three more before a comma, a dash or the line's end, as dossier numbers
/// are written (`19 441`). Such a line opens no definition.
fn wrapped_dossier_number(line: &str) -> bool {
    let b = line.as_bytes();
    let at = usize::from(matches!(b.first(), Some(b' ' | b'\x0c')));
    let lead = crate::text::ascii_digits(b, at, 3);
    if !(1..=2).contains(&lead) || b.get(at + lead) != Some(&b' ') {
        return false;
    }
    let rest = at + lead + 1;
    crate::text::ascii_digits(b, rest, 4) == 3
        && matches!(b.get(rest + 3), None | Some(b',' | b'-' | b'\r'))
}

/// Inside a block, a definition may begin in lower case (`5 pyrotechnische
/// stoffen …`) when its number is exactly the next one.
fn next_lowercase_definition(line: &str, prev: u32) -> Option<u32> {
    static LOWER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \u{c}]?([0-9]{1,4})[ \t]+\p{Ll}").unwrap());
    if !line
        .trim_start_matches([' ', '\u{c}'])
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let n: u32 = LOWER.captures(line)?[1].parse().ok()?;
    (n == prev + 1).then_some(n)
}

/// Whether `n` stands glued to a lower-case word or closing punctuation
/// (`Regeerakkoord11`, `gezonden.14`) somewhere before `before`.
pub(crate) fn glued_marker_before(text: &str, before: usize, n: u32) -> bool {
    let digits = n.to_string();
    let head = &text[..before];
    // The digits are ASCII: where they stand and end are character
    // boundaries. (A vectorised search: `str::find` of a short needle
    // over a long text was most of this.)
    memchr::memmem::find_iter(head.as_bytes(), digits.as_bytes()).any(|at| {
        let end = at + digits.len();
        let prev = head[..at].chars().next_back();
        let next = head[end..].chars().next();
        let glued =
            prev.is_some_and(|c| c.is_lowercase() || matches!(c, '.' | '»' | '?' | ')' | '”'));
        let ends = !next.is_some_and(|c| c.is_alphanumeric());
        let digit_before = prev.is_some_and(|c| c.is_ascii_digit());
        glued && ends && !digit_before
    })
}

/// A `?` that ends a sentence (not one inside a web address's query).
fn asks_question(line: &str) -> bool {
    line.match_indices('?').any(|(at, _)| {
        line[at + 1..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '»' | '”' | '"' | '’' | ')'))
    })
}

/// `Antwoord`, `Antwoord van minister …`: where the answers start.
fn opens_answer(line: &str) -> bool {
    let t = line.trim_start();
    t.strip_prefix("Antwoord")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '\t']))
}

/// An `Antwoord` heading under which the answers may follow numbered
/// (`Antwoord`, `Antwoord van minister …` of an old Aanhangsel), unlike
/// one that carries its question's number itself (`Antwoord 2`, `Antwoord
/// op vraag 2`).
fn opens_numbered_answers(line: &str) -> bool {
    opens_answer(line) && {
        let rest = line.trim_start()["Antwoord".len()..].trim_start_matches([' ', ':', '\t']);
        !(rest.starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with("op vra"))
    }
}

/// The lines of a block that turned out not to be notes are running text
/// again.
fn back_to_body(lines: &mut [Line]) {
    for line in lines {
        if matches!(
            line.kind,
            LineKind::FootnoteStart | LineKind::FootnoteContinuation
        ) {
            line.kind = LineKind::Body;
        }
    }
}

pub(super) fn find_blocks(text: &str, layout: &mut Layout) {
    let mut last_def = 0u32;
    for page in 0..layout.pages.len() {
        let lines = layout.pages[page].lines.clone();
        // Old Kamervragen number their questions the same way, and their
        // answers under the `Antwoord` heading (`1 Ja.`, `2 Het kan …`):
        // among those, a block opens only with the next note in turn whose
        // marker is glued into the text above (a heading at a page's foot
        // stands above that page's notes).
        let mut under_heading = false;
        let mut next_answer: Option<u32> = None;
        let mut start = None;
        for i in lines.clone() {
            let line = &layout.lines[i];
            if line.kind != LineKind::Body {
                continue;
            }
            let s = &text[line.span.clone()];
            if opens_numbered_answers(s) {
                (under_heading, next_answer) = (true, None);
                continue;
            }
            let Some((n, _)) = definition_number(s) else {
                under_heading = false;
                continue;
            };
            let follows = (n > last_def && n <= last_def + MAX_STEP)
                // A file that is part of a dossier (an answering letter on
                // its own) may start at footnote 11: then its marker must
                // stand in the text above.
                || (last_def == 0 && glued_marker_before(text, line.span.start, n));
            let an_answer = under_heading || next_answer == Some(n);
            let next_note = || n == last_def + 1 && glued_marker_before(text, line.span.start, n);
            if follows && !s.trim_end().ends_with('?') && (!an_answer || next_note()) {
                start = Some(i);
                break;
            }
            if an_answer {
                (under_heading, next_answer) = (false, Some(n + 1));
            }
        }
        let Some(start) = start else {
            continue;
        };
        // Where the block starts: moved down where the numbering starts again.
        let mut from = start;
        let mut prev = 0u32;
        let mut end = start;
        // The block's first number; whether a blank line came since the
        // last line of text, and whether text followed one.
        let (mut first, mut blank, mut text_after_blank) = (None, false, false);
        for i in start..lines.end {
            let kind = layout.lines[i].kind;
            // A block ends at the page's furniture or another convention's notes.
            if matches!(
                kind,
                LineKind::Furniture | LineKind::FootnoteStart | LineKind::FootnoteContinuation
            ) {
                break;
            }
            if kind == LineKind::Blank {
                blank = true;
            }
            if kind != LineKind::Body {
                continue;
            }
            let s = &text[layout.lines[i].span.clone()];
            // The answers begin: the running text goes on (an OCR page
            // prints the questions' notes under the questions).
            if i > from && opens_answer(s) {
                break;
            }
            let n = definition_number(s)
                .map(|(n, _)| n)
                .or_else(|| next_lowercase_definition(s, prev));
            // Notes stand at the page's foot: where the numbering starts
            // again under a paragraph of text, the block starts there (a
            // note's number at the start of a wrapped line of text, `…
            // akkoord?` / `1 Zo ja, …`, is not a definition).
            if n.zip(first).is_some_and(|(n, f)| n <= f) && text_after_blank {
                back_to_body(&mut layout.lines[from..i]);
                (from, prev, first, text_after_blank) = (i, 0, None, false);
            }
            let line = &mut layout.lines[i];
            line.kind = match n {
                // `n == prev`: a duplicate definition, which the lints report.
                Some(n) if i == from || (n >= prev && n <= prev + MAX_STEP) => {
                    prev = n;
                    first = first.or(Some(n));
                    LineKind::FootnoteStart
                }
                _ => {
                    text_after_blank |= blank;
                    LineKind::FootnoteContinuation
                }
            };
            blank = false;
            end = i + 1;
        }
        let start = from;
        // Notes are referred to: a block that asks questions and none of
        // whose numbers stands as a marker above it is numbered questions
        // (`2 Hebt u …?` of an old Aanhangsel), not notes.
        let asks = layout.lines[start..end]
            .iter()
            .any(|l| l.kind != LineKind::Blank && asks_question(&text[l.span.clone()]));
        let evidenced = !asks
            || (start..end).any(|i| {
                let line = &layout.lines[i];
                line.kind == LineKind::FootnoteStart
                    && definition_number(&text[line.span.clone()])
                        .is_some_and(|(n, _)| glued_marker_before(text, line.span.start, n))
            });
        if !evidenced {
            back_to_body(&mut layout.lines[start..end]);
            continue;
        }
        last_def = last_def.max(prev);
        let at = layout
            .footnote_blocks
            .partition_point(|b| b.lines.start < start);
        layout.footnote_blocks.insert(
            at,
            FootnoteBlock {
                span: layout.lines[start].span.start..layout.lines[end - 1].span.end,
                lines: start..end,
                page,
                convention: super::NoteConvention::Plain,
            },
        );
    }
}
