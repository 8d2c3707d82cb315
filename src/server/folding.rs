//! `textDocument/foldingRange`: [`ide::folding`] in LSP types.

use tower_lsp::lsp_types::{FoldingRange, FoldingRangeKind};

use crate::ide::{self, FoldKind};

pub fn to_lsp(found: Vec<ide::Fold>) -> Vec<FoldingRange> {
    found
        .into_iter()
        .map(|f| FoldingRange {
            start_line: f.start_line,
            start_character: None,
            end_line: f.end_line,
            end_character: None,
            kind: Some(match f.kind {
                FoldKind::Region => FoldingRangeKind::Region,
                FoldKind::Comment => FoldingRangeKind::Comment,
            }),
            collapsed_text: None,
        })
        .collect()
}
