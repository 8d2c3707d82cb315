//! Selection ranges: from a citation (or a marker) to its footnote, the
//! footnote block, the question or answer, the letter, the page: each
//! range holds the one before it.

use super::snapshot::Snapshot;
use crate::Span;

/// The spans that hold `offset`, innermost first, each inside the next.
pub fn selection(snap: &Snapshot, offset: usize) -> Vec<Span> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let holds = |s: &Span| s.start <= offset && offset <= s.end;
    let mut all: Vec<Span> = Vec::new();
    if let Some(m) = d.marker_at(offset) {
        all.push(m.span.clone());
    }
    if let Some(c) = d.citation_at(offset) {
        // Only the part: the whole of a citation a page break cut takes in
        // a footnote block and is inside no footnote, question or page.
        all.push(c.part_at(offset).clone());
    }
    if let Some(f) = d.footnote_at(offset) {
        all.push(f.span.clone());
    }
    all.extend(
        d.layout
            .footnote_blocks
            .iter()
            .map(|b| b.span.clone())
            .filter(holds),
    );
    all.extend(d.questions.iter().map(|q| q.span.clone()).filter(holds));
    all.extend(d.answers.iter().map(|x| x.span.clone()).filter(holds));
    all.extend(d.letters.iter().map(|l| l.span.clone()).filter(holds));
    all.extend(d.layout.pages.iter().map(|p| p.span.clone()).filter(holds));
    let len = a.text.len();
    all.retain(|s| s.start < s.end && s.end <= len);
    all.sort_by_key(|s| (s.len(), std::cmp::Reverse(s.start)));
    // Keep a chain: each span holds the one kept before it.
    let mut out: Vec<Span> = Vec::new();
    for s in all {
        match out.last() {
            Some(last) if *last == s => {}
            Some(last) if !(s.start <= last.start && last.end <= s.end) => {}
            _ => out.push(s),
        }
    }
    out
}
