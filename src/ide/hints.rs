//! Inlay hints: after each `Idem`/`Ibidem`/`zie noot N` the citation it
//! resolves to; when asked for, after each footnote marker the first words
//! of its footnote.

use super::guard::guarded;
use super::snapshot::Snapshot;
use crate::assist;
use crate::Span;

/// How many words of a footnote a marker's hint shows.
const MARKER_WORDS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKind {
    /// What a short form resolves to.
    ShortForm,
    /// A footnote's first words, after its marker.
    Marker,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint stands (a byte offset).
    pub offset: usize,
    pub label: String,
    pub tooltip: Option<String>,
    pub kind: HintKind,
}

/// The hints in `range` (byte offsets), in document order; marker hints
/// only when `markers`.
pub fn inlay_hints(snap: &Snapshot, range: Span, markers: bool) -> Vec<InlayHint> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let mut found: Vec<InlayHint> = guarded("short form hints", Vec::new(), || {
        assist::short_form_hints(d)
    })
    .into_iter()
    .map(|(offset, label)| InlayHint {
        offset,
        label,
        tooltip: None,
        kind: HintKind::ShortForm,
    })
    .collect();
    if markers {
        found.extend(
            guarded("marker hints", Vec::new(), || {
                assist::marker_hints(d, MARKER_WORDS)
            })
            .into_iter()
            .map(|(offset, label)| InlayHint {
                offset,
                label: format!("[{label}]"),
                tooltip: Some(crate::msg!("hint-marker-tooltip").render(snap.lang)),
                kind: HintKind::Marker,
            }),
        );
    }
    found.retain(|h| range.start <= h.offset && h.offset <= range.end && h.offset <= a.text.len());
    found.sort_by_key(|h| h.offset);
    found
}
