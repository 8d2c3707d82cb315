use super::*;

fn diagnostics(text: &str) -> Vec<(&'static str, Severity, String, String)> {
    let d = Dossier::analyze(text);
    lint(&d, text)
        .into_iter()
        .map(|x| {
            (
                x.code,
                x.severity,
                text[x.span.clone()].to_string(),
                x.message,
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
