//! The project file, `.dossier-lsp.toml`: settings a team shares and that
//! `check` in a pipeline sees as the editors do.
//!
//! ```toml
//! files = ["**/*.txt", "concepten/**/*.md"]
//! language = "nl"
//! baseline = "dossier-baseline.json"
//!
//! [lints]
//! unreferenced-footnote = "off"
//!
//! [[overrides]]
//! files = ["bijlagen/**"]
//! lints = { placeholder-source = "hint" }
//! ```
//!
//! A file applies to the files in its folder and below; the nearest one
//! above a file is its project file. Editor settings go over it, it goes
//! over the defaults. What is wrong in it (bad TOML, an unknown key or lint
//! code, a value of the wrong kind) is a [`Problem`] with its place; the
//! rest of the file still applies.

pub mod baseline;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::discover::compile_globs;
use crate::i18n::{Lang, Message};
use crate::lints::LintLevels;
use crate::msg;
use crate::Span;
use baseline::Baseline;

pub const FILE_NAME: &str = ".dossier-lsp.toml";

/// The keys the file knows, at the top and in an override.
const KEYS: &[&str] = &["files", "language", "baseline", "lints", "overrides"];
const OVERRIDE_KEYS: &[&str] = &["files", "lints"];

/// What is wrong at one place of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte span in the file.
    pub span: Span,
    pub message: Message,
}

/// Lint levels for the files an override's globs match.
#[derive(Debug, Clone)]
pub struct Override {
    pub files: Vec<String>,
    globs: GlobSet,
    pub lints: LintLevels,
}

/// One read of a project file.
#[derive(Debug, Clone, Default)]
pub struct ProjectFile {
    /// The file itself.
    pub path: PathBuf,
    /// Its folder: globs and the baseline are relative to it.
    pub root: PathBuf,
    pub files: Option<Vec<String>>,
    pub lints: LintLevels,
    pub overrides: Vec<Override>,
    pub language: Option<Lang>,
    /// The baseline file, resolved against [`ProjectFile::root`].
    pub baseline: Option<PathBuf>,
    /// What it accepts, read by [`ProjectFile::load`] (none until a
    /// baseline is written).
    pub accepted: Option<Baseline>,
    pub problems: Vec<Problem>,
}

impl ProjectFile {
    /// Reads the project file at `path` (a missing or unreadable file is a
    /// problem, not an error: the defaults apply).
    /// A baseline that cannot be read is a problem of the file, on its
    /// `baseline` key.
    pub fn load(path: &Path) -> ProjectFile {
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                let mut file = ProjectFile::parse(path, "");
                file.problem(0..0, msg!("project-unreadable", error = e.to_string()));
                return file;
            }
        };
        let mut file = ProjectFile::parse(path, &text);
        if let Some(baseline) = file.baseline.clone().filter(|b| b.exists()) {
            match Baseline::load(&baseline) {
                Ok(accepted) => file.accepted = Some(accepted),
                Err(e) => {
                    let at = text
                        .find("baseline")
                        .map_or(0..0, |i| i..i + "baseline".len());
                    file.problem(at, e);
                }
            }
        }
        file
    }

    /// Reads `text` as the project file at `path`.
    pub fn parse(path: &Path, text: &str) -> ProjectFile {
        let mut file = ProjectFile {
            path: path.to_path_buf(),
            root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            ..ProjectFile::default()
        };
        let (table, errors) = DeTable::parse_recoverable(text);
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            file.problem(
                span,
                msg!("project-toml", error = e.message().trim().to_owned()),
            );
        }
        let table = table.into_inner();
        for (key, value) in table.iter() {
            match &**key.get_ref() {
                "files" => file.files = file.strings(value),
                "language" => file.language(value),
                "baseline" => {
                    if let Some(name) = file.string(value) {
                        file.baseline = Some(file.root.join(name));
                    }
                }
                "lints" => {
                    let mut levels = LintLevels::default();
                    file.levels(value, &mut levels);
                    file.lints = levels;
                }
                "overrides" => file.overrides(value),
                other => file.unknown_key(key.span(), other, KEYS),
            }
        }
        // In the file's order, whatever order the table keeps.
        file.problems.sort_by_key(|p| (p.span.start, p.span.end));
        file
    }

    /// The nearest project file in `start`'s folder (or `start` itself when
    /// it is a folder) or a folder above it.
    pub fn find(start: &Path) -> Option<PathBuf> {
        let first = if start.is_dir() {
            Some(start)
        } else {
            start.parent()
        };
        first?
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// The lint levels for `file`: the file's `[lints]`, then each override
    /// whose globs match it (relative to the root), in the file's order.
    pub fn levels_for(&self, file: &Path) -> LintLevels {
        let mut levels = self.lints.clone();
        let relative = file.strip_prefix(&self.root).unwrap_or(file);
        for o in &self.overrides {
            if o.globs.is_match(relative) {
                levels.overlay(&o.lints);
            }
        }
        levels
    }

    fn problem(&mut self, span: Span, message: Message) {
        self.problems.push(Problem { span, message });
    }

    fn unknown_key(&mut self, span: Span, key: &str, known: &[&str]) {
        self.problem(
            span,
            msg!("project-unknown-key", key = key, known = known.join(", ")),
        );
    }

    fn wrong_kind(&mut self, value: &Spanned<DeValue<'_>>, key: &str, expected: Message) {
        self.problem(
            value.span(),
            msg!(
                "project-wrong-kind",
                key = key,
                expected = expected,
                found = value.get_ref().type_str()
            ),
        );
    }

    fn string(&mut self, value: &Spanned<DeValue<'_>>) -> Option<String> {
        match value.get_ref().as_str() {
            Some(s) => Some(s.to_owned()),
            None => {
                self.wrong_kind(value, "baseline", msg!("project-kind-string"));
                None
            }
        }
    }

    /// A list of glob patterns; a bad pattern is a problem at its place.
    fn strings(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_kind(value, "files", msg!("project-kind-globs"));
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(pattern) => {
                    let (_, bad) = compile_globs(&[pattern.to_owned()]);
                    match bad.into_iter().next() {
                        Some(problem) => self.problem(item.span(), problem),
                        None => out.push(pattern.to_owned()),
                    }
                }
                None => self.wrong_kind(item, "files", msg!("project-kind-glob")),
            }
        }
        Some(out)
    }

    fn language(&mut self, value: &Spanned<DeValue<'_>>) {
        match value.get_ref().as_str().map(str::trim) {
            Some("auto") | Some("") => {}
            Some(code) if Lang::parse(code).is_some() => self.language = Lang::parse(code),
            _ => self.problem(
                value.span(),
                msg!("setting-language-unknown", value = text_of(value.get_ref())),
            ),
        }
    }

    /// `{ code = "level", … }` into `levels`; each bad entry a problem.
    fn levels(&mut self, value: &Spanned<DeValue<'_>>, levels: &mut LintLevels) {
        let Some(table) = value.get_ref().as_table() else {
            self.wrong_kind(value, "lints", msg!("project-kind-table"));
            return;
        };
        for (code, level) in table.iter() {
            let Some(written) = level.get_ref().as_str() else {
                self.wrong_kind(level, code.get_ref(), msg!("project-kind-level"));
                continue;
            };
            if let Err(e) = levels.set(&format!("{}={written}", code.get_ref())) {
                // An unknown code is marked on the code, a bad level on it.
                let span = if crate::lints::Lint::named(code.get_ref().trim()).is_none() {
                    code.span()
                } else {
                    level.span()
                };
                self.problem(span, e);
            }
        }
    }

    fn overrides(&mut self, value: &Spanned<DeValue<'_>>) {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_kind(value, "overrides", msg!("project-kind-overrides"));
            return;
        };
        for item in items.iter() {
            let Some(table) = item.get_ref().as_table() else {
                self.wrong_kind(item, "overrides", msg!("project-kind-overrides"));
                continue;
            };
            let mut files = None;
            let mut lints = LintLevels::default();
            for (key, value) in table.iter() {
                match &**key.get_ref() {
                    "files" => files = self.strings(value),
                    "lints" => self.levels(value, &mut lints),
                    other => self.unknown_key(key.span(), other, OVERRIDE_KEYS),
                }
            }
            match files {
                Some(files) if !files.is_empty() => {
                    let (globs, _) = compile_globs(&files);
                    self.overrides.push(Override {
                        files,
                        globs,
                        lints,
                    });
                }
                _ => self.problem(item.span(), msg!("project-override-without-files")),
            }
        }
    }
}

