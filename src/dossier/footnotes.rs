//! Footnote definitions from the layout's footnote blocks, their citations,
//! and the resolution of short forms along the chain of previous footnotes.

use crate::citation::{find_citations, Citation, CitationKind, ShortFormKind};
use crate::layout::{note_head, Layout, LineKind};
use crate::Span;

use super::{Footnote, NoteConvention, Source};

/// Footnote definitions in document order; citations found in them are
/// appended to `citations` (spans into the document).
pub(super) fn definitions(
    text: &str,
    layout: &Layout,
    citations: &mut Vec<Citation>,
) -> Vec<Footnote> {
    let mut footnotes: Vec<Footnote> = Vec::new();
    // The definition being read: its head and the pieces of its lines.
    let mut current: Option<(Head, Vec<Span>)> = None;
    let finish = |def: (Head, Vec<Span>), footnotes: &mut Vec<Footnote>| {
        for (head, pieces) in split_inline(text, def) {
            let page = layout.page_at(head.number_span.start);
            footnotes.push(build(text, page, head, &pieces));
        }
    };
    for block in &layout.footnote_blocks {
        for i in block.lines.clone() {
            let line = &layout.lines[i];
            match line.kind {
                LineKind::FootnoteStart => {
                    if let Some(def) = current.take() {
                        finish(def, &mut footnotes);
                    }
                    let Some(head) = head(text, line.span.clone(), block.convention) else {
                        continue;
                    };
                    current = Some((head, vec![line.span.clone()]));
                }
                LineKind::FootnoteContinuation => {
                    if let Some((_, pieces)) = current.as_mut() {
                        pieces.push(line.span.clone());
                    }
                }
                _ => {}
            }
        }
        if let Some(def) = current.take() {
            finish(def, &mut footnotes);
        }
    }
    number_labels(&mut footnotes);
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

/// How a definition opens: its number, where the number stands and where
/// its text starts (document offsets).
struct Head {
    number: u32,
    label: Option<String>,
    number_span: std::ops::Range<usize>,
    text_start: usize,
    convention: NoteConvention,
}

/// The head of a definition line of a block of `convention`.
fn head(text: &str, span: std::ops::Range<usize>, convention: NoteConvention) -> Option<Head> {
    let s = &text[span.clone()];
    if convention == NoteConvention::Plain {
        // The layout marked it a definition: it starts with its number.
        let at = s.len() - s.trim_start_matches([' ', '\u{c}']).len();
        let digits = s[at..].bytes().take_while(u8::is_ascii_digit).count();
        let number = s[at..at + digits].parse().ok()?;
        let start = span.start + at;
        return Some(Head {
            number,
            label: None,
            number_span: start..start + digits,
            text_start: start + digits,
            convention,
        });
    }
    let h = note_head(s)?;
    Some(Head {
        number: h.number,
        label: h.label,
        number_span: span.start + h.number_span.start..span.start + h.number_span.end,
        text_start: span.start + h.text_start,
        convention,
    })
}

/// Markdown notes with a label (`[^bron]`) get the numbers after the
/// highest numbered note of their convention, in the order they are
/// defined, as a Markdown renderer numbers them.
fn number_labels(footnotes: &mut [Footnote]) {
    let mut next = footnotes
        .iter()
        .filter(|f| f.convention == NoteConvention::Markdown && f.label.is_none())
        .map(|f| f.number)
        .max()
        .unwrap_or(0);
    for f in footnotes.iter_mut().filter(|f| f.label.is_some()) {
        next += 1;
        f.number = next;
    }
}

/// Splits a definition where the next note's head stands inside its
/// lines: a typed note's `[n]` glued to the end of the previous note's line,
/// as a Word export leaves it after a web address (`…/politie[3]`), or, in
/// an OCR page that runs notes together, `51. 2 Kamerstuk …` where note 2's
/// marker stands in the text above.
fn split_inline(text: &str, def: (Head, Vec<Span>)) -> Vec<(Head, Vec<Span>)> {
    // On the head's own line, look only past the head.
    let from = |head: &Head, piece: &Span, own_line: bool| {
        if own_line {
            head.text_start.clamp(piece.start, piece.end)
        } else {
            piece.start
        }
    };
    // Most notes hold no other: they keep their pieces as they are.
    let runs_on = def.1.iter().enumerate().any(|(k, piece)| {
        next_head(text, from(&def.0, piece, k == 0)..piece.end, &def.0).is_some()
    });
    if !runs_on {
        return vec![def];
    }
    let (mut head, pieces) = def;
    let mut out = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    for (k, piece) in pieces.into_iter().enumerate() {
        let mut piece = piece;
        loop {
            let from = from(&head, &piece, k == 0 && current.is_empty());
            match next_head(text, from..piece.end, &head) {
                Some(next) => {
                    let cut = next.number_span.start - usize::from(next_opens_bracket(&head));
                    current.push(piece.start..cut);
                    out.push((head, std::mem::take(&mut current)));
                    piece = cut..piece.end;
                    head = next;
                }
                None => {
                    current.push(piece);
                    break;
                }
            }
        }
    }
    out.push((head, current));
    out
}

/// Whether the head's number is written in `[n]` (a typed note's head).
fn next_opens_bracket(head: &Head) -> bool {
    head.convention == NoteConvention::Typed
}

/// The next note's head inside `span`, if one stands there (see
/// [`split_inline`]).
fn next_head(text: &str, span: Span, current: &Head) -> Option<Head> {
    let s = &text[span.clone()];
    let next = current.number + 1;
    let at = match current.convention {
        NoteConvention::Typed if text[..current.number_span.start].ends_with('[') => {
            let trimmed = s.trim_end();
            let at = trimmed.strip_suffix(&format!("[{next}]"))?.len();
            if trimmed[..at].trim().is_empty() {
                return None;
            }
            at + 1
        }
        NoteConvention::Plain => {
            // The next number follows a sentence's end and a space: looked
            // for at each such place (`»` and `”` end in the bytes BB and
            // 9D), not at each occurrence of its digits.
            let b = s.as_bytes();
            let mut buf = [0u8; 20];
            let digits = crate::text::decimal(u64::from(next), &mut buf);
            (0..b.len().saturating_sub(1))
                .filter(|&j| b[j + 1] == b' ' && matches!(b[j], b'.' | b')' | 0xBB | 0x9D))
                .map(|j| j + 2)
                .find(|&i| {
                    b[i..].starts_with(digits)
                        && s[..i - 1].ends_with(['.', ')', '»', '”'])
                        && s[i + digits.len()..].strip_prefix(' ').is_some_and(|a| {
                            a.starts_with(|c: char| c.is_uppercase() || matches!(c, '«' | '“'))
                        })
                        && crate::layout::glued_marker_before(text, span.start + i, next)
                })?
        }
        _ => return None,
    };
    let start = span.start + at;
    let number_span = start..start + crate::text::ascii_digits(text.as_bytes(), start, usize::MAX);
    let text_start = number_span.end + usize::from(current.convention == NoteConvention::Typed);
    Some(Head {
        number: next,
        label: None,
        number_span,
        text_start,
        convention: current.convention,
    })
}

fn build(text: &str, page: usize, head: Head, pieces: &[Span]) -> Footnote {
    let Head {
        number,
        label,
        number_span,
        text_start,
        convention,
    } = head;
    let number_start = number_span.start;
    let last = pieces.last().map_or(text_start, |p| p.end);
    let mut joined = String::with_capacity(last.saturating_sub(text_start) + 1);
    for (k, span) in pieces.iter().enumerate() {
        let s = if k == 0 {
            &text[text_start.min(span.end)..span.end]
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
        span: number_start..text[..last].trim_end().len().max(text_start),
        text: joined,
        page,
        citations: Vec::new(),
        source: Source::None,
        convention,
        label,
    }
}

/// Sets each footnote's [`Source`], following `Idem`/`Ibidem` back through
/// the previous footnotes in number order (footnote 8 → 7 → 6).
pub(super) fn resolve_sources(footnotes: &mut [Footnote], citations: &[Citation]) {
    // Each convention is a chain of its own: typed note 2's `Idem` is typed
    // note 1's source, not Word footnote 1's.
    let mut order: Vec<usize> = (0..footnotes.len()).collect();
    order.sort_by_key(|&i| (footnotes[i].convention.as_str(), footnotes[i].number, i));
    for (k, &i) in order.iter().enumerate() {
        let convention = footnotes[i].convention;
        let own = footnotes[i].citations.iter().map(|&c| (c, &citations[c]));
        let first_full = own.clone().find(|(_, c)| c.is_full());
        let first = own.clone().next();
        let source = match first {
            None => Source::None,
            Some((_, c)) if c.kind == CitationKind::ShortForm => {
                let antecedent = match c.short_form {
                    Some(ShortFormKind::SeeNote(n)) => order
                        .iter()
                        .map(|&j| &footnotes[j])
                        .find(|f| f.number == n && f.convention == convention),
                    _ => k
                        .checked_sub(1)
                        .map(|p| &footnotes[order[p]])
                        .filter(|f| f.convention == convention),
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
            reason: crate::msg!("reason-no-earlier-footnote"),
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
                reason: crate::msg!("reason-placeholder-before", note = prev.name()),
            }
        }
        Source::Unresolved { .. } => {
            return Source::Unresolved {
                reason: crate::msg!("reason-unresolved-before", note = prev.name()),
            }
        }
        // A source we do not read as a citation (a report, a newspaper):
        // the short form refers to it, and there is nothing to resolve.
        Source::None if !prev.text.trim().is_empty() => return Source::None,
        Source::None => {
            return Source::Unresolved {
                reason: crate::msg!("reason-empty-before", note = prev.name()),
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
