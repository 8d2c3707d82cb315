//! dossier-lsp: analysis of Dutch parliamentary dossier texts.
//!
//! Data flows one way: text → [`layout`] → [`dossier`] (footnotes, citations,
//! questions) → [`lints`]. The [`server`] and the `check` command sit on top;
//! nothing below `server` knows about LSP.

pub mod assist;
pub mod check;
pub mod citation;
pub mod discover;
pub mod dossier;
pub mod i18n;
pub mod ide;
pub mod inspect;
pub mod layout;
pub mod lints;
pub mod project;
pub mod server;
pub mod text;
pub mod workspace;

/// A byte range into the analysed text.
pub type Span = std::ops::Range<usize>;

pub use dossier::Dossier;
