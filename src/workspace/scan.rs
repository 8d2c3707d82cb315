//! Finding and analysing the dossiers under a folder, in parallel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::DocumentSummary;
use crate::text::decode;
use crate::Dossier;

/// Bounds that keep a badly chosen root (a home folder) from taking the
/// machine: files past the count or over the size are left out, with a
/// [`ScanProblem`] saying so.
#[derive(Debug, Clone)]
pub struct ScanLimits {
    pub max_files: usize,
    pub max_file_bytes: u64,
    pub max_depth: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        ScanLimits {
            max_files: 50_000,
            max_file_bytes: 32 * 1024 * 1024,
            max_depth: 24,
        }
    }
}

/// Something the user should hear about, with the path it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanProblem {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct FolderScan {
    /// `(path, summary)` in path order.
    pub documents: Vec<(PathBuf, DocumentSummary)>,
    pub problems: Vec<ScanProblem>,
}

/// Folders never searched: version control, dependencies, build output.
const SKIPPED: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "target",
    ".venv",
    "__pycache__",
];

/// Compiles glob patterns (`**/*.txt`); a bad pattern is a problem, not a
/// failure.
pub fn compile_globs(patterns: &[String]) -> (GlobSet, Vec<String>) {
    let mut builder = GlobSetBuilder::new();
    let mut bad = Vec::new();
    for p in patterns {
        match Glob::new(p) {
            Ok(g) => {
                builder.add(g);
            }
            Err(e) => bad.push(format!("glob `{p}`: {e}")),
        }
    }
    (builder.build().unwrap_or_else(|_| GlobSet::empty()), bad)
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
    let mut files = Vec::new();
    walk(root, root, &set, limits, 0, &mut files, &mut problems);
    files.sort();
    let total = files.len();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<(PathBuf, DocumentSummary)>> = Mutex::new(Vec::with_capacity(total));
    let found_problems: Mutex<Vec<ScanProblem>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(total.max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else {
                    break;
                };
                match summarize_file(path, limits) {
                    Ok(summary) => results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((path.clone(), summary)),
                    Err(message) => found_problems
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(ScanProblem {
                            path: path.clone(),
                            message,
                        }),
                }
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            });
        }
    });
    let mut documents = results.into_inner().unwrap_or_else(|e| e.into_inner());
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    problems.extend(
        found_problems
            .into_inner()
            .unwrap_or_else(|e| e.into_inner()),
    );
    FolderScan {
        documents,
        problems,
    }
}

/// Reads and analyses one file; a file that vanished, is too big, or is
/// binary gives a message instead. A panic in the analysis is caught.
pub fn summarize_file(path: &Path, limits: &ScanLimits) -> Result<DocumentSummary, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > limits.max_file_bytes {
        return Err(format!(
            "{} bytes is more than the limit of {}; not indexed",
            meta.len(),
            limits.max_file_bytes
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let decoded = decode(&bytes);
    if decoded.binary {
        return Err("a binary file (it contains NUL bytes); not indexed".into());
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let text = decoded.text;
    std::panic::catch_unwind(|| {
        let d = Dossier::analyze(&text);
        DocumentSummary::new(name, &text, &d)
    })
    .map_err(|_| "the analysis failed on this file (an internal error); not indexed".to_string())
}

fn walk(
    root: &Path,
    dir: &Path,
    set: &GlobSet,
    limits: &ScanLimits,
    depth: usize,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<ScanProblem>,
) {
    if depth > limits.max_depth {
        problems.push(ScanProblem {
            path: dir.to_path_buf(),
            message: format!(
                "more than {} folders deep; not searched further",
                limits.max_depth
            ),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(ScanProblem {
                path: dir.to_path_buf(),
                message: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Symlinks are not followed: a link loop cannot trap the walk.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !SKIPPED.contains(&name.as_ref()) {
                walk(root, &path, set, limits, depth + 1, files, problems);
            }
        } else if kind.is_file() {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            if set.is_match(rel) {
                if files.len() >= limits.max_files {
                    problems.push(ScanProblem {
                        path: root.to_path_buf(),
                        message: format!(
                            "more than {} matching files; the rest is not indexed",
                            limits.max_files
                        ),
                    });
                    return;
                }
                files.push(path);
            }
        }
    }
}
