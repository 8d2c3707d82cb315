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
use crate::lints;
use crate::text::{decode, LineIndex, PositionEncoding};
use crate::workspace::{scan_folder, summarize_file, DocumentSummary, ScanLimits, Workspace};
use crate::Span;

/// The index, shared between the runtime and blocking threads.
pub type Index = Arc<RwLock<Workspace>>;

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

fn read_index(index: &Index) -> std::sync::RwLockReadGuard<'_, Workspace> {
    index.read().unwrap_or_else(|e| e.into_inner())
}

/// Runs `f` on the index (read-locked).
pub fn with_index<T>(index: &Index, f: impl FnOnce(&Workspace) -> T) -> T {
    f(&read_index(index))
}

fn write_index(index: &Index) -> std::sync::RwLockWriteGuard<'_, Workspace> {
    index.write().unwrap_or_else(|e| e.into_inner())
}

/// Scans every root into the index, then has the open documents'
/// diagnostics published again. Documents open in the editor keep the
/// editor's text.
pub async fn scan(shared: Arc<Shared>, client: Client, roots: Vec<PathBuf>) {
    let globs: Vec<String> = shared
        .settings()
        .files
        .filter(|f| !f.is_empty())
        .unwrap_or_else(crate::discover::default_globs);
    for root in roots {
        let started = Instant::now();
        let (r, g) = (root.clone(), globs.clone());
        let progress = Progress::begin(&shared, &client, &root).await;
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
        let open = open_keys(&shared);
        let found = scan.documents.len();
        {
            let mut index = write_index(&shared.workspace);
            for (path, summary) in scan.documents {
                if let Some(key) = key_of_path(&path) {
                    if !open.contains(&key) {
                        index.insert(&key, summary);
                    }
                }
            }
        }
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
    for (uri, generation) in shared.store.open_documents() {
        super::diagnostics::schedule(&shared, &client, uri, generation, std::time::Duration::ZERO);
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
    write_index(index).insert(&key, summary);
    lints::workspace_lints(&key, &a.dossier, &a.text, &read_index(index))
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
        let mut index = write_index(index);
        match summary {
            Some(s) => index.insert(&key, s),
            None => {
                index.remove(&key);
            }
        }
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
    let mut index = write_index(index);
    match summary {
        Some(s) => index.insert(&key, s),
        None => {
            index.remove(&key);
        }
    }
}

/// A file's summary, as the folder scan makes it (within its size limit,
/// not for binary files).
fn summarize(path: &Path) -> Option<DocumentSummary> {
    summarize_file(path, &ScanLimits::default()).ok()
}

/// The document a citation at `offset` names, elsewhere in the workspace:
/// its key and the offset of the cited page (or 0).
pub fn cited_target(
    index: &Index,
    uri: &Url,
    a: &Analysis,
    offset: usize,
) -> Option<(String, usize)> {
    let c = a.dossier.citation_at(offset)?;
    if !c.is_full() {
        return None;
    }
    let id = c.id.as_ref()?;
    let own = key_of(uri);
    let index = read_index(index);
    let docs = index.documents_with_id(id);
    let (key, summary) = docs.iter().find(|(k, _)| *k != own)?;
    let page = c
        .page
        .as_deref()
        .and_then(|p| p.split(['-', ',']).next())
        .and_then(|p| p.trim().parse::<u32>().ok());
    let at = page.and_then(|n| summary.page_offset(n)).unwrap_or(0);
    Some((key.to_string(), at))
}

/// Inside a committee letter's question that this document does not take
/// up: the question in another document of the workspace that does.
pub fn taken_up_elsewhere(
    index: &Index,
    uri: &Url,
    a: &Analysis,
    offset: usize,
) -> Option<(String, Span)> {
    if a.dossier.citation_at(offset).is_some() {
        return None;
    }
    let q = super::definition::letter_question_at(a, offset)?;
    if q.answer.is_some() || !q.related.is_empty() {
        return None;
    }
    let found =
        read_index(index).taken_up_elsewhere_by_words(&key_of(uri), a.dossier.question_words(q))?;
    Some((found.key, found.span))
}

/// Inside a committee letter's question that this document neither
/// answers nor repeats (not on a marker or a citation): the question's
/// span here and where another document of the workspace takes it up.
pub fn letter_question_elsewhere(
    index: &Index,
    uri: &Url,
    a: &Analysis,
    offset: usize,
) -> Option<(Span, crate::workspace::TakenUp)> {
    let d = &a.dossier;
    if d.citation_at(offset).is_some() || d.marker_at(offset).is_some() {
        return None;
    }
    let (_, q) = super::questions::question_at(a, offset)?;
    if q.kind != crate::dossier::QuestionKind::LetterParagraph
        || q.answer.is_some()
        || !q.related.is_empty()
    {
        return None;
    }
    let found =
        read_index(index).taken_up_elsewhere_by_words(&key_of(uri), a.dossier.question_words(q))?;
    Some((q.span.clone(), found))
}

/// A file's name for a message, from its index key.
pub fn file_name(key: &str) -> String {
    Url::parse(key)
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| key.to_owned())
}

/// Where a committee letter's question (its text) is taken up in another
/// document of the workspace.
pub fn taken_up_in_workspace(
    index: &Index,
    uri: &Url,
    words: &[u64],
) -> Option<crate::workspace::TakenUp> {
    read_index(index).taken_up_elsewhere_by_words(&key_of(uri), words)
}

/// The id of the document a full citation at `offset` names, or this
/// document's own id when `offset` is on what identifies it (its footer).
pub fn cited_id_at(a: &Analysis, offset: usize) -> Option<String> {
    if let Some(c) = a.dossier.citation_at(offset) {
        return c.is_full().then(|| c.id.clone()).flatten();
    }
    let own = a.dossier.identity.as_ref()?;
    (own.span.start <= offset && offset <= own.span.end).then(|| own.id.clone())
}

/// Every place in the workspace that cites `id`, short forms included; a
/// citation a page break cut is there with each of its parts. The places
/// in the document asked from come from its current analysis `a`: the
/// index gets it only after its diagnostics, a moment after an edit.
pub fn places_citing(index: &Index, uri: &Url, a: &Analysis, id: &str) -> Vec<(String, Span)> {
    let own_key = key_of(uri);
    let own = DocumentSummary::new("", &a.text, &a.dossier);
    let own_places = own
        .cites
        .iter()
        .filter(|c| c.id == id)
        .flat_map(|c| c.spans().iter().map(|s| (own_key.clone(), s.clone())));
    let index = read_index(index);
    let others = index
        .citations_of(id)
        .into_iter()
        .filter(|(key, _)| *key != own_key)
        .flat_map(|(key, place)| place.spans().iter().map(|s| (key.to_string(), s.clone())));
    let mut places: Vec<(String, Span)> = own_places.chain(others).collect();
    places.sort_by(|x, y| (&x.0, x.1.start).cmp(&(&y.0, y.1.start)));
    places
}

/// A line for a hover: the documents of the workspace that the footnote or
/// citation at `offset` cites, as links.
pub fn hover_note(index: &Index, uri: &Url, a: &Analysis, offset: usize) -> Option<String> {
    use crate::dossier::Source;
    let d = &a.dossier;
    let footnote = d
        .marker_at(offset)
        .and_then(|m| {
            m.footnote
                .and_then(|i| d.footnotes.get(i))
                .or_else(|| d.footnote(m.number))
        })
        .or_else(|| super::definition::footnote_on_number(d, offset));
    let mut ids: Vec<String> = Vec::new();
    let resolved = |f: &crate::dossier::Footnote| match &f.source {
        Source::Resolved { citation, .. } => citation.id.clone(),
        _ => None,
    };
    if let Some(f) = footnote {
        ids.extend(
            f.citations
                .iter()
                .filter_map(|&i| d.citations.get(i))
                .filter(|c| c.is_full())
                .filter_map(|c| c.id.clone()),
        );
        ids.extend(resolved(f));
    } else if let Some(c) = d.citation_at(offset) {
        if c.is_full() {
            ids.extend(c.id.clone());
        } else if let Some(f) = d.footnote_at(offset) {
            ids.extend(resolved(f));
        }
    }
    ids.dedup();
    let own = key_of(uri);
    let index = read_index(index);
    let mut links = Vec::new();
    for id in &ids {
        for (key, _) in index.documents_with_id(id) {
            if key == own {
                continue;
            }
            let name = Url::parse(key)
                .ok()
                .and_then(|u| u.to_file_path().ok())
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| key.to_string());
            links.push(format!("[{}]({key})", name.replace(['[', ']'], "")));
        }
    }
    (!links.is_empty()).then(|| format!("In de werkruimte: {}", links.join(", ")))
}

