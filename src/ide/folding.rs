//! Folding ranges: letters, questions, answers and each
//! question with its answer fold as regions; footnote blocks and the page
//! footer with its colophon fold as comments, so that an editor's "fold all
//! comments" hides them and leaves the running text.

use super::snapshot::Snapshot;
use crate::dossier::QuestionKind;
use crate::layout::{Line, LineKind};
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Region,
    /// Footnote blocks, footers, colophons: what "fold all comments" hides.
    Comment,
}

/// A range of whole lines (0-based, as editors count them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    pub start_line: u32,
    pub end_line: u32,
    pub kind: FoldKind,
}

/// By first line, the outer of two folds first; one fold per pair of lines.
pub fn folding(snap: &Snapshot) -> Vec<Fold> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let mut out = Vec::new();
    let mut push = |span: &Span, kind: FoldKind| {
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
            out.push(Fold {
                start_line: first,
                end_line: last,
                kind,
            });
        }
    };
    for l in &d.letters {
        push(&l.span, FoldKind::Region);
    }
    for q in &d.questions {
        push(&q.span, FoldKind::Region);
    }
    for ans in &d.answers {
        push(&ans.span, FoldKind::Region);
    }
    // A numbered question or `Vraag` together with its answer.
    for q in d
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::LetterParagraph)
    {
        if let Some(ans) = q.answer.and_then(|i| d.answers.get(i)) {
            if ans.span.start > q.span.start {
                push(&(q.span.start..ans.span.end), FoldKind::Region);
            }
        }
    }
    // The end of a page: colophon and footer lines (with blanks between).
    for page in &d.layout.pages {
        let lines = d.layout.lines.get(page.lines.clone()).unwrap_or(&[]);
        let tail: Vec<&Line> = lines
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
            push(&(first.span.start..last.span.end), FoldKind::Comment);
        }
    }
    for block in &d.layout.footnote_blocks {
        push(&block.span, FoldKind::Comment);
    }
    out.sort_by_key(|r| (r.start_line, std::cmp::Reverse(r.end_line)));
    out.dedup_by_key(|r| (r.start_line, r.end_line));
    out
}
