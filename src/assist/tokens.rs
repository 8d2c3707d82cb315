//! Semantic classification of a dossier's text, for highlighting.

use crate::citation::CitationKind;
use crate::dossier::{Dossier, QuestionKind};
use crate::layout::LineKind;
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    FootnoteMarker,
    FootnoteNumber,
    Placeholder,
    ShortForm,
    Citation,
    QuestionHeading,
    AnswerHeading,
    LetterHeading,
    Footer,
    Colophon,
}

/// Tokens in text order, never overlapping (where two would overlap, the
/// one earlier in [`TokenKind`] wins). A token may cross a line break (a
/// citation over two lines); the protocol layer splits it.
pub fn semantic_tokens(d: &Dossier, text: &str) -> Vec<(Span, TokenKind)> {
    let mut all: Vec<(Span, TokenKind)> = Vec::new();
    all.extend(
        d.markers
            .iter()
            .map(|m| (m.span.clone(), TokenKind::FootnoteMarker)),
    );
    all.extend(
        d.footnotes
            .iter()
            .map(|f| (f.number_span.clone(), TokenKind::FootnoteNumber)),
    );
    for c in &d.citations {
        let kind = match c.kind {
            CitationKind::Placeholder => TokenKind::Placeholder,
            CitationKind::ShortForm => TokenKind::ShortForm,
            _ => TokenKind::Citation,
        };
        all.extend(c.spans().iter().map(|s| (s.clone(), kind)));
    }
    for q in d
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::LetterParagraph)
    {
        if let Some(h) = &q.heading_span {
            all.push((h.clone(), TokenKind::QuestionHeading));
        }
    }
    all.extend(
        d.answers
            .iter()
            .map(|a| (a.heading_span.clone(), TokenKind::AnswerHeading)),
    );
    all.extend(
        d.letters
            .iter()
            .map(|l| (l.heading_span.clone(), TokenKind::LetterHeading)),
    );
    for l in &d.layout.lines {
        let kind = match l.kind {
            LineKind::Footer => TokenKind::Footer,
            LineKind::Colophon => TokenKind::Colophon,
            _ => continue,
        };
        let Some(s) = text.get(l.span.clone()) else {
            continue;
        };
        let start = l.span.start + (s.len() - s.trim_start().len());
        all.push((start..l.span.start + s.trim_end().len(), kind));
    }
    all.retain(|(s, _)| s.start < s.end);
    // Higher priority first, then keep what does not overlap a kept token.
    all.sort_by_key(|(s, k)| (*k, s.start));
    let mut kept: Vec<(Span, TokenKind)> = Vec::with_capacity(all.len());
    let mut taken: Vec<Span> = Vec::new();
    for (span, kind) in all {
        let i = taken.partition_point(|t| t.end <= span.start);
        let overlaps = taken.get(i).is_some_and(|t| t.start < span.end);
        if !overlaps {
            taken.insert(i, span.clone());
            kept.push((span, kind));
        }
    }
    kept.sort_by_key(|(s, _)| s.start);
    kept
}
