//! The Dossier model: footnotes and their markers, citations, letters,
//! questions and answers, and the document's own identity.
//!
//! [`Dossier::analyze`] is a pure function of the text. Spans are byte
//! ranges into that text.

mod footnotes;
mod identity;
mod markers;
pub mod passage;
mod quotes;
mod structure;
mod words;

use crate::citation::{find_citations, Citation, CitationKind};
use crate::layout::{BodyStream, Layout};
use crate::Span;

pub use crate::layout::NoteConvention;
pub use identity::short_year;
pub use markers::{NumberReading, NumberReason};
pub use passage::{PagePin, Passage, PassageIndex, QuoteMatch};
pub use quotes::{first_words, BackPage, PinEdit, Quote, QuoteSource, QuotedPassage, Tie};
pub use words::{shared as shared_words, word_hashes};

/// The analysis of one document.
#[derive(Debug, Clone, Default)]
pub struct Dossier {
    pub layout: Layout,
    /// Footnote definitions in document order.
    pub footnotes: Vec<Footnote>,
    /// Footnote markers in the running text, in document order.
    pub markers: Vec<FootnoteMarker>,
    /// Every citation in the document (in footnotes and in running text), in
    /// document order, spans into the document.
    pub citations: Vec<Citation>,
    pub letters: Vec<Letter>,
    pub questions: Vec<Question>,
    pub answers: Vec<Answer>,
    /// `zie vraag 5`, `antwoord op vraag 3`.
    pub question_refs: Vec<QuestionRef>,
    /// What the document is, from its footer or colophon.
    pub identity: Option<DocumentIdentity>,
    /// Quotations in the running text, in the order of their opening
    /// marks, each tied to its source if it has one.
    pub quotes: Vec<Quote>,
}

/// A footnote definition at the bottom of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    pub number: u32,
    /// The digits that open the definition.
    pub number_span: Span,
    /// The whole definition, number included, over all its lines.
    pub span: Span,
    /// The definition's text with lines joined and hyphenation undone.
    pub text: String,
    /// Index into `layout.pages`.
    pub page: usize,
    /// Indices into `Dossier::citations` of the citations inside it.
    pub citations: Vec<usize>,
    /// What the footnote's source comes to, short forms followed.
    pub source: Source,
    pub convention: NoteConvention,
    /// A Markdown note's label when it is not a number (`[^bron]`); its
    /// `number` is then the one a renderer would show.
    pub label: Option<String>,
}

/// What names a note, for a marker and its definition alike: its
/// convention (a typed `1)` is not Word's footnote 1), its number and its
/// Markdown label.
pub type NoteKey<'a> = (NoteConvention, u32, Option<&'a str>);

impl Footnote {
    pub fn key(&self) -> NoteKey<'_> {
        (self.convention, self.number, self.label.as_deref())
    }

    /// How the note is named in a message: its number, or its Markdown
    /// label (`bron` of `[^bron]`).
    pub fn name(&self) -> String {
        self.label
            .clone()
            .unwrap_or_else(|| self.number.to_string())
    }
}

/// What a footnote cites, once `Idem`/`Ibidem` have been followed.
// One per footnote: the size of the resolved variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// No citation at all (a remark, a composition list, a web page title).
    None,
    /// Its own first full citation (index into `Dossier::citations`).
    Cited(usize),
    /// A short form resolved along the chain of previous footnotes.
    Resolved {
        /// The resolved citation: the antecedent's document with the pin
        /// the short form implies.
        citation: Citation,
        /// Footnote numbers followed, nearest first: `[7, 6]` for fn 8.
        via: Vec<u32>,
    },
    /// A short form that could not be resolved, and why.
    Unresolved { reason: crate::i18n::Message },
    /// A placeholder such as `PM BRON` (index into `Dossier::citations`).
    Placeholder(usize),
}

/// A footnote number in the running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteMarker {
    pub number: u32,
    /// The digits.
    pub span: Span,
    /// Index into `Dossier::footnotes` of its definition.
    pub footnote: Option<usize>,
    /// Index into `layout.pages`.
    pub page: usize,
    /// Separated from the word before it by a space (`zoeken. 3`).
    pub spaced: bool,
    pub convention: NoteConvention,
    /// A Markdown marker's label when it is not a number (`[^bron]`).
    pub label: Option<String>,
}

impl FootnoteMarker {
    pub fn key(&self) -> NoteKey<'_> {
        (self.convention, self.number, self.label.as_deref())
    }

    /// The marker as written: a Markdown marker with its `[^` and `]`, so
    /// that a cursor on either finds it; the others are their digits.
    pub fn written_span(&self) -> Span {
        match self.convention {
            NoteConvention::Markdown => {
                self.span.start.saturating_sub(2)..self.span.end.saturating_add(1)
            }
            _ => self.span.clone(),
        }
    }
}

