//! Notes in each convention and a letter's page furniture, end to end: the
//! fixtures in `tests/fixtures/conventions` through the server (definition,
//! hover, diagnostics, renumbering, rename) and through `check`.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use common::*;

const MARKDOWN: &str = include_str!("fixtures/conventions/concept-verslag.md");
const TYPED: &str = include_str!("fixtures/conventions/brief-getypte-noten.txt");
const SUPERSCRIPT: &str = include_str!("fixtures/conventions/antwoorden-superscript.txt");
const LETTER: &str = include_str!("fixtures/conventions/ministeriele-brief.txt");

fn opened(uri: &str, text: &str) -> InProcess {
    let mut s = Enc::Utf16.server();
    s.conn.open(uri, "text", text);
    s
}

/// The zero-based line that a go-to-definition at `needle` (plus `skip`
/// bytes) lands on, if it lands.
fn definition_line(
    s: &mut InProcess,
    uri: &str,
    text: &str,
    needle: &str,
    skip: usize,
) -> Option<u64> {
    let at = pos(text, offset_of(text, needle, 0, skip), Enc::Utf16);
    let result = s
        .conn
        .call("textDocument/definition", text_position(uri, at));
    let location = if result.is_array() {
        result.get(0)?.clone()
    } else {
        result
    };
    location["range"]["start"]["line"].as_u64()
}

fn hover(s: &mut InProcess, uri: &str, text: &str, needle: &str, skip: usize) -> String {
    let at = pos(text, offset_of(text, needle, 0, skip), Enc::Utf16);
    let result = s.conn.call("textDocument/hover", text_position(uri, at));
    result["contents"]["value"]
        .as_str()
        .unwrap_or("")
        .to_owned()
}

/// Codes and zero-based lines of the published diagnostics.
fn diagnostics(s: &mut InProcess, uri: &str) -> Vec<(String, u64)> {
    let params = s.conn.diagnostics(uri);
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Applies LSP edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let col = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split('\n').take(line).map(|l| l.len() + 1).sum();
        let mut units = 0;
        for (i, ch) in text[start..].char_indices() {
            if units >= col || ch == '\n' {
                return start + i;
            }
            units += ch.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (a, b, new) in spans {
        out.replace_range(a..b, &new);
    }
    out
}

/// The edits of a workspace edit for `uri`, in either of its forms.
fn edits_of(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes[0]["edits"].as_array().unwrap().clone();
    }
    edit["changes"][uri].as_array().unwrap().clone()
}

fn line_of(text: &str, prefix: &str) -> u64 {
    line_starting(text, prefix) as u64
}

#[test]
fn markdown_notes_resolve_by_number_and_label_and_an_undefined_one_is_an_error() {
    let uri = "file:///dossier/concept-verslag.md";
    let mut s = opened(uri, MARKDOWN);
    assert_eq!(
        definition_line(&mut s, uri, MARKDOWN, "wetsvoorstel[^1]", 14),
        Some(line_of(MARKDOWN, "[^1]:"))
    );
    assert_eq!(
        definition_line(&mut s, uri, MARKDOWN, "[^bron]", 2),
        Some(line_of(MARKDOWN, "[^bron]:"))
    );
    let h = hover(&mut s, uri, MARKDOWN, "agenda.[^2]", 9);
    assert!(h.contains("32 317, nr. 650"), "{h}");
    // `Idem, blz. 4` resolves along the chain to note 2's document.
    let h = hover(&mut s, uri, MARKDOWN, "voeren.[^3]", 9);
    assert!(h.contains("32 317, nr. 650, blz. 4"), "{h}");
    let mut found = diagnostics(&mut s, uri);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "placeholder-source".to_owned(),
                line_of(MARKDOWN, "[^bron]:")
            ),
            ("undefined-footnote".to_owned(), 8),
        ]
    );
}

#[test]
fn typed_notes_and_word_footnotes_are_two_numberings_and_a_list_is_neither() {
    let uri = "file:///dossier/brief.txt";
    let mut s = opened(uri, TYPED);
    // `(nos.nl)”1)` is typed note 1, `verzocht.1` Word footnote 1.
    assert_eq!(
        definition_line(&mut s, uri, TYPED, "(nos.nl)”1)", 11),
        Some(line_of(TYPED, "1) NOS"))
    );
    assert_eq!(
        definition_line(&mut s, uri, TYPED, "Verhoudingen 2)", 13),
        Some(line_of(TYPED, "2) Kamerstuk"))
    );
    assert_eq!(
        definition_line(&mut s, uri, TYPED, "verzocht.1", 9),
        Some(line_of(TYPED, "1 Kamerstukken"))
    );
    let h = hover(&mut s, uri, TYPED, "verzocht.1", 9);
    assert!(h.contains("29 628, nr. 1099"), "{h}");
    // The numbered list is no note: no definition from its numbers.
    assert_eq!(definition_line(&mut s, uri, TYPED, "1) Gemeenten", 0), None);
    let found = diagnostics(&mut s, uri);
    assert!(
        found.iter().all(|(code, _)| !matches!(
            code.as_str(),
            "footnote-numbering" | "undefined-footnote" | "unreferenced-footnote"
        )),
        "{found:?}"
    );
}

