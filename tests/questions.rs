//! Questions and answers on real Kamervragen (Aanhangsel) documents and the
//! seed: every question found, each paired with its answer, merged numbers,
//! answers that run over a footnote block, a footer and the colophon.

use std::path::Path;

use dossier_lsp::dossier::QuestionKind;
use dossier_lsp::{lints, Dossier};

fn read(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(rel),
    )
    .unwrap()
}

fn n(v: &[u32]) -> Vec<u32> {
    v.to_vec()
}

fn singles(k: u32) -> Vec<Vec<u32>> {
    (1..=k).map(|i| vec![i]).collect()
}

#[test]
fn every_vraag_in_ten_aanhangsel_documents_has_its_antwoord() {
    let cases: Vec<(&str, Vec<Vec<u32>>)> = vec![
        ("learninglion/ah-tk-20232024-1076.txt", singles(5)),
        ("learninglion/ah-tk-20232024-1178.txt", singles(9)),
        ("learninglion/ah-tk-20232024-1292.txt", singles(10)),
        (
            "learninglion/ah-tk-20232024-1314.txt",
            vec![n(&[1]), n(&[2]), n(&[3, 4, 5]), n(&[6])],
        ),
        ("learninglion/ah-tk-20232024-1786.txt", {
            let mut v = singles(9);
            v.push(n(&[10, 11]));
            v.extend((12..=15).map(|i| vec![i]));
            v
        }),
        (
            "learninglion/ah-tk-20232024-1949.txt",
            vec![n(&[1]), n(&[2, 3]), n(&[4]), n(&[5])],
        ),
        ("learninglion/ah-tk-20232024-1984.txt", {
            let mut v = singles(8);
            v.push(n(&[9, 10]));
            v.push(n(&[11]));
            v
        }),
        ("learninglion/ah-tk-20232024-2271.txt", singles(12)),
        (
            "learninglion/ah-tk-20232024-2367.txt",
            vec![
                n(&[1]),
                n(&[2]),
                n(&[3, 4, 5, 6]),
                n(&[7, 8, 9, 10, 11]),
                n(&[12]),
            ],
        ),
        ("learninglion-tests/ah-tk-20222023-3649.txt", singles(14)),
        (
            "learninglion-pdftotext/ah-tk-20232024-2271.txt",
            singles(12),
        ),
    ];
    for (rel, expected) in cases {
        let text = read(rel);
        let d = Dossier::analyze(&text);
        let got: Vec<Vec<u32>> = d.questions.iter().map(|q| q.numbers.clone()).collect();
        assert_eq!(got, expected, "{rel}");
        for q in &d.questions {
            assert_eq!(q.kind, QuestionKind::Vraag, "{rel}");
            let a = &d.answers[q
                .answer
                .unwrap_or_else(|| panic!("{rel}: {:?} unanswered", q.numbers))];
            assert_eq!(a.numbers, q.numbers, "{rel}");
            assert!(
                text[a.heading_span.clone()].starts_with("Antwoord"),
                "{rel}"
            );
        }
        let diags = lints::lint(&d, &text);
        assert!(
            !diags
                .iter()
                .any(|x| x.code == "unanswered-question" || x.code == "answer-without-question"),
            "{rel}: {diags:?}"
        );
    }
}

#[test]
fn one_answer_for_two_questions() {
    let d = Dossier::analyze(&read("learninglion/ah-tk-20232024-1481.txt"));
    let q5 = d.questions.iter().find(|q| q.numbers == [5]).unwrap();
    let q6 = d.questions.iter().find(|q| q.numbers == [6]).unwrap();
    assert_eq!(q5.answer, q6.answer);
    assert_eq!(d.answers[q5.answer.unwrap()].numbers, [5, 6]);
}

#[test]
fn an_answer_runs_on_over_footnotes_footer_and_colophon() {
    let text = read("learninglion/ah-tk-20232024-2271.txt");
    let d = Dossier::analyze(&text);
    let a2 = d.answers.iter().find(|a| a.numbers == [2]).unwrap();
    let a2_text = d.running_text(&a2.text_span);
    assert!(a2_text.starts_with("In 2020 is op initiatief van partijen in het veld gestart"));
    assert!(a2_text
        .contains("samen met ouders en jongeren om de zorg rondom eetstoornissen voor jongeren"));
    assert!(
        a2_text.contains("K-EET heeft daarnaast actief geïnvesteerd in voorlichting"),
        "{}",
        a2_text
    );
    for absent in [
        "ISSN",
        "anorexiazorg",
        "Tweede Kamer, vergaderjaar",
        "ah-tk-",
    ] {
        assert!(!a2_text.contains(absent), "{absent} in {}", a2_text);
    }
    // The glued footer piece `Aanhangsel 1Antwoord 3` opens answer 3.
    let text = read("learninglion-tests/ah-tk-20222023-3649.txt");
    let d = Dossier::analyze(&text);
    let a3 = d.answers.iter().find(|a| a.numbers == [3]).unwrap();
    assert_eq!(&text[a3.heading_span.clone()], "Antwoord 3");
    assert!(d
        .running_text(&a3.text_span)
        .starts_with("Binnen het kader van de aanpak piekbelasting"));
}

#[test]
fn a_notice_that_answering_is_postponed_gets_no_warnings() {
    let text = read("learninglion/ah-tk-20232024-1999.txt");
    let d = Dossier::analyze(&text);
    assert_eq!(d.questions.len(), 3);
    assert!(d.answers.is_empty());
    assert!(!lints::lint(&d, &text)
        .iter()
        .any(|x| x.code.contains("question") || x.code.contains("answer")));
}

