//! Questions and answers in a nota naar aanleiding van het verslag and a
//! memorie van antwoord: the committee's question paragraphs numbered in
//! the margin (`1`, `3, 4 en 5`, `Vraag 7` on a line of their own), each
//! answered under `Antwoord` or by the government's text straight after.
//! The fixtures (tests/fixtures/nota, see PROVENANCE.md there) are written
//! in the form of the real documents: a PDF extraction in the Tweede
//! Kamer's layout (no blank lines, a footnote, a page break inside an
//! answer) and a web extraction of an Eerste Kamer memorie van antwoord
//! (a paragraph a line, blank lines between).

mod common;

use std::path::Path;

use common::*;
use dossier_lsp::dossier::QuestionKind;
use dossier_lsp::{lints, Dossier};

fn read(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/nota")
            .join(name),
    )
    .unwrap()
}

/// The 1-based line of a byte offset.
fn line(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Each question as (numbers, its line, the line its answer starts on).
fn pairs(text: &str, d: &Dossier) -> Vec<(Vec<u32>, usize, Option<usize>)> {
    d.questions
        .iter()
        .map(|q| {
            let at = q.heading_span.as_ref().unwrap_or(&q.span).start;
            let answer = q
                .answer
                .map(|a| line(text, d.answers[a].heading_span.start));
            (q.numbers.clone(), line(text, at), answer)
        })
        .collect()
}

fn question_lints(d: &Dossier, text: &str) -> Vec<String> {
    lints::lint(d, text)
        .into_iter()
        .filter(|x| x.code.contains("question") || x.code.contains("answer"))
        .map(|x| {
            format!(
                "{} {}",
                x.code,
                x.message.render(dossier_lsp::i18n::Lang::En)
            )
        })
        .collect()
}

#[test]
fn a_nota_in_the_tweede_kamer_layout_pairs_each_margin_number_with_its_answer() {
    let text = read("kst-nota-pdf.txt");
    let d = Dossier::analyze(&text);
    assert_eq!(
        pairs(&text, &d),
        [
            // `Zij vragen …`, answered by `De regering kiest …`.
            (vec![1], 14, Some(19)),
            // Under `Antwoord`.
            (vec![2], 23, Some(27)),
            // One paragraph for three numbers; `De regering stelt …` at a
            // line's start inside it is the committee quoting.
            (vec![3, 4, 5], 30, Some(37)),
            // `Ik verwijs …`, on over the page break.
            (vec![6], 43, Some(46)),
            // `Vraag 7` and `Antwoord 7`.
            (vec![7], 52, Some(55)),
        ]
    );
    let kinds: Vec<QuestionKind> = d.questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds[..4], [QuestionKind::Numbered; 4]);
    assert_eq!(kinds[4], QuestionKind::Vraag);
    for (qi, q) in d.questions.iter().enumerate() {
        let a = &d.answers[q.answer.unwrap()];
        assert_eq!(a.questions, [qi]);
        assert_eq!(a.numbers, q.numbers);
    }
    // The question is the committee's paragraph, the answer the
    // government's text up to the next margin number or heading.
    let q345 = d.running_text(&d.questions[2].text_span);
    assert!(
        q345.starts_with("De leden van de CDA-fractie hebben enkele vragen over de samenstelling")
    );
    assert!(q345.ends_with("Kan de regering toelichten hoe lang een benoeming duurt?"));
    let a345 = d.running_text(&d.answers[2].text_span);
    assert!(a345.starts_with("Het kabinet borgt de onafhankelijkheid"));
    assert!(a345.ends_with("op het terrein van regeldruk en wetgevingskwaliteit."));
    let a6 = d.running_text(&d.answers[3].text_span);
    assert!(
        a6.ends_with("Voor 2024 is een bedrag van € 2,1 miljoen geraamd."),
        "{a6}"
    );
    assert!(!a6.contains("Tweede Kamer") && !a6.contains("Kamerstukken"));
    assert!(
        question_lints(&d, &text).is_empty(),
        "{:?}",
        question_lints(&d, &text)
    );
}

