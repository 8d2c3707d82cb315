//! Editing assistance, pure: the edits and labels that code actions,
//! renames, inlay hints, semantic tokens and completion are made of. Spans
//! are byte ranges; the server turns them into LSP types.

mod complete;
mod fix;
mod tokens;

pub use complete::{completions, Completion, CompletionKind};
pub use fix::{
    non_overlapping, quote_pin_fix, quote_pin_fixes, safe_fixes, slip_fixes, Fix, SlipFix,
    QUOTE_PIN_CODE, RENUMBER_CODE, SLIP_CODE,
};
pub use tokens::{semantic_tokens, TokenKind};

use std::collections::HashMap;

use crate::citation::CitationKind;
use crate::dossier::{Dossier, Footnote, NoteConvention, Source};
use crate::layout::LineKind;
use crate::Span;

/// One replacement in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// Applies edits (non-overlapping, any order) to `text`.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.text);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether the definitions of each note convention are numbered 1, 2, 3 …
/// in document order (Markdown labels such as `[^bron]` are not numbers).
pub fn numbering_is_sequential(d: &Dossier) -> bool {
    conventions(d).into_iter().all(|c| {
        numbered(d, c)
            .enumerate()
            .all(|(i, (_, f))| f.number as usize == i + 1)
    })
}

/// The conventions the document's notes are written in.
fn conventions(d: &Dossier) -> Vec<NoteConvention> {
    let mut all: Vec<NoteConvention> = d.footnotes.iter().map(|f| f.convention).collect();
    all.sort_by_key(|c| c.as_str());
    all.dedup();
    all
}

/// The numbered notes of one convention (labels left out), with their
/// indices into `Dossier::footnotes`.
fn numbered(d: &Dossier, c: NoteConvention) -> impl Iterator<Item = (usize, &Footnote)> {
    d.footnotes
        .iter()
        .enumerate()
        .filter(move |(_, f)| f.convention == c && f.label.is_none())
}

/// A note number as its convention writes it: `²` for a superscript note,
/// `2` for the others (the brackets of `[2]`, `2)`, `[^2]` stay as they are).
pub fn note_number(convention: NoteConvention, n: u32) -> String {
    let digits = n.to_string();
    match convention {
        NoteConvention::Superscript => digits
            .chars()
            .map(|d| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize - '0' as usize])
            .collect(),
        _ => digits,
    }
}

/// Renumbers every note: the definitions of each convention 1, 2, 3 … in
/// document order, and each marker to the new number of its definition. Of
/// several markers or definitions with one number, the k-th marker goes
/// with the k-th definition. Markers without a definition and Markdown
/// labels are left alone. Empty when the numbering is already sequential.
pub fn renumber_footnotes(d: &Dossier) -> Vec<Edit> {
    let mut edits = Vec::new();
    for convention in conventions(d) {
        renumber_convention(d, convention, &mut edits);
    }
    edits.sort_by_key(|e| e.span.start);
    edits
}

fn renumber_convention(d: &Dossier, convention: NoteConvention, edits: &mut Vec<Edit>) {
    let mut new_number: HashMap<usize, u32> = HashMap::new();
    // Definitions by old number, in order; markers take them in turn.
    let mut defs: HashMap<u32, Vec<usize>> = HashMap::new();
    for (k, (i, f)) in numbered(d, convention).enumerate() {
        let n = k as u32 + 1;
        new_number.insert(i, n);
        defs.entry(f.number).or_default().push(i);
        if f.number != n {
            edits.push(Edit {
                span: f.number_span.clone(),
                text: note_number(convention, n),
            });
        }
    }
    let markers = d
        .markers
        .iter()
        .filter(|m| m.convention == convention && m.label.is_none());
    let mut taken: HashMap<u32, usize> = HashMap::new();
    let count: HashMap<u32, usize> = markers.clone().fold(HashMap::new(), |mut m, x| {
        *m.entry(x.number).or_default() += 1;
        m
    });
    for m in markers {
        let Some(list) = defs.get(&m.number) else {
            continue;
        };
        let def = if list.len() > 1 && count[&m.number] > 1 {
            let k = taken.entry(m.number).or_default();
            let i = list[(*k).min(list.len() - 1)];
            *k += 1;
            i
        } else {
            m.footnote.unwrap_or(list[0])
        };
        let Some(&n) = new_number.get(&def) else {
            continue;
        };
        if m.number != n {
            edits.push(Edit {
                span: m.span.clone(),
                text: note_number(convention, n),
            });
        }
    }
}