/// A letter inside the document, by its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// `BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID`, joined
    /// over its lines.
    pub heading: String,
    pub heading_span: Span,
    /// From the heading to the next letter or the end.
    pub span: Span,
}

/// What kind of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// `Vraag 1`, `Vraag 3, 4 en 5` (Kamervragen).
    Vraag,
    /// `1.` on its own line: the answering letter's numbered repeat.
    Numbered,
    /// A paragraph of a committee letter that asks something.
    LetterParagraph,
}

/// A question: a `Vraag N` heading, a numbered repeat (`1.`), or a
/// paragraph of a committee letter that asks something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub kind: QuestionKind,
    /// The numbers it carries (`Vraag 3, 4 en 5` → `[3, 4, 5]`); for a
    /// letter paragraph, the number of the repeat that takes it up.
    pub numbers: Vec<u32>,
    /// The heading line (`Vraag 1`, `1.`), if any.
    pub heading_span: Option<Span>,
    /// The whole question, heading included.
    pub span: Span,
    /// The question's text in the source, heading left out; read it with
    /// [`Dossier::running_text`], compare it with [`Dossier::question_words`].
    pub text_span: Span,
    /// Index into `Dossier::answers` (for a letter paragraph: the answer of
    /// the numbered repeat that takes it up).
    pub answer: Option<usize>,
    /// A letter paragraph: the numbered repeat that takes it up. A numbered
    /// repeat: the letter paragraphs it repeats. Indices into `questions`.
    pub related: Vec<usize>,
    /// Its words, once hashed (pairing hashes them; the workspace summary
    /// and the lenses read them again): see [`Dossier::question_words`].
    pub(crate) words: std::sync::OnceLock<Vec<u64>>,
}

/// An answer under an `Antwoord` heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub numbers: Vec<u32>,
    pub heading_span: Span,
    /// Heading to the next question or answer, footnote blocks included.
    pub span: Span,
    /// The answer's text in the source, heading left out, as
    /// [`Question::text_span`].
    pub text_span: Span,
    /// Index into `Dossier::questions`: the (first) question it answers.
    pub question: Option<usize>,
    /// Every question it answers (`Antwoord 5 en 6` answers two).
    pub questions: Vec<usize>,
}

/// A place in the text that points at a question: `zie vraag 5`, `het
/// antwoord op vraag 3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionRef {
    pub span: Span,
    pub numbers: Vec<u32>,
    /// Index into `Dossier::questions` of the first question numbered so.
    pub question: Option<usize>,
}

/// The document's own identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentIdentity {
    /// `kst-35612-D`, `ah-tk-20232024-2271`.
    pub id: String,
    /// `Kamerstukken I 2020/21, 35 612, D`.
    pub display: String,
    /// Where it was read from.
    pub span: Span,
}

impl Dossier {
    /// Analyses one document.
    pub fn analyze(text: &str) -> Dossier {
        Dossier::analyze_indexed(text, &crate::text::LineIndex::new(text))
    }

    /// [`Dossier::analyze`] with the text's line index made beforehand
    /// (`check` needs it for its report).
    pub fn analyze_indexed(text: &str, index: &crate::text::LineIndex) -> Dossier {
        let layout = Layout::analyze_indexed(text, index);
        let mut citations = body_citations(text, &layout);
        let mut footnotes = footnotes::definitions(text, &layout, &mut citations);
        // Document order; footnotes then point into the sorted list.
        citations.sort_by_key(|c| (c.span.start, c.span.end));
        for f in &mut footnotes {
            let first = citations.partition_point(|c| c.span.start < f.span.start);
            f.citations = (first..citations.len())
                .take_while(|&i| citations[i].span.start <= f.span.end)
                .filter(|&i| citations[i].span.end <= f.span.end)
                .collect();
        }
        footnotes::resolve_sources(&mut footnotes, &citations);
        let mut markers = markers::find(text, &layout, &footnotes);
        let identity = identity::find(text, &layout);
        let (letters, questions, answers, question_refs) = structure::find(text, &layout);
        // A question's heading (a nota's margin number `1`) is no marker.
        let mut headings: Vec<&Span> = questions
            .iter()
            .filter_map(|q| q.heading_span.as_ref())
            .collect();
        if !headings.is_empty() {
            headings.sort_by_key(|h| h.start);
            markers.retain(|m| {
                // Headings do not overlap: only the last one starting at or
                // before the marker can hold it.
                let k = headings.partition_point(|h| h.start <= m.span.start);
                !(k > 0 && m.span.end <= headings[k - 1].end)
            });
        }
        let mut d = Dossier {
            layout,
            footnotes,
            markers,
            citations,
            letters,
            questions,
            answers,
            question_refs,
            identity,
            quotes: Vec::new(),
        };
        d.quotes = quotes::find(&d);
        d
    }

