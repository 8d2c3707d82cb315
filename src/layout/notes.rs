//! Notes written in other conventions than the PDF's footnote block:
//! Markdown footnotes (`[^1]: Kamerstukken II …`), notes the author typed
//! (`[1] https://…`, `1) NOS, 6 maart 2024`, `(1) …`) and notes numbered
//! with superscript digits (`² NVVK, Jaarverslag 2023`).
//!
//! Markdown definitions are unambiguous and always taken. A typed or
//! superscript definition is taken only as part of a run whose numbering
//! agrees with itself (rising by one) and with the text above it: most of
//! its numbers must stand in that text as a marker of the same form. So a
//! numbered list (`1) Gemeenten stellen …`) is not read as notes.

use rustc_hash::FxHashMap as HashMap;

use super::{FootnoteBlock, Layout, LineKind, NoteConvention};

/// The opening of a note definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteHead {
    pub convention: NoteConvention,
    /// The form, for typed notes: `[`, `(` or `)` (`1)`); `^` for Markdown,
    /// `s` for superscripts.
    pub form: char,
    pub number: u32,
    /// A Markdown label that is not a number (`[^bron]`).
    pub label: Option<String>,
    /// Where the number (or label) stands in the line.
    pub number_span: std::ops::Range<usize>,
    /// Where the note's text starts in the line.
    pub text_start: usize,
}

/// The value of a superscript digit.
pub fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// The note definition a line opens, if it opens one: `[^1]: …`,
/// `[^bron]: …`, `[1] …` (or `[1]` alone, its text on the next line),
/// `(1) …`, `1) …`, `¹ …`. Up to three spaces may stand before it.
#[inline]
pub fn note_head(line: &str) -> Option<NoteHead> {
    // Most lines open with a letter: inlined, this turns them down
    // without a call.
    match line.as_bytes().first() {
        Some(b) if b.is_ascii() && !matches!(b, b' ' | b'\x0c' | b'[' | b'(' | b'0'..=b'9') => None,
        None => None,
        _ => head_of(line),
    }
}

fn head_of(line: &str) -> Option<NoteHead> {
    let lead = line
        .bytes()
        .take(4)
        .take_while(|&b| matches!(b, b' ' | b'\x0c'))
        .count();
    // A head opens with `[`, `(`, a digit or a superscript digit (none of
    // them ASCII): most lines open with a letter and are turned down here.
    match line.as_bytes().get(lead) {
        Some(b'[' | b'(' | b'0'..=b'9') if lead <= 3 => {}
        Some(b) if lead <= 3 && !b.is_ascii() => {}
        _ => return None,
    }
    let s = &line[lead..];
    let digits_at = |from: usize| {
        let n = s[from..].bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&n).then(|| {
            let v: u32 = s[from..from + n].parse().unwrap_or(0);
            (v, from + n)
        })
    };
    let head = |convention, form, number, label, span: std::ops::Range<usize>, text: usize| {
        let text_start = lead + text + (s[text..].len() - s[text..].trim_start().len());
        Some(NoteHead {
            convention,
            form,
            number,
            label,
            number_span: lead + span.start..lead + span.end,
            text_start,
        })
    };
    // What may follow a typed head: white space and text, or nothing.
    let spaced = |at: usize| s[at..].is_empty() || s[at..].starts_with([' ', '\t']);
    if let Some(rest) = s.strip_prefix("[^") {
        let close = rest.find("]:")?;
        let label = &rest[..close];
        if label.is_empty() || label.contains(char::is_whitespace) {
            return None;
        }
        let span = 2..2 + close;
        let text = 2 + close + 2;
        return match label.parse::<u32>() {
            Ok(n) if n > 0 => head(NoteConvention::Markdown, '^', n, None, span, text),
            _ => head(
                NoteConvention::Markdown,
                '^',
                0,
                Some(label.to_string()),
                span,
                text,
            ),
        };
    }
    if let Some(form) = s.chars().next().filter(|c| matches!(c, '[' | '(')) {
        let (n, end) = digits_at(1)?;
        let close = if form == '[' { ']' } else { ')' };
        if n == 0 || s.as_bytes().get(end) != Some(&(close as u8)) || !spaced(end + 1) {
            return None;
        }
        // `(1)` alone on a line is a list's or a margin's number.
        if form == '(' && s[end + 1..].trim().is_empty() {
            return None;
        }
        return head(NoteConvention::Typed, form, n, None, 1..end, end + 1);
    }
    if let Some((n, end)) = digits_at(0) {
        if n == 0 || s.as_bytes().get(end) != Some(&b')') || !spaced(end + 1) {
            return None;
        }
        if s[end + 1..].trim().is_empty() {
            return None;
        }
        return head(NoteConvention::Typed, ')', n, None, 0..end, end + 1);
    }
    let mut n = 0u32;
    let mut end = 0;
    for c in s.chars() {
        match superscript_value(c) {
            Some(v) if end < 9 => {
                n = n * 10 + v;
                end += c.len_utf8();
            }
            _ => break,
        }
    }
    if end == 0 || n == 0 {
        return None;
    }
    let rest = &s[end..];
    let opens = rest.starts_with([' ', '\t']) || rest.starts_with(char::is_uppercase);
    if !opens || rest.trim().is_empty() {
        return None;
    }
    head(NoteConvention::Superscript, 's', n, None, 0..end, end)
}

