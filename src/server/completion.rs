//! `textDocument/completion` (triggered by a space): after `zie noot ` the
//! footnote numbers with their text; after `Kamerstuk ` / `Kamerstukken II `
//! the documents of the workspace and those the document cites, written in
//! the document's own style; after `Vraag ` the next question number. The
//! candidates come from `crate::assist::completions`.

use tower_lsp::lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit,
};

use super::convert;
use super::documents::{guarded, Analysis};
use crate::assist::{completions, CompletionKind};
use crate::text::PositionEncoding;
use crate::workspace::Workspace;

pub fn items(
    a: &Analysis,
    pos: Position,
    workspace: Option<&Workspace>,
    enc: PositionEncoding,
) -> Vec<CompletionItem> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    guarded("completion", Vec::new(), || {
        completions(&a.dossier, &a.text, offset, workspace)
    })
    .into_iter()
    .enumerate()
    .map(|(i, c)| CompletionItem {
        label: c.label.clone(),
        kind: Some(match c.kind {
            CompletionKind::Footnote => CompletionItemKind::REFERENCE,
            CompletionKind::Document => CompletionItemKind::FILE,
            CompletionKind::Question => CompletionItemKind::ENUM_MEMBER,
        }),
        detail: Some(c.detail.clone()),
        // The order assist gives.
        sort_text: Some(format!("{i:05}")),
        filter_text: Some(c.insert.clone()),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            convert::range(&a.text, &a.line_index, &c.replace, enc),
            c.insert,
        ))),
        ..Default::default()
    })
    .collect()
}
