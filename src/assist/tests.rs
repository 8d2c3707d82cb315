use super::*;
use crate::Dossier;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap()
}

#[test]
fn renumbering_closes_a_gap_in_markers_and_definitions_together() {
    let text = "Eerst1 dan2 en4.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n4 Kamerstuk 19 637, nr. 2377.\n";
    let d = Dossier::analyze(text);
    assert!(!numbering_is_sequential(&d));
    let fixed = apply(text, &renumber_footnotes(&d));
    assert_eq!(
        fixed,
        "Eerst1 dan2 en3.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n3 Kamerstuk 19 637, nr. 2377.\n"
    );
    let again = Dossier::analyze(&fixed);
    assert!(numbering_is_sequential(&again));
    assert!(renumber_footnotes(&again).is_empty());
}

#[test]
fn renumbering_pairs_duplicates_in_turn() {
    let text = "Een1 twee2 drie2 vier3.\n1 Kamerstuk 1 111, nr. 1.\n2 Kamerstuk 2 222, nr. 2.\n2 Kamerstuk 3 333, nr. 3.\n3 Kamerstuk 4 444, nr. 4.\n";
    let d = Dossier::analyze(text);
    assert_eq!(
        d.footnotes.len(),
        4,
        "{:?}",
        d.footnotes.iter().map(|f| f.number).collect::<Vec<_>>()
    );
    let fixed = apply(text, &renumber_footnotes(&d));
    assert_eq!(
        fixed,
        "Een1 twee2 drie3 vier4.\n1 Kamerstuk 1 111, nr. 1.\n2 Kamerstuk 2 222, nr. 2.\n3 Kamerstuk 3 333, nr. 3.\n4 Kamerstuk 4 444, nr. 4.\n"
    );
}

#[test]
fn the_seed_is_numbered_in_sequence() {
    let d = Dossier::analyze(&seed());
    assert!(numbering_is_sequential(&d));
    assert!(renumber_footnotes(&d).is_empty());
}

#[test]
fn rename_a_footnote_number() {
    let text = seed();
    let d = Dossier::analyze(&text);
    assert!(
        rename_footnote(&d, NoteConvention::Plain, 7, 8).is_none(),
        "8 is taken"
    );
    let edits = rename_footnote(&d, NoteConvention::Plain, 7, 70).unwrap();
    assert_eq!(edits.len(), 2);
    let renamed = apply(&text, &edits);
    assert!(renamed.contains("is.»70 Kunt u nader"));
    assert!(renamed.contains("\n70 Idem, blz. 12."));
}

#[test]
fn expand_the_seed_short_forms() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let fn7 = d.footnotes.iter().position(|f| f.number == 7).unwrap();
    let fn8 = d.footnotes.iter().position(|f| f.number == 8).unwrap();
    let out = apply(
        &text,
        &[
            expand_short_form(&d, fn7).unwrap(),
            expand_short_form(&d, fn8).unwrap(),
        ],
    );
    assert!(
        out.contains("\n7 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.\n"),
        "{}",
        &out[4000..5200]
    );
    assert!(out.contains("\n8 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.\n"));
    assert!(expand_short_form(&d, 0).is_none());
}

#[test]
fn a_definition_stub_goes_to_the_end_of_the_pages_footnote_block() {
    let text = "Eerste1 en tweede2.\n1 Kamerstuk 19 637, nr. 2375.\nEerste Kamer, vergaderjaar 2020–2021, 35 612, D 1\nVolgende pagina3.\n";
    let d = Dossier::analyze(text);
    let m2 = d.markers.iter().position(|m| m.number == 2).unwrap();
    let out = apply(text, &[definition_stub(&d, text, m2).unwrap()]);
    assert_eq!(out, "Eerste1 en tweede2.\n1 Kamerstuk 19 637, nr. 2375.\n2 \nEerste Kamer, vergaderjaar 2020–2021, 35 612, D 1\nVolgende pagina3.\n");
}

#[test]
fn placeholder_candidates_are_the_dossiers_own_sources() {
    let d = Dossier::analyze(&seed());
    let c = source_candidates(&d);
    assert_eq!(
        c,
        [
            "COM(2020) 609",
            "Kamerstukken II 2020/21, 22 112, nr. 2955",
            "Bijlage bij Kamerstuk 34 700, nr. 34",
            "Kamerstuk 19 637, nr. 2375",
            "Bijlage bij Kamerstuk 21 501-20, AH",
            "Kamerstuk 22 112, nr. 2956",
        ]
    );
}

#[test]
fn inlay_hints_after_short_forms_and_markers() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let hints: Vec<String> = short_form_hints(&d).into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        hints,
        [
            "→ Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12",
            "→ Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12",
            "→ Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 17",
        ]
    );
    let (at, label) = &marker_hints(&d, 3)[0];
    assert_eq!(
        &text[..*at].chars().rev().take(5).collect::<String>(),
        "2daaR"
    );
    assert_eq!(label, "Samenstelling: Kox (SP), …");
}

