//! `textDocument/documentLink`: [`ide::links`] in LSP types.

use tower_lsp::lsp_types::{DocumentLink, Url};

use super::convert;
use crate::ide;
use crate::text::PositionEncoding;

pub fn to_lsp(
    a: &ide::Analysis,
    found: Vec<ide::Link>,
    enc: PositionEncoding,
) -> Vec<DocumentLink> {
    found
        .into_iter()
        .filter_map(|link| {
            let Ok(target) = Url::parse(&link.target) else {
                tracing::debug!("not a valid address: {}", link.target);
                return None;
            };
            Some(DocumentLink {
                range: convert::range(&a.text, &a.line_index, &link.span, enc),
                target: Some(target),
                tooltip: Some(link.tooltip),
                data: None,
            })
        })
        .collect()
}