    /// The running text of a source span: lines joined, hyphenation
    /// undone, footnote markers, footnote blocks and footers left out,
    /// paragraphs kept apart by a blank line. Built when asked for (a
    /// hover, a lens): the analysis itself needs only the words.
    pub fn running_text(&self, span: &Span) -> String {
        structure::running_text(&self.layout, &self.markers, span.clone())
    }

    /// The first `n` words of [`Dossier::running_text`], joined by a space
    /// (for a message), read from as little of it as gives them: a longer
    /// piece only when the shorter one holds no more than `n` words, since
    /// the last word of a piece may be cut. `text` is the document's.
    pub fn first_running_words(&self, text: &str, span: &Span, n: usize) -> String {
        let words = |s: &str| s.split_whitespace().take(n).collect::<Vec<_>>().join(" ");
        for piece in [512, 4096] {
            let mut end = span.start + piece;
            if end >= span.end {
                break;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let prefix = self.running_text(&(span.start..end));
            if prefix.split_whitespace().nth(n).is_some() {
                return words(&prefix);
            }
        }
        words(&self.running_text(span))
    }

    /// The words of a question of this dossier (its text span's running
    /// text, as [`word_hashes`]), hashed once.
    pub fn question_words<'a>(&'a self, q: &'a Question) -> &'a [u64] {
        q.words
            .get_or_init(|| structure::words_in(&self.layout, &q.text_span))
    }

    /// Every number of the running text that could be a footnote marker,
    /// with why it was or was not read as one (for `inspect`; the analysis
    /// itself keeps no reasons).
    pub fn explain_numbers(&self, text: &str) -> Vec<NumberReading> {
        markers::explain(text, &self.layout, &self.footnotes)
    }

    /// Whether the notes of `convention` are read with doubt: fewer than
    /// three in five of its markers and definitions find each other (OCR
    /// noise, notes the reading does not see). Findings about them are
    /// then given mildly, and no fix is applied to them unasked: they say
    /// more about the reading than the text. Markdown notes are written
    /// unambiguously and never in doubt.
    pub fn notes_in_doubt(&self, convention: NoteConvention) -> bool {
        if convention == NoteConvention::Markdown {
            return false;
        }
        let markers: Vec<_> = self
            .markers
            .iter()
            .filter(|m| m.convention == convention)
            .collect();
        let resolved = markers.iter().filter(|m| m.footnote.is_some()).count();
        let referenced: std::collections::HashSet<usize> =
            markers.iter().filter_map(|m| m.footnote).collect();
        let notes = self
            .footnotes
            .iter()
            .filter(|f| f.convention == convention)
            .count();
        let all = markers.len() + notes;
        all > 0 && (resolved + referenced.len()) * 5 < all * 3
    }

    /// The footnote numbered `n`, if defined (the first one if duplicated).
    pub fn footnote(&self, n: u32) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == n)
    }

    /// The note a marker stands for: the model's link, else the note of
    /// its convention with its number or label.
    pub fn note_of(&self, marker: &FootnoteMarker) -> Option<&Footnote> {
        marker
            .footnote
            .and_then(|i| self.footnotes.get(i))
            .or_else(|| self.footnotes.iter().find(|f| f.key() == marker.key()))
    }

    /// The marker whose digits contain `offset` (or end at it).
    pub fn marker_at(&self, offset: usize) -> Option<&FootnoteMarker> {
        // A written form is at most one byte longer after its digits.
        let i = self
            .markers
            .partition_point(|m| m.span.end.saturating_add(1) < offset);
        self.markers[i..]
            .iter()
            .take_while(|m| m.span.start <= offset.saturating_add(2))
            .find(|m| {
                let w = m.written_span();
                w.start <= offset && offset <= w.end
            })
    }

    /// The innermost citation containing `offset` (in one of its parts: not
    /// in what lies between the parts of a citation a page break cut).
    pub fn citation_at(&self, offset: usize) -> Option<&Citation> {
        self.citations
            .iter()
            .filter(|c| c.covers(offset))
            .min_by_key(|c| c.span.len())
    }

    /// The footnote definition containing `offset`.
    pub fn footnote_at(&self, offset: usize) -> Option<&Footnote> {
        // In document order: the last one starting at or before `offset`.
        let i = self.footnotes.partition_point(|f| f.span.start <= offset);
        let f = self.footnotes.get(i.checked_sub(1)?)?;
        (offset <= f.span.end).then_some(f)
    }
}

