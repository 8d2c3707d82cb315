//! The server's side of the workspace index (`crate::workspace`): the
//! workspace folders, their indexing at start (with `$/progress`), and
//! what needs other documents: locations in them, `workspace/symbol`. The
//! index itself is part of the state (`state`), written by its owner
//! (`owner`) alone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::{
    InitializeParams, Location, MessageType, NumberOrString, ProgressParams, ProgressParamsValue,
    Range, SymbolInformation, SymbolKind, Url, WorkDoneProgress, WorkDoneProgressBegin,
    WorkDoneProgressCreateParams, WorkDoneProgressEnd, WorkDoneProgressReport,
};
use tower_lsp::Client;

use super::owner::Message;
use super::state::State;
use super::{convert, Shared};
use crate::i18n::Lang;
use crate::ide::{self, FileTexts, WorkspaceSymbolKind};
use crate::text::{LineIndex, PositionEncoding};
use crate::{msg, Span};

/// The workspace folders a client names (or its root).
#[allow(deprecated)] // root_uri and root_path: older clients send only these
pub fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect();
    if roots.is_empty() {
        if let Some(path) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
            roots.push(path);
        } else if let Some(path) = params.root_path.as_ref() {
            roots.push(PathBuf::from(path));
        }
    }
    roots.sort();
    roots.dedup();
    roots
}

/// Has the owner index every root, one after another, and waits until the
/// published index holds each (the caller then has the open documents'
/// diagnostics published again). Documents open in the editor keep the
/// editor's text.
pub async fn scan(shared: &Shared, client: &Client, roots: Vec<PathBuf>) {
    let globs: Vec<String> = shared.file_globs();
    for root in roots {
        let started = Instant::now();
        let progress = Progress::begin(shared, client, &root).await;
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
        let (done_tx, done) = tokio::sync::oneshot::channel();
        shared.send(Message::Scan {
            root: root.clone(),
            globs: globs.clone(),
            progress: progress.is_some().then_some(tx),
            done: done_tx,
        });
        if let Some(p) = &progress {
            // Until the scan drops its sender.
            let mut last = 0;
            while let Some((done, total)) = rx.recv().await {
                let percent = (done * 100 / total.max(1)) as u32;
                if percent >= last + 5 {
                    last = percent;
                    let shown = msg!("progress-report", done = done, total = total);
                    p.report(percent, shown.render(shared.lang())).await;
                }
            }
        }
        let Ok(scan) = done.await else {
            return; // stopping
        };
        let found = scan.documents;
        if let Some(p) = progress {
            p.end(msg!("progress-end", count = found).render(shared.lang()))
                .await;
        }
        for p in &scan.problems {
            tracing::warn!("{}: {}", p.path.display(), p.message.render(Lang::En));
        }
        let lang = shared.lang();
        let mut seconds = format!("{:.1}", started.elapsed().as_secs_f64());
        if lang == Lang::Nl {
            seconds = seconds.replace('.', ",");
        }
        let indexed = msg!(
            "log-indexed",
            count = found,
            root = root.display().to_string(),
            seconds = seconds
        );
        let mut message = indexed.render(lang);
        if let Some(p) = scan.problems.first() {
            let left_out = msg!(
                "log-left-out",
                count = scan.problems.len(),
                path = p.path.display().to_string(),
                problem = p.message.clone()
            );
            message.push_str("; ");
            message.push_str(&left_out.render(lang));
        }
        tracing::debug!("{message}"); // the client shows the logMessage
        let kind = if scan.problems.is_empty() {
            MessageType::INFO
        } else {
            MessageType::WARNING
        };
        client.log_message(kind, message).await;
    }
}

/// A `$/progress` report for clients that show them.
struct Progress {
    client: Client,
    token: NumberOrString,
}

