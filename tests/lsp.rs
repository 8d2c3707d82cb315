//! The language server in-process: tower-lsp's `LspService` behind its
//! `Server`, over in-memory pipes, driven by JSON-RPC messages as an editor
//! sends them. Facts are those of the seed dossier (`seeds/`).
//!
//! What a feature answers is tested as fixtures in `src/ide/tests.rs`; this
//! file keeps to what only the protocol shows: encodings, ordering,
//! progress, configuration, lifecycle, the state across documents.

mod common;

use std::sync::Arc;

use serde_json::{json, Value};

use common::*;
use dossier_lsp::server::Options;

const ENCODINGS: [Enc; 2] = [Enc::Utf8, Enc::Utf16];

fn hover_text(result: &Value) -> String {
    assert!(!result.is_null(), "a hover");
    result["contents"]["value"]
        .as_str()
        .expect("markup contents")
        .to_owned()
}

fn seed_server(enc: Enc) -> InProcess {
    let mut s = enc.server();
    s.conn.open(SEED_URI, "text", SEED);
    s
}

/// The byte offset of the marker digits right after `before`.
fn marker(before: &str) -> usize {
    offset_of(SEED, before, 0, before.len())
}

#[test]
fn initialize_negotiates_utf8_when_the_client_offers_it() {
    let mut s = start(Options::default());
    let result = s.conn.initialize(capabilities(Some(&["utf-16", "utf-8"])));
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    // Incremental sync, with open/close.
    assert_eq!(caps["textDocumentSync"]["change"], 2);
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert!(caps["documentLinkProvider"].is_object());
    assert_eq!(caps["referencesProvider"], true);
    assert_eq!(caps["documentHighlightProvider"], true);
    assert_eq!(caps["selectionRangeProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(caps["codeLensProvider"]["resolveProvider"], false);
    assert_eq!(
        caps["completionProvider"]["triggerCharacters"],
        json!([" "])
    );
    let kinds = &caps["codeActionProvider"]["codeActionKinds"];
    for kind in ["quickfix", "source", "refactor.rewrite"] {
        assert!(kinds.as_array().unwrap().contains(&json!(kind)), "{kinds}");
    }
    let tokens = &caps["semanticTokensProvider"];
    assert_eq!(tokens["full"], true);
    assert_eq!(tokens["range"], true);
    assert!(tokens["legend"]["tokenTypes"]
        .as_array()
        .unwrap()
        .contains(&json!("number")));
    // Push diagnostics only.
    assert!(caps.get("diagnosticProvider").is_none());
    assert_eq!(result["serverInfo"]["name"], "dossier-lsp");
}

#[test]
fn initialize_falls_back_to_utf16() {
    for offered in [None, Some(&["utf-16"][..]), Some(&["utf-32", "utf-16"][..])] {
        let mut s = start(Options::default());
        let result = s.conn.initialize(capabilities(offered));
        assert_eq!(
            result["capabilities"]["positionEncoding"], "utf-16",
            "offered {offered:?}"
        );
    }
}

#[test]
fn definition_on_marker_7_goes_to_footnote_7() {
    for enc in ENCODINGS {
        let mut s = seed_server(enc);
        let at = pos(SEED, marker("is.»"), enc);
        let result = s
            .conn
            .call("textDocument/definition", text_position(SEED_URI, at));
        let location = if result.is_array() {
            result[0].clone()
        } else {
            result
        };
        assert_eq!(location["uri"], SEED_URI, "{enc:?}: {location}");
        assert_eq!(
            location["range"]["start"]["line"],
            line_starting(SEED, "7 Idem, blz. 12."),
            "{enc:?}"
        );
    }
}

#[test]
fn positions_in_utf8_and_utf16_on_lines_with_guillemets_and_dashes() {
    // `Migration»13.`: the marker stands after a two-byte, one-unit `»`.
    let start = marker("Migration»");
    let end = start + 2;
    for enc in ENCODINGS {
        let mut s = seed_server(enc);
        let result = s.conn.call(
            "textDocument/hover",
            text_position(SEED_URI, pos(SEED, start, enc)),
        );
        assert!(hover_text(&result).contains("**Voetnoot 13**"), "{enc:?}");
        assert_eq!(result["range"]["start"], pos(SEED, start, enc), "{enc:?}");
        assert_eq!(result["range"]["end"], pos(SEED, end, enc), "{enc:?}");
    }
    // The same column counted the other way lands in `»`: no marker.
    let mut s = seed_server(Enc::Utf8);
    let wrong = pos(SEED, start, Enc::Utf16);
    let result = s
        .conn
        .call("textDocument/hover", text_position(SEED_URI, wrong));
    assert!(
        result.is_null() || !hover_text(&result).contains("Voetnoot 13"),
        "{result}"
    );

    // `is.»7`, and a definition from it, in both encodings.
    for enc in ENCODINGS {
        let mut s = seed_server(enc);
        let at = marker("is.»");
        let result = s.conn.call(
            "textDocument/hover",
            text_position(SEED_URI, pos(SEED, at, enc)),
        );
        assert_eq!(result["range"]["start"], pos(SEED, at, enc), "{enc:?}");
    }

    // Footnote 4's citation runs over `–` (three bytes, one unit): its
    // link range ends at `2955` counted in the negotiated encoding.
    let line = line_starting(SEED, "4 Kamerstukken");
    let end_of_2955 = offset_of(SEED, "4 Kamerstukken II, 2020–2021, 22 112, nr. 2955", 0, 0)
        + "4 Kamerstukken II, 2020–2021, 22 112, nr. 2955".len();
    for enc in ENCODINGS {
        let mut s = seed_server(enc);
        let links = s.conn.call(
            "textDocument/documentLink",
            json!({"textDocument": {"uri": SEED_URI}}),
        );
        let link = links
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["range"]["start"]["line"] == line)
            .unwrap_or_else(|| panic!("a link on footnote 4: {links}"))
            .clone();
        let end = &link["range"]["end"];
        let expected = pos(SEED, end_of_2955, enc);
        // The citation ends at `2955` or takes the full stop with it.
        let (l, c) = lc(end);
        let (el, ec) = lc(&expected);
        assert!(
            l == el && (c == ec || c == ec + 1),
            "{enc:?}: {end} vs {expected}"
        );
    }
}

#[test]
fn diagnostics_are_published_for_the_seed() {
    let mut s = seed_server(Enc::Utf16);
    let params = s.conn.diagnostics(SEED_URI);
    assert_eq!(params["version"], 1);
    let diags = params["diagnostics"].as_array().unwrap().clone();
    let on_line = |line: usize, severity: u64| {
        diags
            .iter()
            .any(|d| d["range"]["start"]["line"] == line && d["severity"] == severity)
    };
    // PM BRON: a warning.
    assert!(on_line(line_starting(SEED, "14 PM BRON"), 2), "{diags:#?}");
    // Footnote 1 is never referenced: information.
    assert!(
        on_line(line_starting(SEED, "1 Zie dossiers"), 3),
        "{diags:#?}"
    );
    // Footnote 15 lacks its comma: a hint.
    assert!(
        on_line(line_starting(SEED, "15 Kamerstuk"), 4),
        "{diags:#?}"
    );
    for d in &diags {
        assert_eq!(d["source"], "dossier-lsp");
        assert!(d["code"].is_string(), "{d}");
    }
}

/// A replacement of `range` by `text` in a `didChange`.
fn edit(start: Value, end: Value, text: &str) -> Value {
    json!({"range": {"start": start, "end": end}, "text": text})
}

#[test]
fn a_burst_of_incremental_edits_is_applied_in_order() {
    for enc in ENCODINGS {
        let mut s = seed_server(enc);
        let mut text = SEED.to_owned();
        let mut version = 1;
        let mut change = |s: &mut InProcess,
                          text: &mut String,
                          edits: Vec<(usize, usize, &str)>| {
            version += 1;
            let mut changes = Vec::new();
            for (a, b, new) in edits {
                changes.push(edit(pos(text, a, enc), pos(text, b, enc), new));
                text.replace_range(a..b, new);
            }
            s.conn.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": SEED_URI, "version": version}, "contentChanges": changes}),
            );
        };
        // Lines added at the top, one notification each.
        for k in 0..10 {
            let line = format!("regel {k} – «é»\n");
            change(&mut s, &mut text, vec![(0, 0, line.as_str())]);
        }
        // The `7` of `is.»7` deleted, a `9` typed, then turned back into 7:
        // applied out of order these would leave `97`, `79` or nothing.
        let seven = text.find("is.»7").unwrap() + "is.»".len();
        change(&mut s, &mut text, vec![(seven, seven + 1, "")]);
        change(&mut s, &mut text, vec![(seven, seven, "9")]);
        change(&mut s, &mut text, vec![(seven, seven + 1, "7")]);
        // Two changes in one notification, each against the text the one
        // before it left.
        change(
            &mut s,
            &mut text,
            vec![(0, 0, "a – b\n"), (2, 2, "«tussen»")],
        );
        assert!(text.starts_with("a «tussen»– b\nregel 9"));

        let at = pos(&text, text.find("is.»7").unwrap() + "is.»".len(), enc);
        let result = s
            .conn
            .call("textDocument/definition", text_position(SEED_URI, at));
        let location = if result.is_array() {
            result[0].clone()
        } else {
            result
        };
        assert_eq!(
            location["range"]["start"]["line"],
            line_starting(&text, "7 Idem, blz. 12."),
            "{enc:?}: {location}"
        );
        // The diagnostics that follow are for the last version.
        let last = loop {
            let d = s.conn.diagnostics(SEED_URI);
            if d["version"] == version {
                break d;
            }
        };
        assert_eq!(last["uri"], SEED_URI);
    }
}

#[test]
fn positions_outside_the_document_are_answered() {
    let mut s = seed_server(Enc::Utf16);
    for position in [
        json!({"line": 100000, "character": 0}),
        json!({"line": 48, "character": 100000}),
        json!({"line": 4294967295u32, "character": 4294967295u32}),
    ] {
        for method in ["textDocument/hover", "textDocument/definition"] {
            let response = s
                .conn
                .request(method, text_position(SEED_URI, position.clone()));
            assert!(response.get("error").is_none(), "{method}: {response}");
        }
    }
    // Edits outside the document are clamped too, and the server goes on.
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": [
            edit(json!({"line": 9999, "character": 0}), json!({"line": 9999, "character": 5}), "\nslot"),
        ]}),
    );
    let at = pos(SEED, marker("geweest.»"), Enc::Utf16);
    let result = s
        .conn
        .call("textDocument/hover", text_position(SEED_URI, at));
    assert!(hover_text(&result).contains("Voetnoot 8"));
}

