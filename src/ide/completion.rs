//! Completion (after a space): after `zie noot ` the footnote numbers with
//! their text; after `Kamerstuk ` / `Kamerstukken II ` the documents of the
//! workspace and those the document cites, in the document's own style;
//! after `Vraag ` the next question number. `crate::assist::completions`
//! finds the candidates.

use super::guard::guarded;
use super::snapshot::Snapshot;
use crate::assist::{completions, Completion};
use crate::msg;

/// In the order to show them, each with a detail.
pub fn completion(snap: &Snapshot, offset: usize) -> Vec<Completion> {
    let a = &snap.analysis;
    let mut found = guarded("completion", Vec::new(), || {
        completions(&a.dossier, &a.text, offset, Some(&snap.workspace))
    });
    for c in &mut found {
        if c.detail.is_none() {
            c.detail = Some(msg!("completion-cited-here").render(snap.lang));
        }
    }
    found
}
