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

use crate::layout::{brackets_open_after, superscript_value, typed_marker_form};

use super::{Footnote, FootnoteMarker, NoteConvention};

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
    "gemiddeld",
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
    "fte",
    "vte",
    "banen",
    "bedden",
    "woningen",
    "liter",
    "gram",
    "cm",
    "mm",
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

const MONTHS: [&str; 12] = [
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
];

struct Candidate {
    number: u32,
    start: usize,
    end: usize,
    strong: bool,
    spaced: bool,
    /// Read only if it is exactly the next note, defined below it on the
    /// same page: a marker the extraction glued to what follows
    /// (`Graus.20Gegeven`) or to a number before it (`juli 202123`).
    exact: bool,
}

pub(super) fn find(text: &str, layout: &Layout, footnotes: &[Footnote]) -> Vec<FootnoteMarker> {
    let mut markers = convention_markers(text, layout, footnotes);
    let claimed: Vec<crate::Span> = markers.iter().map(|m| m.span.clone()).collect();
    markers.extend(plain_markers(text, layout, footnotes, &claimed, None));
    markers.sort_by_key(|m| m.span.start);
    // Definitions by convention and number (or Markdown label), in
    // document order.
    let mut defs: HashMap<super::NoteKey, Vec<usize>> = HashMap::default();
    for (i, f) in footnotes.iter().enumerate() {
        defs.entry(f.key()).or_default().push(i);
    }
    for m in &mut markers {
        // The first definition after the marker, else any with its number.
        let same = defs.get(&m.key()).map_or(&[][..], Vec::as_slice);
        m.footnote = same
            .iter()
            .copied()
            .find(|&i| footnotes[i].span.start > m.span.start)
            .or_else(|| same.first().copied());
    }
    markers
}

/// Markers of footnotes at the bottom of a page or after the body.
fn plain_markers(
    text: &str,
    layout: &Layout,
    footnotes: &[Footnote],
    claimed: &[crate::Span],
    mut explained: Option<&mut Vec<NumberReading>>,
) -> Vec<FootnoteMarker> {
    let plain = |f: &&Footnote| f.convention == NoteConvention::Plain;
    let has_defs = footnotes.iter().any(|f| plain(&f));
    // Definitions by number, in document order.
    let mut defs: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, f) in footnotes.iter().enumerate().filter(|(_, f)| plain(f)) {
        defs.entry(f.number).or_default().push(i);
    }
    let overlaps = |start: usize, end: usize| {
        claimed
            .iter()
            .any(|c| c.start <= end + 1 && start <= c.end + 1)
    };
    let mut markers: Vec<FootnoteMarker> = Vec::new();
    let mut last = 0u32;
    // One buffer for every line's candidates.
    let mut found: Vec<Candidate> = Vec::new();
    for line in layout.lines.iter().filter(|l| l.kind == LineKind::Body) {
        candidates_explained(
            text,
            line.span.clone(),
            explained.as_deref_mut(),
            &mut found,
        );
        for c in found.drain(..) {
            if overlaps(c.start, c.end) {
                continue;
            }
            let same = defs.get(&c.number).map_or(&[][..], Vec::as_slice);
            let def_after = same.iter().any(|&i| footnotes[i].span.start > c.start);
            let defined = !same.is_empty();
            let next_in_line = c.number > last && c.number <= last + MAX_STEP;
            // Four digits are a year far more often than a footnote.
            let ok = if c.exact {
                c.number == last + 1
                    && same.iter().any(|&i| {
                        footnotes[i].span.start > c.start && footnotes[i].page == line.page
                    })
            } else if c.number >= 1000 && !defined {
                false
            } else if c.strong {
                has_defs && (defined || c.number == last + 1)
            } else {
                def_after && next_in_line
            };
            if let Some(sink) = explained.as_mut() {
                let reason = match (ok, c.exact, c.strong) {
                    (true, true, _) => NumberReason::GluedNextNote,
                    (true, false, true) => NumberReason::GluedNumbered,
                    (true, false, false) => NumberReason::SpacedNextNote,
                    (false, true, _) => NumberReason::GluedNotNext,
                    (false, false, _) if c.number >= 1000 && !defined => {
                        NumberReason::YearOrPostcode
                    }
                    (false, false, true) if !has_defs => NumberReason::GluedNoNotes,
                    (false, false, true) => NumberReason::GluedNoSuchNote,
                    (false, false, false) if !next_in_line => NumberReason::SpacedNotNext,
                    (false, false, false) => NumberReason::SpacedNoSuchNote,
                };
                sink.push(NumberReading {
                    number: c.number,
                    span: c.start..c.end,
                    taken: ok,
                    reason,
                });
            }
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
                convention: NoteConvention::Plain,
                label: None,
            });
        }
    }
    markers
}