#[test]
fn requests_on_an_unknown_document_answer_nothing() {
    let mut s = seed_server(Enc::Utf16);
    let unknown = "file:///nergens/onbekend.txt";
    let at = json!({"line": 0, "character": 0});
    for method in ["textDocument/hover", "textDocument/definition"] {
        let result = s.conn.call(method, text_position(unknown, at.clone()));
        assert!(result.is_null(), "{method}: {result}");
    }
    for method in [
        "textDocument/documentSymbol",
        "textDocument/documentLink",
        "textDocument/foldingRange",
    ] {
        let result = s
            .conn
            .call(method, json!({"textDocument": {"uri": unknown}}));
        assert!(result.is_null(), "{method}: {result}");
    }
    // A change to a document that is not open is ignored.
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": unknown, "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    let result = s.conn.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": SEED_URI}}),
    );
    assert!(result.is_array());
}

#[test]
fn close_clears_diagnostics_and_forgets_the_document() {
    let mut s = seed_server(Enc::Utf16);
    let _ = s.conn.diagnostics(SEED_URI);
    s.conn.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": SEED_URI}}),
    );
    let cleared = s.conn.diagnostics(SEED_URI);
    assert_eq!(cleared["diagnostics"], json!([]));
    let at = pos(SEED, marker("is.»"), Enc::Utf16);
    let result = s
        .conn
        .call("textDocument/hover", text_position(SEED_URI, at));
    assert!(result.is_null());
}

#[test]
fn a_panic_in_the_analysis_is_caught_and_the_text_kept() {
    let default = Options::default();
    let real = default.analyzer.clone();
    let options = Options {
        analyzer: Arc::new(move |text: &str| {
            if text.contains("BOEM") {
                panic!("analysis exploded on purpose");
            }
            real(text)
        }),
        ..default
    };
    let mut s = start(options);
    s.conn.initialize(capabilities(None));
    let with_bomb = format!("BOEM\n{SEED}");
    s.conn.open(SEED_URI, "plaintext", &with_bomb);
    let log = s.conn.take_notification("an error logMessage", |m| {
        m["method"] == "window/logMessage" && m["params"]["type"] == 1
    });
    assert!(
        log["params"]["message"]
            .as_str()
            .unwrap()
            .contains("exploded"),
        "{log}"
    );
    // Requests on it answer without taking the server down.
    let at = pos(&with_bomb, 5 + marker("is.»"), Enc::Utf16);
    let response = s
        .conn
        .request("textDocument/hover", text_position(SEED_URI, at.clone()));
    assert!(response["result"].is_null(), "{response}");
    // Other documents are served.
    s.conn.open("file:///ander.txt", "text", SEED);
    let ok = s.conn.call(
        "textDocument/hover",
        text_position("file:///ander.txt", pos(SEED, marker("is.»"), Enc::Utf16)),
    );
    assert!(hover_text(&ok).contains("Voetnoot 7"));
    // The edit that removes the bomb applies to the kept text.
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": [
            edit(json!({"line": 0, "character": 0}), json!({"line": 1, "character": 0}), ""),
        ]}),
    );
    let at = pos(SEED, marker("is.»"), Enc::Utf16);
    let result = s
        .conn
        .call("textDocument/definition", text_position(SEED_URI, at));
    let location = if result.is_array() {
        result[0].clone()
    } else {
        result
    };
    assert_eq!(
        location["range"]["start"]["line"],
        line_starting(SEED, "7 Idem, blz. 12.")
    );
}

#[test]
fn shutdown_then_exit_ends_the_session_cleanly() {
    let mut s = started(None);
    s.conn.open(SEED_URI, "text", SEED);
    let result = s.conn.request("shutdown", Value::Null);
    assert!(result.get("error").is_none(), "{result}");
    s.conn.notify("exit", Value::Null);
    // The input stays open: `exit` alone must end the session.
    let outcome = s.outcome();
    assert!(outcome.shutdown);
}

#[test]
fn exit_without_shutdown_is_a_failure() {
    let mut s = started(None);
    s.conn.notify("exit", Value::Null);
    let outcome = s.outcome();
    assert!(!outcome.shutdown);
}

#[test]
fn end_of_input_ends_the_session() {
    let mut s = started(None);
    s.conn.close_input();
    let outcome = s.outcome();
    assert!(!outcome.shutdown);
}

/// Every `.txt` under `dir`, recursively.
fn corpus_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            corpus_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn assert_range_in(text: &str, range: &Value, what: &str) {
    let lines = text.split('\n').count() as u64;
    let (sl, sc) = lc(&range["start"]);
    let (el, ec) = lc(&range["end"]);
    assert!((sl, sc) <= (el, ec), "{what}: reversed {range}");
    assert!(el < lines, "{what}: {range} past the last line {lines}");
}

#[test]
fn every_capability_answers_on_the_real_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files = Vec::new();
    corpus_files(&root, &mut files);
    assert!(files.len() > 10, "the corpus is there");
    let mut s = seed_server(Enc::Utf16);
    for path in &files {
        let decoded = dossier_lsp::text::decode(&std::fs::read(path).unwrap());
        if decoded.binary {
            continue;
        }
        let text = decoded.text;
        let uri = format!("file://{}", path.display());
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        s.conn.open(&uri, "text", &text);
        let diagnostics = s.conn.diagnostics(&uri);
        for d in diagnostics["diagnostics"].as_array().unwrap() {
            assert_range_in(&text, &d["range"], &name);
        }
        let symbols = s.conn.call(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        );
        for (_, sym) in flatten_symbols(&symbols) {
            assert_range_in(&text, &sym["range"], &name);
            assert!(
                range_contains(&sym["range"], &sym["selectionRange"]),
                "{name}: {sym}"
            );
            assert!(
                !sym["name"].as_str().unwrap().trim().is_empty(),
                "{name}: {sym}"
            );
        }
        let links = s.conn.call(
            "textDocument/documentLink",
            json!({"textDocument": {"uri": uri}}),
        );
        for link in links.as_array().unwrap() {
            assert_range_in(&text, &link["range"], &name);
            assert!(
                link["target"].as_str().unwrap().starts_with("http"),
                "{name}: {link}"
            );
        }
        let lensed = s.conn.call(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        );
        for lens in lensed.as_array().unwrap() {
            assert_range_in(&text, &lens["range"], &name);
            assert!(
                !lens["command"]["title"].as_str().unwrap().is_empty(),
                "{name}: {lens}"
            );
        }
        let all = json!({"start": {"line": 0, "character": 0},
            "end": {"line": text.split('\n').count(), "character": 0}});
        let hints = s.conn.call(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": all}),
        );
        for h in hints.as_array().unwrap() {
            let at = json!({"start": h["position"], "end": h["position"]});
            assert_range_in(&text, &at, &name);
        }
        let tokens = s.conn.call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        );
        let data = tokens["data"].as_array().unwrap();
        let lines_of: Vec<&str> = text.split('\n').collect();
        let (mut line, mut col) = (0u64, 0u64);
        for t in data.chunks(5) {
            let (dl, dc, len) = (
                t[0].as_u64().unwrap(),
                t[1].as_u64().unwrap(),
                t[2].as_u64().unwrap(),
            );
            if dl > 0 {
                line += dl;
                col = dc;
            } else {
                col += dc;
            }
            let width = lines_of[line as usize].encode_utf16().count() as u64;
            assert!(col + len <= width, "{name}: token at {line}:{col}+{len}");
        }
        let actions = s.conn.call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": all, "context": {"diagnostics": []}}),
        );
        for action in actions.as_array().unwrap() {
            for change in action["edit"]["documentChanges"]
                .as_array()
                .into_iter()
                .flatten()
            {
                for e in change["edits"].as_array().unwrap() {
                    assert_range_in(&text, &e["range"], &name);
                }
            }
        }
        let folds = s.conn.call(
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": uri}}),
        );
        let lines = text.split('\n').count() as u64;
        for f in folds.as_array().unwrap() {
            let (a, b) = (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            );
            assert!(a < b && b < lines, "{name}: {f}");
        }
        // Hover and definition on every digit glued to a letter or a
        // closing mark (where markers are), on a sample of lines.
        for (line_no, line) in text.split('\n').enumerate().step_by(3).take(400) {
            let mut prev = ' ';
            for (i, ch) in line.char_indices() {
                if ch.is_ascii_digit() && (prev.is_alphabetic() || "».)”’".contains(prev)) {
                    let col = line[..i].encode_utf16().count();
                    let at = json!({"line": line_no, "character": col});
                    for method in ["textDocument/hover", "textDocument/definition"] {
                        let r = s.conn.request(method, text_position(&uri, at.clone()));
                        assert!(r.get("error").is_none(), "{name} {method} {at}: {r}");
                    }
                }
                prev = ch;
            }
        }
        s.conn.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }
}

