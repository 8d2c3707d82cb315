use super::*;
use crate::i18n::Lang;

fn diagnostics(text: &str) -> Vec<(&'static str, Severity, String, String)> {
    let d = Dossier::analyze(text);
    lint(&d, text)
        .into_iter()
        .map(|x| {
            (
                x.code,
                x.severity,
                text[x.span.clone()].to_string(),
                x.message.render(Lang::En),
            )
        })
        .collect()
}

#[test]
fn undefined_marker_and_unreferenced_definition() {
    let text = "Zoals gemeld in de brief1 en de nota.2 Verder.3\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n4 Kamerstuk 19 637, nr. 2377.\n";
    let got = diagnostics(text);
    assert!(
        got.contains(&(
            "undefined-footnote",
            Severity::Error,
            "3".into(),
            "footnote 3 is referenced here but never defined".into()
        )),
        "{got:#?}"
    );
    assert!(got.contains(&(
        "unreferenced-footnote",
        Severity::Information,
        "4".into(),
        "footnote 4 is defined but no marker in the text refers to it".into()
    )));
    assert!(got.contains(&(
        "footnote-numbering",
        Severity::Warning,
        "4".into(),
        "footnote 4 follows footnote 2: footnote 3 is missing".into()
    )));
}

#[test]
fn short_form_after_a_placeholder_cannot_resolve() {
    let text = "Tekst1 en meer2.\n1 PM BRON\n2 Ibidem.\n";
    let got = diagnostics(text);
    let codes: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(
        codes,
        ["placeholder-source", "unresolved-short-form"],
        "{got:#?}"
    );
    assert_eq!(
        got[0].3,
        "footnote 1 has a placeholder `PM BRON` instead of a source"
    );
    assert_eq!(
        got[1].3,
        "footnote 2: `Ibidem` cannot be resolved: footnote 1 before it is a placeholder, not a source"
    );
}

#[test]
fn question_without_answer_and_answer_without_question() {
    let text = "Vraag 1\nKent u het bericht?\nAntwoord 1\nJa.\nVraag 2\nKlopt het?\nVraag 3\nEn dit?\nAntwoord 3\nNee.\nAntwoord 4\nOok nee.\n";
    let got = diagnostics(text);
    assert_eq!(
        got,
        [
            (
                "unanswered-question",
                Severity::Warning,
                "Vraag 2".into(),
                "`Vraag 2` has no answer".into()
            ),
            (
                "answer-without-question",
                Severity::Warning,
                "Antwoord 4".into(),
                "`Antwoord 4`: there is no question 4 before it".into()
            ),
        ]
    );
}

#[test]
fn a_postponement_notice_gets_no_unanswered_warnings() {
    let text = "Vraag 1\nKent u het bericht?\nVraag 2\nKlopt het?\nMededeling: de beantwoording wordt uitgesteld.\n";
    assert!(diagnostics(text).is_empty());
}

#[test]
fn mixed_citation_styles_in_the_footnotes() {
    let text = "Tekst1 en2 en3.\n1 Kamerstukken II 2020/21, 22 112, nr. 2955.\n2 Kamerstukken II 2021/22, 35 925, nr. 3.\n3 Kamerstukken II, 2020–2021, 22112, nr. 2956.\n";
    let got: Vec<(String, String)> = diagnostics(text)
        .into_iter()
        .filter(|d| d.0 == "mixed-citation-style")
        .map(|d| (d.2, d.3))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Kamerstukken II, 2020–2021, 22112, nr. 2956".to_string(),
                "this citation writes the year in the form YYYY–YYYY; the other footnotes use YYYY/YY (2×)".to_string()
            ),
            (
                "Kamerstukken II, 2020–2021, 22112, nr. 2956".to_string(),
                "this citation writes the dossier number in the form NNNNN; the other footnotes use NN NNN (2×)".to_string()
            ),
        ]
    );
}

#[test]
fn workspace_lints_page_past_the_end_and_missing_documents() {
    let mut ws = Workspace::new();
    let mut fiche = String::new();
    for page in 1..=3 {
        fiche.push_str(&format!(
            "Bladzijde {page}.\nTweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 {page}\n"
        ));
    }
    ws.update_text("fiche.txt", &fiche);
    let text = "Zie1 en2.\n1 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 7.\n2 Kamerstuk 19 637, nr. 2375.\n";
    ws.update_text("note.txt", text);
    let d = Dossier::analyze(text);
    let got: Vec<(&str, String)> = workspace_lints("note.txt", &d, text, &ws)
        .into_iter()
        .map(|x| (x.code, x.message.render(Lang::En)))
        .collect();
    assert_eq!(
        got,
        [
            (
                "page-beyond-document",
                "page 7 is past the end of Kamerstukken II 2020/21, 22 112, nr. 2955, which has 3 pages".to_string()
            ),
            ("citation-not-in-workspace", "Kamerstuk 19 637, nr. 2375 is not in the workspace".to_string()),
        ]
    );
}

