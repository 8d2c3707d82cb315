//! The owner of the server's state: one thread that applies every change
//! to the open documents and to the workspace index, in the order the
//! changes arrive on its channel, and publishes each new [`State`].
//!
//! Text synchronisation reaches the channel in the order the client sent
//! it (`ordered` sends while tower-lsp reads the input, before any handler
//! runs). Background work reports back here: the analysis of a document's
//! generation (`Analysed`), the indexing threads' findings (`Indexed`).
//! Each result carries the generation or ticket it was computed for, and
//! one that something newer has overtaken is dropped: an analysis of a
//! text that has been edited since, a file read before the file was read
//! again, a file from disk while the editor has it open.
//!
//! The owner does no slow work itself: edits to ropes, inserts into the
//! index (a copy of the index's tables when a published state still holds
//! them), and a pointer swap to publish. What follows from a change
//! (analyse, publish diagnostics, log) leaves as [`Effect`]s, run after
//! the state that caused them is published.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ropey::Rope;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::sync::oneshot;
use tower_lsp::lsp_types::{MessageType, TextDocumentContentChangeEvent, Url};

use super::documents::{panic_message, Document};
use super::indexer::{Activity, Found, Indexer, Job, Summarizer};
use super::state::{key_of, Published, State};
use crate::text::PositionEncoding;
use crate::workspace::{DocumentSummary, ScanProblem, Workspace};

/// During a folder scan, the index is published at most this often, and
/// at most once in twenty times its last copy took (each publication costs
/// a copy of the index's tables at the next change).
const SCAN_PUBLISH_EVERY: Duration = Duration::from_millis(50);

/// Messages handled at most before publishing.
const DRAIN: usize = 256;

pub enum Message {
    Open {
        uri: Url,
        version: i32,
        text: String,
    },
    Change {
        uri: Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: PositionEncoding,
    },
    Close {
        uri: Url,
    },
    /// `workspace/didChangeWatchedFiles`: each URI, and whether it was deleted.
    FilesChanged(Vec<(Url, bool)>),
    /// The workspace folders: a closed document inside one goes back to
    /// its file; one outside leaves the index.
    Roots(Vec<PathBuf>),
    /// Index a workspace folder; `done` hears when the index holds it.
    Scan {
        root: PathBuf,
        globs: Vec<String>,
        progress: Option<UnboundedSender<(usize, usize)>>,
        done: oneshot::Sender<ScanReport>,
    },
    /// The summary of one generation of an open document, for the index.
    Analysed {
        uri: Url,
        generation: u64,
        summary: Box<DocumentSummary>,
        cascade: bool,
    },
    Indexed(Found),
    /// End the owner and its indexing threads.
    Stop,
}

/// A folder scan, once the published index holds it.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// Files summarised (open documents among them keep the editor's text).
    pub documents: usize,
    pub problems: Vec<ScanProblem>,
}

/// What a change asks of the rest of the server, run once the state that
/// holds the change is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Analyse this generation after `delay`, unless a newer one came, and
    /// send its summary back (`Message::Analysed`).
    Analyse {
        uri: Url,
        generation: u64,
        delay: Duration,
        cascade: bool,
    },
    /// The index holds this generation: publish its diagnostics; with
    /// `cascade`, the other open documents' after a quiet time.
    Publish {
        uri: Url,
        cascade: bool,
    },
    /// A closed document's diagnostics cleared.
    Clear(Url),
    /// Files changed on disk are in the index: every open document's
    /// diagnostics again (and inlay hints refreshed).
    Republish,
    /// A project file (`.dossier-lsp.toml`) appeared, changed or went.
    ProjectFileChanged(Url),
    Log(MessageType, crate::i18n::Message),
}

/// Runs the effects; called on the owner's thread, so it must only start
/// work (spawn a task), not do it.
pub type Effects = Box<dyn FnMut(Effect) + Send>;

/// How the owner is set up.
pub struct Config {
    pub debounce: Duration,
    pub index_threads: usize,
    pub summarize: Summarizer,
    /// When the client last sent something (the indexing helpers pause
    /// while it is active).
    pub activity: Arc<Activity>,
}

