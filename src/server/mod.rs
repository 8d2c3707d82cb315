//! The language server: a thin layer over the analysis.
//!
//! One module per capability group; LSP types stay inside `server`. The
//! features themselves live in `crate::ide` (a module named `ide::…` below):
//! a handler takes one [`ide::Snapshot`], calls the feature and converts.
//!
//! | capability | module | what it answers |
//! |---|---|---|
//! | `positionEncoding` | `convert` | utf-8 when the client offers it, else utf-16 |
//! | incremental text sync | `documents` | a rope per document; versions applied in order |
//! | `publishDiagnostics` | `diagnostics` | the lints, debounced, with the user's lint levels; after an edit the other open documents' workspace lints again (debounced) |
//! | `definition` | `ide::definition` | marker → footnote; short form → the footnote with the full citation; `zie noot N` → N; any part of a question → its answer heading; answer heading → question; `zie vraag 5` → `Vraag 5`, `antwoord op vraag 4` → answer 4; a committee's question → where it is answered (here or in another file); footnote number → its first marker; a citation → the cited file (and page) in the workspace |
//! | `references` | `ide::references` | a footnote's markers (and definition); a question (any part), an answer's heading or `zie vraag N` → the letter's paragraphs, the repeat, the answer, the references; a citation or the document's footer → every place in the workspace that cites that document |
//! | `hover` | `ide::hover` | a footnote with short forms resolved; a citation's canonical form and address; any part of a question → where its answer stands and its first lines, markers resolved; an answer's heading → its question |
//! | `codeLens` | `ide::lens` | above each question where it is answered (committee letters also in other files), above each answer its question's first words |
//! | `documentSymbol` | `ide::symbols` | letters ⊃ questions, answers, footnotes, nested by position |
//! | `documentLink` | `ide::links` | citations → their official address |
//! | `codeAction` | `ide::actions` | quick fixes for citation slips; renumber all footnotes (quick fix on `footnote-numbering`, `source` action); `Idem`/`Ibidem` written out (`refactor.rewrite`); a definition stub (on `undefined-footnote`); a placeholder replaced by a source of the document (on `placeholder-source`) |
//! | workspace | `workspace` | folders indexed at start (with `$/progress`), files watched, open documents fed in; lints across documents; `workspace/symbol` |
//! | `foldingRange` | `ide::folding` | letters, questions, answers; footnote blocks as comments |
//! | `selectionRange` | `ide::selection` | citation or marker → footnote → footnote block → question/answer → letter → page |
//! | `semanticTokens` full, range | `ide::tokens`, `tokens` | markers, footnote numbers, citations, short forms, placeholders, headings, footers, colophon in standard types; split per line unless the client takes multiline tokens |
//! | `completion` (trigger: space) | `ide::completion` | after `zie noot ` footnote numbers; after `Kamerstuk(ken II) ` documents of the workspace and cited ones, in the document's style; after `Vraag ` the next number |
//! | `documentHighlight` | `ide::highlight` | a marker or footnote number: the definition and every marker of that footnote; a citation: every citation of the same document, in all its parts; a question: the places that concern it |
//! | `prepareRename`, `rename` | `ide::rename` | a footnote number renumbered everywhere (one versioned edit); a number in use is refused with an error |
//! | `inlayHint` | `ide::hints` | after `Idem`/`Ibidem`/`zie noot N` the resolved citation; after markers their footnote's first words (setting `inlayHints.markers`) |
//! | settings | `settings` | `{ "lints": { code: severity or "off" }, "inlayHints": { "markers": bool } }` from `initializationOptions`, `workspace/configuration` (section `dossier`) and `didChangeConfiguration` |
//!
//! Server rules (see ARCHITECTURE.md): text synchronisation edits the
//! document store (`documents`) before its first `.await`; requests read an immutable
//! analysis computed in `spawn_blocking`; panics in the analysis or in a
//! request are caught and logged. `shutdown` then `exit` ends with status
//! 0, anything else with 1; `exit` ends the session even while the client
//! keeps the pipe open (`transport`).

