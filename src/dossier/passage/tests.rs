use super::*;
use crate::dossier::{BackPage, Dossier, Tie};

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap()
}

/// A BNC-fiche made for these tests from the words the seed quotes, on
/// the pages its notes pin (12, 14, 17), with a word hyphenated over a
/// line break (`overlast-⏎gevers`).
const FICHE: &str = include_str!("../../../tests/fixtures/quotes/kst-22112-2955.txt");

/// The search's answer in a line: `found 12`, `found 12-13`,
/// `altered 12: …`, `not found`, `not found (closest 12)`.
fn search(source: &str, quote: &str, pin: Option<&str>) -> String {
    let d = Dossier::analyze(source);
    let index = PassageIndex::new(&d);
    let pin = pin.and_then(PagePin::parse);
    render(&index.find(&normalise(quote), pin.as_ref(), None))
}

fn pages(p: &Passage) -> String {
    let n = |x: Option<u32>| x.map_or("?".to_string(), |n| n.to_string());
    match p.first_page == p.last_page {
        true => n(p.first_page),
        false => format!("{}-{}", n(p.first_page), n(p.last_page)),
    }
}

fn render(m: &QuoteMatch) -> String {
    match m {
        QuoteMatch::Found(p) => format!("found {}", pages(p)),
        QuoteMatch::Altered(p, changes) => {
            let c: Vec<String> = changes
                .iter()
                .map(|c| match c {
                    Change::Changed { source, quoted } => format!("`{source}` → `{quoted}`"),
                    Change::Added(a) => format!("+`{a}`"),
                    Change::LeftOut(l) => format!("-`{l}`"),
                })
                .collect();
            format!("altered {}: {}", pages(p), c.join(", "))
        }
        QuoteMatch::NotFound(None) => "not found".into(),
        QuoteMatch::NotFound(Some(p)) => format!("not found (closest {})", pages(p)),
    }
}

#[test]
fn the_fiche_is_read_with_its_identity_and_pages() {
    let d = Dossier::analyze(FICHE);
    assert_eq!(
        d.identity.as_ref().map(|i| i.id.as_str()),
        Some("kst-22112-2955")
    );
    let index = PassageIndex::new(&d);
    let numbers: Vec<Option<u32>> = index.pages.iter().map(|p| p.0).collect();
    assert_eq!(numbers, (11..=17).map(Some).collect::<Vec<_>>());
    // The footer is no part of the running text; the hyphenated word is
    // one word.
    assert!(!index.text.contains("vergaderjaar"));
    assert!(index.text.contains("overlastgevers aan te pakken"));
}

#[test]
fn exact_across_a_hyphenated_line_break_and_with_a_gap() {
    // Quoted across `overlast-⏎gevers`, as the seed writes it too.
    assert_eq!(
        search(
            FICHE,
            "Wel had het kabinet graag gezien dat de Commissie meer maatregelen zou hebben gepresenteerd om secundaire migratie tegen te gaan en overlast-\ngevers aan te pakken",
            Some("12")
        ),
        "found 12"
    );
    // A leading gap, a lower-case start where the source has a capital
    // after the gap, and a gap in the middle.
    assert_eq!(
        search(FICHE, "... is het kabinet van mening dat […] de hoeksteen van het nieuwe asiel- en migratiebeleid is.", Some("12")),
        "found 12"
    );
    assert_eq!(
        search(FICHE, "het kabinet verwelkomt de mededeling", Some("12")),
        "found 12"
    );
}

#[test]
fn marks_dashes_spaces_and_decomposed_accents_compare_as_read() {
    // `quota's` with a straight apostrophe, `-` for `–`, two spaces, and
    // the source's text written with a combining accent below.
    assert_eq!(
        search(FICHE, "kiest voor een flexibele vorm van solidariteit -  en niet op vooraf vastgestelde verplichtende quota's", Some("14")),
        "found 14"
    );
    let decomposed = "Het beleid is gee\u{301}valueerd door Kostic\u{B4}.\n\nTweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 3\n";
    assert_eq!(
        search(decomposed, "het beleid is geëvalueerd door Kostić", None),
        "altered 3: `geévalueerd` → `geëvalueerd`"
    );
    assert_eq!(
        search(decomposed, "het beleid is geévalueerd door Kostić", None),
        "found 3"
    );
    assert_eq!(normalise("e\u{301}e\u{308}"), "éë");
}

