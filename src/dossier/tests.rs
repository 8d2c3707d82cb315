use super::*;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap()
}

/// `(number, line, column)` of each marker, 1-based line and byte column.
fn marker_positions(text: &str, d: &Dossier) -> Vec<(u32, usize, usize)> {
    let idx = crate::text::LineIndex::new(text);
    d.markers
        .iter()
        .map(|m| {
            let line = idx.line_of(m.span.start);
            (
                m.number,
                line + 1,
                m.span.start - idx.line_start(line).unwrap(),
            )
        })
        .collect()
}

#[test]
fn seed_has_fifteen_definitions_and_fourteen_markers() {
    let text = seed();
    let d = Dossier::analyze(&text);
    assert_eq!(
        d.footnotes.iter().map(|f| f.number).collect::<Vec<_>>(),
        (1..=15).collect::<Vec<_>>()
    );
    let idx = crate::text::LineIndex::new(&text);
    let def_lines: Vec<usize> = d
        .footnotes
        .iter()
        .map(|f| idx.line_of(f.span.start) + 1)
        .collect();
    assert_eq!(
        def_lines,
        [19, 20, 28, 29, 85, 86, 87, 88, 89, 107, 177, 180, 181, 182, 242]
    );
    assert_eq!(
        marker_positions(&text, &d),
        [
            (2, 1, 66),
            (3, 4, 39),
            (4, 5, 9),
            (5, 39, 58),
            (6, 40, 34),
            (7, 49, 55),
            (8, 58, 27),
            (9, 77, 46),
            (10, 93, 60),
            (11, 138, 56),
            (12, 139, 15),
            (13, 140, 11),
            (14, 169, 43),
            (15, 185, 44),
        ]
    );
    for m in &d.markers {
        let f = &d.footnotes[m.footnote.unwrap()];
        assert_eq!(f.number, m.number);
        assert!(!m.spaced);
    }
}

#[test]
fn seed_definitions_span_their_lines() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let f2 = d.footnote(2).unwrap();
    assert!(f2.text.starts_with("Samenstelling: Kox (SP)"));
    assert!(f2.text.ends_with("Raven (OSF) en Karakus (PvdA)."));
    assert!(text[f2.span.clone()].contains("\n\n(SGP), Van Hattem"));
    let f11 = d.footnote(11).unwrap();
    assert_eq!(
        f11.text,
        "Regeerakkoord 2017 «Vertrouwen in de toekomst», 10 oktober 2017. Bijlage bij Kamerstuk 34 700, nr. 34."
    );
    assert_eq!(d.footnote(14).unwrap().text, "PM BRON");
    assert_eq!(d.footnote(15).unwrap().text, "Kamerstuk 22 112 nr. 2956.");
    assert_eq!(
        &text[d.footnote(7).unwrap().span.clone()],
        "7 Idem, blz. 12."
    );
}

#[test]
fn seed_identity_comes_from_its_footer() {
    let d = Dossier::analyze(&seed());
    let id = d.identity.unwrap();
    assert_eq!(id.id, "kst-35612-D");
    assert_eq!(id.display, "Kamerstukken I 2020/21, 35 612, D");
}

#[test]
fn seed_letters_and_numbered_questions() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let headings: Vec<&str> = d.letters.iter().map(|l| l.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR IMMIGRATIE EN ASIEL/JBZ-RAAD",
            "BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID",
        ]
    );
    let numbered: Vec<&Question> = d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Numbered)
        .collect();
    assert_eq!(
        numbered
            .iter()
            .map(|q| q.numbers.clone())
            .collect::<Vec<_>>(),
        [[1], [2], [3], [4]]
    );
    for q in &numbered {
        let a = &d.answers[q.answer.expect("every question is answered")];
        assert_eq!(a.question.map(|i| &d.questions[i]), Some(*q));
        assert!(text[a.heading_span.clone()].starts_with("Antwoord"));
    }
    // Question 3 covers both paragraphs of the letter.
    let q3 = &text[numbered[2].span.clone()];
    assert!(q3.contains("Het kabinet waardeert deze aanpak.»"));
    assert_eq!(numbered[2].related.len(), 2);
}