#[test]
fn a_markdown_conversion_that_lost_vraag_2_flags_its_answer() {
    let text = read("learninglion-tests/ah-tk-20232024-302.md.txt");
    let d = Dossier::analyze(&text);
    let diags = lints::lint(&d, &text);
    let flagged: Vec<&str> = diags
        .iter()
        .filter(|x| x.code == "answer-without-question")
        .map(|x| &text[x.span.clone()])
        .collect();
    assert_eq!(flagged, ["Antwoord 2"]);
}

#[test]
fn a_split_workspace_pairs_the_committee_letter_with_the_answering_letter() {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_0dbf1fc7ba84b8b6.txt"),
    )
    .unwrap();
    let cut = seed.find(" BRIEF VAN DE STAATSSECRETARIS").unwrap();
    let (questions, answers) = seed.split_at(cut);
    let mut ws = dossier_lsp::workspace::Workspace::new();
    ws.update_text("vragen.txt", questions);
    ws.update_text("antwoorden.txt", answers);
    let d = Dossier::analyze(questions);
    let paragraphs: Vec<_> = d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph)
        .collect();
    assert_eq!(paragraphs.len(), 5);
    let taken: Vec<Vec<u32>> = paragraphs
        .iter()
        .map(|q| {
            ws.taken_up_elsewhere("vragen.txt", &d.running_text(&q.text_span))
                .expect("taken up")
                .numbers
        })
        .collect();
    assert_eq!(taken, [n(&[1]), n(&[2]), n(&[3]), n(&[3]), n(&[4])]);
    // With the answers in the workspace, no question is left untaken.
    let diags = lints::workspace_lints("vragen.txt", &d, questions, &ws);
    assert!(
        !diags.iter().any(|x| x.code == "question-not-taken-up"),
        "{diags:?}"
    );
    // Take question 2 and its answer out of the answering letter: its
    // paragraph in the committee's letter is flagged.
    let from = answers.find("\n2. \n").unwrap();
    let to = answers.find("\n3. \n").unwrap();
    let without_2 = format!("{}{}", &answers[..from], &answers[to..]);
    ws.update_text("antwoorden.txt", &without_2);
    let diags = lints::workspace_lints("vragen.txt", &d, questions, &ws);
    let flagged: Vec<&str> = diags
        .iter()
        .filter(|x| x.code == "question-not-taken-up")
        .map(|x| questions[x.span.clone()].trim())
        .collect();
    assert_eq!(
        flagged,
        ["Vervolgens lezen deze leden het volgende: «Wel had het kabinet graag"],
        "{diags:?}"
    );
}

/// `Antwoord op vragen 7, 8, en 9` (a serial comma before `en`, as Word
/// answers write it) is one answer to three questions.
#[test]
fn a_serial_comma_joins_three_questions_to_one_answer() {
    let text = "\
Vraag 6
Bent u bekend met het bericht?

Antwoord 6
Ja.

Vraag 7
Hoeveel meldingen zijn er in 2023 gedaan?

Vraag 8
Hoeveel daarvan zijn afgehandeld?

Vraag 9
Wat is de gemiddelde doorlooptijd?

Antwoord op vragen 7, 8, en 9
In 2023 zijn 412 meldingen gedaan, waarvan 380 zijn afgehandeld, gemiddeld
binnen zes weken.
";
    let d = Dossier::analyze(text);
    let line = |at: usize| text[..at].matches('\n').count() + 1;
    let a = d
        .answers
        .iter()
        .position(|a| a.numbers == [7, 8, 9])
        .expect("one answer numbered 7, 8 and 9");
    assert_eq!(line(d.answers[a].heading_span.start), 16);
    let pairs: Vec<(Vec<u32>, usize, Option<usize>)> = d
        .questions
        .iter()
        .map(|q| {
            (
                q.numbers.clone(),
                line(q.heading_span.clone().unwrap().start),
                q.answer.map(|a| line(d.answers[a].heading_span.start)),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (vec![6], 1, Some(4)),
            (vec![7], 7, Some(16)),
            (vec![8], 10, Some(16)),
            (vec![9], 13, Some(16)),
        ]
    );
    assert_eq!(d.answers[a].questions.len(), 3);
    assert!(lints::lint(&d, text)
        .iter()
        .all(|x| x.code != "answer-without-question" && x.code != "unanswered-question"));
}

/// A number that a wrapped sentence runs on into (`… op stuk nr.` / `470.`,
/// `… op een bizarre plaats` / `105.`) ends that sentence: it is no numbered
/// question, and no `unanswered-question` is reported for it.
#[test]
fn a_number_a_sentence_runs_on_into_is_no_numbered_question() {
    let text = "\
1.
Hoe staat het met die activatietool?

Antwoord
De minister gaat meteen over tot haar oordeel over de motie op stuk nr.
470.

2.
Kent u het rapport van de Wereldbank?

Antwoord
Daarin bungelt Nederland op het punt van krediet op een bizarre plaats
105.

3.
Welke maatregelen neemt u?

Antwoord
Zie het antwoord op vraag 2.
";
    let d = Dossier::analyze(text);
    let numbered: Vec<Vec<u32>> = d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Numbered)
        .map(|q| q.numbers.clone())
        .collect();
    assert_eq!(numbered, singles(3));
    assert!(d.questions.iter().all(|q| q.answer.is_some()));
    let codes: Vec<&str> = lints::lint(&d, text).iter().map(|f| f.code).collect();
    assert!(!codes.contains(&"unanswered-question"), "{codes:?}");
}
