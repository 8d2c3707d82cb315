//! Hover: a footnote marker (or a definition's number) shows the footnote,
//! short forms resolved, and the workspace's documents it cites; a
//! citation its canonical form and official address; a placeholder says
//! the source is missing; a question (any part of it, or a `zie vraag 5`)
//! shows its answer, an answer's heading its question; a committee
//! letter's question another document takes up says where; the
//! document's footer what the document is and how often it is cited.

use std::collections::HashSet;

use super::lookup::{self, footnote_on_number};
use super::questions;
use super::render::{collapse, escape, footnote_body, list};
use super::snapshot::{file_name, Analysis, Snapshot};
use crate::citation::{Citation, CitationKind};
use crate::dossier::passage::Change;
use crate::dossier::{first_words, Answer, Footnote, Passage, QuestionKind, QuoteMatch, Source};
use crate::i18n::Lang;
use crate::lints::pages_of;
use crate::{msg, Span};

/// What a hover shows: the span it is about and Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    pub span: Span,
    pub markdown: String,
}

pub fn hover(snap: &Snapshot, offset: usize) -> Option<HoverResult> {
    // A quotation inside a question: its source first.
    if let Some(found) = quote(snap, offset) {
        return Some(found);
    }
    if let Some(found) = question_elsewhere(snap, offset) {
        return Some(found);
    }
    let Some((span, mut markdown)) = hover_at(&snap.analysis, offset, snap.lang) else {
        return identity(snap, offset);
    };
    if let Some(note) = in_workspace(snap, offset) {
        markdown.push_str("\n\n");
        markdown.push_str(&note);
    }
    Some(HoverResult { span, markdown })
}

