//! `textDocument/documentHighlight`: [`ide::highlight`] in LSP types.

use tower_lsp::lsp_types::{DocumentHighlight, DocumentHighlightKind};

use super::convert;
use crate::ide::{self, HighlightKind};
use crate::text::PositionEncoding;

pub fn to_lsp(
    a: &ide::Analysis,
    found: Vec<ide::Highlight>,
    enc: PositionEncoding,
) -> Vec<DocumentHighlight> {
    found
        .into_iter()
        .map(|h| DocumentHighlight {
            range: convert::range(&a.text, &a.line_index, &h.span, enc),
            kind: Some(match h.kind {
                HighlightKind::Write => DocumentHighlightKind::WRITE,
                HighlightKind::Read => DocumentHighlightKind::READ,
                HighlightKind::Text => DocumentHighlightKind::TEXT,
            }),
        })
        .collect()
}
