//! The language server: a thin layer over the analysis.
//!
//! One module per capability group; LSP types stay inside `server`. The
//! features themselves live in `crate::ide` (a module named `ide::…` below):
//! a handler takes one [`ide::Snapshot`], calls the feature and converts.
//!
//! | capability | module | what it answers |
//! |---|---|---|
//! | `positionEncoding` | `convert` | utf-8 when the client offers it, else utf-16 |
//! | incremental text sync | `ordered`, `owner`, `documents` | a rope per document; edits applied by one owner in the order the client sent them |
//! | `publishDiagnostics` | `diagnostics` | the lints, debounced, with the user's lint levels; after an edit the other open documents' workspace lints again (debounced) |
//! | `definition` | `ide::definition` | marker → footnote; short form → the footnote with the full citation; `zie noot N` → N; any part of a question → its answer heading; answer heading → question; `zie vraag 5` → `Vraag 5`, `antwoord op vraag 4` → answer 4; a committee's question → where it is answered (here or in another file); footnote number → its first marker; a citation → the cited file (and page) in the workspace |
//! | `references` | `ide::references` | a footnote's markers (and definition); a question (any part), an answer's heading or `zie vraag N` → the letter's paragraphs, the repeat, the answer, the references; a citation or the document's footer → every place in the workspace that cites that document |
//! | `hover` | `ide::hover` | a footnote with short forms resolved; a citation's canonical form and address; any part of a question → where its answer stands and its first lines, markers resolved; an answer's heading → its question |
//! | `codeLens` | `ide::lens` | above each question where it is answered (committee letters also in other files), above each answer its question's first words |
//! | `documentSymbol` | `ide::symbols` | letters ⊃ questions, answers, footnotes, nested by position |
//! | `documentLink` | `ide::links` | citations → their official address |
//! | `codeAction` | `ide::actions` | quick fixes for citation slips; renumber all footnotes (quick fix on `footnote-numbering`, `source` action); `Idem`/`Ibidem` written out (`refactor.rewrite`); a definition stub (on `undefined-footnote`); a placeholder replaced by a source of the document (on `placeholder-source`) |
//! | workspace | `workspace`, `indexer` | folders indexed at start in the background (with `$/progress`), files watched, open documents fed in, a closed one read from disk again; lints across documents; `workspace/symbol` |
//! | `foldingRange` | `ide::folding` | letters, questions, answers; footnote blocks as comments |
//! | `selectionRange` | `ide::selection` | citation or marker → footnote → footnote block → question/answer → letter → page |
//! | `semanticTokens` full, range | `ide::tokens`, `tokens` | markers, footnote numbers, citations, short forms, placeholders, headings, footers, colophon in standard types; split per line unless the client takes multiline tokens |
//! | `completion` (trigger: space) | `ide::completion` | after `zie noot ` footnote numbers; after `Kamerstuk(ken II) ` documents of the workspace and cited ones, in the document's style; after `Vraag ` the next number |
//! | `documentHighlight` | `ide::highlight` | a marker or footnote number: the definition and every marker of that footnote; a citation: every citation of the same document, in all its parts; a question: the places that concern it |
//! | `prepareRename`, `rename` | `ide::rename` | a footnote number renumbered everywhere (one versioned edit); a number in use is refused with an error |
//! | `inlayHint` | `ide::hints` | after `Idem`/`Ibidem`/`zie noot N` the resolved citation; after markers their footnote's first words (setting `inlayHints.markers`) |
//! | settings | `settings` | `{ "lints": { code: severity or "off" }, "inlayHints": { "markers": bool } }` from `initializationOptions`, `workspace/configuration` (section `dossier`) and `didChangeConfiguration` |
//!
//! Where the state lives (see ARCHITECTURE.md): the open documents and
//! the workspace index make one immutable `state::State`, which one thread,
//! the owner (`owner`), alone replaces. `ordered` turns `didOpen`,
//! `didChange`, `didClose` and `didChangeWatchedFiles` into messages to the
//! owner while tower-lsp reads them, so the owner applies them in the order
//! the client sent them; the analysis of a generation (`diagnostics`) and
//! the indexing threads (`indexer`) send their results to the owner too,
//! which drops those that something newer has overtaken. A request handler
//! takes the published state that holds every edit sent before it (an
//! `Arc`; no lock is held while anything is computed), runs the feature
//! (on a blocking thread, or in its own task if it answers about one place
//! with an answer of bounded size and needs no file from disk) and converts
//! the answer with the same state's texts.
//! Indexing runs on threads of its own at a lower priority (`indexer`: one
//! worker, and helpers only while the client is quiet), so requests never
//! wait behind it. Panics in the analysis or in a request are caught and
//! logged. `shutdown` then `exit` ends with status 0, anything else with
//! 1; `exit` ends the session even while the client keeps the pipe open
//! (`transport`).

