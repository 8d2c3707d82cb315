//! The built binary over stdio, framed with Content-Length, as an editor
//! runs it.

mod common;

use serde_json::{json, Value};

use common::*;

#[test]
fn a_session_over_stdio_ends_with_status_0_after_shutdown_and_exit() {
    let mut p = spawn_binary();
    let result = p.conn.initialize(capabilities(Some(&["utf-8", "utf-16"])));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    p.conn.open(SEED_URI, "text", SEED);

    let diagnostics = p.conn.diagnostics(SEED_URI);
    assert_eq!(diagnostics["version"], 1);
    let pm_bron = line_starting(SEED, "14 PM BRON");
    let warned = diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["range"]["start"]["line"] == pm_bron && d["severity"] == 2);
    assert!(warned, "a warning on `14 PM BRON`: {diagnostics}");

    let before = "geweest.»";
    let at = offset_of(SEED, before, 0, before.len());
    let hover = p.conn.call(
        "textDocument/hover",
        text_position(SEED_URI, pos(SEED, at, Enc::Utf8)),
    );
    let text = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(text.contains("**Voetnoot 8**"), "{hover}");
    assert_eq!(hover["range"]["start"], pos(SEED, at, Enc::Utf8));

    // A question's lens and the renumbering action answer over stdio too.
    let lenses = p.conn.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": SEED_URI}}),
    );
    let first = line_starting(SEED, "1. ");
    assert!(
        lenses.as_array().unwrap().iter().any(|l| {
            l["range"]["start"]["line"] == first
                && l["command"]["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Beantwoord: Antwoord 1, regel "))
        }),
        "{lenses}"
    );
    let tokens = p.conn.call(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": SEED_URI}}),
    );
    assert!(!tokens["data"].as_array().unwrap().is_empty(), "{tokens}");

    let shutdown = p.conn.request("shutdown", Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    assert!(shutdown["result"].is_null());
    // `exit` with the pipe still open: the server must stop by itself.
    p.conn.notify("exit", Value::Null);
    assert_eq!(p.wait(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_status_1() {
    let mut p = spawn_binary();
    p.conn.initialize(capabilities(None));
    p.conn.open(SEED_URI, "plaintext", SEED);
    p.conn.notify("exit", Value::Null);
    assert_eq!(p.wait(), Some(1));
}

#[test]
fn end_of_input_without_shutdown_ends_with_status_1() {
    let mut p = spawn_binary();
    p.conn.initialize(capabilities(None));
    p.conn.close_input();
    assert_eq!(p.wait(), Some(1));
}

#[test]
fn the_stdio_flag_and_the_serve_command_also_serve() {
    for args in [&["--stdio"][..], &["serve"][..], &["serve", "--stdio"][..]] {
        let mut p = spawn_binary_with(args);
        let result = p.conn.initialize(json!({}));
        assert_eq!(
            result["capabilities"]["positionEncoding"], "utf-16",
            "{args:?}"
        );
        let shutdown = p.conn.request("shutdown", Value::Null);
        assert!(shutdown["result"].is_null(), "{args:?}: {shutdown}");
        p.conn.notify("exit", Value::Null);
        assert_eq!(p.wait(), Some(0), "{args:?}");
    }
}
