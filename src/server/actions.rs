//! `textDocument/codeAction`: [`ide::code_actions`] in LSP types, with the
//! findings each fixes attached, filtered by the kinds the client asks for.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionContext, CodeActionKind, CodeActionOrCommand, Diagnostic, NumberOrString,
    Range, TextEdit, Url, WorkspaceEdit,
};

use super::convert;
use crate::i18n::Lang;
use crate::ide::{self, ActionKind, Analysis};
use crate::text::PositionEncoding;

pub fn to_lsp(
    a: &Analysis,
    uri: &Url,
    found: Vec<ide::Action>,
    context: &CodeActionContext,
    enc: PositionEncoding,
    lang: Lang,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    for action in found {
        let diagnostics = match &action.fixes {
            Some(fixes) => {
                let at = convert::range(&a.text, &a.line_index, &fixes.at, enc);
                // A slip's fix carries the analysis's own findings; the
                // others the client's, else the analysis's.
                let client = if action.versioned {
                    &context.diagnostics[..]
                } else {
                    &[]
                };
                findings(a, fixes.code, &at, client, enc, lang)
            }
            None => Vec::new(),
        };
        if action.needs_finding && diagnostics.is_empty() {
            continue;
        }
        let edit = if action.versioned {
            convert::versioned(a, uri, &action.edits, enc)
        } else {
            let edits = action
                .edits
                .iter()
                .map(|e| {
                    let range = convert::range(&a.text, &a.line_index, &e.span, enc);
                    TextEdit::new(range, e.text.clone())
                })
                .collect();
            WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), edits)])),
                ..Default::default()
            }
        };
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: action.title,
            kind: Some(match action.kind {
                ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                ActionKind::Source => CodeActionKind::SOURCE,
                ActionKind::RefactorRewrite => CodeActionKind::REFACTOR_REWRITE,
            }),
            diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
            edit: Some(edit),
            is_preferred: action.preferred.then_some(true),
            ..Default::default()
        }));
    }
    if let Some(only) = &context.only {
        out.retain(|action| match action {
            CodeActionOrCommand::CodeAction(c) => c.kind.as_ref().is_some_and(|k| {
                only.iter().any(|o| {
                    k.as_str() == o.as_str() || k.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            }),
            CodeActionOrCommand::Command(_) => false,
        });
    }
    out
}

/// The findings with `code` whose range meets `range`: those the client
/// sent, else the analysis's own.
fn findings(
    a: &Analysis,
    code: &str,
    range: &Range,
    client: &[Diagnostic],
    enc: PositionEncoding,
    lang: Lang,
) -> Vec<Diagnostic> {
    let code = NumberOrString::String(code.to_owned());
    let wanted = |d: &Diagnostic| d.code.as_ref() == Some(&code) && ranges_meet(&d.range, range);
    let found: Vec<Diagnostic> = client.iter().filter(|d| wanted(d)).cloned().collect();
    if !found.is_empty() {
        return found;
    }
    super::diagnostics::to_lsp(a, enc, &Default::default(), lang)
        .into_iter()
        .filter(wanted)
        .collect()
}

fn ranges_meet(a: &Range, b: &Range) -> bool {
    let key = |p: tower_lsp::lsp_types::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}