mod actions;
mod completion;
mod convert;
mod diagnostics;
mod documents;
mod folding;
mod highlight;
mod hints;
mod indexer;
mod lens;
mod links;
mod ordered;
mod owner;
mod rename;
mod selection;
mod settings;
mod state;
mod symbols;
mod tokens;
mod transport;
mod workspace;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock, Weak};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp::jsonrpc::{self, ErrorCode};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

use crate::dossier::Dossier;
use crate::i18n::Lang;
use crate::ide;
use crate::lints;
use crate::msg;
use crate::text::PositionEncoding;
use owner::{Effect, Message};
use settings::Settings;
use state::{Published, State};

pub use indexer::Summarizer;

/// The analysis the server runs on each version of a document.
pub type Analyzer = Arc<dyn Fn(&str) -> (Dossier, Vec<lints::Diagnostic>) + Send + Sync>;

/// How the server runs; [`Options::default`] is what `dossier-lsp` uses.
#[derive(Clone)]
pub struct Options {
    /// Replaceable for tests (for instance one that panics).
    pub analyzer: Analyzer,
    /// Quiet time after an edit before diagnostics are computed.
    pub debounce: Duration,
    /// Threads that index the workspace folders, at a lower priority: one
    /// worker, and helpers that run only while the client is quiet.
    pub index_threads: usize,
    /// How indexing reads and summarises a file; replaceable for tests.
    pub summarize: Summarizer,
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
            index_threads: indexer::default_threads(),
            summarize: indexer::default_summarizer(),
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
    /// The open documents and the index, as the owner last published them.
    state: Arc<Published>,
    /// To the owner of the state (`owner`), the one writer of both.
    owner: tokio::sync::mpsc::UnboundedSender<Message>,
    /// When the client last sent something.
    pub activity: Arc<indexer::Activity>,
    /// Text synchronisation messages sent to the owner.
    synced: std::sync::atomic::AtomicU64,
    /// `initialize` has been answered.
    initialized: AtomicBool,
    utf8: AtomicBool,
    shutdown: AtomicBool,
    settings: RwLock<Settings>,
    /// The client answers `workspace/configuration`.
    pull_configuration: AtomicBool,
    /// The workspace folders, from `initialize`.
    roots: Mutex<Vec<PathBuf>>,
    /// `exit` has been read: nothing more is sent.
    pub exited: Arc<AtomicBool>,
    /// The client registers file watchers for us.
    watch_files: AtomicBool,
    /// The client shows `$/progress` reports.
    progress: AtomicBool,
    /// The language of the client's `locale` (else of the environment).
    client_lang: RwLock<Lang>,
    /// The project files (`.dossier-lsp.toml`) read so far.
    projects: Mutex<crate::project::ProjectCache>,
    /// The client asks for inlay hints again when told to.
    refresh_inlay_hints: AtomicBool,
    /// The client takes semantic tokens that cross a line break.
    multiline_tokens: AtomicBool,
    /// The pending request to publish the other open documents again
    /// (`diagnostics::publish` with `cascade`).
    pub others_relint: diagnostics::OthersRelint,
}

