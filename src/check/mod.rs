//! The `check` command: compiler-style findings for files and folders.
//!
//! ```text
//! seeds/000.txt:182:4: warning[placeholder-source]: footnote 14 has a placeholder `PM BRON` instead of a source
//!     |
//! 182 | 14 PM BRON
//!     |    ^^^^^^^
//! ```
//!
//! Exit status: 1 when there is an error (with `--deny warnings` also a
//! warning), 0 otherwise; usage errors give 2 (from clap). With `--diff`:
//! 1 when there is a diff.
//!
//! `--fix` and `--diff` are in [`fix`], `--format sarif` in [`sarif`].

pub mod fix;
pub mod sarif;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;

use crate::discover::{compile_globs, default_globs, find_files_from, MAX_FILE_BYTES};

use crate::i18n::{Lang, Message};
use crate::lints::{
    lint, workspace_lints_with, Diagnostic, LintLevels, Severity, BINARY_FILE, INTERNAL_ERROR,
    INVALID_UTF8, PROJECT_FILE,
};
use crate::project::baseline::{self, Baseline, Entry};
use crate::project::{ProjectCache, ProjectFile};
use crate::text::{decode, decode_borrowed, probably_windows_1252, LineIndex, PositionEncoding};
use crate::workspace::{DocumentSummary, Workspace};
use crate::{msg, Dossier};

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Compiler style, with a summary line.
    Human,
    /// One JSON object per file and line.
    Json,
    /// One SARIF 2.1.0 log.
    Sarif,
}

/// Whether the safe fixes are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only report.
    Off,
    /// `--fix`: write them, then report what remains.
    Write,
    /// `--diff`: print them as a unified diff, write nothing.
    Diff,
}

pub struct Options {
    pub format: Format,
    pub fix: FixMode,
    pub deny_warnings: bool,
    pub color: bool,
    /// Severities chosen with `--lint CODE=LEVEL` (over the project file's).
    pub levels: LintLevels,
    /// The language of messages and the summary: `--lang`, else the
    /// project file's `language`, else the environment's.
    pub lang: Option<Lang>,
    /// Write the findings to the project's baseline instead of reporting.
    pub write_baseline: bool,
}

/// What the project files make of one run: each file's project file and
/// lint levels, and the language.
struct Context {
    projects: ProjectCache,
    project_of: Vec<Option<Arc<ProjectFile>>>,
    levels: Vec<LintLevels>,
    lang: Lang,
}

/// The findings for one file, ready to print.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub diagnostics: Vec<Finding>,
}

#[derive(Debug)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Rendered in the session's language when printed.
    pub message: Message,
    /// 1-based line and column (column in characters).
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    source_line: String,
    underline: (usize, usize),
}

/// Analyses one file's bytes. Unreadable encodings become findings.
pub fn check_bytes(path: &str, bytes: &[u8]) -> FileReport {
    let checked = analyse_bytes(path, bytes, Stamp::default(), &LintLevels::default());
    FileReport {
        path: path.to_string(),
        diagnostics: checked.findings,
    }
}

/// One file after the first pass: its own findings (lines and columns
/// read, levels applied) and what the index keeps of it. The text itself
/// is not kept: it is read again only for the few findings other files
/// cause ([`read_again`]).
struct Checked {
    findings: Vec<Finding>,
    summary: Option<DocumentSummary>,
    /// The file as it was read, to know it again.
    stamp: Stamp,
}

/// A file's length and modification time when it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// Decodes and analyses one file's bytes (valid UTF-8 without a copy);
/// `stamp` is the file's as it was read.
fn analyse_bytes(path: &str, bytes: &[u8], stamp: Stamp, levels: &LintLevels) -> Checked {
    let d = decode_borrowed(bytes);
    let encoding =
        (d.invalid_sequences > 0 && probably_windows_1252(bytes)).then_some("Windows-1252");
    let (findings, summary) = analyse(
        path,
        &d.text,
        d.invalid_sequences,
        encoding,
        d.binary,
        levels,
    );
    Checked {
        findings,
        summary,
        stamp,
    }
}

