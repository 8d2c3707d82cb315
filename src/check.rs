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
//! warning), 0 otherwise; usage errors give 2 (from clap).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::lints::{lint, workspace_lints_of, Diagnostic, LintLevels, Severity};
use crate::text::{decode, decode_owned, Decoded, LineIndex, PositionEncoding};
use crate::workspace::{DocumentSummary, Workspace};
use crate::Dossier;

pub struct Options {
    pub json: bool,
    pub deny_warnings: bool,
    pub color: bool,
    /// Severities chosen with `--lint CODE=LEVEL`.
    pub levels: LintLevels,
}

/// Files larger than this are reported and skipped.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The findings for one file, ready to print.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub path: String,
    pub diagnostics: Vec<Finding>,
}

#[derive(Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// 1-based line and column (column in characters).
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    #[serde(skip)]
    source_line: String,
    #[serde(skip)]
    underline: (usize, usize),
}

/// Analyses one file's bytes. Unreadable encodings become findings.
pub fn check_bytes(path: &str, bytes: &[u8]) -> FileReport {
    let checked = analyse(path, decode(bytes));
    report(path, &checked.text, checked.line_index, checked.diagnostics)
}

/// One file after the first pass: its text, its own findings, and what the
/// index keeps of it (for the findings that need the other files).
struct Checked {
    text: String,
    diagnostics: Vec<Diagnostic>,
    summary: Option<DocumentSummary>,
    /// The text's line starts, from its layout (`None` when there is none).
    line_index: Option<LineIndex>,
}

fn analyse(path: &str, decoded: Decoded) -> Checked {
    let mut diagnostics = Vec::new();
    if decoded.binary {
        diagnostics.push(Diagnostic {
            code: "binary-file",
            severity: Severity::Error,
            span: 0..0,
            message: "this looks like a binary file (it contains NUL bytes), not a text; skipped"
                .into(),
        });
        return Checked {
            text: String::new(),
            diagnostics,
            summary: None,
            line_index: None,
        };
    }
    if decoded.invalid_sequences > 0 {
        diagnostics.push(Diagnostic {
            code: "invalid-utf8",
            severity: Severity::Warning,
            span: 0..0,
            message: format!(
                "the file is not valid UTF-8: {} invalid byte sequence(s) were read as U+FFFD",
                decoded.invalid_sequences
            ),
        });
    }
    let text = decoded.text;
    let outcome = std::panic::catch_unwind(|| {
        let line_index = LineIndex::new(&text);
        let dossier = Dossier::analyze_indexed(&text, &line_index);
        (
            lint(&dossier, &text),
            DocumentSummary::asking_words_only(path, &text, &dossier),
            line_index,
        )
    });
    let (summary, line_index) = match outcome {
        Ok((found, summary, line_index)) => {
            diagnostics.extend(found);
            (Some(summary), Some(line_index))
        }
        Err(_) => {
            diagnostics.push(Diagnostic {
                code: "internal-error",
                severity: Severity::Error,
                span: 0..0,
                message: "the analysis of this file failed (an internal error; please report it with the file)".into(),
            });
            (None, None)
        }
    };
    Checked {
        text,
        diagnostics,
        summary,
        line_index,
    }
}

/// Zero-based line and column in characters of a byte offset (moved back
/// to a character boundary, and to the text's end when past it).
fn char_position(text: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let pos = index.position(text, offset, PositionEncoding::Utf8);
    let line = pos.line as usize;
    let start = index.line_start(line).unwrap_or(0);
    (line, text[start..start + pos.col as usize].chars().count())
}

fn report(
    path: &str,
    text: &str,
    index: Option<LineIndex>,
    diagnostics: Vec<Diagnostic>,
) -> FileReport {
    let index = index.unwrap_or_else(|| LineIndex::new(text));
    let findings = diagnostics
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
        .collect();
    FileReport {
        path: path.to_string(),
        diagnostics: findings,
    }
}

/// Files to check: the given files, and `*.txt` under the given folders
/// (sorted, skipping `.git`, `target` and `node_modules`).
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors, 0),
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(format!("{}: {e}", p.display())),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<String>, depth: usize) {
    if depth > 32 {
        errors.push(format!(
            "{}: folders nested too deep (a symlink loop?); not searched further",
            dir.display()
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    // The entry's type comes with the directory listing: no stat per entry.
    let is_dir = |e: &std::fs::DirEntry| match e.file_type() {
        Ok(t) if t.is_symlink() => e.path().is_dir(),
        Ok(t) => t.is_dir(),
        Err(_) => false,
    };
    let mut entries: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.path(), is_dir(&e)))
        .collect();
    entries.sort();
    for (path, dir) in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if matches!(name, ".git" | "target" | "node_modules") {
            continue;
        }
        if dir {
            walk(&path, files, errors, depth + 1);
        } else if name.ends_with(".txt") {
            files.push(path);
        }
    }
}

/// Reads and analyses the files on all cores: `(text, findings, summary)`
/// per file, in the order given, or the error that kept it unread.
fn analyse_all(files: &[PathBuf]) -> Vec<Result<Checked, String>> {
    par_map(files, |file| {
        let shown = file.display().to_string();
        match read_file(file) {
            Ok(Ok(bytes)) => Ok(analyse(&shown, decode_owned(bytes))),
            Ok(Err(len)) => Err(format!(
                "{shown}: {len} bytes is more than the limit of {MAX_FILE_BYTES}; skipped"
            )),
            Err(e) => Err(format!("{shown}: {e}")),
        }
    })
}

