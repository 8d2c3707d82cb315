//! Layout: lines, pages, page footers, colophons, footnote blocks, and the
//! running text with the footnote blocks taken out and hyphenation undone.
//!
//! Rules, from the PDF extractions in the seed and the corpus:
//! - A page ends after its footer (`Eerste Kamer, vergaderjaar 2020–2021,
//!   35 612, D 6`), at a form feed (pdftotext), and, in the seed's dialect,
//!   before a line that starts with exactly one space. That dialect is only
//!   trusted when such lines are rare (at most one in twelve); where many
//!   lines start with a space it is indentation.
//! - A footer may share its line with the colophon before it
//!   (`’s-Gravenhage 2024 Tweede Kamer, …`) and with the next page's first
//!   words after it (`Aanhangsel 1Antwoord 3`); such a line is cut in pieces.
//! - A footnote block is the bottom of a page from the first footnote
//!   definition on: see [`footnotes`].

mod footnotes;
mod furniture;
mod notes;

pub use notes::{note_head, superscript_value, NoteHead};

pub(crate) use footnotes::glued_marker_before;
pub use furniture::{written_label, PageLabel};
pub(crate) use notes::{brackets_open_after, typed_marker_form};

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use crate::text::{ascii_digits, white_space_at, LineIndex};
use crate::Span;

/// How a note and its marker are written. Each convention numbers its notes
/// on its own: a typed `1)` and a Word footnote 1 in one document are two
/// notes, and a marker resolves only to a note of its own convention.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum NoteConvention {
    /// `asielpact3` with `3 Kamerstukken II …` at the bottom of a page or
    /// after the body (PDF extractions, Word exports).
    #[default]
    Plain,
    /// `wetsvoorstel[^1]` with `[^1]: Kamerstukken II …`.
    Markdown,
    /// Notes the author typed: `geraakt[1]`, `(nos.nl)”1)`, `(1)`, with
    /// `[1] https://…`, `1) NOS, 6 maart 2024`.
    Typed,
    /// `NVVK²` with `² NVVK, Jaarverslag 2023`.
    Superscript,
}

impl NoteConvention {
    /// The name `inspect` shows.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteConvention::Plain => "plain",
            NoteConvention::Markdown => "markdown",
            NoteConvention::Typed => "typed",
            NoteConvention::Superscript => "superscript",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Running text.
    Body,
    /// The masthead of an Aanhangsel (`Tweede Kamer der Staten-Generaal`).
    Header,
    /// The first line of a footnote definition.
    FootnoteStart,
    /// A further line of a footnote definition.
    FootnoteContinuation,
    /// A page footer (`Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6`).
    Footer,
    /// A colophon line (`ah-tk-20232024-2271`, `ISSN 0921 - 7398`).
    Colophon,
    /// Page furniture of a letter or other layout: a page label (`Pagina 2
    /// van 7`, a bare page number) or a line that recurs beside one.
    Furniture,
}

/// A line of the layout: a physical line, or a piece of one where a footer
/// shares its line with other text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text without its line break.
    pub span: Span,
    pub kind: LineKind,
    /// Index into `Layout::pages`.
    pub page: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub span: Span,
    /// Index range into `Layout::lines`.
    pub lines: std::ops::Range<usize>,
    /// The printed page number: from the page's footer, or counted from the
    /// nearest page that has one.
    pub number: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFooter {
    pub span: Span,
    /// `Eerste Kamer` / `Tweede Kamer`.
    pub chamber: String,
    /// `2020–2021` as written.
    pub year: String,
    /// What the footer names: `35 612, D`, `22 112, nr. 2955`, `Aanhangsel`.
    pub document: String,
    pub page_number: Option<u32>,
    /// Index into `Layout::pages`.
    pub page: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteBlock {
    pub span: Span,
    /// Index range into `Layout::lines`.
    pub lines: std::ops::Range<usize>,
    pub page: usize,
    /// How the block's notes are written.
    pub convention: NoteConvention,
}

/// The running text with footnote blocks, footers, colophons and mastheads
/// taken out, and line-end hyphenation undone (`overlast-` + `gevers` →
/// `overlastgevers`). Lines stay separated by `\n`, so blank lines still
/// separate paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyStream {
    pub text: String,
    /// `(body offset, source offset)` at the start of each piece copied
    /// verbatim, ascending in both.
    pub map: Vec<(usize, usize)>,
}

