//! `textDocument/codeLens`: [`ide::code_lenses`] in LSP types (a title,
//! no command to run).

use tower_lsp::lsp_types::{CodeLens, Command};

use super::convert;
use crate::ide;
use crate::text::PositionEncoding;

pub fn to_lsp(a: &ide::Analysis, found: Vec<ide::Lens>, enc: PositionEncoding) -> Vec<CodeLens> {
    found
        .into_iter()
        .map(|lens| CodeLens {
            range: convert::range(&a.text, &a.line_index, &lens.span, enc),
            command: Some(Command {
                title: lens.title,
                command: String::new(),
                arguments: None,
            }),
            data: None,
        })
        .collect()
}