/// Which repeat (by its heading's offset) takes up each letter paragraph.
fn pairing(d: &Dossier) -> Vec<(usize, Option<usize>)> {
    d.questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph)
        .map(|q| {
            let repeat = q.related.first().map(|&r| &d.questions[r]);
            (q.span.start, repeat.map(|r| r.span.start))
        })
        .collect()
}

/// The numbers each letter paragraph takes from the repeat that takes it up.
fn paragraph_numbers(d: &Dossier) -> Vec<Vec<u32>> {
    d.questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph)
        .map(|q| q.numbers.clone())
        .collect()
}

#[test]
fn letter_paragraphs_pair_within_their_round() {
    // The seed twice over: each copy's paragraphs go to the repeats of the
    // same copy, not to the identical ones of the other.
    let text = seed();
    let twice = format!("{text}\n{text}");
    let d = Dossier::analyze(&twice);
    let numbers = paragraph_numbers(&d);
    let once = [vec![1], vec![2], vec![3], vec![3], vec![4]];
    assert_eq!(numbers, [once.clone(), once].concat());
    let copy = |offset: usize| offset > text.len();
    for (paragraph, repeat) in pairing(&d) {
        let repeat = repeat.expect("taken up");
        assert_eq!(copy(paragraph), copy(repeat), "{paragraph} → {repeat}");
        assert!(paragraph < repeat);
    }
}

#[test]
fn a_letter_answered_before_it_stands_is_still_paired() {
    // The answering letter first, the committee letter after it (as an
    // attachment would stand): no round has both, so the paragraphs are
    // compared with all repeats.
    let text = seed();
    let cut = text.find(" BRIEF VAN DE STAATSSECRETARIS").unwrap();
    let (questions, answers) = text.split_at(cut);
    let swapped = format!("{answers}\n{questions}");
    let d = Dossier::analyze(&swapped);
    let numbers = paragraph_numbers(&d);
    assert_eq!(numbers, [vec![1], vec![2], vec![3], vec![3], vec![4]]);
}

#[test]
fn seed_committee_letter_paragraphs_are_taken_up_by_the_numbered_repeats() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let idx = crate::text::LineIndex::new(&text);
    let paragraphs: Vec<(usize, Vec<u32>, usize)> = d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph)
        .map(|q| {
            (
                idx.line_of(q.span.start) + 1,
                q.numbers.clone(),
                idx.line_of(d.answers[q.answer.unwrap()].heading_span.start) + 1,
            )
        })
        .collect();
    assert_eq!(
        paragraphs,
        [
            (44, vec![1], 135),
            (54, vec![2], 167),
            (63, vec![3], 221),
            (71, vec![3], 221),
            (82, vec![4], 267)
        ]
    );
    // The fourth runs over a footnote block and a page break, markers left out.
    let q4 = d
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::LetterParagraph && q.numbers == [4])
        .unwrap();
    let q4_text = d.running_text(&q4.text_span);
    assert!(
        q4_text.contains("te vereenvoudigen, door middel van de vorming van een «Talentenpool»."),
        "{}",
        q4_text
    );
    assert!(
        q4_text.contains("van het kabinet.» Kunt u aangeven"),
        "{}",
        q4_text
    );
    assert!(text[q4.span.clone()].contains("\n8 Ibidem.\n"));
    let q1 = &d.questions[0];
    let q1_text = d.running_text(&q1.text_span);
    assert!(
        q1_text.contains("asiel- en migratiebeleid is.» Kunt u nader"),
        "{}",
        q1_text
    );
}