impl BodyStream {
    /// The source offset of a body offset.
    pub fn to_source(&self, body: usize) -> usize {
        let i = self.map.partition_point(|&(b, _)| b <= body);
        match i {
            0 => body,
            _ => {
                let (b, s) = self.map[i - 1];
                s + (body - b)
            }
        }
    }

    /// The body offset of a source offset (the nearest piece at or before it).
    pub fn from_source(&self, source: usize) -> usize {
        let i = self.map.partition_point(|&(_, s)| s <= source);
        match i {
            0 => 0,
            _ => {
                let (b, s) = self.map[i - 1];
                let end = self.map.get(i).map_or(self.text.len(), |&(nb, _)| nb);
                (b + (source - s)).min(end)
            }
        }
    }

    fn push(&mut self, piece: &str, source: usize) {
        if piece.is_empty() {
            return;
        }
        self.map.push((self.text.len(), source));
        self.text.push_str(piece);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub lines: Vec<Line>,
    pub pages: Vec<Page>,
    pub footers: Vec<PageFooter>,
    /// Colophon lines (`ah-tk-20232024-2271`, `ISSN 0921 - 7398`).
    pub colophons: Vec<Span>,
    pub footnote_blocks: Vec<FootnoteBlock>,
    /// Page labels of layouts without a Kamer footer (`Pagina 2 van 7`).
    pub page_labels: Vec<PageLabel>,
    pub body: BodyStream,
}

/// A page footer found on a line: `Tweede Kamer, vergaderjaar 2023–2024,
/// Aanhangsel 12`, `Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6`.
/// Offsets are the line's.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FooterMatch {
    pub span: Span,
    pub chamber: Span,
    pub year: Span,
    pub document: Span,
    pub page: Option<Span>,
}

/// The first footer on `line`, read by hand as the pattern
/// `(Eerste|Tweede) Kamer, vergaderjaar ([0-9]{4}\s?[–—-]?\s?[0-9]{2,4}),\s`
/// `(Aanhangsel|[^\n]*?(?:nr\.\s?[0-9]+[a-z]?|, [A-Z]{1,4}))(?:\s([0-9]{1,4}))?`
/// would (the tests hold the two to each other): that pattern, with its
/// groups, was most of the layout's time.
pub(crate) fn find_footer(line: &str) -> Option<FooterMatch> {
    const LITERAL: &str = " Kamer, vergaderjaar ";
    let b = line.as_bytes();
    for at in FINDERS.footer.find_iter(b) {
        let Some(start) = at.checked_sub(6) else {
            continue;
        };
        if !matches!(line.get(start..at), Some("Eerste" | "Tweede")) {
            continue;
        }
        let year_start = at + LITERAL.len();
        let Some(year_end) = footer_year(line, year_start) else {
            continue;
        };
        // `,` and one white-space character.
        let Some(doc_start) = line[year_end..]
            .starts_with(',')
            .then(|| white_space_at(line, year_end + 1))
            .flatten()
            .map(|n| year_end + 1 + n)
        else {
            continue;
        };
        let Some(doc_end) = footer_document(line, doc_start) else {
            continue;
        };
        // ` 12`: one white-space character and up to four digits.
        let page = white_space_at(line, doc_end)
            .map(|n| doc_end + n)
            .and_then(|p| {
                let n = ascii_digits(b, p, 4);
                (n > 0).then_some(p..p + n)
            });
        return Some(FooterMatch {
            span: start..page.as_ref().map_or(doc_end, |p| p.end),
            chamber: start..at,
            year: year_start..year_end,
            document: doc_start..doc_end,
            page,
        });
    }
    None
}

