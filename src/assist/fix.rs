//! The fixes safe to apply without asking, which `check --fix` applies,
//! from the same functions as the server's quick fixes: a citation slip's
//! own fix (a comma, a period, `II` for `ll`) and renumbering every note
//! when the numbering is off, and a quotation's note set to the page its
//! passage stands on. Placeholder sources and definition stubs are guesses
//! and are left out.

use std::sync::Arc;

use super::{conventions, renumber_convention, Edit};
use crate::citation::{Citation, FormatSlip};
use crate::dossier::{Dossier, PassageIndex, PinEdit, QuoteMatch, QuotedPassage};
use crate::Span;

/// The lint code whose findings a citation slip's fix removes.
pub const SLIP_CODE: &str = "citation-format";
/// The lint code whose findings renumbering removes.
pub const RENUMBER_CODE: &str = "footnote-numbering";
/// The lint code whose findings setting a quotation's pin removes.
pub const QUOTE_PIN_CODE: &str = "quote-page-mismatch";

/// A slip with the edit that fixes it.
#[derive(Debug, Clone)]
pub struct SlipFix<'a> {
    pub citation: &'a Citation,
    pub slip: &'a FormatSlip,
    pub edit: Edit,
}

/// The slips whose fix edits only their own citation's text: a slip span
/// outside the citation's parts would edit the wrong text (or what lies
/// between the parts of a citation a page end cut), so it gets no fix.
pub fn slip_fixes<'a>(d: &'a Dossier, text: &str) -> Vec<SlipFix<'a>> {
    let mut out = Vec::new();
    for c in &d.citations {
        for slip in &c.slips {
            let inside = c
                .spans()
                .iter()
                .any(|p| p.start <= slip.span.start && slip.span.end <= p.end);
            if !inside || slip.span.start > slip.span.end || text.get(slip.span.clone()).is_none() {
                tracing::debug!(
                    "slip {:?} outside its citation {:?}; no fix offered",
                    slip.span,
                    c.span
                );
                continue;
            }
            out.push(SlipFix {
                citation: c,
                slip,
                edit: Edit {
                    span: slip.span.clone(),
                    text: slip.fix.clone(),
                },
            });
        }
    }
    out
}

/// One safe fix: the edits, made together, and the code of the findings
/// they remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub code: &'static str,
    /// Where the finding it fixes stands (the whole text for renumbering).
    pub at: Span,
    pub edits: Vec<Edit>,
}

/// Every safe fix of the document: each slip's, then renumbering when the
/// numbering is off. Notes read with doubt ([`Dossier::notes_in_doubt`],
/// as on an OCR page) are not renumbered: a number misread as a marker
/// would be changed in the running text. (The server still offers that
/// renumbering, where the user sees it before it is made.)
pub fn safe_fixes(d: &Dossier, text: &str) -> Vec<Fix> {
    let mut out: Vec<Fix> = slip_fixes(d, text)
        .into_iter()
        .map(|s| Fix {
            code: SLIP_CODE,
            at: s.slip.span.clone(),
            edits: vec![s.edit],
        })
        .collect();
    let mut renumber = Vec::new();
    for convention in conventions(d) {
        if !d.notes_in_doubt(convention) {
            renumber_convention(d, convention, &mut renumber);
        }
    }
    renumber.sort_by_key(|e| e.span.start);
    if !renumber.is_empty() {
        out.push(Fix {
            code: RENUMBER_CODE,
            at: 0..text.len(),
            edits: renumber,
        });
    }
    out
}

/// The fixes of `fixes` that can be made together: in order, each whose
/// edits overlap none taken before it (edits that only touch end to end
/// do not overlap, unless both insert at one place). The rest wait for the
/// next round, on the text these produce.
pub fn non_overlapping(fixes: Vec<Fix>) -> Vec<Fix> {
    let mut taken: Vec<Span> = Vec::new();
    // Two insertions at one place would depend on their order.
    let overlaps = |a: &Span, b: &Span| (a.start < b.end && b.start < a.end) || a == b;
    let mut out = Vec::new();
    for fix in fixes {
        let clash = fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| overlaps(t, &e.span)));
        // A fix's own edits do not overlap each other (renumbering gives
        // one per number).
        if clash {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.span.clone()));
        out.push(fix);
    }
    out
}

/// The note of a quotation set to the page its passage stands on, when the
/// passage is found word for word on a numbered page other than the pin
/// (`Idem, blz. 12` → `Idem, blz. 14`; `Ibidem` → `Ibidem, blz. 14`). A
/// passage found only with changes, or a note that does not itself name
/// the source, gets none: the right page is then a guess.
pub fn quote_pin_fix(q: &QuotedPassage, found: &QuoteMatch) -> Option<Fix> {
    let QuoteMatch::Found(p) = found else {
        return None;
    };
    let (pin, page) = (q.pin()?, p.first_page?);
    if p.on_pinned_page(&pin) != Some(false) {
        return None;
    }
    let edit = match q.pin_edit.as_ref()? {
        PinEdit::Replace(span) => Edit {
            span: span.clone(),
            text: page.to_string(),
        },
        PinEdit::Insert(at) => Edit {
            span: *at..*at,
            text: format!(", blz. {page}"),
        },
    };
    Some(Fix {
        code: QUOTE_PIN_CODE,
        at: q.span.clone(),
        edits: vec![edit],
    })
}

/// The pin fixes of a document's quotations: each looked up in the index
/// `passages` gives for its source's identifier, or in the document
/// itself when it quotes itself (answers quoting the committee's letter).
pub fn quote_pin_fixes(
    d: &Dossier,
    text: &str,
    passages: &dyn Fn(&str) -> Option<Arc<PassageIndex>>,
) -> Vec<Fix> {
    let own = d.identity.as_ref().map(|i| i.id.as_str());
    let mut itself: Option<PassageIndex> = None;
    let mut out = Vec::new();
    for i in 0..d.quotes.len() {
        if d.quotes[i].nested {
            continue;
        }
        let Some(q) = d.quoted_passage(text, i) else {
            continue;
        };
        let found = if own == Some(q.id.as_str()) {
            let index = itself.get_or_insert_with(|| PassageIndex::new(d));
            q.look_up(index, true)
        } else {
            match passages(&q.id) {
                Some(index) => q.look_up(&index, false),
                None => continue,
            }
        };
        out.extend(quote_pin_fix(&q, &found));
    }
    out
}