/// An analysis whose spans and indices are all wrong: out of the text,
/// reversed, inside multi-byte characters, pointing at nothing.
#[allow(clippy::reversed_empty_ranges, clippy::useless_conversion)] // on purpose
fn scrambled(text: &str) -> (dossier_lsp::Dossier, Vec<dossier_lsp::lints::Diagnostic>) {
    let (mut d, mut diags) = (Options::default().analyzer)(text);
    let len = text.len();
    let inside_char = text.find('»').map_or(1, |i| i + 1);
    let bad = [
        len + 10..len + 20,
        len + 5..3,
        inside_char..inside_char + 2,
        usize::MAX - 1..usize::MAX,
        7..2,
    ];
    let pick = |i: usize| bad[i % bad.len()].clone();
    for (i, f) in d.footnotes.iter_mut().enumerate() {
        f.number_span = pick(i);
        f.span = pick(i + 1);
        f.citations = vec![usize::MAX, i * 1000];
        f.source = match i % 4 {
            0 => dossier_lsp::dossier::Source::Cited(usize::MAX),
            1 => dossier_lsp::dossier::Source::Placeholder(usize::MAX),
            2 => dossier_lsp::dossier::Source::Resolved {
                // `.into()`: the model may box it.
                citation: dossier_lsp::citation::Citation::new(
                    dossier_lsp::citation::CitationKind::Kamerstuk,
                    pick(i),
                )
                .into(),
                via: vec![9999, 0],
            },
            _ => dossier_lsp::dossier::Source::Unresolved {
                reason: dossier_lsp::msg!("reason-empty-before", note = "`*_["),
            },
        };
    }
    for (i, m) in d.markers.iter_mut().enumerate() {
        if i % 2 == 0 {
            m.span = pick(i);
        }
        m.footnote = Some(usize::MAX - i);
    }
    for (i, c) in d.citations.iter_mut().enumerate() {
        c.span = pick(i);
    }
    for (i, l) in d.letters.iter_mut().enumerate() {
        l.heading_span = pick(i);
        l.span = pick(i + 2);
    }
    for (i, q) in d.questions.iter_mut().enumerate() {
        q.heading_span = Some(pick(i));
        q.answer = Some(usize::MAX);
    }
    for (i, a) in d.answers.iter_mut().enumerate() {
        a.heading_span = pick(i + 3);
        a.question = Some(usize::MAX);
    }
    for (i, diag) in diags.iter_mut().enumerate() {
        diag.span = pick(i);
    }
    (d, diags)
}

#[test]
fn a_wrong_analysis_never_takes_a_request_down() {
    let options = Options {
        analyzer: Arc::new(scrambled),
        ..Options::default()
    };
    for enc in ENCODINGS {
        let mut s = start(options.clone());
        let offered: &[&str] = match enc {
            Enc::Utf8 => &["utf-8"],
            Enc::Utf16 => &["utf-16"],
        };
        s.conn.initialize(capabilities(Some(offered)));
        s.conn.open(SEED_URI, "text", SEED);
        let published = s.conn.diagnostics(SEED_URI);
        for d in published["diagnostics"].as_array().unwrap() {
            assert_range_in(SEED, &d["range"], "diagnostic");
        }
        let all =
            json!({"start": {"line": 0, "character": 0}, "end": {"line": 400, "character": 0}});
        for method in [
            "textDocument/documentSymbol",
            "textDocument/documentLink",
            "textDocument/foldingRange",
            "textDocument/codeLens",
            "textDocument/semanticTokens/full",
            "textDocument/semanticTokens/range",
            "textDocument/inlayHint",
            "textDocument/codeAction",
        ] {
            let r = s.conn.request(
                method,
                json!({"textDocument": {"uri": SEED_URI}, "range": all, "context": {"diagnostics": []}}),
            );
            assert!(r.get("error").is_none(), "{enc:?} {method}: {r}");
        }
        // Hints after markers too.
        s.conn.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"dossier": {"inlayHints": {"markers": true}}}}),
        );
        let r = s.conn.request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": SEED_URI}, "range": all}),
        );
        assert!(
            r.get("error").is_none(),
            "{enc:?} inlayHint with markers: {r}"
        );
        for (line_no, line) in SEED.split('\n').enumerate() {
            for col in [0, 1, 2, line.len() / 2, line.len(), line.len() + 3] {
                let at = json!({"line": line_no, "character": col});
                for method in [
                    "textDocument/hover",
                    "textDocument/definition",
                    "textDocument/references",
                    "textDocument/documentHighlight",
                    "textDocument/prepareRename",
                    "textDocument/completion",
                    "textDocument/selectionRange",
                ] {
                    let params = json!({"textDocument": {"uri": SEED_URI}, "position": at,
                        "positions": [at], "range": {"start": at, "end": at},
                        "context": {"includeDeclaration": true, "diagnostics": [], "triggerKind": 1}});
                    let r = s.conn.request(method, params);
                    assert!(r.get("error").is_none(), "{enc:?} {method} {at}: {r}");
                }
            }
        }
    }
}

/// Versions may skip numbers (Neovim sends its `changedtick`): each change
/// applies at once, and a request right after it sees the new text.
#[test]
fn changes_with_gaps_in_their_versions_apply_at_once() {
    let mut s = seed_server(Enc::Utf16);
    // v4 adds two lines at the top; v9 turns the `7` of `is.»7` (two lines
    // further down by then) into an `8`.
    let mut at = pos(SEED, marker("is.»"), Enc::Utf16);
    at["line"] = json!(at["line"].as_u64().unwrap() + 2);
    let mut end = at.clone();
    end["character"] = json!(at["character"].as_u64().unwrap() + 1);
    let top = json!({"line": 0, "character": 0});
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": SEED_URI, "version": 4},
            "contentChanges": [edit(top.clone(), top, "\n\n")]}),
    );
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": SEED_URI, "version": 9},
            "contentChanges": [edit(at.clone(), end, "8")]}),
    );
    let result = s
        .conn
        .call("textDocument/hover", text_position(SEED_URI, at.clone()));
    let text = hover_text(&result);
    assert!(text.contains("**Voetnoot 8**"), "{text}");
    // Diagnostics follow for the last version.
    while s.conn.diagnostics(SEED_URI)["version"] != 9 {}
}

#[test]
fn lint_settings_change_severities_and_turn_lints_off() {
    let mut s = start(Options::default());
    let init = json!({"processId": null, "rootUri": null, "locale": "nl", "capabilities": capabilities(None),
        "initializationOptions": {"files": ["**/*.txt"], "lints": {
            "placeholder-source": "error", "unreferenced-footnote": "off", "geen-lint": "off"}}});
    s.conn.call("initialize", init);
    s.conn.notify("initialized", json!({}));
    let warning = s.conn.take_notification("a settings warning", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("geen-lint")
    });
    assert_eq!(warning["params"]["type"], 2);
    s.conn.open(SEED_URI, "text", SEED);
    let pm_bron = line_starting(SEED, "14 PM BRON");
    let severity_on = |d: &Value, line: usize, code: &str| {
        d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["range"]["start"]["line"] == line && d["code"] == code)
            .map(|d| d["severity"].as_u64().unwrap())
    };
    let first = s.conn.diagnostics(SEED_URI);
    assert_eq!(
        severity_on(&first, pm_bron, "placeholder-source"),
        Some(1),
        "{first}"
    );
    let codes: Vec<&Value> = first["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(
        !codes.contains(&&json!("unreferenced-footnote")),
        "{codes:?}"
    );

    // Settings changed in the editor: published again with the defaults.
    s.conn.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"dossier": {"files": ["**/*.txt"], "lints": {}}}}),
    );
    let again = s.conn.diagnostics(SEED_URI);
    assert_eq!(
        severity_on(&again, pm_bron, "placeholder-source"),
        Some(2),
        "{again}"
    );
    let unreferenced = line_starting(SEED, "1 Zie dossiers");
    assert_eq!(
        severity_on(&again, unreferenced, "unreferenced-footnote"),
        Some(3),
        "{again}"
    );
}

#[test]
fn settings_are_pulled_from_clients_that_answer_workspace_configuration() {
    let mut s = start(Options::default());
    s.conn.configuration = Some(json!({"lints": {"placeholder-source": "hint"}}));
    let mut caps = capabilities(None);
    caps["workspace"] = json!({"configuration": true});
    s.conn.initialize(caps);
    let asked = s.conn.take_notification("workspace/configuration", |m| {
        m["method"] == "workspace/configuration"
    });
    assert_eq!(asked["params"]["items"][0]["section"], "dossier");
    s.conn.open(SEED_URI, "text", SEED);
    let pm_bron = line_starting(SEED, "14 PM BRON");
    // The first publication may precede the answer; a later one follows it.
    loop {
        let d = s.conn.diagnostics(SEED_URI);
        let hint = d["diagnostics"].as_array().unwrap().iter().any(|d| {
            d["range"]["start"]["line"] == pm_bron
                && d["code"] == "placeholder-source"
                && d["severity"] == 4
        });
        if hint {
            break;
        }
    }
}

/// Applies LSP text edits (utf-16 positions) to `text`.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, col) = lc(p);
        let start: usize = text
            .split('\n')
            .take(line as usize)
            .map(|l| l.len() + 1)
            .sum();
        let line_text = text[start..].split('\n').next().unwrap();
        let mut units = 0;
        for (i, ch) in line_text.char_indices() {
            if units >= col as usize {
                return start + i;
            }
            units += ch.len_utf16();
        }
        start + line_text.len()
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

/// The seed's analysis with citation slips in document coordinates (the
/// core gives them relative to the footnote's text after its number).
fn with_document_slips(text: &str) -> (dossier_lsp::Dossier, Vec<dossier_lsp::lints::Diagnostic>) {
    let (mut d, diags) = (Options::default().analyzer)(text);
    let bases: Vec<(usize, Vec<usize>)> = d
        .footnotes
        .iter()
        .map(|f| (f.number_span.end, f.citations.clone()))
        .collect();
    for (base, citations) in bases {
        for i in citations {
            let c = &mut d.citations[i];
            for slip in &mut c.slips {
                if !(c.span.start <= slip.span.start && slip.span.end <= c.span.end) {
                    slip.span = slip.span.start + base..slip.span.end + base;
                }
            }
        }
    }
    (d, diags)
}

fn quick_fixes(s: &mut InProcess, line: usize) -> Value {
    s.conn.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": SEED_URI},
            "range": {"start": {"line": line, "character": 5}, "end": {"line": line, "character": 5}},
            "context": {"diagnostics": []}}),
    )
}

