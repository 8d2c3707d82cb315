//! Small questions to the model that several features ask: which
//! footnote number, question or answer heading is at an offset, and the
//! running text of a span (footnote blocks and footers left out,
//! hyphenation undone).

use std::sync::Arc;

use super::snapshot::{Analysis, Snapshot};
use crate::dossier::{
    Answer, Dossier, Footnote, Passage, PassageIndex, Question, QuestionKind, QuestionRef,
    QuoteMatch, QuotedPassage, Source,
};
use crate::Span;

fn holds(span: &Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The question whose heading (`1.`, `Vraag 1`) holds `offset`.
pub fn question_at_heading(a: &Analysis, offset: usize) -> Option<&Question> {
    a.dossier
        .questions
        .iter()
        .find(|q| q.heading_span.as_ref().is_some_and(|h| holds(h, offset)))
}

/// The answer whose `Antwoord` heading holds `offset`.
pub fn answer_at_heading(a: &Analysis, offset: usize) -> Option<&Answer> {
    a.dossier
        .answers
        .iter()
        .find(|ans| holds(&ans.heading_span, offset))
}

/// The reference to a question (`zie vraag 5`, `antwoord op vraag 4`)
/// that holds `offset`.
pub fn question_ref_at(a: &Analysis, offset: usize) -> Option<&QuestionRef> {
    a.dossier
        .question_refs
        .iter()
        .find(|r| holds(&r.span, offset))
}

/// The question a reference points to.
pub fn referred_question<'a>(a: &'a Analysis, r: &QuestionRef) -> Option<&'a Question> {
    let d = &a.dossier;
    r.question.and_then(|i| d.questions.get(i)).or_else(|| {
        let first = r.numbers.first()?;
        d.questions.iter().find(|q| q.numbers.contains(first))
    })
}

/// The text of a question (without its heading), from the model or, when
/// it gives none, from the running text.
pub fn question_text(a: &Analysis, q: &Question) -> String {
    let text = a.dossier.running_text(&q.text_span);
    if !text.trim().is_empty() {
        return shorten(&text, 1500);
    }
    let from = q.heading_span.as_ref().map_or(q.span.start, |h| h.end);
    running_text(a, from, q.span.end, 1500)
}

/// The text of an answer (without its heading), as [`question_text`].
pub fn answer_text(a: &Analysis, ans: &Answer) -> String {
    let text = a.dossier.running_text(&ans.text_span);
    if !text.trim().is_empty() {
        return shorten(&text, 1500);
    }
    running_text(a, ans.heading_span.end, ans.span.end, 1500)
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.trim().to_owned();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{} …", cut.trim_end())
}

/// The answer to a question, by the model's link or by number.
pub fn answer_of<'a>(a: &'a Analysis, q: &Question) -> Option<&'a Answer> {
    let d = &a.dossier;
    if let Some(ans) = q.answer.and_then(|i| d.answers.get(i)) {
        return Some(ans);
    }
    let first = q.numbers.first()?;
    d.answers.iter().find(|ans| ans.numbers.contains(first))
}

/// The question an answer answers, by the model's link or by number.
pub fn question_of<'a>(a: &'a Analysis, ans: &Answer) -> Option<&'a Question> {
    let d = &a.dossier;
    if let Some(q) = ans.question.and_then(|i| d.questions.get(i)) {
        return Some(q);
    }
    let first = ans.numbers.first()?;
    d.questions.iter().find(|q| q.numbers.contains(first))
}

