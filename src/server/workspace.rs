//! The server's side of the workspace index (`crate::workspace`): it scans
//! the workspace folders once (off the runtime threads), keeps the open
//! documents' summaries current as they are analysed, and answers what
//! needs other documents: a citation's document (definition), the lints
//! that compare documents, `workspace/symbol`.
//!
//! Keys are `file://` URIs, normalised so that the client's spelling and
//! the scan's agree.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use tower_lsp::lsp_types::request::WorkDoneProgressCreate;
use tower_lsp::lsp_types::{
    InitializeParams, Location, MessageType, NumberOrString, ProgressParams, ProgressParamsValue,
    Range, SymbolInformation, SymbolKind, Url, WorkDoneProgress, WorkDoneProgressBegin,
    WorkDoneProgressCreateParams, WorkDoneProgressEnd, WorkDoneProgressReport,
};
use tower_lsp::Client;

use super::documents::{panic_message, Analysis};
use super::{convert, Shared};
use crate::ide::{self, FileTexts, WorkspaceSymbolKind};
use crate::lints;
use crate::text::{decode, LineIndex, PositionEncoding};
use crate::workspace::{scan_folder, summarize_file, DocumentSummary, ScanLimits, Workspace};
use crate::Span;

/// The index, shared between the runtime and blocking threads. A request
/// takes the current `Arc` ([`current`]) and reads that moment of the
/// index while writers go on: a write copies the index only if a request
/// still holds the one it replaces.
pub type Index = Arc<RwLock<Arc<Workspace>>>;

/// The index key of a document.
pub fn key_of(uri: &Url) -> String {
    if uri.scheme() == "file" {
        if let Ok(path) = uri.to_file_path() {
            if let Ok(u) = Url::from_file_path(&path) {
                return u.to_string();
            }
        }
    }
    uri.to_string()
}

fn key_of_path(path: &Path) -> Option<String> {
    Url::from_file_path(path).ok().map(|u| u.to_string())
}

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

