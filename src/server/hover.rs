//! `textDocument/hover`: a footnote marker (or a definition's number) shows
//! the footnote, short forms resolved; a citation shows its canonical form
//! and official address; a placeholder says the source is missing; a
//! question's heading (or a `zie vraag 5`) shows its answer, an answer's
//! heading its question.

use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::convert;
use super::definition::footnote_on_number;
use super::documents::Analysis;
use super::lookup;
use super::questions::{self, escape};
use crate::citation::{Citation, CitationKind};
use crate::dossier::{Answer, Footnote, Question, Source};
use crate::text::PositionEncoding;
use crate::Span;

pub fn hover(a: &Analysis, pos: Position, enc: PositionEncoding) -> Option<Hover> {
    let offset = convert::offset(&a.text, &a.line_index, pos, enc);
    let (span, markdown) = hover_at(a, offset)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(convert::range(&a.text, &a.line_index, &span, enc)),
    })
}

/// The hovered span and the Markdown to show for it.
pub fn hover_at(a: &Analysis, offset: usize) -> Option<(Span, String)> {
    let d = &a.dossier;
    if let Some(marker) = d.marker_at(offset) {
        let footnote = marker
            .footnote
            .and_then(|i| d.footnotes.get(i))
            .or_else(|| d.footnote(marker.number));
        let md = match footnote {
            Some(f) => footnote_markdown(a, f),
            None => format!(
                "**Voetnoot {}**\n\n⚠ Deze voetnoot staat niet in het document.",
                marker.number
            ),
        };
        return Some((marker.span.clone(), md));
    }
    if let Some(f) = footnote_on_number(d, offset) {
        return Some((f.number_span.clone(), footnote_markdown(a, f)));
    }
    if let Some(q) = lookup::question_at_heading(a, offset) {
        let span = q.heading_span.clone().unwrap_or(q.span.clone());
        return Some((span, answer_markdown(a, q)));
    }
    if let Some(ans) = lookup::answer_at_heading(a, offset) {
        return Some((ans.heading_span.clone(), question_markdown(a, ans)));
    }
    if let Some(r) = lookup::question_ref_at(a, offset) {
        let md = match lookup::referred_question(a, r) {
            Some(q) => answer_markdown(a, q),
            None => format!(
                "**Vraag{}**\n\n⚠ Deze vraag staat niet in het document.",
                list(&r.numbers)
            ),
        };
        return Some((r.span.clone(), md));
    }
    let Some(c) = d.citation_at(offset) else {
        // Anywhere in a question's text: its answer.
        let (_, q) = questions::question_at(a, offset)?;
        let span = questions::question_anchor(a, q);
        let span = if span.start <= offset && offset <= span.end {
            span
        } else {
            q.span.clone()
        };
        return Some((span, questions::answer_hover(a, q)));
    };
    let md = match c.kind {
        CitationKind::ShortForm => {
            let f = d.footnote_at(offset)?;
            short_form_markdown(a, f)?
        }
        CitationKind::Placeholder => missing_source(a, c),
        _ => citation_markdown(c),
    };
    Some((c.part_at(offset).clone(), md))
}

/// Hover on a question: its answer.
fn answer_markdown(a: &Analysis, q: &Question) -> String {
    questions::answer_hover(a, q)
}

/// Hover on an `Antwoord` heading: the question it answers.
fn question_markdown(a: &Analysis, ans: &Answer) -> String {
    match lookup::question_of(a, ans) {
        Some(q) => format!(
            "**Vraag{}** (regel {})\n\n{}",
            list(&q.numbers),
            questions::line_number(a, questions::question_anchor(a, q).start),
            escape(&lookup::question_text(a, q))
        ),
        None => format!(
            "**Antwoord{}**\n\n⚠ Bij dit antwoord is geen vraag gevonden.",
            list(&ans.numbers)
        ),
    }
}

/// ` 3, 4` for a heading, empty without numbers.
fn list(numbers: &[u32]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
    format!(" {}", parts.join(", "))
}

