//! `textDocument/codeAction`: quick fixes for slips in how a citation is
//! written (`Kamerstuk 22 112 nr. 2956` → `Kamerstuk 22 112, nr. 2956`),
//! from the fix the citation grammar proposes.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};

use super::convert;
use super::documents::Analysis;
use crate::text::PositionEncoding;

pub fn actions(
    a: &Analysis,
    uri: &Url,
    range: Range,
    enc: PositionEncoding,
) -> Vec<CodeActionOrCommand> {
    let from = convert::offset(&a.text, &a.line_index, range.start, enc);
    let to = convert::offset(&a.text, &a.line_index, range.end, enc);
    let (from, to) = (from.min(to), from.max(to));
    let mut out = Vec::new();
    for c in &a.dossier.citations {
        // Offer the fixes of the citations the range touches.
        if c.span.end < from || c.span.start > to {
            continue;
        }
        for slip in &c.slips {
            // Spans are into the document and inside the citation; anything
            // else would edit the wrong text, so it is not offered.
            let inside = c.span.start <= slip.span.start && slip.span.end <= c.span.end;
            if !inside || slip.span.start > slip.span.end || a.text.get(slip.span.clone()).is_none()
            {
                tracing::debug!(
                    "slip {:?} outside its citation {:?}; no fix offered",
                    slip.span,
                    c.span
                );
                continue;
            }
            let edit_range = convert::range(&a.text, &a.line_index, &slip.span, enc);
            let edit = TextEdit::new(edit_range, slip.fix.clone());
            let diagnostics: Vec<_> = super::diagnostics::to_lsp(a, enc, &Default::default())
                .into_iter()
                .filter(|d| {
                    d.code
                        == Some(tower_lsp::lsp_types::NumberOrString::String(
                            "citation-format".to_owned(),
                        ))
                        && ranges_meet(&d.range, &edit_range)
                })
                .collect();
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Schrijfwijze herstellen: {}", slip.message),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..Default::default()
                }),
                is_preferred: Some(true),
                ..Default::default()
            }));
        }
    }
    out
}

fn ranges_meet(a: &Range, b: &Range) -> bool {
    let key = |p: tower_lsp::lsp_types::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}