#[test]
fn a_quick_fix_repairs_a_citation_slip() {
    let line = line_starting(SEED, "15 Kamerstuk");
    let expected = "15 Kamerstuk 22 112, nr. 2956.";
    let mut s = start(Options {
        analyzer: Arc::new(with_document_slips),
        ..Options::default()
    });
    s.conn.initialize(capabilities(None));
    s.conn.open(SEED_URI, "text", SEED);
    let actions = quick_fixes(&mut s, line);
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("a quick fix: {actions}"))
        .clone();
    let edits = fix["edit"]["changes"][SEED_URI].as_array().unwrap().clone();
    let fixed = apply_edits(SEED, &edits);
    assert_eq!(
        fixed.split('\n').nth(line).unwrap().trim_end(),
        expected,
        "{fix}"
    );
    // Nothing to fix on a well-written citation.
    let none = quick_fixes(&mut s, line_starting(SEED, "12 Kamerstuk"));
    assert_eq!(none, json!([]));

    // With the core's own spans: the same fix, or none, never a wrong one.
    let mut s = seed_server(Enc::Utf16);
    for action in quick_fixes(&mut s, line).as_array().unwrap() {
        let edits = action["edit"]["changes"][SEED_URI]
            .as_array()
            .unwrap()
            .clone();
        let fixed = apply_edits(SEED, &edits);
        assert_eq!(
            fixed.split('\n').nth(line).unwrap().trim_end(),
            expected,
            "{action}"
        );
    }
}

#[test]
fn documents_with_crlf_line_ends_are_served_alike() {
    let crlf = SEED.replace('\n', "\r\n");
    for enc in ENCODINGS {
        let mut s = enc.server();
        s.conn.open(SEED_URI, "text", &crlf);
        // A line added at the top, typed at the end of the first line.
        let first_line_end = json!({"line": 0, "character": match enc {
            Enc::Utf8 => SEED.lines().next().unwrap().len(),
            Enc::Utf16 => SEED.lines().next().unwrap().encode_utf16().count(),
        }});
        s.conn.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": SEED_URI, "version": 2}, "contentChanges": [
                edit(first_line_end.clone(), first_line_end, "\r\nextra – «regel»"),
            ]}),
        );
        let mut at = pos(SEED, marker("Migration»"), enc);
        at["line"] = json!(at["line"].as_u64().unwrap() + 1);
        let result = s
            .conn
            .call("textDocument/hover", text_position(SEED_URI, at.clone()));
        assert!(hover_text(&result).contains("**Voetnoot 13**"), "{enc:?}");
        assert_eq!(result["range"]["start"], at, "{enc:?}");
        let location = s
            .conn
            .call("textDocument/definition", text_position(SEED_URI, at));
        assert_eq!(
            location["range"]["start"]["line"],
            line_starting(SEED, "13 A Renewed") + 1,
            "{enc:?}: {location}"
        );
    }
}

#[test]
fn exit_right_after_shutdown_without_waiting_still_counts_the_shutdown() {
    let mut s = started(None);
    s.conn.open(SEED_URI, "text", SEED);
    s.conn
        .send(&json!({"jsonrpc": "2.0", "id": 999, "method": "shutdown"}));
    s.conn.notify("exit", Value::Null);
    assert!(s.outcome().shutdown);
}

/// A folder under the system's temporary folder, removed when dropped.
struct TempFolder(std::path::PathBuf);

impl TempFolder {
    fn new(name: &str) -> TempFolder {
        let path = std::env::temp_dir().join(format!(
            "dossier-lsp-test-{name}-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&path).unwrap();
        TempFolder(path)
    }

    fn uri(&self, file: &str) -> String {
        tower_lsp::lsp_types::Url::from_file_path(self.0.join(file))
            .unwrap()
            .to_string()
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A server started on `folder` as its workspace, with these client
/// capabilities, once its index is built; and the "indexed" log message.
fn started_in(folder: &TempFolder, caps: Value) -> (InProcess, Value) {
    started_in_locale(folder, caps, "nl")
}

fn started_in_locale(folder: &TempFolder, caps: Value, locale: &str) -> (InProcess, Value) {
    let root = tower_lsp::lsp_types::Url::from_file_path(&folder.0)
        .unwrap()
        .to_string();
    let mut s = start(Options::default());
    s.conn.call(
        "initialize",
        json!({"processId": null, "rootUri": root, "locale": locale, "capabilities": caps,
            "workspaceFolders": [{"uri": root, "name": "dossiers"}]}),
    );
    s.conn.notify("initialized", json!({}));
    let indexed = s.conn.take_notification("the index is built", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("geïndexeerd") || t.contains("indexed"))
    });
    (s, indexed)
}

/// One session speaks one language: with `locale: "nl"` the diagnostics,
/// hovers, lenses, action titles, progress and log lines are Dutch, with
/// `"en"` English, and the codes the same. The words scanned for are the
/// catalogs' own (the seed holds none of them).
#[test]
fn a_session_speaks_the_language_of_its_client() {
    const DUTCH: &[&str] = &[
        "voetnoot",
        "Voetnoot",
        "Beantwoord",
        "regel ",
        "Schrijfwijze",
        "schrijfwijze",
        "ontbreekt",
        "plaatshouder",
        "documenten",
        "herstellen",
        "hernummeren",
        "Niet beantwoord",
        "indexeren",
        "geïndexeerd",
        "gereed",
        "Vraag",
        "Antwoord",
    ];
    const ENGLISH: &[&str] = &[
        "footnote",
        "Footnote",
        "Answered",
        "line ",
        "missing",
        "placeholder",
        "documents",
        "Fix ",
        "Renumber",
        "Indexing",
        "indexed",
        "ready",
        "source",
        "Question",
        "Answer",
    ];
    let mut codes = Vec::new();
    for (locale, own, other) in [("nl", DUTCH, ENGLISH), ("en", ENGLISH, DUTCH)] {
        let folder = TempFolder::new(&format!("lang-{locale}"));
        std::fs::write(folder.0.join("000_seed.txt"), SEED).unwrap();
        let mut caps = capabilities(None);
        caps["window"] = json!({"workDoneProgress": true});
        let (mut s, indexed) = started_in_locale(&folder, caps, locale);
        let uri = folder.uri("000_seed.txt");
        s.conn.open(&uri, "text", SEED);
        let mut shown: Vec<(&str, String)> = Vec::new();
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        shown.push(("log", text(&indexed["params"]["message"])));
        let progress = s.conn.take_notification("the progress's title", |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin"
        });
        shown.push(("progress", text(&progress["params"]["value"]["title"])));
        let end = s.conn.take_notification("the progress's end", |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
        });
        shown.push(("progress", text(&end["params"]["value"]["message"])));
        let diags = s.conn.diagnostics(&uri);
        let mut own_codes = Vec::new();
        for d in diags["diagnostics"].as_array().unwrap() {
            shown.push(("diagnostic", text(&d["message"])));
            own_codes.push(text(&d["code"]));
        }
        codes.push(own_codes);
        // The footnotes with a placeholder and with a slip; an answer's
        // heading (its first paragraph: the rest is the document's text).
        for (line, first_paragraph) in [
            (line_starting(SEED, "14 PM BRON"), false),
            (line_starting(SEED, "15 Kamerstuk"), false),
            (line_starting(SEED, "Antwoord"), true),
        ] {
            let hover = s.conn.call(
                "textDocument/hover",
                text_position(&uri, json!({"line": line, "character": 0})),
            );
            let md = text(&hover["contents"]["value"]);
            let md = if first_paragraph {
                md.split("\n\n").next().unwrap_or_default().to_owned()
            } else {
                md
            };
            shown.push(("hover", md));
        }
        for (_, title) in lenses(&mut s, &uri) {
            // Above an answer: `Vraag 1: ` and the question's first words.
            let ours = title.split(": De ").next().unwrap_or_default().to_owned();
            shown.push(("lens", ours));
        }
        let end_line = SEED.lines().count();
        let actions = s.conn.call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": end_line, "character": 0}},
                "context": {"diagnostics": []}}),
        );
        for a in actions.as_array().unwrap() {
            shown.push(("action", text(&a["title"])));
        }
        for kind in ["log", "progress", "diagnostic", "hover", "lens", "action"] {
            let of_kind: Vec<&String> = shown
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, t)| t)
                .collect();
            assert!(
                of_kind.iter().any(|t| own.iter().any(|w| t.contains(w))),
                "{locale}: no {kind} in its own language: {of_kind:?}"
            );
            for t in of_kind {
                let foreign: Vec<&&str> = other.iter().filter(|w| t.contains(**w)).collect();
                assert!(foreign.is_empty(), "{locale}: {kind} `{t}` has {foreign:?}");
            }
        }
    }
    assert_eq!(
        codes[0], codes[1],
        "the codes do not change with the language"
    );
}

/// The seed's committee letter and its answering letter as two files,
/// `brief.txt` and `antwoorden.txt`, in a new folder: the folder, the
/// letter's text and the answers' text.
fn seed_split_in(name: &str) -> (TempFolder, String, String) {
    let split = line_starting(SEED, " BRIEF VAN DE STAATSSECRETARIS");
    let lines: Vec<&str> = SEED.split('\n').collect();
    let (letter, answers) = (lines[..split].join("\n"), lines[split..].join("\n"));
    let folder = TempFolder::new(name);
    std::fs::write(folder.0.join("brief.txt"), &letter).unwrap();
    std::fs::write(folder.0.join("antwoorden.txt"), &answers).unwrap();
    (folder, letter, answers)
}

/// Kamerstuk 22 112, nr. 2955 in two pages.
const CITED: &str = concat!(
    " BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n",
    "Tekst van de eerste bladzijde over het BNC-fiche.\n",
    "\n",
    "Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 1\n",
    " Tekst van de tweede bladzijde.\n",
    "\n",
    "Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 2\n",
);