/// Starts the owner on its own thread (and its indexing threads); returns
/// the channel to it. It stops on `Message::Stop` or when every sender is
/// gone.
pub fn start(
    published: Arc<Published>,
    config: Config,
    effects: Effects,
) -> std::io::Result<UnboundedSender<Message>> {
    let (tx, rx) = mpsc::unbounded_channel();
    let weak = tx.downgrade();
    let indexer = Indexer::start(
        config.index_threads,
        config.activity.clone(),
        config.summarize.clone(),
        Arc::new(move |found| {
            if let Some(tx) = weak.upgrade() {
                let _ = tx.send(Message::Indexed(found));
            }
        }),
    );
    let owner = Owner::new(published, indexer, config.debounce);
    std::thread::Builder::new()
        .name("dossier-state".to_owned())
        .spawn(move || owner.run(rx, effects))?;
    Ok(tx)
}

struct PendingScan {
    done: oneshot::Sender<ScanReport>,
    report: ScanReport,
}

pub struct Owner {
    /// The state as the owner has it; published as a whole.
    state: State,
    published: Arc<Published>,
    indexer: Indexer,
    debounce: Duration,
    next_generation: u64,
    next_ticket: u64,
    /// By index key: the ticket of the newest read from disk asked for it.
    asked: HashMap<String, u64>,
    /// The index keys of the open documents, with how many URIs give each.
    open_keys: HashMap<String, usize>,
    roots: Vec<PathBuf>,
    scans: HashMap<u64, PendingScan>,
    /// Changed since the last publication: the documents (publish now), or
    /// only the index by a scan (publish now and then).
    urgent: bool,
    dirty: bool,
    last_publish: Instant,
    /// How long the last copy of the index took.
    copy_cost: Duration,
    effects: Vec<Effect>,
    replies: Vec<(oneshot::Sender<ScanReport>, ScanReport)>,
}

impl Owner {
    pub fn new(published: Arc<Published>, indexer: Indexer, debounce: Duration) -> Owner {
        Owner {
            state: (*published.load()).clone(),
            published,
            indexer,
            debounce,
            next_generation: 0,
            next_ticket: 0,
            asked: HashMap::new(),
            open_keys: HashMap::new(),
            roots: Vec::new(),
            scans: HashMap::new(),
            urgent: false,
            dirty: false,
            last_publish: Instant::now(),
            copy_cost: Duration::ZERO,
            effects: Vec::new(),
            replies: Vec::new(),
        }
    }

    fn run(mut self, mut rx: UnboundedReceiver<Message>, mut effects: Effects) {
        while let Some(first) = rx.blocking_recv() {
            let mut stop = self.handle_caught(first);
            let mut n = 1;
            while !stop && n < DRAIN {
                match rx.try_recv() {
                    Ok(m) => {
                        stop = self.handle_caught(m);
                        n += 1;
                    }
                    Err(_) => break,
                }
            }
            self.settle();
            for effect in self.effects.drain(..) {
                effects(effect);
            }
            for (done, report) in self.replies.drain(..) {
                let _ = done.send(report);
            }
            if stop {
                break;
            }
        }
        tracing::debug!("state owner stopped");
    }

    /// Publishes what changed, if it is time to: changes to documents at
    /// once, a scan's batches now and then.
    pub fn settle(&mut self) {
        let due = self.dirty
            && self.last_publish.elapsed() >= SCAN_PUBLISH_EVERY.max(self.copy_cost * 20);
        if self.urgent || due {
            self.published.store(Arc::new(self.state.clone()));
            self.urgent = false;
            self.dirty = false;
            self.last_publish = Instant::now();
        }
    }

    /// [`Owner::handle`]; a panic in it is logged and the owner goes on
    /// (requests must not wait for a thread that is gone).
    fn handle_caught(&mut self, message: Message) -> bool {
        match catch_unwind(AssertUnwindSafe(|| self.handle(message))) {
            Ok(stop) => stop,
            Err(panic) => {
                let msg = panic_message(&*panic);
                tracing::error!("the state's owner panicked on a message: {msg}");
                self.urgent = true;
                false
            }
        }
    }