#[test]
fn margin_numbers_are_neither_notes_nor_markers() {
    for name in ["kst-nota-pdf.txt", "ek-mva-html.txt"] {
        let text = read(name);
        let d = Dossier::analyze(&text);
        let margins: Vec<usize> = d
            .questions
            .iter()
            .map(|q| line(&text, q.heading_span.as_ref().unwrap().start))
            .collect();
        assert!(!margins.is_empty());
        for m in &d.markers {
            assert!(
                !margins.contains(&line(&text, m.span.start)),
                "{name}: {m:?}"
            );
        }
        for f in &d.footnotes {
            assert!(
                !margins.contains(&line(&text, f.span.start)),
                "{name}: {f:?}"
            );
        }
    }
    // The one note of the PDF extraction is referenced from the running
    // text, not from a margin number.
    let text = read("kst-nota-pdf.txt");
    let d = Dossier::analyze(&text);
    assert_eq!(d.footnotes.len(), 1);
    assert!(d.markers.iter().any(|m| line(&text, m.span.start) == 22));
}

#[test]
fn a_memorie_van_antwoord_with_a_paragraph_a_line() {
    let text = read("ek-mva-html.txt");
    let d = Dossier::analyze(&text);
    assert_eq!(
        pairs(&text, &d),
        [
            // Two paragraphs of the committee's; the answer names the
            // members but does not start as the committee does.
            (vec![1], 11, Some(17)),
            // An answer that starts with neither `De regering` nor
            // `Antwoord`: the paragraph after the committee's.
            (vec![2, 3, 4], 19, Some(23)),
            // Margin 5 asks nothing (`lezen … dat`), and the paragraph
            // after margin 7 is the government's: neither is a question.
            // Margin 6 follows the headings `Artikelsgewijs`, `Artikel 2`.
            (vec![6], 41, Some(45)),
        ]
    );
    // An answer ends at the heading after it (`Overige vragen`).
    let a234 = d.running_text(&d.answers[1].text_span);
    assert!(a234.ends_with("op eigen kosten."), "{a234}");
    let a6 = d.running_text(&d.answers[2].text_span);
    assert!(a6.starts_with("Een vaste termijn past niet"));
    assert!(
        question_lints(&d, &text).is_empty(),
        "{:?}",
        question_lints(&d, &text)
    );
}

/// An older nota repeats no numbers: the government sums up what the
/// members asked and answers in its own paragraphs. Nothing is paired, and
/// nothing is flagged.
#[test]
fn a_nota_without_margin_numbers_has_no_questions_and_no_warnings() {
    let text = "\
Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG
Ontvangen 4 oktober 2023

1. Inleiding

De leden van de VVD-fractie vragen waarom gekozen is voor een wet. De
regering kiest voor een wet omdat het college daarmee een blijvende taak
krijgt.

2. Kosten

De leden van de SP-fractie vragen naar de kosten. Die staan in de
begroting.

Antwoord

Zie hierboven.
";
    let d = Dossier::analyze(text);
    assert!(d.questions.is_empty(), "{:?}", d.questions);
    assert!(
        question_lints(&d, text).is_empty(),
        "{:?}",
        question_lints(&d, text)
    );
}

/// Numbers on their own lines outside a nota (a list, a table's column) are
/// not read as margin numbers.
#[test]
fn bare_numbers_outside_a_nota_are_no_questions() {
    let text = "\
Nr. 5 VERSLAG

1

De leden van de VVD-fractie vragen de regering waarom gekozen is voor een
wet.

De regering kiest voor een wet.
";
    let d = Dossier::analyze(text);
    assert!(d.questions.is_empty(), "{:?}", d.questions);
}

/// A nota naar aanleiding van het nader verslag may number on from the
/// verslag: its first margin number is any, the next ones follow it.
#[test]
fn a_nader_verslag_numbers_on() {
    let text = "\
NOTA NAAR AANLEIDING VAN HET NADER VERSLAG

45

De leden van de CDA-fractie vragen de regering of het college ook provincies adviseert.

Het college adviseert de regering en de Staten-Generaal, niet de provincies.

46

De leden van de SP-fractie vragen hoe vaak het college in 2023 ongevraagd heeft geadviseerd?

Antwoord

Vijf keer.

3

Het kabinet verwacht de wet in 2025 in werking te laten treden.
";
    let d = Dossier::analyze(text);
    assert_eq!(
        pairs(text, &d),
        [(vec![45], 3, Some(7)), (vec![46], 9, Some(13))]
    );
    assert!(question_lints(&d, text).is_empty());
}

