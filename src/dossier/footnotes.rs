//! Footnote definitions from the layout's footnote blocks, their citations,
//! and the resolution of short forms along the chain of previous footnotes.

use crate::citation::{find_citations, Citation, CitationKind, ShortFormKind};
use crate::layout::{Layout, LineKind};

use super::{Footnote, Source};

/// Footnote definitions in document order; citations found in them are
/// appended to `citations` (spans into the document).
pub(super) fn definitions(
    text: &str,
    layout: &Layout,
    citations: &mut Vec<Citation>,
) -> Vec<Footnote> {
    let mut footnotes: Vec<Footnote> = Vec::new();
    // Line indices of the definition being read.
    let mut current: Option<(u32, usize, Vec<usize>)> = None;
    let finish = |def: (u32, usize, Vec<usize>), footnotes: &mut Vec<Footnote>| {
        let (number, number_start, lines) = def;
        footnotes.push(build(text, layout, number, number_start, &lines));
    };
    for block in &layout.footnote_blocks {
        for i in block.lines.clone() {
            let line = &layout.lines[i];
            match line.kind {
                LineKind::FootnoteStart => {
                    if let Some(def) = current.take() {
                        finish(def, &mut footnotes);
                    }
                    let s = &text[line.span.clone()];
                    // The layout marked it a definition: it starts with its number.
                    let at = s.len() - s.trim_start_matches([' ', '\u{c}']).len();
                    let digits = s[at..].bytes().take_while(u8::is_ascii_digit).count();
                    let Ok(n) = s[at..at + digits].parse() else {
                        continue;
                    };
                    current = Some((n, line.span.start + at, vec![i]));
                }
                LineKind::FootnoteContinuation => {
                    if let Some((_, _, lines)) = current.as_mut() {
                        lines.push(i);
                    }
                }
                _ => {}
            }
        }
        if let Some(def) = current.take() {
            finish(def, &mut footnotes);
        }
    }
    for f in &mut footnotes {
        let from = f.number_span.end;
        let found = find_citations(&text[from..f.span.end]);
        for mut c in found {
            super::shift(&mut c, from);
            f.citations.push(citations.len());
            citations.push(c);
        }
    }
    footnotes
}

fn build(
    text: &str,
    layout: &Layout,
    number: u32,
    number_start: usize,
    lines: &[usize],
) -> Footnote {
    let digits = number.to_string().len();
    let number_span = number_start..number_start + digits;
    let last = layout.lines[*lines.last().unwrap()].span.end;
    let mut joined = String::new();
    for (k, &i) in lines.iter().enumerate() {
        let span = &layout.lines[i].span;
        let s = if k == 0 {
            &text[number_span.end..span.end]
        } else {
            &text[span.clone()]
        };
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        let hyphen = joined.ends_with('-')
            && joined[..joined.len() - 1].ends_with(|c: char| c.is_lowercase())
            && s.starts_with(|c: char| c.is_lowercase());
        if hyphen {
            joined.pop();
        } else if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(s);
    }
    Footnote {
        number,
        number_span,
        span: number_start..text[..last].trim_end().len().max(number_start + digits),
        text: joined,
        page: layout.lines[lines[0]].page,
        citations: Vec::new(),
        source: Source::None,
        convention: super::NoteConvention::Plain,
    }
}

/// Sets each footnote's [`Source`], following `Idem`/`Ibidem` back through
/// the previous footnotes in number order (footnote 8 → 7 → 6).
pub(super) fn resolve_sources(footnotes: &mut [Footnote], citations: &[Citation]) {
    let mut order: Vec<usize> = (0..footnotes.len()).collect();
    order.sort_by_key(|&i| (footnotes[i].number, i));
    for (k, &i) in order.iter().enumerate() {
        let own = footnotes[i].citations.iter().map(|&c| (c, &citations[c]));
        let first_full = own.clone().find(|(_, c)| c.is_full());
        let first = own.clone().next();
        let source = match first {
            None => Source::None,
            Some((_, c)) if c.kind == CitationKind::ShortForm => {
                let antecedent = match c.short_form {
                    Some(ShortFormKind::SeeNote(n)) => {
                        order.iter().map(|&j| &footnotes[j]).find(|f| f.number == n)
                    }
                    _ => k.checked_sub(1).map(|p| &footnotes[order[p]]),
                };
                resolve(c, antecedent, citations)
            }
            Some((_, c)) if c.kind == CitationKind::Placeholder && first_full.is_none() => {
                Source::Placeholder(footnotes[i].citations[0])
            }
            _ => match first_full {
                Some((ci, _)) => Source::Cited(ci),
                None => Source::None,
            },
        };
        footnotes[i].source = source;
    }
}

fn resolve(short: &Citation, antecedent: Option<&Footnote>, citations: &[Citation]) -> Source {
    let Some(prev) = antecedent else {
        return Source::Unresolved {
            reason: "there is no earlier footnote to refer to".into(),
        };
    };
    let (base, mut via) = match &prev.source {
        Source::Cited(c) => (citations[*c].clone(), vec![prev.number]),
        Source::Resolved { citation, via } => {
            let mut v = vec![prev.number];
            v.extend(via);
            (citation.clone(), v)
        }
        Source::Placeholder(_) => {
            return Source::Unresolved {
                reason: format!(
                    "footnote {} before it is a placeholder, not a source",
                    prev.number
                ),
            }
        }
        Source::Unresolved { .. } => {
            return Source::Unresolved {
                reason: format!("footnote {} before it does not resolve either", prev.number),
            }
        }
        Source::None => {
            return Source::Unresolved {
                reason: format!("footnote {} before it cites no source", prev.number),
            }
        }
    };
    let mut citation = base;
    citation.page = match short.short_form {
        Some(ShortFormKind::Idem) => short.page.clone(),
        _ => short.page.clone().or(citation.page),
    };
    citation.span = short.span.clone();
    citation.slips.clear();
    via.dedup();
    Source::Resolved { citation, via }
}