    /// Applies one message; true for `Stop`.
    pub fn handle(&mut self, message: Message) -> bool {
        if matches!(
            message,
            Message::Open { .. }
                | Message::Change { .. }
                | Message::Close { .. }
                | Message::FilesChanged(_)
        ) {
            // Counted as `Shared::sync` counts them, applied or not.
            self.state.synced += 1;
            self.urgent = true;
        }
        match message {
            Message::Open { uri, version, text } => self.open(uri, version, &text),
            Message::Change {
                uri,
                version,
                changes,
                enc,
            } => self.change(uri, version, &changes, enc),
            Message::Close { uri } => self.close(uri),
            Message::FilesChanged(changes) => self.files_changed(changes),
            Message::Roots(roots) => self.roots = roots,
            Message::Scan {
                root,
                globs,
                progress,
                done,
            } => {
                let ticket = self.ticket();
                self.scans.insert(
                    ticket,
                    PendingScan {
                        done,
                        report: ScanReport::default(),
                    },
                );
                self.indexer.submit(Job::Scan {
                    ticket,
                    root,
                    globs,
                    progress,
                });
            }
            Message::Analysed {
                uri,
                generation,
                summary,
                cascade,
            } => self.analysed(uri, generation, *summary, cascade),
            Message::Indexed(found) => self.indexed(found),
            Message::Stop => return true,
        }
        false
    }

    fn ticket(&mut self) -> u64 {
        self.next_ticket += 1;
        self.next_ticket
    }

    fn generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    /// The index, to change: a copy of the published one's tables (the
    /// summaries are shared) the first time after each publication.
    fn workspace(&mut self) -> &mut Workspace {
        if Arc::strong_count(&self.state.workspace) > 1 {
            let started = Instant::now();
            let copy = Arc::make_mut(&mut self.state.workspace);
            self.copy_cost = started.elapsed();
            return copy;
        }
        Arc::make_mut(&mut self.state.workspace)
    }

    fn open(&mut self, uri: Url, version: i32, text: &str) {
        let generation = self.generation();
        let doc = Document::new(generation, version, Rope::from_str(text));
        let docs = Arc::make_mut(&mut self.state.docs);
        if docs.insert(uri.clone(), doc).is_none() {
            *self.open_keys.entry(key_of(&uri)).or_default() += 1;
        }
        self.urgent = true;
        self.effects.push(Effect::Analyse {
            uri,
            generation,
            delay: Duration::ZERO,
            cascade: true,
        });
    }

    fn change(
        &mut self,
        uri: Url,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        enc: PositionEncoding,
    ) {
        let Some(doc) = self.state.docs.get(&uri) else {
            tracing::warn!("change to {uri}, which is not open");
            return;
        };
        let generation = self.next_generation + 1;
        let edited = catch_unwind(AssertUnwindSafe(|| {
            doc.edited(generation, version, changes, enc)
        }));
        let edited = match edited {
            Ok(edited) => edited,
            Err(panic) => {
                let msg = panic_message(&*panic);
                tracing::error!("change {version} of {uri} could not be applied: {msg}");
                self.effects.push(Effect::Log(
                    MessageType::ERROR,
                    crate::msg!("log-edit-failed", error = msg),
                ));
                return;
            }
        };
        if version <= doc.version {
            tracing::warn!("version {version} of {uri} does not increase; applied as sent");
        }
        self.next_generation = generation;
        Arc::make_mut(&mut self.state.docs).insert(uri.clone(), edited);
        self.urgent = true;
        self.effects.push(Effect::Analyse {
            uri,
            generation,
            delay: self.debounce,
            cascade: true,
        });
    }

    fn close(&mut self, uri: Url) {
        if Arc::make_mut(&mut self.state.docs).remove(&uri).is_none() {
            return;
        }
        self.urgent = true;
        self.effects.push(Effect::Clear(uri.clone()));
        let key = key_of(&uri);
        match self.open_keys.get_mut(&key) {
            Some(n) if *n > 1 => {
                *n -= 1;
                return; // open under another spelling of its URI
            }
            _ => {
                self.open_keys.remove(&key);
            }
        }
        // The index goes back to the file on disk, if it is in a workspace
        // folder; others were in the index only while open.
        let ticket = self.ticket();
        self.asked.insert(key.clone(), ticket);
        let path = uri
            .to_file_path()
            .ok()
            .filter(|p| self.roots.iter().any(|r| p.starts_with(r)));
        match path {
            Some(path) => self.indexer.submit(Job::Read {
                ticket,
                files: vec![(key, path)],
                republish: false,
            }),
            None => {
                self.workspace().remove(&key);
            }
        }
    }

