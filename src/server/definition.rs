//! `textDocument/definition`: marker → footnote, short form → the footnote
//! that holds the full citation, `zie noot N` → footnote N, and a
//! footnote's own number → its first marker.

use tower_lsp::lsp_types::{GotoDefinitionResponse, Location, Position, Url};

use super::convert;
use super::documents::Analysis;
use super::lookup;
use crate::citation::{CitationKind, ShortFormKind};
use crate::dossier::{Dossier, Footnote, Source};
use crate::text::PositionEncoding;
use crate::Span;

pub fn definition(
    a: &Analysis,
    uri: &Url,
    pos: Position,
    enc: PositionEncoding,
) -> Option<GotoDefinitionResponse> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    let span = target(a, offset)?;
    let range = convert::range(&a.text, &a.line_index, &span, enc);
    Some(GotoDefinitionResponse::Scalar(Location::new(
        uri.clone(),
        range,
    )))
}

/// Where the thing at `offset` is defined (or, for a question, answered).
pub fn target(a: &Analysis, offset: usize) -> Option<Span> {
    let d = &a.dossier;
    if let Some(marker) = d.marker_at(offset) {
        let footnote = marker
            .footnote
            .and_then(|i| d.footnotes.get(i))
            .or_else(|| d.footnote(marker.number))?;
        return Some(footnote.number_span.clone());
    }
    if let Some(f) = footnote_on_number(d, offset) {
        // From a definition back to where it is used.
        let number = f.number;
        return d
            .markers
            .iter()
            .find(|m| m.number == number)
            .map(|m| m.span.clone());
    }
    if let Some(q) = lookup::question_at_heading(a, offset) {
        return lookup::answer_of(a, q).map(|ans| ans.heading_span.clone());
    }
    if let Some(ans) = lookup::answer_at_heading(a, offset) {
        let q = lookup::question_of(a, ans)?;
        return Some(q.heading_span.clone().unwrap_or(q.span.clone()));
    }
    if let Some(r) = lookup::question_ref_at(a, offset) {
        // `zie vraag 5`: to the question; `antwoord op vraag 4`: to the
        // answer (else to the question).
        let q = lookup::referred_question(a, r)?;
        let to_answer = a
            .text
            .get(r.span.clone())
            .is_some_and(|t| t.to_lowercase().contains("antwoord"));
        let answer = lookup::answer_of(a, q).filter(|_| to_answer);
        return Some(match answer {
            Some(ans) => ans.heading_span.clone(),
            None => q.heading_span.clone().unwrap_or(q.span.clone()),
        });
    }
    let Some(footnote) = d.footnote_at(offset) else {
        return taken_up_here(a, offset);
    };
    if let Some(c) = d.citation_at(offset) {
        if let Some(ShortFormKind::SeeNote(n)) = c.short_form {
            return d.footnote(n).map(|f| f.number_span.clone());
        }
        if c.kind != CitationKind::ShortForm {
            return None;
        }
    }
    antecedent(d, footnote).map(|f| f.number_span.clone())
}

/// Inside a question's text (not on a footnote marker or a citation):
/// where this document answers it, or, for a committee letter's paragraph
/// not answered here, where it is repeated.
fn taken_up_here(a: &Analysis, offset: usize) -> Option<Span> {
    let d = &a.dossier;
    if d.citation_at(offset).is_some() {
        return None;
    }
    let (_, q) = super::questions::question_at(a, offset)?;
    if let Some(ans) = lookup::answer_of(a, q) {
        return Some(ans.heading_span.clone());
    }
    let repeat = q
        .related
        .iter()
        .filter_map(|&i| d.questions.get(i))
        .find(|_| q.kind == crate::dossier::QuestionKind::LetterParagraph)?;
    Some(repeat.heading_span.clone().unwrap_or(repeat.span.clone()))
}

/// The committee letter's question paragraph that holds `offset`.
pub fn letter_question_at(a: &Analysis, offset: usize) -> Option<&crate::dossier::Question> {
    a.dossier.questions.iter().find(|q| {
        q.kind == crate::dossier::QuestionKind::LetterParagraph
            && q.span.start <= offset
            && offset < q.span.end
    })
}

/// The footnote whose full citation a short-form footnote resolves to.
pub fn antecedent<'d>(d: &'d Dossier, footnote: &Footnote) -> Option<&'d Footnote> {
    match &footnote.source {
        Source::Resolved { via, .. } => via.last().and_then(|&n| d.footnote(n)),
        _ => None,
    }
}

/// The footnote definition whose number contains `offset` (or ends at it).
pub fn footnote_on_number(d: &Dossier, offset: usize) -> Option<&Footnote> {
    d.footnotes
        .iter()
        .find(|f| f.number_span.start <= offset && offset <= f.number_span.end)
}

/// `textDocument/references` on a marker or a footnote's number: every
/// marker of that footnote, and its definition when asked for.
pub fn references(
    a: &Analysis,
    uri: &Url,
    pos: Position,
    enc: PositionEncoding,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    let d = &a.dossier;
    let number = match d.marker_at(offset) {
        Some(m) => m.number,
        None => match footnote_on_number(d, offset) {
            Some(f) => f.number,
            None => {
                // A question: every place that concerns it.
                let group = super::questions::group_at(a, offset)?;
                let spans = super::questions::places(a, &group);
                return Some(locations(a, uri, &spans, enc));
            }
        },
    };
    let mut spans: Vec<Span> = Vec::new();
    if include_declaration {
        spans.extend(d.footnote(number).map(|f| f.number_span.clone()));
    }
    spans.extend(
        d.markers
            .iter()
            .filter(|m| m.number == number)
            .map(|m| m.span.clone()),
    );
    Some(locations(a, uri, &spans, enc))
}

fn locations(a: &Analysis, uri: &Url, spans: &[Span], enc: PositionEncoding) -> Vec<Location> {
    spans
        .iter()
        .map(|s| Location::new(uri.clone(), convert::range(&a.text, &a.line_index, s, enc)))
        .collect()
}
