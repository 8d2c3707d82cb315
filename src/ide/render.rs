//! Text for the editor's eyes: Markdown escaping, whitespace collapsed, a
//! footnote's text without its number. Shared by hover, lens, symbols.

use super::snapshot::Analysis;
use crate::dossier::Footnote;

/// Escapes the characters Markdown would read as markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Runs of white space (line breaks included) as one space.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// ` 3, 4` for a heading, empty without numbers.
pub fn list(numbers: &[u32]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
    format!(" {}", parts.join(", "))
}

/// The footnote's text without its number.
pub fn footnote_body(a: &Analysis, f: &Footnote) -> String {
    let text = f.text.trim();
    let number = f.number.to_string();
    let body = match text.strip_prefix(&number) {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => rest.trim(),
        _ => text,
    };
    if !body.is_empty() {
        return body.to_owned();
    }
    // The model gave no text: read it from the document.
    let from = f.number_span.end.min(f.span.end);
    a.text
        .get(from..f.span.end)
        .map(collapse)
        .unwrap_or_default()
}
