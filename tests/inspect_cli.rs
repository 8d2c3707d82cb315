//! The `inspect` command, run as a user would: the built binary on real files.

use std::path::Path;
use std::process::Command;

fn inspect(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier-lsp"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .arg("inspect")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn json_gives_one_object_per_file_in_the_gold_schema() {
    let out = inspect(&[
        "--format",
        "json",
        "seeds/000_0dbf1fc7ba84b8b6.txt",
        "tests/gold/docs/kv-nr5293107.txt",
    ]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 2);
    let seed = &objects[0];
    assert_eq!(seed["path"], "seeds/000_0dbf1fc7ba84b8b6.txt");
    // Footnote 14 is `14 PM BRON` on line 182; its marker resolves to it.
    let fourteen = seed["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["number"] == 14)
        .unwrap();
    assert_eq!(fourteen["line"], 182);
    assert_eq!(fourteen["end_line"], 182);
    let marker = seed["markers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == 14)
        .unwrap();
    assert_eq!(marker["footnote_line"], 182);
    for key in ["pages", "questions", "answers", "citations"] {
        assert!(seed[key].is_array(), "{key}");
    }
    // Kamervragen answered in Word: `Vraag 1` on line 51, its answer on 55.
    let q1 = &objects[1]["questions"][0];
    assert_eq!(
        (q1["line"].as_u64(), q1["answer_line"].as_u64()),
        (Some(51), Some(55))
    );
}

#[test]
fn plain_output_names_each_section_and_a_bad_file_does_not_stop_the_rest() {
    let out = inspect(&["no-such-file.txt", "seeds/000_0dbf1fc7ba84b8b6.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-file.txt"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    for section in [
        "pages (",
        "footnotes (15)",
        "markers (14)",
        "questions (",
        "citations (",
    ] {
        assert!(stdout.contains(section), "{section} in {stdout}");
    }
    assert!(stdout.contains("PM BRON"));
}