impl Shared {
    /// The current state: one moment, which later changes leave alone.
    pub fn state(&self) -> Arc<State> {
        self.state.load()
    }

    /// The state once it holds every text synchronisation message sent
    /// so far: what a request answers on.
    pub async fn synced_state(&self) -> Arc<State> {
        let sent = self.synced.load(Ordering::SeqCst);
        self.state.at_least(sent).await
    }

    /// Sends a message to the owner of the state (nothing once it stopped).
    pub fn send(&self, message: Message) {
        let _ = self.owner.send(message);
    }

    /// Sends a text synchronisation message, counted (`State::synced`).
    /// Only `ordered` calls this, in the order of the input.
    pub fn sync(&self, message: Message) {
        self.synced.fetch_add(1, Ordering::SeqCst);
        self.send(message);
    }

    pub fn initialized(&self) -> bool {
        self.initialized.load(Ordering::SeqCst)
    }

    pub fn refresh_inlay_hints(&self) -> bool {
        self.refresh_inlay_hints.load(Ordering::Relaxed)
    }

    pub fn work_done_progress(&self) -> bool {
        self.progress.load(Ordering::Relaxed)
    }

    /// The session's language: the `language` setting, else the project
    /// file's (of the first workspace folder), else the client's.
    pub fn lang(&self) -> Lang {
        let client = *self.client_lang.read().unwrap_or_else(|e| e.into_inner());
        let chosen = self
            .settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .language;
        chosen
            .or_else(|| self.root_project().and_then(|p| p.language))
            .unwrap_or(client)
    }

    pub fn projects(&self) -> std::sync::MutexGuard<'_, crate::project::ProjectCache> {
        self.projects.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The project file of the first workspace folder.
    pub fn root_project(&self) -> Option<Arc<crate::project::ProjectFile>> {
        let root = self
            .roots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .first()
            .cloned()?;
        self.projects().of(&root)
    }

    /// The project file of a document, if it is a file that has one, and
    /// whether it was read just now.
    pub fn project_of(&self, uri: &Url) -> Option<(Arc<crate::project::ProjectFile>, bool)> {
        let path = uri.to_file_path().ok()?;
        self.projects().of_reading(&path)
    }

