//! Questions and their answers, for hover, definition, references and code
//! lens: which question a place in the text belongs to (any part of it),
//! every place that concerns one question, and an answer's first lines as
//! Markdown with its footnote markers resolved.

use super::lookup;
use super::render::{escape, footnote_body, list};
use super::snapshot::Analysis;
use crate::dossier::{Answer, Footnote, Question, QuestionKind, Source};
use crate::i18n::Lang;
use crate::layout::LineKind;
use crate::{msg, Span};

/// The question (a `Vraag N` heading or its text, a numbered repeat, a
/// committee letter's paragraph) whose running text holds `offset`; not
/// inside a footnote block or on a footer that interrupts it.
pub fn question_at(a: &Analysis, offset: usize) -> Option<(usize, &Question)> {
    if !in_running_text(a, offset) {
        return None;
    }
    a.dossier
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span.start <= offset && offset < q.span.end)
        .min_by_key(|(_, q)| q.span.len())
}

/// Whether `offset` is in a body line (or a question or answer heading).
fn in_running_text(a: &Analysis, offset: usize) -> bool {
    let lines = &a.dossier.layout.lines;
    let i = lines.partition_point(|l| l.span.end < offset);
    match lines.get(i) {
        Some(l) if l.span.start <= offset => !matches!(
            l.kind,
            LineKind::FootnoteStart
                | LineKind::FootnoteContinuation
                | LineKind::Footer
                | LineKind::Colophon
        ),
        _ => true,
    }
}

/// The numbers to name an answer by: its own, else its question's.
pub fn answer_numbers<'a>(a: &'a Analysis, ans: &'a Answer, q: Option<&'a Question>) -> &'a [u32] {
    if !ans.numbers.is_empty() {
        return &ans.numbers;
    }
    q.or_else(|| lookup::question_of(a, ans))
        .map_or(&[][..], |q| q.numbers.as_slice())
}

/// The range to put a question's lens or reference on: its heading, else
/// its first line.
pub fn question_anchor(a: &Analysis, q: &Question) -> Span {
    if let Some(h) = &q.heading_span {
        return h.clone();
    }
    first_line(&a.text, &q.span)
}

fn first_line(text: &str, span: &Span) -> Span {
    let body = text.get(span.clone()).unwrap_or("");
    let lead = body.len() - body.trim_start().len();
    let rest = &body[lead..];
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = rest[..end].trim_end();
    span.start + lead..span.start + lead + line.len()
}

/// Hover on a question: where its answer stands and its first lines, with
/// footnote markers resolved.
pub fn answer_hover(a: &Analysis, q: &Question, lang: Lang) -> String {
    let line = |offset: usize| msg!("hover-line", line = a.line_number(offset)).render(lang);
    match lookup::answer_of(a, q) {
        Some(ans) => {
            let shown = list(answer_numbers(a, ans, Some(q)));
            format!(
                "**{}** ({})\n\n{}",
                msg!("hover-answer", numbers = shown).render(lang),
                line(ans.heading_span.start),
                answer_preview(a, ans, 700, lang)
            )
        }
        None => match q
            .related
            .iter()
            .filter_map(|&i| a.dossier.questions.get(i))
            .next()
        {
            Some(repeat) if q.kind == QuestionKind::LetterParagraph => format!(
                "**{}** ({})\n\n⚠ {}",
                msg!("hover-question", numbers = list(&repeat.numbers)).render(lang),
                line(question_anchor(a, repeat).start),
                msg!("hover-taken-up-unanswered").render(lang)
            ),
            _ => format!(
                "**{}**\n\n⚠ {}",
                msg!("hover-question", numbers = list(&q.numbers)).render(lang),
                msg!("hover-unanswered").render(lang)
            ),
        },
    }
}

