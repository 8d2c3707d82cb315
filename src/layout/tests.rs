use super::*;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap()
}

fn line_texts<'a>(text: &'a str, layout: &Layout, kind: LineKind) -> Vec<&'a str> {
    layout
        .lines
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| &text[l.span.clone()])
        .collect()
}

#[test]
fn seed_pages_start_at_leading_space_and_after_the_footer() {
    let text = seed();
    let layout = Layout::analyze(&text);
    let firsts: Vec<&str> = layout
        .pages
        .iter()
        .map(|p| {
            let l = layout.lines[p.lines.clone()]
                .iter()
                .find(|l| l.kind != LineKind::Blank)
                .unwrap();
            text[l.span.clone()].trim()
        })
        .collect();
    assert_eq!(
        firsts,
        [
            "De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad2",
            "BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR",
            "middel van de vorming van een «Talentenpool». Zeker wanneer het gaat",
            "BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN",
            "Vragen en opmerkingen van de leden van de PVV-fractie",
            "zijn echter ook elementen waar het kabinet kritisch tegenover staat op dit",
            "migratie. Indien dit voorstel wordt aangenomen, zal een lidstaat in de",
        ]
    );
    let numbers: Vec<Option<u32>> = layout.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7].map(Some));
    assert_eq!(layout.footers.len(), 1);
    let f = &layout.footers[0];
    assert_eq!(
        (
            f.chamber.as_str(),
            f.document.as_str(),
            f.page_number,
            f.page
        ),
        ("Eerste Kamer", "35 612, D", Some(6), 5)
    );
}

#[test]
fn seed_footnote_blocks_keep_digit_continuations_and_blank_lines() {
    let text = seed();
    let layout = Layout::analyze(&text);
    let starts: Vec<u32> = line_texts(&text, &layout, LineKind::FootnoteStart)
        .iter()
        .map(|l| footnotes::definition_number(l).unwrap().0)
        .collect();
    assert_eq!(starts, (1..=15).collect::<Vec<_>>());
    let cont = line_texts(&text, &layout, LineKind::FootnoteContinuation);
    assert!(cont.contains(&"34 700, nr. 34."), "{cont:?}");
    assert!(cont.contains(
        &"(SGP), Van Hattem (PVV), Jorritsma-Lebbink (VVD), Oomen-Ruijten (CDA), Rombouts (CDA), "
    ));
    assert_eq!(
        layout
            .footnote_blocks
            .iter()
            .map(|b| b.page)
            .collect::<Vec<_>>(),
        [0, 1, 2, 4, 5]
    );
}

#[test]
fn seed_body_stream_drops_footnotes_and_joins_hyphenated_words() {
    let text = seed();
    let layout = Layout::analyze(&text);
    let body = &layout.body.text;
    assert!(body.contains("tegen te gaan en overlastgevers aan te pakken?"));
    assert!(
        body.contains("welke specifieke consequenties deze «solidariteit» voor Nederland heeft.")
    );
    assert!(!body.contains("Kamerstukken II, 2020–2021"));
    assert!(!body.contains("PM BRON"));
    // The fourth question runs on over a footnote block and a page break.
    assert!(
        body.contains("te vereenvoudigen, door\nmiddel van de vorming van een «Talentenpool»"),
        "{body}"
    );
    // The map leads back to the source.
    let i = body.find("Talentenpool").unwrap();
    assert_eq!(&text[layout.body.to_source(i)..][..12], "Talentenpool");
    assert_eq!(layout.body.from_source(layout.body.to_source(i)), i);
}

#[test]
fn aanhangsel_footer_shares_its_line_with_colophon_and_next_page() {
    let text = "Vraag 1\nKent u het bericht?\n1Brabants Dagblad, 2 juli 2023.\n\t\nah-tk-20222023-3649\nISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3\nBinnen het kader\n";
    let layout = Layout::analyze(text);
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(layout.footers[0].page_number, Some(1));
    assert_eq!(layout.footers[0].document, "Aanhangsel");
    assert_eq!(
        line_texts(text, &layout, LineKind::Colophon),
        ["ah-tk-20222023-3649", "ISSN 0921 - 7398’s-Gravenhage 2023"]
    );
    assert_eq!(
        line_texts(text, &layout, LineKind::FootnoteStart),
        ["1Brabants Dagblad, 2 juli 2023."]
    );
    assert_eq!(
        layout.body.text,
        "Vraag 1\nKent u het bericht?\nAntwoord 3\nBinnen het kader"
    );
}