/// Hover on what identifies the document (its footer): what it is, and how
/// often the workspace cites it.
pub fn identity_hover(
    index: &Index,
    uri: &Url,
    a: &Analysis,
    offset: usize,
) -> Option<(Span, String)> {
    let own = a.dossier.identity.as_ref()?;
    if !(own.span.start <= offset && offset <= own.span.end) {
        return None;
    }
    let key = key_of(uri);
    let index = read_index(index);
    let places = index.citations_of(&own.id);
    let elsewhere = places.iter().filter(|(k, _)| *k != key).count();
    let files: HashSet<&str> = places
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != key)
        .collect();
    let mut md = format!("**{}**\n\n`{}`", own.display, own.id);
    md.push_str(&match elsewhere {
        0 => "\n\nNergens anders in de werkruimte aangehaald.".to_owned(),
        n => format!(
            "\n\n{n}× aangehaald in {} {} van de werkruimte (zoek de verwijzingen op voor de plaatsen).",
            files.len(),
            if files.len() == 1 { "ander document" } else { "andere documenten" }
        ),
    });
    Some((own.span.clone(), md))
}

/// The text of a document: from the editor when open, else from disk.
async fn text_of(shared: &Shared, key: &str) -> Option<Arc<str>> {
    let uri = Url::parse(key).ok()?;
    if let Some(text) = shared.store.text(&uri) {
        return Some(Arc::from(text));
    }
    let path = uri.to_file_path().ok()?;
    tokio::task::spawn_blocking(move || {
        let bytes = std::fs::read(path).ok()?;
        Some(Arc::from(decode(&bytes).text))
    })
    .await
    .ok()
    .flatten()
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

/// `workspace/symbol`: documents of the workspace, and documents only
/// cited, matching `query`.
#[allow(deprecated)] // SymbolInformation::deprecated must be spelled out
pub async fn symbols(
    shared: &Shared,
    query: &str,
    enc: PositionEncoding,
) -> Vec<SymbolInformation> {
    let hits = {
        let index = read_index(&shared.workspace);
        let mut hits = index.search(query);
        hits.truncate(500);
        hits
    };
    let places: Vec<(String, Span)> = hits
        .iter()
        .map(|h| (h.key.clone(), h.span.clone()))
        .collect();
    // Documents themselves need no text: they start at 0:0.
    let cited: Vec<(String, Span)> = places
        .iter()
        .zip(&hits)
        .filter(|(_, h)| h.cited)
        .map(|(p, _)| p.clone())
        .collect();
    let mut cited_locations = locate(shared, cited, enc).await.into_iter();
    let mut out = Vec::new();
    for h in hits {
        let location = if h.cited {
            match cited_locations.next().flatten() {
                Some(l) => l,
                None => continue,
            }
        } else {
            let Ok(uri) = Url::parse(&h.key) else {
                continue;
            };
            Location::new(uri, Range::default())
        };
        out.push(SymbolInformation {
            name: h.name,
            kind: if h.cited {
                SymbolKind::KEY
            } else {
                SymbolKind::FILE
            },
            tags: None,
            deprecated: None,
            location,
            container_name: Some(h.detail),
        });
    }
    out
}