#[test]
fn a_passage_on_another_page_than_the_pin() {
    let d = Dossier::analyze(FICHE);
    let index = PassageIndex::new(&d);
    let pin = PagePin::parse("13").unwrap();
    let m = index.find(
        &normalise("Het kabinet waardeert deze aanpak."),
        Some(&pin),
        None,
    );
    let QuoteMatch::Found(p) = &m else {
        panic!("{m:?}")
    };
    assert_eq!(
        (p.first_page, p.on_pinned_page(&pin)),
        (Some(14), Some(false))
    );
    assert_eq!(
        p.on_pinned_page(&PagePin::parse("12-14").unwrap()),
        Some(true)
    );
    assert_eq!(p.on_pinned_page(&PagePin::parse("4-").unwrap()), Some(true));
    // The passage in the document: the words as written there.
    let span = index.source_span(&p.span);
    assert_eq!(&FICHE[span], "Het kabinet waardeert deze aanpak");
}

#[test]
fn an_altered_quotation_shows_its_differences() {
    assert_eq!(
        search(
            FICHE,
            "Van elke lidstaat wordt een grote bijdrage verwacht. Het kabinet waardeert deze aanpak zeer.",
            Some("14")
        ),
        "altered 14: `betekenisvolle` → `grote`, +`zeer`"
    );
    // Words left out without a `…`.
    assert_eq!(
        search(
            FICHE,
            "Hoewel de Commissie kiest voor een flexibele vorm van solidariteit",
            Some("14")
        ),
        "altered 14: -`duidelijk`"
    );
    // Left out with a `…`: as quoted.
    assert_eq!(
        search(
            FICHE,
            "Hoewel de Commissie … kiest voor een flexibele vorm van solidariteit",
            Some("14")
        ),
        "found 14"
    );
}

#[test]
fn a_quotation_not_in_the_source() {
    assert_eq!(
        search(
            FICHE,
            "Het kabinet wil de grenzen van Nederland volledig sluiten voor iedereen.",
            Some("12")
        ),
        "not found"
    );
    // Half its words are there: the closest passage is named.
    assert_eq!(
        search(FICHE, "Het kabinet bestudeert de voorstellen over de opvang van vluchtelingen in Europa met zorg.", None),
        "not found (closest 15-16)"
    );
}

#[test]
fn page_pins() {
    let p = PagePin::parse("17,19-22").unwrap();
    assert!(p.contains(17) && p.contains(20) && !p.contains(18));
    assert_eq!(p.first(), 17);
    assert!(PagePin::parse("x").is_none());
}

/// The seed's quotations and what ties each to its source.
#[test]
fn seed_quotations_and_their_sources() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let idx = crate::text::LineIndex::new(&text);
    let rows: Vec<String> = d
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| !q.nested && text[q.span.clone()].split_whitespace().nth(3).is_some())
        .map(|(i, q)| {
            let line = idx.line_of(q.span.start) + 1;
            let tie = match &q.tie {
                Tie::None => "none".to_string(),
                Tie::Marker(m) => format!("marker {}", d.markers[*m].number),
                Tie::Back { phrase, page, .. } => {
                    format!("`{}` {:?}", &text[phrase.clone()], page)
                }
            };
            let source = d.quote_source(i).map_or("-".to_string(), |s| {
                format!(
                    "{} blz. {}",
                    s.citation.id.clone().unwrap_or_default(),
                    s.pin.unwrap_or_default()
                )
            });
            format!("{line}: {tie}: {source}")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "45: marker 7: kst-22112-2955 blz. 12",
            "54: marker 8: kst-22112-2955 blz. 12",
            "63: `Op dezelfde pagina` Same: kst-22112-2955 blz. 12",
            "71: marker 9: kst-22112-2955 blz. 14",
            "82: marker 10: kst-22112-2955 blz. 17",
            // The answering letter repeats the questions without notes;
            // its `Op dezelfde pagina` refers to a repeat without one.
            "126: none: -",
            // A title in quotation marks, with its note.
            "139: marker 13: kst-21501-20-AH blz. ",
            "158: none: -",
            "203: `Op dezelfde pagina` Same: -",
            "210: none: -",
            "255: none: -",
        ]
    );
    assert!(matches!(
        d.quotes
            .iter()
            .find(|q| q.span.start > text.find("Op dezelfde").unwrap())
            .map(|q| &q.tie),
        Some(Tie::Back {
            page: BackPage::Same,
            ..
        })
    ));
}