#[test]
fn the_workspace_is_indexed_and_citations_lead_to_their_documents() {
    let folder = TempFolder::new("workspace");
    std::fs::write(folder.0.join("000_seed.txt"), SEED).unwrap();
    std::fs::write(folder.0.join("kst-22112-2955.txt"), CITED).unwrap();
    std::fs::write(folder.0.join("niet-hier.pdf"), "Kamerstuk 22 112, nr. 2955").unwrap();
    let mut caps = capabilities(None);
    caps["workspace"] = json!({"didChangeWatchedFiles": {"dynamicRegistration": true}});
    caps["window"] = json!({"workDoneProgress": true});
    let (mut s, indexed) = started_in(&folder, caps);
    assert!(
        indexed["params"]["message"]
            .as_str()
            .unwrap()
            .contains("2 documenten geïndexeerd"),
        "{indexed}"
    );

    // Indexing showed its progress.
    let end = s.conn.take_notification("the end of the progress", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    });
    assert_eq!(end["params"]["value"]["message"], "2 documenten");

    let seed = folder.uri("000_seed.txt");
    let cited = folder.uri("kst-22112-2955.txt");
    s.conn.open(&seed, "text", SEED);
    // Footnote 9 pins page 14 of a document of two pages.
    let diags = s.conn.diagnostics(&seed);
    let fn9 = line_starting(SEED, "9 Kamerstukken");
    assert!(
        diags["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| { d["code"] == "page-beyond-document" && d["range"]["start"]["line"] == fn9 }),
        "{diags}"
    );

    // From footnote 4's citation to the document it cites.
    let line = line_starting(SEED, "4 Kamerstukken");
    let location = s.conn.call(
        "textDocument/definition",
        text_position(&seed, json!({"line": line, "character": 10})),
    );
    assert_eq!(location["uri"], cited.as_str(), "{location}");
    assert_eq!(location["range"]["start"]["line"], 0);

    // Hover on marker 7 (Idem) names the file of the document it cites.
    let at = pos(SEED, marker("is.»"), Enc::Utf16);
    let hover = s.conn.call("textDocument/hover", text_position(&seed, at));
    let text = hover_text(&hover);
    assert!(
        text.contains(&format!("In de werkruimte: [kst-22112-2955.txt]({cited})")),
        "{text}"
    );

    // A page pin leads to the page.
    let notes = folder.uri("notities.txt");
    let text = "Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.\n";
    s.conn.open(&notes, "text", text);
    let location = s.conn.call(
        "textDocument/definition",
        text_position(&notes, json!({"line": 0, "character": 20})),
    );
    assert_eq!(location["uri"], cited.as_str(), "{location}");
    assert_eq!(
        location["range"]["start"]["line"],
        line_starting(CITED, " Tekst van de tweede"),
        "{location}"
    );

    // Who cites it: footnotes 4, 6, 9 and the short forms after them, and
    // the notes (in the index once their diagnostics are out).
    let _ = s.conn.diagnostics(&notes);
    let places = s.conn.call(
        "textDocument/references",
        json!({"textDocument": {"uri": seed}, "position": {"line": line, "character": 10},
            "context": {"includeDeclaration": false}}),
    );
    let places = places.as_array().unwrap();
    let in_seed: Vec<u64> = places
        .iter()
        .filter(|p| p["uri"] == seed.as_str())
        .map(|p| p["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    for footnote in [
        "4 Kamerstukken",
        "6 Kamerstukken",
        "7 Idem",
        "8 Ibidem",
        "9 Kamerstukken",
    ] {
        let l = line_starting(SEED, footnote) as u64;
        assert!(in_seed.contains(&l), "footnote {footnote}: {places:?}");
    }
    assert!(
        places.iter().any(|p| p["uri"] == notes.as_str()),
        "{places:?}"
    );

    // The cited document's footer says who cites it.
    s.conn.open(&cited, "text", CITED);
    let footer = line_starting(CITED, "Tweede Kamer");
    let hover = s.conn.call(
        "textDocument/hover",
        text_position(&cited, json!({"line": footer, "character": 40})),
    );
    let text = hover_text(&hover);
    assert!(text.contains("`kst-22112-2955`"), "{text}");
    assert!(text.contains("aangehaald in 2 andere documenten"), "{text}");

    // A file that appears on disk is indexed: footnote 15 now leads there.
    let registered = s.conn.take_notification("file watchers", |m| {
        m["method"] == "client/registerCapability"
    });
    assert_eq!(
        registered["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    let other = CITED.replace("2955", "2956");
    std::fs::write(folder.0.join("kst-22112-2956.txt"), &other).unwrap();
    let other_uri = folder.uri("kst-22112-2956.txt");
    s.conn.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": other_uri, "type": 1}]}),
    );
    // Indexing runs in the background: ask until it is done.
    let fn15 = line_starting(SEED, "15 Kamerstuk");
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        let location = s.conn.call(
            "textDocument/definition",
            text_position(&seed, json!({"line": fn15, "character": 8})),
        );
        if location["uri"] == other_uri.as_str() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{location}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    // The workspace's documents by name.
    let symbols = s.conn.call("workspace/symbol", json!({"query": "2955"}));
    let found = symbols.as_array().unwrap();
    assert!(
        found
            .iter()
            .any(|sym| sym["location"]["uri"] == cited.as_str() && sym["kind"] == 1),
        "{symbols}"
    );
}

#[test]
fn a_committee_question_leads_to_where_it_is_answered() {
    let ten_slotte = line_starting(SEED, "Ten slotte lezen");
    let at = json!({"line": ten_slotte, "character": 3});
    // In the same document: to the answer of the numbered repeat.
    let mut s = seed_server(Enc::Utf16);
    let location = s.conn.call(
        "textDocument/definition",
        text_position(SEED_URI, at.clone()),
    );
    let answer = (line_starting(SEED, "4. ")..)
        .find(|&l| SEED.split('\n').nth(l).unwrap().starts_with("Antwoord"))
        .unwrap();
    assert_eq!(location["range"]["start"]["line"], answer, "{location}");

    // The committee's letter and the answering letter in two files.
    let (folder, letter, answers) = seed_split_in("committee");
    let (mut s, _) = started_in(&folder, capabilities(None));
    let uri = folder.uri("brief.txt");
    s.conn.open(&uri, "text", &letter);
    let location = s
        .conn
        .call("textDocument/definition", text_position(&uri, at));
    assert_eq!(
        location["uri"],
        folder.uri("antwoorden.txt").as_str(),
        "{location}"
    );
    let repeat = answers
        .split('\n')
        .position(|l| l.starts_with("4. "))
        .unwrap();
    assert_eq!(location["range"]["start"]["line"], repeat, "{location}");
}

fn lenses(s: &mut InProcess, uri: &str) -> Vec<(u64, String)> {
    let found = s.conn.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri}}),
    );
    found
        .as_array()
        .expect("lenses")
        .iter()
        .map(|l| {
            (
                l["range"]["start"]["line"].as_u64().unwrap(),
                l["command"]["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_lens_above_a_committee_question_names_the_file_that_answers_it() {
    let (folder, letter, answers) = seed_split_in("lens");
    let (mut s, _) = started_in(&folder, capabilities(None));
    let uri = folder.uri("brief.txt");
    s.conn.open(&uri, "text", &letter);
    let lensed = lenses(&mut s, &uri);
    let ten_slotte = line_starting(&letter, "Ten slotte lezen") as u64;
    let repeat = answers
        .split('\n')
        .position(|l| l.starts_with("4. "))
        .unwrap();
    assert!(
        lensed.contains(&(
            ten_slotte,
            format!(
                "Beantwoord in antwoorden.txt: vraag 4, regel {}",
                repeat + 1
            )
        )),
        "{lensed:?}"
    );
    assert_eq!(lensed.len(), 5, "{lensed:?}");
    // Its hover says where.
    let hover = s.conn.call(
        "textDocument/hover",
        text_position(&uri, json!({"line": ten_slotte, "character": 3})),
    );
    let shown = hover_text(&hover);
    assert_eq!(
        shown,
        format!(
            "**Vraag 4**\n\nBeantwoord in [antwoorden.txt]({}), regel {}",
            folder.uri("antwoorden.txt"),
            repeat + 1
        )
    );
}

/// The code actions at `range` (zero-based line and utf-16 columns).
fn code_actions(s: &mut InProcess, uri: &str, range: Value, only: Option<&[&str]>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let found = s.conn.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": context}),
    );
    found.as_array().cloned().unwrap_or_default()
}

fn at_line(line: usize, from: usize, to: usize) -> Value {
    json!({"start": {"line": line, "character": from}, "end": {"line": line, "character": to}})
}

/// The text after a code action's (versioned) edit of `uri`.
fn applied(text: &str, uri: &str, action: &Value, version: i64) -> String {
    let changes = action["edit"]["documentChanges"]
        .as_array()
        .unwrap_or_else(|| panic!("a versioned edit: {action}"));
    assert_eq!(changes.len(), 1, "{action}");
    assert_eq!(changes[0]["textDocument"]["uri"], uri, "{action}");
    assert_eq!(changes[0]["textDocument"]["version"], version, "{action}");
    apply_edits(text, changes[0]["edits"].as_array().unwrap())
}

#[test]
fn renumbering_the_footnotes_is_a_quick_fix_and_a_source_action() {
    let text = "Eerst1 dan2 en4.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n4 Kamerstuk 19 637, nr. 2377.\n";
    let expected = "Eerst1 dan2 en3.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n3 Kamerstuk 19 637, nr. 2377.\n";
    let uri = "file:///dossier/gat.txt";
    let mut s = started(None);
    s.conn.open(uri, "text", text);
    let diagnostics = s.conn.diagnostics(uri);
    let numbering = diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "footnote-numbering")
        .unwrap_or_else(|| panic!("a numbering warning: {diagnostics}"))
        .clone();
    // On the diagnostic: a quick fix that carries it.
    let actions = code_actions(&mut s, uri, numbering["range"].clone(), None);
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["title"].as_str().unwrap().contains("hernummeren"))
        .unwrap_or_else(|| panic!("a renumbering quick fix: {actions:?}"));
    assert_eq!(fix["diagnostics"][0]["code"], "footnote-numbering");
    assert_eq!(applied(text, uri, fix, 1), expected);
    // Anywhere, as a source action (and only that when asked for source).
    let source = code_actions(&mut s, uri, at_line(0, 0, 0), Some(&["source"]));
    assert_eq!(source.len(), 1, "{source:?}");
    assert_eq!(source[0]["kind"], "source");
    assert_eq!(applied(text, uri, &source[0], 1), expected);
    // Nothing to renumber in the seed.
    s.conn.open(SEED_URI, "text", SEED);
    let none = code_actions(&mut s, SEED_URI, at_line(0, 0, 0), Some(&["source"]));
    assert!(none.is_empty(), "{none:?}");
}