/// How a typed note's marker is written around its digits (`[1]`, `(1)`,
/// `1)`), from the bytes before and after them and the round brackets left
/// open before them on their line: `12)` is not `2)`, nor `(2)` a `2)`, and
/// the `)` of `(13 en 14)` closes a bracket, it marks no note.
pub(crate) fn typed_marker_form(
    before: Option<u8>,
    after: Option<u8>,
    open: usize,
) -> Option<char> {
    match (before, after) {
        (Some(b'['), Some(b']')) => Some('['),
        (Some(b'('), Some(b')')) => Some('('),
        (Some(p), Some(b')')) if !p.is_ascii_digit() && p != b'(' && open == 0 => Some(')'),
        _ => None,
    }
}

/// The round brackets left open after byte `b`, `open` before it.
pub(crate) fn brackets_open_after(open: usize, b: u8) -> usize {
    match b {
        b'(' => open + 1,
        b')' => open.saturating_sub(1),
        _ => open,
    }
}

/// Where a marker of each form and number first stands in the text, not at
/// the start of a line (where it would open a definition or an item): one
/// pass over the text, so each head is asked about in constant time. The
/// pass goes from digit run to digit run and takes in between only what
/// changes its state: line breaks, brackets, the first ink on a line.
fn first_markers(text: &str) -> HashMap<(char, u32), usize> {
    let mut first: HashMap<(char, u32), usize> = HashMap::default();
    let b = text.as_bytes();
    let mut line_start = 0;
    // Something other than white space stands on the line before here.
    let mut ink = false;
    // Round brackets opened on the line and not yet closed.
    let mut open = 0usize;
    // Everything before `at` is taken into the state.
    let mut at = 0;
    loop {
        let start = crate::text::next_ascii_digit(b, at);
        let mut new_line = false;
        for k in memchr::memchr3_iter(b'\n', b'(', b')', &b[at..start]) {
            let k = at + k;
            if b[k] == b'\n' {
                (line_start, open, new_line) = (k + 1, 0, true);
            } else {
                open = brackets_open_after(open, b[k]);
            }
        }
        if new_line {
            ink = false;
        }
        if !ink {
            ink = b[line_start.max(at)..start]
                .iter()
                .any(|c| !c.is_ascii_whitespace());
        }
        if start == b.len() {
            break;
        }
        let end = start + crate::text::ascii_digits(b, start, usize::MAX);
        at = end;
        let written_before = ink;
        ink = true;
        if end - start > 3 || !written_before {
            continue;
        }
        let Ok(n) = text[start..end].parse::<u32>() else {
            continue;
        };
        let before = (start > line_start).then(|| b[start - 1]);
        let Some(form) = typed_marker_form(before, b.get(end).copied(), open) else {
            continue;
        };
        first.entry((form, n)).or_insert(start);
    }
    // `¹²³` are C2 B9, B2, B3; the other superscript digits E2 81 B0–B9.
    let superscripts = memchr::memchr_iter(0xC2, b)
        .any(|i| matches!(b.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)))
        || memchr::memmem::find(b, b"\xE2\x81").is_some();
    if superscripts {
        first_superscripts(text, &mut first);
    }
    first
}

