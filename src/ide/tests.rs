//! The features on real text shapes (from `seeds/` and `tests/corpus`),
//! as fixtures: the cursor is `$0`, the answer is below the text.

use expect_test::expect;

use super::fixture::{check_definition, check_hover, check_references, check_uses};

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
