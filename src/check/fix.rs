//! `check --fix` and `--diff`: the safe fixes the server offers as quick
//! fixes ([`assist::safe_fixes`]), applied round after round, and the file
//! written through a temporary file and a rename, or shown as a diff.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assist::{self, Edit};
use crate::dossier::PassageIndex;
use crate::i18n::Message;
use crate::lints::{lint, LintLevels};
use crate::text::decode_borrowed;
use crate::{msg, Dossier};

use super::{read_file, Stamp};

/// Rounds of fix and analyse again before giving up. A slip and a
/// renumbering in one note settle in one round; a note the analysis reads
/// only once the others are in order, or overlapping fixes, take another.
pub const MAX_ROUNDS: usize = 8;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The passage indexes of the files checked together, by identifier.
pub type Passages = rustc_hash::FxHashMap<String, Arc<PassageIndex>>;

/// What the fixes made of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedText {
    pub text: String,
    /// Per code, in code order, how many findings the fixes removed.
    pub fixed: Vec<(&'static str, usize)>,
    /// The rounds ran out before the fixes settled.
    pub unsettled: bool,
}

/// Applies the safe fixes of the findings that `levels` reports (a code
/// turned off is not fixed), analyses the result and goes on until
/// nothing changes. Fixes whose edits overlap wait for the next round, and
/// so does what a renumbering could not see before the first (a note read
/// only once its neighbours are in order). A quotation's pin is set from
/// the passage index that `passages` gives for its source (the other files
/// checked with it). `None` when the analysis fails.
pub fn fix_text(text: &str, levels: &LintLevels, passages: &Passages) -> Option<FixedText> {
    type Counts = BTreeMap<&'static str, usize>;
    let analyse = |text: &str| {
        let text = text.to_owned();
        std::panic::catch_unwind(move || {
            let dossier = Dossier::analyze(&text);
            let findings = levels.apply(lint(&dossier, &text));
            let mut counts = Counts::new();
            for f in &findings {
                *counts.entry(f.code).or_default() += 1;
            }
            // What the server offers only where its finding stands.
            let mut fixes: Vec<assist::Fix> = assist::safe_fixes(&dossier, &text)
                .into_iter()
                .filter(|f| counts.contains_key(f.code))
                .collect();
            // A quotation of another file is found wrong in the workspace's
            // findings, not this file's: its level decides.
            if levels.is_on(assist::QUOTE_PIN_CODE) {
                let lookup = |id: &str| passages.get(id).cloned();
                fixes.extend(assist::quote_pin_fixes(&dossier, &text, &lookup));
            }
            (counts, fixes)
        })
        .ok()
    };
    let crlf = uses_crlf(text);
    let mut text = text.to_owned();
    let (before, mut fixes) = analyse(&text)?;
    let mut after = before.clone();
    let mut applied = Counts::new();
    let mut rounds = 0;
    loop {
        let batch = assist::non_overlapping(fixes);
        if batch.is_empty() {
            break;
        }
        if rounds == MAX_ROUNDS {
            return Some(done(text, &before, &after, &applied, true));
        }
        rounds += 1;
        let mut edits: Vec<Edit> = Vec::new();
        for fix in &batch {
            *applied.entry(fix.code).or_default() += 1;
            edits.extend(fix.edits.iter().cloned().map(|e| line_endings(e, crlf)));
        }
        if !applicable(&text, &mut edits) {
            return None;
        }
        let next = assist::apply(&text, &edits);
        if next == text {
            break;
        }
        text = next;
        (after, fixes) = analyse(&text)?;
    }
    Some(done(text, &before, &after, &applied, false))
}

/// Whether the edits, sorted, fall on character boundaries of `text` and
/// do not overlap (`assist::apply` takes that for granted).
fn applicable(text: &str, edits: &mut [Edit]) -> bool {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut at = 0;
    edits.iter().all(|e| {
        let ok = at <= e.span.start && text.get(e.span.clone()).is_some();
        at = e.span.end;
        ok
    })
}

