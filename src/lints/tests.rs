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

#[test]
fn a_quotation_referred_back_to_a_sourced_one_has_a_source() {
    let letter = |first_note: &str| {
        format!(
            "BRIEF VAN DE VOORZITTER VAN DE COMMISSIE\n\nDe leden lezen: «Wel had het kabinet graag gezien dat de Commissie meer maatregelen had gepresenteerd.»{first_note} Kunt u dat toelichten?\n\nOp dezelfde pagina staat verder: «Het kabinet is daarbij voorstander van een solidariteitsmechanisme dat eerlijk is.» Kunt u dat onderbouwen?\n\n1 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.\n"
        )
    };
    let hints = |text: &str| -> Vec<String> {
        diagnostics(text)
            .into_iter()
            .filter(|d| d.0 == "quotation-without-source")
            .map(|d| d.3)
            .collect()
    };
    assert_eq!(hints(&letter("1")), Vec::<String>::new());
    // Referred back to a quotation without a source: no source either.
    assert_eq!(
        hints(&letter("")),
        [
            "the quotation «Wel had het kabinet graag gezien …» has no footnote giving its source",
            "the quotation «Het kabinet is daarbij voorstander van …» has no footnote giving its source",
        ]
    );
}

/// The BNC-fiche the seed quotes, made for the tests (pages 11–17).
const FICHE: &str = include_str!("../../tests/fixtures/quotes/kst-22112-2955.txt");

/// The quotation findings of a letter that quotes `quote` with note `note`,
/// with the fiche in the workspace or not.
fn quote_findings_of(quote: &str, note: &str, fiche_in_workspace: bool) -> Vec<String> {
    let mut ws = Workspace::new();
    if fiche_in_workspace {
        ws.update_text("kst-22112-2955.txt", FICHE);
    }
    let text = format!(
        "BRIEF VAN DE VOORZITTER VAN DE COMMISSIE\n\nDe leden lezen: «{quote}»1 Kunt u dat toelichten?\n\n1 {note}\n"
    );
    ws.update_text("brief.txt", &text);
    let d = Dossier::analyze(&text);
    let mut found = lint(&d, &text);
    found.extend(workspace_lints("brief.txt", &d, &text, &ws));
    found
        .into_iter()
        .filter(|x| x.code.starts_with("quote-"))
        .map(|x| {
            format!(
                "{} {}: {}",
                x.severity.as_str(),
                x.code,
                x.message.render(Lang::En)
            )
        })
        .collect()
}

#[test]
fn quotations_checked_against_the_cited_document() {
    let fiche = "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 14.";
    let exact = "Van elke lidstaat wordt een betekenisvolle bijdrage verwacht. Het kabinet waardeert deze aanpak.";
    assert_eq!(quote_findings_of(exact, fiche, true), Vec::<String>::new());
    // Across a hyphenated line break in the quoting letter.
    let broken = "Van elke lidstaat wordt een betekenis-\nvolle bijdrage verwacht. Het kabinet waardeert deze aanpak.";
    assert_eq!(quote_findings_of(broken, fiche, true), Vec::<String>::new());
    assert_eq!(
        quote_findings_of(exact, "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.", true),
        ["warning quote-page-mismatch: the quoted passage «Van elke lidstaat wordt een betekenisvolle …» is on page 14 of Kamerstukken II 2020/21, 22 112, nr. 2955, not on page 12"]
    );
    assert_eq!(
        quote_findings_of("Van elke lidstaat wordt een grote bijdrage verwacht. Het kabinet waardeert deze aanpak.", fiche, true),
        ["info quote-altered: the quotation «Van elke lidstaat wordt een grote …» differs from Kamerstukken II 2020/21, 22 112, nr. 2955, page 14: `betekenisvolle` is quoted as `grote`"]
    );
    assert_eq!(
        quote_findings_of("Het kabinet wil de grenzen van Nederland volledig sluiten voor iedereen.", fiche, true),
        ["warning quote-not-found: the quoted passage «Het kabinet wil de grenzen van …» is not in Kamerstukken II 2020/21, 22 112, nr. 2955"]
    );
    assert_eq!(
        quote_findings_of("Het kabinet bestudeert de voorstellen over de opvang van vluchtelingen in Europa met zorg.", "Kamerstukken II 2020/21, 22 112, nr. 2955.", true),
        ["warning quote-not-found: the quoted passage «Het kabinet bestudeert de voorstellen over …» is not in Kamerstukken II 2020/21, 22 112, nr. 2955; the closest passage is on pages 15–16: «Het kabinet bestudeert de voorstellen over legale migratie nader. Het …»"]
    );
    // An attachment of the document in the workspace: its words are not
    // the document's, nothing can be said.
    assert_eq!(
        quote_findings_of(
            "Het kabinet wil de grenzen van Nederland volledig sluiten voor iedereen.",
            "Bijlage bij Kamerstuk 22 112, nr. 2955.",
            true
        ),
        Vec::<String>::new()
    );
    // A note that cites two documents: which one is quoted is unknown.
    assert_eq!(
        quote_findings_of(
            "Het kabinet wil de grenzen van Nederland volledig sluiten voor iedereen.",
            "Kamerstukken II 2020/21, 22 112, nr. 2955; zie ook Kamerstuk 19 637, nr. 2375.",
            true
        ),
        Vec::<String>::new()
    );
    // The cited document is not in the workspace: nothing can be said.
    assert_eq!(
        quote_findings_of(
            "Het kabinet wil de grenzen van Nederland volledig sluiten voor iedereen.",
            fiche,
            false
        ),
        Vec::<String>::new()
    );
}