    /// The globs of the dossiers: the `files` setting, else the project
    /// file's, else the defaults.
    pub fn file_globs(&self) -> Vec<String> {
        self.settings()
            .files
            .filter(|f| !f.is_empty())
            .or_else(|| self.root_project().and_then(|p| p.files.clone()))
            .filter(|f| !f.is_empty())
            .unwrap_or_else(crate::discover::default_globs)
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
    // The owner's effects need the client, which exists only once
    // tower-lsp builds the service.
    let wiring: Arc<OnceLock<(Weak<Shared>, Client)>> = Arc::default();
    let published = Arc::new(Published::default());
    let activity = Arc::new(indexer::Activity::default());
    let config = owner::Config {
        debounce: options.debounce,
        index_threads: options.index_threads,
        summarize: options.summarize.clone(),
        activity: activity.clone(),
    };
    let runtime = tokio::runtime::Handle::current();
    let w = wiring.clone();
    let effects: owner::Effects = Box::new(move |effect| {
        let Some((shared, client)) = w.get() else {
            return;
        };
        if let Some(shared) = shared.upgrade() {
            let _entered = runtime.enter();
            run_effect(&shared, client, effect);
        }
    });
    let owner = match owner::start(published.clone(), config, effects) {
        Ok(owner) => owner,
        Err(e) => {
            tracing::error!("cannot start the state's owner: {e}");
            return Outcome { shutdown: false };
        }
    };
    let shared = Arc::new(Shared {
        options,
        state: published,
        owner,
        activity,
        synced: Default::default(),
        initialized: AtomicBool::new(false),
        utf8: AtomicBool::new(false),
        shutdown: AtomicBool::new(false),
        settings: RwLock::default(),
        pull_configuration: AtomicBool::new(false),
        roots: Mutex::default(),
        exited: Arc::default(),
        watch_files: AtomicBool::new(false),
        progress: AtomicBool::new(false),
        client_lang: RwLock::new(Lang::from_env()),
        projects: Mutex::new(Default::default()),
        refresh_inlay_hints: AtomicBool::new(false),
        multiline_tokens: AtomicBool::new(false),
        others_relint: Default::default(),
    });
    let state = shared.clone();
    let (service, socket) = LspService::new(move |client| {
        let _ = wiring.set((Arc::downgrade(&shared), client.clone()));
        Backend { client, shared }
    });
    let service = ordered::Ordered::new(service, state.clone());
    let shutdown_read = Arc::new(AtomicBool::new(false));
    let input = transport::ExitWatch::new(input, shutdown_read.clone(), state.exited.clone());
    Server::new(input, output, socket).serve(service).await;
    state.send(Message::Stop);
    Outcome {
        shutdown: state.shutdown.load(Ordering::SeqCst) || shutdown_read.load(Ordering::SeqCst),
    }
}

/// Starts what a change of the state asks for (on the owner's thread:
/// only spawns).
fn run_effect(shared: &Arc<Shared>, client: &Client, effect: Effect) {
    match effect {
        Effect::Analyse {
            uri,
            generation,
            delay,
            cascade,
        } => diagnostics::analyse(shared, client, uri, generation, delay, cascade),
        Effect::Publish { uri, cascade } => diagnostics::publish(shared, client, uri, cascade),
        Effect::Clear(uri) => diagnostics::clear(shared, client, uri),
        Effect::Republish => {
            tracing::debug!("changed files re-indexed");
            diagnostics::republish(shared, client);
        }
        Effect::ProjectFileChanged(uri) => {
            tracing::info!("project file {uri} changed: read again");
            shared.projects().clear();
            diagnostics::publish_project_file(shared, client, &uri);
            diagnostics::republish(shared, client);
        }
        Effect::Log(typ, message) => {
            if !shared.exited.load(Ordering::SeqCst) {
                let message = message.render(shared.lang());
                let client = client.clone();
                tokio::spawn(async move { client.log_message(typ, message).await });
            }
        }
    }
}

fn init_logging() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let _ = tracing_subscriber::registry()
        .with(log_filter(std::env::var("DOSSIER_LSP_LOG").ok().as_deref()))
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(false),
        )
        .try_init();
}