    fn files_changed(&mut self, changes: Vec<(Url, bool)>) {
        let mut read = Vec::new();
        let mut removed = false;
        let ticket = self.ticket();
        for (uri, deleted) in changes {
            if uri
                .path()
                .ends_with(&format!("/{}", crate::project::FILE_NAME))
            {
                self.effects.push(Effect::ProjectFileChanged(uri));
                continue;
            }
            let key = key_of(&uri);
            if self.open_keys.contains_key(&key) {
                continue; // the editor's text stays
            }
            self.asked.insert(key.clone(), ticket);
            if deleted {
                removed |= self.workspace().remove(&key).is_some();
            } else if let Ok(path) = uri.to_file_path() {
                read.push((key, path));
            }
        }
        if removed {
            self.urgent = true;
            if read.is_empty() {
                self.republish();
            }
        }
        if !read.is_empty() {
            self.indexer.submit(Job::Read {
                ticket,
                files: read,
                republish: true,
            });
        }
    }

    fn republish(&mut self) {
        if !self.effects.contains(&Effect::Republish) {
            self.effects.push(Effect::Republish);
        }
    }

    fn analysed(&mut self, uri: Url, generation: u64, summary: DocumentSummary, cascade: bool) {
        let current = self.state.docs.get(&uri).map(|d| d.generation);
        if current != Some(generation) {
            tracing::debug!("analysis of {uri} ({generation}) overtaken by {current:?}; dropped");
            return;
        }
        self.workspace().insert(&key_of(&uri), summary);
        if let Some(doc) = Arc::make_mut(&mut self.state.docs).get_mut(&uri) {
            doc.indexed = true;
        }
        self.urgent = true;
        self.effects.push(Effect::Publish { uri, cascade });
    }

    /// Whether a summary read from disk for `ticket` may go in the index.
    fn disk_read_is_current(&self, key: &str, ticket: u64) -> bool {
        !self.open_keys.contains_key(key) && self.asked.get(key).is_none_or(|&t| t <= ticket)
    }