/// When a file looks its questions up in the others (a committee letter
/// without its answers), the words of the others' questions are hashed
/// for it: their texts are analysed again, on all cores. Most sets of
/// files hold no such letter and skip this.
fn hash_words_if_asked(checked: &mut [Result<Checked, String>]) {
    let summaries = || {
        checked
            .iter()
            .filter_map(|c| c.as_ref().ok()?.summary.as_ref())
    };
    if !summaries().any(DocumentSummary::asks_elsewhere) {
        return;
    }
    let asked: Vec<usize> = (0..checked.len())
        .filter(|&i| {
            checked[i]
                .as_ref()
                .ok()
                .and_then(|c| c.summary.as_ref())
                .is_some_and(|s| s.words_deferred && s.may_be_asked())
        })
        .collect();
    let hashed = par_map(&asked, |&i| {
        let c = checked[i].as_ref().expect("a checked file");
        let mut summary = c.summary.clone().expect("a summary");
        std::panic::catch_unwind(move || {
            summary.hash_deferred_words(&Dossier::analyze(&c.text));
            summary
        })
        .ok()
    });
    for (i, summary) in asked.into_iter().zip(hashed) {
        if let (Ok(c), Some(summary)) = (&mut checked[i], summary) {
            c.summary = Some(summary);
        }
    }
}

/// A file's bytes, or its length when that is more than [`MAX_FILE_BYTES`]
/// (one open, one fstat, the reads: no stat by name first).
fn read_file(path: &Path) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_FILE_BYTES {
        return Ok(Err(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.read_to_end(&mut bytes)?;
    Ok(Ok(bytes))
}

/// A file's first-pass result, taken once by the worker that prints it.
type Slot = std::sync::Mutex<Option<Result<Checked, String>>>;
/// A file's findings' severities and its printed report.
type Printed = Result<(Vec<Severity>, Vec<u8>), String>;

/// `f` of every item on all cores, results in the items' order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(items.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let result = f(item);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
            });
        }
    });
    slots
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item mapped")
        })
        .collect()
}

pub fn run(paths: &[PathBuf], options: &Options) -> ExitCode {
    let (files, errors) = collect_files(paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut worst: Option<Severity> = None;
    let mut failed_io = !errors.is_empty();
    for e in &errors {
        eprintln!("error: {e}");
    }
    let mut checked = analyse_all(&files);
    // The files checked together are each other's workspace.
    let mut workspace = Workspace::without_citers();
    if files.len() > 1 {
        hash_words_if_asked(&mut checked);
        for (file, c) in files.iter().zip(&mut checked) {
            if let Some(summary) = c.as_mut().ok().and_then(|c| c.summary.take()) {
                workspace.insert(&file.display().to_string(), summary);
            }
        }
    }
    // Each file's cross-document findings and its printed report, on all
    // cores; then printed in order.
    let work: Vec<(&PathBuf, Slot)> = files
        .iter()
        .zip(checked)
        .map(|(f, c)| (f, std::sync::Mutex::new(Some(c))))
        .collect();
    let rendered: Vec<Printed> = par_map(&work, |(file, slot)| {
        let c = slot
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .expect("each file once");
        let shown = file.display().to_string();
        let mut c = c?;
        if let Some(summary) = workspace.get(&shown) {
            c.diagnostics
                .extend(workspace_lints_of(&shown, summary, &c.text, &workspace));
            c.diagnostics
                .sort_by_key(|d| (d.span.start, d.span.end, d.code));
        }
        let diagnostics = options.levels.apply(c.diagnostics);
        let report = report(&shown, &c.text, c.line_index, diagnostics);
        let mut printed = Vec::new();
        let _ = if options.json {
            write_json(&mut printed, &report)
        } else {
            write_human(&mut printed, &report)
        };
        let severities: Vec<Severity> = report.diagnostics.iter().map(|f| f.severity).collect();
        Ok((severities, printed))
    });
    let (mut n_err, mut n_warn, mut n_other) = (0, 0, 0);
    for result in rendered {
        let (severities, printed) = match result {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                failed_io = true;
                continue;
            }
        };
        for severity in severities {
            worst = worst.max(Some(severity));
            match severity {
                Severity::Error => n_err += 1,
                Severity::Warning => n_warn += 1,
                _ => n_other += 1,
            }
        }
        let _ = out.write_all(&printed);
    }
    if !options.json {
        let _ = writeln!(
            out,
            "{} file(s) checked: {n_err} error(s), {n_warn} warning(s), {n_other} hint(s) and note(s)",
            files.len()
        );
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

/// One JSON object per file, one per line.
pub fn write_json(out: &mut impl Write, report: &FileReport) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, report)?;
    writeln!(out)
}

/// rustc/ruff style: `path:line:col: severity[code]: message`, the line, a caret.
pub fn write_human(out: &mut impl Write, report: &FileReport) -> std::io::Result<()> {
    for f in &report.diagnostics {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            report.path,
            f.line,
            f.column,
            f.severity.as_str(),
            f.code,
            f.message
        )?;
        if f.source_line.is_empty() {
            continue;
        }
        let gutter = f.line.to_string().len();
        let (a, b) = f.underline;
        writeln!(out, "{:gutter$} |", "")?;
        writeln!(out, "{} | {}", f.line, f.source_line)?;
        writeln!(
            out,
            "{:gutter$} | {}{}",
            "",
            " ".repeat(a),
            "^".repeat(b - a)
        )?;
    }
    Ok(())
}
