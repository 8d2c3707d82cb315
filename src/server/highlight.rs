//! `textDocument/documentHighlight`: a marker (or a footnote's number)
//! highlights the footnote's definition (as written) and every marker of
//! it (as read); a citation every citation of the same document, in all
//! its parts; a question highlights the places that concern it.

use tower_lsp::lsp_types::{DocumentHighlight, DocumentHighlightKind, Position};

use super::convert;
use super::documents::Analysis;
use crate::ide::lookup::footnote_on_number;
use crate::ide::questions;
use crate::text::PositionEncoding;
use crate::Span;

pub fn highlights(
    a: &Analysis,
    pos: Position,
    enc: PositionEncoding,
) -> Option<Vec<DocumentHighlight>> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    let d = &a.dossier;
    let number = d
        .marker_at(offset)
        .map(|m| m.number)
        .or_else(|| footnote_on_number(d, offset).map(|f| f.number));
    let found: Vec<(Span, DocumentHighlightKind)> = match number {
        Some(n) => d
            .footnotes
            .iter()
            .filter(|f| f.number == n)
            .map(|f| (f.number_span.clone(), DocumentHighlightKind::WRITE))
            .chain(
                d.markers
                    .iter()
                    .filter(|m| m.number == n)
                    .map(|m| (m.span.clone(), DocumentHighlightKind::READ)),
            )
            .collect(),
        None if d.citation_at(offset).is_some_and(|c| c.is_full()) => {
            let c = d.citation_at(offset)?;
            // Every citation of the same document, each in all its parts (a
            // citation a page break cut shows as its two halves).
            d.citations
                .iter()
                .filter(|o| std::ptr::eq(*o, c) || (c.id.is_some() && o.is_full() && o.id == c.id))
                .flat_map(|o| o.spans().iter().cloned())
                .map(|s| (s, DocumentHighlightKind::TEXT))
                .collect()
        }
        None => {
            let group = questions::group_at(a, offset)?;
            questions::places(a, &group)
                .into_iter()
                .map(|s| (s, DocumentHighlightKind::TEXT))
                .collect()
        }
    };
    let mut out: Vec<DocumentHighlight> = found
        .into_iter()
        .map(|(span, kind)| DocumentHighlight {
            range: convert::range(&a.text, &a.line_index, &span, enc),
            kind: Some(kind),
        })
        .collect();
    out.sort_by_key(|h| (h.range.start.line, h.range.start.character));
    Some(out)
}
