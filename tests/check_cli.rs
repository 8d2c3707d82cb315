//! The `check` command, run as a user would: the built binary on real files.

use std::path::Path;
use std::process::Command;

/// The binary in an English environment (`--lang` and a Dutch locale are
/// tested as such).
fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier-lsp"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch folder, removed when the test ends (pass or fail).
struct Scratch(std::path::PathBuf);

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("dossier-lsp-check-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

#[test]
fn check_prints_the_seed_findings_compiler_style() {
    let out = bin()
        .arg("check")
        .arg(root().join("seeds"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let firsts: Vec<&str> = stdout.lines().filter(|l| l.contains("]: ")).collect();
    let path = root()
        .join("seeds/000_0dbf1fc7ba84b8b6.txt")
        .display()
        .to_string();
    assert_eq!(
        firsts,
        [
            format!("{path}:19:1: info[unreferenced-footnote]: footnote 1 is defined but no marker in the text refers to it"),
            format!("{path}:182:4: warning[placeholder-source]: footnote 14 has a placeholder `PM BRON` instead of a source"),
            format!("{path}:242:4: hint[citation-format]: footnote 15: missing comma before `nr.` in `Kamerstuk 22 112 nr. 2956`"),
        ]
    );
    assert!(
        stdout.contains("182 | 14 PM BRON\n    |    ^^^^^^^\n"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("1 file checked: 0 errors, 1 warning, 2 hints and notes\n"),
        "{stdout}"
    );
}

/// The same findings in Dutch, from `--lang nl` or from the locale; codes,
/// paths and positions do not change, nor does JSON's `severity`.
#[test]
fn check_speaks_the_users_language() {
    let seed = root().join("seeds/000_0dbf1fc7ba84b8b6.txt");
    let path = seed.display().to_string();
    let by_flag = bin()
        .args(["check", "--lang", "nl"])
        .arg(&seed)
        .output()
        .unwrap();
    let by_locale = bin()
        .env("LANG", "nl_NL.UTF-8")
        .arg("check")
        .arg(&seed)
        .output()
        .unwrap();
    let stdout = String::from_utf8(by_flag.stdout).unwrap();
    assert_eq!(stdout, String::from_utf8(by_locale.stdout).unwrap());
    let firsts: Vec<&str> = stdout.lines().filter(|l| l.contains("]: ")).collect();
    assert_eq!(
        firsts,
        [
            format!("{path}:19:1: info[unreferenced-footnote]: voetnoot 1 is gedefinieerd maar wordt in de tekst nergens aangehaald"),
            format!("{path}:182:4: waarschuwing[placeholder-source]: voetnoot 14 heeft een plaatshouder `PM BRON` in plaats van een bron"),
            format!("{path}:242:4: hint[citation-format]: voetnoot 15: komma ontbreekt voor `nr.` in `Kamerstuk 22 112 nr. 2956`"),
        ]
    );
    assert!(
        stdout.ends_with(
            "1 bestand gecontroleerd: 0 fouten, 1 waarschuwing, 2 hints en opmerkingen\n"
        ),
        "{stdout}"
    );
    // `--lang` over the locale; JSON keeps its field names and severities.
    let json = bin()
        .env("LANG", "nl_NL.UTF-8")
        .args(["check", "--lang", "en", "--format", "json"])
        .arg(&seed)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let placeholder = &report["diagnostics"][1];
    assert_eq!(placeholder["severity"], "warning");
    assert_eq!(
        placeholder["message"],
        "footnote 14 has a placeholder `PM BRON` instead of a source"
    );
    let json = bin()
        .args(["check", "--lang", "nl", "--format", "json"])
        .arg(&seed)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["diagnostics"][1]["severity"], "warning");
    assert_eq!(report["diagnostics"][1]["code"], "placeholder-source");
    assert_eq!(
        report["diagnostics"][1]["message"],
        "voetnoot 14 heeft een plaatshouder `PM BRON` in plaats van een bron"
    );
}

#[test]
fn deny_warnings_fails_on_the_placeholder() {
    let out = bin()
        .args(["check", "--deny", "warnings"])
        .arg(root().join("seeds"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn crlf_seed_gives_the_same_lines_and_columns() {
    let dir = scratch("crlf");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    let file = dir.join("seed-crlf.txt");
    std::fs::write(&file, seed.replace('\n', "\r\n")).unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("unreferenced-footnote".to_string(), 19, 1),
            ("placeholder-source".to_string(), 182, 4),
            ("citation-format".to_string(), 242, 4),
        ]
    );
}

#[test]
fn bad_input_gets_a_finding_not_a_crash() {
    let dir = scratch("bad");
    std::fs::write(
        dir.join("latin1.txt"),
        b"Kamerstuk 19 637, nr. 2375 caf\xe9\n",
    )
    .unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\x00\x00\x01\x02").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("cr-only.txt"), b"Tekst1\r1 PM BRON\r").unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the binary file is an error");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let reports: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let codes = |name: &str| -> Vec<String> {
        let r = reports
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name))
            .unwrap();
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes("binary.txt"), ["binary-file"]);
    assert_eq!(codes("latin1.txt"), ["invalid-utf8"]);
    assert!(codes("empty.txt").is_empty());
    assert_eq!(codes("cr-only.txt"), ["placeholder-source"]);
}

#[test]
fn usage_errors_exit_with_two() {
    let out = bin().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["check", "--format", "xml", "seeds"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_path_is_reported_and_fails() {
    let out = bin()
        .args(["check", "/nonexistent/dossier"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dossier"));
}

#[test]
fn lint_levels_from_the_command_line() {
    let seeds = root().join("seeds");
    let out = bin()
        .args(["check", "--lint", "placeholder-source=error"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("182:4: error[placeholder-source]"));
    let out = bin()
        .args([
            "check",
            "--lint",
            "placeholder-source=off",
            "--lint",
            "unreferenced-footnote=off",
            "--deny",
            "warnings",
        ])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("placeholder-source") && !stdout.contains("unreferenced-footnote"),
        "{stdout}"
    );
    let out = bin()
        .args(["check", "--lint", "no-such-lint=error"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown lint code `no-such-lint`"));
    let out = bin()
        .args(["check", "--lint", "placeholder-source=loud"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn files_checked_together_are_each_others_workspace() {
    let dir = scratch("workspace");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    let cut = seed.find(" BRIEF VAN DE STAATSSECRETARIS").unwrap();
    std::fs::write(dir.join("vragen.txt"), &seed[..cut]).unwrap();
    let answers = &seed[cut..];
    let from = answers.find("\n2. \n").unwrap();
    let to = answers.find("\n3. \n").unwrap();
    std::fs::write(
        dir.join("antwoorden.txt"),
        format!("{}{}", &answers[..from], &answers[to..]),
    )
    .unwrap();
    // A three-page Kamerstuk 22 112, nr. 2955: the seed's `blz. 14` is past its end.
    let mut fiche = String::new();
    for page in 1..=3 {
        fiche.push_str(&format!(
            "Bladzijde {page}.\nTweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 {page}\n"
        ));
    }
    std::fs::write(dir.join("fiche.txt"), fiche).unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let found: Vec<(String, String, u64)> = stdout
        .lines()
        .flat_map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            let path = r["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        path.clone(),
                        d["code"].as_str().unwrap().to_string(),
                        d["line"].as_u64().unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .filter(|(_, code, _)| code == "question-not-taken-up" || code == "page-beyond-document")
        .collect();
    assert_eq!(
        found,
        [
            (
                "vragen.txt".to_string(),
                "question-not-taken-up".to_string(),
                54
            ),
            // Footnotes 7 (Idem, blz. 12), 8 (Ibidem), 9 (blz. 14), 10 (Idem, blz. 17).
            (
                "vragen.txt".to_string(),
                "page-beyond-document".to_string(),
                87
            ),
            (
                "vragen.txt".to_string(),
                "page-beyond-document".to_string(),
                88
            ),
            (
                "vragen.txt".to_string(),
                "page-beyond-document".to_string(),
                89
            ),
            (
                "vragen.txt".to_string(),
                "page-beyond-document".to_string(),
                107
            ),
        ],
        "{stdout}"
    );
}

#[test]
fn a_finding_over_several_lines_gets_its_own_end_column() {
    // The quotation's end column (17 bytes) falls inside the `«` of the first
    // line: columns are counted on each end's own line.
    let dir = scratch("multiline");
    let file = dir.join("brief.txt");
    std::fs::write(
        &file,
        "BRIEF VAN DE VOORZITTER VAN DE COMMISSIE\n\nDe leden lezen: «Het kabinet is van mening dat de\nCommissie hiermee de belangrijkste tekortkomingen\nidentificeert.» Kunt u dat toelichten?\n",
    )
    .unwrap();
    let out = bin()
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "quotation-without-source");
    assert_eq!(
        (
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["end_line"].as_u64(),
            d["end_column"].as_u64()
        ),
        (Some(3), Some(17), Some(5), Some(16))
    );
    let human = bin().arg("check").arg(&file).output().unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(
        human.contains("3:17: hint[quotation-without-source]"),
        "{human}"
    );
}

/// The seed beside the fiche it quotes (a fixture made from the words the
/// seed quotes): no quotation finding. With the fiche's pages one further
/// on, each pinned quotation is on another page; with a word changed in
/// the fiche, that quotation is altered.
#[test]
fn check_looks_quotations_up_in_the_files_it_is_given() {
    let dir = scratch("quotes");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    let fiche =
        std::fs::read_to_string(root().join("tests/fixtures/quotes/kst-22112-2955.txt")).unwrap();
    std::fs::write(dir.join("verslag.txt"), &seed).unwrap();
    let run = |fiche: &str| -> Vec<String> {
        std::fs::write(dir.join("kst-22112-2955.txt"), fiche).unwrap();
        let out = bin().arg("check").arg(&dir).output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| l.contains("[quote-"))
            .map(|l| l.rsplit_once("quotes/").unwrap().1.to_string())
            .collect()
    };
    assert_eq!(run(&fiche), Vec::<String>::new());
    // Its footers numbered 12 to 18 rather than 11 to 17.
    let shifted = (11..=17).rev().fold(fiche.clone(), |f, n| {
        f.replace(&format!("2955 {n}\n"), &format!("2955 {}\n", n + 1))
    });
    let shifted = run(&shifted);
    assert_eq!(shifted.len(), 5, "{shifted:#?}");
    assert_eq!(
        shifted[0],
        "verslag.txt:45:1: warning[quote-page-mismatch]: the quoted passage «… is het kabinet van mening …» is on page 13 of Kamerstukken II 2020/21, 22 112, nr. 2955, not on page 12"
    );
    let altered = run(&fiche.replace("betekenisvolle bijdrage", "grote bijdrage"));
    assert_eq!(
        altered,
        ["verslag.txt:71:1: info[quote-altered]: the quotation «De voorstellen van de Commissie op …» differs from Kamerstukken II 2020/21, 22 112, nr. 2955, page 14: `grote` is quoted as `betekenisvolle`"]
    );
    // The same finding in Dutch; its code does not change.
    let dutch = bin()
        .args(["check", "--lang", "nl"])
        .arg(&dir)
        .output()
        .unwrap();
    let dutch = String::from_utf8(dutch.stdout).unwrap();
    assert!(
        dutch.contains("info[quote-altered]: het citaat «De voorstellen van de Commissie op …» wijkt af van Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 14: `grote` is geciteerd als `betekenisvolle`"),
        "{dutch}"
    );
}

/// `check --fix` sets each quotation's note to the page its passage stands
/// on in the fiche beside it (pages one further on), as the server's quick
/// fix does; afterwards no quotation finding is left.
#[test]
fn fix_sets_the_page_a_quoted_passage_stands_on() {
    let dir = scratch("quotes-fix");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    let fiche =
        std::fs::read_to_string(root().join("tests/fixtures/quotes/kst-22112-2955.txt")).unwrap();
    let shifted = (11..=17).rev().fold(fiche, |f, n| {
        f.replace(&format!("2955 {n}\n"), &format!("2955 {}\n", n + 1))
    });
    std::fs::write(dir.join("verslag.txt"), &seed).unwrap();
    std::fs::write(dir.join("kst-22112-2955.txt"), &shifted).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "verslag.txt", "kst-22112-2955.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(
            "verslag.txt: fixed 5 findings (citation-format ×1, quote-page-mismatch ×4)\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("[quote-"), "{stdout}");
    let fixed = std::fs::read_to_string(dir.join("verslag.txt")).unwrap();
    let notes: Vec<&str> = fixed
        .lines()
        .filter(|l| ["7 ", "8 ", "9 ", "10 "].iter().any(|n| l.starts_with(n)))
        .filter(|l| l.contains("blz."))
        .collect();
    assert_eq!(
        notes,
        [
            "7 Idem, blz. 13.",
            "8 Ibidem, blz. 13.",
            "9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 15.",
            "10 Idem, blz. 18.",
        ]
    );
    // The cited document is not touched; alone, a file has no source to
    // look in and keeps its pins.
    assert_eq!(
        std::fs::read_to_string(dir.join("kst-22112-2955.txt")).unwrap(),
        shifted
    );
    std::fs::write(dir.join("alleen.txt"), &seed).unwrap();
    bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "alleen.txt"])
        .output()
        .unwrap();
    assert!(std::fs::read_to_string(dir.join("alleen.txt"))
        .unwrap()
        .contains("\n7 Idem, blz. 12.\n"));
}

/// `.dossier-lsp.toml` above the files: its lints and overrides apply, the
/// command line goes over it, its mistakes are errors at their line and
/// column, and its language is the messages' unless `--lang` says other.
#[test]
fn a_project_file_sets_what_check_reports() {
    let dir = scratch("project");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    std::fs::create_dir_all(dir.join("bijlagen")).unwrap();
    std::fs::write(dir.join("brief.txt"), &seed).unwrap();
    std::fs::write(dir.join("bijlagen/annex.txt"), &seed).unwrap();
    std::fs::write(dir.join("notities.text"), &seed).unwrap();
    std::fs::write(
        dir.join(".dossier-lsp.toml"),
        concat!(
            "files = [\"**/*.txt\", \"**/*.text\"]\n",
            "language = \"nl\"\n",
            "\n",
            "[lints]\n",
            "unreferenced-footnote = \"off\"\n",
            "citation-format = \"warning\"\n",
            "\n",
            "[[overrides]]\n",
            "files = [\"bijlagen/**\"]\n",
            "lints = { placeholder-source = \"off\" }\n",
        ),
    )
    .unwrap();
    let codes = |args: &[&str]| -> (Vec<String>, String, Option<i32>) {
        let out = bin()
            .current_dir(&*dir)
            .arg("check")
            .args(args)
            .arg(".")
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let found = stdout
            .lines()
            .filter(|l| l.contains("]: "))
            .map(|l| {
                let (place, rest) = l.split_once(": ").unwrap();
                let code = rest.split(']').next().unwrap();
                format!("{place} {code}]")
            })
            .collect();
        (found, stdout, out.status.code())
    };
    let (found, stdout, status) = codes(&[]);
    assert_eq!(
        found,
        [
            "./bijlagen/annex.txt:242:4 waarschuwing[citation-format]",
            "./brief.txt:182:4 waarschuwing[placeholder-source]",
            "./brief.txt:242:4 waarschuwing[citation-format]",
            "./notities.text:182:4 waarschuwing[placeholder-source]",
            "./notities.text:242:4 waarschuwing[citation-format]",
        ],
        "{stdout}"
    );
    assert_eq!(status, Some(0), "{stdout}");
    // The command line over the project file; `--lang` over its language.
    let (found, _, _) = codes(&["--lang", "en", "--lint", "citation-format=off"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| !f.contains("citation-format")));
    assert!(found.contains(&"./brief.txt:182:4 warning[placeholder-source]".to_owned()));

    // A mistake is an error at its place; the rest still applies.
    std::fs::write(
        dir.join(".dossier-lsp.toml"),
        "[lints]\nunreferenced-footnote = \"off\"\nplaceholder-sorce = \"off\"\n",
    )
    .unwrap();
    let (found, stdout, status) = codes(&["--lang", "en"]);
    assert_eq!(status, Some(1), "{stdout}");
    assert_eq!(
        found[0], "./.dossier-lsp.toml:3:1 error[project-file]",
        "{stdout}"
    );
    assert!(
        stdout.contains("unknown lint code `placeholder-sorce`"),
        "{stdout}"
    );
    assert!(!found.iter().any(|f| f.contains("unreferenced-footnote")));
    assert!(found.iter().any(|f| f.contains("placeholder-source")));
}

/// `--write-baseline` accepts today's findings; they stay away while the
/// line they are on reads the same, and come back when it changes.
#[test]
fn a_baseline_keeps_accepted_findings_out() {
    let dir = scratch("baseline");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    std::fs::write(dir.join("brief.txt"), &seed).unwrap();
    std::fs::write(
        dir.join(".dossier-lsp.toml"),
        "baseline = \"basislijn.json\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = bin()
            .current_dir(&*dir)
            .arg("check")
            .args(args)
            .arg(".")
            .output()
            .unwrap();
        (String::from_utf8(out.stdout).unwrap(), out.status.code())
    };
    let (before, _) = run(&[]);
    assert!(before.contains("warning[placeholder-source]"), "{before}");
    let (written, status) = run(&["--write-baseline"]);
    assert_eq!(status, Some(0), "{written}");
    assert!(
        written.contains("3 findings written to the baseline"),
        "{written}"
    );
    let baseline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("basislijn.json")).unwrap()).unwrap();
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 3);
    let (after, status) = run(&["--deny", "warnings"]);
    assert_eq!(status, Some(0), "{after}");
    assert!(!after.contains("]: "), "{after}");
    assert!(
        after.contains("3 findings accepted in the baseline not shown"),
        "{after}"
    );
    // Lines added above move the findings, which stay accepted; a changed
    // line brings its finding back.
    let edited = format!(
        "Een nieuwe eerste regel.\n{}",
        seed.replace("14 PM BRON", "14 PM BRON (nog)")
    );
    std::fs::write(dir.join("brief.txt"), edited).unwrap();
    let (after, status) = run(&["--deny", "warnings"]);
    assert_eq!(status, Some(1), "{after}");
    let found: Vec<&str> = after.lines().filter(|l| l.contains("]: ")).collect();
    assert_eq!(found.len(), 1, "{after}");
    assert!(
        found[0].starts_with("./brief.txt:183:4: warning[placeholder-source]"),
        "{after}"
    );
}

/// What the server's quick fixes make of `text`: each round, every quick
/// fix on `citation-format` or `footnote-numbering` that the server would
/// show (one that needs its finding only where it stands), those that do
/// not overlap applied together; again until none is left.
fn server_quick_fixes(text: &str) -> String {
    use dossier_lsp::ide::{code_actions, ActionKind, Analysis, NoFileTexts, Snapshot};
    use std::sync::Arc;
    let mut text = text.to_owned();
    for _ in 0..8 {
        let analysis = Arc::new(Analysis::new(1, &text));
        let snap = Snapshot {
            file: Arc::from("seed.txt"),
            analysis: analysis.clone(),
            workspace: Arc::new(dossier_lsp::workspace::Workspace::new()),
            files: Arc::new(NoFileTexts),
            lang: dossier_lsp::i18n::Lang::En,
        };
        let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
        let mut edits = Vec::new();
        for action in code_actions(&snap, 0..text.len()) {
            let Some(fixes) = &action.fixes else { continue };
            let safe = matches!(fixes.code, "citation-format" | "footnote-numbering");
            let shown =
                !action.needs_finding || analysis.diagnostics.iter().any(|d| d.code == fixes.code);
            if action.kind != ActionKind::QuickFix || !safe || !shown {
                continue;
            }
            let clash = action.edits.iter().any(|e| {
                taken
                    .iter()
                    .any(|t| t.start < e.span.end && e.span.start < t.end || *t == e.span)
            });
            if !clash {
                taken.extend(action.edits.iter().map(|e| e.span.clone()));
                edits.extend(action.edits);
            }
        }
        if edits.is_empty() {
            break;
        }
        text = dossier_lsp::assist::apply(&text, &edits);
    }
    text
}

#[test]
fn fix_makes_the_seed_what_the_servers_quick_fixes_make_it() {
    let dir = scratch("fix-seed");
    let seed = std::fs::read_to_string(root().join("seeds/000_0dbf1fc7ba84b8b6.txt")).unwrap();
    let path = dir.join("seed.txt");
    std::fs::write(&path, &seed).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "seed.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let fixed = std::fs::read_to_string(&path).unwrap();
    let expected = server_quick_fixes(&seed);
    assert_ne!(expected, seed, "the seed has a slip the server fixes");
    assert_eq!(fixed, expected);
    assert!(fixed.contains("\n15 Kamerstuk 22 112, nr. 2956.\n"));
    // What it changed, then what remains (the slip is gone).
    assert!(
        stdout.starts_with("seed.txt: fixed 1 finding (citation-format ×1)\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("citation-format]"), "{stdout}");
    assert!(stdout.contains("warning[placeholder-source]"), "{stdout}");
    assert!(
        stdout.ends_with("1 file checked: 0 errors, 1 warning, 1 hint or note\n"),
        "{stdout}"
    );
    // Nothing is left to fix, and no temporary file stayed behind.
    let again = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "seed.txt"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(again.stdout).unwrap().contains("fixed"));
    let names: Vec<_> = std::fs::read_dir(&*dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["seed.txt"]);
}

const OUT_OF_ORDER: &str = "Eerst1 dan3 en2.\n1 Kamerstuk 19 637, nr. 2375.\n3 Kamerstuk 19 637 nr. 2376.\n2 Kamerstuk 19 637, nr. 2377.\n";
const IN_ORDER: &str = "Eerst1 dan2 en3.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n3 Kamerstuk 19 637, nr. 2377.\n";

#[test]
fn fix_renumbers_footnotes_out_of_order_and_fixes_a_slip_in_one() {
    let dir = scratch("fix-order");
    let path = dir.join("brief.txt");
    std::fs::write(&path, OUT_OF_ORDER).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "--lang", "nl", "brief.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), IN_ORDER);
    assert_eq!(server_quick_fixes(OUT_OF_ORDER), IN_ORDER);
    assert_eq!(
        stdout,
        "brief.txt: 2 bevindingen hersteld (citation-format ×1, footnote-numbering ×1)\n\
         1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen, 0 hints en opmerkingen\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = scratch("diff");
    let path = dir.join("brief.txt");
    std::fs::write(&path, OUT_OF_ORDER).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--diff", "brief.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "--- a/brief.txt\n+++ b/brief.txt\n@@ -1,4 +1,4 @@\n\
         -Eerst1 dan3 en2.\n+Eerst1 dan2 en3.\n 1 Kamerstuk 19 637, nr. 2375.\n\
         -3 Kamerstuk 19 637 nr. 2376.\n-2 Kamerstuk 19 637, nr. 2377.\n\
         +2 Kamerstuk 19 637, nr. 2376.\n+3 Kamerstuk 19 637, nr. 2377.\n"
    );
    assert_eq!(out.status.code(), Some(1), "a diff: exit 1");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), OUT_OF_ORDER);
    // Nothing to fix: no diff, exit 0.
    std::fs::write(&path, IN_ORDER).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--diff", "brief.txt"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"");
    assert_eq!(out.status.code(), Some(0));
    // --fix and --diff together are a usage error.
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "--diff", "brief.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fix_keeps_crlf_and_the_byte_order_mark() {
    let dir = scratch("fix-crlf");
    let path = dir.join("brief.txt");
    let crlf = |s: &str| {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(s.replace('\n', "\r\n").as_bytes());
        b
    };
    std::fs::write(&path, crlf(OUT_OF_ORDER)).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "brief.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), crlf(IN_ORDER));
}

#[test]
fn fix_leaves_a_file_that_is_not_utf8_alone() {
    let dir = scratch("fix-latin1");
    let path = dir.join("brief.txt");
    let mut bytes = OUT_OF_ORDER.as_bytes().to_vec();
    bytes.extend_from_slice(b"De financi\xEBle garantie.\n");
    std::fs::write(&path, &bytes).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "brief.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(!stdout.contains("fixed"), "{stdout}");
    assert!(stdout.contains("warning[invalid-utf8]"), "{stdout}");
}

#[test]
fn sarif_names_the_seed_placeholder_with_its_line_and_column() {
    let out = bin()
        .current_dir(root())
        .args([
            "check",
            "--format",
            "sarif",
            "--lang",
            "nl",
            "seeds/000_0dbf1fc7ba84b8b6.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "dossier-lsp");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = dossier_lsp::lints::LINTS.iter().map(|l| l.code).collect();
    assert_eq!(ids, codes);
    let placeholder = rules
        .iter()
        .find(|r| r["id"] == "placeholder-source")
        .unwrap();
    assert!(placeholder["shortDescription"]["text"]
        .as_str()
        .unwrap()
        .contains("PM BRON"));
    // Columns in characters, and the run says so.
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3, "{results:#?}");
    let found = results
        .iter()
        .find(|r| r["ruleId"] == "placeholder-source")
        .unwrap();
    assert_eq!(found["level"], "warning");
    assert_eq!(
        found["message"]["text"],
        "voetnoot 14 heeft een plaatshouder `PM BRON` in plaats van een bron"
    );
    assert_eq!(
        ids[found["ruleIndex"].as_u64().unwrap() as usize],
        "placeholder-source"
    );
    let location = &found["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "seeds/000_0dbf1fc7ba84b8b6.txt"
    );
    let region = &location["region"];
    assert_eq!(region["startLine"], 182);
    assert_eq!(region["startColumn"], 4);
    assert_eq!(region["endLine"], 182);
    assert_eq!(region["endColumn"], 11, "just after `PM BRON`");
    // Hints and information are notes.
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["note", "warning", "note"]);
}

/// With `--format json` what `--fix` did goes to standard error; standard
/// output stays one JSON object per file.
#[test]
fn fix_with_json_keeps_stdout_to_the_findings() {
    let dir = scratch("fix-json");
    std::fs::write(dir.join("brief.txt"), OUT_OF_ORDER).unwrap();
    let out = bin()
        .current_dir(&*dir)
        .args(["check", "--fix", "--format", "json", "brief.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "brief.txt: fixed 2 findings (citation-format ×1, footnote-numbering ×1)\n"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["path"], "brief.txt");
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(
        std::fs::read_to_string(dir.join("brief.txt")).unwrap(),
        IN_ORDER
    );
}

/// `--help` in the user's language: the locale's, or `--lang`'s where the
/// command has one; the command names, flags and values stay as typed.
#[test]
fn help_speaks_the_users_language() {
    let help = |lang: Option<&str>, args: &[&str]| {
        let mut command = bin();
        if let Some(lang) = lang {
            command.env("LANG", lang);
        }
        let out = command.args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let dutch = help(Some("nl_NL.UTF-8"), &["check", "--help"]);
    for part in [
        "Bestanden of mappen controleren",
        "Gebruik: dossier-lsp check",
        "Opties:",
        "--fix ",
        "De veilige correcties toepassen",
        "-h, --help ",
        "Hulp tonen",
    ] {
        assert!(dutch.contains(part), "{part}: {dutch}");
    }
    for english in [
        "Usage",
        "Options",
        "Print help",
        "[default",
        "possible values",
    ] {
        assert!(!dutch.contains(english), "{english}: {dutch}");
    }
    let top = help(Some("nl_BE.UTF-8"), &["--help"]);
    assert!(
        top.contains("Opdrachten:\n  serve    LSP spreken op stdio (standaard)\n"),
        "{top}"
    );
    // `--lang` over the locale, before or after `--help`.
    let english = help(Some("nl_NL.UTF-8"), &["inspect", "--lang", "en", "--help"]);
    assert!(english.contains("Usage: dossier-lsp inspect"), "{english}");
    assert!(english.contains("Files to read"), "{english}");
    let dutch = help(None, &["cite", "--help", "--lang=nl"]);
    assert!(dutch.contains("De te lezen tekst"), "{dutch}");
}