/// Lines joined into paragraphs; blank lines separate them.
pub fn paragraphs_of(raw: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

/// The running text from `from` to `to` as paragraphs separated by blank
/// lines, at most about `max_chars` characters.
pub fn running_text(a: &Analysis, from: usize, to: usize, max_chars: usize) -> String {
    let body = &a.dossier.layout.body;
    let (b0, b1) = (body.from_source(from), body.from_source(to));
    let raw = match body.text.get(b0.min(b1)..b1.max(b0)) {
        Some(t) if !t.trim().is_empty() => t,
        // No body stream: the source text as it stands.
        _ => a.text.get(from.min(to)..to.max(from)).unwrap_or(""),
    };
    let paragraphs = paragraphs_of(raw);
    let mut out = String::new();
    for p in paragraphs {
        if out.chars().count() + p.chars().count() > max_chars {
            let room = max_chars.saturating_sub(out.chars().count());
            if room > 40 {
                let cut: String = p.chars().take(room).collect();
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(cut.trim_end());
            }
            out.push_str(" …");
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&p);
    }
    out
}

/// The footnote definition whose number contains `offset` (or ends at it).
pub fn footnote_on_number(d: &Dossier, offset: usize) -> Option<&Footnote> {
    d.footnotes
        .iter()
        .find(|f| f.number_span.start <= offset && offset <= f.number_span.end)
}

/// The note at `offset`, as a marker or as a definition's number: its
/// definition (if any) and every marker that names it.
pub fn note_at(d: &Dossier, offset: usize) -> Option<NotePlaces<'_>> {
    let (definition, probe) = match d.marker_at(offset) {
        Some(m) => (d.note_of(m), Some(m)),
        None => (Some(footnote_on_number(d, offset)?), None),
    };
    let markers = d
        .markers
        .iter()
        .filter(|m| match (definition, probe) {
            (Some(f), _) => d.note_of(m).is_some_and(|g| std::ptr::eq(g, f)),
            // An undefined note: the markers of the same convention and name.
            (None, Some(p)) => d.note_of(m).is_none() && m.key() == p.key(),
            (None, None) => false,
        })
        .collect();
    Some(NotePlaces {
        definition,
        markers,
    })
}

/// A note's definition and its markers, in document order.
pub struct NotePlaces<'d> {
    pub definition: Option<&'d Footnote>,
    pub markers: Vec<&'d crate::dossier::FootnoteMarker>,
}

/// The footnote whose full citation a short-form footnote resolves to.
pub fn antecedent<'d>(d: &'d Dossier, footnote: &Footnote) -> Option<&'d Footnote> {
    match &footnote.source {
        Source::Resolved { via, .. } => via.last().and_then(|&n| d.footnote(n)),
        _ => None,
    }
}

/// The committee letter's question paragraph that holds `offset`.
pub fn letter_question_at(a: &Analysis, offset: usize) -> Option<&Question> {
    a.dossier.questions.iter().find(|q| {
        q.kind == QuestionKind::LetterParagraph && q.span.start <= offset && offset < q.span.end
    })
}

/// A quotation with its source looked up: the document that holds the
/// source (its index key), that document's normalised text, and what the
/// search for the quoted words found.
pub struct QuoteLookup {
    pub quoted: QuotedPassage,
    pub file: Arc<str>,
    pub index: Arc<PassageIndex>,
    pub found: QuoteMatch,
}

impl QuoteLookup {
    /// The passage found (as quoted or with differences).
    pub fn passage(&self) -> Option<&Passage> {
        match &self.found {
            QuoteMatch::Found(p) | QuoteMatch::Altered(p, _) => Some(p),
            QuoteMatch::NotFound(_) => None,
        }
    }
}

/// The quotation (the outermost one) that holds `offset`, when its
/// source is this document or one in the workspace: the lints' search,
/// done again for this one quotation.
pub fn quote_at(snap: &Snapshot, offset: usize) -> Option<QuoteLookup> {
    let d = snap.dossier();
    let i = d
        .quotes
        .iter()
        .position(|q| !q.nested && q.span.start <= offset && offset < q.span.end)?;
    let quoted = d.quoted_passage(snap.text(), i)?;
    let itself = d.identity.as_ref().is_some_and(|i| i.id == quoted.id);
    let (file, index) = if itself {
        (snap.file.clone(), Arc::new(PassageIndex::new(d)))
    } else {
        snap.workspace
            .documents_with_id(&quoted.id)
            .into_iter()
            .filter(|(k, _)| **k != *snap.file)
            .find_map(|(k, s)| {
                let index = s.passages_from(|| snap.files.text(k))?;
                Some((Arc::from(k), index.clone()))
            })?
    };
    let found = quoted.look_up(&index, itself);
    Some(QuoteLookup {
        quoted,
        file,
        index,
        found,
    })
}
