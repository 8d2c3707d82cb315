//! Go to definition: marker → footnote, short form → the footnote that
//! holds the full citation, `zie noot N` → footnote N, a footnote's own
//! number → its first marker; a question (any part) → its answer, an
//! answer's heading → its question, `zie vraag 5` → `Vraag 5`, `antwoord
//! op vraag 4` → answer 4; a citation → the cited document (and page) in
//! the workspace; a committee letter's question → where another document
//! takes it up.

use super::lookup::{self, antecedent};
use super::questions;
use super::snapshot::{Analysis, NavigationTarget, Snapshot};
use crate::citation::{CitationKind, ShortFormKind};
use crate::dossier::QuestionKind;
use crate::Span;

pub fn definition(snap: &Snapshot, offset: usize) -> Vec<NavigationTarget> {
    if let Some(span) = target(&snap.analysis, offset) {
        return vec![NavigationTarget {
            file: snap.file.clone(),
            span,
        }];
    }
    let elsewhere = cited_document(snap, offset).or_else(|| taken_up_elsewhere(snap, offset));
    elsewhere.into_iter().collect()
}

/// Where the thing at `offset` is defined (or, for a question, answered)
/// in the same document.
fn target(a: &Analysis, offset: usize) -> Option<Span> {
    let d = &a.dossier;
    if let Some(marker) = d.marker_at(offset) {
        let footnote = d.note_of(marker)?;
        return Some(footnote.number_span.clone());
    }
    if let Some(note) = lookup::note_at(d, offset) {
        // Not a marker (above): a definition's number, back to where it is used.
        return note.markers.first().map(|m| m.span.clone());
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
    let (_, q) = questions::question_at(a, offset)?;
    if let Some(ans) = lookup::answer_of(a, q) {
        return Some(ans.heading_span.clone());
    }
    let repeat = q
        .related
        .iter()
        .filter_map(|&i| d.questions.get(i))
        .find(|_| q.kind == QuestionKind::LetterParagraph)?;
    Some(repeat.heading_span.clone().unwrap_or(repeat.span.clone()))
}

/// The document a full citation at `offset` names, elsewhere in the
/// workspace: at the cited page, else at its start.
fn cited_document(snap: &Snapshot, offset: usize) -> Option<NavigationTarget> {
    let c = snap.analysis.dossier.citation_at(offset)?;
    if !c.is_full() {
        return None;
    }
    let id = c.id.as_ref()?;
    let docs = snap.workspace.documents_with_id(id);
    let (key, summary) = docs.iter().find(|(k, _)| **k != *snap.file)?;
    let page = c
        .page
        .as_deref()
        .and_then(|p| p.split(['-', ',']).next())
        .and_then(|p| p.trim().parse::<u32>().ok());
    let at = page.and_then(|n| summary.page_offset(n)).unwrap_or(0);
    Some(NavigationTarget {
        file: (*key).into(),
        span: at..at,
    })
}

/// Inside a committee letter's question that this document does not take
/// up: the question in another document of the workspace that does.
fn taken_up_elsewhere(snap: &Snapshot, offset: usize) -> Option<NavigationTarget> {
    let a = &snap.analysis;
    if a.dossier.citation_at(offset).is_some() {
        return None;
    }
    let q = lookup::letter_question_at(a, offset)?;
    if q.answer.is_some() || !q.related.is_empty() {
        return None;
    }
    let found = snap
        .workspace
        .taken_up_elsewhere_by_words(&snap.file, a.dossier.question_words(q))?;
    Some(NavigationTarget {
        file: found.key.into(),
        span: found.span,
    })
}
