//! The features on real text shapes (from `seeds/` and `tests/corpus`),
//! as fixtures: the cursor is `$0`, the answer is below the text.

use expect_test::expect;

use super::fixture::{
    check_actions, check_completion, check_definition, check_folding, check_highlight, check_hints,
    check_hover, check_lenses, check_links, check_references, check_rename, check_selection,
    check_symbols, check_tokens, check_uses, check_workspace_symbols,
};

/// The letter of the seed, its footnotes 5–9 (`Idem`, `Ibidem`) and
/// the start of the next page.
const LETTER: &str = r#"
De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad 
hebben met belangstelling kennisgenomen van de mededeling van de 
Europese Commissie inzake een nieuw migratie- en asielpact5 van 
23 september 2020 en het BNC-fiche6 over deze mededeling dat op 
4 november 2020 naar de Kamer is gestuurd. 

De leden van de PVV-fractie lezen de volgende passage in het BNC-fiche: 
«... waarbij verbetering van de grensprocedure de 
hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader 
aangeven hoe het kabinet tot deze conclusies is gekomen? 

Vervolgens lezen deze leden het volgende: «Wel had het kabinet graag 
passend zou zijn geweest.»8 Nu het kabinet zelf vaststelt dat deze 
EU-maatregelen tekort schieten, welke maatregelen gaat Nederland zélf 
nemen? 

5 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.
6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
7 Idem, blz. 12.
8 Ibidem.
9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.
 middel van de vorming van een «Talentenpool». 
"#;

fn at(text: &str, before: &str) -> String {
    let i = text.find(before).expect(before) + before.len();
    format!("{}$0{}", &text[..i], &text[i..])
}