mod actions;
mod completion;
mod convert;
mod diagnostics;
mod documents;
mod folding;
mod highlight;
mod hints;
mod lens;
mod links;
mod rename;
mod selection;
mod settings;
mod symbols;
mod tokens;
mod transport;
mod workspace;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp::jsonrpc::{self, ErrorCode};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

use crate::dossier::Dossier;
use crate::ide;
use crate::lints;
use crate::text::PositionEncoding;
use documents::{Change, Store};
use settings::Settings;

/// The analysis the server runs on each version of a document.
pub type Analyzer = Arc<dyn Fn(&str) -> (Dossier, Vec<lints::Diagnostic>) + Send + Sync>;

/// How the server runs; [`Options::default`] is what `dossier-lsp` uses.
#[derive(Clone)]
pub struct Options {
    /// Replaceable for tests (for instance one that panics).
    pub analyzer: Analyzer,
    /// Quiet time after an edit before diagnostics are computed.
    pub debounce: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            analyzer: Arc::new(|text: &str| {
                let dossier = Dossier::analyze(text);
                let mut diagnostics = lints::lint(&dossier, text);
                // The editor read a file that was not UTF-8: say so once.
                if let Some(d) = lints::replacement_characters(text) {
                    diagnostics.push(d);
                    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.code));
                }
                (dossier, diagnostics)
            }),
            debounce: Duration::from_millis(200),
        }
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The client asked for `shutdown` before the input ended.
    pub shutdown: bool,
}