/// The project files of many paths, each found and read once (until
/// [`ProjectCache::clear`]).
#[derive(Debug, Default)]
pub struct ProjectCache {
    /// By folder: its project file, if any.
    folders: HashMap<PathBuf, Option<PathBuf>>,
    files: BTreeMap<PathBuf, Arc<ProjectFile>>,
    /// Read but not yet taken by [`ProjectCache::take_fresh`].
    fresh: Vec<Arc<ProjectFile>>,
}

impl ProjectCache {
    /// The project file of `path` (a file or a folder): the nearest above.
    pub fn of(&mut self, path: &Path) -> Option<Arc<ProjectFile>> {
        self.of_reading(path).map(|(file, _)| file)
    }

    /// [`ProjectCache::of`], and whether it was read just now.
    pub fn of_reading(&mut self, path: &Path) -> Option<(Arc<ProjectFile>, bool)> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let folder = if path.is_dir() {
            path
        } else {
            path.parent()?.to_path_buf()
        };
        let found = match self.folders.get(&folder) {
            Some(found) => found.clone(),
            None => {
                let found = ProjectFile::find(&folder);
                self.folders.insert(folder, found.clone());
                found
            }
        }?;
        if let Some(file) = self.files.get(&found) {
            return Some((file.clone(), false));
        }
        let file = Arc::new(ProjectFile::load(&found));
        self.files.insert(found, file.clone());
        self.fresh.push(file.clone());
        Some((file, true))
    }

    /// The project files read since the last call (to show their mistakes).
    pub fn take_fresh(&mut self) -> Vec<Arc<ProjectFile>> {
        std::mem::take(&mut self.fresh)
    }

    pub fn all(&self) -> impl Iterator<Item = &Arc<ProjectFile>> {
        self.files.values()
    }

    /// Forgets everything: a project file appeared, changed or went.
    pub fn clear(&mut self) {
        self.folders.clear();
        self.files.clear();
        self.fresh.clear();
    }
}

/// A value as the file wrote it, for a message.
fn text_of(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("\"{s}\""),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Integer(i) => i.as_str().to_owned(),
        DeValue::Float(f) => f.as_str().to_owned(),
        other => other.type_str().to_owned(),
    }
}

#[cfg(test)]
mod tests;