fn inlay_hints(s: &mut InProcess, uri: &str, text: &str) -> Vec<(u64, u64, String)> {
    let lines = text.split('\n').count();
    let found = s.conn.call(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}}),
    );
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap(),
                h["position"]["character"].as_u64().unwrap(),
                h["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn markers_show_their_footnote_when_the_setting_asks() {
    // Without the setting: only the three short forms.
    let mut s = seed_server(Enc::Utf16);
    assert_eq!(inlay_hints(&mut s, SEED_URI, SEED).len(), 3);
    // With it: after each marker, its footnote's first words.
    let mut s = start(Options::default());
    let init = json!({"processId": null, "rootUri": null, "locale": "nl", "capabilities": capabilities(None),
        "initializationOptions": {"inlayHints": {"markers": true}}});
    s.conn.call("initialize", init);
    s.conn.notify("initialized", json!({}));
    s.conn.open(SEED_URI, "text", SEED);
    let hints = inlay_hints(&mut s, SEED_URI, SEED);
    let at = pos(SEED, marker("asielpact") + 1, Enc::Utf16);
    let (line, col) = lc(&at);
    assert!(
        hints.contains(&(
            line,
            col,
            "[COM(2020)609. Zie ook dossier E200018 op …]".to_owned()
        )),
        "{hints:?}"
    );
    assert_eq!(hints.len(), 3 + 14, "{hints:?}");
}

/// Semantic tokens decoded: `(line, start, length, type name, modifiers)`.
fn decoded_tokens(result: &Value, legend: &Value) -> Vec<(u64, u64, u64, String, u64)> {
    let data: Vec<u64> = result["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(data.len() % 5, 0);
    let (mut line, mut col) = (0, 0);
    let mut out = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0];
            col = t[1];
        } else {
            col += t[1];
        }
        let ty = legend["tokenTypes"][t[3] as usize]
            .as_str()
            .unwrap()
            .to_owned();
        out.push((line, col, t[2], ty, t[4]));
    }
    out
}

#[test]
fn semantic_tokens_in_standard_types_split_per_line_in_both_encodings() {
    for enc in ENCODINGS {
        let mut s = start(Options::default());
        let mut caps = capabilities(match enc {
            Enc::Utf8 => Some(&["utf-8"][..]),
            Enc::Utf16 => None,
        });
        let result = s.conn.initialize(caps.clone());
        let legend = result["capabilities"]["semanticTokensProvider"]["legend"].clone();
        assert_eq!(
            result["capabilities"]["semanticTokensProvider"]["range"],
            true
        );
        s.conn.open(SEED_URI, "text", SEED);
        let full = s.conn.call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": SEED_URI}}),
        );
        let tokens = decoded_tokens(&full, &legend);
        let lines: Vec<&str> = SEED.split('\n').collect();
        // Inside their lines, in order, not overlapping.
        for w in tokens.windows(2) {
            assert!(
                (w[0].0, w[0].1 + w[0].2) <= (w[1].0, w[1].1),
                "{enc:?}: {w:?}"
            );
        }
        let width = |s: &str| match enc {
            Enc::Utf8 => s.len() as u64,
            Enc::Utf16 => s.encode_utf16().count() as u64,
        };
        for t in &tokens {
            assert!(t.1 + t.2 <= width(lines[t.0 as usize]), "{enc:?}: {t:?}");
        }
        // Marker 7 after `»`, footnote 7's number, footnote 4's citation.
        let at = pos(SEED, marker("is.»"), enc);
        let (l, c) = lc(&at);
        assert!(tokens.contains(&(l, c, 1, "number".into(), 0)), "{enc:?}");
        let seven = line_starting(SEED, "7 Idem") as u64;
        assert!(
            tokens.contains(&(seven, 0, 1, "number".into(), 1)),
            "{enc:?}"
        );
        let four = line_starting(SEED, "4 Kamerstukken") as u64;
        let cited = "Kamerstukken II, 2020–2021, 22 112, nr. 2955";
        assert!(
            tokens.contains(&(four, 2, width(cited), "string".into(), 0)),
            "{enc:?}: {:?}",
            tokens.iter().filter(|t| t.0 == four).collect::<Vec<_>>()
        );
        let placeholder = line_starting(SEED, "14 PM BRON") as u64;
        assert!(
            tokens.contains(&(placeholder, 3, 7, "macro".into(), 0)),
            "{enc:?}"
        );
        // `Bijlage bij Kamerstuk \n34 700, nr. 34`: one piece per line.
        let eleven = line_starting(SEED, "11 Regeerakkoord") as u64;
        let first = tokens
            .iter()
            .find(|t| t.0 == eleven && t.3 == "string")
            .unwrap();
        let second = tokens
            .iter()
            .find(|t| t.0 == eleven + 1 && t.3 == "string")
            .unwrap();
        assert_eq!(second.1, 0, "{second:?}");
        assert_eq!(second.2, width("34 700, nr. 34"), "{second:?}");
        assert!(
            first.1 + first.2 <= width(lines[eleven as usize]),
            "{first:?}"
        );

        // A range: only the tokens on its lines.
        let ranged = s.conn.call(
            "textDocument/semanticTokens/range",
            json!({"textDocument": {"uri": SEED_URI},
                "range": {"start": {"line": seven, "character": 0}, "end": {"line": seven + 1, "character": 0}}}),
        );
        let some = decoded_tokens(&ranged, &legend);
        assert!(!some.is_empty());
        assert!(
            some.iter().all(|t| t.0 == seven || t.0 == seven + 1),
            "{some:?}"
        );

        // A client that takes multiline tokens gets one token for it.
        let mut s = start(Options::default());
        caps["textDocument"]["semanticTokens"] = json!({"multilineTokenSupport": true,
            "requests": {"full": true}, "tokenTypes": [], "tokenModifiers": [], "formats": ["relative"]});
        s.conn.initialize(caps);
        s.conn.open(SEED_URI, "text", SEED);
        let full = s.conn.call(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": SEED_URI}}),
        );
        let tokens = decoded_tokens(&full, &legend);
        assert!(
            !tokens
                .iter()
                .any(|t| t.0 == eleven + 1 && t.1 == 0 && t.3 == "string"),
            "{enc:?}"
        );
        assert!(tokens.iter().any(|t| t.0 == eleven && t.3 == "string"));
    }
}

fn complete(s: &mut InProcess, uri: &str, line: usize, character: usize) -> Vec<Value> {
    let found = s.conn.call(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character},
            "context": {"triggerKind": 2, "triggerCharacter": " "}}),
    );
    found.as_array().cloned().unwrap_or_default()
}

#[test]
fn completion_offers_the_documents_the_workspace_index_holds() {
    // A document of the workspace that this one does not cite yet: in the
    // index once its diagnostics are out.
    let mut s = started(None);
    let cited = "file:///dossier/kst-22112-2955.txt";
    s.conn.open(cited, "text", CITED);
    let _ = s.conn.diagnostics(cited);
    let notes = "file:///dossier/notes.txt";
    s.conn.open(notes, "text", "Zie Kamerstuk ");
    let items = complete(&mut s, notes, 0, "Zie Kamerstuk ".len());
    let labels: Vec<&str> = items.iter().filter_map(|i| i["label"].as_str()).collect();
    assert!(labels.contains(&"22 112, nr. 2955"), "{items:?}");
    // The edit replaces from the cursor, in the client's positions.
    assert_eq!(
        items[0]["textEdit"]["range"]["start"],
        json!({"line": 0, "character": 14})
    );
}

#[test]
fn a_rename_is_one_versioned_edit_and_a_refusal_an_error() {
    let mut s = seed_server(Enc::Utf16);
    let at = pos(SEED, marker("is.»"), Enc::Utf16);
    let prepared = s.conn.call(
        "textDocument/prepareRename",
        text_position(SEED_URI, at.clone()),
    );
    assert_eq!(prepared["placeholder"], "7", "{prepared}");
    assert_eq!(prepared["range"]["start"], at);
    let mut params = text_position(SEED_URI, at.clone());
    params["newName"] = json!("70");
    let edit = s.conn.call("textDocument/rename", params);
    let changes = edit["documentChanges"].as_array().unwrap();
    assert_eq!(changes[0]["textDocument"]["version"], 1);
    let renamed = apply_edits(SEED, changes[0]["edits"].as_array().unwrap());
    assert_eq!(
        renamed,
        SEED.replace("is.»7 Kunt", "is.»70 Kunt")
            .replace("\n7 Idem, blz. 12.\n", "\n70 Idem, blz. 12.\n")
    );
    // A number in use: refused, with a reason, as an error.
    let mut params = text_position(SEED_URI, at.clone());
    params["newName"] = json!("8");
    let refused = s.conn.request("textDocument/rename", params);
    assert_eq!(refused["error"]["code"], -32602, "{refused}");
    let message = refused["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("bestaat al"), "{message}");
    // Not on a footnote number: nothing to rename.
    let prepared = s.conn.call(
        "textDocument/prepareRename",
        text_position(SEED_URI, json!({"line": 0, "character": 5})),
    );
    assert!(prepared.is_null(), "{prepared}");
}

#[test]
fn an_edit_of_one_document_updates_the_workspace_lints_of_the_others() {
    let mut s = started(None);
    s.conn.open(SEED_URI, "text", SEED);
    let fn9 = line_starting(SEED, "9 Kamerstukken");
    let beyond = |d: &Value| {
        d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "page-beyond-document" && d["range"]["start"]["line"] == fn9)
    };
    let first = s.conn.diagnostics(SEED_URI);
    assert!(!beyond(&first), "{first}");
    // The cited document (two pages) opens: footnote 9's page 14 is past its end.
    let cited = "file:///dossier/kst-22112-2955.txt";
    s.conn.open(cited, "text", CITED);
    loop {
        let again = s.conn.diagnostics(SEED_URI);
        if beyond(&again) {
            break;
        }
    }
    // It grows to twenty pages: the warning goes.
    let mut longer = String::from(CITED);
    for page in 3..=20 {
        longer.push_str(&format!(
            " Tekst.\n\nTweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 {page}\n"
        ));
    }
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": cited, "version": 2}, "contentChanges": [{"text": longer}]}),
    );
    loop {
        let again = s.conn.diagnostics(SEED_URI);
        if !beyond(&again) {
            break;
        }
    }
}

#[test]
fn a_settings_change_asks_the_client_to_refresh_its_inlay_hints() {
    let mut s = start(Options::default());
    let mut caps = capabilities(None);
    caps["workspace"] = json!({"inlayHint": {"refreshSupport": true}});
    s.conn.initialize(caps);
    s.conn.open(SEED_URI, "text", SEED);
    let _ = s.conn.diagnostics(SEED_URI);
    s.conn.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"dossier": {"inlayHints": {"markers": true}}}}),
    );
    s.conn.take_notification("an inlay hint refresh", |m| {
        m["method"] == "workspace/inlayHint/refresh"
    });
    let hints = inlay_hints(&mut s, SEED_URI, SEED);
    assert_eq!(hints.len(), 3 + 14, "{hints:?}");
}