/// Where each run of superscript digits after ink first stands (`NVVK²`),
/// added to `first` under the form `s`.
fn first_superscripts(text: &str, first: &mut HashMap<(char, u32), usize>) {
    for line in text.split_inclusive('\n') {
        let offset = line.as_ptr() as usize - text.as_ptr() as usize;
        let mut run: Option<(u32, usize)> = None;
        let mut ink = false;
        for (at, c) in line.char_indices() {
            match superscript_value(c) {
                Some(v) if ink || run.is_some() => {
                    let (n, from) = run.unwrap_or((0, at));
                    // A run longer than any number wraps (as a release build
                    // always did), never stopping the reading.
                    run = Some((n.wrapping_mul(10).wrapping_add(v), from));
                }
                _ => {
                    if let Some((n, from)) = run.take() {
                        first.entry(('s', n)).or_insert(offset + from);
                    }
                    ink |= !c.is_whitespace();
                }
            }
        }
        if let Some((n, from)) = run {
            first.entry(('s', n)).or_insert(offset + from);
        }
    }
}

/// Marks the definitions of Markdown, typed and superscript notes and
/// their continuation lines, one block per run.
pub(super) fn find_blocks(text: &str, layout: &mut Layout) {
    let heads: Vec<(usize, NoteHead)> = layout
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LineKind::Body)
        .filter_map(|(i, l)| note_head(&text[l.span.clone()]).map(|h| (i, h)))
        .collect();
    if heads.is_empty() {
        return;
    }
    let written = first_markers(text);
    let mut taken: Vec<(usize, NoteHead)> = Vec::new();
    // Runs of one form: numbers rising by one, in text order.
    let mut k = 0;
    while k < heads.len() {
        let (first, head) = &heads[k];
        let mut run = vec![(*first, head.clone())];
        let mut j = k + 1;
        while j < heads.len() {
            let (i, h) = &heads[j];
            let (_, last) = &run[run.len() - 1];
            if h.form != head.form {
                j += 1;
                continue;
            }
            let follows = h.form == '^' || h.number == last.number + 1;
            if !follows {
                break;
            }
            run.push((*i, h.clone()));
            j += 1;
        }
        let accepted = head.form == '^' || {
            let marked = run
                .iter()
                .filter(|(i, h)| {
                    written
                        .get(&(h.form, h.number))
                        .is_some_and(|&at| at < layout.lines[*i].span.start)
                })
                .count();
            marked > 0 && marked * 2 >= run.len()
        };
        if accepted {
            taken.extend(run.iter().cloned());
            k = heads
                .iter()
                .position(|(i, _)| *i > run[run.len() - 1].0)
                .unwrap_or(heads.len());
        } else {
            k += 1;
        }
    }
    taken.sort_by_key(|(i, _)| *i);
    let taken = foot_runs(layout, taken);
    let starts: Vec<usize> = taken.iter().map(|(i, _)| *i).collect();
    for (n, (i, head)) in taken.iter().enumerate() {
        let next_start = starts.get(n + 1).copied().unwrap_or(usize::MAX);
        let end = continuation_end(text, layout, *i, next_start, head.convention);
        for line in &mut layout.lines[*i..end] {
            if line.kind == LineKind::Body {
                line.kind = LineKind::FootnoteContinuation;
            }
        }
        layout.lines[*i].kind = LineKind::FootnoteStart;
        let last = layout.lines[..end]
            .iter()
            .rposition(|l| {
                l.kind == LineKind::FootnoteContinuation || l.kind == LineKind::FootnoteStart
            })
            .unwrap_or(*i);
        layout.footnote_blocks.push(FootnoteBlock {
            span: layout.lines[*i].span.start..layout.lines[last].span.end,
            lines: *i..last + 1,
            page: layout.lines[*i].page,
            convention: head.convention,
        });
    }
    layout
        .footnote_blocks
        .sort_by_key(|b| (b.span.start, b.span.end));
}

