//! `textDocument/codeLens`: above each question where it is answered
//! (`Answered: Antwoord 3, line 222`) or `Not answered`; a committee
//! letter's paragraph not taken up in its own document is looked up in the
//! workspace (`Answered in antwoorden.txt: vraag 4, line 17`). Above each
//! answer, the question's first words. The lenses carry their title only
//! (no command to run).

use tower_lsp::lsp_types::{CodeLens, Command, Url};

use super::documents::Analysis;
use super::{convert, workspace, Shared};
use crate::dossier::QuestionKind;
use crate::ide::questions::{self, answer_numbers};
use crate::ide::render::list;
use crate::ide::{file_name, lookup};
use crate::text::PositionEncoding;
use crate::Span;

/// A lens before it is converted: its place and title, or a committee
/// letter's paragraph to look up in the workspace.
pub enum Local {
    Done(Span, String),
    /// A committee letter's question, by its words.
    Elsewhere(Span, Vec<u64>),
}

/// The lenses one document gives by itself.
pub fn local(a: &Analysis) -> Vec<Local> {
    let d = &a.dossier;
    let mut out = Vec::new();
    for q in &d.questions {
        let at = questions::question_anchor(a, q);
        if let Some(ans) = lookup::answer_of(a, q) {
            out.push(Local::Done(
                at,
                format!(
                    "Answered: Antwoord{}, line {}",
                    list(answer_numbers(a, ans, Some(q))),
                    a.line_number(ans.heading_span.start)
                ),
            ));
            continue;
        }
        let repeat = q.related.iter().filter_map(|&i| d.questions.get(i)).next();
        match (q.kind, repeat) {
            (QuestionKind::LetterParagraph, Some(r)) => out.push(Local::Done(
                at,
                format!(
                    "Not answered (taken up as question{}, line {})",
                    list(&r.numbers),
                    a.line_number(questions::question_anchor(a, r).start)
                ),
            )),
            (QuestionKind::LetterParagraph, None) => {
                out.push(Local::Elsewhere(at, d.question_words(q).to_vec()));
            }
            _ => out.push(Local::Done(at, "Not answered".to_owned())),
        }
    }
    for ans in &d.answers {
        let title = match lookup::question_of(a, ans) {
            Some(q) => format!(
                "Vraag{}: {}",
                list(answer_numbers(a, ans, Some(q))),
                questions::first_words(a, q, 10)
            ),
            None => "No question found for this answer".to_owned(),
        };
        out.push(Local::Done(ans.heading_span.clone(), title));
    }
    out
}

fn lens(a: &Analysis, span: &Span, title: String, enc: PositionEncoding) -> CodeLens {
    CodeLens {
        range: convert::range(&a.text, &a.line_index, span, enc),
        command: Some(Command {
            title,
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }
}

/// Every lens of a document, committee questions looked up in the
/// workspace (each other document read once).
pub async fn code_lenses(
    shared: &Shared,
    uri: &Url,
    a: &Analysis,
    found: Vec<Local>,
    enc: PositionEncoding,
) -> Vec<CodeLens> {
    // Where the workspace takes up each committee question not taken up here.
    let elsewhere: Vec<Option<crate::workspace::TakenUp>> = found
        .iter()
        .map(|item| match item {
            Local::Elsewhere(_, words) => {
                workspace::taken_up_in_workspace(&shared.workspace, uri, words)
            }
            Local::Done(..) => None,
        })
        .collect();
    let places: Vec<(String, Span)> = elsewhere
        .iter()
        .flatten()
        .map(|t| (t.key.clone(), t.span.clone()))
        .collect();
    let mut located = workspace::locate(shared, places, enc).await.into_iter();
    let mut out = Vec::with_capacity(found.len());
    for (item, taken) in found.into_iter().zip(elsewhere) {
        match item {
            Local::Done(span, title) => out.push(lens(a, &span, title, enc)),
            Local::Elsewhere(span, _) => {
                let title = match taken {
                    Some(t) => {
                        let line = located
                            .next()
                            .flatten()
                            .map(|l| format!(", line {}", l.range.start.line + 1))
                            .unwrap_or_default();
                        let what = if t.answered {
                            "Answered in"
                        } else {
                            "Taken up, not answered, in"
                        };
                        format!(
                            "{what} {}: vraag{}{line}",
                            file_name(&t.key),
                            list(&t.numbers)
                        )
                    }
                    None => "Not answered".to_owned(),
                };
                out.push(lens(a, &span, title, enc));
            }
        }
    }
    out
}
