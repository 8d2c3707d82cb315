//! `textDocument/prepareRename` and `textDocument/rename`:
//! [`ide::prepare_rename`] and [`ide::rename`] in LSP types; the edits are
//! one versioned edit of the document, a refusal an `InvalidParams` error
//! with the feature's message.

use tower_lsp::jsonrpc;
use tower_lsp::lsp_types::{PrepareRenameResponse, Url, WorkspaceEdit};

use super::convert;
use crate::ide;
use crate::text::PositionEncoding;

pub fn prepare(
    snap: &ide::Snapshot,
    offset: usize,
    enc: PositionEncoding,
) -> Option<PrepareRenameResponse> {
    let a = &snap.analysis;
    let (span, placeholder) = ide::prepare_rename(snap, offset)?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(&a.text, &a.line_index, &span, enc),
        placeholder,
    })
}

pub fn rename(
    snap: &ide::Snapshot,
    uri: &Url,
    offset: usize,
    new_name: &str,
    enc: PositionEncoding,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    match ide::rename(snap, offset, new_name) {
        Ok(edits) if edits.is_empty() => Ok(Some(WorkspaceEdit::default())),
        Ok(edits) => Ok(Some(convert::versioned(&snap.analysis, uri, &edits, enc))),
        Err(message) => Err(jsonrpc::Error {
            code: jsonrpc::ErrorCode::InvalidParams,
            message: message.into(),
            data: None,
        }),
    }
}
