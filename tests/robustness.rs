//! Arbitrary text never makes the analysis panic, and every span it reports
//! lies on character boundaries.

use dossier_lsp::{assist, lints, Dossier};
use proptest::prelude::*;

/// Pieces of real dossier text, so the generator reaches the interesting
/// paths (markers, footers, definitions) and not only random noise.
const PIECES: &[&str] = &[
    "asielpact3 ",
    "is.»7 ",
    "\n1 Kamerstukken II, 2020–2021, 22 112, nr. 2955.\n",
    "\n7 Idem, blz. 12.\n",
    "\n8 Ibidem.\n",
    "\n14 PM BRON\n",
    "Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6\n",
    " BRIEF VAN DE ",
    "\nVraag 1\n",
    "\nAntwoord 1\n",
    "1.\n",
    "zoeken. 3",
    "«é»",
    "–",
    "\r\n",
    "\r",
    "\u{c}",
    "overlast-\ngevers",
    "[1 ]",
    "Kamerstuk 22 112 nr. 2956",
    "ah-tk-20232024-2271\n",
    "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1Antwoord 3\n",
    "\n-----\n",
    "2023.13 ",
    "CO 2 ",
    "\u{0}",
    "€ 50 miljoen",
    "van 11 weken",
];

fn check(text: &str) {
    let d = Dossier::analyze(text);
    let diags = lints::lint(&d, text);
    let spans = d
        .markers
        .iter()
        .map(|m| m.span.clone())
        .chain(
            d.footnotes
                .iter()
                .flat_map(|f| [f.span.clone(), f.number_span.clone()]),
        )
        .chain(d.citations.iter().map(|c| c.span.clone()))
        .chain(d.layout.lines.iter().map(|l| l.span.clone()))
        .chain(diags.iter().map(|x| x.span.clone()));
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?} in {text:?}"
        );
    }
    for i in 0..d.layout.body.text.len() {
        assert!(d.layout.body.to_source(i) <= text.len());
    }
    // Editing assistance on the same model: edits apply, offsets stay inside.
    let edits = assist::renumber_footnotes(&d);
    for w in edits.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlapping edits {w:?}");
    }
    for e in &edits {
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
    }
    Dossier::analyze(&assist::apply(text, &edits));
    for (span, _) in assist::semantic_tokens(&d, text) {
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
    for (at, _) in assist::short_form_hints(&d)
        .into_iter()
        .chain(assist::marker_hints(&d, 4))
    {
        assert!(at <= text.len());
    }
    for at in (0..=text.len()).step_by(7) {
        for c in assist::completions(&d, text, at, None) {
            assert!(c.replace.end <= text.len() && text.is_char_boundary(c.replace.start));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn shuffled_dossier_pieces_never_panic(parts in prop::collection::vec(0..PIECES.len(), 0..40), noise in "[0-9 .»\n]{0,20}") {
        let mut text: String = parts.iter().map(|&i| PIECES[i]).collect();
        text.push_str(&noise);
        check(&text);
    }
}

#[test]
fn a_long_line_and_many_footnotes_do_not_fall_over() {
    let mut text = "woord ".repeat(400_000);
    text.push('\n');
    for n in 1..=3000 {
        text.push_str(&format!("Zin{n} met een marker.\n"));
    }
    for n in 1..=3000 {
        text.push_str(&format!("{n} Kamerstuk 22 112, nr. {n}.\n"));
    }
    let d = Dossier::analyze(&text);
    assert_eq!(d.footnotes.len(), 3000);
    assert_eq!(d.markers.len(), 3000);
    assert!(d.markers.iter().all(|m| m.footnote.is_some()));
}