/// Moves a citation found in a piece of the text to document offsets, its
/// parts and slips with it.
pub(crate) fn shift(c: &mut Citation, by: usize) {
    c.span = c.span.start + by..c.span.end + by;
    for part in &mut c.parts {
        *part = part.start + by..part.end + by;
    }
    for slip in &mut c.slips {
        slip.span = slip.span.start + by..slip.span.end + by;
    }
}

/// Citations in the running text, found in one search of the layout's body
/// stream, so that a citation a page break interrupts (the footnote block,
/// the footer, the next page's masthead) is read whole.
/// A bare `PM` or `xxx` counts as a placeholder only inside a footnote.
fn body_citations(text: &str, layout: &Layout) -> Vec<Citation> {
    let body = &layout.body;
    let mut out = Vec::new();
    for mut c in find_citations(&body.text) {
        let written = &body.text[c.span.clone()];
        let bare = c.kind == CitationKind::Placeholder
            && matches!(written.to_lowercase().as_str(), "pm" | "xxx");
        // A blank line ends a citation (the grammar stops there); a
        // recogniser that reads on over one has not found a citation.
        if bare || written.contains("\n\n") {
            continue;
        }
        if !to_document(&mut c, text, body) {
            continue;
        }
        // An address read on over a page break took the next page's first
        // word for its tail (pdftotext notes the layout leaves in the
        // running text): only the grammars check what follows the break.
        if c.kind == CitationKind::Url && c.parts.len() > 1 {
            let first = c.parts[0].clone();
            out.extend(
                find_citations(&text[first.clone()])
                    .into_iter()
                    .filter(|u| u.kind == CitationKind::Url && u.span.start == 0)
                    .map(|mut u| {
                        shift(&mut u, first.start);
                        u
                    }),
            );
            continue;
        }
        out.push(c);
    }
    out
}

/// Moves a citation found in the body stream to document offsets. Where
/// only line breaks (and an undone hyphen) separate two of its pieces they
/// are one part; where other text does, the citation gets one part per
/// piece. A slip that would straddle such text is dropped: no edit may
/// touch what lies between the parts. False when nothing maps back.
fn to_document(c: &mut Citation, text: &str, body: &BodyStream) -> bool {
    let mut parts: Vec<Span> = Vec::new();
    for piece in source_pieces(body, c.span.clone()) {
        match parts.last_mut() {
            Some(last) if only_line_breaks(&text[last.end..piece.start]) => last.end = piece.end,
            _ => parts.push(piece),
        }
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    c.span = first.start..last.end;
    let slips = std::mem::take(&mut c.slips);
    for mut slip in slips {
        let start = body.to_source(slip.span.start);
        // The last byte maps exactly; the end just past it may not (it can
        // fall where a hyphen was taken out).
        let end = match slip.span.end > slip.span.start {
            true => body.to_source(slip.span.end - 1) + 1,
            false => start,
        };
        if parts.iter().any(|p| p.start <= start && end <= p.end) {
            slip.span = start..end;
            c.slips.push(slip);
        }
    }
    if parts.len() > 1 {
        c.parts = parts;
    }
    true
}

/// The document spans of the body stream's `range`, one per line piece it
/// touches, line breaks between them left out.
fn source_pieces(body: &BodyStream, range: Span) -> Vec<Span> {
    let map = &body.map;
    let first = map
        .partition_point(|&(b, _)| b <= range.start)
        .saturating_sub(1);
    let mut out = Vec::new();
    for (k, &(b, s)) in map.iter().enumerate().skip(first) {
        if b >= range.end {
            break;
        }
        let next = map.get(k + 1).map_or(body.text.len(), |&(nb, _)| nb);
        let end = b + body.text[b..next].trim_end_matches('\n').len();
        let (from, to) = (range.start.max(b), range.end.min(end));
        if from < to {
            out.push(s + (from - b)..s + (to - b));
        }
    }
    out
}

/// True when the text between two pieces is layout only: line breaks,
/// blank lines, a page-start space or form feed, and the hyphen of a word
/// broken over the lines.
fn only_line_breaks(gap: &str) -> bool {
    gap.strip_prefix('-')
        .unwrap_or(gap)
        .chars()
        .all(char::is_whitespace)
}

#[cfg(test)]
mod tests;
