//! Code lenses: above each question where it is answered (`Answered:
//! Antwoord 3, line 222`) or `Not answered`; a committee letter's paragraph
//! not taken up in its own document is looked up in the workspace
//! (`Answered in antwoorden.txt: vraag 4, line 17`). Above each answer,
//! the question's first words. A lens is a title only (no command).

use super::lookup;
use super::questions::{self, answer_numbers};
use super::render::list;
use super::snapshot::{file_name, Snapshot};
use crate::dossier::QuestionKind;
use crate::{msg, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    pub span: Span,
    pub title: String,
}

/// Questions first, then answers, each in document order.
pub fn code_lenses(snap: &Snapshot) -> Vec<Lens> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let lang = snap.lang;
    // Each other document is read once, for its line numbers.
    let mut lines = snap.lines();
    let mut out = Vec::new();
    let mut push = |span: Span, title: String| out.push(Lens { span, title });
    for q in &d.questions {
        let at = questions::question_anchor(a, q);
        if let Some(ans) = lookup::answer_of(a, q) {
            let title = msg!(
                "lens-answered",
                numbers = list(answer_numbers(a, ans, Some(q))),
                line = a.line_number(ans.heading_span.start)
            );
            push(at, title.render(lang));
            continue;
        }
        let repeat = q.related.iter().filter_map(|&i| d.questions.get(i)).next();
        let title = match (q.kind, repeat) {
            (QuestionKind::LetterParagraph, Some(r)) => msg!(
                "lens-taken-up-unanswered",
                numbers = list(&r.numbers),
                line = a.line_number(questions::question_anchor(a, r).start)
            )
            .render(lang),
            (QuestionKind::LetterParagraph, None) => {
                let words = d.question_words(q);
                match snap
                    .workspace
                    .taken_up_elsewhere_by_words(&snap.file, words)
                {
                    Some(t) => {
                        let line = lines
                            .line(&t.key, t.span.start)
                            .map(|n| format!(", {}", msg!("hover-line", line = n).render(lang)))
                            .unwrap_or_default();
                        let what = if t.answered {
                            msg!("answered-in")
                        } else {
                            msg!("taken-up-in")
                        };
                        format!(
                            "{} {}: {}{line}",
                            what.render(lang),
                            file_name(&t.key),
                            msg!("lens-question", numbers = list(&t.numbers)).render(lang)
                        )
                    }
                    None => msg!("lens-unanswered").render(lang),
                }
            }
            _ => msg!("lens-unanswered").render(lang),
        };
        push(at, title);
    }
    for ans in &d.answers {
        let title = match lookup::question_of(a, ans) {
            Some(q) => format!(
                "{}: {}",
                msg!(
                    "hover-question",
                    numbers = list(answer_numbers(a, ans, Some(q)))
                )
                .render(lang),
                questions::first_words(a, q, 10)
            ),
            None => msg!("hover-answer-without-question").render(lang),
        };
        push(ans.heading_span.clone(), title);
    }
    out
}