/// Renames note `from` of `convention` to `to` everywhere (its definitions
/// and its markers). `None` when `to` is already in use in that convention
/// or `from` does not exist.
pub fn rename_footnote(
    d: &Dossier,
    convention: NoteConvention,
    from: u32,
    to: u32,
) -> Option<Vec<Edit>> {
    let notes = || numbered(d, convention).map(|(_, f)| f);
    let markers = || {
        d.markers
            .iter()
            .filter(move |m| m.convention == convention && m.label.is_none())
    };
    if to == 0 || notes().any(|f| f.number == to) || markers().any(|m| m.number == to) {
        return None;
    }
    notes().find(|f| f.number == from)?;
    let text = note_number(convention, to);
    let mut edits: Vec<Edit> = notes()
        .filter(|f| f.number == from)
        .map(|f| f.number_span.clone())
        .chain(
            markers()
                .filter(|m| m.number == from)
                .map(|m| m.span.clone()),
        )
        .map(|span| Edit {
            span,
            text: text.clone(),
        })
        .collect();
    edits.sort_by_key(|e| e.span.start);
    Some(edits)
}

/// Replaces a footnote's short form (`Idem, blz. 12.`) by the citation it
/// resolves to, written out in full.
pub fn expand_short_form(d: &Dossier, footnote: usize) -> Option<Edit> {
    let f = d.footnotes.get(footnote)?;
    let Source::Resolved { citation, .. } = &f.source else {
        return None;
    };
    Some(Edit {
        span: citation.span.clone(),
        text: citation.canonical(),
    })
}

/// Where to put a definition for a marker that has none: at the end of the
/// footnote block of the marker's page, or, when the page has none, before
/// its footer (else at its end). Returns the insertion as an empty-span edit.
pub fn definition_stub(d: &Dossier, text: &str, marker: usize) -> Option<Edit> {
    let m = d.markers.get(marker)?;
    let page = d.layout.pages.get(m.page)?;
    let lines = &d.layout.lines[page.lines.clone()];
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let block_end = lines
        .iter()
        .rev()
        .find(|l| {
            matches!(
                l.kind,
                LineKind::FootnoteStart | LineKind::FootnoteContinuation
            )
        })
        .map(|l| l.span.end);
    let opening = definition_opening(text, m);
    let (at, insert) = match block_end {
        Some(end) => (end, format!("{newline}{opening} ")),
        None => match lines
            .iter()
            .find(|l| matches!(l.kind, LineKind::Footer | LineKind::Colophon))
        {
            Some(footer) => (footer.span.start, format!("{opening} {newline}")),
            None => {
                let end = lines
                    .iter()
                    .rev()
                    .find(|l| l.kind != LineKind::Blank)
                    .map_or(page.span.end, |l| l.span.end);
                (end, format!("{newline}{opening} "))
            }
        },
    };
    Some(Edit {
        span: at..at,
        text: insert,
    })
}

/// How a definition of the marker's note opens, in the marker's own form:
/// `3`, `[^3]:`, `[3]`, `(3)`, `3)`, `³`.
fn definition_opening(text: &str, m: &crate::dossier::FootnoteMarker) -> String {
    let digits = &text[m.span.clone()];
    let before = text[..m.span.start].chars().next_back();
    let after = text[m.span.end..].chars().next();
    match m.convention {
        NoteConvention::Plain | NoteConvention::Superscript => digits.to_string(),
        NoteConvention::Markdown => format!("[^{digits}]:"),
        NoteConvention::Typed => match (before, after) {
            (Some('['), _) => format!("[{digits}]"),
            (Some('('), _) => format!("({digits})"),
            _ => format!("{digits})"),
        },
    }
}

/// The full citations of the dossier, each once (by identifier), in the
/// order they first appear: what a placeholder might be replaced by.
pub fn source_candidates(d: &Dossier) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    d.citations
        .iter()
        .filter(|c| {
            c.is_full()
                && c.id.is_some()
                && !matches!(c.kind, CitationKind::Url | CitationKind::Europapoort)
        })
        .filter(|c| seen.insert(c.id.clone()))
        .map(|c| c.canonical_document())
        .collect()
}

/// After each `Idem`/`Ibidem`/`zie noot N`: the citation it resolves to.
pub fn short_form_hints(d: &Dossier) -> Vec<(usize, String)> {
    d.footnotes
        .iter()
        .filter_map(|f| match &f.source {
            Source::Resolved { citation, .. } => {
                Some((citation.span.end, format!("→ {}", citation.canonical())))
            }
            _ => None,
        })
        .collect()
}

/// After each marker, the first words of its footnote.
pub fn marker_hints(d: &Dossier, words: usize) -> Vec<(usize, String)> {
    d.markers
        .iter()
        .filter_map(|m| {
            let f = d.footnotes.get(m.footnote?)?;
            let mut label: String = f
                .text
                .split_whitespace()
                .take(words)
                .collect::<Vec<_>>()
                .join(" ");
            if f.text.split_whitespace().count() > words {
                label.push_str(" …");
            }
            Some((m.span.end, label))
        })
        .collect()
}

#[cfg(test)]
mod tests;
