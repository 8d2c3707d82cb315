//! Document symbols: letters by heading, holding their questions and
//! answers, and the footnotes, nested by where they stand: every symbol
//! sits inside the innermost symbol whose range holds it.

use super::render::{collapse, footnote_body, list};
use super::snapshot::{Analysis, Snapshot};
use crate::i18n::Lang;
use crate::{msg, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Letter,
    Question,
    Answer,
    Footnote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// All of it.
    pub span: Span,
    /// Its heading or number (else its first line).
    pub selection: Span,
    /// The symbols inside it, in document order.
    pub children: Vec<Symbol>,
}

/// The symbols as a tree, in document order.
pub fn symbols(snap: &Snapshot) -> Vec<Symbol> {
    let mut items = items(&snap.analysis, snap.lang);
    // Outer before inner: by start, then longest first.
    items.sort_by(|x, y| {
        x.span
            .start
            .cmp(&y.span.start)
            .then(y.span.end.cmp(&x.span.end))
    });
    // Build the tree with a stack of open ancestors.
    let mut roots: Vec<Symbol> = Vec::new();
    let mut stack: Vec<Symbol> = Vec::new();
    let close = |stack: &mut Vec<Symbol>, roots: &mut Vec<Symbol>| {
        let sym = stack.pop().expect("non-empty stack");
        match stack.last_mut() {
            Some(parent) => parent.children.push(sym),
            None => roots.push(sym),
        }
    };
    for item in items {
        while let Some(open) = stack.last() {
            if open.span.start <= item.span.start && item.span.end <= open.span.end {
                break;
            }
            close(&mut stack, &mut roots);
        }
        stack.push(item);
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

fn items(a: &Analysis, lang: Lang) -> Vec<Symbol> {
    let d = &a.dossier;
    let len = a.text.len();
    let mut items = Vec::new();
    let mut push = |name: String, detail: Option<String>, kind, span: &Span, sel: Option<&Span>| {
        let span = fix(span, len);
        let selection = sel
            .map(|s| fix(s, len))
            .filter(|s| span.start <= s.start && s.end <= span.end)
            .unwrap_or_else(|| first_line(&a.text, &span));
        let name = if name.trim().is_empty() {
            msg!("symbol-untitled").render(lang)
        } else {
            name
        };
        items.push(Symbol {
            name,
            detail,
            kind,
            span,
            selection,
            children: Vec::new(),
        });
    };
    for letter in &d.letters {
        push(
            collapse(&letter.heading),
            None,
            SymbolKind::Letter,
            &letter.span,
            Some(&letter.heading_span),
        );
    }
    for q in &d.questions {
        let name = msg!("hover-question", numbers = list(&q.numbers)).render(lang);
        let detail = snippet(&a.text, &q.span, q.heading_span.as_ref());
        push(
            name,
            detail,
            SymbolKind::Question,
            &q.span,
            q.heading_span.as_ref(),
        );
    }
    for ans in &d.answers {
        let linked = ans.question.and_then(|i| d.questions.get(i));
        let nums = if ans.numbers.is_empty() {
            linked.map(|q| q.numbers.as_slice()).unwrap_or(&[])
        } else {
            &ans.numbers
        };
        let name = msg!("hover-answer", numbers = list(nums)).render(lang);
        let detail = snippet(&a.text, &ans.span, Some(&ans.heading_span));
        push(
            name,
            detail,
            SymbolKind::Answer,
            &ans.span,
            Some(&ans.heading_span),
        );
    }
    for f in &d.footnotes {
        let name = format!(
            "{}: {}",
            msg!("hover-footnote", note = f.number).render(lang),
            shorten(&footnote_body(a, f), 80)
        );
        push(
            name,
            None,
            SymbolKind::Footnote,
            &f.span,
            Some(&f.number_span),
        );
    }
    items
}

/// A span inside the text, start before end.
fn fix(span: &Span, len: usize) -> Span {
    let (a, b) = (span.start.min(len), span.end.min(len));
    a.min(b)..a.max(b)
}

fn first_line(text: &str, span: &Span) -> Span {
    let body = text.get(span.clone()).unwrap_or("");
    let end = body.find(['\n', '\r']).unwrap_or(body.len());
    span.start..span.start + end
}

/// The first words of a question or answer after its heading.
fn snippet(text: &str, span: &Span, heading: Option<&Span>) -> Option<String> {
    let from = heading
        .map(|h| h.end)
        .filter(|&e| e >= span.start && e <= span.end)
        .unwrap_or(span.start);
    let body = collapse(text.get(from..span.end)?);
    (!body.is_empty()).then(|| shorten(&body, 60))
}

fn shorten(s: &str, max_chars: usize) -> String {
    let s = collapse(s);
    if s.chars().count() <= max_chars {
        return s;
    }
    let cut: String = s.chars().take(max_chars - 1).collect();
    format!("{}…", cut.trim_end())
}