fn analyse(
    path: &str,
    text: &str,
    invalid_sequences: usize,
    probable_encoding: Option<&str>,
    binary: bool,
    levels: &LintLevels,
) -> (Vec<Finding>, Option<DocumentSummary>) {
    let mut diagnostics = Vec::new();
    if binary {
        diagnostics.push(BINARY_FILE.at(0..0, msg!("check-binary-file")));
        return (findings(text, None, levels.apply(diagnostics)), None);
    }
    if invalid_sequences > 0 {
        let message = match probable_encoding {
            Some(e) => msg!(
                "check-invalid-utf8-probably",
                count = invalid_sequences,
                encoding = e
            ),
            None => msg!("check-invalid-utf8", count = invalid_sequences),
        };
        diagnostics.push(INVALID_UTF8.at(0..0, message));
    }
    let outcome = std::panic::catch_unwind(|| {
        let line_index = LineIndex::new(text);
        let dossier = Dossier::analyze_indexed(text, &line_index);
        (
            lint(&dossier, text),
            DocumentSummary::deferred(path, text, &dossier),
            line_index,
        )
    });
    let (summary, line_index) = match outcome {
        Ok((found, summary, line_index)) => {
            diagnostics.extend(found);
            (Some(summary), Some(line_index))
        }
        Err(_) => {
            diagnostics.push(INTERNAL_ERROR.at(0..0, msg!("check-internal-error")));
            (None, None)
        }
    };
    (
        findings(text, line_index, levels.apply(diagnostics)),
        summary,
    )
}

/// Zero-based line and column in characters of a byte offset (moved back
/// to a character boundary, and to the text's end when past it).
fn char_position(text: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let pos = index.position(text, offset, PositionEncoding::Utf8);
    let line = pos.line as usize;
    let start = index.line_start(line).unwrap_or(0);
    (line, text[start..start + pos.col as usize].chars().count())
}

/// Findings with their lines and columns, and the lines they are on.
fn findings(text: &str, index: Option<LineIndex>, diagnostics: Vec<Diagnostic>) -> Vec<Finding> {
    if diagnostics.is_empty() {
        return Vec::new();
    }
    let index = index.unwrap_or_else(|| LineIndex::new(text));
    diagnostics
        .into_iter()
        .map(|d| {
            let (line, col) = char_position(text, &index, d.span.start);
            let (end_line, end_column) = char_position(text, &index, d.span.end.max(d.span.start));
            let line_span = index.line_span(text, line).unwrap_or(0..0);
            let line_text = &text[line_span];
            let end_col = if end_line == line {
                end_column
            } else {
                line_text.chars().count()
            };
            Finding {
                code: d.code,
                severity: d.severity,
                message: d.message,
                line: line + 1,
                column: col + 1,
                end_line: end_line + 1,
                end_column: end_column + 1,
                start: d.span.start,
                end: d.span.end,
                source_line: line_text.trim_end().to_string(),
                underline: (col, end_col.max(col + 1)),
            }
        })
        .collect()
}

/// Files to check: the given files, and the dossiers under the given
/// folders as [`crate::discover`] finds them (`*.txt` and `*.md`, links
/// followed, version control and build folders skipped), in path order.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Message>) {
    collect_files_in(paths, &mut ProjectCache::default())
}

/// [`collect_files`], a folder searched with the `files` of its project
/// file (relative to the project's folder) when it names some.
fn collect_files_in(
    paths: &[PathBuf],
    projects: &mut ProjectCache,
) -> (Vec<PathBuf>, Vec<Message>) {
    let (default, _) = compile_globs(&default_globs());
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let project = projects.of(p);
                let (found, problems) = match project.as_ref().and_then(|f| f.files.as_ref()) {
                    Some(patterns) => {
                        let (globs, _) = compile_globs(patterns);
                        let root = &project.as_ref().expect("a project").root;
                        find_files_from(p, root, &globs, usize::MAX)
                    }
                    None => find_files_from(p, p, &default, usize::MAX),
                };
                files.extend(found);
                errors.extend(problems.into_iter().map(|e| {
                    msg!(
                        "file-problem",
                        path = e.path.display().to_string(),
                        problem = e.message
                    )
                }));
            }
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(msg!(
                "file-problem",
                path = p.display().to_string(),
                problem = e.to_string()
            )),
        }
    }
    (files, errors)
}

/// Reads and analyses the files on all cores: each file's findings and
/// summary, in the order given, or the error that kept it unread.
fn analyse_all(files: &[PathBuf], levels: &[LintLevels]) -> Vec<Result<Checked, Message>> {
    // Each worker reads into one buffer of its own: the text is not kept,
    // so no file's bytes land on freshly mapped memory.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    files
        .par_iter()
        .zip(levels)
        .map(|(file, levels)| {
            let shown = file.display().to_string();
            BUFFER.with_borrow_mut(|bytes| match read_file(file, bytes) {
                Ok(Ok(stamp)) => Ok(analyse_bytes(&shown, bytes, stamp, levels)),
                Ok(Err(len)) => Err(msg!(
                    "check-too-large",
                    path = shown,
                    bytes = len,
                    limit = MAX_FILE_BYTES
                )),
                Err(e) => Err(msg!("file-problem", path = shown, problem = e.to_string())),
            })
        })
        .collect()
}