/// Of the typed and superscript runs of one form on one page, the notes are
/// the run nearest the page's foot, and a run before it only where its
/// numbers rise on into the next: a numbered list (`1) Gemeenten …`) above
/// notes numbered the same way is not notes.
fn foot_runs(layout: &Layout, taken: Vec<(usize, NoteHead)>) -> Vec<(usize, NoteHead)> {
    let mut kept: Vec<(usize, NoteHead)> = Vec::with_capacity(taken.len());
    // From the foot up: the first number of the kept run after, per page and form.
    let mut after: Vec<(usize, char, u32)> = Vec::new();
    let mut k = taken.len();
    while k > 0 {
        // The run that ends at `k`: heads of one form rising by one.
        let (_, last) = &taken[k - 1];
        let mut start = k - 1;
        while start > 0 {
            let (_, h) = &taken[start - 1];
            if h.form != last.form || h.number + 1 != taken[start].1.number {
                break;
            }
            start -= 1;
        }
        let run = &taken[start..k];
        let page = layout.lines[run[0].0].page;
        let form = last.form;
        let next = after
            .iter()
            .find(|(p, f, _)| *p == page && *f == form)
            .map(|&(_, _, n)| n);
        let keep = form == '^' || next.is_none_or(|n| n > last.number);
        if keep {
            after.retain(|(p, f, _)| !(*p == page && *f == form));
            after.push((page, form, run[0].1.number));
            kept.extend(run.iter().rev().cloned());
        }
        k = start;
    }
    kept.reverse();
    kept
}

