//! One moment of the editor's world as the features see it: a document's
//! text and analysis, the workspace index, and a way to read the text of
//! other documents. Cloning is cheap (`Arc`s); nothing in it changes.

use std::collections::HashMap;
use std::sync::Arc;

use crate::dossier::Dossier;
use crate::i18n::Lang;
use crate::lints;
use crate::text::LineIndex;
use crate::workspace::Workspace;
use crate::Span;

/// One analysed generation of a document's text.
#[derive(Debug)]
pub struct Analysis {
    pub version: i32,
    pub text: Arc<str>,
    pub line_index: LineIndex,
    pub dossier: Dossier,
    pub diagnostics: Vec<lints::Diagnostic>,
}

impl Analysis {
    /// Analyses `text` with the lints of [`lints::lint`].
    pub fn new(version: i32, text: &str) -> Analysis {
        let dossier = Dossier::analyze(text);
        let diagnostics = lints::lint(&dossier, text);
        Analysis::from_parts(version, Arc::from(text), dossier, diagnostics)
    }

    pub fn from_parts(
        version: i32,
        text: Arc<str>,
        dossier: Dossier,
        diagnostics: Vec<lints::Diagnostic>,
    ) -> Analysis {
        Analysis {
            version,
            line_index: LineIndex::new(&text),
            text,
            dossier,
            diagnostics,
        }
    }

    /// The 1-based line of a byte offset, as editors show it.
    pub fn line_number(&self, offset: usize) -> usize {
        self.line_index.line_of(offset.min(self.text.len())) + 1
    }
}

/// The text of the workspace's other documents: the editor's when open,
/// else the file's. Features ask only to name a line in another document.
pub trait FileTexts: Send + Sync {
    fn text(&self, file: &str) -> Option<Arc<str>>;
}

/// No other document can be read.
pub struct NoFileTexts;

impl FileTexts for NoFileTexts {
    fn text(&self, _: &str) -> Option<Arc<str>> {
        None
    }
}

/// A document (`file`, its index key), its analysis and the workspace
/// index, as they were when a request came in.
#[derive(Clone)]
pub struct Snapshot {
    pub file: Arc<str>,
    pub analysis: Arc<Analysis>,
    pub workspace: Arc<Workspace>,
    pub files: Arc<dyn FileTexts>,
    /// The session's language, for every text a feature gives.
    pub lang: Lang,
}

impl Snapshot {
    pub fn new(
        file: impl Into<Arc<str>>,
        analysis: Arc<Analysis>,
        workspace: Arc<Workspace>,
        files: Arc<dyn FileTexts>,
    ) -> Snapshot {
        Snapshot {
            file: file.into(),
            analysis,
            workspace,
            files,
            lang: Lang::default(),
        }
    }

    /// The same moment, other documents read through `files`.
    pub fn with_files(mut self, files: Arc<dyn FileTexts>) -> Snapshot {
        self.files = files;
        self
    }

    /// The same moment, its texts in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Snapshot {
        self.lang = lang;
        self
    }

    pub fn text(&self) -> &str {
        &self.analysis.text
    }

    pub fn dossier(&self) -> &Dossier {
        &self.analysis.dossier
    }

    /// Reads each other document once, for the line numbers of places in it.
    pub fn lines(&self) -> OtherLines<'_> {
        OtherLines {
            snapshot: self,
            read: HashMap::new(),
        }
    }
}

/// Line numbers of places in other documents, each document read once.
pub struct OtherLines<'s> {
    snapshot: &'s Snapshot,
    read: HashMap<Arc<str>, Option<(Arc<str>, LineIndex)>>,
}

impl OtherLines<'_> {
    /// The 1-based line of `offset` in `file`; `None` when it cannot be read.
    pub fn line(&mut self, file: &str, offset: usize) -> Option<usize> {
        if *file == *self.snapshot.file {
            return Some(self.snapshot.analysis.line_number(offset));
        }
        if !self.read.contains_key(file) {
            let text = self.snapshot.files.text(file).map(|t| {
                let index = LineIndex::new(&t);
                (t, index)
            });
            self.read.insert(Arc::from(file), text);
        }
        let (text, index) = self.read.get(file)?.as_ref()?;
        Some(index.line_of(offset.min(text.len())) + 1)
    }
}

/// A place a feature points to: a span of a document of the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavigationTarget {
    /// The document's index key (its `file://` URI).
    pub file: Arc<str>,
    pub span: Span,
}

/// A file's name for a message, from its index key (`file:///…/a%20b.txt`
/// gives `a b.txt`); a key that is no `file:` URI stands for itself.
pub fn file_name(key: &str) -> String {
    let Some(path) = key.strip_prefix("file://") else {
        return key.to_owned();
    };
    let last = path.rsplit('/').next().unwrap_or(path);
    if last.is_empty() {
        return key.to_owned();
    }
    percent_decode(last)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_keys() {
        assert_eq!(file_name("file:///tmp/ws/antwoorden.txt"), "antwoorden.txt");
        assert_eq!(file_name("file:///tmp/ws/a%20b%C3%A9.txt"), "a bé.txt");
        assert_eq!(file_name("file:///tmp/ws/50%"), "50%");
        assert_eq!(file_name("untitled:Untitled-1"), "untitled:Untitled-1");
    }
}
