//! Byte offsets ↔ LSP positions in the negotiated encoding.
//!
//! Every conversion clamps: a position past a line's end gives the line's
//! end, a line past the last gives the text's end, a column inside a
//! character gives that character's start. Nothing here panics on input
//! from the client.

use ropey::Rope;
use tower_lsp::lsp_types::{
    ClientCapabilities, DiagnosticSeverity, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, PositionEncodingKind, Range,
    TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use crate::assist::Edit;
use crate::ide::Analysis;
use crate::lints::Severity;
use crate::text::{LineCol, LineIndex, PositionEncoding};
use crate::Span;

/// utf-8 when the client offers it, else utf-16 (the LSP default).
pub fn negotiate(capabilities: &ClientCapabilities) -> PositionEncoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
        _ => PositionEncoding::Utf16,
    }
}

pub fn encoding_kind(enc: PositionEncoding) -> PositionEncodingKind {
    match enc {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

pub fn encoding_name(enc: PositionEncoding) -> &'static str {
    match enc {
        PositionEncoding::Utf8 => "utf-8",
        PositionEncoding::Utf16 => "utf-16",
    }
}

/// A byte offset into `text` as an LSP position.
pub fn position(text: &str, index: &LineIndex, offset: usize, enc: PositionEncoding) -> Position {
    let LineCol { line, col } = index.position(text, offset, enc);
    Position::new(line, col)
}

/// A byte span into `text` as an LSP range (reversed spans are put right).
pub fn range(text: &str, index: &LineIndex, span: &Span, enc: PositionEncoding) -> Range {
    let (a, b) = if span.start <= span.end {
        (span.start, span.end)
    } else {
        (span.end, span.start)
    };
    Range::new(position(text, index, a, enc), position(text, index, b, enc))
}

/// An LSP position as a byte offset into `text`, clamped.
pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: PositionEncoding) -> usize {
    index.offset(
        text,
        LineCol {
            line: pos.line,
            col: pos.character,
        },
        enc,
    )
}

/// An LSP range as a byte span into `text` (clamped; a reversed range is
/// put right), the inverse of [`range`].
pub fn span(text: &str, index: &LineIndex, range: Range, enc: PositionEncoding) -> Span {
    let a = offset(text, index, range.start, enc);
    let b = offset(text, index, range.end, enc);
    a.min(b)..a.max(b)
}

/// An LSP position as a char index into `rope`, clamped like [`offset`].
pub fn rope_char(rope: &Rope, pos: Position, enc: PositionEncoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut content = slice.len_chars();
    while content > 0 && matches!(slice.char(content - 1), '\n' | '\r') {
        content -= 1;
    }
    let want = pos.character as usize;
    let mut units = 0usize;
    for (i, ch) in slice.chars().take(content).enumerate() {
        let width = match enc {
            PositionEncoding::Utf8 => ch.len_utf8(),
            PositionEncoding::Utf16 => ch.len_utf16(),
        };
        if units + width > want {
            return start + i;
        }
        units += width;
    }
    start + content
}

/// One versioned edit of the document.
pub fn versioned(a: &Analysis, uri: &Url, edits: &[Edit], enc: PositionEncoding) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| {
            OneOf::Left(TextEdit::new(
                range(&a.text, &a.line_index, &e.span, enc),
                e.text.clone(),
            ))
        })
        .collect();
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: Some(a.version),
            },
            edits,
        }])),
        ..Default::default()
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rope_positions_match_the_line_index() {
        let text = "a\r\nvergaderjaar 2020–2021, «é»7\rx\n";
        let rope = Rope::from_str(text);
        let index = LineIndex::new(text);
        for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
            for (off, _) in text.char_indices() {
                let p = position(text, &index, off, enc);
                let ch = rope_char(&rope, p, enc);
                let back = rope.char_to_byte(ch);
                let expect = offset(text, &index, p, enc);
                assert_eq!(back, expect, "offset {off} {enc:?}");
            }
        }
        // Past the end of a line and of the text.
        let ch = rope_char(&rope, Position::new(0, 99), PositionEncoding::Utf16);
        assert_eq!(ch, 1);
        let ch = rope_char(&rope, Position::new(99, 0), PositionEncoding::Utf16);
        assert_eq!(ch, rope.len_chars());
    }
}
