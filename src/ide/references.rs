//! Find references: a footnote's markers (and its definition when asked
//! for); a question (any part), an answer's heading or `zie vraag N` → the
//! letter's paragraphs, the repeat, the answer and the references to it;
//! a full citation or the document's footer → every place in the
//! workspace that cites that document; a passage that other documents
//! quote → those quotations.

use super::lookup;
use super::questions;
use std::sync::Arc;

use super::snapshot::{NavigationTarget, Snapshot};
use crate::dossier::{PassageIndex, QuoteMatch, QuotedPassage};
use crate::workspace::DocumentSummary;
use crate::Span;

/// `None` when there is nothing at `offset` to look for.
pub fn references(
    snap: &Snapshot,
    offset: usize,
    include_declaration: bool,
) -> Option<Vec<NavigationTarget>> {
    if let Some(spans) = in_document(snap, offset, include_declaration) {
        let here = |span| NavigationTarget {
            file: snap.file.clone(),
            span,
        };
        return Some(spans.into_iter().map(here).collect());
    }
    let quoting = quotations_of(snap, offset);
    if !quoting.is_empty() {
        return Some(quoting);
    }
    let id = cited_id_at(snap, offset)?;
    Some(places_citing(snap, &id))
}

fn in_document(snap: &Snapshot, offset: usize, include_declaration: bool) -> Option<Vec<Span>> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let Some(note) = lookup::note_at(d, offset) else {
        // A question: every place that concerns it.
        let group = questions::group_at(a, offset)?;
        return Some(questions::places(a, &group));
    };
    let mut spans: Vec<Span> = Vec::new();
    if include_declaration {
        spans.extend(note.definition.map(|f| f.number_span.clone()));
    }
    spans.extend(note.markers.iter().map(|m| m.span.clone()));
    Some(spans)
}

/// On a passage of this document that other documents of the workspace
/// quote: those quotations (each looked up as the lints look it up).
fn quotations_of(snap: &Snapshot, offset: usize) -> Vec<NavigationTarget> {
    let d = snap.dossier();
    let Some(own) = d.identity.as_ref().map(|i| i.id.as_str()) else {
        return Vec::new();
    };
    let quoting: Vec<(&str, &QuotedPassage)> = snap
        .workspace
        .documents()
        .filter(|(key, _)| **key != *snap.file)
        .flat_map(|(key, s)| {
            s.quotes
                .iter()
                .filter(|q| q.id == own)
                .map(move |q| (key, q))
        })
        .collect();
    if quoting.is_empty() {
        return Vec::new();
    }
    // This version of the text (the index's may be a moment older).
    let index = PassageIndex::new(d);
    let mut out = Vec::new();
    for (key, q) in quoting {
        let passage = match q.look_up(&index, false) {
            QuoteMatch::Found(p) | QuoteMatch::Altered(p, _) => p,
            QuoteMatch::NotFound(_) => continue,
        };
        let span = index.source_span(&passage.span);
        if span.start <= offset && offset <= span.end {
            out.push(NavigationTarget {
                file: Arc::from(key),
                span: q.span.clone(),
            });
        }
    }
    out.sort_by(|a, b| (&a.file, a.span.start).cmp(&(&b.file, b.span.start)));
    out
}

/// The id of the document a full citation at `offset` names, or this
/// document's own id when `offset` is on what identifies it (its footer).
fn cited_id_at(snap: &Snapshot, offset: usize) -> Option<String> {
    let d = &snap.analysis.dossier;
    if let Some(c) = d.citation_at(offset) {
        return c.is_full().then(|| c.id.clone()).flatten();
    }
    let own = d.identity.as_ref()?;
    (own.span.start <= offset && offset <= own.span.end).then(|| own.id.clone())
}

/// Every place in the workspace that cites `id`, short forms included; a
/// citation a page break cut is there with each of its parts. This
/// document's places come from the snapshot's analysis (the index gets it
/// only after its diagnostics, a moment after an edit). By file, then by
/// place.
fn places_citing(snap: &Snapshot, id: &str) -> Vec<NavigationTarget> {
    let a = &snap.analysis;
    // Its citations only: no question words, no quotations, no passage
    // index.
    let own = DocumentSummary::deferred("", &a.text, &a.dossier);
    let own_places = own
        .cites
        .iter()
        .filter(|c| c.id == id)
        .flat_map(|c| c.spans().iter().map(|s| (snap.file.clone(), s.clone())));
    let others = snap
        .workspace
        .citations_of(id)
        .into_iter()
        .filter(|(key, _)| **key != *snap.file)
        .flat_map(|(key, place)| place.spans().iter().map(|s| (key.into(), s.clone())));
    let mut places: Vec<(std::sync::Arc<str>, Span)> = own_places.chain(others).collect();
    places.sort_by(|x, y| (&x.0, x.1.start).cmp(&(&y.0, y.1.start)));
    places
        .into_iter()
        .map(|(file, span)| NavigationTarget { file, span })
        .collect()
}