/// `DOSSIER_LSP_LOG`: a level (`debug`) or per-module levels
/// (`dossier_lsp=debug,tower_lsp=warn`); `info` when unset or unreadable.
/// Read without a regex engine: tracing's `EnvFilter` would bring in full
/// DFAs that every regex of the analysis then pays for at start-up.
fn log_filter(setting: Option<&str>) -> tracing_subscriber::filter::Targets {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    setting
        .and_then(|s| s.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::INFO))
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
            let shown = msg!("log-settings-problem", problem = p.clone());
            tracing::debug!("settings ({from}): {}", p.render(Lang::En));
            self.log(MessageType::WARNING, shown.render(self.shared.lang()))
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
        let mut globs = self.shared.file_globs();
        // The project file too: a change is read at once.
        globs.push(format!("**/{}", crate::project::FILE_NAME));
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
        diagnostics::republish(&self.shared, &self.client);
    }

    /// One moment of `uri`: its current analysis and the workspace index of
    /// one published state, which holds every edit the client sent before
    /// the request. Unknown documents and failed analyses give nothing.
    async fn snapshot(&self, uri: &Url, what: &'static str) -> Option<ide::Snapshot> {
        self.moment(uri, what).await.map(|(_, snap)| snap)
    }

    /// [`Self::snapshot`] and the state it was taken from.
    async fn moment(&self, uri: &Url, what: &'static str) -> Option<(Arc<State>, ide::Snapshot)> {
        let state = self.shared.synced_state().await;
        let Some(document) = state.document(uri).cloned() else {
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
        let snap = ide::Snapshot::new(
            state::key_of(uri),
            analysis,
            state.workspace.clone(),
            state.clone(),
        )
        .with_lang(self.shared.lang());
        Some((state, snap))
    }

    /// Runs a feature that answers about one place, with an answer of a
    /// bounded size, in the request's own task: the hand-off to a blocking
    /// thread would cost it more than its work. Files must not be read
    /// here, so the feature sees only the open documents; if it asked for a
    /// closed one, it runs again on a blocking thread with the whole state
    /// (features are pure: a second run is safe). A panic in it answers an
    /// error.
    async fn run_here<T: Send + 'static>(
        &self,
        uri: &Url,
        what: &'static str,
        (state, snap): (Arc<State>, ide::Snapshot),
        f: impl Fn(&ide::Snapshot, PositionEncoding) -> Option<T> + Send + 'static,
    ) -> jsonrpc::Result<Option<T>> {
        let enc = self.shared.encoding();
        let open = Arc::new(state::OpenTexts::new(state));
        let here = snap.clone().with_files(open.clone());
        match catch_unwind(AssertUnwindSafe(|| f(&here, enc))) {
            Ok(answer) if !open.missed() => return Ok(answer),
            Ok(_) => {
                tracing::debug!("{what}: a closed document is needed; again where files are read")
            }
            Err(panic) => {
                let msg = documents::panic_message(&*panic);
                return Err(self.failed(uri, what, msg).await);
            }
        }
        self.run(uri, what, snap, f).await
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
        self.failed_in(what, msg).await
    }

    /// Says that `what` failed: in the log and as the request's error.
    async fn failed_in(&self, what: &'static str, msg: String) -> jsonrpc::Error {
        let failed = msg!("request-failed", what = what, error = msg).render(self.shared.lang());
        self.log(MessageType::ERROR, format!("dossier-lsp: {failed}"))
            .await;
        jsonrpc::Error {
            code: ErrorCode::InternalError,
            message: failed.into(),
            data: None,
        }
    }
}