#[test]
fn aanhangsel_identity_comes_from_its_colophon() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/learninglion/ah-tk-20232024-2271.txt"
    ))
    .unwrap();
    let d = Dossier::analyze(&text);
    let id = d.identity.unwrap();
    assert_eq!(id.id, "ah-tk-20232024-2271");
    assert_eq!(id.display, "Aanhangsel Handelingen II 2023/24, nr. 2271");
}

#[test]
fn seed_short_forms_resolve_along_the_chain() {
    let d = Dossier::analyze(&seed());
    let resolved = |n: u32| match &d.footnote(n).unwrap().source {
        Source::Resolved { citation, via } => (
            citation.id.clone().unwrap(),
            citation.page.clone(),
            via.clone(),
            citation.canonical(),
        ),
        other => panic!("footnote {n}: {other:?}"),
    };
    assert_eq!(
        resolved(7),
        (
            "kst-22112-2955".into(),
            Some("12".into()),
            vec![6],
            "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12".into()
        )
    );
    assert_eq!(
        resolved(8),
        (
            "kst-22112-2955".into(),
            Some("12".into()),
            vec![7, 6],
            "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12".into()
        )
    );
    assert_eq!(
        resolved(10),
        (
            "kst-22112-2955".into(),
            Some("17".into()),
            vec![9],
            "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 17".into()
        )
    );
    assert!(matches!(
        d.footnote(14).unwrap().source,
        Source::Placeholder(_)
    ));
    let cited = |n: u32| match d.footnote(n).unwrap().source {
        Source::Cited(c) => d.citations[c].id.clone(),
        ref other => panic!("footnote {n}: {other:?}"),
    };
    assert_eq!(cited(4).as_deref(), Some("kst-22112-2955"));
    assert_eq!(cited(11).as_deref(), Some("kst-34700-34"));
    assert_eq!(cited(12).as_deref(), Some("kst-19637-2375"));
    assert_eq!(cited(13).as_deref(), Some("kst-21501-20-AH"));
    assert_eq!(cited(15).as_deref(), Some("kst-22112-2956"));
    let f15 = d.footnote(15).unwrap();
    assert_eq!(d.citations[f15.citations[0]].slips.len(), 1);
}

#[test]
fn kamervragen_merged_questions_answers_and_references() {
    let read = |rel: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/corpus/learninglion/{rel}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let d = Dossier::analyze(&read("ah-tk-20232024-2367.txt"));
    let qs: Vec<(Vec<u32>, Option<Vec<u32>>)> = d
        .questions
        .iter()
        .map(|q| {
            (
                q.numbers.clone(),
                q.answer.map(|a| d.answers[a].numbers.clone()),
            )
        })
        .collect();
    assert_eq!(
        qs,
        [
            (vec![1], Some(vec![1])),
            (vec![2], Some(vec![2])),
            (vec![3, 4, 5, 6], Some(vec![3, 4, 5, 6])),
            (vec![7, 8, 9, 10, 11], Some(vec![7, 8, 9, 10, 11])),
            (vec![12], Some(vec![12])),
        ]
    );
    // `Antwoord 5 en 6` answers two separate questions.
    let d = Dossier::analyze(&read("ah-tk-20232024-1481.txt"));
    let a56 = d.answers.iter().find(|a| a.numbers == [5, 6]).unwrap();
    let answered: Vec<Vec<u32>> = a56
        .questions
        .iter()
        .map(|&q| d.questions[q].numbers.clone())
        .collect();
    assert_eq!(answered, [[5], [6]]);
    let d = Dossier::analyze(&read("ah-tk-20232024-2271.txt"));
    let text = read("ah-tk-20232024-2271.txt");
    let refs: Vec<(&str, Vec<u32>)> = d
        .question_refs
        .iter()
        .map(|r| {
            (
                &text[r.span.clone()],
                d.questions[r.question.unwrap()].numbers.clone(),
            )
        })
        .collect();
    assert_eq!(
        refs,
        [
            ("zie vraag 5", vec![5]),
            ("antwoord op vraag 4", vec![4]),
            ("antwoord op vraag 8", vec![8])
        ]
    );
    // A postponement notice asks and answers nothing yet.
    let d = Dossier::analyze(&read("ah-tk-20232024-1999.txt"));
    assert_eq!(d.questions.len(), 3);
    assert!(d.answers.is_empty());
}

