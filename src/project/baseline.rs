//! The baseline: findings a project has accepted (`check --write-baseline`),
//! not reported again while the line they stand on reads the same. A
//! finding is known by its file (relative to the project's folder), its
//! code and its line's text, not by its line number, so text added above
//! it does not bring it back; two equal findings on equal lines count
//! twice.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::msg;

const VERSION: u32 = 1;

/// One accepted finding as the baseline file holds it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the project's folder, with `/`.
    pub path: String,
    pub code: String,
    /// Where it was when accepted; for a reader, not for matching.
    pub line: usize,
    /// The line's text, trimmed.
    pub text: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// The accepted findings, counted by file, code and line text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: HashMap<(String, String, String), usize>,
}

impl Baseline {
    /// Reads a baseline file; what cannot be read is a message.
    pub fn load(path: &Path) -> Result<Baseline, Message> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            msg!(
                "baseline-unreadable",
                path = shown.clone(),
                error = e.to_string()
            )
        })?;
        let file: File = serde_json::from_slice(&bytes).map_err(|e| {
            msg!(
                "baseline-invalid",
                path = shown.clone(),
                error = e.to_string()
            )
        })?;
        if file.version != VERSION {
            return Err(msg!(
                "baseline-version",
                path = shown,
                version = file.version
            ));
        }
        Ok(Baseline::from_entries(file.findings))
    }

    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Baseline {
        let mut counts = HashMap::new();
        for e in entries {
            *counts.entry((e.path, e.code, e.text)).or_insert(0) += 1;
        }
        Baseline { counts }
    }

    /// Writes `entries` (sorted, one per line) through a temporary file
    /// and a rename.
    pub fn write(path: &Path, mut entries: Vec<Entry>) -> Result<(), Message> {
        entries.sort();
        let file = File {
            version: VERSION,
            findings: entries,
        };
        let shown = path.display().to_string();
        let fail = |e: String| msg!("baseline-unwritable", path = shown.clone(), error = e);
        let mut text = serde_json::to_string_pretty(&file).map_err(|e| fail(e.to_string()))?;
        text.push('\n');
        let temporary = temporary_beside(path);
        std::fs::write(&temporary, text).map_err(|e| fail(e.to_string()))?;
        std::fs::rename(&temporary, path).map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            fail(e.to_string())
        })
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The accepted findings of one file, to take findings off as they
    /// are matched.
    pub fn for_file(&self, path: &str) -> FileBaseline {
        FileBaseline {
            left: self
                .counts
                .iter()
                .filter(|((p, _, _), _)| p == path)
                .map(|((_, code, text), n)| ((code.clone(), text.clone()), *n))
                .collect(),
        }
    }
}

/// What is left of one file's accepted findings.
pub struct FileBaseline {
    left: HashMap<(String, String), usize>,
}

impl FileBaseline {
    /// Whether a finding with `code` on a line reading `line` is accepted;
    /// each accepted finding hides one finding.
    pub fn accepts(&mut self, code: &str, line: &str) -> bool {
        match self
            .left
            .get_mut(&(code.to_owned(), line.trim().to_owned()))
        {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// A file's path relative to the project's folder, with `/`, as the
/// baseline names it.
pub fn relative(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