/// A real page end with a citation of the running text moved over it (see
/// tests/citations.rs): `(Kamerstuk 25 424,` above footnotes 14–16 and the
/// footer, `nr. 678)` on the next page.
fn page_break_fixture() -> (String, String) {
    let name = "ah-tk-20232024-2271-cut.txt";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/page-break")
        .join(name);
    let text = dossier_lsp::text::decode(&std::fs::read(path).unwrap()).text;
    (format!("file:///fixtures/{name}"), text)
}

/// The two parts of the fixture's cut citation, as byte spans.
fn cut_parts(text: &str) -> [std::ops::Range<usize>; 2] {
    let first = offset_of(text, "gegaan (Kamerstuk 25 424", 0, "gegaan (".len());
    let first_end = first + text[first..].find('\n').unwrap();
    let second = offset_of(text, "\nnr. 678)", 0, 1);
    [first..first_end, second..second + "nr. 678".len()]
}

fn lsp_range(text: &str, span: &std::ops::Range<usize>, enc: Enc) -> Value {
    json!({"start": pos(text, span.start, enc), "end": pos(text, span.end, enc)})
}

/// The `range` of each item of a list answer (highlights, locations).
fn ranges_in(found: &Value) -> Vec<Value> {
    found
        .as_array()
        .unwrap_or_else(|| panic!("a list: {found}"))
        .iter()
        .map(|item| item["range"].clone())
        .collect()
}

#[test]
fn a_citation_cut_by_a_page_end_links_highlights_and_hovers_in_both_parts() {
    let url = "https://zoek.officielebekendmakingen.nl/kst-25424-678.html";
    for enc in ENCODINGS {
        let (uri, text) = page_break_fixture();
        let parts = cut_parts(&text);
        let ranges: Vec<Value> = parts.iter().map(|p| lsp_range(&text, p, enc)).collect();
        let mut s = enc.server();
        s.conn.open(&uri, "text", &text);

        let links = s.conn.call(
            "textDocument/documentLink",
            json!({"textDocument": {"uri": uri}}),
        );
        let to_it: Vec<Value> = links
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["target"] == url)
            .map(|l| l["range"].clone())
            .collect();
        assert_eq!(to_it, ranges, "{enc:?}: {links}");

        for at in [parts[0].start + 3, parts[1].start + 3] {
            let found = s.conn.call(
                "textDocument/documentHighlight",
                text_position(&uri, pos(&text, at, enc)),
            );
            assert_eq!(ranges_in(&found), ranges, "{enc:?}: {found}");

            let hover = s.conn.call(
                "textDocument/hover",
                text_position(&uri, pos(&text, at, enc)),
            );
            assert!(hover_text(&hover).contains(url), "{enc:?}: {hover}");
            let part = if at < parts[1].start {
                &ranges[0]
            } else {
                &ranges[1]
            };
            assert_eq!(&hover["range"], part, "{enc:?}: {hover}");
        }

        // References from either part list both parts, each once, also
        // before the index has the document (right after opening it).
        for at in [parts[0].start + 3, parts[1].start + 3] {
            let found = s.conn.call(
                "textDocument/references",
                json!({
                    "textDocument": {"uri": uri},
                    "position": pos(&text, at, enc),
                    "context": {"includeDeclaration": true},
                }),
            );
            let got = ranges_in(&found);
            for range in &ranges {
                let n = got.iter().filter(|g| *g == range).count();
                assert_eq!(n, 1, "{enc:?}: {range} in {found}");
            }
        }

        // In the footnote block between the parts: footnote 14's own
        // citation, not the one around it.
        let in_note = offset_of(&text, "14 Kamerstukken II, 25 424, nr. 679", 0, 20);
        let hover = s.conn.call(
            "textDocument/hover",
            text_position(&uri, pos(&text, in_note, enc)),
        );
        let md = hover_text(&hover);
        assert!(md.contains("kst-25424-679"), "{enc:?}: {md}");
        assert!(!md.contains("kst-25424-678"), "{enc:?}: {md}");
        let found = s.conn.call(
            "textDocument/documentHighlight",
            text_position(&uri, pos(&text, in_note, enc)),
        );
        assert!(
            !found.to_string().contains(&ranges[1].to_string()),
            "{enc:?}: {found}"
        );
    }
}

/// A `didChange` that replaces `a..b` of `text` (byte offsets) by `new`.
fn change_of(uri: &str, version: i64, text: &str, a: usize, b: usize, new: &str) -> Value {
    json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [edit(pos(text, a, Enc::Utf16), pos(text, b, Enc::Utf16), new)]}})
}

#[test]
fn hundreds_of_changes_sent_back_to_back_apply_in_order() {
    let mut s = started(None);
    let uri = "file:///dossier/typed.txt";
    let mut text = String::from("Zie .\n");
    s.conn.open(uri, "text", &text);
    // A citation typed one character at a time, each after a slip typed
    // and taken back: three changes a character, all in one write, before
    // the server has read any of them. In any other order the citation
    // comes out garbled.
    let typed = "Kamerstuk 22 112, nr. 2955";
    let mut changes = Vec::new();
    let mut version = 1;
    let mut at = "Zie ".len();
    for c in typed.chars() {
        for (a, b, new) in [(at, at, "«"), (at, at + "«".len(), ""), (at, at, "")] {
            version += 1;
            let new = if new.is_empty() && a == b {
                c.to_string()
            } else {
                new.to_owned()
            };
            changes.push(change_of(uri, version, &text, a, b, &new));
            text.replace_range(a..b, &new);
        }
        at += c.len_utf8();
    }
    assert_eq!(text, "Zie Kamerstuk 22 112, nr. 2955.\n");
    s.conn.send_all(&changes);
    let links = s.conn.call(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": uri}}),
    );
    let links = links.as_array().unwrap();
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        links[0]["range"],
        json!({"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 4 + typed.len()}})
    );
    assert!(
        links[0]["target"].as_str().unwrap().contains("22112-2955"),
        "{links:?}"
    );
    // The diagnostics that follow are for the last version.
    let last = loop {
        let d = s.conn.diagnostics(uri);
        if d["version"] == version {
            break d;
        }
    };
    assert_eq!(last["uri"], uri);
}

/// Holds the indexing of files back until [`Gate::open`] (or the end of
/// the test, should it fail first).
#[derive(Clone, Default)]
struct Gate(Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    fn wait(&self) {
        let (open, cv) = &*self.0;
        let mut open = open.lock().unwrap();
        while !*open {
            open = cv.wait(open).unwrap();
        }
    }

    fn open(&self) {
        *self.0 .0.lock().unwrap() = true;
        self.0 .1.notify_all();
    }
}

struct OpenOnDrop(Gate);

impl Drop for OpenOnDrop {
    fn drop(&mut self) {
        self.0.open();
    }
}

#[test]
fn requests_are_answered_while_the_workspace_is_being_indexed() {
    let folder = TempFolder::new("busy");
    std::fs::write(folder.0.join("000_seed.txt"), SEED).unwrap();
    std::fs::write(folder.0.join("kst-22112-2955.txt"), CITED).unwrap();
    // Indexing a file waits until the test opens the gate: the index stays
    // empty until the requests below have been answered.
    let gate = Gate::default();
    let _open_at_the_end = OpenOnDrop(gate.clone());
    let g = gate.clone();
    let options = Options {
        summarize: Arc::new(move |path: &std::path::Path| {
            g.wait();
            dossier_lsp::workspace::summarize_file(path, &Default::default())
        }),
        ..Options::default()
    };
    let root = tower_lsp::lsp_types::Url::from_file_path(&folder.0)
        .unwrap()
        .to_string();
    let mut s = start(options);
    s.conn.call(
        "initialize",
        json!({"processId": null, "rootUri": root, "locale": "nl", "capabilities": capabilities(None),
            "workspaceFolders": [{"uri": root, "name": "dossiers"}]}),
    );
    s.conn.notify("initialized", json!({}));
    let seed = folder.uri("000_seed.txt");
    s.conn.open(&seed, "text", SEED);

    // Hover, definition and workspace symbols answer on what there is.
    let at = pos(SEED, marker("is.»"), Enc::Utf16);
    let hover = s
        .conn
        .call("textDocument/hover", text_position(&seed, at.clone()));
    assert!(hover_text(&hover).contains("**Voetnoot 7**"), "{hover}");
    let location = s
        .conn
        .call("textDocument/definition", text_position(&seed, at));
    assert_eq!(location["uri"], seed.as_str());
    let line = line_starting(SEED, "4 Kamerstukken");
    let cited = folder.uri("kst-22112-2955.txt");
    let location = s.conn.call(
        "textDocument/definition",
        text_position(&seed, json!({"line": line, "character": 10})),
    );
    assert_ne!(
        location["uri"],
        cited.as_str(),
        "not indexed yet: {location}"
    );
    s.conn.call("workspace/symbol", json!({"query": "2955"}));
    let indexed = |m: &Value| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|t| t.contains("geïndexeerd"))
    };
    assert!(!s.conn.notifications.iter().any(indexed));

    // Once the files may be read, the index fills and the citation leads
    // to its document.
    gate.open();
    let message = s.conn.take_notification("the index is built", indexed);
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("2 documenten geïndexeerd"),
        "{message}"
    );
    let location = s.conn.call(
        "textDocument/definition",
        text_position(&seed, json!({"line": line, "character": 10})),
    );
    assert_eq!(location["uri"], cited.as_str(), "{location}");
}

