//! `textDocument/completion` (trigger: a space): [`ide::completion`] in LSP
//! types, in the order the feature gives.

use tower_lsp::lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, TextEdit};

use super::convert;
use crate::assist::{Completion, CompletionKind};
use crate::ide;
use crate::text::PositionEncoding;

pub fn to_lsp(
    a: &ide::Analysis,
    found: Vec<Completion>,
    enc: PositionEncoding,
) -> Vec<CompletionItem> {
    found
        .into_iter()
        .enumerate()
        .map(|(i, c)| CompletionItem {
            label: c.label.clone(),
            kind: Some(match c.kind {
                CompletionKind::Footnote => CompletionItemKind::REFERENCE,
                CompletionKind::Document => CompletionItemKind::FILE,
                CompletionKind::Question => CompletionItemKind::ENUM_MEMBER,
            }),
            detail: c.detail.clone(),
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
