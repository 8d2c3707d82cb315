//! The features, as functions of one [`Snapshot`]: byte offsets in, plain
//! data out (spans, Markdown, edits). No LSP types: `crate::server` turns
//! requests into calls here and the answers into the protocol's types.
//!
//! The modules depend on each other in one direction only: `snapshot`,
//! `guard` ← `render` ← `lookup` ← `questions` ← the features (no feature
//! imports another). See ARCHITECTURE.md.

mod actions;
mod completion;
mod definition;
mod folding;
mod guard;
mod highlight;
mod hints;
mod hover;
mod lens;
mod links;
mod lookup;
mod questions;
mod references;
mod rename;
mod render;
mod selection;
mod snapshot;
mod symbols;
mod tokens;
mod workspace_symbols;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

pub use actions::{code_actions, Action, ActionKind, Fixes};
pub use completion::completion;
pub use definition::definition;
pub use folding::{folding, Fold, FoldKind};
pub use guard::{guarded, panic_message};
pub use highlight::{highlight, Highlight, HighlightKind};
pub use hints::{inlay_hints, HintKind, InlayHint};
pub use hover::{hover, HoverResult};
pub use lens::{code_lenses, Lens};
pub use links::{links, Link};
pub use references::references;
pub use rename::{prepare_rename, rename};
pub use selection::selection;
pub use snapshot::{file_name, Analysis, FileTexts, NavigationTarget, NoFileTexts, Snapshot};
pub use symbols::{symbols, Symbol, SymbolKind};
pub use tokens::tokens;
pub use workspace_symbols::{workspace_symbols, WorkspaceSymbol, WorkspaceSymbolKind};
