//! `textDocument/codeAction`: quick fixes for slips in how a citation is
//! written (`Kamerstuk 22 112 nr. 2956` → `Kamerstuk 22 112, nr. 2956`),
//! from the fix the citation grammar proposes; renumbering every footnote
//! (a quick fix on `footnote-numbering`, and a `source` action wherever the
//! numbering is off); `Idem`/`Ibidem` written out in full; a definition
//! stub for a marker without one (on `undefined-footnote`); a placeholder
//! replaced by a source cited elsewhere in the document (on
//! `placeholder-source`). The edits come from `crate::assist`; those that
//! touch several places are one versioned edit of the document.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionContext, CodeActionKind, CodeActionOrCommand, Diagnostic, NumberOrString,
    Range, TextEdit, Url, WorkspaceEdit,
};

use super::convert;
use super::documents::Analysis;
use crate::assist::{self, Edit};
use crate::dossier::Source;
use crate::ide::guarded;
use crate::text::PositionEncoding;

/// Every action for `range`, filtered by the kinds the client asks for.
pub fn all_actions(
    a: &Analysis,
    uri: &Url,
    range: Range,
    context: &CodeActionContext,
    enc: PositionEncoding,
) -> Vec<CodeActionOrCommand> {
    let mut out = actions(a, uri, range, enc);
    out.extend(guarded("editing actions", Vec::new(), || {
        assist_actions(a, uri, range, context, enc)
    }));
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

/// The analysis's diagnostics with `code` whose range meets `range`, and
/// those the client sent with that code.
fn diagnostics_for(
    a: &Analysis,
    code: &str,
    range: &Range,
    context: &CodeActionContext,
    enc: PositionEncoding,
) -> Vec<Diagnostic> {
    let code = NumberOrString::String(code.to_owned());
    let mut found: Vec<Diagnostic> = context
        .diagnostics
        .iter()
        .filter(|d| d.code.as_ref() == Some(&code) && ranges_meet(&d.range, range))
        .cloned()
        .collect();
    if found.is_empty() {
        found = super::diagnostics::to_lsp(a, enc, &Default::default())
            .into_iter()
            .filter(|d| d.code.as_ref() == Some(&code) && ranges_meet(&d.range, range))
            .collect();
    }
    found
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostics: Vec<Diagnostic>,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// Renumbering, short forms, definition stubs, placeholders.
fn assist_actions(
    a: &Analysis,
    uri: &Url,
    range: Range,
    context: &CodeActionContext,
    enc: PositionEncoding,
) -> Vec<CodeActionOrCommand> {
    let d = &a.dossier;
    let crate::Span {
        start: from,
        end: to,
    } = convert::span(&a.text, &a.line_index, range, enc);
    let meets = |s: &crate::Span| s.start <= to && from <= s.end;
    let mut out = Vec::new();

    // Renumber every footnote.
    let renumber = assist::renumber_footnotes(d);
    if !renumber.is_empty() {
        let title = "Voetnoten doorlopend hernummeren (1, 2, 3 …)".to_owned();
        let diagnostics = diagnostics_for(a, "footnote-numbering", &range, context, enc);
        if !diagnostics.is_empty() {
            out.push(action(
                title.clone(),
                CodeActionKind::QUICKFIX,
                diagnostics,
                convert::versioned(a, uri, &renumber, enc),
                true,
            ));
        }
        out.push(action(
            title,
            CodeActionKind::SOURCE,
            Vec::new(),
            convert::versioned(a, uri, &renumber, enc),
            false,
        ));
    }

    // `Idem`/`Ibidem` written out.
    for (i, f) in d.footnotes.iter().enumerate() {
        if !meets(&f.span) {
            continue;
        }
        let Source::Resolved { citation, .. } = &f.source else {
            continue;
        };
        let Some(edit) = assist::expand_short_form(d, i) else {
            continue;
        };
        let written = citation.written(&a.text);
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(action(
            format!("`{written}` uitschrijven: {}", edit.text),
            CodeActionKind::REFACTOR_REWRITE,
            Vec::new(),
            convert::versioned(a, uri, &[edit], enc),
            false,
        ));
    }

    // A definition for a marker without one.
    for (i, m) in d.markers.iter().enumerate() {
        if !meets(&m.span) || m.footnote.is_some() || d.footnote(m.number).is_some() {
            continue;
        }
        let Some(edit) = assist::definition_stub(d, &a.text, i) else {
            continue;
        };
        let mark = convert::range(&a.text, &a.line_index, &m.span, enc);
        let diagnostics = diagnostics_for(a, "undefined-footnote", &mark, context, enc);
        out.push(action(
            format!("Voetnoot {} toevoegen onderaan de pagina", m.number),
            CodeActionKind::QUICKFIX,
            diagnostics,
            convert::versioned(a, uri, &[edit], enc),
            true,
        ));
    }

    // A placeholder replaced by a source of the document.
    let candidates = assist::source_candidates(d);
    for f in &d.footnotes {
        let Source::Placeholder(i) = &f.source else {
            continue;
        };
        let Some(placeholder) = d.citations.get(*i) else {
            continue;
        };
        if !meets(&placeholder.span) && !meets(&f.span) {
            continue;
        }
        let at = convert::range(&a.text, &a.line_index, &placeholder.span, enc);
        let diagnostics = diagnostics_for(a, "placeholder-source", &at, context, enc);
        let period = a
            .text
            .get(placeholder.span.end..)
            .is_some_and(|rest| rest.starts_with('.'));
        for candidate in &candidates {
            let edit = Edit {
                span: placeholder.span.clone(),
                text: if period {
                    candidate.clone()
                } else {
                    format!("{candidate}.")
                },
            };
            out.push(action(
                format!("Bron invullen: {candidate}"),
                CodeActionKind::QUICKFIX,
                diagnostics.clone(),
                convert::versioned(a, uri, &[edit], enc),
                false,
            ));
        }
    }
    out
}

pub fn actions(
    a: &Analysis,
    uri: &Url,
    range: Range,
    enc: PositionEncoding,
) -> Vec<CodeActionOrCommand> {
    let crate::Span {
        start: from,
        end: to,
    } = convert::span(&a.text, &a.line_index, range, enc);
    let mut out = Vec::new();
    for c in &a.dossier.citations {
        // Offer the fixes of the citations the range touches (a part of
        // it: not the footnote block between the parts of a cut one).
        if !c.spans().iter().any(|s| s.start <= to && from <= s.end) {
            continue;
        }
        for slip in &c.slips {
            // Spans are into the document and inside one part of the
            // citation; anything else would edit the wrong text (or what
            // lies between the parts), so it is not offered.
            let inside = c
                .spans()
                .iter()
                .any(|p| p.start <= slip.span.start && slip.span.end <= p.end);
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
