//! Quotations and their sources.
//!
//! A quotation stands in `«…»`, `“…”` (or `„…”`) or `"…"`, over as many
//! lines as it takes, read in the running text (a page break and its
//! footnote block inside it are left out). Its source is the note whose
//! marker follows the closing mark (`…is.»7`, `7 Idem, blz. 12.`), or,
//! without a marker, what a phrase refers back to: `Op dezelfde pagina staat
//! verder: «…»`, `«…» (aldaar)`, `(t.a.p., blz. 14)`, `In dezelfde brief
//! staat: «…»` name the previous quotation's source.
//!
//! Quotations do not nest across a blank line: a mark that is not closed
//! in its paragraph opens nothing.

use std::sync::LazyLock;

use regex::Regex;

use super::passage::{normalise_body, PagePin, PassageIndex, QuoteMatch};
use super::Dossier;
use crate::citation::Citation;
use crate::layout::BodyStream;
use crate::Span;

/// A quotation in the running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing one, both included.
    pub span: Span,
    /// The quoted words, marks left out: offsets into the body stream
    /// (`layout.body`).
    pub body: Span,
    /// The opening mark.
    pub mark: char,
    /// Index into `layout.pages` of the opening mark.
    pub page: usize,
    /// Inside another quotation.
    pub nested: bool,
    pub tie: Tie,
}

/// What ties a quotation to its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tie {
    None,
    /// The marker right after the closing mark (index into
    /// `Dossier::markers`).
    Marker(usize),
    /// A phrase that refers back to an earlier quotation (index into
    /// `Dossier::quotes`).
    Back {
        phrase: Span,
        quote: usize,
        page: BackPage,
    },
}

/// Which page a referring-back phrase implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackPage {
    /// `Op dezelfde pagina`, `aldaar`, `t.a.p.`: the earlier quotation's.
    Same,
    /// `(aldaar, blz. 14)`: its own (normal form).
    Pinned(String),
    /// `In dezelfde brief`: the document, and no page in particular.
    Unknown,
}

/// A quotation's source: the cited document and the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSource<'a> {
    /// The citation of the document (a short form followed to it).
    pub citation: &'a Citation,
    /// The page pin in normal form (`12`, `12-13`), if any.
    pub pin: Option<String>,
    /// Index into `Dossier::footnotes` of the note whose marker follows
    /// the quotation (none when a phrase ties it).
    pub note: Option<usize>,
}

/// What the workspace keeps of a quotation whose source it may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPassage {
    /// The quotation, marks included.
    pub span: Span,
    /// The cited document's identifier (`kst-22112-2955`).
    pub id: String,
    /// The cited document as a reader knows it (canonical, no pin).
    pub document: String,
    pub pin: Option<String>,
    /// The quoted words, normalised ([`super::passage::normalise`]), `…`
    /// where words are left out.
    pub text: String,
    /// Where the note's pin can be set, when the quotation's own note
    /// names the source.
    pub pin_edit: Option<PinEdit>,
}

/// Where to write a page into a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinEdit {
    /// The page number(s) of the note's pin (`12` of `Idem, blz. 12`).
    Replace(Span),
    /// After the note's citation, which has no pin of its own (`Ibidem`).
    Insert(usize),
}

impl QuotedPassage {
    pub fn pin(&self) -> Option<PagePin> {
        PagePin::parse(self.pin.as_deref()?)
    }

    /// The first words, for a message: `Het kabinet is daarbij …`.
    pub fn first_words(&self, n: usize) -> String {
        first_words(&self.text, n)
    }

    /// Looks the quotation up in `index`, at its pin first. `itself`: the
    /// index is the quoting document's own, where the quotation's own
    /// words do not count.
    pub fn look_up(&self, index: &PassageIndex, itself: bool) -> QuoteMatch {
        index.find(
            &self.text,
            self.pin().as_ref(),
            itself.then_some(&self.span),
        )
    }
}

/// The first `n` words of `text`, and `…` when there are more.
pub fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words[..words.len().min(n)].join(" ");
    if words.len() > n {
        s.push_str(" …");
    }
    s
}

/// The quotations of a document, in the order of their opening marks.
pub(super) fn find(d: &Dossier) -> Vec<Quote> {
    let body = &d.layout.body;
    let mut found = marks(&body.text);
    found.sort_by_key(|q| q.0.start);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    for (outer, inner, mark, nested) in found {
        let start = body.to_source(outer.start);
        let close = outer.end - 1;
        let close_start = (0..=3)
            .map(|k| close.saturating_sub(k))
            .find(|&k| body.text.is_char_boundary(k))
            .unwrap_or(close);
        let end = body.to_source(close_start) + (outer.end - close_start);
        let page = d
            .layout
            .pages
            .partition_point(|p| p.span.end <= start)
            .min(d.layout.pages.len().saturating_sub(1));
        quotes.push(Quote {
            span: start..end,
            body: inner,
            mark,
            page,
            nested,
            tie: Tie::None,
        });
    }
    for i in 0..quotes.len() {
        quotes[i].tie = tie(d, body, &quotes, i);
    }
    quotes
}