/// Every quotation of the seed with a source stands in the fiche, on its
/// pinned page.
#[test]
fn seed_quotations_stand_in_the_fiche() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let fiche = Dossier::analyze(FICHE);
    let index = PassageIndex::new(&fiche);
    let found: Vec<String> = d
        .quoted_passages(&text)
        .iter()
        .map(|q| {
            format!(
                "{} {}",
                q.pin.clone().unwrap_or_default(),
                render(&index.find(&q.text, q.pin().as_ref(), None))
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "12 found 12",
            "12 found 12",
            "12 found 12",
            "14 found 14",
            "17 found 17"
        ]
    );
}

#[test]
fn referring_back_after_the_quotation() {
    let text = "Zij schrijft: «Het kabinet verwelkomt de mededeling van de Commissie.»1 En verder: «Het kabinet zal zich inzetten voor een evenwichtige uitwerking.» (aldaar, blz. 13) Ook: «Het kabinet bestudeert de voorstellen nader.» (t.a.p.)\n\n1 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.\n";
    let d = Dossier::analyze(text);
    let pins: Vec<Option<String>> = (0..d.quotes.len())
        .map(|i| d.quote_source(i).and_then(|s| s.pin))
        .collect();
    assert_eq!(
        pins,
        [Some("12".into()), Some("13".into()), Some("13".into())]
    );
    // `In dezelfde brief`: the document, no page.
    let text = "Zij schrijft: «Het kabinet verwelkomt de mededeling van de Commissie.»1\n\nIn dezelfde brief staat: «Het kabinet zal zich inzetten voor een evenwichtige uitwerking.»\n\n1 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.\n";
    let d = Dossier::analyze(text);
    let s = d.quote_source(1).unwrap();
    assert_eq!(
        (s.citation.id.as_deref(), s.pin),
        (Some("kst-22112-2955"), None)
    );
}

#[test]
fn quotation_marks_of_each_kind() {
    let d = Dossier::analyze("Hij zei “ja” en „nee” en \"misschien\" en «zo\nis het».\n");
    let words: Vec<String> = d
        .quotes
        .iter()
        .map(|q| d.layout.body.text[q.body.clone()].to_string())
        .collect();
    assert_eq!(words, ["ja", "nee", "misschien", "zo\nis het"]);
    // A mark left open opens nothing, and the next paragraph is read.
    let d = Dossier::analyze("Een «open mark zonder einde.\n\nDan «wel» een.\n");
    assert_eq!(d.quotes.len(), 1);
}

#[test]
fn the_pin_of_a_note_is_found_for_the_quick_fix() {
    let text = seed();
    let d = Dossier::analyze(&text);
    let edits: Vec<String> = (0..d.quotes.len())
        .filter_map(|i| d.quoted_passage(&text, i))
        .map(|q| match &q.pin_edit {
            Some(PinEdit::Replace(s)) => format!("replace `{}`", &text[s.clone()]),
            Some(PinEdit::Insert(at)) => format!("insert after `{}`", &text[at - 6..*at]),
            None => "none".into(),
        })
        .collect();
    assert_eq!(
        edits,
        [
            "replace `12`",
            "insert after `Ibidem`",
            "none",
            "replace `14`",
            "replace `17`"
        ]
    );
}

use crate::dossier::PinEdit;

