//! Document highlight: a marker (or a footnote's number) highlights the
//! footnote's definition (as written) and every marker of it (as read); a
//! citation every citation of the same document, in all its parts; a
//! question the places that concern it.

use super::lookup;
use super::questions;
use super::snapshot::Snapshot;
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HighlightKind {
    /// Where a footnote is defined.
    Write,
    /// Where a footnote is used.
    Read,
    /// Another place of the same thing.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub span: Span,
    pub kind: HighlightKind,
}

/// In document order; `None` when there is nothing to highlight at `offset`.
pub fn highlight(snap: &Snapshot, offset: usize) -> Option<Vec<Highlight>> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let found: Vec<(Span, HighlightKind)> = match lookup::note_at(d, offset) {
        Some(note) => note
            .definition
            .map(|f| (f.number_span.clone(), HighlightKind::Write))
            .into_iter()
            .chain(
                note.markers
                    .iter()
                    .map(|m| (m.span.clone(), HighlightKind::Read)),
            )
            .collect(),
        None if d.citation_at(offset).is_some_and(|c| c.is_full()) => {
            let c = d.citation_at(offset)?;
            // Every citation of the same document, each in all its parts (a
            // citation a page break cut shows as its two halves).
            d.citations
                .iter()
                .filter(|o| std::ptr::eq(*o, c) || (c.id.is_some() && o.is_full() && o.id == c.id))
                .flat_map(|o| o.spans().iter().cloned())
                .map(|s| (s, HighlightKind::Text))
                .collect()
        }
        None => {
            let group = questions::group_at(a, offset)?;
            questions::places(a, &group)
                .into_iter()
                .map(|s| (s, HighlightKind::Text))
                .collect()
        }
    };
    let mut out: Vec<Highlight> = found
        .into_iter()
        .map(|(span, kind)| Highlight { span, kind })
        .collect();
    out.sort_by_key(|h| h.span.start);
    Some(out)
}