/// An answer's first lines (about `max_chars` characters) as Markdown,
/// each footnote marker followed by what its footnote cites.
pub fn answer_preview(a: &Analysis, ans: &Answer, max_chars: usize, lang: Lang) -> String {
    let from = ans.heading_span.end.min(ans.span.end);
    let preview = running_markdown(a, from, ans.span.end, max_chars, lang);
    if preview.trim().is_empty() {
        return escape(&lookup::answer_text(a, ans));
    }
    preview
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The running text from `from` to `to` (footnote blocks and footers left
/// out, hyphenation undone) as Markdown paragraphs, markers resolved.
fn running_markdown(a: &Analysis, from: usize, to: usize, max_chars: usize, lang: Lang) -> String {
    let d = &a.dossier;
    let body = &d.layout.body;
    let (b0, b1) = (body.from_source(from), body.from_source(to));
    let use_body = body
        .text
        .get(b0.min(b1)..b1.max(b0))
        .is_some_and(|t| !t.trim().is_empty());
    let (text, base): (&str, usize) = if use_body {
        (&body.text[b0.min(b1)..b1.max(b0)], b0.min(b1))
    } else {
        (a.text.get(from.min(to)..to.max(from)).unwrap_or(""), from)
    };
    let local = |source: usize| -> usize {
        let at = if use_body {
            body.from_source(source)
        } else {
            source
        };
        at.saturating_sub(base).min(text.len())
    };
    // The text with each marker's digits replaced by a sentinel.
    let mut marked = String::with_capacity(text.len());
    let mut at = 0;
    let mut notes: Vec<String> = Vec::new();
    for m in d
        .markers
        .iter()
        .filter(|m| from <= m.span.start && m.span.end <= to)
    {
        let (s, e) = (local(m.span.start), local(m.span.end));
        if s < at || e <= s || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if a.text.get(m.span.clone()) != Some(&text[s..e]) {
            continue; // the body stream moved it; leave the digits
        }
        marked.push_str(&text[at..s]);
        let footnote = d.note_of(m);
        let note = match footnote {
            Some(f) => msg!(
                "hover-note-inline",
                note = m.number,
                summary = note_summary(a, f, lang)
            ),
            None => msg!("hover-note-inline-missing", note = m.number),
        };
        notes.push(format!("_({})_", escape(&note.render(lang))));
        marked.push(OPEN);
        marked.push_str(&(notes.len() - 1).to_string());
        marked.push(CLOSE);
        at = e;
    }
    marked.push_str(&text[at..]);
    let plain = paragraphs(&marked, max_chars);
    // Escape, then put the notes in.
    let escaped = escape(&plain);
    let mut out = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        match after.find(CLOSE) {
            Some(j) => {
                if let Some(note) = after[..j].parse::<usize>().ok().and_then(|n| notes.get(n)) {
                    out.push(' ');
                    out.push_str(note);
                }
                rest = &after[j + CLOSE.len_utf8()..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lines joined into paragraphs (separated by blank lines), at most about
/// `max_chars` characters, cut at a word with ` …`.
fn paragraphs(raw: &str, max_chars: usize) -> String {
    let paragraphs = lookup::paragraphs_of(raw);
    let mut out = String::new();
    let mut used = 0;
    for p in paragraphs {
        let n = p.chars().filter(|&c| c != OPEN && c != CLOSE).count();
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if used + n <= max_chars {
            out.push_str(&p);
            used += n;
            continue;
        }
        let room = max_chars.saturating_sub(used);
        let mut cut: String = p.chars().take(room).collect();
        // Not inside a word or a sentinel.
        if let Some(i) = cut.rfind(' ') {
            cut.truncate(i);
        }
        if let (Some(o), c) = (cut.rfind(OPEN), cut.rfind(CLOSE)) {
            if c.is_none_or(|c| c < o) {
                cut.truncate(o);
            }
        }
        out.push_str(cut.trim_end());
        out.push_str(" …");
        break;
    }
    out.trim_end().to_owned()
}

/// What a footnote comes to, in one line: its (resolved) citation, that its
/// source is missing, or its text.
pub fn note_summary(a: &Analysis, f: &Footnote, lang: Lang) -> String {
    let d = &a.dossier;
    match &f.source {
        Source::Resolved { citation, .. } => citation.canonical(),
        Source::Cited(i) => match d.citations.get(*i) {
            Some(c) => c.canonical(),
            None => shorten(&footnote_body(a, f), 100),
        },
        Source::Placeholder(_) => format!("⚠ {}", msg!("source-missing-short").render(lang)),
        Source::Unresolved { .. } | Source::None => shorten(&footnote_body(a, f), 100),
    }
}

/// The first `words` words of a question's text.
pub fn first_words(a: &Analysis, q: &Question, words: usize) -> String {
    let text = lookup::question_text(a, q);
    let all: Vec<&str> = text.split_whitespace().collect();
    let mut out = all[..all.len().min(words)].join(" ");
    if all.len() > words {
        out.push_str(" …");
    }
    out
}

fn shorten(s: &str, max_chars: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max_chars {
        return s;
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{} …", cut.trim_end())
}

/// The questions that are one question: a numbered repeat (or `Vraag`)
/// and the letter paragraphs it takes up. Indices into `questions`.
pub fn group(a: &Analysis, start: usize) -> Vec<usize> {
    let qs = &a.dossier.questions;
    let mut out = vec![start];
    let mut i = 0;
    while i < out.len() {
        if let Some(q) = qs.get(out[i]) {
            for &r in &q.related {
                if r < qs.len() && !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        i += 1;
    }
    out.sort_unstable();
    out
}

/// Every place that concerns the question group `questions`: the letter
/// paragraphs, the repeat or `Vraag` heading, the answers' headings, and
/// the references (`zie vraag 5`) to it. In document order.
pub fn places(a: &Analysis, questions: &[usize]) -> Vec<Span> {
    let d = &a.dossier;
    let mut spans: Vec<Span> = Vec::new();
    let mut answers: Vec<usize> = Vec::new();
    for &i in questions {
        let Some(q) = d.questions.get(i) else {
            continue;
        };
        spans.push(question_anchor(a, q));
        answers.extend(q.answer);
    }
    for (i, ans) in d.answers.iter().enumerate() {
        if ans.questions.iter().any(|q| questions.contains(q))
            || ans.question.is_some_and(|q| questions.contains(&q))
        {
            answers.push(i);
        }
    }
    if answers.is_empty() {
        // No model link: by number.
        for &i in questions {
            if let Some(ans) = d.questions.get(i).and_then(|q| lookup::answer_of(a, q)) {
                if let Some(j) = d.answers.iter().position(|x| std::ptr::eq(x, ans)) {
                    answers.push(j);
                }
            }
        }
    }
    answers.sort_unstable();
    answers.dedup();
    spans.extend(
        answers
            .iter()
            .filter_map(|&i| d.answers.get(i))
            .map(|ans| ans.heading_span.clone()),
    );
    for r in &d.question_refs {
        let Some(q) = lookup::referred_question(a, r) else {
            continue;
        };
        if questions
            .iter()
            .any(|&i| d.questions.get(i).is_some_and(|x| std::ptr::eq(x, q)))
        {
            spans.push(r.span.clone());
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    spans.dedup();
    spans
}

/// The question group that `offset` concerns: on a question (any part),
/// an answer's heading, or a reference to a question.
pub fn group_at(a: &Analysis, offset: usize) -> Option<Vec<usize>> {
    let d = &a.dossier;
    let index_of = |q: &Question| d.questions.iter().position(|x| std::ptr::eq(x, q));
    if let Some(q) = lookup::question_at_heading(a, offset) {
        return Some(group(a, index_of(q)?));
    }
    if let Some(ans) = lookup::answer_at_heading(a, offset) {
        let q = lookup::question_of(a, ans)?;
        let mut all = group(a, index_of(q)?);
        for &i in &ans.questions {
            for j in group(a, i) {
                if !all.contains(&j) {
                    all.push(j);
                }
            }
        }
        all.sort_unstable();
        return Some(all);
    }
    if let Some(r) = lookup::question_ref_at(a, offset) {
        let q = lookup::referred_question(a, r)?;
        return Some(group(a, index_of(q)?));
    }
    if d.marker_at(offset).is_some() || d.citation_at(offset).is_some() {
        return None;
    }
    let (i, _) = question_at(a, offset)?;
    Some(group(a, i))
}
