//! The server's state at one moment: the open documents (one generation
//! each) and the workspace index. Only the owner (`owner`) makes new
//! states; it publishes each in a [`Published`] cell, from which request
//! handlers and background tasks take the current one. A [`State`] never
//! changes and costs two `Arc`s to clone; taking the current one holds a
//! lock only for as long as it takes to clone an `Arc`, and the owner takes
//! that lock only to swap one `Arc` for another.
//!
//! A state counts the text synchronisation messages applied to it
//! (`synced`); a request waits for the state that holds every one sent
//! before it ([`Published::at_least`]), so that it never answers on a text
//! older than the client's.
//!
//! Index keys are `file://` URIs, normalised so that the client's spelling
//! and the folder scan's agree ([`key_of`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use tower_lsp::lsp_types::Url;

use super::documents::Document;
use crate::ide::FileTexts;
use crate::text::decode;
use crate::workspace::Workspace;

/// The open documents and the index, as they were at one moment.
#[derive(Clone, Default)]
pub struct State {
    /// The open documents by the client's URI.
    pub docs: Arc<HashMap<Url, Document>>,
    /// Every dossier of the workspace folders, and the open documents (the
    /// editor's text once analysed).
    pub workspace: Arc<Workspace>,
    /// Text synchronisation messages applied (`didOpen`, `didChange`,
    /// `didClose`, `didChangeWatchedFiles`), in the order they came.
    pub synced: u64,
}

impl State {
    pub fn document(&self, uri: &Url) -> Option<&Document> {
        self.docs.get(uri)
    }

    /// The generation of an open document.
    pub fn generation(&self, uri: &Url) -> Option<u64> {
        self.docs.get(uri).map(|d| d.generation)
    }

    /// The text of a document at this moment: the editor's when open, else
    /// the file's on disk (read now).
    pub fn text_of(&self, key: &str) -> Option<Arc<str>> {
        let uri = Url::parse(key).ok()?;
        self.open_text(&uri)
            .or_else(|| read_file(&uri.to_file_path().ok()?))
    }

    /// The editor's text of a document, if it is open.
    fn open_text(&self, uri: &Url) -> Option<Arc<str>> {
        self.docs.get(uri).map(Document::shared_text)
    }
}

/// The features read other documents as this moment has them; they run on
/// blocking threads, where reading a file is allowed.
impl FileTexts for State {
    fn text(&self, key: &str) -> Option<Arc<str>> {
        self.text_of(key)
    }
}

/// The open documents of a state, and nothing from disk: for a feature run
/// in the request's own task, where a file must not be read. It notes
/// whether a closed document was asked for, so that the feature can be run
/// again where reading is allowed.
pub struct OpenTexts {
    state: Arc<State>,
    missed: AtomicBool,
}

impl OpenTexts {
    pub fn new(state: Arc<State>) -> OpenTexts {
        OpenTexts {
            state,
            missed: AtomicBool::new(false),
        }
    }

    /// Whether a document was asked for that only its file could give.
    pub fn missed(&self) -> bool {
        self.missed.load(Ordering::Relaxed)
    }
}

impl FileTexts for OpenTexts {
    fn text(&self, key: &str) -> Option<Arc<str>> {
        let uri = Url::parse(key).ok()?;
        let text = self.state.open_text(&uri);
        if text.is_none() {
            self.missed.store(true, Ordering::Relaxed);
        }
        text
    }
}

pub fn read_file(path: &Path) -> Option<Arc<str>> {
    let bytes = std::fs::read(path).ok()?;
    Some(Arc::from(decode(&bytes).text))
}

/// Where the owner publishes each new state.
pub struct Published {
    current: watch::Sender<Arc<State>>,
}

impl Default for Published {
    fn default() -> Self {
        Published {
            current: watch::Sender::new(Arc::default()),
        }
    }
}

impl Published {
    /// The state as it is now; later changes do not touch it.
    pub fn load(&self) -> Arc<State> {
        self.current.borrow().clone()
    }

    /// The first state that holds `synced` text synchronisation messages:
    /// at once, unless the owner has yet to apply one sent before. A stuck
    /// owner costs a request a few seconds, not its answer.
    pub async fn at_least(&self, synced: u64) -> Arc<State> {
        let now = self.load();
        if now.synced >= synced {
            return now;
        }
        let mut rx = self.current.subscribe();
        let waited =
            tokio::time::timeout(Duration::from_secs(5), rx.wait_for(|s| s.synced >= synced)).await;
        match waited {
            Ok(Ok(state)) => state.clone(),
            _ => {
                tracing::error!("the state's owner has not applied message {synced}; answering on an older state");
                self.load()
            }
        }
    }

    /// Makes `state` the current one (the owner alone calls this). The one
    /// it replaces is dropped after the lock is released.
    pub fn store(&self, state: Arc<State>) {
        let old = self.current.send_replace(state);
        drop(old);
    }
}

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

/// The index key of a file found on disk.
pub fn key_of_path(path: &Path) -> Option<String> {
    Url::from_file_path(path).ok().map(|u| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state in which `open` is open with `text`.
    fn state_with(open: &Url, text: &str) -> Arc<State> {
        let doc = Document::new(1, 1, ropey::Rope::from_str(text));
        Arc::new(State {
            docs: Arc::new(HashMap::from([(open.clone(), doc)])),
            ..State::default()
        })
    }

    #[test]
    fn open_texts_give_the_editors_text_and_note_a_closed_document() {
        let dir = std::env::temp_dir().join(format!("dossier-open-texts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let on_disk = dir.join("kst-22112-2955.txt");
        std::fs::write(&on_disk, "Tekst op schijf.\n").unwrap();
        let closed = key_of_path(&on_disk).unwrap();
        let open = Url::from_file_path(dir.join("000_seed.txt")).unwrap();
        let state = state_with(&open, "Tekst in de editor.\n");

        let texts = OpenTexts::new(state.clone());
        assert_eq!(
            texts.text(open.as_str()).as_deref(),
            Some("Tekst in de editor.\n")
        );
        assert!(!texts.missed(), "an open document is at hand");
        assert_eq!(texts.text("geen adres").as_deref(), None);
        assert!(!texts.missed(), "a key that is no URI is no document");
        assert_eq!(texts.text(&closed).as_deref(), None);
        assert!(texts.missed(), "a closed document is noted");

        // The whole state reads the same closed document from disk.
        assert_eq!(state.text(&closed).as_deref(), Some("Tekst op schijf.\n"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