/// `2023–2024`, `2023 - 24`: where it ends, if it stands at `at`.
fn footer_year(line: &str, at: usize) -> Option<usize> {
    let b = line.as_bytes();
    let digits = |p: usize, max: usize| ascii_digits(b, p, max);
    if digits(at, 4) < 4 {
        return None;
    }
    // Optional white space, dash, white space (one character each), then
    // two to four digits and the comma: the pattern backtracks over the
    // optional parts, so each way of reading them is tried in its order.
    let space = |p: usize| white_space_at(line, p);
    let dash = |p: usize| {
        line.get(p..)
            .and_then(|r| r.chars().next())
            .filter(|c| matches!(c, '–' | '—' | '-'))
            .map(char::len_utf8)
    };
    let p0 = at + 4;
    for s1 in [space(p0), None] {
        let p1 = p0 + s1.unwrap_or(0);
        for d in [dash(p1), None] {
            let p2 = p1 + d.unwrap_or(0);
            for s2 in [space(p2), None] {
                let p3 = p2 + s2.unwrap_or(0);
                let n = digits(p3, 4);
                // Greedy, then fewer: the comma must follow.
                for k in (2..=n).rev() {
                    if b.get(p3 + k) == Some(&b',') {
                        return Some(p3 + k);
                    }
                }
                if s2.is_none() {
                    break;
                }
            }
            if d.is_none() {
                break;
            }
        }
        if s1.is_none() {
            break;
        }
    }
    None
}

/// `Aanhangsel`, or the shortest stretch (no line break) that ends in
/// `nr. 12a` or `, AB`: where the document name ends.
fn footer_document(line: &str, at: usize) -> Option<usize> {
    let b = line.as_bytes();
    if line[at..].starts_with("Aanhangsel") {
        return Some(at + "Aanhangsel".len());
    }
    let mut k = at;
    while k <= b.len() {
        if line.is_char_boundary(k) {
            if let Some(end) = nr_at(line, k).or_else(|| letters_at(b, k)) {
                return Some(end);
            }
        }
        if b.get(k) == Some(&b'\n') {
            return None;
        }
        k += 1;
    }
    None
}

/// `nr.`, one optional white-space character, digits, an optional letter.
fn nr_at(line: &str, k: usize) -> Option<usize> {
    if !line[k..].starts_with("nr.") {
        return None;
    }
    let mut p = k + 3;
    let b = line.as_bytes();
    let digits_at = |p: usize| ascii_digits(b, p, usize::MAX);
    let mut n = digits_at(p);
    if n == 0 {
        p += white_space_at(line, p)?;
        n = digits_at(p);
        if n == 0 {
            return None;
        }
    }
    p += n;
    if b.get(p).is_some_and(u8::is_ascii_lowercase) {
        p += 1;
    }
    Some(p)
}

/// `, ` and one to four capitals.
fn letters_at(b: &[u8], k: usize) -> Option<usize> {
    if !b[k..].starts_with(b", ") {
        return None;
    }
    let n = b[k + 2..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    (n > 0).then_some(k + 2 + n)
}

/// Colophon lines of officielebekendmakingen PDFs.
static COLOPHON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?:kst|ah-tk|ah-ek|h-tk|h-ek|blg|stb|stcrt)-[0-9A-Za-z-]+|(?:ah|h) (?:tk|ek) [0-9]{8} [0-9]+|ISSN [0-9]{4}\s?-\s?[0-9]{3}[0-9X]|[’']s-Gravenhage [0-9]{4})\s*$",
    )
    .unwrap()
});

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:#+\s*[0-9]+|(?:Tweede|Eerste) Kamer der Staten-Generaal\s*[0-9]*|Vergaderjaar [0-9]{4}\s?[–-]\s?[0-9]{4}\b.*)\s*$")
        .unwrap()
});

/// A colophon that shares the footer's line, in front of it.
static COLOPHON_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:ISSN [0-9]{4}\s?-\s?[0-9]{3}[0-9X]\s*)?(?:[’']s-Gravenhage [0-9]{4}\s*)?")
        .unwrap()
});

/// Literal searchers for the per-line tests, built once.
struct Finders {
    footer: Finder<'static>,
    staten_generaal: Finder<'static>,
    vergaderjaar: Finder<'static>,
}

