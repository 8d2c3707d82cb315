//! The document store: one rope per URI, edited only by the text
//! synchronisation notifications, under a plain mutex and before any
//! `.await`. Requests read an immutable [`Analysis`] of one generation of
//! the text, computed once (off the runtime threads) and shared.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard};

use ropey::Rope;
use tokio::sync::OnceCell;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

use super::convert;
use super::Analyzer;
use crate::text::PositionEncoding;

pub use crate::ide::{panic_message, Analysis};

/// The outcome of analysing one generation: the analysis, or why it failed.
pub type AnalysisResult = Result<Arc<Analysis>, String>;

/// The error of an analysis cut short because the server is stopping.
pub const CANCELLED: &str = "cancelled";

struct Document {
    rope: Rope,
    version: i32,
    /// Bumped on every applied edit, unique across the store.
    generation: u64,
    analysis: Arc<OnceCell<AnalysisResult>>,
}

/// What became of a `didChange`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Applied; the document is now at this generation. `increasing`: the
    /// version was above the one before.
    Applied { generation: u64, increasing: bool },
    /// No such open document.
    Unknown,
}

/// A read-only view of one generation of a document (its text and, once
/// computed, its analysis); a request turns it into an `ide::Snapshot`.
#[derive(Clone)]
pub struct Generation {
    pub generation: u64,
    pub version: i32,
    rope: Rope,
    analysis: Arc<OnceCell<AnalysisResult>>,
}

#[derive(Default)]
pub struct Store {
    docs: Mutex<HashMap<Url, Document>>,
    generations: std::sync::atomic::AtomicU64,
}

impl Store {
    fn lock(&self) -> MutexGuard<'_, HashMap<Url, Document>> {
        // A panic while the lock was held cannot leave a rope half edited
        // (ropey edits are whole), so a poisoned lock is still usable.
        self.docs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn next_generation(&self) -> u64 {
        self.generations
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1
    }

    /// Opens (or reopens) a document; returns its generation.
    pub fn open(&self, uri: Url, version: i32, text: &str) -> u64 {
        let generation = self.next_generation();
        let doc = Document {
            rope: Rope::from_str(text),
            version,
            generation,
            analysis: Arc::default(),
        };
        self.lock().insert(uri, doc);
        generation
    }

    pub fn close(&self, uri: &Url) -> bool {
        self.lock().remove(uri).is_some()
    }

    /// Applies the changes of `version`, in order, and returns the new
    /// generation. Notifications reach the store in the order the client
    /// sent them (each handler edits before its first `.await`), so edits
    /// are applied as they come: versions may skip numbers (Neovim sends
    /// its `changedtick`), and one that does not increase is applied all
    /// the same, with a warning, rather than losing the user's edit.
    pub fn change(
        &self,
        uri: &Url,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: PositionEncoding,
    ) -> Change {
        let mut docs = self.lock();
        let Some(doc) = docs.get_mut(uri) else {
            return Change::Unknown;
        };
        let increasing = version > doc.version;
        apply(&mut doc.rope, &changes, enc);
        doc.version = version;
        let generation = self.next_generation();
        doc.generation = generation;
        doc.analysis = Arc::default();
        Change::Applied {
            generation,
            increasing,
        }
    }

    pub fn current(&self, uri: &Url) -> Option<Generation> {
        let docs = self.lock();
        let doc = docs.get(uri)?;
        Some(Generation {
            generation: doc.generation,
            version: doc.version,
            rope: doc.rope.clone(),
            analysis: doc.analysis.clone(),
        })
    }

    /// The current text of an open document.
    pub fn text(&self, uri: &Url) -> Option<String> {
        self.lock().get(uri).map(|d| d.rope.to_string())
    }

    /// Every open document with its generation.
    pub fn open_documents(&self) -> Vec<(Url, u64)> {
        self.lock()
            .iter()
            .map(|(uri, d)| (uri.clone(), d.generation))
            .collect()
    }

    pub fn generation(&self, uri: &Url) -> Option<u64> {
        self.lock().get(uri).map(|d| d.generation)
    }
}