#[test]
fn the_seed_quotes_the_fiche_faithfully() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap();
    let mut ws = Workspace::new();
    ws.update_text("kst-22112-2955.txt", FICHE);
    ws.update_text("seed.txt", &seed);
    let d = Dossier::analyze(&seed);
    let found: Vec<String> = workspace_lints("seed.txt", &d, &seed, &ws)
        .into_iter()
        .map(|x| x.code.to_string())
        .filter(|c| c.starts_with("quote-"))
        .collect();
    assert_eq!(found, Vec::<String>::new());
    // With the fiche's pages one off, every pinned quotation is on
    // another page.
    let shifted = (11..=17).rev().fold(FICHE.to_string(), |f, n| {
        f.replace(&format!("2955 {n}\n"), &format!("2955 {}\n", n + 1))
    });
    ws.update_text("kst-22112-2955.txt", &shifted);
    let found: Vec<String> = workspace_lints("seed.txt", &d, &seed, &ws)
        .into_iter()
        .map(|x| x.code.to_string())
        .filter(|c| c.starts_with("quote-"))
        .collect();
    assert_eq!(found, ["quote-page-mismatch"; 5]);
}

#[test]
fn an_answer_quoting_the_committees_letter_in_the_same_file() {
    let text = |quote: &str| {
        format!(
            "BRIEF VAN DE VOORZITTER VAN DE COMMISSIE\n\nDe leden vragen of de regering de termijn van zes weken voor de beoordeling wil verlengen tot acht weken. Kunt u dat toezeggen?\n\nTweede Kamer, vergaderjaar 2020–2021, 35 612, nr. 4 1\n\nBRIEF VAN DE STAATSSECRETARIS\n\nU vraagt «{quote}»1 Dat zeg ik toe.\n\n1 Kamerstukken II 2020/21, 35 612, nr. 4, blz. 1.\n\nTweede Kamer, vergaderjaar 2020–2021, 35 612, nr. 4 2\n"
        )
    };
    let findings = |t: &str| -> Vec<String> {
        let d = Dossier::analyze(t);
        assert_eq!(
            d.identity.as_ref().map(|i| i.id.as_str()),
            Some("kst-35612-4")
        );
        lint(&d, t)
            .into_iter()
            .filter(|x| x.code.starts_with("quote-"))
            .map(|x| format!("{}: {}", x.code, x.message.render(Lang::En)))
            .collect()
    };
    assert_eq!(
        findings(&text(
            "of de regering de termijn van zes weken voor de beoordeling wil verlengen"
        )),
        Vec::<String>::new()
    );
    // The quotation itself is not its source.
    assert_eq!(
        findings(&text("of de regering de termijn van tien weken voor de beoordeling wil verlengen")),
        ["quote-altered: the quotation «of de regering de termijn van …» differs from Kamerstukken II 2020/21, 35 612, nr. 4, page 1: `zes` is quoted as `tien`"]
    );
}

/// Every lint has its description in both catalogs, and the catalogs
/// describe no lint the registry does not have.
#[test]
fn every_lint_is_described_in_both_languages() {
    for lint in LINTS {
        for lang in Lang::ALL {
            let described = lint.description().render_checked(lang);
            assert!(
                described.is_ok(),
                "{} in {lang:?}: {described:?}",
                lint.code
            );
        }
    }
    for catalog in [
        include_str!("../i18n/en.ftl"),
        include_str!("../i18n/nl.ftl"),
    ] {
        for line in catalog.lines() {
            if let Some(code) = line
                .strip_prefix("lint-doc-")
                .and_then(|l| l.split(" =").next())
            {
                assert!(
                    Lint::named(code).is_some(),
                    "lint-doc-{code} describes no lint"
                );
            }
        }
    }
    assert_eq!(
        PLACEHOLDER_SOURCE.description().render(Lang::Nl),
        "`PM BRON`, `[bron]`, `xxx`, … in plaats van een bron"
    );
}
