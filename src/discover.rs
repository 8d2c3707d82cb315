//! Which files are dossiers: one policy for `check`'s folder search and the
//! server's workspace scan.
//!
//! - Symbolic links are followed, to folders and to files; a folder already
//!   searched (by its real path) is not searched again, so a link loop ends.
//! - Version control, dependency and build folders ([`SKIPPED_FOLDERS`]) are
//!   never searched.
//! - Files over [`MAX_FILE_BYTES`] are reported and not read.
//! - Which files count is said by globs relative to the folder searched;
//!   the default, [`DEFAULT_GLOBS`], takes plain text and Markdown.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rustc_hash::FxHashSet as HashSet;

use crate::i18n::Message;
use crate::msg;

/// The dossiers in a folder unless a setting says otherwise.
pub const DEFAULT_GLOBS: &[&str] = &["**/*.txt", "**/*.md"];

/// Folders never searched: version control, dependencies, build output.
pub const SKIPPED_FOLDERS: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "target",
    ".venv",
    "__pycache__",
];

/// Files larger than this are reported and left unread.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Folders deeper than this below the one searched are reported and left
/// out.
pub const MAX_DEPTH: usize = 32;

/// A folder that could not be searched (or searched no further), with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub message: Message,
}

/// The default globs, as settings hold them.
pub fn default_globs() -> Vec<String> {
    DEFAULT_GLOBS.iter().map(|g| g.to_string()).collect()
}

/// Compiles glob patterns (`**/*.txt`); a bad pattern is a message, not a
/// failure.
pub fn compile_globs(patterns: &[String]) -> (GlobSet, Vec<Message>) {
    let mut builder = GlobSetBuilder::new();
    let mut bad = Vec::new();
    for p in patterns {
        match Glob::new(p) {
            Ok(g) => {
                builder.add(g);
            }
            Err(e) => bad.push(msg!("glob-invalid", glob = p, error = e.to_string())),
        }
    }
    (builder.build().unwrap_or_else(|_| GlobSet::empty()), bad)
}

/// The files under `root` whose path relative to it matches `globs`, in
/// path order, at most `max_files` of them (a problem says when there were
/// more).
pub fn find_files(root: &Path, globs: &GlobSet, max_files: usize) -> (Vec<PathBuf>, Vec<Problem>) {
    find_files_from(root, root, globs, max_files)
}

/// [`find_files`] under `root`, the globs matched against paths relative
/// to `base` (a project's folder above `root`).
pub fn find_files_from(
    root: &Path,
    base: &Path,
    globs: &GlobSet,
    max_files: usize,
) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut search = Search {
        root,
        base,
        globs,
        max_files,
        seen: HashSet::default(),
        files: Vec::new(),
        problems: Vec::new(),
    };
    search.folder(root, 0);
    (search.files, search.problems)
}

struct Search<'a> {
    root: &'a Path,
    /// What the globs are relative to.
    base: &'a Path,
    globs: &'a GlobSet,
    max_files: usize,
    /// The real paths of the folders searched.
    seen: HashSet<PathBuf>,
    files: Vec<PathBuf>,
    problems: Vec<Problem>,
}

