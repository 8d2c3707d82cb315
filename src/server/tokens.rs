//! `textDocument/semanticTokens/full` and `/range`: [`ide::tokens`] in the
//! standard token types, delta-encoded. A token that crosses a line break
//! is split per line unless the client takes multiline tokens.

use tower_lsp::lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend,
};

use super::convert;
use crate::assist::TokenKind;
use crate::ide;
use crate::text::PositionEncoding;
use crate::Span;

const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::NUMBER,
    SemanticTokenType::MACRO,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::STRING,
    SemanticTokenType::EVENT,
    SemanticTokenType::METHOD,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::COMMENT,
];

const MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DOCUMENTATION,
];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// The legend's type index and modifier bits of a kind.
fn classify(kind: TokenKind) -> (u32, u32) {
    let ty = |t: SemanticTokenType| TYPES.iter().position(|x| *x == t).unwrap_or(0) as u32;
    const DECLARATION: u32 = 1;
    const DOCUMENTATION: u32 = 2;
    match kind {
        TokenKind::FootnoteMarker => (ty(SemanticTokenType::NUMBER), 0),
        TokenKind::FootnoteNumber => (ty(SemanticTokenType::NUMBER), DECLARATION),
        TokenKind::Placeholder => (ty(SemanticTokenType::MACRO), 0),
        TokenKind::ShortForm => (ty(SemanticTokenType::VARIABLE), 0),
        TokenKind::Citation => (ty(SemanticTokenType::STRING), 0),
        TokenKind::QuestionHeading => (ty(SemanticTokenType::EVENT), DECLARATION),
        TokenKind::AnswerHeading => (ty(SemanticTokenType::METHOD), DECLARATION),
        TokenKind::LetterHeading => (ty(SemanticTokenType::NAMESPACE), DECLARATION),
        TokenKind::Footer => (ty(SemanticTokenType::COMMENT), 0),
        TokenKind::Colophon => (ty(SemanticTokenType::COMMENT), DOCUMENTATION),
    }
}

/// The tokens of the feature, delta-encoded.
pub fn to_lsp(
    a: &ide::Analysis,
    found: Vec<(Span, TokenKind)>,
    multiline: bool,
    enc: PositionEncoding,
) -> Vec<SemanticToken> {
    let text = &a.text;
    let mut pieces: Vec<(u32, u32, u32, TokenKind)> = Vec::new();
    for (span, kind) in found {
        let first = a.line_index.line_of(span.start);
        let last = a.line_index.line_of(span.end);
        if multiline || first == last {
            let start = convert::position(text, &a.line_index, span.start, enc);
            let length = units(text.get(span.clone()).unwrap_or(""), enc);
            pieces.push((start.line, start.character, length, kind));
            continue;
        }
        for line in first..=last {
            let Some(bounds) = a.line_index.line_span(text, line) else {
                continue;
            };
            let (s, e) = (span.start.max(bounds.start), span.end.min(bounds.end));
            if s >= e {
                continue;
            }
            let start = convert::position(text, &a.line_index, s, enc);
            let length = units(text.get(s..e).unwrap_or(""), enc);
            pieces.push((start.line, start.character, length, kind));
        }
    }
    pieces.sort_by_key(|&(l, c, _, _)| (l, c));
    let (mut line, mut col) = (0u32, 0u32);
    let mut out = Vec::with_capacity(pieces.len());
    for (l, c, length, kind) in pieces {
        if length == 0 {
            continue;
        }
        let (token_type, modifiers) = classify(kind);
        let delta_line = l - line;
        let delta_start = if delta_line == 0 { c - col } else { c };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type,
            token_modifiers_bitset: modifiers,
        });
        line = l;
        col = c;
    }
    out
}

fn units(s: &str, enc: PositionEncoding) -> u32 {
    match enc {
        PositionEncoding::Utf8 => s.len() as u32,
        PositionEncoding::Utf16 => s.encode_utf16().count() as u32,
    }
}
