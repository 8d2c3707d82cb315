//! `textDocument/foldingRange`: letters, questions, answers and each
//! question with its answer fold as regions; footnote blocks and the page
//! footer with its colophon fold as comments, so that an editor's "fold all
//! comments" hides them and leaves the running text.

use tower_lsp::lsp_types::{FoldingRange, FoldingRangeKind};

use super::documents::Analysis;
use crate::layout::LineKind;
use crate::Span;

pub fn folding_ranges(a: &Analysis) -> Vec<FoldingRange> {
    let d = &a.dossier;
    let mut out = Vec::new();
    let mut push = |span: &Span, kind: FoldingRangeKind| {
        if span.start >= span.end || span.end > a.text.len() {
            return;
        }
        let first = a.line_index.line_of(span.start) as u32;
        // A span that ends with its line break ends on the line before.
        let mut end = span.end;
        while end > span.start && matches!(a.text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        let last = a.line_index.line_of(end) as u32;
        if last > first {
            out.push(FoldingRange {
                start_line: first,
                start_character: None,
                end_line: last,
                end_character: None,
                kind: Some(kind),
                collapsed_text: None,
            });
        }
    };
    for l in &d.letters {
        push(&l.span, FoldingRangeKind::Region);
    }
    for q in &d.questions {
        push(&q.span, FoldingRangeKind::Region);
    }
    for ans in &d.answers {
        push(&ans.span, FoldingRangeKind::Region);
    }
    // A numbered question or `Vraag` together with its answer.
    for q in d
        .questions
        .iter()
        .filter(|q| q.kind != crate::dossier::QuestionKind::LetterParagraph)
    {
        if let Some(ans) = q.answer.and_then(|i| d.answers.get(i)) {
            if ans.span.start > q.span.start {
                push(&(q.span.start..ans.span.end), FoldingRangeKind::Region);
            }
        }
    }
    // The end of a page: colophon and footer lines (with blanks between).
    for page in &d.layout.pages {
        let lines = d.layout.lines.get(page.lines.clone()).unwrap_or(&[]);
        let tail: Vec<&crate::layout::Line> = lines
            .iter()
            .rev()
            .take_while(|l| {
                matches!(
                    l.kind,
                    LineKind::Footer | LineKind::Colophon | LineKind::Blank
                )
            })
            .collect();
        let first = tail.iter().rev().find(|l| l.kind != LineKind::Blank);
        let last = tail.iter().find(|l| l.kind != LineKind::Blank);
        if let (Some(first), Some(last)) = (first, last) {
            push(
                &(first.span.start..last.span.end),
                FoldingRangeKind::Comment,
            );
        }
    }
    for block in &d.layout.footnote_blocks {
        push(&block.span, FoldingRangeKind::Comment);
    }
    out.sort_by_key(|r| (r.start_line, std::cmp::Reverse(r.end_line)));
    out.dedup_by_key(|r| (r.start_line, r.end_line));
    out
}
