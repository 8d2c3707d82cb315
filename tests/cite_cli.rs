//! `dossier-lsp cite` as a user runs it: text on standard input or as an
//! argument, one JSON object per line.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dossier-lsp");

fn cite_stdin(input: &[u8], args: &[&str]) -> (Vec<Value>, i32) {
    let mut child = Command::new(BIN)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .arg("cite")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dossier-lsp");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    (lines, out.status.code().unwrap_or(-1))
}

#[test]
fn seed_footnotes_on_stdin() {
    let input = "14 PM BRON\n15 Kamerstuk 22 112 nr. 2956.\n\nEerste Kamer, vergaderjaar 2020–2021, 35 612, D 6\n";
    let (lines, code) = cite_stdin(input.as_bytes(), &[]);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(lines[0]["kind"], "placeholder");
    assert_eq!(lines[0]["text"], "PM BRON");
    let k = &lines[1];
    assert_eq!(k["kind"], "kamerstuk");
    assert_eq!(k["text"], "Kamerstuk 22 112 nr. 2956");
    assert_eq!(k["start"], 14);
    assert_eq!(k["end"], 14 + "Kamerstuk 22 112 nr. 2956".len());
    assert_eq!(k["dossier"], "22112");
    assert_eq!(k["ondernummer"], "2956");
    assert_eq!(k["chamber"], Value::Null);
    assert_eq!(k["id"], "kst-22112-2956");
    assert_eq!(
        k["url"],
        "https://zoek.officielebekendmakingen.nl/kst-22112-2956.html"
    );
    assert_eq!(k["canonical"], "Kamerstuk 22 112, nr. 2956");
    assert_eq!(k["slips"][0], "missing comma before `nr.`");
    // In Dutch only the slip's words change.
    let (dutch, _) = cite_stdin(
        b"14 PM BRON.\n15 Kamerstuk 22 112 nr. 2956.\n",
        &["--lang", "nl"],
    );
    assert_eq!(dutch[1]["slips"][0], "komma ontbreekt voor `nr.`");
    assert_eq!(dutch[1]["canonical"], k["canonical"]);
}

#[test]
fn dash_reads_stdin_and_offsets_are_bytes() {
    let input = "«é» Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.\n7 Idem, blz. 12.\n";
    let (lines, code) = cite_stdin(input.as_bytes(), &["-"]);
    assert_eq!(code, 0);
    let k = &lines[0];
    let start = k["start"].as_u64().unwrap() as usize;
    let end = k["end"].as_u64().unwrap() as usize;
    assert_eq!(&input[start..end], k["text"].as_str().unwrap());
    assert_eq!(k["chamber"], "II");
    assert_eq!(k["year"], "2020-2021");
    assert_eq!(k["page"], "14");
    assert_eq!(lines[1]["kind"], "short-form");
    assert_eq!(lines[1]["short_form"], "idem");
    assert_eq!(lines[1]["page"], "12");
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let mut input = b"\xff\xfe Kamerstuk 19 637, nr. 2375.\n".to_vec();
    input.extend_from_slice(b"COM(2020)609\n");
    let (lines, code) = cite_stdin(&input, &[]);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "kst-19637-2375");
    assert_eq!(lines[1]["kind"], "eu");
    assert_eq!(lines[1]["id"], "52020DC0609");
}

#[test]
fn text_as_argument() {
    let out = Command::new(BIN)
        .args(["cite", "Handelingen II 2016/17, nr. 39, item 39"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(v["kind"], "handelingen");
    assert_eq!(v["item"], "39");
    assert_eq!(v["id"], "h-tk-20162017-39-39");
}
