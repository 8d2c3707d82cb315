//! Small isolated cases written as fixtures with a cursor: `$0` marks the
//! place a test asks about (as rust-analyzer's and texlab's tests do). The
//! fixture text is the dossier with the `$0` taken out.

use dossier_lsp::dossier::Source;
use dossier_lsp::Dossier;

/// The text without `$0`, and the byte offset where it stood.
fn fixture(src: &str) -> (String, usize) {
    let at = src.find("$0").expect("a $0 cursor");
    (src.replacen("$0", "", 1), at)
}

/// The footnote number the marker under the cursor refers to, if any.
fn marker_under_cursor(src: &str) -> Option<u32> {
    let (text, at) = fixture(src);
    let d = Dossier::analyze(&text);
    let m = d.marker_at(at)?;
    let f = &d.footnotes[m.footnote?];
    assert_eq!(f.number, m.number);
    Some(m.number)
}

#[test]
fn glued_markers_after_letters_and_closing_punctuation() {
    assert_eq!(
        marker_under_cursor("in het asielpact$03 van\n3 COM(2020)609.\n"),
        Some(3)
    );
    assert_eq!(marker_under_cursor("Een1 twee2 waarbij dit is.»$03 Kunt u\n1 COM(2020)609.\n2 Kamerstukken II, 2020–2021, 22 112, nr. 2955.\n3 Idem, blz. 12.\n"), Some(3));
    assert_eq!(
        marker_under_cursor("Klopt het dat dit zo is?$01\n1 NRC, 16 april 2024.\n"),
        Some(1)
    );
    assert_eq!(
        marker_under_cursor(
            "Zie1 en wat gezonden.$02 Het kabinet\n1 Kamerstuk 21 501-20, AH.\n2 PM BRON\n"
        ),
        Some(2)
    );
    assert_eq!(
        marker_under_cursor("«Netjes gezuiverd»[$01 ] en\n1 Nederlands Dagblad.\n"),
        Some(1)
    );
}

#[test]
fn spaced_markers_in_aanhangsel_extractions() {
    // Too far ahead of the numbering (1 is the next): not a marker.
    assert_eq!(
        marker_under_cursor(
            "waar men hulp kan zoeken. $05\n1 Eerste.\n2 Tweede.\n5 Zie www.zorgkaart.nl\n"
        ),
        None
    );
    // Spaced markers count when they continue the numbering.
    let src = "Eerst1 dan2 en hulp zoeken. $03\nVerder.\n1 Een.\n2 Twee.\n3 Zie www.zorgkaart.nl\n";
    assert_eq!(marker_under_cursor(src), Some(3));
    let src = "Eerst1 dan2 blijft afnemen $03 en daarmee\n1 Een.\n2 Twee.\n3 NEMESIS-3, 2023\n";
    assert_eq!(marker_under_cursor(src), Some(3));
    let src = "Eerst1 dan2 een uitgebreide beleidsreactie $03\ngestuurd op\n1 Een.\n2 Twee.\n3 Kamerstukken II, 2022/2023, 31 839, nr 874\n";
    assert_eq!(marker_under_cursor(src), Some(3));
}

#[test]
fn numbers_in_text_are_not_markers() {
    let defs = "\n1 Een.\n2 Twee.\n3 Drie.\n";
    for src in [
        "Kamerstuk 22 112, nr. 2955$03 is",
        "van 2$03 weken in december",
        "De fractie van D6$06 vraagt",
        "het dossier E20001$08 op",
        "zie COM(2020)60$09 hierover",
        "Voor CO $02 zijn er",
        "Vraag 1, $02 en 3",
        "in 1,$05 miljoen",
        "op $03 april",
        "€ $02 miljoen",
    ] {
        let src = format!("{src}{defs}");
        assert_eq!(marker_under_cursor(&src), None, "{src}");
    }
}

#[test]
fn short_forms_under_the_cursor_resolve_along_the_chain() {
    let (text, at) = fixture(
        "A1 B2 C3.\n1 Kamerstukken II, 2020–2021, 22 112, nr. 2955.\n2 Idem, blz. 12.\n3 Ib$0idem.\n",
    );
    let d = Dossier::analyze(&text);
    let f = d.footnote_at(at).unwrap();
    assert_eq!(f.number, 3);
    match &f.source {
        Source::Resolved { citation, via } => {
            assert_eq!(
                citation.canonical(),
                "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12"
            );
            assert_eq!(via, &[2, 1]);
        }
        other => panic!("{other:?}"),
    }
    let c = d.citation_at(at).unwrap();
    assert_eq!(&text[c.span.clone()], "Ibidem");
}

#[test]
fn a_definition_line_that_continues_with_digits() {
    let (text, at) = fixture("Tekst1 en2.\n1 Idem.\n2 Bijlage bij Kamerstuk\n$034 700, nr. 34.\n");
    let d = Dossier::analyze(&text);
    assert_eq!(
        d.footnotes.iter().map(|f| f.number).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(d.footnote_at(at).unwrap().number, 2);
    assert_eq!(
        d.citation_at(at).unwrap().id.as_deref(),
        Some("kst-34700-34")
    );
}

/// Two notes after one question mark, `?1, 2`: both are markers when both
/// notes are defined; a number list after a plain word is not.
#[test]
fn a_second_marker_after_a_comma() {
    let notes = "1 NRC, 16 april 2024.\n2 NOS, 17 april 2024.\n";
    let src = format!("Klopt het dat dit zo is?$01, 2 Zo ja, waarom?\n{notes}");
    assert_eq!(marker_under_cursor(&src), Some(1));
    let src = format!("Klopt het dat dit zo is?1, $02 Zo ja, waarom?\n{notes}");
    assert_eq!(marker_under_cursor(&src), Some(2));
    let src = format!("Klopt het bericht1, $02 en wat vindt u?\n{notes}");
    assert_eq!(marker_under_cursor(&src), Some(2));
    // Without its note, the second number is left alone.
    let src = "Klopt het dat dit zo is?1, $02 Zo ja, waarom?\n1 NRC, 16 april 2024.\n";
    assert_eq!(marker_under_cursor(src), None);
    // `Vraag 3, 4`: a list of numbers, not markers.
    let src = format!("Zie de antwoorden op vraag 3, $04 en 5.\n{notes}");
    assert_eq!(marker_under_cursor(&src), None);
}
