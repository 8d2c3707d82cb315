//! Completion candidates at a place in the text.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::dossier::{Dossier, QuestionKind};
use crate::workspace::Workspace;
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    Footnote,
    Document,
    Question,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub kind: CompletionKind,
    pub label: String,
    /// What replaces `replace`.
    pub insert: String,
    /// The footnote's text, the question, the document's title; `None`
    /// for a document known only as cited here.
    pub detail: Option<String>,
    /// The part already typed that the completion replaces.
    pub replace: Span,
}

static SEE_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bzie (?:voet)?noot ([0-9]*)$").unwrap());
static KAMERSTUK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(Kamerstuk(?:ken)?)(?: (I{1,2}),?)? ([0-9 ,./–-]*)$").unwrap());
static VRAAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^\s?Vraag ([0-9]*)$").unwrap());

/// Candidates for the text right before `offset`:
/// - after `zie noot ` the footnotes, with their text;
/// - after `Kamerstuk ` / `Kamerstukken II ` the documents of the workspace
///   and those this document cites, written in the document's own style;
/// - after `Vraag ` at a line start, the next question number.
pub fn completions(
    d: &Dossier,
    text: &str,
    offset: usize,
    workspace: Option<&Workspace>,
) -> Vec<Completion> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let mut out = Vec::new();
    if let Some(c) = SEE_NOTE.captures(before) {
        let typed = c.get(1).unwrap();
        let replace = line_start + typed.start()..offset;
        for f in d
            .footnotes
            .iter()
            .filter(|f| f.number.to_string().starts_with(typed.as_str()))
        {
            out.push(Completion {
                kind: CompletionKind::Footnote,
                label: f.number.to_string(),
                insert: f.number.to_string(),
                detail: Some(f.text.chars().take(80).collect()),
                replace: replace.clone(),
            });
        }
        return out;
    }
    if let Some(c) = VRAAG.captures(before) {
        let typed = c.get(1).unwrap();
        let next = d
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Vraag)
            .flat_map(|q| q.numbers.iter().copied())
            .max()
            .unwrap_or(0)
            + 1;
        out.push(Completion {
            kind: CompletionKind::Question,
            label: next.to_string(),
            insert: next.to_string(),
            detail: Some(format!("Vraag {next}")),
            replace: line_start + typed.start()..offset,
        });
        return out;
    }
    if let Some(c) = KAMERSTUK.captures(before) {
        let typed = c.get(3).unwrap();
        let with_year = c.get(1).unwrap().as_str() == "Kamerstukken";
        let chamber_typed = c.get(2).is_some();
        let year_form = year_form(d, text);
        let replace = line_start + typed.start()..offset;
        let mut seen = HashSet::new();
        let mut push = |id: &str,
                        citation: Option<&crate::citation::Citation>,
                        detail: Option<String>| {
            if !seen.insert(id.to_string()) {
                return;
            }
            let Some(c) = citation else { return };
            let Some(mut insert) = written_tail(c, with_year, year_form) else {
                return;
            };
            if chamber_typed {
                // `Kamerstukken II ` is there already: only what follows it.
                let rest = insert.split_once(' ').map_or("", |(_, r)| r);
                insert = rest.to_string();
            }
            if !insert.starts_with(typed.as_str().trim_start()) && !typed.as_str().trim().is_empty()
            {
                return;
            }
            out.push(Completion {
                kind: CompletionKind::Document,
                label: insert.clone(),
                insert,
                detail,
                replace: replace.clone(),
            });
        };
        for c in d
            .citations
            .iter()
            .filter(|c| c.kind == crate::citation::CitationKind::Kamerstuk)
        {
            if let Some(id) = &c.id {
                push(id, Some(c), None);
            }
        }
        if let Some(ws) = workspace {
            let mut docs: Vec<_> = ws.documents().collect();
            docs.sort_by(|a, b| a.0.cmp(b.0));
            for (_, s) in docs {
                let Some(id) = s.id.as_deref().filter(|id| id.starts_with("kst-")) else {
                    continue;
                };
                let parsed = s
                    .display
                    .as_deref()
                    .and_then(|disp| crate::citation::find_citations(disp).into_iter().next());
                push(id, parsed.as_ref(), Some(s.title.clone()));
            }
        }
    }
    out
}

/// The year form most footnote citations of the document use.
fn year_form(d: &Dossier, text: &str) -> YearForm {
    let (mut dash, mut slash) = (0, 0);
    for c in &d.citations {
        let s = c.written(text);
        if s.contains('–') {
            dash += 1;
        } else if s.contains('/') {
            slash += 1;
        }
    }
    if dash > slash {
        YearForm::Dash
    } else {
        YearForm::Slash
    }
}

#[derive(Clone, Copy)]
enum YearForm {
    /// `, 2020–2021,` as officielebekendmakingen prints it.
    Dash,
    /// ` 2020/21,` as the Leidraad writes it.
    Slash,
}

/// What follows the label: `22 112, nr. 2955` after `Kamerstuk`, with the
/// Kamer and year after `Kamerstukken`.
fn written_tail(c: &crate::citation::Citation, with_year: bool, form: YearForm) -> Option<String> {
    let canonical = c.canonical_document();
    // `Kamerstukken II 2020/21, 22 112, nr. 2955` or `Kamerstuk 22 112, nr. 2955`.
    let after_label = canonical.split_once(' ')?.1;
    let (head, rest) = match after_label.split_once(", ") {
        Some((h, r)) if h.contains('/') => (Some(h), r),
        _ => (None, after_label),
    };
    if !with_year {
        return Some(rest.to_string());
    }
    let year = c.year.as_deref()?;
    let (a, b) = year.split_once('-')?;
    let chamber = head
        .and_then(|h| h.split_whitespace().next())
        .unwrap_or("II");
    Some(match form {
        YearForm::Dash => format!("{chamber}, {a}–{b}, {rest}"),
        YearForm::Slash => {
            let short: String = b
                .chars()
                .skip(b.chars().count().saturating_sub(2))
                .collect();
            format!("{chamber} {a}/{short}, {rest}")
        }
    })
}