/// The documents cited (and absent from the workspace) that
/// `workspace/symbol` finds for `query`, with the line that cites them.
fn cited_symbols(s: &mut InProcess, query: &str) -> Vec<(String, u64)> {
    let found = s.conn.call("workspace/symbol", json!({"query": query}));
    found
        .as_array()
        .unwrap()
        .iter()
        .filter(|sym| sym["kind"] == 20)
        .map(|sym| {
            (
                sym["name"].as_str().unwrap().to_owned(),
                sym["location"]["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_closed_document_is_indexed_as_its_file_on_disk_again() {
    let folder = TempFolder::new("close");
    let on_disk = "Brief.\n\nZie Kamerstuk 22 112, nr. 2955.\n";
    std::fs::write(folder.0.join("brief.txt"), on_disk).unwrap();
    let (mut s, _) = started_in(&folder, capabilities(None));
    let brief = folder.uri("brief.txt");
    assert_eq!(
        cited_symbols(&mut s, "22112"),
        vec![("kst-22112-2955".to_owned(), 2)]
    );
    // In the editor, unsaved, it cites another document, a line lower.
    let edited = "Brief.\n\nNieuw.\nZie Kamerstuk 22 112, nr. 2956.\n";
    s.conn.open(&brief, "text", edited);
    let _ = s.conn.diagnostics(&brief);
    assert_eq!(
        cited_symbols(&mut s, "22112"),
        vec![("kst-22112-2956".to_owned(), 3)]
    );
    // Closed without saving: the index reads the file again.
    s.conn.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": brief}}),
    );
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        let found = cited_symbols(&mut s, "22112");
        if found == vec![("kst-22112-2955".to_owned(), 2)] {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{found:?}");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The seed and the fiche it quotes open side by side, the fiche's pages
/// numbered one further on: the seed's first quotation gets
/// `quote-page-mismatch`, whose quick fix sets footnote 7's pin to the
/// page the passage stands on; a hover on the quotation shows the passage.
#[test]
fn a_quotation_on_another_page_of_an_open_document_is_found_and_fixed() {
    let mut s = started(None);
    s.conn.open(SEED_URI, "text", SEED);
    let fiche = include_str!("fixtures/quotes/kst-22112-2955.txt");
    let shifted = (11..=17).rev().fold(fiche.to_string(), |f, n| {
        f.replace(&format!("2955 {n}\n"), &format!("2955 {}\n", n + 1))
    });
    s.conn
        .open("file:///dossier/kst-22112-2955.txt", "text", &shifted);
    let quote_line = line_starting(SEED, "«... is het kabinet") as u64;
    let mismatch = loop {
        let found = s.conn.diagnostics(SEED_URI);
        let hit = found["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| {
                d["code"] == "quote-page-mismatch" && d["range"]["start"]["line"] == quote_line
            })
            .cloned();
        if let Some(d) = hit {
            break d;
        }
    };
    assert_eq!(mismatch["severity"], 2, "{mismatch}");
    let actions = code_actions(&mut s, SEED_URI, at_line(quote_line as usize, 3, 3), None);
    let fix = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap_or("")
                .starts_with("Paginanummer")
        })
        .unwrap_or_else(|| panic!("a quick fix among {actions:#?}"));
    let after = applied(SEED, SEED_URI, fix, 1);
    assert!(after.contains("\n7 Idem, blz. 13.\n"), "{after}");
    let hover = s.conn.call(
        "textDocument/hover",
        text_position(SEED_URI, json!({"line": quote_line, "character": 5})),
    );
    let text = hover_text(&hover);
    assert!(text.starts_with("**Citaat** uit Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 13 (kst-22112-2955.txt)"), "{text}");
}

/// The fiche only on disk, in the workspace folder: its passage index is
/// built from the file the first time the seed's quotations are looked up.
#[test]
fn a_quoted_document_on_disk_is_read_to_look_quotations_up() {
    let folder = TempFolder::new("quoted-on-disk");
    let fiche = include_str!("fixtures/quotes/kst-22112-2955.txt");
    let altered = fiche.replace("betekenisvolle bijdrage", "grote bijdrage");
    std::fs::write(folder.0.join("kst-22112-2955.txt"), altered).unwrap();
    std::fs::write(folder.0.join("000_seed.txt"), SEED).unwrap();
    let (mut s, _) = started_in(&folder, capabilities(None));
    let seed = folder.uri("000_seed.txt");
    s.conn.open(&seed, "text", SEED);
    let line = line_starting(SEED, "«De voorstellen van de Commissie") as u64;
    // Hover reads the closed source from disk, before or after the lints
    // have kept its passages.
    let hover = s.conn.call(
        "textDocument/hover",
        text_position(&seed, json!({"line": line, "character": 10})),
    );
    let text = hover_text(&hover);
    assert!(text.contains("kst-22112-2955.txt"), "{text}");
    assert!(text.contains("~~grote~~ → **betekenisvolle**"), "{text}");
    let mut seen = Vec::new();
    for _ in 0..5 {
        let found = s.conn.diagnostics(&seed);
        let altered: Vec<Value> = found["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("quote-")))
            .cloned()
            .collect();
        if !altered.is_empty() {
            assert_eq!(altered.len(), 1, "{altered:#?}");
            assert_eq!(altered[0]["code"], "quote-altered");
            assert_eq!(altered[0]["range"]["start"]["line"], line);
            return;
        }
        seen.push(found);
    }
    panic!("no quotation finding: {seen:#?}");
}

/// The workspace's `.dossier-lsp.toml`: its levels apply (under the
/// editor's settings), its language is the session's, its mistakes are
/// diagnostics on it at their line and column, and a change on disk is
/// read at once.
#[test]
fn a_project_file_is_read_shown_and_read_again() {
    let folder = TempFolder::new("project");
    std::fs::write(folder.0.join("brief.txt"), SEED).unwrap();
    let toml = folder.0.join(".dossier-lsp.toml");
    std::fs::write(
        &toml,
        "language = \"en\"\n\n[lints]\nplaceholder-source = \"off\"\nunreferenced-footnote = \"hint\"\ncitation-formaat = \"off\"\n",
    )
    .unwrap();
    let mut caps = capabilities(None);
    caps["workspace"] = json!({"didChangeWatchedFiles": {"dynamicRegistration": true}});
    // A Dutch client: the project file's `language` wins over its locale.
    let (mut s, _) = started_in_locale(&folder, caps, "nl");
    let toml_uri = folder.uri(".dossier-lsp.toml");
    let shown = s.conn.diagnostics(&toml_uri);
    let problems = shown["diagnostics"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{shown}");
    assert_eq!(problems[0]["code"], "project-file");
    assert_eq!(problems[0]["severity"], 1);
    assert_eq!(
        problems[0]["range"]["start"],
        json!({"line": 5, "character": 0})
    );
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown lint code `citation-formaat`"),
        "{shown}"
    );
    let registered = s.conn.take_notification("file watchers", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &registered["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(
        watchers
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["globPattern"] == "**/.dossier-lsp.toml"),
        "{registered}"
    );

    let uri = folder.uri("brief.txt");
    s.conn.open(&uri, "text", SEED);
    let codes = |d: &Value| -> Vec<(String, u64)> {
        d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    d["severity"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let first = s.conn.diagnostics(&uri);
    let found = codes(&first);
    assert!(
        !found.iter().any(|(c, _)| c == "placeholder-source"),
        "{first}"
    );
    assert!(
        found.contains(&("unreferenced-footnote".to_owned(), 4)),
        "{first}"
    );
    assert!(
        found.contains(&("citation-format".to_owned(), 4)),
        "{first}"
    );
    let message_of = |d: &Value, code: &str| -> String {
        d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == code)
            .map(|x| x["message"].as_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let message = message_of(&first, "unreferenced-footnote");
    assert!(
        message.starts_with("footnote 1 "),
        "English from the project file: {first}"
    );

    // The editor's settings over the project file.
    s.conn.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"dossier": {"lints": {"placeholder-source": "error"}}}}),
    );
    // A publish the opening scheduled may still arrive first: the settings
    // show in the ones after it (each wait is bounded by the connection's
    // timeout).
    while !codes(&s.conn.diagnostics(&uri)).contains(&("placeholder-source".to_owned(), 1)) {}

    // The file mended on disk: read again, its diagnostics cleared, its
    // levels in force.
    std::fs::write(&toml, "[lints]\nunreferenced-footnote = \"off\"\n").unwrap();
    s.conn.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml_uri, "type": 2}]}),
    );
    let mended = s.conn.diagnostics(&toml_uri);
    assert_eq!(mended["diagnostics"], json!([]), "{mended}");
    // Again, a publish scheduled before may arrive first.
    let last = loop {
        let d = s.conn.diagnostics(&uri);
        if !codes(&d).iter().any(|(c, _)| c == "unreferenced-footnote") {
            break d;
        }
    };
    let found = codes(&last);
    assert!(
        found.contains(&("placeholder-source".to_owned(), 1)),
        "{last}"
    );
    // No `language` any more: the client's Dutch.
    let message = message_of(&last, "placeholder-source");
    assert!(message.starts_with("voetnoot 14 "), "{last}");
}

/// The project's baseline holds in the editor as in `check`: an accepted
/// finding is not shown while its line reads the same.
#[test]
fn the_editor_leaves_out_what_the_baseline_accepts() {
    let folder = TempFolder::new("baseline");
    std::fs::write(folder.0.join("brief.txt"), SEED).unwrap();
    std::fs::write(
        folder.0.join(".dossier-lsp.toml"),
        "baseline = \"basislijn.json\"\n",
    )
    .unwrap();
    std::fs::write(
        folder.0.join("basislijn.json"),
        r#"{"version": 1, "findings": [{"path": "brief.txt", "code": "placeholder-source", "line": 182, "text": "14 PM BRON"}]}"#,
    )
    .unwrap();
    let (mut s, _) = started_in(&folder, capabilities(None));
    let uri = folder.uri("brief.txt");
    s.conn.open(&uri, "text", SEED);
    let shown = s.conn.diagnostics(&uri);
    let codes: Vec<&str> = shown["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"placeholder-source"), "{shown}");
    assert!(codes.contains(&"citation-format"), "{shown}");
    // The line edited: the finding is back.
    let line = line_starting(SEED, "14 PM BRON");
    s.conn.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": line, "character": 10}, "end": {"line": line, "character": 10}},
                "text": " (nog)"}]}),
    );
    // The edited version's, not a publish of the first still on its way.
    let mut edited = s.conn.diagnostics(&uri);
    while edited["version"] != 2 {
        edited = s.conn.diagnostics(&uri);
    }
    assert!(
        edited["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "placeholder-source"),
        "{edited}"
    );
}