impl Outcome {
    /// 0 after `shutdown` then `exit`, 1 otherwise (as LSP asks).
    pub fn exit_code(self) -> ExitCode {
        if self.shutdown {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

pub(crate) struct Shared {
    pub options: Options,
    pub store: Store,
    utf8: AtomicBool,
    shutdown: AtomicBool,
    settings: RwLock<Settings>,
    /// The client answers `workspace/configuration`.
    pull_configuration: AtomicBool,
    /// Every dossier of the workspace folders, and the open documents.
    pub workspace: workspace::Index,
    /// The workspace folders, from `initialize`.
    roots: Mutex<Vec<PathBuf>>,
    /// `exit` has been read: nothing more is sent.
    pub exited: Arc<AtomicBool>,
    /// The client registers file watchers for us.
    watch_files: AtomicBool,
    /// The client shows `$/progress` reports.
    progress: AtomicBool,
    /// The client asks for inlay hints again when told to.
    refresh_inlay_hints: AtomicBool,
    /// The client takes semantic tokens that cross a line break.
    multiline_tokens: AtomicBool,
    /// Bumped by each edit's request to re-lint the other open documents
    /// (`diagnostics::schedule_edit`): only the last one runs.
    pub others_epoch: std::sync::atomic::AtomicU64,
}

impl Shared {
    pub fn work_done_progress(&self) -> bool {
        self.progress.load(Ordering::Relaxed)
    }

    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn encoding(&self) -> PositionEncoding {
        if self.utf8.load(Ordering::Relaxed) {
            PositionEncoding::Utf8
        } else {
            PositionEncoding::Utf16
        }
    }
}

struct Backend {
    client: Client,
    shared: Arc<Shared>,
}

/// Serves LSP on stdin/stdout until `exit` (or the end of the input).
pub fn run_stdio() -> ExitCode {
    init_logging();
    limit_malloc_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!("cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let outcome = runtime.block_on(serve(
        tokio::io::stdin(),
        tokio::io::stdout(),
        Options::default(),
    ));
    // A blocking read of stdin cannot be cancelled; do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    tracing::info!("stopped (shutdown requested: {})", outcome.shutdown);
    outcome.exit_code()
}

/// glibc gives every thread that allocates its own arena (up to eight per
/// core) and keeps what is freed in it; the analyses run on tokio's blocking
/// threads, so over an hour of typing the resident size crept up with the
/// threads that ever ran one (the soak in BENCHMARKS.md: 106–120 MB by
/// default, flat at 54–58 MB with one arena). Two arenas serve two workers.
/// An explicit `MALLOC_ARENA_MAX` in the environment still wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    // SAFETY: called before the runtime starts any thread; mallopt only sets
    // an allocator parameter.
    let ok = unsafe { libc::mallopt(libc::M_ARENA_MAX, 2) };
    if ok != 1 {
        tracing::warn!("mallopt(M_ARENA_MAX) refused; memory may creep with thread count");
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

/// Serves one LSP session over `input`/`output` until `exit` or the end of
/// the input. Must run inside a multi-threaded tokio runtime.
pub async fn serve<I, O>(input: I, output: O, options: Options) -> Outcome
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let shared = Arc::new(Shared {
        options,
        store: Store::default(),
        utf8: AtomicBool::new(false),
        shutdown: AtomicBool::new(false),
        settings: RwLock::default(),
        pull_configuration: AtomicBool::new(false),
        workspace: workspace::Index::default(),
        roots: Mutex::default(),
        exited: Arc::default(),
        watch_files: AtomicBool::new(false),
        progress: AtomicBool::new(false),
        refresh_inlay_hints: AtomicBool::new(false),
        multiline_tokens: AtomicBool::new(false),
        others_epoch: Default::default(),
    });
    let state = shared.clone();
    let (service, socket) = LspService::new(move |client| Backend { client, shared });
    let shutdown_read = Arc::new(AtomicBool::new(false));
    let input = transport::ExitWatch::new(input, shutdown_read.clone(), state.exited.clone());
    Server::new(input, output, socket).serve(service).await;
    Outcome {
        shutdown: state.shutdown.load(Ordering::SeqCst) || shutdown_read.load(Ordering::SeqCst),
    }
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LSP_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init();
}

impl Backend {
    /// `window/logMessage`, unless the session is ending.
    async fn log(&self, typ: MessageType, message: impl std::fmt::Display) {
        if !self.shared.exited.load(Ordering::SeqCst) {
            self.client.log_message(typ, message).await;
        }
    }

    /// Takes settings from `value` if it holds any; true if they changed.
    async fn take_settings(&self, value: &serde_json::Value, from: &str) -> bool {
        let Some((new, problems)) = Settings::from_json(value) else {
            return false;
        };
        for p in &problems {
            tracing::debug!("settings ({from}): {p}");
            self.log(MessageType::WARNING, format!("dossier-lsp settings: {p}"))
                .await;
        }
        let mut current = self
            .shared
            .settings
            .write()
            .unwrap_or_else(|e| e.into_inner());
        let changed = *current != new;
        if changed {
            tracing::info!("settings from {from}: {new:?}");
        }
        *current = new;
        changed
    }

    /// Asks the client for section `dossier`, if it answers such requests.
    async fn pull_settings(&self) -> bool {
        if !self.shared.pull_configuration.load(Ordering::Relaxed) {
            return false;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("dossier".to_owned()),
        };
        // A client that never answers must not hold a request slot.
        let asked = tokio::time::timeout(
            Duration::from_secs(10),
            self.client.configuration(vec![item]),
        );
        match asked
            .await
            .unwrap_or_else(|_| Err(jsonrpc::Error::request_cancelled()))
        {
            Ok(values) => match values.first() {
                Some(v) => self.take_settings(v, "workspace/configuration").await,
                None => false,
            },
            Err(e) => {
                tracing::debug!("workspace/configuration: {e}");
                false
            }
        }
    }

    /// Asks the client to report dossiers changed outside the editor.
    fn watch_files(&self) {
        let globs = self
            .shared
            .settings()
            .files
            .filter(|f| !f.is_empty())
            .unwrap_or_else(crate::discover::default_globs);
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: globs
                .into_iter()
                .map(|g| FileSystemWatcher {
                    glob_pattern: GlobPattern::String(g),
                    kind: None,
                })
                .collect(),
        };
        let registration = Registration {
            id: "dossier-lsp-files".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        let client = self.client.clone();
        tokio::spawn(async move {
            if let Err(e) = client.register_capability(vec![registration]).await {
                tracing::debug!("file watchers not registered: {e}");
            }
        });
    }

    /// Publishes the diagnostics of every open document again (after a
    /// settings change), and has the client ask for inlay hints again.
    fn republish(&self) {
        if self.shared.refresh_inlay_hints.load(Ordering::Relaxed)
            && !self.shared.exited.load(Ordering::SeqCst)
        {
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(e) = client.inlay_hint_refresh().await {
                    tracing::debug!("inlay hint refresh: {e}");
                }
            });
        }
        for (uri, generation) in self.shared.store.open_documents() {
            diagnostics::schedule(&self.shared, &self.client, uri, generation, Duration::ZERO);
        }
    }