fn footnote_markdown(a: &Analysis, f: &Footnote) -> String {
    let mut parts = vec![format!("**Voetnoot {}**", f.number)];
    let body = footnote_body(a, f);
    match &f.source {
        Source::Resolved { .. } => {
            if let Some(md) = short_form_markdown(a, f) {
                parts.push(md);
            }
        }
        Source::Placeholder(i) => {
            parts.push(escape(&body));
            let placeholder = a.dossier.citations.get(*i);
            parts.push(match placeholder {
                Some(c) => missing_source(a, c),
                None => "⚠ **De bron ontbreekt.**".to_owned(),
            });
        }
        Source::Unresolved { reason } => {
            parts.push(escape(&body));
            parts.push(format!(
                "⚠ Verwijzing niet op te lossen: {}",
                escape(reason)
            ));
        }
        Source::Cited(_) | Source::None => {
            parts.push(escape(&body));
            for c in f
                .citations
                .iter()
                .filter_map(|&i| a.dossier.citations.get(i))
            {
                if c.is_full() {
                    parts.push(citation_line(c));
                }
            }
        }
    }
    parts.join("\n\n")
}

/// `Idem, blz. 12 → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12`.
fn short_form_markdown(a: &Analysis, f: &Footnote) -> Option<String> {
    let Source::Resolved { citation, via } = &f.source else {
        return match &f.source {
            Source::Unresolved { reason } => Some(format!(
                "{}\n\n⚠ Verwijzing niet op te lossen: {}",
                escape(&short_form_text(a, f)),
                escape(reason)
            )),
            _ => None,
        };
    };
    let mut md = format!(
        "{} → {}",
        escape(&short_form_text(a, f)),
        escape(&citation.canonical())
    );
    if !via.is_empty() {
        let list: Vec<String> = via.iter().map(|n| n.to_string()).collect();
        md.push_str(&format!("\n\n_via voetnoot {}_", list.join(", ")));
    }
    if let Some(url) = citation.url() {
        md.push_str(&format!("\n\n[{url}]({url})"));
    }
    Some(md)
}

fn citation_markdown(c: &Citation) -> String {
    let mut md = format!("**{}**", escape(&c.canonical()));
    if let Some(url) = c.url() {
        md.push_str(&format!("\n\n[{url}]({url})"));
    }
    for slip in &c.slips {
        // Our own message, with `code` meant as such.
        md.push_str(&format!("\n\nSchrijfwijze: {}", slip.message));
    }
    md
}

fn citation_line(c: &Citation) -> String {
    let canonical = c.canonical();
    let mut line = match c.url() {
        Some(url) if c.kind == CitationKind::Url || url.trim_end_matches('/') == canonical => {
            format!("→ [{}]({url})", escape(&canonical))
        }
        Some(url) => format!("→ {} · [{}]({url})", escape(&canonical), host(&url)),
        None => format!("→ {}", escape(&canonical)),
    };
    for slip in &c.slips {
        line.push_str(&format!(" (schrijfwijze: {})", slip.message));
    }
    line
}

/// `zoek.officielebekendmakingen.nl` for a link's label.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    escape(host)
}

fn missing_source(a: &Analysis, c: &Citation) -> String {
    let written = collapse(&c.written(&a.text));
    format!(
        "⚠ **De bron ontbreekt**: `{}` staat hier in plaats van een bron.",
        written.replace('`', "'")
    )
}

/// The short form as written: `Idem, blz. 12`, `Ibidem`.
fn short_form_text(a: &Analysis, f: &Footnote) -> String {
    let written = f
        .citations
        .iter()
        .filter_map(|&i| a.dossier.citations.get(i))
        .find(|c| c.kind == CitationKind::ShortForm)
        .and_then(|c| a.text.get(c.span.clone()))
        .map(collapse)
        .unwrap_or_else(|| footnote_body(a, f));
    written.trim_end_matches('.').trim().to_owned()
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

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