#[test]
fn slips_are_moved_to_document_offsets_with_their_citation() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let f15 = d.footnote(15).unwrap();
    let c = &d.citations[f15.citations[0]];
    let slip = &c.slips[0];
    assert!(
        c.span.start <= slip.span.start && slip.span.end <= c.span.end,
        "{slip:?} outside {c:?}"
    );
    // The missing comma goes right after `22 112`.
    assert_eq!(&text[c.span.start..slip.span.start], "Kamerstuk 22 112");
    assert_eq!(slip.fix, ",");
}

#[test]
fn an_answering_letter_on_its_own_keeps_its_footnotes_11_to_15() {
    let text = seed();
    let cut = text.find(" BRIEF VAN DE STAATSSECRETARIS").unwrap();
    let answers = &text[cut..];
    let d = Dossier::analyze(answers);
    assert_eq!(
        d.footnotes.iter().map(|f| f.number).collect::<Vec<_>>(),
        [11, 12, 13, 14, 15]
    );
    assert_eq!(
        d.markers.iter().map(|m| m.number).collect::<Vec<_>>(),
        [11, 12, 13, 14, 15]
    );
    assert!(d.markers.iter().all(|m| m.footnote.is_some()));
    // And the committee's letter on its own: footnotes 5 to 10 (no 1–4 there).
    let letter_start = text.find(" BRIEF VAN DE VOORZITTER").unwrap();
    let d = Dossier::analyze(&text[letter_start..cut]);
    assert_eq!(
        d.footnotes.iter().map(|f| f.number).collect::<Vec<_>>(),
        [5, 6, 7, 8, 9, 10]
    );
    assert_eq!(
        d.markers.iter().map(|m| m.number).collect::<Vec<_>>(),
        [5, 6, 7, 8, 9, 10]
    );
}

#[test]
fn a_repeat_word_for_word_is_found_without_hashing_words() {
    // The paragraphs repeated as 1, 2 and 4 come back word for word (their
    // footnote markers and line breaks aside); two paragraphs come back
    // together as repeat 3, which neither's letters match: those two are
    // paired by their words.
    let text = seed();
    let d = Dossier::analyze(&text);
    let hashed: Vec<(Vec<u32>, bool)> = d
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::LetterParagraph)
        .map(|q| (q.numbers.clone(), q.words.get().is_some()))
        .collect();
    assert_eq!(
        hashed,
        [
            (vec![1], false),
            (vec![2], false),
            (vec![3], true),
            (vec![3], true),
            (vec![4], false)
        ]
    );
}

#[test]
fn a_question_reference_stays_on_its_line() {
    // One on its line; one whose numbers run on over the line end (left
    // out, as a whole); and `Vraag 2` as a heading, not a reference.
    let text = "Vraag 1\nWat is de stand?\n\nAntwoord 1\nZie ook vraag 2. Zie het antwoord op vraag 1 en\n2 hierboven.\n\nVraag 2\nEn nu?\n\nAntwoord 2\nGeen.\n";
    let d = Dossier::analyze(text);
    let refs: Vec<&str> = d
        .question_refs
        .iter()
        .map(|r| &text[r.span.clone()])
        .collect();
    assert_eq!(refs, ["Zie ook vraag 2"]);
}

