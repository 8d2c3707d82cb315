//! Layout: lines, pages, page footers, colophons, footnote blocks, and the
//! running text with the footnote blocks taken out and hyphenation undone.

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Running text.
    Body,
    /// The first line of a footnote definition.
    FootnoteStart,
    /// A further line of a footnote definition.
    FootnoteContinuation,
    /// A page footer (`Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6`).
    Footer,
    /// A colophon line (`ah-tk-20232024-2271`, `ISSN 0921 - 7398`).
    Colophon,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line's text without its line break.
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
    /// The printed page number, from the footer.
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
    pub page: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteBlock {
    pub span: Span,
    /// Index range into `Layout::lines`.
    pub lines: std::ops::Range<usize>,
    pub page: usize,
}

/// The running text with footnote blocks, footers and colophons taken out,
/// line-end hyphenation undone and lines joined with a space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyStream {
    pub text: String,
    /// `(body offset, source offset)` at the start of each piece copied
    /// verbatim, ascending.
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
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub lines: Vec<Line>,
    pub pages: Vec<Page>,
    pub footers: Vec<PageFooter>,
    pub colophons: Vec<Span>,
    pub footnote_blocks: Vec<FootnoteBlock>,
    pub body: BodyStream,
}

impl Layout {
    pub fn analyze(text: &str) -> Layout {
        let _ = text;
        Layout::default()
    }

    /// Index of the line containing `offset`.
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.span.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }
}
