//! `textDocument/selectionRange`: [`ide::selection`] for each position, as
//! a chain of LSP ranges (innermost first).

use tower_lsp::lsp_types::{Position, Range, SelectionRange};

use super::convert;
use crate::ide;
use crate::text::PositionEncoding;

pub fn selection_ranges(
    snap: &ide::Snapshot,
    positions: &[Position],
    enc: PositionEncoding,
) -> Vec<SelectionRange> {
    let a = &snap.analysis;
    positions
        .iter()
        .map(|&p| {
            let offset = convert::offset(&a.text, &a.line_index, p, enc);
            let mut chain: Option<SelectionRange> = None;
            for span in ide::selection(snap, offset).iter().rev() {
                chain = Some(SelectionRange {
                    range: convert::range(&a.text, &a.line_index, span, enc),
                    parent: chain.map(Box::new),
                });
            }
            chain.unwrap_or(SelectionRange {
                range: Range::new(p, p),
                parent: None,
            })
        })
        .collect()
}