/// Markers of Markdown notes (`[^1]`, `[^bron]`: always, a definition or
/// not), of typed notes (`[1]`, `(1)`, `1)`: only of a form and number the
/// document defines) and of superscript notes (`NVVK²`: only numbers the
/// document defines).
fn convention_markers(text: &str, layout: &Layout, footnotes: &[Footnote]) -> Vec<FootnoteMarker> {
    let typed: Vec<(char, u32)> = footnotes
        .iter()
        .filter(|f| f.convention == NoteConvention::Typed)
        .map(|f| (typed_form(text, f), f.number))
        .collect();
    let superscript: Vec<u32> = footnotes
        .iter()
        .filter(|f| f.convention == NoteConvention::Superscript)
        .map(|f| f.number)
        .collect();
    let labels: HashMap<&str, u32> = footnotes
        .iter()
        .filter_map(|f| f.label.as_deref().map(|l| (l, f.number)))
        .collect();
    let mut out = Vec::new();
    // One search of the whole text spares most documents the line by line
    // look for each convention.
    let markdown = memchr::memmem::find(text.as_bytes(), b"[^").is_some();
    if !markdown && typed.is_empty() && superscript.is_empty() {
        return out;
    }
    for line in layout.lines.iter().filter(|l| l.kind == LineKind::Body) {
        let s = &text[line.span.clone()];
        let base = line.span.start;
        let mut push = |number: u32, span: std::ops::Range<usize>, convention, label| {
            out.push(FootnoteMarker {
                number,
                span: base + span.start..base + span.end,
                footnote: None,
                page: line.page,
                spaced: s[..span.start].ends_with(' '),
                convention,
                label,
            });
        };
        // `[^1]`, `[^bron]`.
        let mut from = 0;
        while let Some(i) = markdown
            .then(|| memchr::memmem::find(&s.as_bytes()[from..], b"[^"))
            .flatten()
        {
            let at = from + i + 2;
            from = at;
            let Some(close) = s[at..].find(']') else {
                break;
            };
            let label = &s[at..at + close];
            if label.is_empty() || label.contains(char::is_whitespace) {
                continue;
            }
            match label.parse::<u32>() {
                Ok(n) if n > 0 => push(n, at..at + close, NoteConvention::Markdown, None),
                _ => {
                    let n = labels.get(label).copied().unwrap_or(0);
                    let owned = Some(label.to_string());
                    push(n, at..at + close, NoteConvention::Markdown, owned);
                }
            }
        }
        if !typed.is_empty() {
            for (form, n, span) in typed_candidates(s) {
                if typed.contains(&(form, n)) {
                    push(n, span, NoteConvention::Typed, None);
                }
            }
        }
        if !superscript.is_empty() && !s.is_ascii() {
            for (n, span) in superscript_runs(s) {
                if superscript.contains(&n) {
                    push(n, span, NoteConvention::Superscript, None);
                }
            }
        }
    }
    out
}

/// The form a typed definition is written in: `[1]`, `(1)` or `1)`.
fn typed_form(text: &str, f: &Footnote) -> char {
    match text[..f.number_span.start].chars().next_back() {
        Some('[') => '[',
        Some('(') => '(',
        _ => ')',
    }
}

/// `[1]`, `(1)`, `1)` in a line, not at its start (where they open an item
/// or a definition): their form, number and the digits' span.
fn typed_candidates(s: &str) -> Vec<(char, u32, std::ops::Range<usize>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // Round brackets opened on the line and not yet closed.
    let mut open = 0usize;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            open = brackets_open_after(open, b[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start > 3 || s[..start].trim().is_empty() {
            continue;
        }
        let Ok(n) = s[start..i].parse::<u32>() else {
            continue;
        };
        // Read as the layout reads the evidence for typed definitions.
        let Some(form) = typed_marker_form(b[..start].last().copied(), b.get(i).copied(), open)
        else {
            continue;
        };
        // A closing bracket glued to a word or number is part of it.
        if b.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        out.push((form, n, start..i));
    }
    out
}

/// Runs of superscript digits glued to the text before them (`NVVK²`,
/// `jaarverslag.¹²`), not after a unit (`m²`, `km²`).
fn superscript_runs(s: &str) -> Vec<(u32, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut run: Option<(u32, usize)> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if let Some(v) = superscript_value(c) {
            let (n, start) = run.unwrap_or((0, at));
            // A run longer than any number wraps (as a release build
            // always did), never stopping the reading.
            run = Some((n.wrapping_mul(10).wrapping_add(v), start));
            let ends = iter
                .peek()
                .is_none_or(|(_, c)| superscript_value(*c).is_none());
            if ends {
                let (n, start) = run.take().unwrap_or((0, at));
                let before = s[..start].chars().next_back();
                let word = last_word(&s[..start]);
                let unit = matches!(word, "m" | "cm" | "mm" | "km" | "dm");
                if n > 0 && before.is_some_and(|c| !c.is_whitespace()) && !unit {
                    out.push((n, start..at + c.len_utf8()));
                }
            }
        }
    }
    out
}

