//! Semantic tokens: markers, footnote numbers, citations, short forms,
//! placeholders, question and answer headings, letter headings, footers
//! and the colophon (`crate::assist::semantic_tokens` classifies).

use super::guard::guarded;
use super::snapshot::Snapshot;
use crate::assist::{semantic_tokens, TokenKind};
use crate::Span;

/// The tokens that meet `range` (all when `None`), each inside the text
/// and not empty; a token may cross a line break.
pub fn tokens(snap: &Snapshot, range: Option<Span>) -> Vec<(Span, TokenKind)> {
    let a = &snap.analysis;
    let classified = guarded("semantic tokens", Vec::new(), || {
        semantic_tokens(&a.dossier, &a.text)
    });
    classified
        .into_iter()
        .filter(|(span, _)| span.end <= a.text.len() && span.start < span.end)
        .filter(|(span, _)| {
            range
                .as_ref()
                .is_none_or(|r| !(span.end < r.start || span.start > r.end))
        })
        .collect()
}