/// Through the server: hover on a margin number shows the answer, and
/// definition goes from it to the answer's first line.
#[test]
fn hover_and_definition_on_a_margin_number() {
    let text = read("kst-nota-pdf.txt");
    let uri = "file:///dossier/nota.txt";
    let mut s = Enc::Utf8.server();
    s.conn.open(uri, "text", &text);
    let margin = offset_of(&text, "3, 4 en 5", 0, 0);
    let hover = s.conn.call(
        "textDocument/hover",
        text_position(uri, pos(&text, margin, Enc::Utf8)),
    );
    let shown = hover["contents"]["value"].as_str().expect("a hover");
    assert!(
        shown.contains("Het kabinet borgt de onafhankelijkheid"),
        "{shown}"
    );
    let result = s.conn.call(
        "textDocument/definition",
        text_position(uri, pos(&text, margin, Enc::Utf8)),
    );
    let location = if result.is_array() {
        result[0].clone()
    } else {
        result
    };
    assert_eq!(
        location["range"]["start"]["line"],
        line_starting(&text, "Het kabinet borgt"),
        "{location}"
    );
}

/// Questions the government answers together: a question whose margin
/// number is followed by the committee's words only waits for the next
/// one's answer; an answer numbered otherwise does not take it.
#[test]
fn questions_answered_together() {
    let text = "\
NOTA NAAR AANLEIDING VAN HET VERSLAG

8

De leden van de VVD-fractie vragen hoeveel adviezen het college in 2023 heeft uitgebracht?

9

De leden van de CDA-fractie vragen hoeveel daarvan zijn opgevolgd.

De regering beantwoordt de vragen 8 en 9 samen. In 2023 bracht het college 41 adviezen uit, waarvan 30 zijn opgevolgd.

10

De leden van de SP-fractie vragen naar de kosten.

11

De leden van de SP-fractie vragen voorts naar de bezetting.

Antwoord 11

Het college heeft 12 leden van staf.

2. Overig

12

Deze leden vragen of het college ook de Eerste Kamer adviseert?
";
    let d = Dossier::analyze(text);
    assert_eq!(
        pairs(text, &d),
        [
            (vec![8], 3, Some(11)),
            (vec![9], 7, Some(11)),
            // `Antwoord 11` answers 11, not 10: 10 is left out.
            (vec![11], 17, Some(21)),
        ]
    );
    assert_eq!(d.answers[0].numbers, [8, 9]);
    assert_eq!(d.answers[0].questions, [0, 1]);
    assert!(question_lints(&d, text).is_empty());
}

/// A page number an extraction left inside a sentence is no margin number:
/// a margin number stands after a sentence's end and before a capital.
#[test]
fn a_page_number_inside_a_sentence_is_no_margin_number() {
    let text = "\
NOTA NAAR AANLEIDING VAN HET VERSLAG
1
De leden van de VVD-fractie vragen de regering waarom gekozen is voor een
2
wettelijke basis van het adviescollege?
De regering kiest voor een wettelijke basis.
2
De leden van de D66-fractie vragen hoe vaak het college ongevraagd adviseerde?
Vijf keer per jaar, gemiddeld.
";
    let d = Dossier::analyze(text);
    assert_eq!(
        pairs(text, &d),
        [(vec![1], 2, Some(6)), (vec![2], 7, Some(9))]
    );
    assert!(question_lints(&d, text).is_empty());
}

/// Real notas and a memorie van antwoord (tests/fixtures/nota/sgd) answer
/// in the government's own sentences, with no margin numbers; one points
/// to a question of the verslag by its number (`In antwoord op vraag 74`).
/// They are read as having no questions, answers or notes, and `check`
/// finds nothing in them to warn about.
#[test]
fn real_notas_without_margin_numbers_are_read_without_findings() {
    for name in [
        "kst-18137-7.txt",
        "kst-14628-19c.txt",
        "kst-16100-5.txt",
        "kst-17309-5.txt",
    ] {
        let text = read(&format!("sgd/{name}"));
        let d = Dossier::analyze(&text);
        assert!(d.questions.is_empty(), "{name}: {:?}", d.questions);
        assert!(d.answers.is_empty(), "{name}: {:?}", d.answers);
        assert!(d.footnotes.is_empty(), "{name}: {:?}", d.footnotes);
        assert!(d.markers.is_empty(), "{name}: {:?}", d.markers);
        let findings: Vec<String> = lints::lint(&d, &text)
            .into_iter()
            .map(|x| x.code.to_string())
            .collect();
        assert!(findings.is_empty(), "{name}: {findings:?}");
    }
    // The case the loop covers: an answer to the verslag's question 74
    // is no answer without its question here.
    assert!(read("sgd/kst-17309-5.txt").contains("In antwoord op vraag 74 is"));
}
