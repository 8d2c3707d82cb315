//! `textDocument/documentSymbol`: [`ide::symbols`] in LSP types.

use tower_lsp::lsp_types::{DocumentSymbol, SymbolKind};

use super::convert;
use crate::ide;
use crate::text::PositionEncoding;

#[allow(deprecated)] // DocumentSymbol::deprecated must be spelled out
pub fn to_lsp(
    a: &ide::Analysis,
    found: Vec<ide::Symbol>,
    enc: PositionEncoding,
) -> Vec<DocumentSymbol> {
    found
        .into_iter()
        .map(|s| DocumentSymbol {
            name: s.name,
            detail: s.detail,
            kind: match s.kind {
                ide::SymbolKind::Letter => SymbolKind::NAMESPACE,
                ide::SymbolKind::Question => SymbolKind::EVENT,
                ide::SymbolKind::Answer => SymbolKind::METHOD,
                ide::SymbolKind::Footnote => SymbolKind::CONSTANT,
            },
            tags: None,
            deprecated: None,
            range: convert::range(&a.text, &a.line_index, &s.span, enc),
            selection_range: convert::range(&a.text, &a.line_index, &s.selection, enc),
            children: (!s.children.is_empty()).then(|| to_lsp(a, s.children, enc)),
        })
        .collect()
}