#[test]
fn bad_input_neither_hangs_nor_panics() {
    // A `«` that never closes, in a long paragraph.
    let open = format!("«{}", "woord ".repeat(50_000));
    let d = Dossier::analyze(&open);
    assert!(d.quotes.is_empty());
    // A quotation of 50,000 words against the fiche.
    let index = PassageIndex::new(&Dossier::analyze(FICHE));
    let long = "het kabinet ".repeat(25_000);
    let t = std::time::Instant::now();
    let m = index.find(&normalise(&long), None, None);
    assert!(matches!(m, QuoteMatch::NotFound(_)), "{m:?}");
    // And the fiche against a quotation of 50,000 words' source.
    let big_text = format!("{}\n", "Het kabinet waardeert deze aanpak. ".repeat(10_000));
    let big = PassageIndex::new(&Dossier::analyze(&big_text));
    assert!(matches!(
        big.find(
            &normalise("Het kabinet waardeert deze nieuwe aanpak zeer"),
            None,
            None
        ),
        QuoteMatch::Altered(..)
    ));
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
}

#[test]
fn a_thousand_quotations_of_one_page() {
    let mut text = String::new();
    for i in 0..1000 {
        text.push_str(&format!(
            "Punt {i}: «Van elke lidstaat wordt een betekenisvolle bijdrage verwacht.»1 en\n"
        ));
    }
    text.push_str("\n1 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 13.\n");
    let d = Dossier::analyze(&text);
    let quoted = d.quoted_passages(&text);
    assert_eq!(quoted.len(), 1000);
    let index = PassageIndex::new(&Dossier::analyze(FICHE));
    let t = std::time::Instant::now();
    let on_14 = quoted
        .iter()
        .filter(|q| matches!(index.find(&q.text, q.pin().as_ref(), None), QuoteMatch::Found(ref p) if p.first_page == Some(14)))
        .count();
    assert_eq!(on_14, 1000);
    assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: finding quotations and searching them never panics,
        /// and a quotation's words are found in its own document.
        #[test]
        fn any_text(s in "[a-z «»“”„\"….\\-\n]{0,300}") {
            let d = Dossier::analyze(&s);
            let index = PassageIndex::new(&d);
            for q in &d.quotes {
                prop_assert!(q.span.start < q.span.end && q.span.end <= s.len());
                let words = normalise_body(&d.layout, &d.markers, q.body.clone());
                let m = index.find(&words, None, None);
                if words.split(GAP).any(|w| w.chars().any(char::is_alphanumeric)) {
                    prop_assert!(!matches!(m, QuoteMatch::NotFound(None)) || words.split_whitespace().count() < 3, "{:?} {:?}", words, m);
                }
            }
        }

        /// Runs copied at once read as each character pushed on its own.
        #[test]
        fn runs_read_as_characters(s in "[a-zA-Z0-9 `´.\u{301}«»“”\\-–\n]{0,120}") {
            let mut one = Normaliser::default();
            for (i, c) in s.char_indices() {
                one.push(c, i);
            }
            one.flush_dots();
            let mut runs = Normaliser::default();
            runs.push_str(&s, 0);
            runs.flush_dots();
            prop_assert_eq!(&one.out, &runs.out);
            for k in 0..=one.out.len() {
                let at = |w: &Normaliser| {
                    let i = w.map.partition_point(|&(n, _)| n <= k);
                    i.checked_sub(1).map(|i| w.map[i].1 + (k - w.map[i].0))
                };
                prop_assert_eq!(at(&one), at(&runs));
            }
        }

        /// The map from the normalised text to the document is exact at
        /// every character of the normalised text that is the document's.
        #[test]
        fn the_map_points_at_the_same_characters(s in "[a-zA-Z «»“”\\-–.\n]{0,200}") {
            let d = Dossier::analyze(&s);
            let index = PassageIndex::new(&d);
            for (i, c) in index.text.char_indices() {
                let at = index.to_source(i);
                prop_assert!(at <= s.len());
                if c.is_alphanumeric() {
                    prop_assert_eq!(s[at..].chars().next(), Some(c));
                }
            }
        }
    }
}
