//! The features, as functions of one [`Snapshot`]: byte offsets in, plain
//! data out (spans, Markdown, edits). No LSP types: `crate::server` turns
//! requests into calls here and the answers into the protocol's types.
//!
//! The modules depend on each other in one direction only:
//! `snapshot` ← `render` ← `lookup` ← `questions` ← the features.

mod definition;
mod folding;
mod highlight;
mod hover;
mod links;
// Shared with the features still in `crate::server` until they move here.
pub(crate) mod lookup;
pub(crate) mod questions;
mod references;
pub(crate) mod render;
mod selection;
mod snapshot;
mod symbols;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

pub use definition::definition;
pub use folding::{folding, Fold, FoldKind};
pub use highlight::{highlight, Highlight, HighlightKind};
pub use hover::{hover, HoverResult};
pub use links::{links, Link};
pub use references::references;
pub use selection::selection;
pub use snapshot::{file_name, Analysis, FileTexts, NavigationTarget, NoFileTexts, Snapshot};
pub use symbols::{symbols, Symbol, SymbolKind};