/// The summaries of the files `chosen`, completed on all cores by
/// `complete` with each file's text and dossier, read and analysed again
/// (`None` for a file changed since it was read). A file whose analysis
/// panics keeps the summary it had.
fn complete_summaries(
    files: &[PathBuf],
    checked: &mut [Result<Checked, Message>],
    chosen: Vec<usize>,
    complete: impl Fn(&mut DocumentSummary, Option<(&str, &Dossier)>) + Sync,
) {
    let completed: Vec<Option<DocumentSummary>> = chosen
        .par_iter()
        .map(|&i| {
            let c = checked[i].as_ref().expect("a checked file");
            let mut summary = c.summary.clone().expect("a summary");
            let text = read_again(&files[i], c.stamp).ok();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                match &text {
                    Some(text) => complete(&mut summary, Some((text, &Dossier::analyze(text)))),
                    None => complete(&mut summary, None),
                }
                summary
            }))
            .ok()
        })
        .collect();
    for (i, summary) in chosen.into_iter().zip(completed) {
        if let (Ok(c), Some(summary)) = (&mut checked[i], summary) {
            c.summary = Some(summary);
        }
    }
}

fn summary_of(c: &Result<Checked, Message>) -> Option<&DocumentSummary> {
    c.as_ref().ok()?.summary.as_ref()
}

/// When a file looks its questions up in the others (a committee letter
/// without its answers), the words of the others' questions are hashed
/// for it: their texts are read and analysed again, on all cores. Most
/// sets of files hold no such letter and skip this.
fn hash_words_if_asked(files: &[PathBuf], checked: &mut [Result<Checked, Message>]) {
    if !checked
        .iter()
        .filter_map(summary_of)
        .any(DocumentSummary::asks_elsewhere)
    {
        return;
    }
    let asked: Vec<usize> = (0..checked.len())
        .filter(|&i| summary_of(&checked[i]).is_some_and(|s| s.words_deferred && s.may_be_asked()))
        .collect();
    complete_summaries(files, checked, asked, |summary, read| match read {
        Some((_, d)) => summary.hash_deferred_words(d),
        // A file changed since it was read keeps no words to be found by.
        None => summary.hash_deferred_words(&Dossier::default()),
    });
}

/// A file whose quotations cite another of the files gets its quotations'
/// words: read and analysed again, on all cores. Most files quote none of
/// the others and are not read again.
fn read_quotations(files: &[PathBuf], checked: &mut [Result<Checked, Message>]) {
    let present: rustc_hash::FxHashSet<&str> = checked
        .iter()
        .filter_map(|c| summary_of(c)?.id.as_deref())
        .collect();
    let quoting: Vec<usize> = (0..checked.len())
        .filter(|&i| {
            summary_of(&checked[i]).is_some_and(|s| {
                s.deferred_quotes
                    .iter()
                    .any(|id| s.id.as_ref() != Some(id) && present.contains(id.as_str()))
            })
        })
        .collect();
    // A file changed since it was read quotes nothing here.
    complete_summaries(files, checked, quoting, |summary, read| {
        if let Some((text, d)) = read {
            summary.read_deferred_quotes(text, d);
        }
    });
}

/// The files that another file quotes (its quotations' notes cite them)
/// get the normalised text their quotations are looked up in: read and
/// analysed again, on all cores. Most files are quoted by none and are
/// not read again. The quoting files' quotations are read first.
fn index_quoted(files: &[PathBuf], checked: &mut [Result<Checked, Message>]) {
    read_quotations(files, checked);
    let quoted: rustc_hash::FxHashSet<&str> = checked
        .iter()
        .filter_map(summary_of)
        .flat_map(|s| {
            s.quotes
                .iter()
                .filter(|q| s.id.as_deref() != Some(q.id.as_str()))
                .map(|q| q.id.as_str())
        })
        .collect();
    let wanted: Vec<usize> = (0..checked.len())
        .filter(|&i| {
            summary_of(&checked[i]).is_some_and(|s| {
                s.passages().is_none() && s.id.as_deref().is_some_and(|id| quoted.contains(id))
            })
        })
        .collect();
    // A file changed since it was read is not looked in.
    complete_summaries(files, checked, wanted, |summary, read| {
        if let Some((_, d)) = read {
            summary.index_passages(d);
        }
    });
}

/// Reads a file into `bytes`, or gives its length when that is more than
/// [`MAX_FILE_BYTES`] (one open, one fstat, the reads: no stat by name
/// first).
pub(crate) fn read_file(path: &Path, bytes: &mut Vec<u8>) -> std::io::Result<Result<Stamp, u64>> {
    let mut file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    let stamp = Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    };
    if stamp.len > MAX_FILE_BYTES {
        return Ok(Err(stamp.len));
    }
    read_sized(&mut file, stamp.len as usize, bytes)?;
    Ok(Ok(stamp))
}

