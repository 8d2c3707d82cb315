use super::baseline::{relative, Baseline, Entry};
use super::*;
use crate::lints::Severity;

const FILE: &str = r#"files = ["**/*.txt", "concepten/**/*.md"]
language = "nl"
baseline = "basislijn.json"

[lints]
unreferenced-footnote = "off"
citation-format = "warning"

[[overrides]]
files = ["bijlagen/**"]
lints = { placeholder-source = "hint" }
"#;

fn parse(text: &str) -> ProjectFile {
    ProjectFile::parse(Path::new("/ws/.dossier-lsp.toml"), text)
}

/// A problem as `line:column: message` (1-based), as a user reads it.
fn shown(text: &str, file: &ProjectFile) -> Vec<String> {
    file.problems
        .iter()
        .map(|p| {
            let before = &text[..p.span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!("{line}:{column}: {}", p.message.render(Lang::En))
        })
        .collect()
}

#[test]
fn a_project_file_sets_files_levels_language_and_baseline() {
    let file = parse(FILE);
    assert!(file.problems.is_empty(), "{:?}", shown(FILE, &file));
    assert_eq!(
        file.files.as_deref(),
        Some(&["**/*.txt".to_owned(), "concepten/**/*.md".to_owned()][..])
    );
    assert_eq!(file.language, Some(Lang::Nl));
    assert_eq!(file.baseline, Some(PathBuf::from("/ws/basislijn.json")));
    let brief = file.levels_for(Path::new("/ws/brief.txt"));
    assert_eq!(
        brief.level("unreferenced-footnote", Severity::Information),
        None
    );
    assert_eq!(
        brief.level("citation-format", Severity::Hint),
        Some(Severity::Warning)
    );
    assert_eq!(
        brief.level("placeholder-source", Severity::Warning),
        Some(Severity::Warning)
    );
    // The override applies below `bijlagen/` only, over the file's own lints.
    let annex = file.levels_for(Path::new("/ws/bijlagen/annex-1.txt"));
    assert_eq!(
        annex.level("placeholder-source", Severity::Warning),
        Some(Severity::Hint)
    );
    assert_eq!(
        annex.level("unreferenced-footnote", Severity::Information),
        None
    );
}

#[test]
fn mistakes_are_shown_where_they_are_and_the_rest_applies() {
    let text = r#"files = "**/*.txt"
langauge = "nl"

[lints]
unreferenced-footnote = "off"
no-such-lint = "off"
citation-format = "loud"

[[overrides]]
lints = { placeholder-source = "hint" }
"#;
    let file = parse(text);
    assert_eq!(
        shown(text, &file),
        [
            "1:9: `files` should be a list of glob patterns, not string",
            "2:1: unknown key `langauge`; known: files, language, baseline, lints, overrides",
            "6:1: unknown lint code `no-such-lint`; known: undefined-footnote, unreferenced-footnote, placeholder-source, unresolved-short-form, footnote-numbering, citation-format, unanswered-question, answer-without-question, question-not-taken-up, quotation-without-source, quote-not-found, quote-page-mismatch, quote-altered, mixed-citation-style, page-beyond-document, citation-not-in-workspace, invalid-utf8, replacement-characters, binary-file, project-file, internal-error",
            "7:19: `loud` is not one of error, warning, information, hint, off",
            "9:1: an override needs `files`, the globs of the files it applies to",
        ]
    );
    // What was right still counts.
    let levels = file.levels_for(Path::new("/ws/brief.txt"));
    assert_eq!(
        levels.level("unreferenced-footnote", Severity::Information),
        None
    );
    // Bad TOML: the parser's message at its place, and what parsed applies.
    let text = "language = \"en\"\n[lints\nunreferenced-footnote = \"off\"\n";
    let file = parse(text);
    let problems = shown(text, &file);
    assert!(
        problems
            .first()
            .is_some_and(|p| p.starts_with("2:7: not valid TOML")),
        "{problems:?}"
    );
    assert_eq!(file.language, Some(Lang::En));
}

#[test]
fn the_nearest_project_file_above_a_file_is_found() {
    let dir = std::env::temp_dir().join(format!("dossier-project-{}", std::process::id()));
    let inner = dir.join("kamerstukken/2024");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(dir.join(FILE_NAME), "language = \"nl\"\n").unwrap();
    let brief = inner.join("brief.txt");
    std::fs::write(&brief, "Brief.\n").unwrap();
    assert_eq!(ProjectFile::find(&brief), Some(dir.join(FILE_NAME)));
    assert_eq!(ProjectFile::find(&inner), Some(dir.join(FILE_NAME)));
    std::fs::write(inner.join(FILE_NAME), "").unwrap();
    assert_eq!(ProjectFile::find(&brief), Some(inner.join(FILE_NAME)));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_baseline_accepts_each_finding_once_by_its_line_text() {
    let dir = std::env::temp_dir().join(format!("dossier-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("basislijn.json");
    let entry = |line: usize, text: &str| Entry {
        path: "stukken/brief.txt".to_owned(),
        code: "placeholder-source".to_owned(),
        line,
        text: text.to_owned(),
    };
    Baseline::write(
        &path,
        vec![entry(182, "14 PM BRON"), entry(190, "15 PM BRON")],
    )
    .unwrap();
    let baseline = Baseline::load(&path).unwrap();
    let mut file = baseline.for_file("stukken/brief.txt");
    // Moved down a line: still accepted; once only.
    assert!(file.accepts("placeholder-source", "  14 PM BRON "));
    assert!(!file.accepts("placeholder-source", "14 PM BRON"));
    // Another code, another text, another file: not accepted.
    assert!(!file.accepts("citation-format", "15 PM BRON"));
    assert!(!file.accepts("placeholder-source", "16 PM BRON"));
    assert!(!baseline
        .for_file("brief.txt")
        .accepts("placeholder-source", "15 PM BRON"));
    assert_eq!(
        relative(Path::new("/ws"), Path::new("/ws/stukken/brief.txt")),
        "stukken/brief.txt"
    );
    std::fs::write(&path, "{\"version\": 9, \"findings\": []}").unwrap();
    let e = Baseline::load(&path).unwrap_err().render(Lang::En);
    assert!(e.contains("version 9"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}
