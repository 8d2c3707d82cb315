//! The features, as functions of one [`Snapshot`]: byte offsets in, plain
//! data out (spans, Markdown, edits). No LSP types: `crate::server` turns
//! requests into calls here and the answers into the protocol's types.
//!
//! The modules depend on each other in one direction only:
//! `snapshot` ← `render` ← `lookup` ← `questions` ← the features.

mod definition;
mod hover;
// Shared with the features still in `crate::server` until they move here.
pub(crate) mod lookup;
pub(crate) mod questions;
mod references;
pub(crate) mod render;
mod snapshot;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

pub use definition::definition;
pub use hover::{hover, HoverResult};
pub use references::references;
pub use snapshot::{file_name, Analysis, FileTexts, NavigationTarget, NoFileTexts, Snapshot};