    fn indexed(&mut self, found: Found) {
        match found {
            Found::Batch {
                ticket,
                documents,
                problems,
            } => {
                let mut n = 0;
                for (key, summary) in documents {
                    n += 1;
                    if self.disk_read_is_current(&key, ticket) {
                        self.workspace().insert(&key, summary);
                        self.dirty = true;
                    }
                }
                if let Some(scan) = self.scans.get_mut(&ticket) {
                    scan.report.documents += n;
                    scan.report.problems.extend(problems);
                }
            }
            Found::ScanEnd { ticket } => {
                if let Some(scan) = self.scans.remove(&ticket) {
                    self.replies.push((scan.done, scan.report));
                }
                self.urgent = true;
            }
            Found::File {
                ticket,
                files,
                republish,
            } => {
                let mut changed = false;
                for (key, summary) in files {
                    if !self.disk_read_is_current(&key, ticket) {
                        tracing::debug!("{key} read again meanwhile; result dropped");
                        continue;
                    }
                    match summary {
                        Some(s) => self.workspace().insert(&key, s),
                        None => {
                            self.workspace().remove(&key);
                        }
                    }
                    changed = true;
                }
                if changed {
                    self.urgent = true;
                    if republish {
                        self.republish();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Position, Range};

    fn owner() -> Owner {
        Owner::new(
            Arc::new(Published::default()),
            Indexer::idle(),
            Duration::from_millis(200),
        )
    }

    fn uri(name: &str) -> Url {
        Url::parse(&format!("file:///ws/{name}")).unwrap()
    }

    fn summary(title: &str) -> DocumentSummary {
        DocumentSummary {
            title: title.to_owned(),
            ..DocumentSummary::default()
        }
    }

    /// Handles the messages, then publishes as the thread would; returns
    /// the effects.
    fn apply(o: &mut Owner, messages: Vec<Message>) -> Vec<Effect> {
        for m in messages {
            o.handle(m);
        }
        o.settle();
        o.replies.clear();
        std::mem::take(&mut o.effects)
    }

    fn title(o: &Owner, name: &str) -> Option<String> {
        let state = o.published.load();
        let key = key_of(&uri(name));
        state.workspace.get(&key).map(|s| s.title.clone())
    }

    fn insert(line: u32, col: u32, text: &str) -> TextDocumentContentChangeEvent {
        let at = Position::new(line, col);
        TextDocumentContentChangeEvent {
            range: Some(Range::new(at, at)),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn edits_are_applied_in_the_order_they_arrive() {
        let mut o = owner();
        let mut messages = vec![Message::Open {
            uri: uri("a.txt"),
            version: 1,
            text: String::new(),
        }];
        // Each edit types at the end of what the ones before it left, and
        // every tenth one deletes the character before: in any other
        // order the text comes out different.
        let mut expected = String::new();
        for i in 0..500u32 {
            let version = i as i32 + 2;
            let col = expected.chars().count() as u32;
            let change = if i % 10 == 9 {
                expected.pop();
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(0, col - 1), Position::new(0, col))),
                    range_length: None,
                    text: String::new(),
                }
            } else {
                let c = char::from(b'a' + (i % 26) as u8);
                expected.push(c);
                insert(0, col, &c.to_string())
            };
            messages.push(Message::Change {
                uri: uri("a.txt"),
                version,
                changes: vec![change],
                enc: PositionEncoding::Utf16,
            });
        }
        let effects = apply(&mut o, messages);
        let state = o.published.load();
        let doc = state.document(&uri("a.txt")).unwrap();
        assert_eq!(doc.text(), expected);
        assert_eq!(doc.version, 501);
        assert_eq!(doc.generation, 501);
        assert_eq!(state.synced, 501);
        // One analysis asked per generation; only the last one's survives
        // the debounce (the others find a newer generation).
        assert_eq!(effects.len(), 501);
        assert_eq!(
            effects.last(),
            Some(&Effect::Analyse {
                uri: uri("a.txt"),
                generation: 501,
                delay: Duration::from_millis(200),
                cascade: true
            })
        );
    }

    #[test]
    fn a_published_state_never_changes() {
        let mut o = owner();
        apply(
            &mut o,
            vec![Message::Open {
                uri: uri("a.txt"),
                version: 1,
                text: "een".to_owned(),
            }],
        );
        let before = o.published.load();
        apply(
            &mut o,
            vec![
                Message::Change {
                    uri: uri("a.txt"),
                    version: 2,
                    changes: vec![insert(0, 3, " twee")],
                    enc: PositionEncoding::Utf16,
                },
                Message::Analysed {
                    uri: uri("a.txt"),
                    generation: 2,
                    summary: Box::new(summary("twee")),
                    cascade: false,
                },
            ],
        );
        assert_eq!(before.document(&uri("a.txt")).unwrap().text(), "een");
        assert!(before.workspace.is_empty());
        let after = o.published.load();
        assert_eq!(after.document(&uri("a.txt")).unwrap().text(), "een twee");
        assert_eq!(after.workspace.len(), 1);
    }

    #[test]
    fn an_analysis_of_an_edited_generation_is_dropped() {
        let mut o = owner();
        apply(
            &mut o,
            vec![
                Message::Open {
                    uri: uri("a.txt"),
                    version: 1,
                    text: "een".to_owned(),
                },
                Message::Change {
                    uri: uri("a.txt"),
                    version: 2,
                    changes: vec![insert(0, 3, " twee")],
                    enc: PositionEncoding::Utf16,
                },
            ],
        );
        // Generation 1's summary arrives after generation 2 exists.
        let effects = apply(
            &mut o,
            vec![Message::Analysed {
                uri: uri("a.txt"),
                generation: 1,
                summary: Box::new(summary("een")),
                cascade: true,
            }],
        );
        assert!(effects.is_empty(), "{effects:?}");
        assert_eq!(title(&o, "a.txt"), None);
        assert!(!o.published.load().document(&uri("a.txt")).unwrap().indexed);
        // Generation 2's goes in, and its diagnostics are asked for.
        let effects = apply(
            &mut o,
            vec![Message::Analysed {
                uri: uri("a.txt"),
                generation: 2,
                summary: Box::new(summary("een twee")),
                cascade: true,
            }],
        );
        assert_eq!(title(&o, "a.txt").as_deref(), Some("een twee"));
        assert!(o.published.load().document(&uri("a.txt")).unwrap().indexed);
        assert_eq!(
            effects,
            vec![Effect::Publish {
                uri: uri("a.txt"),
                cascade: true
            }]
        );
        // A closed document's late analysis is dropped too.
        apply(&mut o, vec![Message::Close { uri: uri("a.txt") }]);
        apply(
            &mut o,
            vec![Message::Analysed {
                uri: uri("a.txt"),
                generation: 2,
                summary: Box::new(summary("te laat")),
                cascade: false,
            }],
        );
        assert_ne!(title(&o, "a.txt").as_deref(), Some("te laat"));
    }

    #[test]
    fn a_file_read_before_a_newer_read_or_while_open_is_dropped() {
        let mut o = owner();
        let (done, _report) = oneshot::channel();
        apply(
            &mut o,
            vec![
                Message::Roots(vec![PathBuf::from("/ws")]),
                Message::Scan {
                    root: PathBuf::from("/ws"),
                    globs: vec!["**/*.txt".to_owned()],
                    progress: None,
                    done,
                },
                // b.txt changes on disk while the scan runs.
                Message::FilesChanged(vec![(uri("b.txt"), false)]),
            ],
        );
        let (reads, scans) = o.indexer.waiting();
        let scan = scans[0];
        let (read, files) = reads[0].clone();
        assert!(read > scan);
        assert_eq!(files, vec![key_of(&uri("b.txt"))]);
        // c.txt is open in the editor.
        apply(
            &mut o,
            vec![Message::Open {
                uri: uri("c.txt"),
                version: 1,
                text: "editor".to_owned(),
            }],
        );
        // The newer read comes back first, then the scan's batch.
        let effects = apply(
            &mut o,
            vec![
                Message::Indexed(Found::File {
                    ticket: read,
                    files: vec![(key_of(&uri("b.txt")), Some(summary("b, new")))],
                    republish: true,
                }),
                Message::Indexed(Found::Batch {
                    ticket: scan,
                    documents: vec![
                        (key_of(&uri("a.txt")), summary("a")),
                        (key_of(&uri("b.txt")), summary("b, old")),
                        (key_of(&uri("c.txt")), summary("c, disk")),
                    ],
                    problems: Vec::new(),
                }),
                Message::Indexed(Found::ScanEnd { ticket: scan }),
            ],
        );
        assert!(effects.contains(&Effect::Republish), "{effects:?}");
        assert_eq!(title(&o, "a.txt").as_deref(), Some("a"));
        assert_eq!(title(&o, "b.txt").as_deref(), Some("b, new"));
        assert_eq!(title(&o, "c.txt"), None);
    }

    #[test]
    fn a_closed_document_goes_back_to_its_file() {
        let mut o = owner();
        apply(
            &mut o,
            vec![
                Message::Roots(vec![PathBuf::from("/ws")]),
                Message::Open {
                    uri: uri("a.txt"),
                    version: 1,
                    text: "editor".to_owned(),
                },
                Message::Analysed {
                    uri: uri("a.txt"),
                    generation: 1,
                    summary: Box::new(summary("editor")),
                    cascade: false,
                },
            ],
        );
        assert_eq!(title(&o, "a.txt").as_deref(), Some("editor"));
        let effects = apply(&mut o, vec![Message::Close { uri: uri("a.txt") }]);
        assert_eq!(effects, vec![Effect::Clear(uri("a.txt"))]);
        assert!(o.published.load().document(&uri("a.txt")).is_none());
        // The file is read again; until then the editor's summary stays.
        let (reads, _) = o.indexer.waiting();
        let (ticket, files) = reads[0].clone();
        assert_eq!(files, vec![key_of(&uri("a.txt"))]);
        apply(
            &mut o,
            vec![Message::Indexed(Found::File {
                ticket,
                files: vec![(key_of(&uri("a.txt")), Some(summary("disk")))],
                republish: false,
            })],
        );
        assert_eq!(title(&o, "a.txt").as_deref(), Some("disk"));

        // A document outside the workspace folders leaves the index.
        let outside = Url::parse("untitled:Untitled-1").unwrap();
        apply(
            &mut o,
            vec![
                Message::Open {
                    uri: outside.clone(),
                    version: 1,
                    text: "nieuw".to_owned(),
                },
                Message::Analysed {
                    uri: outside.clone(),
                    generation: 2,
                    summary: Box::new(summary("nieuw")),
                    cascade: false,
                },
            ],
        );
        assert_eq!(o.published.load().workspace.len(), 2);
        apply(&mut o, vec![Message::Close { uri: outside }]);
        assert_eq!(o.published.load().workspace.len(), 1);
    }
}