/// Reads `file` to its end into `bytes`, with room for `len` bytes and one
/// more from the start: the read that fills it and the one that finds the
/// end. (std's `read_to_end` asks the size once more, a stat and a seek
/// per file.) A file that grew since its size was taken is read whole.
fn read_sized(
    file: &mut impl std::io::Read,
    len: usize,
    bytes: &mut Vec<u8>,
) -> std::io::Result<()> {
    bytes.clear();
    bytes.resize(len + 1, 0);
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize(2 * bytes.len(), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                bytes.clear();
                return Err(e);
            }
        }
    }
    bytes.truncate(filled);
    Ok(())
}

/// A file's text once more, for findings that other files cause; an error
/// when it is no longer the file that was analysed.
fn read_again(path: &Path, stamp: Stamp) -> Result<String, Message> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    match read_file(path, &mut bytes) {
        Ok(Ok(now)) if now == stamp && bytes.len() as u64 == stamp.len => Ok(decode(&bytes).text),
        Err(e) => Err(msg!("file-problem", path = shown, problem = e.to_string())),
        _ => Err(msg!("check-changed-while-read", path = shown)),
    }
}

/// A file's findings' severities, its printed report (or, for SARIF, the
/// report itself, printed with the others at the end), and a problem met
/// on the way (the file changed under the check).
/// With `--write-baseline`, its findings as baseline entries instead.
type Printed = Result<
    (
        Vec<Severity>,
        Vec<u8>,
        Option<FileReport>,
        Option<Message>,
        Vec<Entry>,
    ),
    Message,
>;