/// An answer heading that falls at a page's foot stands above that page's
/// notes; under the heading of an old Aanhangsel the answers are numbered.
#[test]
fn an_answer_heading_at_the_foot_of_a_page_keeps_its_notes() {
    let footer = "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 7\n";
    // The heading runs on over the page break; the notes go on from 2.
    let letter = format!(
        "Vraag 1\nKent u het bericht?1\n\n1 NOS, 2 juli 2023.\n{footer}\
         Vraag 2\nWat vindt u van de brief van 16 april 2023?2\n\n\
         Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en\n\n\
         2 Kamerstuk 36 758, nr. 2421.\n{footer}Wetenschap) (ontvangen 3 juli 2024).\n"
    );
    // `Antwoord 2` carries its question's number: what follows is no answer number.
    let word = format!(
        "Vraag 2\nDeelt u de mening dat dit jaren duurt.»1 Zo ja, waarom?\n\nAntwoord 2\n\n\
         1 Kamerstukken II, 2022–2023, 23 074, nr. 2578.\n{footer}Ja.\n"
    );
    // The answers of an old Aanhangsel, numbered under their heading, with
    // no marker of theirs in the text.
    let aanhangsel = format!(
        "1\nVindt u dat ook?\n2\nWat gaat u doen?\n\n\
         Antwoord van minister Hirsch Ballin (Justitie)\n\n\
         1 Ja, dat vind ik ook.\n2 Het kan ertoe leiden dat dit beleid wordt herzien.\n{footer}"
    );
    let starts = |text: &str| {
        let layout = Layout::analyze(text);
        line_texts(text, &layout, LineKind::FootnoteStart)
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        starts(&letter),
        ["1 NOS, 2 juli 2023.", "2 Kamerstuk 36 758, nr. 2421."]
    );
    assert_eq!(
        starts(&word),
        ["1 Kamerstukken II, 2022–2023, 23 074, nr. 2578."]
    );
    assert!(starts(&aanhangsel).is_empty(), "{:?}", starts(&aanhangsel));
}

/// A note's number that a wrapped line of text starts with looks like a
/// definition; the notes are where the numbering starts again at the
/// page's foot.
#[test]
fn the_notes_of_a_page_are_the_run_at_its_foot() {
    let text = "Zij hebben kennisgenomen van de brief van 19 januari 2019.1\n\
        Klopt het bericht over het hoofdlijnenakkoord?\n\
        1 Zo ja, kunt u deze analyse op zo kort mogelijke termijn met de Kamer\n\
        delen op basis van artikel 68 Grondwet?\n\
        \n\
        We spraken ook over financieringsfondsen die tot stand zijn gekomen.2\n\
        \n\
        1 Kamerstukken II, 2018–2019, 30 014, nr. 1758.\n\
        2 Aanhangsel Handelingen II 2019/20, nr. 2722.\n\
        Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 7 1\n";
    let layout = Layout::analyze(text);
    assert_eq!(
        line_texts(text, &layout, LineKind::FootnoteStart),
        [
            "1 Kamerstukken II, 2018–2019, 30 014, nr. 1758.",
            "2 Aanhangsel Handelingen II 2019/20, nr. 2722."
        ]
    );
    assert!(line_texts(text, &layout, LineKind::Body)
        .contains(&"1 Zo ja, kunt u deze analyse op zo kort mogelijke termijn met de Kamer"));
}

