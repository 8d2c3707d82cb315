//! `textDocument/prepareRename` and `textDocument/rename` on a footnote
//! number (a marker or a definition's number): the footnote is renumbered
//! everywhere, its definition and every marker, as one versioned edit
//! (`crate::assist::rename_footnote`). A number already in use is refused
//! with an error that says so.

use tower_lsp::jsonrpc;
use tower_lsp::lsp_types::{Position, PrepareRenameResponse, Url, WorkspaceEdit};

use super::actions::versioned;
use super::convert;
use super::documents::Analysis;
use crate::assist;
use crate::ide::lookup::footnote_on_number;
use crate::text::PositionEncoding;
use crate::Span;

/// The footnote number at `offset` and the digits written there.
fn number_at(a: &Analysis, offset: usize) -> Option<(u32, Span)> {
    let d = &a.dossier;
    if let Some(m) = d.marker_at(offset) {
        return Some((m.number, m.span.clone()));
    }
    footnote_on_number(d, offset).map(|f| (f.number, f.number_span.clone()))
}

pub fn prepare(
    a: &Analysis,
    pos: Position,
    enc: PositionEncoding,
) -> Option<PrepareRenameResponse> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    let (number, span) = number_at(a, offset)?;
    a.dossier.footnote(number)?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(&a.text, &a.line_index, &span, enc),
        placeholder: number.to_string(),
    })
}

fn invalid(message: String) -> jsonrpc::Error {
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::InvalidParams,
        message: message.into(),
        data: None,
    }
}

pub fn rename(
    a: &Analysis,
    uri: &Url,
    pos: Position,
    new_name: &str,
    enc: PositionEncoding,
) -> jsonrpc::Result<Option<WorkspaceEdit>> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    let Some((from, _)) = number_at(a, offset) else {
        return Err(invalid(
            "Alleen een voetnootnummer (een verwijzing of het nummer van een voetnoot) kan worden hernoemd.".to_owned(),
        ));
    };
    let to: u32 = match new_name.trim().parse() {
        Ok(n) if n > 0 => n,
        _ => {
            return Err(invalid(format!(
                "`{new_name}` is geen voetnootnummer (een getal vanaf 1)."
            )))
        }
    };
    let d = &a.dossier;
    if d.footnote(from).is_none() {
        return Err(invalid(format!(
            "Voetnoot {from} staat niet in het document; voeg eerst de voetnoot toe."
        )));
    }
    if to == from {
        return Ok(Some(WorkspaceEdit::default()));
    }
    match assist::rename_footnote(d, from, to) {
        Some(edits) => Ok(Some(versioned(a, uri, &edits, enc))),
        None => Err(invalid(format!(
            "Voetnoot {to} bestaat al; kies een ander nummer of hernummer alle voetnoten (bronactie)."
        ))),
    }
}