/// The features' targets as locations, in their order: in the document
/// asked from by its snapshot (and the client's spelling of its URI), in
/// others by their text in the snapshot's state; a target in a document
/// that cannot be read is `None`. Blocking work (it may read files).
fn locations(
    uri: &Url,
    snap: &ide::Snapshot,
    targets: Vec<ide::NavigationTarget>,
    enc: PositionEncoding,
) -> Vec<Option<Location>> {
    let a = &snap.analysis;
    let elsewhere: Vec<(String, crate::Span)> = targets
        .iter()
        .filter(|t| t.file != snap.file)
        .map(|t| (t.file.to_string(), t.span.clone()))
        .collect();
    let mut located = workspace::locate(&*snap.files, elsewhere, enc).into_iter();
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

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let enc = convert::negotiate(&params.capabilities);
        // The client's language, unless it sends none: then the server's
        // environment's, as `check` has it.
        if let Some(locale) = params.locale.as_deref() {
            *self
                .shared
                .client_lang
                .write()
                .unwrap_or_else(|e| e.into_inner()) = Lang::from_locale(locale);
        }
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
        let roots = workspace::roots(&params);
        self.shared.send(Message::Roots(roots.clone()));
        *self.shared.roots.lock().unwrap_or_else(|e| e.into_inner()) = roots;
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
        self.shared.initialized.store(true, Ordering::SeqCst);
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
                // The root's project file was read for its globs: its mistakes.
                diagnostics::publish_fresh_project_files(&shared, &client).await;
                // The workspace lints of the open documents, with the index.
                diagnostics::publish_open(&shared, &client);
            });
            if self.shared.watch_files.load(Ordering::Relaxed) {
                self.watch_files();
            }
        }
        let enc = convert::encoding_name(self.shared.encoding());
        let ready = msg!(
            "log-ready",
            version = env!("CARGO_PKG_VERSION"),
            encoding = enc
        );
        self.log(MessageType::INFO, ready.render(self.shared.lang()))
            .await;
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        tracing::info!("shutdown requested");
        self.shared.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    // didOpen, didChange, didClose and didChangeWatchedFiles never reach
    // the handlers: `ordered` takes them from the input, in order, to the
    // owner of the state.

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

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        let Some(moment) = self.moment(&uri, "definition").await else {
            return Ok(None);
        };
        let u = uri.clone();
        let found = self
            .run_here(&uri, "definition", moment, move |snap, enc| {
                let offset =
                    convert::offset(snap.text(), &snap.analysis.line_index, p.position, enc);
                let targets = ide::definition(snap, offset);
                locations(&u, snap, targets, enc)
                    .into_iter()
                    .flatten()
                    .next()
            })
            .await?;
        Ok(found.map(GotoDefinitionResponse::Scalar))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> jsonrpc::Result<Option<Vec<SymbolInformation>>> {
        let enc = self.shared.encoding();
        let state = self.shared.synced_state().await;
        let job = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| {
                workspace::symbols(&state, &params.query, enc)
            }))
        });
        match job.await {
            Ok(Ok(found)) => Ok(Some(found)),
            Ok(Err(panic)) => {
                let msg = documents::panic_message(&*panic);
                Err(self.failed_in("workspace/symbol", msg).await)
            }
            Err(_) => Ok(None), // the runtime is stopping
        }
    }

    async fn references(&self, params: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let include = params.context.include_declaration;
        let uri = p.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "references").await else {
            return Ok(None);
        };
        let u = uri.clone();
        self.run(&uri, "references", snap, move |snap, enc| {
            let offset = convert::offset(snap.text(), &snap.analysis.line_index, p.position, enc);
            let targets = ide::references(snap, offset, include)?;
            Some(
                locations(&u, snap, targets, enc)
                    .into_iter()
                    .flatten()
                    .collect(),
            )
        })
        .await
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
            Some(actions::to_lsp(a, &u, found, &context, enc, snap.lang))
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
        let Some(moment) = self.moment(&uri, "hover").await else {
            return Ok(None);
        };
        self.run_here(&uri, "hover", moment, move |snap, enc| {
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
        let Some(moment) = self.moment(&uri, "selectionRange").await else {
            return Ok(None);
        };
        self.run_here(&uri, "selectionRange", moment, move |snap, enc| {
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
        let Some(moment) = self.moment(&uri, "prepareRename").await else {
            return Ok(None);
        };
        self.run_here(&uri, "prepareRename", moment, move |snap, enc| {
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

#[cfg(test)]
mod tests {
    use tracing::Level;

    use super::log_filter;

    #[test]
    fn the_log_setting_reads_a_level_or_levels_per_module() {
        let unset = log_filter(None);
        assert!(unset.would_enable("dossier_lsp::server", &Level::INFO));
        assert!(!unset.would_enable("dossier_lsp::server", &Level::DEBUG));

        let debug = log_filter(Some("debug"));
        assert!(debug.would_enable("dossier_lsp::server", &Level::DEBUG));
        assert!(!debug.would_enable("dossier_lsp::server", &Level::TRACE));

        let per_module = log_filter(Some("warn,dossier_lsp=debug"));
        assert!(per_module.would_enable("dossier_lsp::server::owner", &Level::DEBUG));
        assert!(!per_module.would_enable("tower_lsp", &Level::INFO));

        // A setting that cannot be read logs as if it were unset.
        let unreadable = log_filter(Some("lots=of=noise"));
        assert!(unreadable.would_enable("dossier_lsp", &Level::INFO));
        assert!(!unreadable.would_enable("dossier_lsp", &Level::DEBUG));
    }
}
