//! `textDocument/inlayHint`: [`ide::inlay_hints`] in LSP types.

use tower_lsp::lsp_types::{InlayHint, InlayHintLabel, InlayHintTooltip};

use super::convert;
use crate::ide::{self, HintKind};
use crate::text::PositionEncoding;

pub fn to_lsp(
    a: &ide::Analysis,
    found: Vec<ide::InlayHint>,
    enc: PositionEncoding,
) -> Vec<InlayHint> {
    found
        .into_iter()
        .map(|h| InlayHint {
            position: convert::position(&a.text, &a.line_index, h.offset, enc),
            label: InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: h.tooltip.map(InlayHintTooltip::String),
            padding_left: Some(true),
            // A marker's words stand between the marker and the text.
            padding_right: Some(h.kind == HintKind::Marker),
            data: None,
        })
        .collect()
}