#[test]
fn each_note_convention_is_a_chain_of_its_own_for_short_forms() {
    let text = "Het bericht1) staat in de brief.1 Later meer2) en ook hier.2\n\n1) NOS, 6 maart 2024.\n2) Idem.\n\n1 Kamerstukken II 2021/22, 29 628, nr. 1099.\n2 Idem, blz. 3.\n";
    let d = Dossier::analyze(text);
    let of = |convention, n| {
        d.footnotes
            .iter()
            .find(|f| f.convention == convention && f.number == n)
            .unwrap()
    };
    match &of(NoteConvention::Plain, 2).source {
        Source::Resolved { citation, via } => {
            assert_eq!(citation.id.as_deref(), Some("kst-29628-1099"));
            assert_eq!(citation.page.as_deref(), Some("3"));
            assert_eq!(via, &[1]);
        }
        other => panic!("{other:?}"),
    }
    // The typed chain's `Idem` refers to the newspaper, not to a Kamerstuk.
    assert_eq!(of(NoteConvention::Typed, 2).source, Source::None);
    let resolved: Vec<(NoteConvention, u32, Option<u32>)> = d
        .markers
        .iter()
        .map(|m| {
            (
                m.convention,
                m.number,
                m.footnote.map(|i| d.footnotes[i].number),
            )
        })
        .collect();
    assert_eq!(
        resolved,
        [
            (NoteConvention::Typed, 1, Some(1)),
            (NoteConvention::Plain, 1, Some(1)),
            (NoteConvention::Typed, 2, Some(2)),
            (NoteConvention::Plain, 2, Some(2)),
        ]
    );
}

/// The first words read from a piece of the running text are those of the
/// whole: over every question and answer of the seed and the corpus, and
/// over spans that start anywhere and run across footnote blocks, page
/// footers and markers.
#[test]
fn first_running_words_are_those_of_the_whole_running_text() {
    let mut texts = vec![seed()];
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    for dir in std::fs::read_dir(corpus).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for file in std::fs::read_dir(dir).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
    }
    let mut long = 0;
    for text in &texts {
        let d = Dossier::analyze(text);
        let mut spans: Vec<Span> = d.questions.iter().map(|q| q.text_span.clone()).collect();
        spans.extend(d.answers.iter().map(|a| a.text_span.clone()));
        // Spans from every 997th character to the end, or 6,000 bytes on.
        let starts = text.char_indices().map(|(i, _)| i).step_by(997);
        spans.extend(starts.flat_map(|s| {
            let mut end = (s + 6000).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            [s..text.len(), s..end]
        }));
        for span in spans {
            let whole = d.running_text(&span);
            long += usize::from(whole.len() > 600);
            for n in [1, 8, 40] {
                let expected = whole
                    .split_whitespace()
                    .take(n)
                    .collect::<Vec<_>>()
                    .join(" ");
                assert_eq!(d.first_running_words(text, &span, n), expected, "{span:?}");
            }
        }
    }
    assert!(long > 100, "{long} spans read in pieces");
}

#[test]
fn notes_an_ocr_page_runs_together_are_split_after_a_sentence() {
    // Two notes on one line: the second's number follows a sentence's end
    // and its marker stands in the text above. `12` inside the first note
    // and `2` after a comma are no heads.
    let text = "De minister schreef dit eerder.1 Hij herhaalde het later.2\n\n\
                1 Zie de brief van 12 mei, blz. 51. 2 Kamerstukken II 2020/21, 35 000, nr. 5.\n";
    let d = Dossier::analyze(text);
    let notes: Vec<(u32, &str)> = d
        .footnotes
        .iter()
        .map(|f| (f.number, f.text.trim()))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "Zie de brief van 12 mei, blz. 51."),
            (2, "Kamerstukken II 2020/21, 35 000, nr. 5."),
        ]
    );
}

#[test]
fn a_run_of_superscripts_longer_than_any_number_is_read_without_a_panic() {
    // Superscript notes are in use, and a run of twenty superscript digits
    // overflows any number it could be read as.
    let text = "Het rapport van de NVVK¹ noemt cijfers¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵⁶⁷⁸⁹⁰ zonder bron.\n\n¹ NVVK, Jaarverslag 2023.\n";
    let d = Dossier::analyze(text);
    assert_eq!(d.footnotes.len(), 1);
    assert!(d.markers.iter().any(|m| m.number == 1));
}