#[test]
fn superscript_notes_resolve_and_rename_in_superscript_digits() {
    let uri = "file:///dossier/antwoorden.txt";
    let mut s = opened(uri, SUPERSCRIPT);
    assert_eq!(
        definition_line(&mut s, uri, SUPERSCRIPT, "NVVK²", 4),
        Some(line_of(SUPERSCRIPT, "² Nederlandse"))
    );
    let h = hover(&mut s, uri, SUPERSCRIPT, "mensen.¹", 7);
    assert!(h.contains("Jaarverslag 2023"), "{h}");
    // `m²` is a unit, not a marker.
    let d = dossier_lsp::Dossier::analyze(SUPERSCRIPT);
    assert!(d.marker_at(offset_of(SUPERSCRIPT, "m²", 0, 1)).is_none());
    assert!(diagnostics(&mut s, uri).is_empty());

    let mut params = text_position(
        uri,
        pos(
            SUPERSCRIPT,
            offset_of(SUPERSCRIPT, "NVVK²", 0, 4),
            Enc::Utf16,
        ),
    );
    params["newName"] = json!("7");
    let edit = s.conn.call("textDocument/rename", params);
    let renamed = apply(SUPERSCRIPT, &edits_of(&edit, uri));
    assert_eq!(
        renamed,
        SUPERSCRIPT
            .replace("NVVK²", "NVVK⁷")
            .replace("² Nederlandse", "⁷ Nederlandse")
    );
}

#[test]
fn renumbering_a_markdown_draft_renumbers_its_own_convention_only() {
    let uri = "file:///dossier/draft.md";
    let text = "Eerst[^2] en dan[^1], zie ook noot 1.1\n\n[^2]: Kamerstuk 22 112, nr. 2955.\n[^1]: Kamerstuk 21 501-20, nr. 1.\n\n1 Kamerstukken II 2020/21, 35 612, nr. 2.\n";
    let mut s = opened(uri, text);
    let actions = s.conn.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []}}),
    );
    let renumber = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"].as_str().is_some_and(|k| k.starts_with("source")))
        .unwrap_or_else(|| panic!("a renumbering action: {actions}"))
        .clone();
    let fixed = apply(text, &edits_of(&renumber["edit"], uri));
    assert_eq!(
        fixed,
        "Eerst[^1] en dan[^2], zie ook noot 1.1\n\n[^1]: Kamerstuk 22 112, nr. 2955.\n[^2]: Kamerstuk 21 501-20, nr. 1.\n\n1 Kamerstukken II 2020/21, 35 612, nr. 2.\n"
    );
}

#[test]
fn a_ministry_letter_reads_page_by_page_and_its_notes_end_at_the_side_column() {
    let uri = "file:///dossier/brief.txt";
    let mut s = opened(uri, LETTER);
    assert_eq!(
        definition_line(&mut s, uri, LETTER, "bericht.2", 8),
        Some(line_of(LETTER, "2 Kamerstukken"))
    );
    // The note ends at the side column: its text is the citation only.
    let h = hover(&mut s, uri, LETTER, "bericht.2", 8);
    assert!(h.contains("29 515, nr. 496"), "{h}");
    assert!(!h.contains("Directoraat"), "{h}");
    // `Idem` after a report we do not read as a citation: no warning.
    assert!(diagnostics(&mut s, uri).is_empty());

    let d = dossier_lsp::Dossier::analyze(LETTER);
    let numbers: Vec<Option<u32>> = d.layout.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    // `1. Gemeenten`, `2 fte`: not markers.
    let marked: Vec<u32> = d.markers.iter().map(|m| m.number).collect();
    assert_eq!(marked, [1, 2, 3, 4]);
}

#[test]
fn check_reads_every_convention_with_no_false_finding() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier-lsp"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["check", "--format", "json", "tests/fixtures/conventions"])
        .arg("tests/fixtures/conventions/concept-verslag.md")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut found: Vec<(String, String, u64)> = Vec::new();
    for line in stdout.lines() {
        let report: Value = serde_json::from_str(line).unwrap();
        let name = report["path"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        for d in report["diagnostics"].as_array().unwrap() {
            let code = d["code"].as_str().unwrap().to_owned();
            if d["severity"] != "hint" {
                found.push((name.clone(), code, d["line"].as_u64().unwrap()));
            }
        }
    }
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        [
            ("concept-verslag.md".into(), "placeholder-source".into(), 14),
            ("concept-verslag.md".into(), "undefined-footnote".into(), 9),
        ],
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "an error fails the check");
}