/// The hovered span and the Markdown to show for it.
fn hover_at(a: &Analysis, offset: usize, lang: Lang) -> Option<(Span, String)> {
    let d = &a.dossier;
    if let Some(marker) = d.marker_at(offset) {
        let md = match d.note_of(marker) {
            Some(f) => footnote_markdown(a, f, lang),
            None => format!(
                "**{}**\n\n⚠ {}",
                msg!("hover-footnote", note = marker.number).render(lang),
                msg!("hover-footnote-not-found").render(lang)
            ),
        };
        return Some((marker.span.clone(), md));
    }
    if let Some(f) = footnote_on_number(d, offset) {
        return Some((f.number_span.clone(), footnote_markdown(a, f, lang)));
    }
    if let Some(q) = lookup::question_at_heading(a, offset) {
        let span = q.heading_span.clone().unwrap_or(q.span.clone());
        return Some((span, questions::answer_hover(a, q, lang)));
    }
    if let Some(ans) = lookup::answer_at_heading(a, offset) {
        return Some((ans.heading_span.clone(), question_markdown(a, ans, lang)));
    }
    if let Some(r) = lookup::question_ref_at(a, offset) {
        let md = match lookup::referred_question(a, r) {
            Some(q) => questions::answer_hover(a, q, lang),
            None => format!(
                "**{}**\n\n⚠ {}",
                msg!("hover-question", numbers = list(&r.numbers)).render(lang),
                msg!("hover-question-not-found").render(lang)
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
        return Some((span, questions::answer_hover(a, q, lang)));
    };
    let md = match c.kind {
        CitationKind::ShortForm => {
            let f = d.footnote_at(offset)?;
            short_form_markdown(a, f, lang)?
        }
        CitationKind::Placeholder => missing_source(a, c, lang),
        _ => citation_markdown(c, lang),
    };
    Some((c.part_at(offset).clone(), md))
}

/// Hover on an `Antwoord` heading: the question it answers.
fn question_markdown(a: &Analysis, ans: &Answer, lang: Lang) -> String {
    match lookup::question_of(a, ans) {
        Some(q) => format!(
            "**{}** ({})\n\n{}",
            msg!("hover-question", numbers = list(&q.numbers)).render(lang),
            msg!(
                "hover-line",
                line = a.line_number(questions::question_anchor(a, q).start)
            )
            .render(lang),
            escape(&lookup::question_text(a, q))
        ),
        None => format!(
            "**{}**\n\n⚠ {}",
            msg!("hover-answer", numbers = list(&ans.numbers)).render(lang),
            msg!("hover-answer-without-question").render(lang)
        ),
    }
}

fn footnote_markdown(a: &Analysis, f: &Footnote, lang: Lang) -> String {
    let mut parts = vec![format!(
        "**{}**",
        msg!("hover-footnote", note = f.number).render(lang)
    )];
    let body = footnote_body(a, f);
    match &f.source {
        Source::Resolved { .. } => {
            if let Some(md) = short_form_markdown(a, f, lang) {
                parts.push(md);
            }
        }
        Source::Placeholder(i) => {
            parts.push(escape(&body));
            let placeholder = a.dossier.citations.get(*i);
            parts.push(match placeholder {
                Some(c) => missing_source(a, c, lang),
                None => format!("⚠ **{}**", msg!("hover-source-missing").render(lang)),
            });
        }
        Source::Unresolved { reason } => {
            parts.push(escape(&body));
            parts.push(format!(
                "⚠ {}",
                escape(&msg!("hover-unresolved", reason = reason.clone()).render(lang))
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
                    parts.push(citation_line(c, lang));
                }
            }
        }
    }
    parts.join("\n\n")
}

/// `Idem, blz. 12 → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12`.
fn short_form_markdown(a: &Analysis, f: &Footnote, lang: Lang) -> Option<String> {
    let Source::Resolved { citation, via } = &f.source else {
        return match &f.source {
            Source::Unresolved { reason } => Some(format!(
                "{}\n\n⚠ {}",
                escape(&short_form_text(a, f)),
                escape(&msg!("hover-unresolved", reason = reason.clone()).render(lang))
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
        let via = msg!("hover-via-footnote", notes = list.join(", ")).render(lang);
        md.push_str(&format!("\n\n_{via}_"));
    }
    if let Some(url) = citation.url() {
        md.push_str(&format!("\n\n[{url}]({url})"));
    }
    Some(md)
}

fn citation_markdown(c: &Citation, lang: Lang) -> String {
    let mut md = format!("**{}**", escape(&c.canonical()));
    if let Some(url) = c.url() {
        md.push_str(&format!("\n\n[{url}]({url})"));
    }
    for slip in &c.slips {
        // Our own message, with `code` meant as such.
        let slip = msg!("hover-slip", slip = slip.message.clone()).render(lang);
        md.push_str(&format!("\n\n{slip}"));
    }
    md
}

fn citation_line(c: &Citation, lang: Lang) -> String {
    let canonical = c.canonical();
    let mut line = match c.url() {
        Some(url) if c.kind == CitationKind::Url || url.trim_end_matches('/') == canonical => {
            format!("→ [{}]({url})", escape(&canonical))
        }
        Some(url) => format!("→ {} · [{}]({url})", escape(&canonical), host(&url)),
        None => format!("→ {}", escape(&canonical)),
    };
    for slip in &c.slips {
        let slip = msg!("hover-slip-short", slip = slip.message.clone()).render(lang);
        line.push_str(&format!(" ({slip})"));
    }
    line
}

/// `zoek.officielebekendmakingen.nl` for a link's label.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    escape(host)
}

fn missing_source(a: &Analysis, c: &Citation, lang: Lang) -> String {
    let written = collapse(&c.written(&a.text)).replace('`', "'");
    format!(
        "⚠ **{}**: {}",
        msg!("hover-source-missing").render(lang),
        msg!("hover-placeholder-here", written = written).render(lang)
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

/// Inside a committee letter's question that this document neither
/// answers nor repeats (not on a marker or a citation): where another
/// document of the workspace takes it up.
fn question_elsewhere(snap: &Snapshot, offset: usize) -> Option<HoverResult> {
    let a = &snap.analysis;
    let d = &a.dossier;
    if d.citation_at(offset).is_some() || d.marker_at(offset).is_some() {
        return None;
    }
    let (_, q) = questions::question_at(a, offset)?;
    if q.kind != QuestionKind::LetterParagraph || q.answer.is_some() || !q.related.is_empty() {
        return None;
    }
    let found = snap
        .workspace
        .taken_up_elsewhere_by_words(&snap.file, d.question_words(q))?;
    let lang = snap.lang;
    let line = snap
        .lines()
        .line(&found.key, found.span.start)
        .map(|n| format!(", {}", msg!("hover-line", line = n).render(lang)))
        .unwrap_or_default();
    let name = file_name(&found.key).replace(['[', ']'], "");
    let state = if found.answered {
        msg!("answered-in")
    } else {
        msg!("taken-up-in")
    };
    let markdown = format!(
        "**{}**\n\n{} [{name}]({}){line}",
        msg!("hover-question", numbers = list(&found.numbers)).render(lang),
        state.render(lang),
        found.key
    );
    Some(HoverResult {
        span: q.span.clone(),
        markdown,
    })
}

/// A line for a hover: the documents of the workspace that the footnote or
/// citation at `offset` cites, as links.
fn in_workspace(snap: &Snapshot, offset: usize) -> Option<String> {
    let d = &snap.analysis.dossier;
    let footnote = d
        .marker_at(offset)
        .and_then(|m| d.note_of(m))
        .or_else(|| footnote_on_number(d, offset));
    let mut ids: Vec<String> = Vec::new();
    let resolved = |f: &Footnote| match &f.source {
        Source::Resolved { citation, .. } => citation.id.clone(),
        _ => None,
    };
    if let Some(f) = footnote {
        ids.extend(
            f.citations
                .iter()
                .filter_map(|&i| d.citations.get(i))
                .filter(|c| c.is_full())
                .filter_map(|c| c.id.clone()),
        );
        ids.extend(resolved(f));
    } else if let Some(c) = d.citation_at(offset) {
        if c.is_full() {
            ids.extend(c.id.clone());
        } else if let Some(f) = d.footnote_at(offset) {
            ids.extend(resolved(f));
        }
    }
    ids.dedup();
    let mut links = Vec::new();
    for id in &ids {
        for (key, _) in snap.workspace.documents_with_id(id) {
            if *key == *snap.file {
                continue;
            }
            links.push(format!(
                "[{}]({key})",
                file_name(key).replace(['[', ']'], "")
            ));
        }
    }
    (!links.is_empty())
        .then(|| msg!("hover-in-workspace", documents = links.join(", ")).render(snap.lang))
}

/// On a quotation whose source is in the workspace (or is this document):
/// the source's passage, its page and document, and how the quotation
/// differs from it.
fn quote(snap: &Snapshot, offset: usize) -> Option<HoverResult> {
    let q = lookup::quote_at(snap, offset)?;
    let lang = snap.lang;
    let place = match *q.file == *snap.file {
        true => msg!("hover-quote-this-document").render(lang),
        false => file_name(&q.file),
    };
    let pages = |p: &Passage| pages_of(p).render(lang);
    let passage = |p: &Passage| {
        let words = first_words(&q.index.text[p.span.clone()], 80);
        format!("> {}", escape(&words))
    };
    let document = q.quoted.document.as_str();
    let title = |p: Option<&Passage>| {
        let source = match p {
            Some(p) => msg!(
                "hover-quote-source",
                document = document,
                pages = pages(p),
                place = &place
            ),
            None => msg!(
                "hover-quote-source-no-page",
                document = document,
                place = &place
            ),
        };
        format!(
            "**{}** {}",
            msg!("hover-quote").render(lang),
            escape(&source.render(lang))
        )
    };
    let md = match &q.found {
        QuoteMatch::Found(p) => {
            let mut md = format!("{}\n\n{}", title(Some(p)), passage(p));
            let pin = q.quoted.pin();
            if pin.as_ref().and_then(|x| p.on_pinned_page(x)) == Some(false) {
                let written = q.quoted.pin.clone().unwrap_or_default().replace('-', "–");
                let warning = msg!("hover-quote-wrong-page", pin = written, pages = pages(p));
                md.push_str(&format!("\n\n⚠ {}", escape(&warning.render(lang))));
            }
            md
        }
        QuoteMatch::Altered(p, changes) => {
            let marked: Vec<String> = changes
                .iter()
                .map(|c| match c {
                    Change::Changed { source, quoted } => {
                        format!("~~{}~~ → **{}**", escape(source), escape(quoted))
                    }
                    Change::Added(a) => format!(
                        "{} **{}**",
                        msg!("hover-quote-added").render(lang),
                        escape(a)
                    ),
                    Change::LeftOut(l) => format!(
                        "{} ~~{}~~",
                        msg!("hover-quote-left-out").render(lang),
                        escape(l)
                    ),
                })
                .collect();
            let marked = match marked.is_empty() {
                true => format!("- {}", msg!("quote-words-differ").render(lang)),
                false => marked
                    .iter()
                    .map(|m| format!("- {m}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            format!(
                "{}\n\n{}\n\n⚠ {}\n\n{marked}",
                title(Some(p)),
                passage(p),
                msg!("hover-quote-differs").render(lang)
            )
        }
        QuoteMatch::NotFound(closest) => {
            let mut md = format!(
                "{}\n\n⚠ {}",
                title(None),
                msg!("hover-quote-not-found").render(lang)
            );
            if let Some(p) = closest {
                md.push_str(&format!(
                    "\n\n{}\n\n{}",
                    escape(&msg!("hover-quote-closest", pages = pages(p)).render(lang)),
                    passage(p)
                ));
            }
            md
        }
    };
    Some(HoverResult {
        span: q.quoted.span.clone(),
        markdown: md,
    })
}

/// On what identifies the document (its footer): what it is, and how
/// often the workspace cites it.
fn identity(snap: &Snapshot, offset: usize) -> Option<HoverResult> {
    let own = snap.analysis.dossier.identity.as_ref()?;
    if !(own.span.start <= offset && offset <= own.span.end) {
        return None;
    }
    let key: &str = &snap.file;
    let places = snap.workspace.citations_of(&own.id);
    let elsewhere = places.iter().filter(|(k, _)| *k != key).count();
    let files: HashSet<&str> = places
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != key)
        .collect();
    let mut markdown = format!("**{}**\n\n`{}`", own.display, own.id);
    let cited = match elsewhere {
        0 => msg!("hover-cited-nowhere"),
        n => msg!("hover-cited-in", count = n, documents = files.len()),
    };
    markdown.push_str("\n\n");
    markdown.push_str(&cited.render(snap.lang));
    Some(HoverResult {
        span: own.span.clone(),
        markdown,
    })
}