/// Why a number in the running text was or was not read as a marker, for
/// `inspect`, which puts the reason in words in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberReading {
    pub number: u32,
    pub span: crate::Span,
    pub taken: bool,
    pub reason: NumberReason,
}

/// Why a number was or was not read as a marker; [`NumberReason::code`]
/// is what `inspect`'s JSON shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberReason {
    MarkdownMarker,
    TypedMarker,
    SuperscriptMarker,
    GluedNextNote,
    GluedNumbered,
    SpacedNextNote,
    GluedNotNext,
    YearOrPostcode,
    GluedNoNotes,
    GluedNoSuchNote,
    SpacedNotNext,
    SpacedNoSuchNote,
    MoreThanFourDigits,
    Zero,
    PartOfWord,
    DecimalOrRange,
    NumberPart,
    AfterQuantityWord,
    OpensLine,
    InNumberList,
    AfterCode,
    AfterSpaces,
    BeforeQuantityWord,
    NotAfterLetter,
}

impl NumberReason {
    pub fn code(self) -> &'static str {
        match self {
            NumberReason::MarkdownMarker => "markdown-marker",
            NumberReason::TypedMarker => "typed-marker",
            NumberReason::SuperscriptMarker => "superscript-marker",
            NumberReason::GluedNextNote => "glued-next-note",
            NumberReason::GluedNumbered => "glued-numbered",
            NumberReason::SpacedNextNote => "spaced-next-note",
            NumberReason::GluedNotNext => "glued-not-next",
            NumberReason::YearOrPostcode => "year-or-postcode",
            NumberReason::GluedNoNotes => "glued-no-notes",
            NumberReason::GluedNoSuchNote => "glued-no-such-note",
            NumberReason::SpacedNotNext => "spaced-not-next",
            NumberReason::SpacedNoSuchNote => "spaced-no-such-note",
            NumberReason::MoreThanFourDigits => "more-than-four-digits",
            NumberReason::Zero => "zero",
            NumberReason::PartOfWord => "part-of-word",
            NumberReason::DecimalOrRange => "decimal-or-range",
            NumberReason::NumberPart => "number-part",
            NumberReason::AfterQuantityWord => "after-quantity-word",
            NumberReason::OpensLine => "opens-line",
            NumberReason::InNumberList => "in-number-list",
            NumberReason::AfterCode => "after-code",
            NumberReason::AfterSpaces => "after-spaces",
            NumberReason::BeforeQuantityWord => "before-quantity-word",
            NumberReason::NotAfterLetter => "not-after-letter",
        }
    }
}

/// Every number of the running text that could be a page's footnote
/// marker, with why it was or was not read as one.
pub fn explain(text: &str, layout: &Layout, footnotes: &[Footnote]) -> Vec<NumberReading> {
    let mut markers = convention_markers(text, layout, footnotes);
    let claimed: Vec<crate::Span> = markers.iter().map(|m| m.span.clone()).collect();
    let mut out: Vec<NumberReading> = markers
        .drain(..)
        .map(|m| NumberReading {
            number: m.number,
            span: m.span,
            taken: true,
            reason: match m.convention {
                NoteConvention::Markdown => NumberReason::MarkdownMarker,
                NoteConvention::Typed => NumberReason::TypedMarker,
                _ => NumberReason::SuperscriptMarker,
            },
        })
        .collect();
    plain_markers(text, layout, footnotes, &claimed, Some(&mut out));
    out.sort_by_key(|r| r.span.start);
    out
}

fn candidates_explained(
    text: &str,
    span: crate::Span,
    mut rejected: Option<&mut Vec<NumberReading>>,
    out: &mut Vec<Candidate>,
) {
    let line = &text[span.clone()];
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i = crate::text::next_ascii_digit(b, i + 1);
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        let judged = judge(line, start, end);
        if let Ok(c) = judged {
            out.push(Candidate {
                start: span.start + start,
                end: span.start + end,
                ..c
            });
        } else {
            let found = glued(line, start, end);
            if let (Some(sink), Err(reason), true) = (rejected.as_mut(), judged, found.is_empty()) {
                sink.push(NumberReading {
                    number: line[start..end].parse().unwrap_or(0),
                    span: span.start + start..span.start + end,
                    taken: false,
                    reason,
                });
            }
            for (from, number) in found {
                out.push(Candidate {
                    number,
                    start: span.start + from,
                    end: span.start + end,
                    strong: true,
                    spaced: false,
                    exact: true,
                });
            }
        }
    }
}