fn apply(rope: &mut Rope, changes: &[TextDocumentContentChangeEvent], enc: PositionEncoding) {
    for change in changes {
        match change.range {
            None => *rope = Rope::from_str(&change.text),
            Some(range) => {
                let a = convert::rope_char(rope, range.start, enc);
                let b = convert::rope_char(rope, range.end, enc);
                let (start, end) = if a <= b { (a, b) } else { (b, a) };
                rope.remove(start..end);
                rope.insert(start, &change.text);
            }
        }
    }
}

impl Generation {
    /// The analysis of this generation, computed on first use on a blocking
    /// thread; a panic inside it is caught and returned as an error.
    pub async fn analysis(&self, analyzer: &Analyzer) -> AnalysisResult {
        self.analysis
            .get_or_init(|| {
                let rope = self.rope.clone();
                let analyzer = analyzer.clone();
                let version = self.version;
                async move {
                    let job =
                        tokio::task::spawn_blocking(move || analyze(rope, version, &analyzer));
                    match job.await {
                        Ok(Ok(analysis)) => Ok(analysis),
                        Ok(Err(e)) => {
                            tracing::error!("analysis failed (version {version}): {e}");
                            Err(e)
                        }
                        // The runtime is stopping.
                        Err(e) if e.is_cancelled() => Err(CANCELLED.to_owned()),
                        Err(e) => {
                            tracing::error!("analysis task failed (version {version}): {e}");
                            Err(e.to_string())
                        }
                    }
                }
            })
            .await
            .clone()
    }
}

fn analyze(rope: Rope, version: i32, analyzer: &Analyzer) -> AnalysisResult {
    let text: Arc<str> = Arc::from(rope.to_string());
    let started = std::time::Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| analyzer(&text)));
    match outcome {
        Ok((dossier, diagnostics)) => {
            tracing::debug!(
                "analysed version {version} ({} bytes) in {:?}",
                text.len(),
                started.elapsed()
            );
            Ok(Arc::new(Analysis::from_parts(
                version,
                text,
                dossier,
                diagnostics,
            )))
        }
        Err(panic) => Err(format!("panic: {}", panic_message(&*panic))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LineCol, LineIndex};
    use proptest::prelude::*;
    use tower_lsp::lsp_types::{Position, Range};

    const PIECES: &[&str] = &[
        "", "a", "é", "–", "«", "»", "😀", "xyz", "\n", "\r\n", "\r", " 7", "nr. 2955",
    ];

    fn edit_strategy() -> impl Strategy<Value = (u32, u32, u32, u32, Vec<usize>)> {
        (
            0u32..12,
            0u32..30,
            0u32..12,
            0u32..30,
            proptest::collection::vec(0..PIECES.len(), 0..4),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The store's rope after any edits equals the same edits applied
        /// to a string through the line index: same clamping, same line
        /// breaks, both encodings.
        #[test]
        fn rope_edits_match_string_edits(
            start in proptest::collection::vec(0..PIECES.len(), 0..12),
            edits in proptest::collection::vec(edit_strategy(), 1..15),
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
            let mut text: String = start.iter().map(|&i| PIECES[i]).collect();
            let uri = Url::parse("file:///t.txt").unwrap();
            let store = Store::default();
            store.open(uri.clone(), 0, &text);
            for (version, (l1, c1, l2, c2, insert)) in edits.into_iter().enumerate() {
                let new: String = insert.iter().map(|&i| PIECES[i]).collect();
                let index = LineIndex::new(&text);
                let a = index.offset(&text, LineCol { line: l1, col: c1 }, enc);
                let b = index.offset(&text, LineCol { line: l2, col: c2 }, enc);
                let (a, b) = (a.min(b), a.max(b));
                text.replace_range(a..b, &new);
                let change = TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
                    range_length: None,
                    text: new,
                };
                store.change(&uri, version as i32 + 1, vec![change], enc);
                prop_assert_eq!(store.text(&uri).unwrap(), text.clone());
            }
        }
    }
}
