//! `textDocument/inlayHint`: after each `Idem`/`Ibidem`/`zie noot N` the
//! citation it resolves to; with the setting `inlayHints.markers`, after
//! each footnote marker the first words of its footnote.

use tower_lsp::lsp_types::{InlayHint, InlayHintLabel, InlayHintTooltip, Range};

use super::convert;
use super::documents::{guarded, Analysis};
use crate::assist;
use crate::text::PositionEncoding;

/// How many words of a footnote a marker's hint shows.
const MARKER_WORDS: usize = 6;

pub fn inlay_hints(
    a: &Analysis,
    range: Range,
    markers: bool,
    enc: PositionEncoding,
) -> Vec<InlayHint> {
    let crate::Span {
        start: from,
        end: to,
    } = convert::span(&a.text, &a.line_index, range, enc);
    let d = &a.dossier;
    let mut found: Vec<(usize, String, bool)> = guarded("short form hints", Vec::new(), || {
        assist::short_form_hints(d)
    })
    .into_iter()
    .map(|(at, label)| (at, label, false))
    .collect();
    if markers {
        found.extend(
            guarded("marker hints", Vec::new(), || {
                assist::marker_hints(d, MARKER_WORDS)
            })
            .into_iter()
            .map(|(at, label)| (at, label, true)),
        );
    }
    found.retain(|(at, _, _)| from <= *at && *at <= to && *at <= a.text.len());
    found.sort_by_key(|(at, _, _)| *at);
    found
        .into_iter()
        .map(|(at, label, marker)| InlayHint {
            position: convert::position(&a.text, &a.line_index, at, enc),
            label: InlayHintLabel::String(if marker { format!("[{label}]") } else { label }),
            kind: None,
            text_edits: None,
            tooltip: marker
                .then(|| InlayHintTooltip::String("De eerste woorden van de voetnoot".to_owned())),
            padding_left: Some(true),
            padding_right: Some(marker),
            data: None,
        })
        .collect()
}