impl Progress {
    async fn begin(shared: &Shared, client: &Client, root: &Path) -> Option<Progress> {
        if !shared.work_done_progress() {
            return None;
        }
        let token = NumberOrString::String(format!("dossier-lsp-index-{}", root.display()));
        let created = client
            .send_request::<WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                token: token.clone(),
            })
            .await;
        if let Err(e) = created {
            tracing::debug!("no progress reports: {e}");
            return None;
        }
        let p = Progress {
            client: client.clone(),
            token,
        };
        p.send(WorkDoneProgress::Begin(WorkDoneProgressBegin {
            title: msg!("progress-title").render(shared.lang()),
            cancellable: Some(false),
            message: Some(root.display().to_string()),
            percentage: Some(0),
        }))
        .await;
        Some(p)
    }

    async fn report(&self, percentage: u32, message: String) {
        self.send(WorkDoneProgress::Report(WorkDoneProgressReport {
            cancellable: Some(false),
            message: Some(message),
            percentage: Some(percentage.min(100)),
        }))
        .await;
    }

    async fn end(self, message: String) {
        self.send(WorkDoneProgress::End(WorkDoneProgressEnd {
            message: Some(message),
        }))
        .await;
    }

    async fn send(&self, value: WorkDoneProgress) {
        self.client
            .send_notification::<tower_lsp::lsp_types::notification::Progress>(ProgressParams {
                token: self.token.clone(),
                value: ProgressParamsValue::WorkDone(value),
            })
            .await;
    }
}

/// Locations of spans in other documents as `files` has them (a state's:
/// the editor's text when open, else the file's), reading each document
/// once; `None` for a document that cannot be read. Blocking work (it may
/// read files).
pub fn locate(
    files: &dyn FileTexts,
    places: Vec<(String, Span)>,
    enc: PositionEncoding,
) -> Vec<Option<Location>> {
    let mut texts: HashMap<String, Option<(Arc<str>, LineIndex)>> = HashMap::new();
    let mut out = Vec::new();
    for (key, span) in places {
        if !texts.contains_key(&key) {
            let text = files.text(&key).map(|t| {
                let index = LineIndex::new(&t);
                (t, index)
            });
            texts.insert(key.clone(), text);
        }
        let location = match (texts.get(&key), Url::parse(&key)) {
            (Some(Some((text, index))), Ok(uri)) => {
                Some(Location::new(uri, convert::range(text, index, &span, enc)))
            }
            _ => None,
        };
        out.push(location);
    }
    out
}

/// `workspace/symbol`: [`crate::ide::workspace_symbols`] as locations;
/// a cited document's place in a file that cannot be read is left out.
/// Blocking work (it may read files).
#[allow(deprecated)] // SymbolInformation::deprecated must be spelled out
pub fn symbols(state: &State, query: &str, enc: PositionEncoding) -> Vec<SymbolInformation> {
    let found = ide::workspace_symbols(&state.workspace, query);
    // Documents themselves need no text: they start at 0:0.
    let cited: Vec<(String, Span)> = found
        .iter()
        .filter(|s| s.kind == WorkspaceSymbolKind::Cited)
        .map(|s| (s.target.file.to_string(), s.target.span.clone()))
        .collect();
    let mut cited_locations = locate(state, cited, enc).into_iter();
    let mut out = Vec::new();
    for s in found {
        let location = match s.kind {
            WorkspaceSymbolKind::Cited => match cited_locations.next().flatten() {
                Some(l) => l,
                None => continue,
            },
            WorkspaceSymbolKind::Document => {
                let Ok(uri) = Url::parse(&s.target.file) else {
                    continue;
                };
                Location::new(uri, Range::default())
            }
        };
        out.push(SymbolInformation {
            name: s.name,
            kind: match s.kind {
                WorkspaceSymbolKind::Cited => SymbolKind::KEY,
                WorkspaceSymbolKind::Document => SymbolKind::FILE,
            },
            tags: None,
            deprecated: None,
            location,
            container_name: Some(s.detail),
        });
    }
    out
}