static FINDERS: LazyLock<Finders> = LazyLock::new(|| Finders {
    footer: Finder::new(" Kamer, vergaderjaar "),
    staten_generaal: Finder::new("Staten-Generaal"),
    vergaderjaar: Finder::new("ergaderjaar"),
});

/// The offsets where a literal occurs, asked about line by line in order.
struct Occurrences<I: Iterator<Item = usize>> {
    found: I,
    next: Option<usize>,
}

impl<'t> Occurrences<memchr::memmem::FindIter<'t, 'static>> {
    fn new(finder: &'static Finder<'static>, text: &'t str) -> Self {
        Occurrences::of(finder.find_iter(text.as_bytes()))
    }
}

impl<I: Iterator<Item = usize>> Occurrences<I> {
    fn of(mut found: I) -> Self {
        let next = found.next();
        Occurrences { found, next }
    }

    /// Whether the literal occurs inside `span`; spans must come in text
    /// order.
    fn within(&mut self, span: &Span) -> bool {
        while self.next.is_some_and(|at| at < span.start) {
            self.next = self.found.next();
        }
        self.next.is_some_and(|at| at < span.end)
    }
}

/// Fewer body lines than this above a page label are a letterhead, not a
/// page of text.
const LETTERHEAD_LINES: usize = 12;

/// A Markdown rule (`-----`): the page separator of Markdown conversions.
fn is_rule(line: &str) -> bool {
    // Most lines start with a letter: no need to trim them.
    if line
        .bytes()
        .next()
        .is_some_and(|b| b != b'-' && ascii_ink(b))
    {
        return false;
    }
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-')
}