#[test]
fn hover_on_a_marker_shows_its_footnote() {
    check_hover(
        &at(LETTER, "asielpact"),
        expect![[r#"
        3: Europese Commissie inzake een nieuw migratie- en asielpact5 van
                                                                     ^

        **Voetnoot 5**

        COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.

        → COM(2020) 609 · [eur-lex.europa.eu](https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52020DC0609)

        → E200018

        → [https://www.europapoort.nl](https://www.europapoort.nl)
    "#]],
    );
}

#[test]
fn hover_on_a_short_form_marker_resolves_it() {
    check_hover(
        &at(LETTER, "is.»"),
        expect![[r#"
        9: hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
                                                                 ^

        **Voetnoot 7**

        Idem, blz. 12 → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12

        _via voetnoot 6_

        [https://zoek.officielebekendmakingen.nl/kst-22112-2955.html](https://zoek.officielebekendmakingen.nl/kst-22112-2955.html)
    "#]],
    );
    check_hover(
        &at(LETTER, "geweest.»"),
        expect![[r#"
        13: passend zou zijn geweest.»8 Nu het kabinet zelf vaststelt dat deze
                                      ^

        **Voetnoot 8**

        Ibidem → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12

        _via voetnoot 7, 6_

        [https://zoek.officielebekendmakingen.nl/kst-22112-2955.html](https://zoek.officielebekendmakingen.nl/kst-22112-2955.html)
    "#]],
    );
}

#[test]
fn definition_of_a_marker_is_its_footnote() {
    check_definition(
        &at(LETTER, "is.»"),
        expect![[r#"
        /main.txt 19: 7 Idem, blz. 12.
                      ^
    "#]],
    );
}

#[test]
fn definition_of_a_short_form_is_the_footnote_with_the_full_citation() {
    check_definition(
        &at(LETTER, "\n7 Id"),
        expect![[r#"
        /main.txt 18: 6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
                      ^
    "#]],
    );
    check_definition(
        &at(LETTER, "\n8 Ib"),
        expect![[r#"
        /main.txt 18: 6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
                      ^
    "#]],
    );
}

#[test]
fn references_of_a_footnote() {
    check_references(
        &at(LETTER, "BNC-fiche"),
        expect![[r#"
        /main.txt 18: 6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
                      ^
        /main.txt 4: 23 september 2020 en het BNC-fiche6 over deze mededeling dat op
                                                       ^
    "#]],
    );
    check_uses(
        &at(LETTER, "BNC-fiche"),
        expect![[r#"
        /main.txt 4: 23 september 2020 en het BNC-fiche6 over deze mededeling dat op
                                                       ^
    "#]],
    );
}

/// The seed dossier: a committee's letter (footnotes 5–10), the answering
/// letter with its numbered repeats `1.`–`4.`, each `Antwoord`, and
/// footnotes 11–15, one of them a placeholder (`14 PM BRON`).
const SEED: &str = include_str!("../../seeds/000_0dbf1fc7ba84b8b6.txt");

/// `text` with the cursor at the start of the first line that starts
/// with `prefix`.
fn at_line(text: &str, prefix: &str) -> String {
    at_nth_line(text, prefix, 0)
}

/// `text` with the cursor at the start of the `nth` (from 0) line that
/// starts with `prefix`.
fn at_nth_line(text: &str, prefix: &str, nth: usize) -> String {
    let i = text
        .split_inclusive('\n')
        .scan(0, |start, line| {
            let here = *start;
            *start += line.len();
            Some((here, line))
        })
        .filter(|(_, line)| line.starts_with(prefix))
        .nth(nth)
        .unwrap_or_else(|| panic!("{prefix:?} {nth}"))
        .0;
    format!("{}$0{}", &text[..i], &text[i..])
}

#[test]
fn hover_on_a_placeholder_marker_says_the_source_is_missing() {
    check_hover(
        r#"
Antwoord 
Over de aanpak van overlastgevers verwijs ik u graag naar brieven die 
hierover aan de Tweede Kamer zijn gezonden.$014 Het kabinet zal zo veel 
mogelijk gebruik blijven maken van de ruimte die de huidige (Europese) 
mogelijkheden bieden. 

13 A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20, AH.
14 PM BRON
"#,
        expect![[r#"
            3: hierover aan de Tweede Kamer zijn gezonden.14 Het kabinet zal zo veel
                                                          ^^

            **Voetnoot 14**

            PM BRON

            ⚠ **De bron ontbreekt**: `PM BRON` staat hier in plaats van een bron.
        "#]],
    );
}

/// The same hover in an English session: our words change, the
/// document's do not.
#[test]
fn an_english_session_hovers_in_english() {
    check_hover(
        r#"
//- lang: en
Antwoord 
Over de aanpak van overlastgevers verwijs ik u graag naar brieven die 
hierover aan de Tweede Kamer zijn gezonden.$014 Het kabinet zal zo veel 
mogelijk gebruik blijven maken van de ruimte die de huidige (Europese) 
mogelijkheden bieden. 

13 A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20, AH.
14 PM BRON
"#,
        expect![[r#"
            3: hierover aan de Tweede Kamer zijn gezonden.14 Het kabinet zal zo veel
                                                          ^^

            **Footnote 14**

            PM BRON

            ⚠ **The source is missing**: `PM BRON` stands here instead of a source.
        "#]],
    );
}

#[test]
fn an_english_session_has_english_lenses() {
    check_lenses(
        r#"
//- lang: en
Vraag 1
Kent u het bericht «Brieven blijven liggen»?$0

Vraag 2
Waarom is dat zo?

Antwoord 1
Ja.
"#,
        expect![[r#"
            1: Vraag 1
               ^^^^^^^
              Answered: Answer 1, line 7
            4: Vraag 2
               ^^^^^^^
              Not answered
            7: Antwoord 1
               ^^^^^^^^^^
              Question 1: Kent u het bericht «Brieven blijven liggen»?
        "#]],
    );
}

#[test]
fn hover_on_a_footnote_number_shows_the_footnote() {
    check_hover(
        &at_line(LETTER, "7 Idem"),
        expect![[r#"
        19: 7 Idem, blz. 12.
            ^

        **Voetnoot 7**

        Idem, blz. 12 → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12

        _via voetnoot 6_

        [https://zoek.officielebekendmakingen.nl/kst-22112-2955.html](https://zoek.officielebekendmakingen.nl/kst-22112-2955.html)
    "#]],
    );
}

#[test]
fn hover_on_a_citation_shows_its_canonical_form_and_address() {
    // On `2955`, after the `–` of `2020–2021`.
    check_hover(
        r#"
3 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.
4 Kamerstukken II, 2020–2021, 22 112, nr. 29$055.
"#,
        expect![[r#"
            2: 4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

            **Kamerstukken II 2020/21, 22 112, nr. 2955**

            [https://zoek.officielebekendmakingen.nl/kst-22112-2955.html](https://zoek.officielebekendmakingen.nl/kst-22112-2955.html)
        "#]],
    );
}

#[test]
fn a_short_form_across_a_page_break_leads_to_the_full_citation() {
    check_definition(
        &at(SEED, "\n10 I"),
        expect![[r#"
        /main.txt 89: 9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.
                      ^
    "#]],
    );
}

#[test]
fn a_question_heading_shows_and_leads_to_its_answer() {
    let heading = at_line(SEED, "4. ");
    check_hover(
        &heading,
        expect![[r#"
        254: 4.
             ^^

        **Antwoord 4** (regel 267)

        Het kabinet stelt voorop dat EU-lidstaten op het gebied van legale migratie eigen afwegingen maken op basis van de behoeften van de nationale arbeidsmarkten. De Commissie presenteert onder de noemer «talent partnerschappen» geen nieuwe verplichtingen maar bouwt voort op bestaande kaders, zoals de (afronding van de) Blauwe Kaart Richtlijn. Wel kondigt de Commissie aan met nieuwe wetgeving te komen op het gebied van reguliere migratie. Na bestudering daarvan kan nadere duiding worden gegeven over welke criteria de Commissie voor ogen heeft. De voorstellen worden dit jaar verwacht. Wanneer dat het geval is, wordt uw Kamer hierover op de gebruikelijke wijze geïnformeerd.
    "#]],
    );
    check_definition(
        &heading,
        expect![[r#"
        /main.txt 267: Antwoord
                       ^^^^^^^^
    "#]],
    );
}

#[test]
fn an_answer_heading_shows_its_question() {
    check_hover(
        &at_nth_line(SEED, "Antwoord", 3),
        expect![[r#"
        267: Antwoord
             ^^^^^^^^

        **Vraag 4** (regel 254)

        Ten slotte lezen deze leden in het BNC-fiche: «De Commissie stelt voor om het aantrekken van talent door de EU-lidstaten te vereenvoudigen, door middel van de vorming van een «Talentenpool». Zeker wanneer het gaat om hooggekwalificeerde migratie is het belangrijk dat de EU in de wereldwijde concurrentie om talent aantrekkelijk blijft. In dat geval sluit dit voorstel aan bij het kennismigratiebeleid van het kabinet.» Kunt u aangeven op welke landen dit beleid zich richt, wat er concreet wordt verstaan onder «hooggekwalificeerde migratie» en aan welke criteria dit zou moeten voldoen? Wat voor «talent» wordt hiermee beoogd en waarom wordt dit talent niet binnen onze binnenlandse arbeidsmarkt gezocht of opgeleid, zo vragen de leden van de PVV-fractie.
    "#]],
    );
}

#[test]
fn an_answer_hover_shows_its_footnote_markers_resolved() {
    // Hyphenation undone (`asielproblematiek`), no marker digits left.
    check_hover(
        &at_line(SEED, "1. "),
        expect![[r#"
        124: 1.
             ^^

        **Antwoord 1** (regel 135)

        Het kabinet heeft de voorstellen van de Europese Commissie beoordeeld in het licht van de kabinetsvisie op de Europese migratie- en asielproblematiek, zoals onder meer beschreven in het Regeerakkoord _(voetnoot 11: Bijlage bij Kamerstuk 34 700, nr. 34)_, de Integrale Migratie-agenda _(voetnoot 12: Kamerstuk 19 637, nr. 2375)_ en het beleidsstuk «A Renewed European Agenda on Migration» _(voetnoot 13: Bijlage bij Kamerstuk 21 501-20, AH)_. Om te komen tot een solidair en solide asielsysteem in de EU acht het kabinet maatregelen nodig die de huidige tekortkomingen adresseren. Daarbij kan gedacht worden aan het vinden van een betere balans tussen verantwoordelijkheid en solidariteit, het beter beheersen van secundaire migratiestromen en het aanpakken van tekortkomingen in implementatie van asielregels in meerdere lidstaten. In de …
    "#]],
    );
    // Question 2's answer cites a placeholder.
    check_hover(
        &at_line(SEED, "2. "),
        expect![[r#"
        157: 2.
             ^^

        **Antwoord 2** (regel 167)

        Over de aanpak van overlastgevers verwijs ik u graag naar brieven die hierover aan de Tweede Kamer zijn gezonden. _(voetnoot 14: ⚠ bron ontbreekt)_ Het kabinet zal zo veel mogelijk gebruik blijven maken van de ruimte die de huidige (Europese) mogelijkheden bieden. Daarnaast blijft het kabinet zich hard maken om in Europees verband maatregelen te treffen die secundaire migratie aanpakken, waaronder in de onderhandelingen over de voorstellen inzake asiel en migratie van 23 september jl. De grensprocedure die nu in de voorstellen wordt geïntroduceerd kan daar in grote mate aan bijdragen. Er zijn echter ook elementen waar het kabinet kritisch tegenover staat op dit punt. Deze zijn nader toegelicht in het BNC-fiche aangaande …
    "#]],
    );
}

#[test]
fn references_of_a_placeholder_footnote_are_its_definition_and_marker() {
    check_references(
        &at(SEED, "gezonden."),
        expect![[r#"
        /main.txt 182: 14 PM BRON
                       ^^
        /main.txt 169: hierover aan de Tweede Kamer zijn gezonden.14 Het kabinet zal zo veel
                                                                  ^^
    "#]],
    );
}

#[test]
fn references_on_a_question_are_every_place_that_concerns_it() {
    // Question 3: two paragraphs of the letter, the repeat, the answer; the
    // same from each of them.
    let from_heading = super::fixture::references(&at_line(SEED, "3. "), true);
    expect![[r#"
        /main.txt 63: Op dezelfde pagina staat verder: «Het kabinet is daarbij voorstander van
                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        /main.txt 71: «De voorstellen van de Commissie op het gebied van solidariteit bieden
                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        /main.txt 202: 3.
                       ^^
        /main.txt 221: Antwoord
                       ^^^^^^^^
    "#]]
    .assert_eq(&from_heading);
    for (place, nth) in [("Op dezelfde", 0), ("«De voorst", 0), ("Antwoord", 2)] {
        let from = super::fixture::references(&at_nth_line(SEED, place, nth), true);
        assert_eq!(from, from_heading, "from {place:?}");
    }
}

/// Kamervragen: `Vraag N` and `Antwoord N` headings, `(zie vraag 5)` and
/// `antwoord op vraag 4`.
const KAMERVRAGEN: &str = include_str!("../../tests/corpus/learninglion/ah-tk-20232024-2271.txt");

#[test]
fn a_reference_to_a_question_leads_to_it_or_its_answer() {
    let to_answer = at(KAMERVRAGEN, "antwoord op vraag ");
    check_definition(
        &to_answer,
        expect![[r#"
        /main.txt 82: Antwoord 4
                      ^^^^^^^^^^
    "#]],
    );
    check_hover(
        &to_answer,
        expect![[r#"
        181: Zoals ik in mijn antwoord op vraag 4 aangaf, zijn de afgelopen jaren goede
                              ^^^^^^^^^^^^^^^^^^^

        **Antwoord 4** (regel 82)

        De afgelopen jaren zijn veel stappen in de goede richting gezet, maar eetstoornissen betreffen hardnekkige en complexe problematiek. Voor de meerderheid van de jongeren en volwassenen met een eetstoornis is de beschikbare zorg passend. Voor een kleiner deel van de jongeren en volwassenen blijkt het ingewikkeld tijdig passende zorg te bieden. Dit kan komen omdat een eetstoornis soms pas laat wordt herkend of erkend. Maar ook omdat een deel van deze jongeren en volwassenen met meerdere problemen tegelijkertijd te maken hebben, zoals bijvoorbeeld suïcidaliteit, trauma, somatische problemen, of autisme. Deze aandoeningen kunnen elkaar versterken of afwisselen, waardoor behandeling vanuit …
    "#]],
    );
    let to_question = at(KAMERVRAGEN, "zie vraag ");
    check_definition(
        &to_question,
        expect![[r#"
        /main.txt 94: Vraag 5
                      ^^^^^^^
    "#]],
    );
    check_hover(
        &to_question,
        expect![[r#"
        34: bovenregionale expertisenetwerken jeugd (zie vraag 5). Vanuit deze netwer-
                                                     ^^^^^^^^^^^

        **Antwoord 5** (regel 102)

        Mijn voorganger heeft op 21 juni jl. een voortgangsbrief Jeugd naar de Tweede Kamer gestuurd waarin hij is ingegaan op de stand van zaken rond de bovenregionale expertisenetwerken (hierna: BENs). Als bijlage bij deze brief was de voortgangsrapportage over de BENs toegevoegd, met daarin een groot aantal voorbeelden van wat concreet gedaan is met het gespecialiseerde hulpaanbod. Ik verwijs voor het antwoord op deze vraag naar die brief. _(voetnoot 5: Kamerstukken II 2023/24, 31 839, nr. 1024)_
    "#]],
    );
}

#[test]
fn references_of_a_kamervraag_include_zie_vraag() {
    check_references(
        &at(KAMERVRAGEN, "Vraag 5"),
        expect![[r#"
        /main.txt 34: bovenregionale expertisenetwerken jeugd (zie vraag 5). Vanuit deze netwer-
                                                               ^^^^^^^^^^^
        /main.txt 94: Vraag 5
                      ^^^^^^^
        /main.txt 102: Antwoord 5
                       ^^^^^^^^^^
    "#]],
    );
}

/// Kamerstuk 22 112, nr. 2955 in two pages, and a file that cites it.
const CITED_AND_NOTES: &str = r#"
//- /kst-22112-2955.txt
 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN
Tekst van de eerste bladzijde over het BNC-fiche.

Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 1
 Tekst van de tweede bladzijde.

Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 2
//- /notities.txt
Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.
En nogmaals Kamerstukken II 2020/21, 22 112, nr. 2955.
"#;

#[test]
fn a_citation_leads_to_the_cited_page_in_the_workspace() {
    check_definition(
        &at(CITED_AND_NOTES, "Zie Kamerstukken"),
        expect![[r#"
            /kst-22112-2955.txt 5:  Tekst van de tweede bladzijde.
                                   |
        "#]],
    );
    check_definition(
        &at(CITED_AND_NOTES, "En nogmaals Kamer"),
        expect![[r#"
        /kst-22112-2955.txt 1:  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN
                               |
    "#]],
    );
}

#[test]
fn a_citation_hover_names_the_cited_file_of_the_workspace() {
    check_hover(
        &at(CITED_AND_NOTES, "Zie Kamerstukken"),
        expect![[r#"
        1: Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

        **Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2**

        [https://zoek.officielebekendmakingen.nl/kst-22112-2955.html](https://zoek.officielebekendmakingen.nl/kst-22112-2955.html)

        In de werkruimte: [kst-22112-2955.txt](file:///ws/kst-22112-2955.txt)
    "#]],
    );
}

#[test]
fn references_of_a_citation_are_every_place_that_cites_the_document() {
    check_uses(
        &at(CITED_AND_NOTES, "En nogmaals Kamer"),
        expect![[r#"
        /notities.txt 1: Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        /notities.txt 2: En nogmaals Kamerstukken II 2020/21, 22 112, nr. 2955.
                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    "#]],
    );
}

#[test]
fn the_footer_says_what_the_document_is_and_who_cites_it() {
    let footer = at(CITED_AND_NOTES, "2020–2021, 22 1");
    check_hover(
        &footer,
        expect![[r#"
        4: Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 1
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

        **Kamerstukken II 2020/21, 22 112, nr. 2955**

        `kst-22112-2955`

        2× aangehaald in 1 ander document van de werkruimte (zoek de verwijzingen op voor de plaatsen).
    "#]],
    );
    check_uses(
        &footer,
        expect![[r#"
        /notities.txt 1: Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        /notities.txt 2: En nogmaals Kamerstukken II 2020/21, 22 112, nr. 2955.
                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    "#]],
    );
}

/// The seed's committee letter and its answering letter as two files.
fn seed_split() -> String {
    let split = SEED
        .find("\n BRIEF VAN DE STAATSSECRETARIS")
        .expect("the answering letter")
        + 1;
    format!(
        "//- /brief.txt\n{}//- /antwoorden.txt\n{}",
        &SEED[..split],
        &SEED[split..]
    )
}

#[test]
fn a_committee_question_answered_in_another_file_says_where() {
    let question = at(&seed_split(), "Ten slotte lezen");
    check_hover(
        &question,
        expect![[r#"
        82: Ten slotte lezen deze leden in het BNC-fiche: «De Commissie stelt voor om
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ …

        **Vraag 4**

        Beantwoord in [antwoorden.txt](file:///ws/antwoorden.txt), regel 147
    "#]],
    );
    check_definition(
        &question,
        expect![[r#"
        /antwoorden.txt 147: 4.
                             ^^^ …
    "#]],
    );
}

#[test]
fn a_committee_question_answered_in_the_same_file_leads_to_its_answer() {
    check_definition(
        &at(SEED, "Ten slotte lezen"),
        expect![[r#"
        /main.txt 267: Antwoord
                       ^^^^^^^^
    "#]],
    );
}

#[test]
fn a_marker_highlights_its_footnote_and_its_other_markers() {
    let text =
        "Eerst1 dan2 en weer1.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n";
    check_highlight(
        &at(text, "Eerst"),
        expect![[r#"
        Read 1: Eerst1 dan2 en weer1.
                     ^
        Read 1: Eerst1 dan2 en weer1.
                                   ^
        Write 2: 1 Kamerstuk 19 637, nr. 2375.
                 ^
    "#]],
    );
    check_highlight(
        &at_line(text, "1 Kamer"),
        expect![[r#"
        Read 1: Eerst1 dan2 en weer1.
                     ^
        Read 1: Eerst1 dan2 en weer1.
                                   ^
        Write 2: 1 Kamerstuk 19 637, nr. 2375.
                 ^
    "#]],
    );
}

#[test]
fn a_question_highlights_its_places() {
    check_highlight(
        &at_line(SEED, "2. "),
        expect![[r#"
        Text 54: Vervolgens lezen deze leden het volgende: «Wel had het kabinet graag
                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        Text 157: 2.
                  ^^
        Text 167: Antwoord
                  ^^^^^^^^
    "#]],
    );
}

#[test]
fn a_citation_highlights_every_citation_of_the_same_document() {
    check_highlight(
        &at(LETTER, "6 Kamerstukken"),
        expect![[r#"
        Text 18: 6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        Text 21: 9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    "#]],
    );
}

#[test]
fn letters_questions_answers_fold_as_regions_footnote_blocks_as_comments() {
    check_folding(
        SEED,
        expect![[r#"
        Comment 19–29: 1 Zie dossiers E200018, E200019, E200020, E200021, E200022, E200023 op www.europapoort.nl … 4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
        Region 30–107: BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR … 10 Idem, blz. 17.
        Region 44–52: De leden van de PVV-fractie lezen de volgende passage in het BNC-fiche: … Nederland zou moeten leiden?
        Region 54–61: Vervolgens lezen deze leden het volgende: «Wel had het kabinet graag … gevers aan te pakken?
        Region 63–69: Op dezelfde pagina staat verder: «Het kabinet is daarbij voorstander van … de Nederlandse bevolking?
        Region 71–80: «De voorstellen van de Commissie op het gebied van solidariteit bieden … riteit» voor Nederland heeft.
        Region 82–98: Ten slotte lezen deze leden in het BNC-fiche: «De Commissie stelt voor om … gezocht of opgeleid, zo vragen de leden van de PVV-fractie.
        Comment 85–89: 5 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl. … 9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.
        Region 108–277: BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN … wordt uw Kamer hierover op de gebruikelijke wijze geïnformeerd.
        Region 124–155: 1. … de onderliggende mededeling worden gedaan.
        Region 124–133: 1. … Nederland zou moeten leiden?
        Region 135–155: Antwoord … de onderliggende mededeling worden gedaan.
        Region 157–200: 2. … om hier nu zo snel mogelijk stappen op te zetten.
        Region 157–165: 2. … gevers aan te pakken?
        Region 167–200: Antwoord … om hier nu zo snel mogelijk stappen op te zetten.
        Comment 177–182: 11 Regeerakkoord 2017 «Vertrouwen in de toekomst», 10 oktober 2017. Bijlage bij Kamerstuk … 14 PM BRON
        Region 202–252: 3. … binnen de EU.
        Region 202–219: 3. … riteit» voor Nederland heeft.
        Region 221–252: Antwoord … binnen de EU.
        Region 254–277: 4. … wordt uw Kamer hierover op de gebruikelijke wijze geïnformeerd.
        Region 254–265: 4. … gezocht of opgeleid, zo vragen de leden van de PVV-fractie.
        Region 267–277: Antwoord … wordt uw Kamer hierover op de gebruikelijke wijze geïnformeerd.
    "#]],
    );
}

#[test]
fn the_colophon_and_footer_of_an_aanhangsel_page_fold_as_a_comment() {
    check_folding(
        KAMERVRAGEN,
        expect![[r#"
        Region 13–20: Vraag 1 … Ja.
        Region 13–18: Vraag 1 … «code zwart» is?1
        Region 19–20: Antwoord 1 … Ja.
        Region 21–69: Vraag 2 … meerd over de besteding van deze middelen. 4
        Region 21–23: Vraag 2 … bod te verbeteren? Kunt u dit zo concreet mogelijk beschrijven?
        Region 24–69: Antwoord 2 … meerd over de besteding van deze middelen. 4
        Comment 41–43: ah-tk-20232024-2271 … ’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1
        Region 70–79: Vraag 3 … een eetstoornis. Dit geldt ook voor volwassenen.
        Region 70–74: Vraag 3 … 2019 en 2021?
        Region 75–79: Antwoord 3 … een eetstoornis. Dit geldt ook voor volwassenen.
        Region 80–93: Vraag 4 … expertises en zorgprofessionals nodig is.
        Region 80–81: Vraag 4 … Bent u tevreden met wat er de afgelopen jaren is gedaan en is bereikt?
        Region 82–93: Antwoord 4 … expertises en zorgprofessionals nodig is.
        Region 94–109: Vraag 5 … brief.5
        Region 94–101: Vraag 5 … Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2
        Comment 98–100: 2 Zie de website www.firsteetkit.nl … 4 Kamerstukken II, 2023/2024, 31 839, nr. 1024
        Region 102–109: Antwoord 5 … brief.5
        Region 110–175: Vraag 6 … veld gewerkt aan een gezamenlijke onderzoeks- en leeragenda.
        Region 110–113: Vraag 6 … Gezondheidsraad? Kunt u dit per aanbeveling uiteen zetten?
        Region 114–175: Antwoord 6 … veld gewerkt aan een gezamenlijke onderzoeks- en leeragenda.
        Comment 160–164: 5 Kamerstukken II, 2023/2024, 31 839, nr. 1024 … 9 www.stormaanpak.nl
        Region 176–189: Vraag 7 … (h)erkend vergroot.
        Region 176–179: Vraag 7 … nee, hoe kan dit?
        Region 180–189: Antwoord 7 … (h)erkend vergroot.
        Region 190–209: Vraag 8 … de zomer komt de NZa met nieuwe cijfers.
        Region 190–196: Vraag 8 … of gedaald?
        Region 197–209: Antwoord 8 … de zomer komt de NZa met nieuwe cijfers.
        Region 210–227: Vraag 9 … gezondheid van ons allemaal 14.
        Region 210–213: Vraag 9 … 2021 al zei dat het «code zwart» was?
        Region 214–227: Antwoord 9 … gezondheid van ons allemaal 14.
        Comment 220–223: 10 https://puc.overheid.nl/nza/doc/PUC_760147_22 … 13 https://puc.overheid.nl/nza/doc/PUC_760147_22/
        Region 228–246: Vraag 10 … captenorganisaties.
        Region 228–231: Vraag 10 … hulp vanuit het Ministerie van VWS?
        Region 232–246: Antwoord 10 … captenorganisaties.
        Region 247–257: Vraag 11 … stellen.15
        Region 247–250: Vraag 11 … maatregelen en doelen gaat u stellen? Hoe kan de Kamer dit controleren?
        Region 251–257: Antwoord 11 … stellen.15
        Region 258–301: Vraag 12 … Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 6
        Region 258–263: Vraag 12 … eetstoornis meenemen?
        Region 264–301: Antwoord 12 … Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 6
        Comment 277–281: 14 Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA midterm review: https:// … 16 Geestelijke gezondheidszorg | Tweede Kamer der Staten-Generaal
    "#]],
    );
}

#[test]
fn a_selection_grows_from_a_citation_to_its_footnote_to_its_page() {
    check_selection(
        &at(SEED, "4 Kamerstukken"),
        expect![[r#"
        29: 4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        29: 4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        19: 1 Zie dossiers E200018, E200019, E200020, E200021, E200022, E200023 op www.europapoort.nl
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ …
        1:  De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad2
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ …
    "#]],
    );
}

#[test]
fn citations_link_to_their_official_addresses() {
    check_links(
        LETTER,
        expect![[r#"
        17: 5 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.
              ^^^^^^^^^^^^
          → https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52020DC0609 (COM(2020) 609)
        17: 5 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.
                                                       ^^^^^^^^^^^^^^^^^^
          → https://www.europapoort.nl (https://www.europapoort.nl)
        18: 6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          → https://zoek.officielebekendmakingen.nl/kst-22112-2955.html (Kamerstukken II 2020/21, 22 112, nr. 2955)
        19: 7 Idem, blz. 12.
              ^^^^^^^^^^^^^
          → https://zoek.officielebekendmakingen.nl/kst-22112-2955.html (Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12)
        20: 8 Ibidem.
              ^^^^^^
          → https://zoek.officielebekendmakingen.nl/kst-22112-2955.html (Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12)
        21: 9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          → https://zoek.officielebekendmakingen.nl/kst-22112-2955.html (Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 14)
    "#]],
    );
}

#[test]
fn a_kamerstuk_links_to_its_publication() {
    check_links(
        r#"
Het kabinet heeft de voorstellen van de Europese Commissie beoordeeld 
in het licht van de kabinetsvisie op de Europese migratie- en asielproble-
matiek, zoals onder meer beschreven in het Regeerakkoord11, de Integrale 
Migratie-agenda12 en het beleidsstuk «A Renewed European Agenda on 
Migration»13. 

11 Regeerakkoord 2017 «Vertrouwen in de toekomst», 10 oktober 2017. Bijlage bij Kamerstuk 
34 700, nr. 34.

12 Kamerstuk 19 637, nr. 2375.
13 A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20, AH.
"#,
        expect![[r#"
            7: 11 Regeerakkoord 2017 «Vertrouwen in de toekomst», 10 oktober 2017. Bijlage bij Kamerstuk
                                                                                   ^^^^^^^^^^^^^^^^^^^^^^ …
              → https://zoek.officielebekendmakingen.nl/kst-34700-34.html (Bijlage bij Kamerstuk 34 700, nr. 34)
            10: 12 Kamerstuk 19 637, nr. 2375.
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^
              → https://zoek.officielebekendmakingen.nl/kst-19637-2375.html (Kamerstuk 19 637, nr. 2375)
            11: 13 A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20, AH.
                                                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              → https://zoek.officielebekendmakingen.nl/kst-21501-20-AH.html (Bijlage bij Kamerstuk 21 501-20, AH)
        "#]],
    );
}

#[test]
fn symbols_are_letters_with_questions_and_answers_and_footnotes() {
    check_symbols(
        SEED,
        expect![[r#"
        Footnote Voetnoot 1: Zie dossiers E200018, E200019, E200020, E200021, E200022, E200023 op www.europa… (19–19)
        Footnote Voetnoot 2: Samenstelling: Kox (SP), Faber-van de Klashorst (PVV), (voorzitter), De Boer (G… (20–26)
        Footnote Voetnoot 3: COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl. (28–28)
        Footnote Voetnoot 4: Kamerstukken II, 2020–2021, 22 112, nr. 2955. (29–29)
        Letter BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR IMMIGRATIE EN ASIEL/JBZ-RAAD (30–107)
          Question Vraag 1 (44–52): De leden van de PVV-fractie lezen de volgende passage in he…
          Question Vraag 2 (54–61): Vervolgens lezen deze leden het volgende: «Wel had het kabi…
          Question Vraag 3 (63–69): Op dezelfde pagina staat verder: «Het kabinet is daarbij vo…
          Question Vraag 3 (71–80): «De voorstellen van de Commissie op het gebied van solidari…
          Question Vraag 4 (82–98): Ten slotte lezen deze leden in het BNC-fiche: «De Commissie…
            Footnote Voetnoot 5: COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl. (85–85)
            Footnote Voetnoot 6: Kamerstukken II, 2020–2021, 22 112, nr. 2955. (86–86)
            Footnote Voetnoot 7: Idem, blz. 12. (87–87)
            Footnote Voetnoot 8: Ibidem. (88–88)
            Footnote Voetnoot 9: Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14. (89–89)
          Footnote Voetnoot 10: Idem, blz. 17. (107–107)
        Letter BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID (108–277)
          Question Vraag 1 (124–133): De leden van de PVV-fractie lezen de volgende passage in he…
          Answer Antwoord 1 (135–155): Het kabinet heeft de voorstellen van de Europese Commissie…
          Question Vraag 2 (157–165): Vervolgens lezen deze leden het volgende: «Wel had het kabi…
          Answer Antwoord 2 (167–200): Over de aanpak van overlastgevers verwijs ik u graag naar b…
            Footnote Voetnoot 11: Regeerakkoord 2017 «Vertrouwen in de toekomst», 10 oktober 2017. Bijlage bij Ka… (177–178)
            Footnote Voetnoot 12: Kamerstuk 19 637, nr. 2375. (180–180)
            Footnote Voetnoot 13: A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20,… (181–181)
            Footnote Voetnoot 14: PM BRON (182–182)
          Question Vraag 3 (202–219): Op dezelfde pagina staat verder: «Het kabinet is daarbij vo…
          Answer Antwoord 3 (221–252): In het geval dat een lidstaat verantwoordelijkheid neemt vo…
            Footnote Voetnoot 15: Kamerstuk 22 112 nr. 2956. (242–242)
          Question Vraag 4 (254–265): Ten slotte lezen deze leden in het BNC-fiche: «De Commissie…
          Answer Antwoord 4 (267–277): Het kabinet stelt voorop dat EU-lidstaten op het gebied van…
    "#]],
    );
}

#[test]
fn every_seed_question_and_answer_has_a_lens() {
    // Five paragraphs of the committee, four repeats, four answers.
    check_lenses(
        SEED,
        expect![[r#"
            44: De leden van de PVV-fractie lezen de volgende passage in het BNC-fiche:
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 1, regel 135
            54: Vervolgens lezen deze leden het volgende: «Wel had het kabinet graag
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 2, regel 167
            63: Op dezelfde pagina staat verder: «Het kabinet is daarbij voorstander van
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 3, regel 221
            71: «De voorstellen van de Commissie op het gebied van solidariteit bieden
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 3, regel 221
            82: Ten slotte lezen deze leden in het BNC-fiche: «De Commissie stelt voor om
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 4, regel 267
            124: 1.
                 ^^
              Beantwoord: Antwoord 1, regel 135
            157: 2.
                 ^^
              Beantwoord: Antwoord 2, regel 167
            202: 3.
                 ^^
              Beantwoord: Antwoord 3, regel 221
            254: 4.
                 ^^
              Beantwoord: Antwoord 4, regel 267
            135: Antwoord
                 ^^^^^^^^
              Vraag 1: De leden van de PVV-fractie lezen de volgende passage in …
            167: Antwoord
                 ^^^^^^^^
              Vraag 2: Vervolgens lezen deze leden het volgende: «Wel had het kabinet …
            221: Antwoord
                 ^^^^^^^^
              Vraag 3: Op dezelfde pagina staat verder: «Het kabinet is daarbij voorstander …
            267: Antwoord
                 ^^^^^^^^
              Vraag 4: Ten slotte lezen deze leden in het BNC-fiche: «De Commissie …
        "#]],
    );
}

#[test]
fn a_lens_above_a_committee_question_names_the_file_that_answers_it() {
    check_lenses(
        &at(&seed_split(), "Ten slotte"),
        expect![[r#"
            44: De leden van de PVV-fractie lezen de volgende passage in het BNC-fiche:
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord in antwoorden.txt: vraag 1, regel 17
            54: Vervolgens lezen deze leden het volgende: «Wel had het kabinet graag
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord in antwoorden.txt: vraag 2, regel 50
            63: Op dezelfde pagina staat verder: «Het kabinet is daarbij voorstander van
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord in antwoorden.txt: vraag 3, regel 95
            71: «De voorstellen van de Commissie op het gebied van solidariteit bieden
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord in antwoorden.txt: vraag 3, regel 95
            82: Ten slotte lezen deze leden in het BNC-fiche: «De Commissie stelt voor om
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord in antwoorden.txt: vraag 4, regel 147
        "#]],
    );
}

#[test]
fn kamervragen_with_merged_numbers_have_their_lenses() {
    check_lenses(
        include_str!("../../tests/corpus/learninglion/ah-tk-20232024-2367.txt"),
        expect![[r#"
            10: Vraag 1
                ^^^^^^^
              Beantwoord: Antwoord 1, regel 13
            15: Vraag 2
                ^^^^^^^
              Beantwoord: Antwoord 2, regel 19
            25: Vraag 3, 4, 5 en 6
                ^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 3, 4, 5, 6, regel 44
            84: Vraag 7, 8, 9 10 en 11
                ^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 7, 8, 9, 10, 11, regel 100
            136: Vraag 12
                 ^^^^^^^^
              Beantwoord: Antwoord 12, regel 139
            13: Antwoord 1
                ^^^^^^^^^^
              Vraag 1: Bent u bekend met het NRC-artikel «Bunq-werknemers keken stiekem in …
            19: Antwoord 2
                ^^^^^^^^^^
              Vraag 2: Deelt u de opvatting dat het bekijken van gegevens van …
            44: Antwoord 3, 4, 5 en 6
                ^^^^^^^^^^^^^^^^^^^^^
              Vraag 3, 4, 5, 6: Herkent u het beeld dat Bunq-bank verzaakt? Herkent u het …
            100: Antwoord 7, 8, 9 10 en 11
                 ^^^^^^^^^^^^^^^^^^^^^^^^^
              Vraag 7, 8, 9, 10, 11: Wat gaat u, samen met de toezichthouders (DNB en de …
            139: Antwoord 12
                 ^^^^^^^^^^^
              Vraag 12: Zijn er andere banken met dezelfde problematiek? Wat gaat u …
        "#]],
    );
    check_lenses(
        KAMERVRAGEN,
        expect![[r#"
            13: Vraag 1
                ^^^^^^^
              Beantwoord: Antwoord 1, regel 19
            21: Vraag 2
                ^^^^^^^
              Beantwoord: Antwoord 2, regel 24
            70: Vraag 3
                ^^^^^^^
              Beantwoord: Antwoord 3, regel 75
            80: Vraag 4
                ^^^^^^^
              Beantwoord: Antwoord 4, regel 82
            94: Vraag 5
                ^^^^^^^
              Beantwoord: Antwoord 5, regel 102
            110: Vraag 6
                 ^^^^^^^
              Beantwoord: Antwoord 6, regel 114
            176: Vraag 7
                 ^^^^^^^
              Beantwoord: Antwoord 7, regel 180
            190: Vraag 8
                 ^^^^^^^
              Beantwoord: Antwoord 8, regel 197
            210: Vraag 9
                 ^^^^^^^
              Beantwoord: Antwoord 9, regel 214
            228: Vraag 10
                 ^^^^^^^^
              Beantwoord: Antwoord 10, regel 232
            247: Vraag 11
                 ^^^^^^^^
              Beantwoord: Antwoord 11, regel 251
            258: Vraag 12
                 ^^^^^^^^
              Beantwoord: Antwoord 12, regel 264
            19: Antwoord 1
                ^^^^^^^^^^
              Vraag 1: Bent u bekend met de opmerkingen van uw ambtsvoorgangers die …
            24: Antwoord 2
                ^^^^^^^^^^
              Vraag 2: Wat is er sinds deze duidelijke kwalificatie in 2021 gedaan …
            75: Antwoord 3
                ^^^^^^^^^^
              Vraag 3: Hoeveel extra behandelaren voor eetstoornissen zijn er gekomen? Hoeveel extra …
            82: Antwoord 4
                ^^^^^^^^^^
              Vraag 4: Bent u tevreden met wat er de afgelopen jaren is …
            102: Antwoord 5
                 ^^^^^^^^^^
              Vraag 5: Wat is er concreet gedaan met het gespecialiseerde hulpaanbod, waaronder …
            114: Antwoord 6
                 ^^^^^^^^^^
              Vraag 6: Wat is er concreet gedaan met de bevindingen en aanbevelingen …
            180: Antwoord 7
                 ^^^^^^^^^^
              Vraag 7: Is het volgens u gelukt om eetstoornissen bij kinderen en …
            197: Antwoord 8
                 ^^^^^^^^^^
              Vraag 8: Hoe verklaart u het dat ondanks de alarmerende berichten en …
            214: Antwoord 9
                 ^^^^^^^^^^
              Vraag 9: Wat is er concreet gebeurd toen duidelijk werd dat de …
            232: Antwoord 10
                 ^^^^^^^^^^^
              Vraag 10: Wat gebeurt er specifiek om ouders en anderen in het …
            251: Antwoord 11
                 ^^^^^^^^^^^
              Vraag 11: Wat zijn uw specifieke plannen om de hulp aan jongeren …
            264: Antwoord 12
                 ^^^^^^^^^^^
              Vraag 12: Welk aanbod is er voor cliënten die op een wachtlijst …
        "#]],
    );
}

#[test]
fn short_forms_show_their_citation() {
    check_hints(
        SEED,
        false,
        expect![[r#"
        87: 7 Idem, blz. 12.
                           |
          → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12
        88: 8 Ibidem.
                    |
          → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12
        107: 10 Idem, blz. 17.
                             |
          → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 17
    "#]],
    );
}

#[test]
fn markers_show_their_footnote_when_asked() {
    // The three short forms and the fourteen markers.
    check_hints(
        SEED,
        true,
        expect![[r#"
        1:  De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad2
                                                                              |
          [Samenstelling: Kox (SP), Faber-van de Klashorst …] (De eerste woorden van de voetnoot)
        4: inzake een nieuw migratie- en asielpact3 van 23 september 2020 en het
                                                   |
          [COM(2020)609. Zie ook dossier E200018 op …] (De eerste woorden van de voetnoot)
        5: BNC-fiche4 over deze mededeling dat op 4 november 2020 naar de Kamer
                     |
          [Kamerstukken II, 2020–2021, 22 112, nr. …] (De eerste woorden van de voetnoot)
        39: Europese Commissie inzake een nieuw migratie- en asielpact5 van
                                                                       |
          [COM(2020)609. Zie ook dossier E200018 op …] (De eerste woorden van de voetnoot)
        40: 23 september 2020 en het BNC-fiche6 over deze mededeling dat op
                                               |
          [Kamerstukken II, 2020–2021, 22 112, nr. …] (De eerste woorden van de voetnoot)
        49: hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
                                                                   |
          [Idem, blz. 12.] (De eerste woorden van de voetnoot)
        58: passend zou zijn geweest.»8 Nu het kabinet zelf vaststelt dat deze
                                       |
          [Ibidem.] (De eerste woorden van de voetnoot)
        77: verwacht. Het kabinet waardeert deze aanpak.»9 De leden van de
                                                          |
          [Kamerstukken II, 2020–2021, 22 112, nr. …] (De eerste woorden van de voetnoot)
        87: 7 Idem, blz. 12.
                           |
          → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12
        88: 8 Ibidem.
                    |
          → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12
        93: voorstel aan bij het kennismigratiebeleid van het kabinet.»10 Kunt u
                                                                         |
          [Idem, blz. 17.] (De eerste woorden van de voetnoot)
        107: 10 Idem, blz. 17.
                             |
          → Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 17
        138: matiek, zoals onder meer beschreven in het Regeerakkoord11, de Integrale
                                                                       |
          [Regeerakkoord 2017 «Vertrouwen in de toekomst», …] (De eerste woorden van de voetnoot)
        139: Migratie-agenda12 en het beleidsstuk «A Renewed European Agenda on
                              |
          [Kamerstuk 19 637, nr. 2375.] (De eerste woorden van de voetnoot)
        140: Migration»13.
                         |
          [A Renewed agenda on migration, 31 …] (De eerste woorden van de voetnoot)
        169: hierover aan de Tweede Kamer zijn gezonden.14 Het kabinet zal zo veel
                                                          |
          [PM BRON] (De eerste woorden van de voetnoot)
        185: dening betreffende asiel- en migratiebeheer.15 Een voorbeeld is de
                                                           |
          [Kamerstuk 22 112 nr. 2956.] (De eerste woorden van de voetnoot)
    "#]],
    );
}

/// A document that cites two Kamerstukken, with places to complete.
const TO_COMPLETE: &str = "Eerst1 dan2.\nZie Kamerstuk $0\nZoals in zie noot \nVraag \n\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstukken II, 2020–2021, 22 112, nr. 2955.\n";

#[test]
fn completion_offers_cited_documents_after_kamerstuk() {
    check_completion(
        TO_COMPLETE,
        expect![[r#"
            Document 19 637, nr. 2375 (in dit document aangehaald)
              Zie Kamerstuk 19 637, nr. 2375
            Document 22 112, nr. 2955 (in dit document aangehaald)
              Zie Kamerstuk 22 112, nr. 2955
        "#]],
    );
}

#[test]
fn completion_offers_footnote_numbers_after_zie_noot() {
    let text = TO_COMPLETE
        .replace("$0", "")
        .replace("zie noot ", "zie noot $0");
    check_completion(
        &text,
        expect![[r#"
        Footnote 1 (Kamerstuk 19 637, nr. 2375.)
          Zoals in zie noot 1
        Footnote 2 (Kamerstukken II, 2020–2021, 22 112, nr. 2955.)
          Zoals in zie noot 2
    "#]],
    );
}

#[test]
fn completion_offers_the_next_question_after_vraag() {
    let text = TO_COMPLETE.replace("$0", "").replace("Vraag ", "Vraag $0");
    check_completion(
        &text,
        expect![[r#"
        Question 1 (Vraag 1)
          Vraag 1
    "#]],
    );
}

#[test]
fn completion_offers_the_documents_of_the_workspace() {
    check_completion(
        &format!("{CITED_AND_NOTES}//- /notes.txt\nZie Kamerstuk $0"),
        expect![[r#"
            Document 22 112, nr. 2955 (BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN)
              Zie Kamerstuk 22 112, nr. 2955
        "#]],
    );
}

#[test]
fn renaming_a_footnote_renumbers_its_definition_and_markers() {
    check_rename(
        &at(SEED, "is.»"),
        "70",
        expect![[r#"
            49: hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
                                                                      ^
              7
            49: - hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
            49: + hoeksteen van het nieuwe asiel- en migratiebeleid is.»70 Kunt u nader
            87: - 7 Idem, blz. 12.
            87: + 70 Idem, blz. 12.
        "#]],
    );
    // From the definition's number too.
    check_rename(
        &at_line(SEED, "7 Idem"),
        "70",
        expect![[r#"
            87: 7 Idem, blz. 12.
                ^
              7
            49: - hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
            49: + hoeksteen van het nieuwe asiel- en migratiebeleid is.»70 Kunt u nader
            87: - 7 Idem, blz. 12.
            87: + 70 Idem, blz. 12.
        "#]],
    );
}

#[test]
fn renaming_to_a_number_in_use_or_to_no_number_is_refused() {
    check_rename(
        &at(SEED, "is.»"),
        "8",
        expect![[r#"
        49: hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
                                                                  ^
          7
        refused: Voetnoot 8 bestaat al; kies een ander nummer of hernummer alle voetnoten (bronactie).
    "#]],
    );
    check_rename(
        &at(SEED, "is.»"),
        "zeven",
        expect![[r#"
        49: hoeksteen van het nieuwe asiel- en migratiebeleid is.»7 Kunt u nader
                                                                  ^
          7
        refused: `zeven` is geen voetnootnummer (een getal vanaf 1).
    "#]],
    );
    // Not on a footnote number.
    check_rename(
        &at(SEED, " De le"),
        "3",
        expect![[r#"
        (nothing to rename)
        refused: Alleen een voetnootnummer (een verwijzing of het nummer van een voetnoot) kan worden hernoemd.
    "#]],
    );
}

#[test]
fn tokens_of_markers_footnotes_citations_and_headings() {
    check_tokens(
        r#"
Vraag 1
Bent u bekend met de uitspraak dat het «code zwart» is?1
Antwoord 1
Ja, zie ook Kamerstukken II 2020/21, 22 112, nr. 2955.2

1 Staatssecretaris Blokhuis over anorexiazorg: «Het is code zwart» | KRO-NCRV
2 Idem, blz. 3.
"#,
        expect![[r#"
            QuestionHeading 1: Vraag 1
                               ^^^^^^^
            FootnoteMarker 2: Bent u bekend met de uitspraak dat het «code zwart» is?1
                                                                                     ^
            AnswerHeading 3: Antwoord 1
                             ^^^^^^^^^^
            Citation 4: Ja, zie ook Kamerstukken II 2020/21, 22 112, nr. 2955.2
                                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            FootnoteMarker 4: Ja, zie ook Kamerstukken II 2020/21, 22 112, nr. 2955.2
                                                                                    ^
            FootnoteNumber 6: 1 Staatssecretaris Blokhuis over anorexiazorg: «Het is code zwart» | KRO-NCRV
                              ^
            FootnoteNumber 7: 2 Idem, blz. 3.
                              ^
            ShortForm 7: 2 Idem, blz. 3.
                           ^^^^^^^^^^^^
        "#]],
    );
}

/// `text` with the cursor after the first `column` characters of the first
/// line that starts with `prefix`.
fn at_column(text: &str, prefix: &str, column: usize) -> String {
    let line = line_of(text, prefix, 0) - 1;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let i = text[start..]
        .char_indices()
        .nth(column)
        .map_or(text.len(), |(i, _)| start + i);
    format!("{}$0{}", &text[..i], &text[i..])
}

/// The first line (1-based) of a rendering that starts with `/main.txt N:`.
fn target_line(rendered: &str) -> usize {
    let rest = rendered.strip_prefix("/main.txt ").expect(rendered);
    rest[..rest.find(':').unwrap()].parse().unwrap()
}

/// The 1-based line of `text` that starts with `prefix`, the `nth` one.
fn line_of(text: &str, prefix: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(prefix))
        .nth(nth)
        .unwrap_or_else(|| panic!("{prefix:?}"))
        .0
        + 1
}

#[test]
fn every_part_of_a_seed_question_shows_and_leads_to_its_answer() {
    // The committee's paragraphs (the letter comes first), the numbered
    // repeat's heading and its first line of text.
    let letter: [(usize, &[&str]); 4] = [
        (1, &["De leden van de PVV-fractie lezen"]),
        (2, &["Vervolgens lezen deze leden"]),
        (
            3,
            &[
                "Op dezelfde pagina staat verder",
                "«De voorstellen van de Commissie",
            ],
        ),
        (4, &["Ten slotte lezen deze leden"]),
    ];
    for (n, paragraphs) in letter {
        let heading = line_of(SEED, &format!("{n}. "), 0);
        let answer = line_of(SEED, "Antwoord", n - 1);
        assert!(answer > heading);
        let first_text = SEED.lines().nth(heading).unwrap();
        let places = paragraphs
            .iter()
            .copied()
            .chain([format!("\n{n}. ").leak() as &str, first_text]);
        for place in places {
            // In the middle of the line's text.
            let fixture = at_column(SEED, place.trim_start_matches('\n'), 3);
            let shown = super::fixture::hover(&fixture);
            let want = format!("**Antwoord {n}** (regel {answer})");
            assert!(shown.contains(&want), "question {n}, {place:?}: {shown}");
            let to = super::fixture::definition(&fixture);
            assert_eq!(target_line(&to), answer, "question {n}, {place:?}: {to}");
        }
        // The answer leads back to the repeat.
        let back = super::fixture::definition(&at_nth_line(SEED, "Antwoord", n - 1));
        assert_eq!(target_line(&back), heading, "answer {n}: {back}");
    }
    // The committee's paragraph of question 4 ends on the next page, after
    // a footnote block; its continuation still shows the answer.
    let continued = super::fixture::hover(&at_column(SEED, " middel van de vorming", 5));
    assert!(continued.contains("\n**Antwoord 4**"), "{continued}");
    // Inside the footnote block that interrupts it: footnotes, not answers.
    let inside = super::fixture::hover(&at_column(SEED, "9 Kamerstukken", 40));
    assert!(!inside.contains("Antwoord"), "{inside}");
}

#[test]
fn kamervragen_with_merged_numbers_show_and_lead_to_their_answers() {
    let merged = include_str!("../../tests/corpus/learninglion/ah-tk-20232024-2367.txt");
    for (text, cases) in [
        (
            merged,
            vec![
                ("Vraag 1", "Antwoord 1", "**Antwoord 1** (regel"),
                (
                    "Vraag 3, 4, 5 en 6",
                    "Antwoord 3, 4, 5 en 6",
                    "**Antwoord 3, 4, 5, 6** (regel",
                ),
                (
                    "Vraag 7, 8, 9 10 en 11",
                    "Antwoord 7, 8, 9 10 en 11",
                    "**Antwoord 7, 8, 9, 10, 11** (regel",
                ),
                ("Vraag 12", "Antwoord 12", "**Antwoord 12** (regel"),
            ],
        ),
        (
            KAMERVRAGEN,
            vec![
                ("Vraag 1", "Antwoord 1", "**Antwoord 1** (regel"),
                ("Vraag 5", "Antwoord 5", "**Antwoord 5** (regel"),
                ("Vraag 12", "Antwoord 12", "**Antwoord 12** (regel"),
            ],
        ),
    ] {
        for (question, answer, shown) in cases {
            let q = line_of(text, question, 0);
            let ans = line_of(text, answer, 0);
            // The heading and the question's text below it.
            let below = text.lines().nth(q).unwrap();
            for place in [question, below] {
                let fixture = at_column(text, place, 2);
                let md = super::fixture::hover(&fixture);
                let want = format!("{shown} {ans})");
                assert!(md.contains(&format!("\n{want}")), "{place:?}: {md}");
                let to = super::fixture::definition(&fixture);
                assert_eq!(target_line(&to), ans, "{place:?}: {to}");
            }
        }
    }
}

#[test]
fn footnotes_out_of_order_are_renumbered() {
    check_actions(
        "Eerst1 dan2 en4.\n1 Kamerstuk 19 637, nr. 2375.\n2 Kamerstuk 19 637, nr. 2376.\n$04 Kamerstuk 19 637, nr. 2377.\n",
        expect![[r#"
            QuickFix Voetnoten doorlopend hernummeren (1, 2, 3 …) (preferred) [fixes footnote-numbering, needed]
              1: - Eerst1 dan2 en4.
              1: + Eerst1 dan2 en3.
              4: - 4 Kamerstuk 19 637, nr. 2377.
              4: + 3 Kamerstuk 19 637, nr. 2377.
            Source Voetnoten doorlopend hernummeren (1, 2, 3 …)
              1: - Eerst1 dan2 en4.
              1: + Eerst1 dan2 en3.
              4: - 4 Kamerstuk 19 637, nr. 2377.
              4: + 3 Kamerstuk 19 637, nr. 2377.
        "#]],
    );
}

#[test]
fn nothing_to_renumber_in_the_seed() {
    check_actions(
        &at(SEED, " De"),
        expect![[r#"
        (nothing)
    "#]],
    );
}

#[test]
fn a_short_form_is_written_out_in_full() {
    check_actions(
        &at(SEED, "\n7 Id"),
        expect![[r#"
        RefactorRewrite `Idem, blz. 12` uitschrijven: Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12
          87: - 7 Idem, blz. 12.
          87: + 7 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.
    "#]],
    );
    check_actions(
        &at(SEED, "\n8 Ib"),
        expect![[r#"
        RefactorRewrite `Ibidem` uitschrijven: Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12
          88: - 8 Ibidem.
          88: + 8 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 12.
    "#]],
    );
}

#[test]
fn a_marker_without_a_footnote_gets_a_definition_stub() {
    check_actions(
        "Eerst1 en dan2$0.\n\n1 Kamerstuk 19 637, nr. 2375.\n\nTweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 1\n",
        expect![[r#"
            QuickFix Voetnoot 2 toevoegen onderaan de pagina (preferred) [fixes undefined-footnote]
              4: + 2
        "#]],
    );
}

#[test]
fn a_placeholder_is_replaced_by_a_source_of_the_document() {
    check_actions(
        &at(SEED, "\n14 PM"),
        expect![[r#"
        QuickFix Bron invullen: COM(2020) 609 [fixes placeholder-source]
          182: - 14 PM BRON
          182: + 14 COM(2020) 609.
        QuickFix Bron invullen: Kamerstukken II 2020/21, 22 112, nr. 2955 [fixes placeholder-source]
          182: - 14 PM BRON
          182: + 14 Kamerstukken II 2020/21, 22 112, nr. 2955.
        QuickFix Bron invullen: Bijlage bij Kamerstuk 34 700, nr. 34 [fixes placeholder-source]
          182: - 14 PM BRON
          182: + 14 Bijlage bij Kamerstuk 34 700, nr. 34.
        QuickFix Bron invullen: Kamerstuk 19 637, nr. 2375 [fixes placeholder-source]
          182: - 14 PM BRON
          182: + 14 Kamerstuk 19 637, nr. 2375.
        QuickFix Bron invullen: Bijlage bij Kamerstuk 21 501-20, AH [fixes placeholder-source]
          182: - 14 PM BRON
          182: + 14 Bijlage bij Kamerstuk 21 501-20, AH.
        QuickFix Bron invullen: Kamerstuk 22 112, nr. 2956 [fixes placeholder-source]
          182: - 14 PM BRON
          182: + 14 Kamerstuk 22 112, nr. 2956.
    "#]],
    );
}

#[test]
fn a_citation_slip_has_a_quick_fix() {
    check_actions(
        &at(SEED, "\n15 Kamer"),
        expect![[r#"
            QuickFix Schrijfwijze herstellen: komma ontbreekt voor `nr.` (preferred) [fixes citation-format]
              242: - 15 Kamerstuk 22 112 nr. 2956.
              242: + 15 Kamerstuk 22 112, nr. 2956.
        "#]],
    );
}

#[test]
fn workspace_symbols_are_documents_and_what_they_cite() {
    check_workspace_symbols(
        CITED_AND_NOTES,
        "2955",
        expect![[r#"
        Document Kamerstukken II 2020/21, 22 112, nr. 2955 (BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN)
        /kst-22112-2955.txt 1:  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN
                               |
        Document Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2. (Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.)
        /notities.txt 1: Zie Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2.
                         |
    "#]],
    );
    check_workspace_symbols(
        &format!("{CITED_AND_NOTES}{LETTER_FILE}"),
        "2375",
        expect![[r#"
            Cited kst-19637-2375 (Kamerstuk 19 637, nr. 2375)
            /brief.txt 180: 12 Kamerstuk 19 637, nr. 2375.
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^
        "#]],
    );
}

/// The letter as a file of a workspace.
const LETTER_FILE: &str = concat!(
    "//- /brief.txt\n",
    include_str!("../../seeds/000_0dbf1fc7ba84b8b6.txt")
);

#[test]
fn a_question_that_lost_its_answer_says_so() {
    let merged = include_str!("../../tests/corpus/learninglion/ah-tk-20232024-2367.txt");
    let text = merged.replacen("Antwoord 12\n", "", 1);
    // In the question's text, below its heading.
    let below = text.lines().nth(line_of(&text, "Vraag 12", 0)).unwrap();
    check_hover(
        &at_column(&text, below, 3),
        expect![[r#"
        136: Vraag 12
             ^^^^^^^^ …

        **Vraag 12**

        ⚠ Deze vraag heeft (nog) geen antwoord.
    "#]],
    );
    // The lens says so too; the others keep theirs.
    check_lenses(
        &text,
        expect![[r#"
            10: Vraag 1
                ^^^^^^^
              Beantwoord: Antwoord 1, regel 13
            15: Vraag 2
                ^^^^^^^
              Beantwoord: Antwoord 2, regel 19
            25: Vraag 3, 4, 5 en 6
                ^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 3, 4, 5, 6, regel 44
            84: Vraag 7, 8, 9 10 en 11
                ^^^^^^^^^^^^^^^^^^^^^^
              Beantwoord: Antwoord 7, 8, 9, 10, 11, regel 100
            136: Vraag 12
                 ^^^^^^^^
              Niet beantwoord
            13: Antwoord 1
                ^^^^^^^^^^
              Vraag 1: Bent u bekend met het NRC-artikel «Bunq-werknemers keken stiekem in …
            19: Antwoord 2
                ^^^^^^^^^^
              Vraag 2: Deelt u de opvatting dat het bekijken van gegevens van …
            44: Antwoord 3, 4, 5 en 6
                ^^^^^^^^^^^^^^^^^^^^^
              Vraag 3, 4, 5, 6: Herkent u het beeld dat Bunq-bank verzaakt? Herkent u het …
            100: Antwoord 7, 8, 9 10 en 11
                 ^^^^^^^^^^^^^^^^^^^^^^^^^
              Vraag 7, 8, 9, 10, 11: Wat gaat u, samen met de toezichthouders (DNB en de …
        "#]],
    );
}

/// A Kamervragen page whose citation `(Kamerstuk 25 424, nr. 678)` a page
/// end cuts, the footnote block between its parts; here without its comma
/// before `nr.`.
fn cut_citation_without_comma() -> String {
    include_str!("../../tests/fixtures/page-break/ah-tk-20232024-2271-cut.txt")
        .replace("(Kamerstuk 25 424,\n", "(Kamerstuk 25 424\n")
}

#[test]
fn a_quick_fix_in_a_cut_citation_edits_only_its_part() {
    let text = cut_citation_without_comma();
    check_actions(
        &at(&text, "gegaan (Ka"),
        expect![[r#"
            QuickFix Schrijfwijze herstellen: komma ontbreekt voor `nr.` (preferred) [fixes citation-format]
              276: - op deze voorbeelden in gegaan (Kamerstuk 25 424
              276: + op deze voorbeelden in gegaan (Kamerstuk 25 424,
        "#]],
    );
    // On the second part too.
    check_actions(
        &at_column(&text, "nr. 678). Ook", 1),
        expect![[r#"
            QuickFix Schrijfwijze herstellen: komma ontbreekt voor `nr.` (preferred) [fixes citation-format]
              276: - op deze voorbeelden in gegaan (Kamerstuk 25 424
              276: + op deze voorbeelden in gegaan (Kamerstuk 25 424,
        "#]],
    );
    // In the footnote block between them, none.
    check_actions(
        &at_column(&text, "15 Het werkplan", 5),
        expect![[r#"
        (nothing)
    "#]],
    );
}

#[test]
fn zie_noot_leads_to_the_footnote_it_names() {
    check_definition(
        r#"
Het kabinet verwijst naar de brief3 en naar de nota4.

3 Kamerstuk 19 637, nr. 2375.
4 Zie noot$0 3.
"#,
        expect![[r#"
            /main.txt 3: 3 Kamerstuk 19 637, nr. 2375.
                         ^
        "#]],
    );
}

#[test]
fn a_marker_without_a_footnote_says_so() {
    check_hover(
        "Eerst1 en dan2$0.\n\n1 Kamerstuk 19 637, nr. 2375.\n",
        expect![[r#"
            1: Eerst1 en dan2.
                            ^

            **Voetnoot 2**

            ⚠ Deze voetnoot staat niet in het document.
        "#]],
    );
}

#[test]
fn an_idem_without_a_citation_before_it_cannot_be_resolved() {
    check_hover(
        r#"
Zoals eerder gemeld1 blijft dit zo.

1 Idem$0, blz. 4.
"#,
        expect![[r#"
            3: 1 Idem, blz. 4.
                 ^^^^^^^^^^^^

            Idem, blz. 4

            ⚠ Verwijzing niet op te lossen: er is geen eerdere voetnoot om naar te verwijzen
        "#]],
    );
}

/// Word's footnotes and notes the author typed as `1)` in one letter: two
/// notes numbered 1, each found from its own markers.
const TWO_CONVENTIONS: &str = r#"Tweede Kamer der Staten-Generaal                                            1
Vergaderjaar 2023–2024

De regering heeft het advies1 ontvangen en de wet1) gewijzigd, zie ook
het rapport1 van de Raad en de nota1) van de minister.

1 Kamerstukken II 2023/24, 36 200, nr. 4.

1) Raad van State, advies W04.23.0001/I.
"#;

#[test]
fn references_keep_to_a_notes_own_convention() {
    check_references(
        &TWO_CONVENTIONS.replacen("wet1)", "wet$01)", 1),
        expect![[r#"
            /main.txt 9: 1) Raad van State, advies W04.23.0001/I.
                         ^
            /main.txt 4: De regering heeft het advies1 ontvangen en de wet1) gewijzigd, zie ook
                                                                          ^
            /main.txt 5: het rapport1 van de Raad en de nota1) van de minister.
                                                            ^
        "#]],
    );
    check_references(
        &TWO_CONVENTIONS.replacen("advies1", "advies$01", 1),
        expect![[r#"
            /main.txt 7: 1 Kamerstukken II 2023/24, 36 200, nr. 4.
                         ^
            /main.txt 4: De regering heeft het advies1 ontvangen en de wet1) gewijzigd, zie ook
                                                     ^
            /main.txt 5: het rapport1 van de Raad en de nota1) van de minister.
                                    ^
        "#]],
    );
}

#[test]
fn highlight_keeps_to_a_notes_own_convention() {
    check_highlight(
        &TWO_CONVENTIONS.replacen("\n1) Raad", "\n$01) Raad", 1),
        expect![[r#"
            Read 4: De regering heeft het advies1 ontvangen en de wet1) gewijzigd, zie ook
                                                                     ^
            Read 5: het rapport1 van de Raad en de nota1) van de minister.
                                                       ^
            Write 9: 1) Raad van State, advies W04.23.0001/I.
                     ^
        "#]],
    );
}

#[test]
fn definition_of_a_typed_note_goes_back_to_its_own_marker() {
    check_definition(
        &TWO_CONVENTIONS.replacen("\n1) Raad", "\n$01) Raad", 1),
        expect![[r#"
            /main.txt 4: De regering heeft het advies1 ontvangen en de wet1) gewijzigd, zie ook
                                                                          ^
        "#]],
    );
    check_definition(
        &TWO_CONVENTIONS.replacen("nota1)", "nota$01)", 1),
        expect![[r#"
            /main.txt 9: 1) Raad van State, advies W04.23.0001/I.
                         ^
        "#]],
    );
}

/// A fiche of two pages and a committee's letter that quotes it: on the
/// right page, on the wrong one (with `Ibidem`), and with a word changed.
const QUOTED: &str = r#"
//- /kst-22112-2955.txt
Het kabinet verwelkomt de mededeling van de Commissie over het pact.

Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 1
Van elke lidstaat wordt een betekenisvolle bijdrage verwacht. Het
kabinet waardeert deze aanpak.

Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 2
//- /brief.txt
BRIEF VAN DE VOORZITTER VAN DE COMMISSIE

De leden lezen: «Het kabinet verwelkomt de mededeling van de Commissie
over het pact.»1 Kunt u dat toelichten?

Ook lezen zij: «Van elke lidstaat wordt een betekenisvolle bijdrage
verwacht.»2 Wat betekent dat?

En: «Van elke lidstaat wordt een grote bijdrage verwacht.»3 Hoe groot?

1 Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 1.
2 Ibidem.
3 Idem, blz. 2.
"#;

#[test]
fn hover_on_a_quotation_shows_its_source_passage() {
    check_hover(
        &at(QUOTED, "De leden lezen: «Het kabinet"),
        expect![[r#"
            3: De leden lezen: «Het kabinet verwelkomt de mededeling van de Commissie
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ …

            **Citaat** uit Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 1 (kst-22112-2955.txt)

            > Het kabinet verwelkomt de mededeling van de Commissie over het pact
        "#]],
    );
    check_hover(
        &at(QUOTED, "Ook lezen zij: «Van elke"),
        expect![[r#"
            6: Ook lezen zij: «Van elke lidstaat wordt een betekenisvolle bijdrage
                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ …

            **Citaat** uit Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2 (kst-22112-2955.txt)

            > Van elke lidstaat wordt een betekenisvolle bijdrage verwacht

            ⚠ De noot noemt blz. 1; de passage staat op blz. 2.
        "#]],
    );
    check_hover(
        &at(QUOTED, "Van elke lidstaat wordt een grote"),
        expect![[r#"
            9: En: «Van elke lidstaat wordt een grote bijdrage verwacht.»3 Hoe groot?
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

            **Citaat** uit Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 2 (kst-22112-2955.txt)

            > Van elke lidstaat wordt een betekenisvolle bijdrage verwacht

            ⚠ Het citaat wijkt af van de bron:

            - ~~betekenisvolle~~ → **grote**
        "#]],
    );
}

#[test]
fn definition_of_a_quotation_is_the_passage_in_its_source() {
    check_definition(
        &at(QUOTED, "Van elke lidstaat wordt een grote"),
        expect![[r#"
        /kst-22112-2955.txt 4: Van elke lidstaat wordt een betekenisvolle bijdrage verwacht. Het
                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    "#]],
    );
}

#[test]
fn a_quotation_on_another_page_gets_its_pin_set() {
    check_actions(
        &at(QUOTED, "Ook lezen zij: «Van elke"),
        expect![[r#"
        QuickFix Paginanummer in de voetnoot op blz. 2 zetten (preferred) [fixes quote-page-mismatch, not found here]
          12: - 2 Ibidem.
          12: + 2 Ibidem, blz. 2.
    "#]],
    );
}

#[test]
fn references_of_a_quoted_passage_are_the_quotations() {
    let fixture = QUOTED.replace(
        "Van elke lidstaat wordt een betekenisvolle bijdrage verwacht. Het\n",
        "Van elke lidstaat wordt een betekenisvolle$0 bijdrage verwacht. Het\n",
    );
    check_references(
        &fixture,
        expect![[r#"
        /brief.txt 6: Ook lezen zij: «Van elke lidstaat wordt een betekenisvolle bijdrage
                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ …
        /brief.txt 9: En: «Van elke lidstaat wordt een grote bijdrage verwacht.»3 Hoe groot?
                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    "#]],
    );
}

/// A Markdown marker is found with the cursor anywhere on `[^1]`, brackets
/// included, as a reader points at it.
#[test]
fn a_markdown_marker_is_found_from_its_brackets() {
    let draft =
        "Het wetsvoorstel$0[^1] is ingediend.\n\n[^1]: Kamerstukken II 2023/24, 36 200, nr. 5.\n";
    let expected = expect![[r#"
        /main.txt 3: [^1]: Kamerstukken II 2023/24, 36 200, nr. 5.
                       ^
    "#]];
    check_definition(draft, expected);
    for at in ["[$0^1]", "[^1$0]", "[^1]$0"] {
        let moved = draft.replace("$0", "").replacen("[^1]", at, 1);
        assert_eq!(
            super::fixture::definition(&moved),
            super::fixture::definition(draft),
            "{at}"
        );
    }
    // Just before the `[` is the word, not the marker.
    let before = draft.replace("$0", "").replacen("l[^1]", "$0l[^1]", 1);
    assert_eq!(super::fixture::definition(&before), "(nothing)\n");
}
