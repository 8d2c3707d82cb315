//! Code actions: quick fixes for slips in how a citation is written
//! (`Kamerstuk 22 112 nr. 2956` → `Kamerstuk 22 112, nr. 2956`), from the
//! fix the citation grammar proposes; renumbering every footnote (a quick
//! fix on `footnote-numbering`, and a source action wherever the numbering
//! is off); `Idem`/`Ibidem` written out in full; a definition stub for a
//! marker without one (on `undefined-footnote`); a placeholder replaced by
//! a source cited elsewhere in the document (on `placeholder-source`); a
//! quotation's note pinned to the page its passage stands on (on
//! `quote-page-mismatch`). The edits come from `crate::assist`.

use super::guard::guarded;
use super::lookup;
use super::snapshot::Snapshot;
use crate::assist::{self, Edit};
use crate::dossier::{QuoteMatch, Source};
use crate::{msg, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    /// For the whole document, wherever the cursor is.
    Source,
    RefactorRewrite,
}

/// The finding an action fixes: its lint code and a span it meets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixes {
    pub code: &'static str,
    pub at: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub kind: ActionKind,
    pub edits: Vec<Edit>,
    /// The edits are one edit of this version of the document (they touch
    /// several places, or text the analysis placed); a slip's fix is a
    /// plain change.
    pub versioned: bool,
    pub preferred: bool,
    pub fixes: Option<Fixes>,
    /// Offered only where a finding it fixes stands.
    pub needs_finding: bool,
}

/// Every action for the text `range` touches: the citation slips first,
/// then renumbering, short forms, definition stubs, placeholders.
pub fn code_actions(snap: &Snapshot, range: Span) -> Vec<Action> {
    let mut out = slips(snap, &range);
    out.extend(guarded("editing actions", Vec::new(), || {
        editing(snap, &range)
    }));
    out.extend(guarded("quotation actions", Vec::new(), || {
        quote_pin(snap, &range)
    }));
    out
}

/// On a quotation whose passage stands on another page than its note's
/// pin: the pin set to that page (`Idem, blz. 12` → `Idem, blz. 14`;
/// `Ibidem` → `Ibidem, blz. 14`).
fn quote_pin(snap: &Snapshot, range: &Span) -> Vec<Action> {
    let Some(q) = lookup::quote_at(snap, range.start) else {
        return Vec::new();
    };
    let Some(fix) = assist::quote_pin_fix(&q.quoted, &q.found) else {
        return Vec::new();
    };
    let QuoteMatch::Found(p) = &q.found else {
        return Vec::new();
    };
    let page = p.first_page.unwrap_or_default();
    vec![Action {
        title: msg!("action-quote-pin", page = page).render(snap.lang),
        kind: ActionKind::QuickFix,
        edits: fix.edits,
        versioned: true,
        preferred: true,
        fixes: Some(Fixes {
            code: fix.code,
            at: fix.at,
        }),
        needs_finding: false,
    }]
}

fn slips(snap: &Snapshot, range: &Span) -> Vec<Action> {
    let a = &snap.analysis;
    let (from, to) = (range.start, range.end);
    assist::slip_fixes(&a.dossier, &a.text)
        .into_iter()
        // The fixes of the citations the range touches (a part of one:
        // not the footnote block between the parts of a cut one).
        .filter(|s| {
            s.citation
                .spans()
                .iter()
                .any(|p| p.start <= to && from <= p.end)
        })
        .map(|s| Action {
            title: msg!("action-fix-slip", slip = s.slip.message.clone()).render(snap.lang),
            kind: ActionKind::QuickFix,
            fixes: Some(Fixes {
                code: assist::SLIP_CODE,
                at: s.edit.span.clone(),
            }),
            edits: vec![s.edit],
            versioned: false,
            preferred: true,
            needs_finding: false,
        })
        .collect()
}

fn editing(snap: &Snapshot, range: &Span) -> Vec<Action> {
    let a = &snap.analysis;
    let d = &a.dossier;
    let meets = |s: &Span| s.start <= range.end && range.start <= s.end;
    let mut out = Vec::new();
    let action = |title: String, kind, edits: Vec<Edit>, preferred, fixes: Option<Fixes>| Action {
        title,
        kind,
        edits,
        versioned: true,
        preferred,
        fixes,
        needs_finding: false,
    };

    // Renumber every footnote.
    let renumber = assist::renumber_footnotes(d);
    if !renumber.is_empty() {
        let title = msg!("action-renumber").render(snap.lang);
        let fixes = Fixes {
            code: assist::RENUMBER_CODE,
            at: range.clone(),
        };
        out.push(Action {
            needs_finding: true,
            ..action(
                title.clone(),
                ActionKind::QuickFix,
                renumber.clone(),
                true,
                Some(fixes),
            )
        });
        out.push(action(title, ActionKind::Source, renumber, false, None));
    }

    // `Idem`/`Ibidem` written out.
    for (i, f) in d.footnotes.iter().enumerate() {
        if !meets(&f.span) {
            continue;
        }
        let Source::Resolved { citation, .. } = &f.source else {
            continue;
        };
        let Some(edit) = assist::expand_short_form(d, i) else {
            continue;
        };
        let written = citation.written(&a.text);
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(action(
            msg!(
                "action-expand-short-form",
                written = written,
                full = edit.text.clone()
            )
            .render(snap.lang),
            ActionKind::RefactorRewrite,
            vec![edit],
            false,
            None,
        ));
    }

    // A definition for a marker without one.
    for (i, m) in d.markers.iter().enumerate() {
        if !meets(&m.span) || m.footnote.is_some() || d.footnote(m.number).is_some() {
            continue;
        }
        let Some(edit) = assist::definition_stub(d, &a.text, i) else {
            continue;
        };
        out.push(action(
            msg!("action-add-footnote", note = m.number).render(snap.lang),
            ActionKind::QuickFix,
            vec![edit],
            true,
            Some(Fixes {
                code: "undefined-footnote",
                at: m.span.clone(),
            }),
        ));
    }

    // A placeholder replaced by a source of the document.
    let candidates = assist::source_candidates(d);
    for f in &d.footnotes {
        let Source::Placeholder(i) = &f.source else {
            continue;
        };
        let Some(placeholder) = d.citations.get(*i) else {
            continue;
        };
        if !meets(&placeholder.span) && !meets(&f.span) {
            continue;
        }
        let period = a
            .text
            .get(placeholder.span.end..)
            .is_some_and(|rest| rest.starts_with('.'));
        for candidate in &candidates {
            let edit = Edit {
                span: placeholder.span.clone(),
                text: if period {
                    candidate.clone()
                } else {
                    format!("{candidate}.")
                },
            };
            out.push(action(
                msg!("action-fill-source", source = candidate).render(snap.lang),
                ActionKind::QuickFix,
                vec![edit],
                false,
                Some(Fixes {
                    code: "placeholder-source",
                    at: placeholder.span.clone(),
                }),
            ));
        }
    }
    out
}