/// The index as it is now; later writes do not change it.
pub fn current(index: &Index) -> Arc<Workspace> {
    index.read().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Runs `f` on the index, writing.
fn write_index<T>(index: &Index, f: impl FnOnce(&mut Workspace) -> T) -> T {
    let mut guard = index.write().unwrap_or_else(|e| e.into_inner());
    f(Arc::make_mut(&mut guard))
}

/// Scans every root into the index (the caller then has the open
/// documents' diagnostics published again). Documents open in the editor
/// keep the editor's text.
pub async fn scan(shared: &Shared, client: &Client, roots: Vec<PathBuf>) {
    let globs: Vec<String> = shared
        .settings()
        .files
        .filter(|f| !f.is_empty())
        .unwrap_or_else(crate::discover::default_globs);
    for root in roots {
        let started = Instant::now();
        let (r, g) = (root.clone(), globs.clone());
        let progress = Progress::begin(shared, client, &root).await;
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
        let job = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| {
                let report = |done: usize, total: usize| {
                    let _ = tx.send((done, total));
                };
                scan_folder(&r, &g, &ScanLimits::default(), &report)
            }))
        });
        if let Some(p) = &progress {
            // Until the scan drops its sender.
            let mut last = 0;
            while let Some((done, total)) = rx.recv().await {
                let percent = (done * 100 / total.max(1)) as u32;
                if percent >= last + 5 {
                    last = percent;
                    p.report(percent, format!("{done} van {total}")).await;
                }
            }
        }
        let scan = job.await;
        if let Some(p) = progress {
            p.end(match &scan {
                Ok(Ok(s)) => format!("{} documenten", s.documents.len()),
                _ => "mislukt".to_owned(),
            })
            .await;
        }
        let scan = match scan {
            Ok(Ok(scan)) => scan,
            Ok(Err(panic)) => {
                let msg = panic_message(&*panic);
                tracing::error!("scan of {} panicked: {msg}", root.display());
                client
                    .log_message(
                        MessageType::ERROR,
                        format!("dossier-lsp: indexing {} failed: {msg}", root.display()),
                    )
                    .await;
                continue;
            }
            Err(_) => return, // stopping
        };
        let open = open_keys(shared);
        let found = scan.documents.len();
        write_index(&shared.workspace, |index| {
            for (path, summary) in scan.documents {
                if let Some(key) = key_of_path(&path) {
                    if !open.contains(&key) {
                        index.insert(&key, summary);
                    }
                }
            }
        });
        for p in &scan.problems {
            tracing::warn!("{}: {}", p.path.display(), p.message);
        }
        let mut message = format!(
            "dossier-lsp: indexed {found} documents under {} in {:.1} s",
            root.display(),
            started.elapsed().as_secs_f64()
        );
        if let Some(p) = scan.problems.first() {
            message.push_str(&format!(
                "; {} left out, e.g. {}: {}",
                scan.problems.len(),
                p.path.display(),
                p.message
            ));
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
            title: "Dossiers indexeren".to_owned(),
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

/// Puts an open document's current analysis in the index and returns the
/// lints that compare it with the other documents. Blocking work.
pub fn update_and_lint(index: &Index, uri: &Url, a: &Analysis) -> Vec<lints::Diagnostic> {
    let key = key_of(uri);
    let name = uri
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or("");
    let summary = DocumentSummary::new(name, &a.text, &a.dossier);
    write_index(index, |index| index.insert(&key, summary));
    lints::workspace_lints(&key, &a.dossier, &a.text, &current(index))
}

/// Files changed on disk (`workspace/didChangeWatchedFiles`): those not
/// open in the editor are read again or dropped. Blocking work.
pub fn files_changed(index: &Index, open: &HashSet<String>, changed: &[(Url, bool)]) -> usize {
    let mut n = 0;
    for (uri, deleted) in changed {
        let key = key_of(uri);
        if open.contains(&key) {
            continue;
        }
        let summary = if *deleted {
            None
        } else {
            uri.to_file_path().ok().and_then(|p| summarize(&p))
        };
        write_index(index, |index| match summary {
            Some(s) => index.insert(&key, s),
            None => {
                index.remove(&key);
            }
        });
        n += 1;
    }
    n
}

/// The open documents' keys.
pub fn open_keys(shared: &Shared) -> HashSet<String> {
    shared
        .store
        .open_documents()
        .iter()
        .map(|(uri, _)| key_of(uri))
        .collect()
}

/// A closed document: the index goes back to the file on disk, if it is in
/// a workspace folder.
pub fn closed(index: &Index, uri: &Url, roots: &[PathBuf]) {
    let key = key_of(uri);
    // Only files of the workspace folders stay; others were in the index
    // only while open.
    let summary = uri
        .to_file_path()
        .ok()
        .filter(|p| roots.iter().any(|r| p.starts_with(r)))
        .and_then(|p| summarize(&p));
    write_index(index, |index| match summary {
        Some(s) => index.insert(&key, s),
        None => {
            index.remove(&key);
        }
    });
}

/// A file's summary, as the folder scan makes it (within its size limit,
/// not for binary files).
fn summarize(path: &Path) -> Option<DocumentSummary> {
    summarize_file(path, &ScanLimits::default()).ok()
}

/// The text of a document: from the editor when open, else from disk.
async fn text_of(shared: &Shared, key: &str) -> Option<Arc<str>> {
    let uri = Url::parse(key).ok()?;
    if let Some(text) = shared.store.text(&uri) {
        return Some(Arc::from(text));
    }
    let path = uri.to_file_path().ok()?;
    tokio::task::spawn_blocking(move || read_file(&path))
        .await
        .ok()
        .flatten()
}

fn read_file(path: &Path) -> Option<Arc<str>> {
    let bytes = std::fs::read(path).ok()?;
    Some(Arc::from(decode(&bytes).text))
}

/// The features read other documents as [`text_of`] does; they run on
/// blocking threads, where reading a file is allowed.
impl FileTexts for Shared {
    fn text(&self, key: &str) -> Option<Arc<str>> {
        let uri = Url::parse(key).ok()?;
        if let Some(text) = self.store.text(&uri) {
            return Some(Arc::from(text));
        }
        read_file(&uri.to_file_path().ok()?)
    }
}

/// Locations of spans in other documents, reading each document once;
/// `None` for a document that cannot be read.
pub async fn locate(
    shared: &Shared,
    places: Vec<(String, Span)>,
    enc: PositionEncoding,
) -> Vec<Option<Location>> {
    let mut texts: HashMap<String, Option<(Arc<str>, LineIndex)>> = HashMap::new();
    let mut out = Vec::new();
    for (key, span) in places {
        if !texts.contains_key(&key) {
            let text = text_of(shared, &key).await.map(|t| {
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
#[allow(deprecated)] // SymbolInformation::deprecated must be spelled out
pub async fn symbols(
    shared: &Shared,
    query: &str,
    enc: PositionEncoding,
) -> Vec<SymbolInformation> {
    let found = ide::workspace_symbols(&current(&shared.workspace), query);
    // Documents themselves need no text: they start at 0:0.
    let cited: Vec<(String, Span)> = found
        .iter()
        .filter(|s| s.kind == WorkspaceSymbolKind::Cited)
        .map(|s| (s.target.file.to_string(), s.target.span.clone()))
        .collect();
    let mut cited_locations = locate(shared, cited, enc).await.into_iter();
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
