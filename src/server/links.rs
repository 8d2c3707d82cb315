//! `textDocument/documentLink`: every citation with an official address
//! links there; a short form links to the document it resolves to.

use tower_lsp::lsp_types::{DocumentLink, Url};

use super::convert;
use super::documents::Analysis;
use crate::citation::CitationKind;
use crate::dossier::Source;
use crate::text::PositionEncoding;

pub fn links(a: &Analysis, enc: PositionEncoding) -> Vec<DocumentLink> {
    let d = &a.dossier;
    let mut out = Vec::new();
    for c in &d.citations {
        let (url, tooltip) = match c.url() {
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
        let Ok(target) = Url::parse(&url) else {
            tracing::debug!("not a valid address: {url}");
            continue;
        };
        // A citation a page break cut links from each of its parts, not
        // from the footnote block between them.
        for span in c.spans() {
            out.push(DocumentLink {
                range: convert::range(&a.text, &a.line_index, span, enc),
                target: Some(target.clone()),
                tooltip: Some(tooltip.clone()),
                data: None,
            });
        }
    }
    out
}
