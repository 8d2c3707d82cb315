//! Rename on a footnote number (a marker or a definition's number): the
//! footnote is renumbered everywhere, its definition and every marker
//! (`crate::assist::rename_footnote`). A number already in use is refused,
//! with a message that says so.

use super::lookup::footnote_on_number;
use super::snapshot::{Analysis, Snapshot};
use crate::assist::{self, Edit};
use crate::dossier::NoteConvention;
use crate::{msg, Span};

/// The footnote number at `offset`, the digits written there and the note
/// convention it belongs to (a Markdown label is no number to rename).
fn number_at(a: &Analysis, offset: usize) -> Option<(u32, Span, NoteConvention)> {
    let d = &a.dossier;
    if let Some(m) = d.marker_at(offset).filter(|m| m.label.is_none()) {
        return Some((m.number, m.span.clone(), m.convention));
    }
    footnote_on_number(d, offset)
        .filter(|f| f.label.is_none())
        .map(|f| (f.number, f.number_span.clone(), f.convention))
}

/// Whether note `n` of `convention` is defined.
fn defined(d: &crate::Dossier, convention: NoteConvention, n: u32) -> bool {
    d.footnotes
        .iter()
        .any(|f| f.convention == convention && f.number == n)
}

/// The digits to rename and the number they stand for, if a footnote with
/// that number exists.
pub fn prepare_rename(snap: &Snapshot, offset: usize) -> Option<(Span, String)> {
    let a = &snap.analysis;
    let (number, span, convention) = number_at(a, offset)?;
    defined(&a.dossier, convention, number).then_some(())?;
    Some((span, number.to_string()))
}

/// The edits that renumber the footnote at `offset` to `new_name` (none
/// when it keeps its number), or why it cannot be done.
pub fn rename(snap: &Snapshot, offset: usize, new_name: &str) -> Result<Vec<Edit>, String> {
    let a = &snap.analysis;
    let Some((from, _, convention)) = number_at(a, offset) else {
        return Err(msg!("rename-not-a-note").render(snap.lang));
    };
    let to: u32 = match new_name.trim().parse() {
        Ok(n) if n > 0 => n,
        _ => return Err(msg!("rename-not-a-number", name = new_name).render(snap.lang)),
    };
    let d = &a.dossier;
    if !defined(d, convention, from) {
        return Err(msg!("rename-note-missing", note = from).render(snap.lang));
    }
    if to == from {
        return Ok(Vec::new());
    }
    assist::rename_footnote(d, convention, from, to)
        .ok_or_else(|| msg!("rename-note-exists", note = to).render(snap.lang))
}