/// Whether a line is white space only: decided at its first byte for most
/// lines (a letter), by `trim` only where it starts with white space.
fn is_blank(line: &str) -> bool {
    match line.bytes().next() {
        None => true,
        Some(b) if ascii_ink(b) => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// An ASCII byte that `trim` keeps (its white space also counts the
/// vertical tab).
fn ascii_ink(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0b
}

impl Layout {
    pub fn analyze(text: &str) -> Layout {
        Layout::analyze_indexed(text, &LineIndex::new(text))
    }

    /// [`Layout::analyze`] with the text's line index made beforehand (by
    /// a caller that needs it too).
    pub fn analyze_indexed(text: &str, index: &LineIndex) -> Layout {
        let mut layout = Layout::default();
        layout.split_lines(text, index);
        layout.page_labels = furniture::find(text, &mut layout);
        layout.split_pages(text);
        notes::find_blocks(text, &mut layout);
        footnotes::find_blocks(text, &mut layout);
        layout.number_pages();
        layout.build_body(text);
        layout
    }

    /// Index of the line containing `offset` (the next line when `offset`
    /// falls on a line break).
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.span.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }

    /// Index of the page containing `offset`.
    pub fn page_at(&self, offset: usize) -> usize {
        self.pages
            .partition_point(|p| p.span.end < offset)
            .min(self.pages.len().saturating_sub(1))
    }

    fn split_lines(&mut self, text: &str, index: &LineIndex) {
        // Where the literals of footers and headers occur, found in one
        // pass over the text each rather than one search per line: most
        // lines are running text and hold none of them.
        let mut footer_at = Occurrences::new(&FINDERS.footer, text);
        let mut header_at = [
            Occurrences::new(&FINDERS.staten_generaal, text),
            Occurrences::new(&FINDERS.vergaderjaar, text),
        ];
        // A Markdown heading's `#`, likewise found in one pass.
        let mut hash_at = Occurrences::of(memchr::memchr_iter(b'#', text.as_bytes()));
        self.lines.reserve(index.line_count());
        for n in 0..index.line_count() {
            let Some(span) = index.line_span(text, n) else {
                continue;
            };
            let line = &text[span.clone()];
            let footer = if footer_at.within(&span) {
                find_footer(line)
            } else {
                None
            };
            if let Some(m) = footer {
                let whole = m.span.clone();
                let prefix = &line[..whole.start];
                // A footer stands alone, or after a colophon on its line.
                let prefix_ok = prefix.trim().is_empty()
                    || COLOPHON_PREFIX
                        .find(prefix)
                        .is_some_and(|c| c.end() == prefix.len());
                let rest = &line[whole.end..];
                let rest_ok = rest.trim().is_empty()
                    || (m.page.is_some() && rest.starts_with(|c: char| c.is_uppercase()));
                if prefix_ok && rest_ok {
                    let start = span.start;
                    if !prefix.trim().is_empty() {
                        self.push_line(start..start + prefix.trim_end().len(), LineKind::Colophon);
                    }
                    let fspan = start + whole.start..start + whole.end;
                    self.footers.push(PageFooter {
                        span: fspan.clone(),
                        chamber: format!("{} Kamer", &line[m.chamber]),
                        year: line[m.year].to_string(),
                        document: line[m.document].to_string(),
                        page_number: m.page.and_then(|p| line[p].parse().ok()),
                        page: 0,
                    });
                    self.push_line(fspan, LineKind::Footer);
                    if !rest.trim().is_empty() {
                        self.push_line(start + whole.end..span.end, LineKind::Body);
                    }
                    continue;
                }
            }
            // pdftotext puts the page number on a line of its own under the
            // footer: it belongs to the footer.
            let last_content = self.lines.iter().rev().find(|l| l.kind != LineKind::Blank);
            if last_content.is_some_and(|l| l.kind == LineKind::Footer)
                && self.footers.last().is_some_and(|f| f.page_number.is_none())
                && !line.trim().is_empty()
                && line.trim().len() <= 4
                && line.trim().bytes().all(|b| b.is_ascii_digit())
            {
                if let Some(f) = self.footers.last_mut() {
                    f.page_number = line.trim().parse().ok();
                }
                self.push_line(span, LineKind::Footer);
                continue;
            }
            // The masthead's issue number stands alone under its first line.
            let after_header = self
                .lines
                .last()
                .is_some_and(|l| l.kind == LineKind::Header);
            let kind = if is_blank(line) {
                LineKind::Blank
            } else if line.len() < 64
                && line
                    .trim_start()
                    .starts_with(['k', 'a', 'h', 'b', 's', 'I', '’', '\''])
                && COLOPHON.is_match(line)
            {
                LineKind::Colophon
            } else if (header_at.iter_mut().any(|o| o.within(&span)) || hash_at.within(&span))
                && HEADER.is_match(line)
                || (after_header && line.trim().bytes().all(|b| b.is_ascii_digit()))
            {
                LineKind::Header
            } else {
                LineKind::Body
            };
            self.push_line(span, kind);
        }
        self.colophons = self
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Colophon)
            .map(|l| l.span.clone())
            .collect();
    }

    fn push_line(&mut self, span: Span, kind: LineKind) {
        self.lines.push(Line {
            span,
            kind,
            page: 0,
        });
    }

    fn split_pages(&mut self, text: &str) {
        let starts_with_one_space = |l: &Line| {
            text[l.span.clone()].starts_with(' ') && !text[l.span.clone()].starts_with("  ")
        };
        let nonblank = self
            .lines
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .count();
        let spaced = self
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Body && starts_with_one_space(l))
            .count();
        let space_starts_page = spaced * 12 <= nonblank && self.page_labels.is_empty();
        let labels_end_pages = self.labels_end_pages();
        let label_lines: Vec<usize> = self.page_labels.iter().map(|l| l.line).collect();
        let mut labels = label_lines.into_iter().peekable();

        let mut page_start = 0;
        let mut has_content = false;
        let mut after_footer = false;
        // Body lines of the page so far, and whether it has a label.
        let mut body_lines = 0;
        let mut labelled = false;
        for i in 0..self.lines.len() {
            let line = &self.lines[i];
            let kind = line.kind;
            let s = &text[line.span.clone()];
            let after_rule = i > 0 && is_rule(&text[self.lines[i - 1].span.clone()]);
            let label = labels.next_if_eq(&i).is_some();
            // A label at the head of a page starts it, unless the page so
            // far is only a letterhead without a label of its own.
            let label_starts_page =
                label && !labels_end_pages && (labelled || body_lines >= LETTERHEAD_LINES);
            let breaks = has_content
                && (after_footer
                    || after_rule
                    || label_starts_page
                    || s.starts_with('\u{c}')
                    || (space_starts_page
                        && kind == LineKind::Body
                        && starts_with_one_space(line)));
            // Blank lines and the page number after a footer stay with the
            // footer's page.
            if after_footer && matches!(kind, LineKind::Blank | LineKind::Footer) {
                continue;
            }
            if breaks {
                self.close_page(page_start, i);
                page_start = i;
                has_content = false;
                body_lines = 0;
                labelled = false;
            }
            after_footer = kind == LineKind::Footer || (label && labels_end_pages);
            labelled |= label;
            if kind != LineKind::Blank {
                has_content = true;
            }
            if kind == LineKind::Body {
                body_lines += 1;
            }
        }
        self.close_page(page_start, self.lines.len());
    }

    /// Whether page labels stand at the foot of their pages: the first
    /// label prints 1 under a page of text. Otherwise they head them.
    fn labels_end_pages(&self) -> bool {
        let Some(first) = self.page_labels.first() else {
            return false;
        };
        let above = self.lines[..first.line]
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .count();
        first.number == 1 && above >= LETTERHEAD_LINES
    }

    fn close_page(&mut self, from: usize, to: usize) {
        if from >= to && !self.pages.is_empty() {
            return;
        }
        let page = self.pages.len();
        for l in &mut self.lines[from..to] {
            l.page = page;
        }
        let span = match (
            self.lines.get(from),
            to.checked_sub(1).and_then(|t| self.lines.get(t)),
        ) {
            (Some(a), Some(b)) if from < to => a.span.start..b.span.end,
            _ => 0..0,
        };
        for f in &mut self.footers {
            if span.start <= f.span.start && f.span.end <= span.end {
                f.page = page;
            }
        }
        self.pages.push(Page {
            span,
            lines: from..to,
            number: None,
        });
    }

    /// Printed page numbers: from footers, and counted on from the nearest
    /// footer for pages without one (the seed's extraction lost most).
    fn number_pages(&mut self) {
        let mut known: Vec<(usize, u32)> = self
            .footers
            .iter()
            .filter_map(|f| f.page_number.map(|n| (f.page, n)))
            .collect();
        known.extend(
            self.page_labels
                .iter()
                .map(|l| (self.lines[l.line].page, l.number)),
        );
        for (i, page) in self.pages.iter_mut().enumerate() {
            let nearest = known
                .iter()
                .min_by_key(|(p, _)| p.abs_diff(i))
                .map(|&(p, n)| n as i64 + i as i64 - p as i64);
            page.number = nearest.filter(|&n| n >= 1).map(|n| n as u32);
        }
    }

    fn build_body(&mut self, text: &str) {
        let mut body = BodyStream {
            text: String::with_capacity(text.len()),
            map: Vec::with_capacity(self.lines.len()),
        };
        let mut pending_hyphen = false;
        let mut blanks = 0;
        for (i, line) in self.lines.iter().enumerate() {
            match line.kind {
                LineKind::Blank => {
                    blanks += 1;
                    continue;
                }
                LineKind::Body => {}
                _ => {
                    // Blank lines around a footnote block or footer are
                    // layout: the paragraph may go on after it.
                    blanks = 0;
                    continue;
                }
            }
            let new_page = i > 0 && self.lines[i - 1].page != line.page;
            if new_page {
                blanks = 0;
            }
            let mut start = line.span.start;
            let raw = &text[line.span.clone()];
            // The page-start space and form feeds are layout, not text.
            let lead = raw.bytes().take_while(|&b| b == b' ' || b == 0x0c).count();
            let trimmed = &raw[lead..];
            start += lead;
            let s = trimmed.trim_end();
            if pending_hyphen && blanks == 0 && s.starts_with(|c: char| c.is_lowercase()) {
                body.text.pop(); // the hyphen
            } else if !body.text.is_empty() {
                body.text.push('\n');
                for _ in 0..blanks.min(1) {
                    body.text.push('\n');
                }
            }
            blanks = 0;
            body.push(s, start);
            let mut rev = s.chars().rev();
            pending_hyphen =
                rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_lowercase());
        }
        self.body = body;
    }
}

#[cfg(test)]
mod tests;