/// A blank line: built once, not per mark (`memmem::find` builds its
/// searcher each call, several hundred instructions for a gap of a few
/// words).
static PARAGRAPH_BREAK: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"\n\n"));

/// The quotations' marks in the body stream: `(marks included, words,
/// opening mark, nested)`, body offsets.
fn marks(s: &str) -> Vec<(Span, Span, char, bool)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // Open marks: `(offset, mark, its length)`.
    let mut open: Vec<(usize, char, usize)> = Vec::new();
    // Where the last mark was looked at: a paragraph break since then
    // closes what is open.
    let mut seen = 0;
    // The marks' lead bytes, found a block at a time.
    for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, b) {
        let (c, len) = match b[i] {
            b'"' => ('"', 1),
            0xC2 if b.get(i + 1) == Some(&0xAB) => ('«', 2),
            0xC2 if b.get(i + 1) == Some(&0xBB) => ('»', 2),
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) => ('“', 3),
                Some(0x9D) => ('”', 3),
                Some(0x9E) => ('„', 3),
                _ => continue,
            },
            _ => continue,
        };
        // A paragraph ended: what it left open opens nothing.
        if !open.is_empty() && PARAGRAPH_BREAK.find(&b[seen..i]).is_some() {
            open.clear();
        }
        seen = i;
        let closes = |o: char| match c {
            '»' => o == '«',
            '”' => o == '“' || o == '„',
            // `„…“` as German typesetting writes it.
            '“' => o == '„',
            '"' => o == '"',
            _ => false,
        };
        let opens = match c {
            '«' | '„' => true,
            '“' => open.last().is_none_or(|&(_, o, _)| o != '„'),
            // A straight mark opens before a word and after a space.
            '"' => {
                let before = s[..i].chars().next_back();
                let after = s[i + 1..].chars().next();
                open.last().is_none_or(|&(_, o, _)| o != '"')
                    && before.is_none_or(|c| c.is_whitespace() || "([".contains(c))
                    && after.is_some_and(|c| !c.is_whitespace())
            }
            _ => false,
        };
        if opens {
            // Deeper than anyone quotes: a text of marks, not quotations.
            if open.len() < 8 {
                open.push((i, c, len));
            }
        } else if let Some(k) = open.iter().rposition(|&(_, o, _)| closes(o)) {
            let (at, mark, mlen) = open[k];
            open.truncate(k);
            out.push((at..i + len, at + mlen..i, mark, k > 0));
        }
    }
    out
}

/// Phrases before a quotation that refer it back to the previous one,
/// in lower case, and the page each implies.
const BEFORE: [(&str, bool); 6] = [
    ("op dezelfde pagina", true),
    ("op dezelfde bladzijde", true),
    ("in dezelfde brief", false),
    ("in dezelfde nota", false),
    ("aldaar", true),
    ("t.a.p.", true),
];

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s.,]*\((aldaar|t\.a\.p\.)(?:,?\s*((?:blz|p|pag|pagina)\.?\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?))?\)").unwrap()
});

/// What ties quotation `i` to a source.
fn tie(d: &Dossier, body: &BodyStream, quotes: &[Quote], i: usize) -> Tie {
    let q = &quotes[i];
    // Markers are in text order; the marker stands right after the mark.
    let next = d.markers.partition_point(|m| m.span.start < q.span.end);
    if d.markers
        .get(next)
        .is_some_and(|m| m.span.start <= q.span.end + 2)
    {
        return Tie::Marker(next);
    }
    if q.nested {
        return Tie::None;
    }
    let Some((phrase, page)) = phrase_after(body, q).or_else(|| phrase_before(body, q)) else {
        return Tie::None;
    };
    // The quotation the phrase refers back to: the last one before it
    // that is more than a word or three (a scare quote is nothing to
    // refer to).
    let back = (0..i).rev().find(|&k| {
        let p = &quotes[k];
        !p.nested
            && p.span.end <= q.span.start
            && body.text[p.body.clone()]
                .split_whitespace()
                .nth(3)
                .is_some()
    });
    match back {
        Some(quote) => Tie::Back {
            phrase,
            quote,
            page,
        },
        None => Tie::None,
    }
}