/// The patterns `style_of` reads by hand.
fn style_by_pattern(written: &str) -> Style {
    static YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?-u:\b)(?:19|20)[0-9][0-9](?:(–|-)(?:19|20)[0-9][0-9]|(/)[0-9][0-9](?-u:\b)|(/)(?:19|20)[0-9][0-9])",
        )
        .unwrap()
    });
    static DOSSIER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?-u:\b)[0-9]{2}(?:( )|(\.)|)[0-9]{3}(?-u:\b)").unwrap()
    });
    let year =
        YEAR.captures(written).map(
            |c| match (c.get(1).map(|m| m.as_str()), c.get(2), c.get(3)) {
                (Some("–"), _, _) => "YYYY–YYYY",
                (Some(_), _, _) => "YYYY-YYYY",
                (None, Some(_), _) => "YYYY/YY",
                _ => "YYYY/YYYY",
            },
        );
    let dossier = DOSSIER.captures(written).map(|c| {
        if c.get(1).is_some() {
            "NN NNN"
        } else if c.get(2).is_some() {
            "NN.NNN"
        } else {
            "NNNNN"
        }
    });
    (year, dossier)
}

#[test]
fn citation_styles_of_real_forms() {
    assert_eq!(
        style_of("Kamerstukken II 2020/21, 22 112, nr. 2955"),
        (Some("YYYY/YY"), Some("NN NNN"))
    );
    assert_eq!(
        style_of("Kamerstukken II, 2019–2020, 32317, nr. 600"),
        (Some("YYYY–YYYY"), Some("NNNNN"))
    );
    assert_eq!(style_of("Kamerstuk 22.112, nr. 2"), (None, Some("NN.NNN")));
    assert_eq!(
        style_of("Kamerstukken 2020/2021"),
        (Some("YYYY/YYYY"), None)
    );
}

proptest::proptest! {
    #[test]
    fn style_of_agrees_with_the_patterns(s in "[0-9 ./–_a-z-]{0,16}|(19|20|[0-9 .])[0-9 ./–-]{0,12}") {
        proptest::prop_assert_eq!(style_of(&s), style_by_pattern(&s), "{:?}", s);
    }

    #[test]
    fn style_of_agrees_on_any_text(s in "\\PC{0,16}") {
        proptest::prop_assert_eq!(style_of(&s), style_by_pattern(&s), "{:?}", s);
    }
}

#[test]
fn levels_say_which_lints_are_on() {
    let mut levels = LintLevels::default();
    assert!(levels.is_on("placeholder-source"));
    assert!(!levels.is_on("citation-not-in-workspace"));
    levels.set("citation-not-in-workspace=info").unwrap();
    levels.set("placeholder-source=off").unwrap();
    assert!(levels.is_on("citation-not-in-workspace"));
    assert!(!levels.is_on("placeholder-source"));
    let all = LintLevels::everything();
    assert!(LINTS.iter().all(|l| all.is_on(l.code)));
    assert_eq!(
        all.level("citation-not-in-workspace", Severity::Hint),
        Some(Severity::Information)
    );
}

#[test]
fn findings_on_notes_read_with_doubt_are_information() {
    // Two of the four markers find no note and one note no marker: the
    // reading is unsure (an OCR page), so nothing is an error or warning.
    let text = "Het rapport1 en de brief.2 Ook de nota.3 En de motie.4\n1 Kamerstuk 19 637, nr. 2375.\n5 Kamerstuk 19 637, nr. 2376.\n";
    let got = diagnostics(text);
    let levels: Vec<(&str, Severity)> = got.iter().map(|g| (g.0, g.1)).collect();
    assert!(
        levels.contains(&("undefined-footnote", Severity::Information)),
        "{got:#?}"
    );
    assert!(
        levels
            .iter()
            .all(|(_, s)| !matches!(s, Severity::Error | Severity::Warning)),
        "{got:#?}"
    );
    // A Markdown marker is never in doubt.
    let draft = "Het rapport[^1] en de brief.[^2]\n\n[^3]: Kamerstuk 19 637, nr. 2375.\n";
    let got = diagnostics(draft);
    assert!(
        got.iter()
            .any(|g| g.0 == "undefined-footnote" && g.1 == Severity::Error),
        "{got:#?}"
    );
}

/// The README's table of diagnostics lists every code of the registry, with
/// its default severity, and no other.
#[test]
fn the_readme_table_is_the_registry() {
    let readme = include_str!("../../README.md");
    let table = readme
        .split("\n## Diagnostics\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Diagnostics section in README.md");
    let mut documented = Vec::new();
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let code = cells[1].trim_matches('`');
        let (severity, off) = match cells[2].split_once(", ") {
            Some((severity, "off by default")) => (severity, true),
            Some(_) => panic!("README.md, `{code}`: cannot read `{}`", cells[2]),
            None => (cells[2], false),
        };
        let severity = parse_level(severity).flatten();
        documented.push((code.to_string(), severity, off));
    }
    let registry: Vec<(String, Option<Severity>, bool)> = LINTS
        .iter()
        .map(|l| (l.code.to_string(), Some(l.severity), l.off_by_default))
        .collect();
    for entry in &registry {
        assert!(
            documented.contains(entry),
            "README.md's diagnostics table lacks or differs on {entry:?}"
        );
    }
    for entry in &documented {
        assert!(
            registry.contains(entry),
            "README.md documents {entry:?}, which the registry does not have"
        );
    }
}

#[test]
fn every_code_of_the_registry_can_be_set() {
    for lint in LINTS {
        let mut levels = LintLevels::default();
        levels.set(&format!("{}=off", lint.code)).unwrap();
        assert!(!levels.is_on(lint.code), "{}", lint.code);
    }
    let mut levels = LintLevels::default();
    assert!(levels.set("no-such-code=off").is_err());
}