/// A path as it is on this machine, for finding project files above it.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The mistakes of a project file as its findings (`project-file`).
fn project_report(project: &ProjectFile) -> Option<FileReport> {
    if project.problems.is_empty() {
        return None;
    }
    let text = std::fs::read(&project.path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let diagnostics = project
        .problems
        .iter()
        .map(|p| PROJECT_FILE.at(p.span.clone(), p.message.clone()))
        .collect();
    // Named as the checked files are: from the current folder when below it.
    let here = std::env::current_dir().unwrap_or_default();
    let shown = match project.path.strip_prefix(&here) {
        Ok(rel) => Path::new(".").join(rel),
        Err(_) => project.path.clone(),
    };
    Some(FileReport {
        path: shown.display().to_string(),
        diagnostics: findings(&text, None, diagnostics),
    })
}

/// Writes each project's findings to the baseline its file names, and
/// says so; a project file that names none is an error.
fn write_baselines(
    projects: &ProjectCache,
    project_of: &[Option<Arc<ProjectFile>>],
    mut accepted: HashMap<PathBuf, Vec<Entry>>,
    lang: Lang,
    mut failed: bool,
) -> ExitCode {
    if project_of.iter().any(Option::is_none) {
        eprintln!(
            "{}",
            msg!("check-error", error = msg!("baseline-no-project")).render(lang)
        );
        failed = true;
    }
    for project in projects.all() {
        let entries = accepted.remove(&project.path).unwrap_or_default();
        let Some(path) = &project.baseline else {
            let e = msg!(
                "baseline-not-named",
                project = project.path.display().to_string()
            );
            eprintln!("{}", msg!("check-error", error = e).render(lang));
            failed = true;
            continue;
        };
        let count = entries.len();
        match Baseline::write(path, entries) {
            Ok(()) => println!(
                "{}",
                msg!(
                    "baseline-written",
                    count = count,
                    path = path.display().to_string()
                )
                .render(lang)
            ),
            Err(e) => {
                eprintln!("{}", msg!("check-error", error = e).render(lang));
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A file's findings that need the other files. Its text is read again
/// only when there are some to show, or when the findings need it.
fn workspace_findings(
    file: &Path,
    key: &str,
    stamp: Stamp,
    summary: &DocumentSummary,
    workspace: &Workspace,
    levels: &LintLevels,
) -> Result<Vec<Finding>, Message> {
    let text = if summary.asks_elsewhere() {
        Some(read_again(file, stamp)?)
    } else {
        None
    };
    let text_or_none = text.as_deref().unwrap_or("");
    let diagnostics = workspace_lints_with(key, summary, text_or_none, workspace, levels);
    if diagnostics.is_empty() {
        return Ok(Vec::new());
    }
    let text = match text {
        Some(text) => text,
        None => read_again(file, stamp)?,
    };
    Ok(findings(&text, None, diagnostics))
}

pub fn run(paths: &[PathBuf], options: &Options) -> ExitCode {
    let mut projects = ProjectCache::default();
    let (files, errors) = collect_files_in(paths, &mut projects);
    // Each file's project file, and its levels: the command line's over
    // the project file's.
    let project_of = projects_of(&files, &mut projects);
    let levels: Vec<LintLevels> = files
        .iter()
        .zip(&project_of)
        .map(|(file, project)| {
            let mut levels = match project {
                Some(p) => p.levels_for(&absolute(file)),
                None => LintLevels::default(),
            };
            levels.overlay(&options.levels);
            levels
        })
        .collect();
    let lang = options
        .lang
        .or_else(|| projects.all().find_map(|p| p.language))
        .unwrap_or_else(Lang::from_env);
    let ctx = Context {
        projects,
        project_of,
        levels,
        lang,
    };
    for e in &errors {
        print_error(e, lang);
    }
    match options.fix {
        FixMode::Off => report(&files, !errors.is_empty(), errors, options, &ctx),
        FixMode::Diff => {
            let (changed, failed) = fix_all(&files, options, &ctx);
            if changed || failed || !errors.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        FixMode::Write => {
            let (_, failed) = fix_all(&files, options, &ctx);
            // What remains, read from the files as they are now.
            report(&files, failed || !errors.is_empty(), errors, options, &ctx)
        }
    }
}

/// Each file's project file. The files of one folder come one after
/// another and share it: the folder is looked up once, not a stat and a
/// path per file (a serial step before the analysis starts).
fn projects_of(files: &[PathBuf], projects: &mut ProjectCache) -> Vec<Option<Arc<ProjectFile>>> {
    let mut last: Option<(&Path, Option<Arc<ProjectFile>>)> = None;
    files
        .iter()
        .map(|file| {
            let folder = file.parent().filter(|f| !f.as_os_str().is_empty());
            match (&last, folder) {
                (Some((seen, project)), Some(folder)) if *seen == folder => project.clone(),
                _ => {
                    let project = projects.of(file);
                    last = folder.map(|f| (f, project.clone()));
                    project
                }
            }
        })
        .collect()
}

fn print_error(e: &Message, lang: Lang) {
    eprintln!("{}", msg!("check-error", error = e.clone()).render(lang));
}

/// Fixes the files on all cores; then, in order, writes each (`--fix`,
/// saying what it fixed) or prints its diff (`--diff`). Whether any file
/// had fixes, and whether any could not be read or written.
fn fix_all(files: &[PathBuf], options: &Options, ctx: &Context) -> (bool, bool) {
    let lang = ctx.lang;
    let passages = quoted_passages(files, &ctx.levels);
    let fixed: Vec<Result<Option<fix::FileFix>, Message>> = files
        .par_iter()
        .zip(&ctx.levels)
        .map(|(file, levels)| fix::fix_file(file, levels, &passages))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut changed, mut failed) = (false, false);
    for result in fixed {
        let f = match result {
            Ok(Some(f)) => f,
            Ok(None) => continue,
            Err(e) => {
                print_error(&e, lang);
                failed = true;
                continue;
            }
        };
        changed = true;
        if f.unsettled {
            let rounds = fix::MAX_ROUNDS;
            let m = msg!(
                "check-fix-unfinished",
                path = f.shown.clone(),
                rounds = rounds
            );
            eprintln!("{}", m.render(lang));
        }
        if options.fix == FixMode::Diff {
            let _ = out.write_all(f.diff().as_bytes());
            continue;
        }
        match f.write() {
            Ok(()) => {
                let said = f.summary().render(lang);
                // Machine-read output keeps stdout to itself.
                if options.format == Format::Human {
                    let _ = writeln!(out, "{said}");
                } else {
                    eprintln!("{said}");
                }
            }
            Err(e) => {
                let _ = out.flush();
                print_error(&e, lang);
                failed = true;
            }
        }
    }
    let _ = out.flush();
    (changed, failed)
}

/// The passage indexes of the files that another of `files` quotes, for
/// setting quotations' pins: nothing when no file quotes another.
fn quoted_passages(files: &[PathBuf], levels: &[LintLevels]) -> fix::Passages {
    let mut passages = fix::Passages::default();
    if files.len() < 2 {
        return passages;
    }
    let mut checked = analyse_all(files, levels);
    index_quoted(files, &mut checked);
    for c in checked.iter().flatten() {
        if let Some(s) = &c.summary {
            if let (Some(id), Some(index)) = (&s.id, s.passages()) {
                passages.entry(id.clone()).or_insert_with(|| index.clone());
            }
        }
    }
    passages
}

/// Checks the files and prints their findings; `failed_io` when some file
/// already could not be read, `problems` what kept it (for SARIF's log).
fn report(
    files: &[PathBuf],
    mut failed_io: bool,
    mut problems: Vec<Message>,
    options: &Options,
    ctx: &Context,
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut worst: Option<Severity> = None;
    let lang = ctx.lang;
    let (project_of, levels) = (&ctx.project_of, &ctx.levels);
    // The project files' own mistakes come first.
    let project_reports: Vec<FileReport> = ctx
        .projects
        .all()
        .filter_map(|p| project_report(p))
        .collect();
    let hidden = std::sync::atomic::AtomicUsize::new(0);
    let mut checked = analyse_all(files, levels);
    // The files checked together are each other's workspace.
    let mut workspace = Workspace::without_citers();
    if files.len() > 1 {
        hash_words_if_asked(files, &mut checked);
        index_quoted(files, &mut checked);
        for (file, c) in files.iter().zip(&mut checked) {
            if let Some(summary) = c.as_mut().ok().and_then(|c| c.summary.take()) {
                workspace.insert(&file.display().to_string(), summary);
            }
        }
    }
    // Each file's cross-document findings and its printed report, on all
    // cores; then printed in order.
    let work: Vec<(usize, Result<Checked, Message>)> = checked.into_iter().enumerate().collect();
    let rendered: Vec<Printed> = work
        .into_par_iter()
        .map(|(i, c)| {
            let file = &files[i];
            let shown = file.display().to_string();
            let c = c?;
            let mut report = FileReport {
                path: shown,
                diagnostics: c.findings,
            };
            let mut problem = None;
            if let Some(summary) = workspace.get(&report.path) {
                let levels = &levels[i];
                match workspace_findings(file, &report.path, c.stamp, summary, &workspace, levels) {
                    Ok(found) => report.diagnostics.extend(found),
                    Err(e) => problem = Some(e),
                }
                report.diagnostics.sort_by_key(|f| (f.start, f.end, f.code));
            }
            let project = project_of[i].as_deref();
            let relative = project.map(|p| baseline::relative(&p.root, &absolute(file)));
            if options.write_baseline {
                let entries = report
                    .diagnostics
                    .iter()
                    .map(|f| Entry {
                        path: relative.clone().unwrap_or_default(),
                        code: f.code.to_owned(),
                        line: f.line,
                        text: f.source_line.trim().to_owned(),
                    })
                    .collect();
                return Ok((Vec::new(), Vec::new(), None, problem, entries));
            }
            if let (Some(p), Some(relative)) = (project, &relative) {
                if let Some(accepted) = &p.accepted {
                    let mut accepted = accepted.for_file(relative);
                    let before = report.diagnostics.len();
                    report
                        .diagnostics
                        .retain(|f| !accepted.accepts(f.code, &f.source_line));
                    hidden.fetch_add(
                        before - report.diagnostics.len(),
                        std::sync::atomic::Ordering::Relaxed,
                    );
                }
            }
            let severities: Vec<Severity> = report.diagnostics.iter().map(|f| f.severity).collect();
            let mut printed = Vec::new();
            let _ = match options.format {
                Format::Json => write_json(&mut printed, &report, lang),
                Format::Human => write_human(&mut printed, &report, lang),
                Format::Sarif => {
                    return Ok((severities, printed, Some(report), problem, Vec::new()))
                }
            };
            Ok((severities, printed, None, problem, Vec::new()))
        })
        .collect();
    let (mut n_err, mut n_warn, mut n_other) = (0, 0, 0);
    let mut reports = Vec::new();
    for report in project_reports {
        n_err += report.diagnostics.len();
        if !report.diagnostics.is_empty() {
            worst = Some(Severity::Error);
        }
        let mut printed = Vec::new();
        let _ = match options.format {
            Format::Json => write_json(&mut printed, &report, lang),
            Format::Human => write_human(&mut printed, &report, lang),
            Format::Sarif => {
                reports.push(report);
                continue;
            }
        };
        let _ = out.write_all(&printed);
    }
    let mut accepted: HashMap<PathBuf, Vec<Entry>> = HashMap::new();
    for (i, result) in rendered.into_iter().enumerate() {
        let (severities, printed, report, problem, entries) = match result {
            Ok(r) => r,
            Err(e) => {
                print_error(&e, lang);
                problems.push(e);
                failed_io = true;
                continue;
            }
        };
        if let Some(e) = problem {
            print_error(&e, lang);
            problems.push(e);
            failed_io = true;
        }
        for severity in severities {
            worst = worst.max(Some(severity));
            match severity {
                Severity::Error => n_err += 1,
                Severity::Warning => n_warn += 1,
                _ => n_other += 1,
            }
        }
        reports.extend(report);
        let _ = out.write_all(&printed);
        if let Some(p) = &project_of[i] {
            accepted.entry(p.path.clone()).or_default().extend(entries);
        }
    }
    if options.write_baseline {
        let _ = out.flush();
        return write_baselines(&ctx.projects, project_of, accepted, lang, failed_io);
    }
    let hidden = hidden.into_inner();
    if hidden > 0 && options.format == Format::Human {
        let _ = writeln!(
            out,
            "{}",
            msg!("check-baseline-hidden", count = hidden).render(lang)
        );
    }
    match options.format {
        Format::Human => {
            let summary = msg!(
                "check-summary",
                files = files.len(),
                errors = n_err,
                warnings = n_warn,
                others = n_other
            );
            let _ = writeln!(out, "{}", summary.render(lang));
        }
        Format::Sarif => {
            let _ = sarif::write(&mut out, &reports, &problems, lang);
        }
        Format::Json => {}
    }
    let _ = out.flush();
    // The process ends here: freeing the index piece by piece would only
    // cost time.
    std::mem::forget(workspace);
    let fail = failed_io
        || worst == Some(Severity::Error)
        || (options.deny_warnings && worst == Some(Severity::Warning));
    if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One JSON object per file, one per line; messages in `lang`, field
/// names and codes the same in every language.
pub fn write_json(out: &mut impl Write, report: &FileReport, lang: Lang) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Shown<'a> {
        path: &'a str,
        diagnostics: Vec<ShownFinding>,
    }
    #[derive(Serialize)]
    struct ShownFinding {
        code: &'static str,
        severity: Severity,
        message: String,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
        start: usize,
        end: usize,
    }
    let shown = Shown {
        path: &report.path,
        diagnostics: report
            .diagnostics
            .iter()
            .map(|f| ShownFinding {
                code: f.code,
                severity: f.severity,
                message: f.message.render(lang),
                line: f.line,
                column: f.column,
                end_line: f.end_line,
                end_column: f.end_column,
                start: f.start,
                end: f.end,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &shown)?;
    writeln!(out)
}

/// rustc/ruff style: `path:line:col: severity[code]: message`, the line, a caret.
pub fn write_human(out: &mut impl Write, report: &FileReport, lang: Lang) -> std::io::Result<()> {
    // Written piece by piece, numbers without the formatting machinery:
    // thousands of findings go through here.
    let mut digits = [0u8; 20];
    for f in &report.diagnostics {
        out.write_all(report.path.as_bytes())?;
        out.write_all(b":")?;
        out.write_all(crate::text::decimal(f.line as u64, &mut digits))?;
        out.write_all(b":")?;
        out.write_all(crate::text::decimal(f.column as u64, &mut digits))?;
        out.write_all(b": ")?;
        out.write_all(severity_name(f.severity, lang).as_bytes())?;
        out.write_all(b"[")?;
        out.write_all(f.code.as_bytes())?;
        out.write_all(b"]: ")?;
        out.write_all(f.message.render(lang).as_bytes())?;
        out.write_all(b"\n")?;
        if f.source_line.is_empty() {
            continue;
        }
        // The line, a gutter as wide as its number, and the caret.
        let number = crate::text::decimal(f.line as u64, &mut digits);
        let (a, b) = f.underline;
        repeat(out, b' ', number.len())?;
        out.write_all(b" |\n")?;
        out.write_all(number)?;
        out.write_all(b" | ")?;
        out.write_all(f.source_line.as_bytes())?;
        out.write_all(b"\n")?;
        repeat(out, b' ', number.len())?;
        out.write_all(b" | ")?;
        repeat(out, b' ', a)?;
        repeat(out, b'^', b - a)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A severity as a person reads it (JSON keeps [`Severity::as_str`]):
/// rendered once per language, not once per finding.
fn severity_name(severity: Severity, lang: Lang) -> &'static str {
    static NAMES: [OnceLock<[String; 4]>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let k = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    let names = NAMES[k].get_or_init(|| {
        [
            crate::i18n::text(lang, "severity-error"),
            crate::i18n::text(lang, "severity-warning"),
            crate::i18n::text(lang, "severity-information"),
            crate::i18n::text(lang, "severity-hint"),
        ]
    });
    &names[match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Information => 2,
        Severity::Hint => 3,
    }]
}

/// `n` times `byte`.
fn repeat(out: &mut impl Write, byte: u8, n: usize) -> std::io::Result<()> {
    let run = [byte; 64];
    let mut left = n;
    while left > 0 {
        let k = left.min(run.len());
        out.write_all(&run[..k])?;
        left -= k;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file is read again only as it was: rewritten in between, it is
    /// refused with a message rather than shown with the wrong lines.
    #[test]
    fn a_file_read_again_must_be_the_one_analysed() {
        let dir = std::env::temp_dir().join(format!("dossier-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("brief.txt");
        std::fs::write(
            &path,
            "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 40.\n",
        )
        .unwrap();
        let mut bytes = Vec::new();
        let stamp = read_file(&path, &mut bytes).unwrap().unwrap();
        assert_eq!(stamp.len, bytes.len() as u64);
        assert_eq!(
            read_again(&path, stamp).unwrap(),
            std::str::from_utf8(&bytes).unwrap()
        );
        std::fs::write(&path, "Een andere tekst.\n").unwrap();
        let err = read_again(&path, stamp).unwrap_err().render(Lang::En);
        assert!(err.contains("changed while it was being checked"), "{err}");
        std::fs::remove_file(&path).unwrap();
        assert!(read_again(&path, stamp).is_err());
        let _ = std::fs::remove_dir(&dir);
    }

    /// A file is read whole whatever its stated size: the size taken
    /// before reading is a hint, not a limit, and a reader that hands out
    /// a few bytes at a time or is interrupted loses none.
    #[test]
    fn a_file_is_read_whole_whatever_its_stated_size() {
        struct Dribble<'a> {
            rest: &'a [u8],
            interrupted: bool,
        }
        impl std::io::Read for Dribble<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.interrupted = !self.interrupted;
                if self.interrupted {
                    return Err(std::io::ErrorKind::Interrupted.into());
                }
                let n = buf.len().min(self.rest.len()).min(7);
                buf[..n].copy_from_slice(&self.rest[..n]);
                self.rest = &self.rest[n..];
                Ok(n)
            }
        }
        let text = "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 40.\n".repeat(3);
        let mut bytes = b"what an earlier file left".to_vec();
        for stated in [
            0,
            1,
            text.len() - 1,
            text.len(),
            text.len() + 1,
            10 * text.len(),
        ] {
            let mut file = Dribble {
                rest: text.as_bytes(),
                interrupted: false,
            };
            read_sized(&mut file, stated, &mut bytes).unwrap();
            assert_eq!(bytes, text.as_bytes(), "stated {stated}");
        }
    }

    /// Valid UTF-8 is analysed in place, a byte-order mark and invalid
    /// bytes as `decode` reads them.
    #[test]
    fn bytes_are_read_as_decode_reads_them() {
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_0dbf1fc7ba84b8b6.txt"
        ))
        .unwrap();
        let levels = LintLevels::default();
        let codes = |bytes: &[u8]| -> Vec<(&'static str, usize)> {
            analyse_bytes("a.txt", bytes, Stamp::default(), &levels)
                .findings
                .iter()
                .map(|f| (f.code, f.line))
                .collect()
        };
        let plain = codes(&seed);
        assert!(plain.contains(&("placeholder-source", 182)), "{plain:?}");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(&seed);
        assert_eq!(codes(&with_bom), plain);
        let mut invalid = seed.clone();
        invalid.extend_from_slice(b"\xFF\n");
        let found = codes(&invalid);
        assert_eq!(found[0], ("invalid-utf8", 1));
        assert_eq!(&found[1..], &plain[..]);
        assert_eq!(codes(b"a\0b"), [("binary-file", 1)]);
    }

    /// A file in Windows-1252 is named so; a damaged UTF-8 file is not.
    #[test]
    fn a_windows_1252_file_is_named() {
        let levels = LintLevels::default();
        let message = |bytes: &[u8]| {
            let found = analyse_bytes("a.txt", bytes, Stamp::default(), &levels).findings;
            assert_eq!(found[0].code, "invalid-utf8");
            found[0].message.render(Lang::En)
        };
        let m = message(b"De financi\xEBle \x91garantie\x92 \x96 \xE9\xE9n brief.\n");
        assert!(m.contains("probably Windows-1252"), "{m}");
        let m = message(b"De financi\xC3\xABle garantie\xFF.\n");
        assert!(!m.contains("Windows-1252"), "{m}");
    }

    /// The codes only `check` reports are set as the others are.
    #[test]
    fn check_codes_follow_the_levels() {
        let mut levels = LintLevels::default();
        levels.set("binary-file=off").unwrap();
        levels.set("invalid-utf8=error").unwrap();
        let found = |bytes: &[u8]| -> Vec<(&'static str, Severity)> {
            analyse_bytes("a.txt", bytes, Stamp::default(), &levels)
                .findings
                .iter()
                .map(|f| (f.code, f.severity))
                .collect()
        };
        assert_eq!(found(b"a\0b"), []);
        assert_eq!(
            found(b"Een tekst\xFF\n"),
            [("invalid-utf8", Severity::Error)]
        );
    }
}
