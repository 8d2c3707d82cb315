//! Workspace symbols: the documents of the workspace, and the documents
//! only cited in it (at the first place that cites them), whose name or
//! identity matches a query. Needs no document: it reads the index.

use std::sync::Arc;

use super::snapshot::NavigationTarget;
use crate::workspace::Workspace;

/// At most this many answers, the best first.
const MOST: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkspaceSymbolKind {
    /// A document of the workspace (its target is its start).
    Document,
    /// A document only cited (its target is a place that cites it).
    Cited,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub detail: String,
    pub kind: WorkspaceSymbolKind,
    pub target: NavigationTarget,
}

pub fn workspace_symbols(workspace: &Workspace, query: &str) -> Vec<WorkspaceSymbol> {
    let mut hits = workspace.search(query);
    hits.truncate(MOST);
    hits.into_iter()
        .map(|h| WorkspaceSymbol {
            kind: if h.cited {
                WorkspaceSymbolKind::Cited
            } else {
                WorkspaceSymbolKind::Document
            },
            target: NavigationTarget {
                file: Arc::from(h.key),
                span: h.span,
            },
            name: h.name,
            detail: h.detail,
        })
        .collect()
}
