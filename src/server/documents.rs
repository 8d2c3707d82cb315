//! One generation of an open document: its text (a rope) and, once
//! computed, its analysis. The owner of the state (`owner`) makes a new
//! [`Document`] for every applied edit; requests and background analysis
//! read it from a published `State`. The analysis of a generation is
//! computed once, off the runtime threads, and shared (`Arc<Analysis>`).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use ropey::Rope;
use tokio::sync::OnceCell;
use tower_lsp::lsp_types::TextDocumentContentChangeEvent;

use super::convert;
use super::Analyzer;
use crate::text::PositionEncoding;

pub use crate::ide::{panic_message, Analysis};

/// The outcome of analysing one generation: the analysis, or why it failed.
pub type AnalysisResult = Result<Arc<Analysis>, String>;

/// The error of an analysis cut short because the server is stopping.
pub const CANCELLED: &str = "cancelled";

/// One generation of an open document. Cloning is cheap (the rope shares
/// its nodes) and a clone never changes: an edit makes a new generation.
#[derive(Clone)]
pub struct Document {
    /// Unique across the session, bumped by every applied edit.
    pub generation: u64,
    pub version: i32,
    pub rope: Rope,
    /// The index holds this generation's summary.
    pub indexed: bool,
    analysis: Arc<OnceCell<AnalysisResult>>,
}

impl Document {
    pub fn new(generation: u64, version: i32, rope: Rope) -> Document {
        Document {
            generation,
            version,
            rope,
            indexed: false,
            analysis: Arc::default(),
        }
    }

    /// The next generation: this text with `changes` applied, in order.
    pub fn edited(
        &self,
        generation: u64,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        enc: PositionEncoding,
    ) -> Document {
        let mut rope = self.rope.clone();
        apply(&mut rope, changes, enc);
        Document::new(generation, version, rope)
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The text as one shared string: the analysis's once it is done (no
    /// copy: it is this generation's text), else the rope's.
    pub fn shared_text(&self) -> Arc<str> {
        match self.analysis.get() {
            Some(Ok(analysis)) => analysis.text.clone(),
            _ => Arc::from(self.text()),
        }
    }

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

/// Applies the changes of one `didChange` to `rope`, each against the text
/// the one before it left. Positions outside the text are clamped.
pub fn apply(rope: &mut Rope, changes: &[TextDocumentContentChangeEvent], enc: PositionEncoding) {
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

    #[test]
    fn the_shared_text_is_the_analysis_text_once_analysed() {
        let seed = include_str!("../../seeds/000_0dbf1fc7ba84b8b6.txt");
        let doc = Document::new(1, 1, Rope::from_str(seed));
        assert_eq!(&*doc.shared_text(), seed, "before the analysis: the rope's");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let analyzer: Analyzer = Arc::new(|text: &str| {
            let dossier = crate::Dossier::analyze(text);
            (dossier, Vec::new())
        });
        let analysis = runtime.block_on(doc.analysis(&analyzer)).unwrap();
        let shared = doc.shared_text();
        assert!(
            Arc::ptr_eq(&shared, &analysis.text),
            "no copy once analysed"
        );
        assert_eq!(&*shared, seed);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// A rope after any edits equals the same edits applied to a
        /// string through the line index: same clamping, same line breaks,
        /// both encodings.
        #[test]
        fn rope_edits_match_string_edits(
            start in proptest::collection::vec(0..PIECES.len(), 0..12),
            edits in proptest::collection::vec(edit_strategy(), 1..15),
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
            let mut text: String = start.iter().map(|&i| PIECES[i]).collect();
            let mut rope = Rope::from_str(&text);
            for (l1, c1, l2, c2, insert) in edits {
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
                apply(&mut rope, &[change], enc);
                prop_assert_eq!(rope.to_string(), text.clone());
            }
        }
    }
}