/// A dossier number that a line break cut (`Bijlage bij Kamerstuk` /
/// `19 441, nr. 1342.`) continues the line above: it opens no note, inside
/// a block or as its start.
#[test]
fn a_wrapped_dossier_number_opens_no_note() {
    let text = "Zie de bijlage.17 En het verslag.18 En de brief.19\n\
        \n\
        17 Daarnaast zijn er risico’s. Bijlage bij Kamerstuk\n\
        19 441, nr. 1342.\n\
        18 Kamerstuk 23 389, nr. 97.\n\
        19 Kamerstuk 30 692, nr. 1613.\n\
        Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 7 3\n\
        Dan kom ik op de motie op stuk nr. 235. Ik geef het woord aan de motie op stuk nr.\n\
        \n\
        20 235, nr. 240. Dan geef ik graag het woord aan mevrouw Beckerman.\n";
    let layout = Layout::analyze(text);
    assert_eq!(
        line_texts(text, &layout, LineKind::FootnoteStart),
        [
            "17 Daarnaast zijn er risico’s. Bijlage bij Kamerstuk",
            "18 Kamerstuk 23 389, nr. 97.",
            "19 Kamerstuk 30 692, nr. 1613."
        ]
    );
    assert_eq!(
        line_texts(text, &layout, LineKind::FootnoteContinuation),
        ["19 441, nr. 1342."]
    );
}

#[test]
fn numbers_that_begin_running_text_do_not_open_a_footnote_block() {
    let text = "op de\n1 ingegaan op het proces\n23 september 2020 en het\n1. De Gezondheidsraad\n1 Kamerstuk 29 383, nr. 406.\n";
    let layout = Layout::analyze(text);
    assert_eq!(
        line_texts(text, &layout, LineKind::FootnoteStart),
        ["1 Kamerstuk 29 383, nr. 406."]
    );
}

#[test]
fn corpus_aanhangsel_pages_end_at_footers() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/learninglion/ah-tk-20232024-2271.txt"
    ))
    .unwrap();
    let layout = Layout::analyze(&text);
    let numbers: Vec<Option<u32>> = layout.footers.iter().map(|f| f.page_number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6].map(Some));
    assert_eq!(layout.pages.len(), 6);
    let defs: Vec<u32> = line_texts(&text, &layout, LineKind::FootnoteStart)
        .iter()
        .map(|l| footnotes::definition_number(l).unwrap().0)
        .collect();
    assert_eq!(defs, (1..=17).collect::<Vec<_>>());
    assert_eq!(
        line_texts(&text, &layout, LineKind::Header),
        [
            "Tweede Kamer der Staten-Generaal",
            "2",
            "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"
        ]
    );
}

#[test]
fn pdftotext_pages_break_at_form_feeds_with_the_page_number_under_the_footer() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/learninglion-pdftotext/ah-tk-20232024-2271.txt"
    ))
    .unwrap();
    let layout = Layout::analyze(&text);
    assert_eq!(layout.pages.len(), 6);
    let numbers: Vec<Option<u32>> = layout.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6].map(Some));
    // Every page after the first starts at its form feed.
    for p in &layout.pages[1..] {
        assert!(text[p.span.clone()].starts_with('\u{c}'));
    }
}

/// What `footnotes::definition_number` was before it was written out by
/// hand: the regex it must agree with.
fn definition_number_by_regex(line: &str) -> Option<(u32, usize)> {
    static DEFINITION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[ \u{c}]?(\d{1,4})(?:[ \t]+(?:[\p{Lu}\d«“‘„\x22'(\[]|https?:|www\.)|[\p{Lu}«“(\[])",
        )
        .unwrap()
    });
    static WRAPPED_DOSSIER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^[ \u{c}]?\d{1,2} \d{3}(?:[,\-\r]|$)").unwrap()
    });
    if WRAPPED_DOSSIER.is_match(line) {
        return None;
    }
    let c = DEFINITION.captures(line)?;
    let m = c.get(1).unwrap();
    let n: u32 = m.as_str().parse().ok()?;
    (n > 0).then_some((n, m.start()))
}

proptest::proptest! {
    #[test]
    fn definition_number_agrees_with_its_regex(
        line in "[ \u{c}]{0,2}[0-9]{0,6}[ \t]{0,3}(https?:|www\\.|[0-9]{3}[,\r-]?|[A-Za-zÉé«“‘„\"'(\\[0-9.,])?[a-z .]{0,5}"
    ) {
        proptest::prop_assert_eq!(
            footnotes::definition_number(&line),
            definition_number_by_regex(&line)
        );
    }
}