/// The outcome, counting for each code that was fixed the findings that
/// are gone (a round may fix what an earlier one caused: those are not
/// counted), else, if none is, the fixes made; for a code this file's own
/// findings do not hold (a workspace finding), the fixes made.
fn done(
    text: String,
    before: &BTreeMap<&'static str, usize>,
    after: &BTreeMap<&'static str, usize>,
    applied: &BTreeMap<&'static str, usize>,
    unsettled: bool,
) -> FixedText {
    let gone = |code: &str| {
        let had = before.get(code).copied().unwrap_or(0);
        had.saturating_sub(after.get(code).copied().unwrap_or(0))
    };
    // A workspace finding (a quotation's page) is not among this file's
    // own: its fixes made are what counts.
    let mut fixed: Vec<(&'static str, usize)> = applied
        .iter()
        .map(|(&code, &n)| {
            (
                code,
                if before.contains_key(code) {
                    gone(code)
                } else {
                    n
                },
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    if fixed.is_empty() {
        fixed = applied.iter().map(|(&c, &n)| (c, n)).collect();
    }
    FixedText {
        text,
        fixed,
        unsettled,
    }
}

/// A text whose lines all end in CRLF.
fn uses_crlf(text: &str) -> bool {
    let lf = text.matches('\n').count();
    lf > 0 && text.matches("\r\n").count() == lf
}

/// An edit's line breaks as the text writes them.
fn line_endings(mut e: Edit, crlf: bool) -> Edit {
    if crlf && e.text.contains('\n') {
        e.text = e.text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    e
}

/// One file after its fixes: its bytes as read and as fixed.
pub struct FileFix {
    pub path: PathBuf,
    pub shown: String,
    pub before: Vec<u8>,
    pub after: Vec<u8>,
    pub stamp: Stamp,
    pub fixed: Vec<(&'static str, usize)>,
    pub unsettled: bool,
}

/// Reads one file and fixes it in memory. `Ok(None)` when there is
/// nothing to fix, or the file is binary or not valid UTF-8 (never
/// written: its bytes would not survive the round trip).
pub fn fix_file(
    path: &Path,
    levels: &LintLevels,
    passages: &Passages,
) -> Result<Option<FileFix>, Message> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    let stamp = match read_file(path, &mut bytes) {
        Ok(Ok(stamp)) => stamp,
        Ok(Err(len)) => {
            return Err(msg!(
                "check-too-large",
                path = shown,
                bytes = len,
                limit = crate::discover::MAX_FILE_BYTES
            ))
        }
        Err(e) => return Err(msg!("file-problem", path = shown, problem = e.to_string())),
    };
    let d = decode_borrowed(&bytes);
    if d.binary || d.invalid_sequences > 0 {
        return Ok(None);
    }
    let Some(fixed) = fix_text(&d.text, levels, passages) else {
        return Ok(None);
    };
    if fixed.text == d.text {
        return Ok(None);
    }
    let mut after = Vec::with_capacity(fixed.text.len() + BOM.len());
    if bytes.starts_with(BOM) {
        after.extend_from_slice(BOM);
    }
    after.extend_from_slice(fixed.text.as_bytes());
    Ok(Some(FileFix {
        path: path.to_path_buf(),
        shown,
        before: bytes,
        after,
        stamp,
        fixed: fixed.fixed,
        unsettled: fixed.unsettled,
    }))
}

impl FileFix {
    /// What the fixes did, as `path: fixed 2 findings (citation-format ×1, …)`.
    pub fn summary(&self) -> Message {
        let count: usize = self.fixed.iter().map(|(_, n)| n).sum();
        let codes = self
            .fixed
            .iter()
            .map(|(code, n)| format!("{code} ×{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        msg!(
            "check-fixed",
            path = self.shown.clone(),
            count = count,
            codes = codes
        )
    }

    /// The change as a unified diff (`--- a/path`, `+++ b/path`, three
    /// lines of context).
    pub fn diff(&self) -> String {
        // Both are valid UTF-8: only such files are fixed.
        let before = String::from_utf8_lossy(&self.before);
        let after = String::from_utf8_lossy(&self.after);
        let name = self.shown.replace('\\', "/");
        let name = name.trim_start_matches('/');
        similar::TextDiff::from_lines(before.as_ref(), after.as_ref())
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{name}"), &format!("b/{name}"))
            .to_string()
    }

    /// Writes the fixed text over the file, unless the file changed since
    /// it was read.
    pub fn write(&self) -> Result<(), Message> {
        write_fixed(
            &self.path,
            &self.before,
            self.stamp,
            &self.after,
            &mut || {},
        )
        .map_err(|e| self.refusal(e))
    }

    pub fn refusal(&self, e: NotWritten) -> Message {
        let path = self.shown.clone();
        match e {
            NotWritten::Changed => msg!("check-not-written-changed", path = path),
            NotWritten::Io(e) => msg!("check-not-written-io", path = path, problem = e.to_string()),
        }
    }
}

#[derive(Debug)]
pub enum NotWritten {
    /// The file on disk is no longer the one that was read.
    Changed,
    Io(std::io::Error),
}

impl From<std::io::Error> for NotWritten {
    fn from(e: std::io::Error) -> Self {
        NotWritten::Io(e)
    }
}

/// Writes `after` over `path` through a temporary file in the same folder
/// and a rename (a reader sees the old file or the new, never half of
/// one), with the file's permissions; not at all when the file is no
/// longer `before` as read at `stamp` (length, modification time and
/// bytes, compared just before the rename). `before_rename` runs after the
/// temporary file is written, for tests to change the file there.
pub fn write_fixed(
    path: &Path,
    before: &[u8],
    stamp: Stamp,
    after: &[u8],
    before_rename: &mut dyn FnMut(),
) -> Result<(), NotWritten> {
    // A link stays a link: the file it points to is replaced.
    let target = std::fs::canonicalize(path)?;
    let dir = target
        .parent()
        .ok_or_else(|| std::io::Error::other("no parent folder"))?;
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::other("no file name"))?
        .to_string_lossy()
        .into_owned();
    let permissions = std::fs::metadata(&target)?.permissions();
    let temp = temp_path(dir, &name);
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(after)?;
        file.sync_all()?;
        drop(file);
        std::fs::set_permissions(&temp, permissions)?;
        before_rename();
        if !unchanged(&target, before, stamp)? {
            return Err(NotWritten::Changed);
        }
        std::fs::rename(&temp, &target)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// A name for the temporary file beside `name`, unique in this process.
fn temp_path(dir: &Path, name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    dir.join(format!(
        ".{name}.dossier-lsp-{}-{n}.tmp",
        std::process::id()
    ))
}

/// Whether the file is still `before`, as read at `stamp`.
fn unchanged(path: &Path, before: &[u8], stamp: Stamp) -> std::io::Result<bool> {
    let mut now = Vec::with_capacity(before.len());
    Ok(match read_file(path, &mut now)? {
        Ok(s) => s == stamp && now == before,
        Err(_) => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT_OF_ORDER: &str = "Eerst1 dan3 en2.\n1 Kamerstuk 19 637, nr. 2375.\n3 Kamerstuk 19 637 nr. 2376.\n2 Kamerstuk 19 637, nr. 2377.\n";
    const IN_ORDER: &str = "Eerst1 dan2 en3.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n3 Kamerstuk 19 637, nr. 2377.\n";

    /// The note read only after the first renumbering is numbered in a
    /// second round; the count is of the findings the user saw.
    #[test]
    fn fixes_go_on_until_the_text_settles() {
        let fixed = fix_text(OUT_OF_ORDER, &LintLevels::default(), &Passages::default()).unwrap();
        assert_eq!(fixed.text, IN_ORDER);
        assert_eq!(
            fixed.fixed,
            [("citation-format", 1), ("footnote-numbering", 1)]
        );
        assert!(!fixed.unsettled);
        let again = fix_text(IN_ORDER, &LintLevels::default(), &Passages::default()).unwrap();
        assert_eq!(again.text, IN_ORDER);
        assert!(again.fixed.is_empty());
    }

    /// A code turned off is not fixed: `--fix` fixes what `check` reports.
    #[test]
    fn a_code_turned_off_is_not_fixed() {
        let mut levels = LintLevels::default();
        levels.set("citation-format=off").unwrap();
        let fixed = fix_text(OUT_OF_ORDER, &levels, &Passages::default()).unwrap();
        assert!(fixed.text.contains("19 637 nr. 2376"), "{}", fixed.text);
        assert!(fixed.text.starts_with("Eerst1 dan2 en3."), "{}", fixed.text);
        assert_eq!(fixed.fixed, [("footnote-numbering", 1)]);
    }

    #[test]
    fn edits_that_overlap_or_split_a_character_are_not_applied() {
        let edit = |start, end| Edit {
            span: start..end,
            text: String::new(),
        };
        assert!(applicable("abcdef", &mut [edit(3, 4), edit(0, 3)]));
        assert!(!applicable("abcdef", &mut [edit(0, 3), edit(2, 4)]));
        assert!(!applicable("é", &mut [edit(0, 1)]));
        assert!(!applicable("abc", &mut [edit(2, 9)]));
    }

    #[test]
    fn crlf_stays_crlf() {
        let crlf = OUT_OF_ORDER.replace('\n', "\r\n");
        let fixed = fix_text(&crlf, &LintLevels::default(), &Passages::default()).unwrap();
        assert_eq!(fixed.text, IN_ORDER.replace('\n', "\r\n"));
        assert!(uses_crlf(&fixed.text));
        let e = line_endings(
            Edit {
                span: 0..0,
                text: "a\nb\r\nc".into(),
            },
            true,
        );
        assert_eq!(e.text, "a\r\nb\r\nc");
    }

    struct Dir(PathBuf);

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dir(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("dossier-fix-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        all.sort();
        all
    }

    /// Changed between the read and the rename (the hook runs there), the
    /// file keeps the change and the temporary file is gone.
    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let d = dir("changed");
        let path = d.0.join("brief.txt");
        std::fs::write(&path, OUT_OF_ORDER).unwrap();
        let f = fix_file(&path, &LintLevels::default(), &Passages::default())
            .unwrap()
            .unwrap();
        assert_eq!(f.after, IN_ORDER.as_bytes());
        let mut edit = || std::fs::write(&path, "Een andere tekst.\n").unwrap();
        let result = write_fixed(&f.path, &f.before, f.stamp, &f.after, &mut edit);
        assert!(matches!(result, Err(NotWritten::Changed)), "{result:?}");
        assert_eq!(std::fs::read(&path).unwrap(), b"Een andere tekst.\n");
        assert_eq!(names(&d.0), ["brief.txt"]);
        let said = f.refusal(NotWritten::Changed).render(crate::i18n::Lang::En);
        assert!(
            said.contains("changed since it was read; not written"),
            "{said}"
        );
        // Same length and modification time, other bytes than were read:
        // still refused.
        std::fs::write(&path, OUT_OF_ORDER).unwrap();
        let f = fix_file(&path, &LintLevels::default(), &Passages::default())
            .unwrap()
            .unwrap();
        let mut before = f.before.clone();
        before[0] = b'X';
        let result = write_fixed(&f.path, &before, f.stamp, &f.after, &mut || {});
        assert!(matches!(result, Err(NotWritten::Changed)), "{result:?}");
        // Unchanged: written, the temporary file renamed away.
        f.write().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), IN_ORDER);
        assert_eq!(names(&d.0), ["brief.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_keeps_its_permissions_and_its_byte_order_mark() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("mode");
        let path = d.0.join("brief.txt");
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(OUT_OF_ORDER.as_bytes());
        std::fs::write(&path, &bytes).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let f = fix_file(&path, &LintLevels::default(), &Passages::default())
            .unwrap()
            .unwrap();
        f.write().unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o640);
        let mut want = BOM.to_vec();
        want.extend_from_slice(IN_ORDER.as_bytes());
        assert_eq!(std::fs::read(&path).unwrap(), want);
    }

    /// A link stays a link; the file it points to gets the fixes.
    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link() {
        let d = dir("link");
        let target = d.0.join("echt.txt");
        let link = d.0.join("brief.txt");
        std::fs::write(&target, OUT_OF_ORDER).unwrap();
        std::os::unix::fs::symlink("echt.txt", &link).unwrap();
        let f = fix_file(&link, &LintLevels::default(), &Passages::default())
            .unwrap()
            .unwrap();
        f.write().unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), IN_ORDER);
        assert_eq!(names(&d.0), ["brief.txt", "echt.txt"]);
    }

    /// Bytes that are not UTF-8 would not survive the round trip.
    #[test]
    fn binary_and_invalid_files_are_left_alone() {
        let d = dir("invalid");
        let path = d.0.join("brief.txt");
        let mut bytes = OUT_OF_ORDER.as_bytes().to_vec();
        bytes.extend_from_slice(b"caf\xE9\n");
        std::fs::write(&path, &bytes).unwrap();
        assert!(
            fix_file(&path, &LintLevels::default(), &Passages::default())
                .unwrap()
                .is_none()
        );
        let mut binary = OUT_OF_ORDER.as_bytes().to_vec();
        binary.push(0);
        std::fs::write(&path, &binary).unwrap();
        assert!(
            fix_file(&path, &LintLevels::default(), &Passages::default())
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_diff_is_unified_with_three_lines_of_context() {
        let f = FileFix {
            path: PathBuf::from("x/brief.txt"),
            shown: "x/brief.txt".into(),
            before: b"1\n2\n3\n4\n5\n6\n7\n8\n".to_vec(),
            after: b"1\n2\n3\n4\nvijf\n6\n7\n8\n".to_vec(),
            stamp: Stamp::default(),
            fixed: vec![],
            unsettled: false,
        };
        assert_eq!(
            f.diff(),
            "--- a/x/brief.txt\n+++ b/x/brief.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+vijf\n 6\n 7\n 8\n"
        );
    }
}