#[test]
fn semantic_tokens_on_the_seed() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let tokens = semantic_tokens(&d, &text);
    for w in tokens.windows(2) {
        assert!(w[0].0.end <= w[1].0.start, "overlap: {:?}", w);
    }
    let of = |kind: TokenKind| -> Vec<&str> {
        tokens
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(s, _)| &text[s.clone()])
            .collect()
    };
    assert_eq!(of(TokenKind::FootnoteMarker).len(), 14);
    assert_eq!(of(TokenKind::FootnoteNumber).len(), 15);
    assert_eq!(of(TokenKind::Placeholder), ["PM BRON"]);
    assert_eq!(
        of(TokenKind::ShortForm),
        ["Idem, blz. 12", "Ibidem", "Idem, blz. 17"]
    );
    assert_eq!(
        of(TokenKind::AnswerHeading),
        ["Antwoord", "Antwoord", "Antwoord", "Antwoord"]
    );
    assert_eq!(of(TokenKind::QuestionHeading), ["1.", "2.", "3.", "4."]);
    assert_eq!(
        of(TokenKind::Footer),
        ["Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6"]
    );
    assert!(of(TokenKind::Citation).contains(&"Kamerstuk 22 112 nr. 2956"));
}

#[test]
fn completion_of_note_numbers_question_numbers_and_documents() {
    let mut text = seed();
    text.push_str("\nzie noot 1");
    let d = Dossier::analyze(&text);
    let c = completions(&d, &text, text.len(), None);
    let labels: Vec<&str> = c.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["1", "10", "11", "12", "13", "14", "15"]);
    assert_eq!(&text[c[0].replace.clone()], "1");

    let text = "Vraag 1\nKent u het?\nAntwoord 1\nJa.\nVraag 2\nEn dit?\nAntwoord 2\nNee.\nVraag ";
    let d = Dossier::analyze(text);
    let c = completions(&d, text, text.len(), None);
    assert_eq!(
        c.iter().map(|c| c.insert.as_str()).collect::<Vec<_>>(),
        ["3"]
    );

    // The seed writes `2020–2021`; a document in the workspace is offered too.
    let mut text = seed();
    text.push_str("\nZie ook Kamerstukken II, ");
    let d = Dossier::analyze(&text);
    let mut ws = crate::workspace::Workspace::new();
    ws.update_text(
        "/ws/kst-36410-XVI-160.txt",
        "Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 160 1\n",
    );
    let c = completions(&d, &text, text.len(), Some(&ws));
    let inserts: Vec<&str> = c.iter().map(|c| c.insert.as_str()).collect();
    assert!(
        inserts.contains(&"2020–2021, 22 112, nr. 2955"),
        "{inserts:?}"
    );
    // `Kamerstuk 34 700, nr. 34` gives no year to write.
    assert!(!inserts.iter().any(|i| i.contains("34 700")), "{inserts:?}");
    assert!(inserts.iter().any(|i| i.contains("36 410")), "{inserts:?}");
    text.push_str("\nKamerstuk ");
    let d = Dossier::analyze(&text);
    let c = completions(&d, &text, text.len(), None);
    assert!(
        c.iter().any(|c| c.insert == "19 637, nr. 2375"),
        "{:?}",
        c.iter().map(|c| &c.insert).collect::<Vec<_>>()
    );
}

/// Of fixes whose edits overlap, the first is taken and the other waits;
/// two insertions at one place overlap, edits end to end do not.
#[test]
fn fixes_that_overlap_wait_for_the_next_round() {
    let fix = |code, spans: &[(usize, usize)]| Fix {
        code,
        at: 0..0,
        edits: spans
            .iter()
            .map(|&(start, end)| Edit {
                span: start..end,
                text: String::new(),
            })
            .collect(),
    };
    let taken = non_overlapping(vec![
        fix("a", &[(2, 5), (9, 9)]),
        fix("b", &[(4, 6)]),
        fix("c", &[(5, 7)]),
        fix("d", &[(9, 9)]),
        fix("e", &[(0, 2), (12, 14)]),
        fix("f", &[(8, 10)]),
    ]);
    let codes: Vec<&str> = taken.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["a", "c", "e"]);
}

/// The safe fixes of the seed: its one slip, and no renumbering.
#[test]
fn the_seeds_safe_fix_is_its_slip() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let fixes = safe_fixes(&d, &text);
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    assert_eq!(fixes[0].code, SLIP_CODE);
    let fixed = apply(&text, &fixes[0].edits);
    assert!(fixed.contains("\n15 Kamerstuk 22 112, nr. 2956.\n"));
}

/// Notes that no marker finds are read with doubt: the server offers to
/// renumber them, but that is no safe fix.
#[test]
fn notes_read_with_doubt_are_not_renumbered_unasked() {
    let text = "Een tekst zonder verwijzingen.\n1 Kamerstuk 19 637, nr. 2375.\n3 Kamerstuk 19 637, nr. 2376.\n4 Kamerstuk 19 637, nr. 2377.\n";
    let d = Dossier::analyze(text);
    assert_eq!(d.footnotes.len(), 3);
    assert!(d.notes_in_doubt(d.footnotes[0].convention));
    assert!(!renumber_footnotes(&d).is_empty());
    assert_eq!(safe_fixes(&d, text), []);
    // Markers that find their notes: no doubt, and the renumbering is safe.
    let text = text.replace("zonder verwijzingen", "met1 drie3 vier4");
    let d = Dossier::analyze(&text);
    let fixes = safe_fixes(&d, &text);
    assert_eq!(fixes.len(), 1, "{fixes:?}");
    assert_eq!(fixes[0].code, RENUMBER_CODE);
    assert_eq!(fixes[0].edits, renumber_footnotes(&d));
}