/// Where a marker may hide in digits that `judge` turned down: after
/// closing punctuation with the next sentence glued on (`Graus.20Gegeven`,
/// `kosten.46Dat`), or as the tail of a year (`juli 202123`) or of a
/// reference number after a slash (`2018/84833`). Each is a candidate
/// only if it is exactly the next note (see [`Candidate::exact`]).
fn glued(line: &str, start: usize, end: usize) -> Vec<(usize, u32)> {
    let b = line.as_bytes();
    let before = b[..start].last().copied();
    let after = line[end..].chars().next();
    let len = end - start;
    if len <= 3
        && matches!(before, Some(b'.' | b',' | b';' | b':' | b'?' | b'!' | b')'))
        && after.is_some_and(char::is_uppercase)
        && !b[..start.saturating_sub(1)]
            .last()
            .is_some_and(u8::is_ascii_digit)
    {
        return line[start..end]
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .map(|n| (start, n))
            .into_iter()
            .collect();
    }
    if after.is_some_and(char::is_alphanumeric) || !(5..=7).contains(&len) {
        return Vec::new();
    }
    // The year of a date (`14 juli 2021`), not any four digits
    // (`Postbus 20301`).
    let month = last_word(&line[..start])
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let dated = MONTHS.contains(&month.as_str());
    let year =
        |head: &str| dated && head.len() == 4 && (head.starts_with("19") || head.starts_with("20"));
    (1..=3)
        .filter_map(|tail| {
            let head = &line[start..end - tail];
            let ok = year(head) || (before == Some(b'/') && head.len() >= 3);
            let n: u32 = line[end - tail..end].parse().ok()?;
            (ok && n > 0 && !line[end - tail..].starts_with('0')).then_some((end - tail, n))
        })
        .collect()
}

fn judge(line: &str, start: usize, end: usize) -> Result<Candidate, NumberReason> {
    if end - start > 4 {
        return Err(NumberReason::MoreThanFourDigits);
    }
    let number: u32 = line[start..end]
        .parse()
        .map_err(|_| NumberReason::MoreThanFourDigits)?;
    if number == 0 {
        return Err(NumberReason::Zero);
    }
    let after = &line[end..];
    let mut next = after.chars();
    match next.next() {
        Some(c) if c.is_alphanumeric() || matches!(c, '%' | '°' | '‰' | '_' | '@') => {
            return Err(NumberReason::PartOfWord)
        }
        Some(',' | '.' | '-' | '–' | '/' | ':')
            if next.next().is_some_and(|c| c.is_ascii_digit()) =>
        {
            return Err(NumberReason::DecimalOrRange)
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
        exact: false,
    };
    match prev {
        _ if bracketed => Ok(candidate(true, false)),
        Some(c) if c.is_lowercase() => Ok(candidate(true, false)),
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
            if p2.is_some_and(|c| c.is_ascii_digit()) && !year_then_marker {
                return Err(NumberReason::NumberPart);
            }
            if is_quantity_word(word) {
                return Err(NumberReason::AfterQuantityWord);
            }
            Ok(candidate(true, false))
        }
        Some(c) if c.is_uppercase() => Ok(candidate(false, false)),
        Some(' ') | None => {
            // `1. Inleiding`, `2) Periodieke …`, `3 Hebt u …?` at the start
            // of a line: an item's, a heading's or a question's number.
            if before.trim().is_empty()
                && (after.starts_with(['.', ')'])
                    || (after.starts_with(' ') && line.trim_end().ends_with('?')))
            {
                return Err(NumberReason::OpensLine);
            }
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
            if listed {
                return Err(NumberReason::InNumberList);
            }
            if code {
                return Err(NumberReason::AfterCode);
            }
            if is_quantity_word(word) {
                return Err(NumberReason::AfterQuantityWord);
            }
            if before.chars().rev().take_while(|&c| c == ' ').count() > 1 {
                return Err(NumberReason::AfterSpaces);
            }
            let next_word = after
                .trim_start()
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let next_word = next_word.trim_end_matches([',', ';', ')']);
            if AFTER.holds(next_word) {
                return Err(NumberReason::BeforeQuantityWord);
            }
            Ok(candidate(false, true))
        }
        _ => Err(NumberReason::NotAfterLetter),
    }
}

fn last_word(before: &str) -> &str {
    before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Whether a line runs on into a number that opens the next one: it ends
/// in a word after which a number is a quantity or a reference (`nr.`,
/// `artikel`, `van`), or in the middle of a sentence (a lower-case letter:
/// `op een bizarre plaats` / `105.`).
pub(super) fn runs_on_into_a_number(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(char::is_lowercase) || is_quantity_word(last_word(line))
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

    }
}