/// Where a definition opened on line `start` ends: at the next definition,
/// a blank line (for Markdown: one not followed by an indented line), a
/// line that is not running text (furniture, another block), or the page's
/// end.
fn continuation_end(
    text: &str,
    layout: &Layout,
    start: usize,
    next_start: usize,
    convention: NoteConvention,
) -> usize {
    let page = layout.lines[start].page;
    let mut i = start + 1;
    while i < layout.lines.len() && i < next_start {
        let line = &layout.lines[i];
        if line.page != page {
            break;
        }
        match line.kind {
            LineKind::Body => {}
            LineKind::Blank if convention == NoteConvention::Markdown => {
                // An indented line after the blank continues the note.
                let next = layout.lines[i + 1..]
                    .iter()
                    .find(|l| l.kind != LineKind::Blank);
                let indented = next.is_some_and(|l| {
                    let s = &text[l.span.clone()];
                    l.kind == LineKind::Body && (s.starts_with("    ") || s.starts_with('\t'))
                });
                if !indented {
                    break;
                }
            }
            _ => break,
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte pass that `first_markers` replaced, kept to hold it to
    /// (superscripts read by the same pass, under the old test: any non-ASCII).
    fn first_markers_by_bytes(text: &str) -> HashMap<(char, u32), usize> {
        let mut first: HashMap<(char, u32), usize> = HashMap::default();
        let b = text.as_bytes();
        let mut line_start = 0;
        let mut ink = false;
        // Round brackets opened on the line and not yet closed.
        let mut open = 0usize;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c == b'\n' {
                line_start = i + 1;
                ink = false;
                open = 0;
                i += 1;
                continue;
            }
            if !c.is_ascii_digit() {
                if !c.is_ascii_whitespace() {
                    ink = true;
                }
                open = brackets_open_after(open, c);
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let written_before = ink;
            ink = true;
            if i - start > 3 || !written_before {
                continue;
            }
            let Ok(n) = text[start..i].parse::<u32>() else {
                continue;
            };
            let before = (start > line_start).then(|| b[start - 1]);
            let Some(form) = typed_marker_form(before, b.get(i).copied(), open) else {
                continue;
            };
            first.entry((form, n)).or_insert(start);
        }
        if !text.is_ascii() {
            first_superscripts(text, &mut first);
        }
        first
    }

    proptest::proptest! {
        #[test]
        fn first_markers_agree_with_the_byte_by_byte_pass(
            text in "([ a-z.,;:«»é\\n\\t]{0,6}|[0-9]{1,5}|[()\\[\\]]|[¹²³⁴⁰⁹]{1,2}){0,24}"
        ) {
            proptest::prop_assert_eq!(first_markers(&text), first_markers_by_bytes(&text));
        }
    }

    #[test]
    fn heads_of_each_convention() {
        let h = |s: &str| note_head(s).map(|h| (h.convention, h.form, h.number, h.label));
        assert_eq!(
            h("[^1]: Kamerstukken II 2020/21, 22 112, nr. 2955."),
            Some((NoteConvention::Markdown, '^', 1, None))
        );
        assert_eq!(
            h("[^bron]: NOS, 1 april 2024."),
            Some((NoteConvention::Markdown, '^', 0, Some("bron".into())))
        );
        assert_eq!(h("[1]"), Some((NoteConvention::Typed, '[', 1, None)));
        assert_eq!(
            h("[4] Centrum voor Criminaliteitspreventie"),
            Some((NoteConvention::Typed, '[', 4, None))
        );
        assert_eq!(
            h("1) NOS, 6 maart 2024"),
            Some((NoteConvention::Typed, ')', 1, None))
        );
        assert_eq!(
            h("(2) Kamerstuk 33047, nr. 25"),
            Some((NoteConvention::Typed, '(', 2, None))
        );
        assert_eq!(
            h("² NVVK, Jaarverslag 2023"),
            Some((NoteConvention::Superscript, 's', 2, None))
        );
        assert_eq!(h("12 Kamerstukken II"), None);
        assert_eq!(h("1)"), None);
        assert_eq!(h("(3)"), None);
        assert_eq!(h("[^1] zonder dubbele punt"), None);
        assert_eq!(h("2) a"), Some((NoteConvention::Typed, ')', 2, None)));
    }

    #[test]
    fn a_numbered_list_is_not_a_run_of_typed_notes() {
        let text = "De gemeenten doen twee dingen:\n1) Gemeenten stellen regels.\n2) Gemeenten handhaven.\n";
        let layout = Layout::analyze(text);
        assert!(layout.footnote_blocks.is_empty());

        let notes = "Het bericht (nos.nl)”1) en de Code 2) gelden.\n\n1) NOS, 6 maart 2024\n(nos.nl/artikel/2511721).\n\n2) Kamerstuk 33047, nr. 25.\n";
        let layout = Layout::analyze(notes);
        let blocks: Vec<(NoteConvention, usize)> = layout
            .footnote_blocks
            .iter()
            .map(|b| (b.convention, b.lines.len()))
            .collect();
        assert_eq!(
            blocks,
            [(NoteConvention::Typed, 2), (NoteConvention::Typed, 1)]
        );
    }

    /// The `)` of `(13 en 14)` closes a bracket: no evidence for a typed
    /// note 14, even where a wrapped line opens with `14)`.
    #[test]
    fn a_closing_bracket_after_a_number_is_no_typed_marker() {
        let text = "Tieners (13 en 14) weer vrijgelaten, meldt de regio.\n\
                    De leden lezen: «Tieners (13 en\n14) weer vrijgelaten na verdenking.»\n";
        assert!(Layout::analyze(text).footnote_blocks.is_empty());
        // A note's own marker after a closed bracket still counts.
        let notes = "Het bericht (nos.nl)”1) geldt.\n\n1) NOS, 6 maart 2024.\n";
        assert_eq!(Layout::analyze(notes).footnote_blocks.len(), 1);
    }
}
