//! Document links: every citation with an official address links there; a
//! short form links to the document it resolves to.

use super::snapshot::Snapshot;
use crate::citation::CitationKind;
use crate::dossier::Source;
use crate::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub span: Span,
    /// The official address.
    pub target: String,
    /// The citation's canonical form.
    pub tooltip: String,
}

pub fn links(snap: &Snapshot) -> Vec<Link> {
    let d = &snap.analysis.dossier;
    let mut out = Vec::new();
    for c in &d.citations {
        let (target, tooltip) = match c.url() {
            Some(url) => (url, c.canonical()),
            None if c.kind == CitationKind::ShortForm => {
                let resolved = d.footnote_at(c.span.start).and_then(|f| match &f.source {
                    Source::Resolved { citation, .. } => {
                        citation.url().map(|u| (u, citation.canonical()))
                    }
                    _ => None,
                });
                match resolved {
                    Some(r) => r,
                    None => continue,
                }
            }
            None => continue,
        };
        // A citation a page break cut links from each of its parts, not
        // from the footnote block between them.
        for span in c.spans() {
            out.push(Link {
                span: span.clone(),
                target: target.clone(),
                tooltip: tooltip.clone(),
            });
        }
    }
    out
}