impl Search<'_> {
    /// Searches `dir`; false when the file count ran out.
    fn folder(&mut self, dir: &Path, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            self.problem(dir, msg!("folder-too-deep", depth = MAX_DEPTH));
            return true;
        }
        // A folder reached again through a link (a loop, or two links to
        // one folder) is searched once.
        match std::fs::canonicalize(dir) {
            Ok(real) => {
                if !self.seen.insert(real) {
                    return true;
                }
            }
            Err(e) => {
                self.problem(dir, msg!("folder-unreadable", error = e.to_string()));
                return true;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.problem(dir, msg!("folder-unreadable", error = e.to_string()));
                return true;
            }
        };
        // The entry's type comes with the listing: a stat only for links.
        let is_dir = |e: &std::fs::DirEntry| match e.file_type() {
            Ok(t) if t.is_symlink() => e.path().is_dir(),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        // Sorted by name: within one folder that is the paths' order.
        let mut entries: Vec<(std::ffi::OsString, bool)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.file_name(), is_dir(&e)))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
        for (name, folder) in entries {
            let path = dir.join(&name);
            if folder {
                let skipped = name.to_str().is_some_and(|n| SKIPPED_FOLDERS.contains(&n));
                if !skipped && !self.folder(&path, depth + 1) {
                    return false;
                }
                continue;
            }
            let absolute;
            let relative = if self.base == self.root {
                path.strip_prefix(self.root).unwrap_or(&path)
            } else {
                // The base is a project's folder, named absolutely.
                absolute = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
                absolute.strip_prefix(self.base).unwrap_or(&absolute)
            };
            if !self.globs.is_match(relative) {
                continue;
            }
            if self.files.len() >= self.max_files {
                let root = self.root.to_path_buf();
                let message = msg!("too-many-files", count = self.max_files);
                self.problem(&root, message);
                return false;
            }
            self.files.push(path);
        }
        true
    }

    fn problem(&mut self, path: &Path, message: Message) {
        self.problems.push(Problem {
            path: path.to_path_buf(),
            message,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dossier-discover-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(root: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    /// Text and Markdown are found, other files and skipped folders are
    /// not; a linked folder is searched, a link back up is not searched
    /// again.
    #[cfg(unix)]
    #[test]
    fn the_default_policy() {
        let root = scratch("policy");
        let elsewhere = scratch("policy-elsewhere");
        std::fs::write(root.join("brief.txt"), "Kamerstuk 22 112, nr. 2955.\n").unwrap();
        std::fs::write(root.join("notities.md"), "# Vragen\n").unwrap();
        std::fs::write(root.join("bijlage.pdf"), "%PDF").unwrap();
        for skipped in [".git", "node_modules", "target", ".venv"] {
            std::fs::create_dir_all(root.join(skipped)).unwrap();
            std::fs::write(root.join(skipped).join("x.txt"), "x\n").unwrap();
        }
        std::fs::create_dir_all(root.join("map")).unwrap();
        std::fs::write(root.join("map").join("antwoorden.txt"), "Antwoord 1\n").unwrap();
        std::os::unix::fs::symlink(&root, root.join("map").join("terug")).unwrap();
        std::fs::write(elsewhere.join("gedeeld.txt"), "Vraag 1\n").unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("gedeeld")).unwrap();

        let (globs, bad) = compile_globs(&default_globs());
        assert!(bad.is_empty());
        let (files, problems) = find_files(&root, &globs, usize::MAX);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            names(&root, &files),
            [
                "brief.txt",
                "gedeeld/gedeeld.txt",
                "map/antwoorden.txt",
                "notities.md"
            ]
        );

        // Past the count, the rest is left out with a problem saying so.
        let (files, problems) = find_files(&root, &globs, 2);
        assert_eq!(files.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .message
            .render(crate::i18n::Lang::En)
            .contains("more than 2 matching files"));

        std::fs::remove_dir_all(&root).unwrap();
        std::fs::remove_dir_all(&elsewhere).unwrap();
    }

    /// `check` and the server use the one size limit and list of folders.
    #[test]
    fn one_limit_for_check_and_the_workspace() {
        assert_eq!(
            crate::workspace::ScanLimits::default().max_file_bytes,
            MAX_FILE_BYTES
        );
        assert_eq!(MAX_FILE_BYTES, 64 * 1024 * 1024);
        let root = scratch("check");
        std::fs::create_dir_all(root.join("node_modules")).unwrap();
        std::fs::write(root.join("node_modules").join("x.txt"), "x\n").unwrap();
        std::fs::write(root.join("a.md"), "x\n").unwrap();
        let (files, errors) = crate::check::collect_files(std::slice::from_ref(&root));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names(&root, &files), ["a.md"]);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