#[test]
fn definition_number_on_real_lines() {
    for (line, expected) in [
        (
            "4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.",
            Some((4, 0)),
        ),
        (" 14 PM BRON", Some((14, 1))),
        ("1Brabants Dagblad", Some((1, 0))),
        ("9 «Vertrouwen»", Some((9, 0))),
        ("12 https://www.tweedekamer.nl", Some((12, 0))),
        ("23 september 2020", None),
        ("19 441, nr. 1342.", None),
        ("23 235, nr. 240. Dan geef ik", None),
        ("12 36 410, nr. 7.", Some((12, 0))),
        ("12345 Foo", None),
        ("0 Nul", None),
        ("  3 Twee spaties", None),
    ] {
        assert_eq!(footnotes::definition_number(line), expected, "{line}");
        assert_eq!(definition_number_by_regex(line), expected, "{line}");
    }
}

/// The pattern `find_footer` reads by hand.
static FOOTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        (?P<chamber>Eerste|Tweede)\ Kamer,\ vergaderjaar\ 
        (?P<year>[0-9]{4}\s?[–—-]?\s?[0-9]{2,4}),\s
        (?P<doc>Aanhangsel|[^\n]*?(?:nr\.\s?[0-9]+[a-z]?|,\ [A-Z]{1,4}))
        (?:\s(?P<page>[0-9]{1,4}))?
        ",
    )
    .unwrap()
});

fn footer_by_pattern(line: &str) -> Option<super::FooterMatch> {
    let c = FOOTER.captures(line)?;
    Some(super::FooterMatch {
        span: c.get(0).unwrap().range(),
        chamber: c.name("chamber").unwrap().range(),
        year: c.name("year").unwrap().range(),
        document: c.name("doc").unwrap().range(),
        page: c.name("page").map(|m| m.range()),
    })
}

#[test]
fn footers_of_the_corpus_read_as_the_pattern_reads_them() {
    let mut found = 0;
    for path in corpus_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for line in text.lines() {
            let hand = super::find_footer(line);
            assert_eq!(hand, footer_by_pattern(line), "{path:?}: {line:?}");
            found += usize::from(hand.is_some());
        }
    }
    assert!(found > 100, "only {found} footers in the corpus");
}

fn corpus_files() -> Vec<std::path::PathBuf> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        for f in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            out.push(f.path());
        }
    }
    out
}

proptest::proptest! {
    #[test]
    fn find_footer_agrees_with_its_pattern(
        line in "[a-z ]{0,3}(Eerste|Tweede|Derde)? Kamer, vergaderjaar [0-9]{3,5}[ \u{a0}]?[–—-]?[ ]?[0-9]{1,5}[,]?[ \u{a0}]?(Aanhangsel|[0-9 ]{0,6}|[A-Za-z .,]{0,6})(nr\\.[ ]?[0-9]{0,4}[a-z]?|, [A-Z]{0,5})?[ \u{a0}]?[0-9]{0,5}[A-Za-z ]{0,3}"
    ) {
        proptest::prop_assert_eq!(super::find_footer(&line), footer_by_pattern(&line), "{:?}", line);
    }

    #[test]
    fn find_footer_agrees_on_two_footers_and_any_text(
        a in "\\PC{0,8}", b in "\\PC{0,8}",
    ) {
        let line = format!("{a}Tweede Kamer, vergaderjaar 2023–2024, {b} Eerste Kamer, vergaderjaar 2020 - 21,\u{a0}36 410, nr. 7b 12");
        proptest::prop_assert_eq!(super::find_footer(&line), footer_by_pattern(&line), "{:?}", line);
    }
}

proptest::proptest! {
    #[test]
    fn is_blank_and_is_rule_agree_with_trimming(line in "[ \t\u{b}\u{c}\u{a0}\u{2003}-]{0,4}[a-z-]?[ -]{0,3}|\\PC{0,6}") {
        proptest::prop_assert_eq!(super::is_blank(&line), line.trim().is_empty());
        let t = line.trim();
        proptest::prop_assert_eq!(super::is_rule(&line), t.len() >= 3 && t.bytes().all(|b| b == b'-'));
    }
}