    /// One moment of `uri`: its current analysis and the workspace index as
    /// they are now. Unknown documents and failed analyses give nothing.
    async fn snapshot(&self, uri: &Url, what: &'static str) -> Option<ide::Snapshot> {
        let Some(document) = self.shared.store.current(uri) else {
            tracing::debug!("{what}: {uri} is not open");
            return None;
        };
        let analysis = match document.analysis(&self.shared.options.analyzer).await {
            Ok(a) => a,
            Err(e) => {
                tracing::debug!("{what}: no analysis of {uri}: {e}");
                return None;
            }
        };
        Some(ide::Snapshot::new(
            workspace::key_of(uri),
            analysis,
            workspace::current(&self.shared.workspace),
            self.shared.clone(),
        ))
    }

    /// Runs a feature on `snap` on a blocking thread (it may read another
    /// document from disk); a panic in it answers an error.
    async fn run<T: Send + 'static>(
        &self,
        uri: &Url,
        what: &'static str,
        snap: ide::Snapshot,
        f: impl FnOnce(&ide::Snapshot, PositionEncoding) -> Option<T> + Send + 'static,
    ) -> jsonrpc::Result<Option<T>> {
        let enc = self.shared.encoding();
        let job =
            tokio::task::spawn_blocking(move || catch_unwind(AssertUnwindSafe(|| f(&snap, enc))));
        match job.await {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(panic)) => {
                let msg = documents::panic_message(&*panic);
                Err(self.failed(uri, what, msg).await)
            }
            Err(_) => Ok(None), // the runtime is stopping
        }
    }

    async fn failed(&self, uri: &Url, what: &'static str, msg: String) -> jsonrpc::Error {
        tracing::error!("{what} on {uri} panicked: {msg}");
        self.log(
            MessageType::ERROR,
            format!("dossier-lsp: {what} failed: {msg}"),
        )
        .await;
        jsonrpc::Error {
            code: ErrorCode::InternalError,
            message: format!("{what} failed: {msg}").into(),
            data: None,
        }
    }

    /// The features' targets as locations, in their order: in the document
    /// asked from by its snapshot (and the client's spelling of its URI),
    /// in others by their text now; a target in a document that cannot be
    /// read is `None`.
    async fn locations(
        &self,
        uri: &Url,
        snap: &ide::Snapshot,
        targets: Vec<ide::NavigationTarget>,
    ) -> Vec<Option<Location>> {
        let enc = self.shared.encoding();
        let a = &snap.analysis;
        let elsewhere: Vec<(String, crate::Span)> = targets
            .iter()
            .filter(|t| t.file != snap.file)
            .map(|t| (t.file.to_string(), t.span.clone()))
            .collect();
        let mut located = workspace::locate(&self.shared, elsewhere, enc)
            .await
            .into_iter();
        targets
            .into_iter()
            .map(|t| {
                if t.file == snap.file {
                    let range = convert::range(&a.text, &a.line_index, &t.span, enc);
                    Some(Location::new(uri.clone(), range))
                } else {
                    located.next().flatten()
                }
            })
            .collect()
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let enc = convert::negotiate(&params.capabilities);
        let pull = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false);
        self.shared
            .pull_configuration
            .store(pull, Ordering::Relaxed);
        if let Some(options) = &params.initialization_options {
            self.take_settings(options, "initializationOptions").await;
        }
        *self.shared.roots.lock().unwrap_or_else(|e| e.into_inner()) = workspace::roots(&params);
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.shared.watch_files.store(watch, Ordering::Relaxed);
        let progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        self.shared.progress.store(progress, Ordering::Relaxed);
        let refresh = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|h| h.refresh_support)
            .unwrap_or(false);
        self.shared
            .refresh_inlay_hints
            .store(refresh, Ordering::Relaxed);
        let multiline = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.semantic_tokens.as_ref())
            .and_then(|t| t.multiline_token_support)
            .unwrap_or(false);
        self.shared
            .multiline_tokens
            .store(multiline, Ordering::Relaxed);
        self.shared
            .utf8
            .store(enc == PositionEncoding::Utf8, Ordering::Relaxed);
        tracing::info!(
            "initialize from {}; positions in {}",
            params
                .client_info
                .as_ref()
                .map(|c| c.name.as_str())
                .unwrap_or("an unnamed client"),
            convert::encoding_name(enc)
        );
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(enc)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::SOURCE,
                            CodeActionKind::REFACTOR_REWRITE,
                        ]),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".to_owned()]),
                    resolve_provider: Some(false),
                    ..Default::default()
                }),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: tokens::legend(),
                            range: Some(true),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            ..Default::default()
                        },
                    ),
                ),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: Default::default(),
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "dossier-lsp".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.pull_settings().await {
            self.republish();
        }
        // Index the workspace folders in the background (with the settings'
        // `files` globs, now known).
        let roots = self
            .shared
            .roots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if !roots.is_empty() {
            let (shared, client) = (self.shared.clone(), self.client.clone());
            tokio::spawn(async move {
                workspace::scan(&shared, &client, roots).await;
                // The workspace lints of the open documents, with the index.
                for (uri, generation) in shared.store.open_documents() {
                    diagnostics::schedule(&shared, &client, uri, generation, Duration::ZERO);
                }
            });
            if self.shared.watch_files.load(Ordering::Relaxed) {
                self.watch_files();
            }
        }
        let enc = convert::encoding_name(self.shared.encoding());
        self.log(
            MessageType::INFO,
            format!(
                "dossier-lsp {} ready (positions in {enc})",
                env!("CARGO_PKG_VERSION")
            ),
        )
        .await;
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        tracing::info!("shutdown requested");
        self.shared.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        // Any languageId: Neovim says `text`, VS Code `plaintext`.
        tracing::debug!(
            "open {} ({}, version {})",
            doc.uri,
            doc.language_id,
            doc.version
        );
        let generation = self
            .shared
            .store
            .open(doc.uri.clone(), doc.version, &doc.text);
        diagnostics::schedule_edit(
            &self.shared,
            &self.client,
            doc.uri,
            generation,
            Duration::ZERO,
        );
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let enc = self.shared.encoding();
        let changes = params.content_changes;
        let applied = catch_unwind(AssertUnwindSafe(|| {
            self.shared.store.change(&uri, version, changes, enc)
        }));
        let change = match applied {
            Ok(change) => change,
            Err(panic) => {
                let msg = documents::panic_message(&*panic);
                tracing::error!("change {version} of {uri} could not be applied: {msg}");
                self.log(
                        MessageType::ERROR,
                        format!("dossier-lsp: an edit could not be applied ({msg}); close and reopen the document"),
                    )
                    .await;
                return;
            }
        };
        match change {
            Change::Applied {
                generation,
                increasing,
            } => {
                if !increasing {
                    tracing::warn!("version {version} of {uri} does not increase; applied as sent");
                }
                diagnostics::schedule_edit(
                    &self.shared,
                    &self.client,
                    uri,
                    generation,
                    self.shared.options.debounce,
                );
            }
            Change::Unknown => tracing::warn!("change to {uri}, which is not open"),
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let changed = match Settings::from_json(&params.settings) {
            Some(_) => {
                self.take_settings(&params.settings, "didChangeConfiguration")
                    .await
            }
            // Only a nudge: ask for the settings.
            None => self.pull_settings().await,
        };
        if changed {
            self.republish();
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let changed: Vec<(Url, bool)> = params
            .changes
            .into_iter()
            .map(|c| (c.uri, c.typ == FileChangeType::DELETED))
            .collect();
        let open = workspace::open_keys(&self.shared);
        let index = self.shared.workspace.clone();
        let job = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| {
                workspace::files_changed(&index, &open, &changed)
            }))
        });
        match job.await {
            Ok(Ok(n)) if n > 0 => {
                tracing::debug!("{n} changed files re-indexed");
                self.republish();
            }
            Ok(Ok(_)) => {}
            Ok(Err(panic)) => tracing::error!(
                "re-indexing changed files panicked: {}",
                documents::panic_message(&*panic)
            ),
            Err(_) => {}
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.shared.store.close(&uri) {
            // The index goes back to the file on disk.
            let (index, u) = (self.shared.workspace.clone(), uri.clone());
            let roots = self
                .shared
                .roots
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone();
            tokio::task::spawn_blocking(move || {
                if let Err(panic) =
                    catch_unwind(AssertUnwindSafe(|| workspace::closed(&index, &u, &roots)))
                {
                    tracing::error!(
                        "re-indexing {u} panicked: {}",
                        documents::panic_message(&*panic)
                    );
                }
            });
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "definition").await else {
            return Ok(None);
        };
        let targets = self
            .run(&uri, "definition", snap.clone(), move |snap, enc| {
                let offset =
                    convert::offset(snap.text(), &snap.analysis.line_index, p.position, enc);
                Some(ide::definition(snap, offset))
            })
            .await?
            .unwrap_or_default();
        let found = self.locations(&uri, &snap, targets).await;
        Ok(found
            .into_iter()
            .flatten()
            .next()
            .map(GotoDefinitionResponse::Scalar))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> jsonrpc::Result<Option<Vec<SymbolInformation>>> {
        let enc = self.shared.encoding();
        Ok(Some(
            workspace::symbols(&self.shared, &params.query, enc).await,
        ))
    }

    async fn references(&self, params: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let include = params.context.include_declaration;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "references").await else {
            return Ok(None);
        };
        let targets = self
            .run(&uri, "references", snap.clone(), move |snap, enc| {
                let offset =
                    convert::offset(snap.text(), &snap.analysis.line_index, p.position, enc);
                ide::references(snap, offset, include)
            })
            .await?;
        let Some(targets) = targets else {
            return Ok(None);
        };
        let found = self.locations(&uri, &snap, targets).await;
        Ok(Some(found.into_iter().flatten().collect()))
    }

    async fn code_action(
        &self,
        params: CodeActionParams,
    ) -> jsonrpc::Result<Option<CodeActionResponse>> {
        let (uri, range, context) = (params.text_document.uri, params.range, params.context);
        let Some(snap) = self.snapshot(&uri, "codeAction").await else {
            return Ok(None);
        };
        let u = uri.clone();
        self.run(&uri, "codeAction", snap, move |snap, enc| {
            let a = &snap.analysis;
            let span = convert::span(&a.text, &a.line_index, range, enc);
            let found = ide::code_actions(snap, span);
            Some(actions::to_lsp(a, &u, found, &context, enc))
        })
        .await
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> jsonrpc::Result<Option<Vec<FoldingRange>>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "foldingRange").await else {
            return Ok(None);
        };
        self.run(&uri, "foldingRange", snap, |snap, _| {
            Some(folding::to_lsp(ide::folding(snap)))
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "hover").await else {
            return Ok(None);
        };
        self.run(&uri, "hover", snap, move |snap, enc| {
            let (text, index) = (snap.text(), &snap.analysis.line_index);
            let found = ide::hover(snap, convert::offset(text, index, p.position, enc))?;
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: found.markdown,
                }),
                range: Some(convert::range(text, index, &found.span, enc)),
            })
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
        let markers = self.shared.settings().marker_hints;
        let (uri, range) = (params.text_document.uri, params.range);
        let Some(snap) = self.snapshot(&uri, "inlayHint").await else {
            return Ok(None);
        };
        self.run(&uri, "inlayHint", snap, move |snap, enc| {
            let a = &snap.analysis;
            let span = convert::span(&a.text, &a.line_index, range, enc);
            Some(hints::to_lsp(a, ide::inlay_hints(snap, span, markers), enc))
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> jsonrpc::Result<Option<SemanticTokensResult>> {
        let multiline = self.shared.multiline_tokens.load(Ordering::Relaxed);
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "semanticTokens").await else {
            return Ok(None);
        };
        self.run(&uri, "semanticTokens", snap, move |snap, enc| {
            let found = ide::tokens(snap, None);
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data: tokens::to_lsp(&snap.analysis, found, multiline, enc),
            }))
        })
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> jsonrpc::Result<Option<SemanticTokensRangeResult>> {
        let multiline = self.shared.multiline_tokens.load(Ordering::Relaxed);
        let (uri, range) = (params.text_document.uri, params.range);
        let Some(snap) = self.snapshot(&uri, "semanticTokens").await else {
            return Ok(None);
        };
        self.run(&uri, "semanticTokens", snap, move |snap, enc| {
            let a = &snap.analysis;
            let span = convert::span(&a.text, &a.line_index, range, enc);
            let found = ide::tokens(snap, Some(span));
            Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
                result_id: None,
                data: tokens::to_lsp(a, found, multiline, enc),
            }))
        })
        .await
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> jsonrpc::Result<Option<Vec<SelectionRange>>> {
        let uri = params.text_document.uri;
        let positions = params.positions;
        let Some(snap) = self.snapshot(&uri, "selectionRange").await else {
            return Ok(None);
        };
        self.run(&uri, "selectionRange", snap, move |snap, enc| {
            Some(selection::selection_ranges(snap, &positions, enc))
        })
        .await
    }

    async fn completion(
        &self,
        params: CompletionParams,
    ) -> jsonrpc::Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "completion").await else {
            return Ok(None);
        };
        self.run(&uri, "completion", snap, move |snap, enc| {
            let a = &snap.analysis;
            let offset = convert::offset(&a.text, &a.line_index, p.position, enc);
            let items = completion::to_lsp(a, ide::completion(snap, offset), enc);
            Some(CompletionResponse::Array(items))
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> jsonrpc::Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "documentHighlight").await else {
            return Ok(None);
        };
        self.run(&uri, "documentHighlight", snap, move |snap, enc| {
            let a = &snap.analysis;
            let offset = convert::offset(&a.text, &a.line_index, p.position, enc);
            let found = ide::highlight(snap, offset)?;
            Some(highlight::to_lsp(a, found, enc))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
        let (uri, position) = (params.text_document.uri, params.position);
        let Some(snap) = self.snapshot(&uri, "prepareRename").await else {
            return Ok(None);
        };
        self.run(&uri, "prepareRename", snap, move |snap, enc| {
            let a = &snap.analysis;
            let offset = convert::offset(&a.text, &a.line_index, position, enc);
            rename::prepare(snap, offset, enc)
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> jsonrpc::Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let new_name = params.new_name;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "rename").await else {
            return Ok(None);
        };
        let u = uri.clone();
        let answer = self
            .run(&uri, "rename", snap, move |snap, enc| {
                let a = &snap.analysis;
                let offset = convert::offset(&a.text, &a.line_index, p.position, enc);
                Some(rename::rename(snap, &u, offset, &new_name, enc))
            })
            .await?;
        match answer {
            Some(result) => result,
            None => Ok(None),
        }
    }

    async fn code_lens(&self, params: CodeLensParams) -> jsonrpc::Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "codeLens").await else {
            return Ok(None);
        };
        self.run(&uri, "codeLens", snap, |snap, enc| {
            Some(lens::to_lsp(&snap.analysis, ide::code_lenses(snap), enc))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "documentSymbol").await else {
            return Ok(None);
        };
        self.run(&uri, "documentSymbol", snap, |snap, enc| {
            let found = ide::symbols(snap);
            Some(DocumentSymbolResponse::Nested(symbols::to_lsp(
                &snap.analysis,
                found,
                enc,
            )))
        })
        .await
    }

    async fn document_link(
        &self,
        params: DocumentLinkParams,
    ) -> jsonrpc::Result<Option<Vec<DocumentLink>>> {
        let uri = params.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "documentLink").await else {
            return Ok(None);
        };
        self.run(&uri, "documentLink", snap, |snap, enc| {
            Some(links::to_lsp(&snap.analysis, ide::links(snap), enc))
        })
        .await
    }
}
