//! Finding and analysing the dossiers under a folder, in parallel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::DocumentSummary;
use crate::discover::{compile_globs, find_files, MAX_FILE_BYTES};
use crate::i18n::Message;
use crate::text::decode;
use crate::{msg, Dossier};

/// Bounds that keep a badly chosen root (a home folder) from taking the
/// machine: files past the count or over the size are left out, with a
/// [`ScanProblem`] saying so. Which files are found is
/// [`crate::discover`]'s policy, as for `check`.
#[derive(Debug, Clone)]
pub struct ScanLimits {
    pub max_files: usize,
    pub max_file_bytes: u64,
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            max_files: 50_000,
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

/// Something the user should hear about, with the path it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanProblem {
    pub path: PathBuf,
    pub message: Message,
}

#[derive(Debug, Default)]
pub struct FolderScan {
    /// `(path, summary)` in path order.
    pub documents: Vec<(PathBuf, DocumentSummary)>,
    pub problems: Vec<ScanProblem>,
}

/// Finds the files under `root` that match `globs` (relative to `root`),
/// then reads and analyses them on all cores. `progress(done, total)` is
/// called as files finish, from worker threads.
pub fn scan_folder(
    root: &Path,
    globs: &[String],
    limits: &ScanLimits,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> FolderScan {
    let (set, bad) = compile_globs(globs);
    let mut problems: Vec<ScanProblem> = bad
        .into_iter()
        .map(|message| ScanProblem {
            path: root.to_path_buf(),
            message,
        })
        .collect();
    let (files, found) = find_files(root, &set, limits.max_files);
    problems.extend(found.into_iter().map(|p| ScanProblem {
        path: p.path,
        message: p.message,
    }));
    let total = files.len();
    let done = AtomicUsize::new(0);
    let summaries: Vec<Result<DocumentSummary, Message>> = files
        .par_iter()
        .map(|path| {
            let summary = summarize_file(path, limits);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            summary
        })
        .collect();
    let mut documents = Vec::with_capacity(total);
    for (path, summary) in files.into_iter().zip(summaries) {
        match summary {
            Ok(summary) => documents.push((path, summary)),
            Err(message) => problems.push(ScanProblem { path, message }),
        }
    }
    FolderScan {
        documents,
        problems,
    }
}

/// Reads and analyses one file; a file that vanished, is too big, or is
/// binary gives a message instead. A panic in the analysis is caught.
pub fn summarize_file(path: &Path, limits: &ScanLimits) -> Result<DocumentSummary, Message> {
    let unreadable = |e: std::io::Error| msg!("index-unreadable", error = e.to_string());
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > limits.max_file_bytes {
        return Err(msg!(
            "index-too-large",
            bytes = meta.len(),
            limit = limits.max_file_bytes
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let decoded = decode(&bytes);
    if decoded.binary {
        return Err(msg!("index-binary"));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let text = decoded.text;
    std::panic::catch_unwind(|| {
        let d = Dossier::analyze(&text);
        DocumentSummary::new(name, &text, &d)
    })
    .map_err(|_| msg!("index-internal-error"))
}
