//! Letters by their headings, numbered questions and their answers.
//!
//! A letter starts at a heading in capitals (`BRIEF VAN DE STAATSSECRETARIS
//! VAN JUSTITIE EN` + `VEILIGHEID`). A question starts at `Vraag N` (also
//! `Vraag 3, 4 en 5`) or at a number alone on its line (`1.`, the
//! numbered repeats of an answering letter); an answer at `Antwoord`,
//! `Antwoord N` or `Antwoord op vraag N`.

use std::sync::LazyLock;

use regex::Regex;

use crate::layout::{Layout, LineKind};
use crate::Span;

use super::{Answer, Letter, Question};

static LETTER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?:BRIEF|VERSLAG|NOTA|MEMORIE|MOTIE|AMENDEMENT|VOORLOPIG VERSLAG)\b[\p{Lu}\d ,.’'/()–-]*$").unwrap()
});
static CAPITALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s?[\p{Lu}][\p{Lu}\d ,.’'/()–-]{2,}$").unwrap());
static QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?(?:Vra(?:ag|gen)\s+(\d+(?:\s*(?:,|en|t/m|&)?\s*\d+)*)|(\d{1,3})\.)\s*$")
        .unwrap()
});
static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s?Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+(\d+(?:\s*(?:,|en|t/m|&)?\s*\d+)*))?\s*[:.]?\s*$")
        .unwrap()
});

fn numbers(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

enum Heading {
    Letter(Span, String),
    Question(Span, Vec<u32>),
    Answer(Span, Vec<u32>),
}

pub(super) fn find(text: &str, layout: &Layout) -> (Vec<Letter>, Vec<Question>, Vec<Answer>) {
    let mut headings = Vec::new();
    let body: Vec<usize> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].kind == LineKind::Body)
        .collect();
    let mut k = 0;
    while k < body.len() {
        let line = &layout.lines[body[k]];
        let s = text[line.span.clone()].trim_end();
        let first = s.trim_start().chars().next().unwrap_or(' ');
        if !(first.is_ascii_digit() || first.is_uppercase()) {
            k += 1;
            continue;
        }
        if LETTER_HEADING.is_match(s) && s.trim().len() > 8 {
            let mut span = line.span.clone();
            let mut heading = s.trim().to_string();
            // A heading runs on over the capitals lines right after it.
            while let Some(&next) = body.get(k + 1) {
                let n = &layout.lines[next];
                let ns = text[n.span.clone()].trim_end();
                if next != body[k] + 1 || !CAPITALS.is_match(ns) || ns.trim().len() < 3 {
                    break;
                }
                heading.push(' ');
                heading.push_str(ns.trim());
                span.end = n.span.start + ns.len();
                k += 1;
            }
            headings.push(Heading::Letter(
                span.start..text[..span.end].trim_end().len(),
                heading,
            ));
        } else if let Some(c) = QUESTION.captures(s) {
            let n = c
                .get(1)
                .or(c.get(2))
                .map(|m| numbers(m.as_str()))
                .unwrap_or_default();
            headings.push(Heading::Question(trimmed(text, &line.span), n));
        } else if let Some(c) = ANSWER.captures(s) {
            let n = c.get(1).map(|m| numbers(m.as_str())).unwrap_or_default();
            headings.push(Heading::Answer(trimmed(text, &line.span), n));
        }
        k += 1;
    }

    let starts: Vec<usize> = headings
        .iter()
        .map(|h| match h {
            Heading::Letter(s, _) | Heading::Question(s, _) | Heading::Answer(s, _) => s.start,
        })
        .collect();
    let end_of = |i: usize| {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        text[..end].trim_end().len()
    };
    let mut letters: Vec<Letter> = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut answers: Vec<Answer> = Vec::new();
    for (i, h) in headings.into_iter().enumerate() {
        match h {
            Heading::Letter(span, heading) => {
                if let Some(prev) = letters.last_mut() {
                    prev.span.end = text[..span.start].trim_end().len();
                }
                letters.push(Letter {
                    heading,
                    span: span.start..text.trim_end().len(),
                    heading_span: span,
                });
            }
            Heading::Question(span, numbers) => questions.push(Question {
                numbers,
                span: span.start..end_of(i),
                heading_span: Some(span),
                answer: None,
            }),
            Heading::Answer(span, numbers) => {
                // Numbered: the latest question with that number; plain: the
                // question right before it, if still unanswered.
                let question = if numbers.is_empty() {
                    questions.iter().rposition(|_| true).filter(|&q| {
                        questions[q].answer.is_none() && questions[q].span.end <= span.start
                    })
                } else {
                    questions.iter().rposition(|q| {
                        q.answer.is_none() && q.numbers.iter().any(|n| numbers.contains(n))
                    })
                };
                if let Some(q) = question {
                    questions[q].answer = Some(answers.len());
                }
                answers.push(Answer {
                    numbers,
                    span: span.start..end_of(i),
                    heading_span: span,
                    question,
                });
            }
        }
    }
    (letters, questions, answers)
}

fn trimmed(text: &str, span: &Span) -> Span {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    start..span.start + s.trim_end().len()
}