/// After the closing mark: `(aldaar)`, `(t.a.p., blz. 14)`.
fn phrase_after(body: &BodyStream, q: &Quote) -> Option<(Span, BackPage)> {
    let after_at = body.from_source(q.span.end);
    let mut after_end = body.text.len().min(after_at + 60);
    while !body.text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let after = body.text.get(after_at..after_end).unwrap_or("");
    // Most quotations have no parenthesis after them: no regex run.
    if !after
        .trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .starts_with('(')
    {
        return None;
    }
    let c = AFTER.captures(after)?;
    let whole = c.get(0)?.range();
    let phrase =
        body.to_source(after_at + whole.start)..body.to_source(after_at + whole.end - 1) + 1;
    let page = match c.get(2) {
        Some(pin) => {
            crate::citation::pin_pages(pin.as_str()).map_or(BackPage::Same, BackPage::Pinned)
        }
        None => BackPage::Same,
    };
    Some((phrase, page))
}

/// Before the opening mark, in its sentence and after any earlier
/// quotation's close: `Op dezelfde pagina staat verder: «…`.
fn phrase_before(body: &BodyStream, q: &Quote) -> Option<(Span, BackPage)> {
    let open_at = q.body.start.saturating_sub(q.mark.len_utf8());
    let mut from = open_at.saturating_sub(160);
    while !body.text.is_char_boundary(from) {
        from += 1;
    }
    let before = &body.text[from..open_at];
    // ASCII lower case keeps the offsets.
    let lower_before = before.to_ascii_lowercase();
    // Each phrase of [`BEFORE`] holds one of these, and most windows hold
    // none: they are turned down before the sentence is looked for, a
    // search backwards character by character. (A sentence without a
    // phrase is turned down below, where none is found in it.)
    static KEYS: LazyLock<[memchr::memmem::Finder<'static>; 3]> = LazyLock::new(|| {
        ["dezelfde", "aldaar", "t.a.p."].map(|k| memchr::memmem::Finder::new(k.as_bytes()))
    });
    if !KEYS
        .iter()
        .any(|k| k.find(lower_before.as_bytes()).is_some())
    {
        return None;
    }
    let sentence = before
        .rfind(['.', '?', '!', '»', '”', '"'])
        .filter(|&k| {
            !before[k..].starts_with('.') || before[k + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let lower = lower_before.get(sentence..).unwrap_or("");
    let sentence = before.get(sentence..).unwrap_or("");
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (at, len, same) = BEFORE
        .iter()
        .filter_map(|&(p, same)| {
            let at = lower.rfind(p)?;
            let before = lower[..at].chars().next_back();
            let after = lower[at + p.len()..].chars().next();
            (!word(before) && (p.ends_with('.') || !word(after))).then_some((at, p.len(), same))
        })
        .max_by_key(|&(at, _, _)| at)?;
    let offset = open_at - sentence.len() + at;
    let phrase = body.to_source(offset)..body.to_source(offset + len - 1) + 1;
    let page = if same {
        BackPage::Same
    } else {
        BackPage::Unknown
    };
    Some((phrase, page))
}

impl Dossier {
    /// The source of quotation `i`: the note after it, or what a phrase
    /// refers it back to, short forms followed.
    pub fn quote_source(&self, i: usize) -> Option<QuoteSource<'_>> {
        let mut i = i;
        // The page a phrase on the way decides, if any.
        let mut page: Option<BackPage> = None;
        loop {
            match &self.quotes.get(i)?.tie {
                Tie::None => return None,
                Tie::Marker(m) => {
                    let marker = self.markers.get(*m)?;
                    let note = marker.footnote?;
                    let footnote = self.footnotes.get(note)?;
                    // `Kamerstuk 22 112, nr. 2955; zie ook …`: which of the
                    // two holds the words cannot be told.
                    let mut ids = footnote
                        .citations
                        .iter()
                        .filter_map(|&c| self.citations.get(c))
                        .filter(|c| c.is_full())
                        .filter_map(|c| c.id.as_deref());
                    if let Some(first) = ids.next() {
                        if ids.any(|id| id != first) {
                            return None;
                        }
                    }
                    let citation = match &footnote.source {
                        super::Source::Cited(c) => self.citations.get(*c)?,
                        super::Source::Resolved { citation, .. } => citation,
                        _ => return None,
                    };
                    let first = page.is_none();
                    let pin = match page {
                        None | Some(BackPage::Same) => citation.page.clone(),
                        Some(BackPage::Pinned(p)) => Some(p),
                        Some(BackPage::Unknown) => None,
                    };
                    return Some(QuoteSource {
                        citation,
                        pin,
                        note: first.then_some(note),
                    });
                }
                Tie::Back { quote, page: p, .. } => {
                    // The nearest phrase decides; `in dezelfde brief`
                    // anywhere on the way loses the page.
                    page = match (page, p) {
                        (Some(BackPage::Unknown), _) | (_, BackPage::Unknown) => {
                            Some(BackPage::Unknown)
                        }
                        (Some(BackPage::Pinned(x)), _) => Some(BackPage::Pinned(x)),
                        (_, p) => Some(p.clone()),
                    };
                    // Earlier by construction: the loop ends.
                    i = *quote;
                }
            }
        }
    }

    /// Whether quotation `i` is tied to a source: a marker after it, or
    /// a phrase that refers it back to a quotation that is.
    pub fn quote_is_tied(&self, i: usize) -> bool {
        let mut i = i;
        loop {
            match self.quotes.get(i).map(|q| &q.tie) {
                Some(Tie::Marker(_)) => return true,
                Some(Tie::Back { quote, .. }) => i = *quote,
                Some(Tie::None) | None => return false,
            }
        }
    }

    /// The quotations whose source names a document by its identifier,
    /// as the workspace keeps them.
    /// (Without [`QuotedPassage::pin_edit`]: only a quick fix needs it.)
    pub fn quoted_passages(&self, text: &str) -> Vec<QuotedPassage> {
        (0..self.quotes.len())
            .filter_map(|i| self.quoted(text, i, false))
            .collect()
    }

    /// Quotation `i` as the workspace keeps it, when it is one to look
    /// for: not inside another, eight words or more, its source a
    /// document with an identifier.
    pub fn quoted_passage(&self, text: &str, i: usize) -> Option<QuotedPassage> {
        self.quoted(text, i, true)
    }

    /// The identifiers of the documents whose words its quotations may be
    /// looked for in, sorted, each once: those of [`Dossier::
    /// quoted_passages`] and, since no quotation's words are read here,
    /// the few of them too short to look for.
    pub fn quoted_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = (0..self.quotes.len())
            .filter_map(|i| self.looked_for(i))
            .filter_map(|(_, source)| source.citation.id.clone())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Quotation `i` and its source, when its words are to be looked for
    /// in a document: not inside another, not an attachment's.
    fn looked_for(&self, i: usize) -> Option<(&Quote, QuoteSource<'_>)> {
        let q = self.quotes.get(i).filter(|q| !q.nested)?;
        let source = self.quote_source(i)?;
        // `Bijlage bij Kamerstuk 34 700, nr. 34`: the identifier is the
        // letter's, the words are the attachment's.
        if source.citation.bijlage {
            return None;
        }
        Some((q, source))
    }

    fn quoted(&self, text: &str, i: usize, with_edit: bool) -> Option<QuotedPassage> {
        let (q, source) = self.looked_for(i)?;
        let id = source.citation.id.clone()?;
        let words = normalise_body(&self.layout, &self.markers, q.body.clone());
        // A title or a term in quotation marks (`«A Renewed European
        // Agenda on Migration»13`) is no passage to look for.
        words.split_whitespace().nth(MIN_WORDS - 1)?;
        Some(QuotedPassage {
            span: q.span.clone(),
            id,
            document: source.citation.canonical_document(),
            pin: source.pin.clone(),
            text: words,
            pin_edit: source
                .note
                .filter(|_| with_edit)
                .and_then(|n| self.pin_edit(text, n)),
        })
    }

    /// Where the pin of note `n` is written, or where one would go.
    fn pin_edit(&self, text: &str, n: usize) -> Option<PinEdit> {
        let f = self.footnotes.get(n)?;
        let c = self.citations.get(*f.citations.first()?)?;
        // Only a citation written in one piece is edited.
        if !c.parts.is_empty() {
            return None;
        }
        let written = text.get(c.span.clone())?;
        if c.page.is_none() {
            return Some(PinEdit::Insert(c.span.end));
        }
        let m = PIN_NUMBERS.captures_iter(written).last()?;
        let digits = m.get(1)?.range();
        Some(PinEdit::Replace(
            c.span.start + digits.start..c.span.start + digits.end,
        ))
    }
}

/// Words a quotation needs to be looked for in its source.
const MIN_WORDS: usize = 8;

/// The page numbers of a pin as written (`blz. 12`, `p. 12–13`).
static PIN_NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Bb]lz|[Bb]ladzijden?|[Pp]agina'?s?|[Pp]ag|pp|p)\.?\s*([0-9]{1,5}(?:\s*(?:-|–|—|/|en)\s*[0-9]{1,5})*)")
        .unwrap()
});
