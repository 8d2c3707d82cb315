//! Citation forms quoted from the real documents in tests/corpus and the
//! seed. Each row names its file, and the test checks that the quote occurs
//! there verbatim, so the table cannot drift into invented forms.

use dossier_lsp::citation::{find_citations, Citation, CitationKind, ShortFormKind};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED: &str = "seeds/000_0dbf1fc7ba84b8b6.txt";
const PEER: &str = "tests/fixtures/peer-tests/nllegalcit-cases.tsv";

use CitationKind::*;

/// One quote and what its first citation of `kind` must be. `None` in an
/// expectation means the field must be absent.
struct Case {
    file: &'static str,
    quote: &'static str,
    kind: CitationKind,
    dossier: Option<&'static str>,
    ondernummer: Option<&'static str>,
    page: Option<&'static str>,
    id: Option<&'static str>,
    /// How many citations the quote holds in all.
    count: usize,
    slips: usize,
}

const fn ks(
    file: &'static str,
    quote: &'static str,
    dossier: &'static str,
    ondernummer: &'static str,
    page: Option<&'static str>,
    id: &'static str,
) -> Case {
    Case {
        file,
        quote,
        kind: Kamerstuk,
        dossier: Some(dossier),
        ondernummer: Some(ondernummer),
        page,
        id: Some(id),
        count: 1,
        slips: 0,
    }
}

const fn with(mut c: Case, count: usize, slips: usize) -> Case {
    c.count = count;
    c.slips = slips;
    c
}

const fn other(
    file: &'static str,
    quote: &'static str,
    kind: CitationKind,
    ondernummer: Option<&'static str>,
    page: Option<&'static str>,
    id: Option<&'static str>,
    count: usize,
) -> Case {
    Case {
        file,
        quote,
        kind,
        dossier: None,
        ondernummer,
        page,
        id,
        count,
        slips: 0,
    }
}

const CASES: &[Case] = &[
    // The seed.
    ks(SEED, "Kamerstukken II, 2020–2021, 22 112, nr. 2955.", "22112", "2955", None, "kst-22112-2955"),
    ks(SEED, "Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.", "22112", "2955", Some("14"), "kst-22112-2955"),
    ks(SEED, "Kamerstuk 19 637, nr. 2375.", "19637", "2375", None, "kst-19637-2375"),
    ks(SEED, "A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20, AH.", "21501", "AH", None, "kst-21501-20-AH"),
    ks(SEED, "10 oktober 2017. Bijlage bij Kamerstuk \n34 700, nr. 34.", "34700", "34", None, "kst-34700-34"),
    with(ks(SEED, "Kamerstuk 22 112 nr. 2956.", "22112", "2956", None, "kst-22112-2956"), 1, 1),
    other(SEED, "COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.", Eu, Some("609"), None, Some("52020DC0609"), 3),
    other(SEED, "Zie dossiers E200018, E200019, E200020, E200021, E200022, E200023 op www.europapoort.nl", Europapoort, None, None, Some("E200018"), 7),
    other(SEED, "7 Idem, blz. 12.", ShortForm, None, Some("12"), None, 1),
    other(SEED, "8 Ibidem.", ShortForm, None, None, None, 1),
    other(SEED, "10 Idem, blz. 17.", ShortForm, None, Some("17"), None, 1),
    other(SEED, "14 PM BRON", Placeholder, None, None, None, 1),
    // learninglion (Aanhangsel Handelingen TK 2023–2024, pypdf text).
    ks("tests/corpus/learninglion/ah-tk-20232024-1786.txt", "3 Kamerstuk 26 485, nr. 432.", "26485", "432", None, "kst-26485-432"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1786.txt", "4 Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424", "26485", "424", None, "kst-26485-424"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1786.txt", "5 Kamerstuk 26 485, nr. 407", "26485", "407", None, "kst-26485-407"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1786.txt", "11 Tweede Kamer, vergaderjaar 2021–2022, 26 485, nr. 380", "26485", "380", None, "kst-26485-380"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1481.txt", "1 Kamerstuk 36 200 IV, nr. 25.", "36200", "25", None, "kst-36200-IV-25"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1481.txt", "2 Kamerstukken II 2023/24, 36 410 IV, nr. 15", "36410", "15", None, "kst-36410-IV-15"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1481.txt", "3 Kamerstukken II 2023/24, 36 410 IV, nr. 49", "36410", "49", None, "kst-36410-IV-49"),
    other("tests/corpus/learninglion/ah-tk-20232024-1481.txt", "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024,\nnr. 1137.", Aanhangsel, Some("1137"), None, Some("ah-tk-20232024-1137"), 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-2210.txt", "1 Bijlage 1 van kamerstuk 32 813, nr. 1395", "32813", "1395", None, "kst-32813-1395"),
    ks("tests/corpus/learninglion/ah-tk-20232024-2210.txt", "2 Kamerstuk 32 813, nr. 1061", "32813", "1061", None, "kst-32813-1061"),
    other("tests/corpus/learninglion/ah-tk-20232024-1178.txt", "Zie ook Aanhangsel \nHandelingen, vergaderjaar 2023–2024, 1028 ", Aanhangsel, Some("1028"), None, Some("ah-tk-20232024-1028"), 1),
    other("tests/corpus/learninglion/ah-tk-20232024-1076.txt", "Zie ook Aanhangsel Handelingen, vergaderjaar \n2023–2024, nr. 594. ", Aanhangsel, Some("594"), None, Some("ah-tk-20232024-594"), 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-1432.txt", "1 Kamerstuk 36 410 VIII, nr. 106", "36410", "106", None, "kst-36410-VIII-106"),
    ks("tests/corpus/learninglion/ah-tk-20232024-1432.txt", "2 Kamerstuk 36 410 VIII, nr. 82", "36410", "82", None, "kst-36410-VIII-82"),
    other("tests/corpus/learninglion/ah-tk-20232024-1432.txt", "Zie ook Aanhangsel Handelingen,\nvergaderjaar 2023–2024, nr. 1379.", Aanhangsel, Some("1379"), None, Some("ah-tk-20232024-1379"), 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-2168.txt", "2024 aangenomen motie van de leden Erkens en Grinwis (Kamerstuk 36 197,\nnr. 15).", "36197", "15", None, "kst-36197-15"),
    ks("tests/corpus/learninglion/ah-tk-20232024-2168.txt", "In uw Kamerbrief over Leveringszekerheid van elektriciteit (Kamerstuk 29 023,\nnr. 487) schrijft u", "29023", "487", None, "kst-29023-487"),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-2129.txt", "3 Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/\ndetail?id=2022D25169&did=2022D25169)", "21501", "2498", None, "kst-21501-02-2498"), 2, 0),
    ks("tests/corpus/learninglion/ah-tk-20232024-2129.txt", "5 Kamerstuk 22 054, nr. 395, d.d. 14 juli 2023.", "22054", "395", None, "kst-22054-395"),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-1980.txt", "2 Kamerstukken II 2023–34, 23 235, nr. 240.", "23235", "240", None, "kst-23235-240"), 1, 1),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-1980.txt", "3 Kamerstukken II 2023–34, 29 509, nr. 80.", "29509", "80", None, "kst-29509-80"), 1, 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-1980.txt", "4 Kamerstuk 23 235, nr. 240", "23235", "240", None, "kst-23235-240"),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-1980.txt", "6 Kamerstukken II2015–16, 34 104, nr. 128.", "34104", "128", None, "kst-34104-128"), 1, 1),
    other("tests/corpus/learninglion/ah-tk-20232024-1980.txt", "Zie ook Aanhangsel Handelingen, vergaderjaar\n2023–2024, nr. 1848", Aanhangsel, Some("1848"), None, Some("ah-tk-20232024-1848"), 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-2395.txt", "2 TK 2023/24, 31 839, nr. 1024.", "31839", "1024", None, "kst-31839-1024"),
    other("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147.", Aanhangsel, Some("2147"), None, Some("ah-tk-20232024-2147"), 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "4 Kamerstukken II, 2023/2024, 31 839, nr. 1024", "31839", "1024", None, "kst-31839-1024"),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "6 Kamerstukken II, 2022/2023, 31 839, nr 874", "31839", "874", None, "kst-31839-874"), 1, 1),
    ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "7 Kamerstukken II, 2021/2022, 32 793, nr. 613", "32793", "613", None, "kst-32793-613"),
    ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "8 Kamerstukken II, 2023/2024, 32 793, nr. 677", "32793", "677", None, "kst-32793-677"),
    ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "de uitwerking van onze motie (Kamerstuk 25 424, nr. 691) 16 over structurele", "25424", "691", None, "kst-25424-691"),
    ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "op deze voorbeelden in gegaan (Kamerstuk 25 424, nr. 678).", "25424", "678", None, "kst-25424-678"),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "14 Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA midterm review: https://\nwww.rijksoverheid.nl/documenten/publicaties/2024/06/21/mid-term-review-iza", "25424", "679", None, "kst-25424-679"), 4, 0),
    with(ks("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "17 Kamerstukken ll 2023/24, 36 410 XVI, nr. 160", "36410", "160", None, "kst-36410-XVI-160"), 1, 1),
    other("tests/corpus/learninglion/ah-tk-20232024-1949.txt", "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1843.", Aanhangsel, Some("1843"), None, Some("ah-tk-20232024-1843"), 1),
    other("tests/corpus/learninglion/ah-tk-20232024-2313.txt", "Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024,\nnr. 2166.", Aanhangsel, Some("2166"), None, Some("ah-tk-20232024-2166"), 1),
    other("tests/corpus/learninglion/ah-tk-20232024-1314.txt", "Regenboogprovincies, https://\nwww.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies\n%202022.pdf", Url, None, None, Some("https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf"), 1),
    other("tests/corpus/learninglion/ah-tk-20232024-2271.txt", "3 Zie www.zorgkaart.eetstoornissennetwerk.nl", Url, None, None, Some("https://www.zorgkaart.eetstoornissennetwerk.nl"), 1),
    // The same documents through pdftotext: note numbers on lines of their own.
    ks("tests/corpus/learninglion-pdftotext/ah-tk-20232024-1786.txt", "4\nTweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n", "26485", "424", None, "kst-26485-424"),
    ks("tests/corpus/learninglion-pdftotext/ah-tk-20232024-1786.txt", "10\n\nTweede Kamer, vergaderjaar 2017–2018, 26 485, nr. 267\n", "26485", "267", None, "kst-26485-267"),
    // learninglion-tests (a raw PDF extraction and two Markdown conversions).
    other("tests/corpus/learninglion-tests/ah-tk-20222023-3649.txt", "Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 3276.", Aanhangsel, Some("3276"), None, Some("ah-tk-20222023-3276"), 1),
    ks("tests/corpus/learninglion-tests/ah-tk-20222023-3649.txt", "2Kamerstuk 29 383, nr. 406.", "29383", "406", None, "kst-29383-406"),
    Case { slips: 1, ..other("tests/corpus/learninglion-tests/ah-tk-20222023-3649.txt", "4(Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844).", Aanhangsel, Some("844"), None, Some("ah-tk-20222023-844"), 1) },
    ks("tests/corpus/learninglion-tests/ah-tk-20222023-3649.txt", "5Bijlage bij Kamerstuk 29 383, nr. 384.", "29383", "384", None, "kst-29383-384"),
    other("tests/corpus/learninglion-tests/ah-tk-20232024-302.md.txt", "1 Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 76 (2023D39037); Mind Platform,", Aanhangsel, Some("76"), None, Some("ah-tk-20232024-76"), 1),
    with(ks("tests/corpus/learninglion-tests/ah-tk-20232024-302.md.txt", "6 Kamerstuk 25 424, nr. 650 (25 424, nr. 650).", "25424", "650", None, "kst-25424-650"), 2, 0),
    ks("tests/corpus/learninglion-tests/ah-tk-20232024-387.md.txt", "3 Kamerstuk 21 501-02, nr. 2733", "21501", "2733", None, "kst-21501-02-2733"),
    ks("tests/corpus/learninglion-tests/ah-tk-20232024-387.md.txt", "4 Motie Ceder, Kamerstuk 21 501-02, nr. 2732", "21501", "2732", None, "kst-21501-02-2732"),
    ks("tests/corpus/learninglion-tests/ah-tk-20232024-387.md.txt", "5 Motie Bikker en Omtzigt, Kamerstuk 36 410, nr. 31", "36410", "31", None, "kst-36410-31"),
    with(ks("tests/corpus/learninglion-tests/ah-tk-20232024-387.md.txt", "7 Motie Ceder, Kamerstuk 21 501-02 nr. 2732", "21501", "2732", None, "kst-21501-02-2732"), 1, 1),
    ks("tests/corpus/learninglion-tests/ah-tk-20232024-387.md.txt", "conform motie Bikker/Omtzigt (Kamerstuk 36 410, nr. 74), in", "36410", "74", None, "kst-36410-74"),
    ks("tests/corpus/learninglion-tests/ah-tk-20232024-387.md.txt", "d.d. 11 oktober 2023 (Kamerstuk\n21 501-02, nr. 2737) gaat", "21501", "2737", None, "kst-21501-02-2737"),
    // Handelingen TK (compact dossier-number form).
    with(ks("tests/corpus/nelson-am-handelingen/h-tk-20172018-70-14.txt", "aanspreken op salarisstijging (Kamerstuk 30111-108) - 30111-109", "30111", "108", None, "kst-30111-108"), 2, 0),
    ks("tests/corpus/nelson-am-handelingen/h-tk-20172018-70-6.txt", "De motie-Wassenberg (21501-08, nr. 719) is in die zin gewijzigd", "21501", "719", None, "kst-21501-08-719"),
    ks("tests/corpus/nelson-am-handelingen/h-tk-20172018-70-3.txt", "Zij krijgt nr. 210 (34104).", "34104", "210", None, "kst-34104-210"),
    ks("tests/corpus/nelson-am-handelingen/h-tk-20172018-70-14.txt", "nationale rekenkamers - 21501-07-1502", "21501", "1502", None, "kst-21501-07-1502"),
    ks("tests/corpus/nelson-am-handelingen/h-tk-20172018-70-14.txt", "GenX concentraties Zeeland - 28089-75", "28089", "75", None, "kst-28089-75"),
    // openkamer besluitenlijst.
    other("tests/corpus/openkamer/besluitenlijst_example2.txt", "belastingen (Trb. 2009, 217 en Trb. 2010, 162) - 34417-(R2068)", Tractatenblad, Some("217"), None, Some("trb-2009-217"), 2),
    other("tests/corpus/openkamer/besluitenlijst_example2.txt", "Zie ook Trb. 2015, 103.", Tractatenblad, Some("103"), None, Some("trb-2015-103"), 1),
    // SGD (pre-1995 scans).
    other("tests/corpus/sgd/sgd-0000016114.txt", "(Stb. 1991, 112; WSF)", Staatsblad, Some("112"), None, Some("stb-1991-112"), 1),
    ks("tests/corpus/sgd/sgd-0000016114.txt", "(Kamerstukken II 1992/93, 22 800 VIII, nr. 2, bladzijde 89)", "22800", "2", Some("89"), "kst-22800-VIII-2"),
    with(ks("tests/corpus/sgd/sgd-0000007821.txt", "Kamerstukken II 1992/93, 23 100 nr. 1, blz. 18", "23100", "1", Some("18"), "kst-23100-1"), 1, 1),
    with(ks("tests/corpus/sgd/sgd-0000004289.txt", "1 Kamerstuk21 137, nr. 51. 2 Kamerstuk 22 800 XI, nr. 23.", "21137", "51", None, "kst-21137-51"), 2, 0),
    other("tests/corpus/sgd/sgd-0000004289.txt", "zie ook Aanhangsel Handelingen nr. 540, Vergaderjaar 1993-1994", Aanhangsel, Some("540"), None, Some("ah-tk-19931994-540"), 1),
    other("tests/corpus/sgd/sgd-0000175103.txt", "1 Zie Aanhangsel Handelingen zitting 1977-1978 nr. 824, antwoorden op vragen 1 en 4.", Aanhangsel, Some("824"), None, Some("ah-tk-19771978-824"), 1),
    ks("tests/corpus/sgd/sgd-0000175103.txt", "3 Kamerstuk 15 300 hoofdstuk XIV, nr. 13, blz. 66 en 67.", "15300", "13", Some("66-67"), "kst-15300-XIV-13"),
    other("tests/corpus/sgd/sgd-0000097755.txt", "1 Zie Aanhangsel Eerste Kamer, vergaderjaar 1986 1987, nr. 5 en nr. 15.", Aanhangsel, Some("5"), None, Some("ah-ek-19861987-5"), 2),
    other("tests/corpus/sgd/sgd-0000098740.txt", "(Stb. 1987, 93)", Staatsblad, Some("93"), None, Some("stb-1987-93"), 1),
    other("tests/corpus/sgd/sgd-0000171798.txt", "(Trb. 1978,143 en", Tractatenblad, Some("143"), None, Some("trb-1978-143"), 1),
    other("tests/corpus/sgd/sgd-0000193217.txt", "Handelingen 1974-1975, blz. 719", Handelingen, None, Some("719"), None, 1),
    ks("tests/corpus/sgd/sgd-0000005629.txt", "(Kamerstukken II, 1992-1993, 22 731, nr. 1)", "22731", "1", None, "kst-22731-1"),
    ks("tests/corpus/sgd/sgd-0000013190.txt", "(Kamerstukken II 1990/91, 22093, nr. 1)", "22093", "1", None, "kst-22093-1"),
    ks("tests/corpus/sgd/sgd-0000029020.txt", "(Kamerstuk 20 935, nr. 6)", "20935", "6", None, "kst-20935-6"),
    with(ks("tests/corpus/sgd/sgd-0000029179.txt", "(Kamerstuk 21 109, nrs. 8 en 25)", "21109", "8", None, "kst-21109-8"), 2, 0),
    with(ks("tests/corpus/sgd/sgd-0000096934.txt", "de Kamerstukken 21 098, nrs. 2 en 4)", "21098", "2", None, "kst-21098-2"), 2, 0),
    // Joint dossiers named without a document (an older Eerste Kamer form):
    // no document, so no id and no page; a bare document number after a
    // dossier is not a second dossier.
    Case { file: PEER, quote: "(Kamerstukken I, 1969-1970, 9595,9596, blz 1092): De", kind: Kamerstuk, dossier: Some("9595,9596"), ondernummer: None, page: None, id: None, count: 1, slips: 0 },
    with(ks(PEER, "Kamerstukken 2, 2008-2009, 31459, 22", "31459", "22", None, "kst-31459-22"), 1, 1),
];

fn read(file: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn show(text: &str, found: &[Citation]) -> String {
    found
        .iter()
        .map(|c| {
            format!(
                "  {:?} {:?} id={:?} page={:?}\n",
                c.kind,
                &text[c.span.clone()],
                c.id,
                c.page
            )
        })
        .collect()
}

#[test]
fn real_citation_forms() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        assert!(
            read(case.file).contains(case.quote),
            "not a verbatim quote of {}: {:?}",
            case.file,
            case.quote
        );
        let found = find_citations(case.quote);
        let Some(c) = found.iter().find(|c| c.kind == case.kind) else {
            failures.push(format!(
                "{:?}: no {:?}\n{}",
                case.quote,
                case.kind,
                show(case.quote, &found)
            ));
            continue;
        };
        let ok = c.dossier.as_deref() == case.dossier
            && c.ondernummer.as_deref() == case.ondernummer
            && c.page.as_deref() == case.page
            && c.id.as_deref() == case.id
            && found.len() == case.count
            && c.slips.len() == case.slips;
        if !ok {
            failures.push(format!(
                "{:?}: got dossier={:?} onder={:?} page={:?} id={:?} slips={:?} count={}\n{}",
                case.quote,
                c.dossier,
                c.ondernummer,
                c.page,
                c.id,
                c.slips,
                found.len(),
                show(case.quote, &found)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Text that looks a little like a citation but is none, from the corpus.
#[test]
fn no_false_positives_in_real_text() {
    let quiet: &[(&str, &str)] = &[
        (SEED, "inzake een nieuw migratie- en asielpact3 van 23 september 2020 en het "),
        (SEED, "Eerste Kamer, vergaderjaar 2020–2021, 35 612, D 6"),
        (SEED, "Stienen (D66), (ondervoorzitter), Teunissen (PvdD), Van Rooijen (50PLUS), Adriaansens (VVD), "),
        (LL_2271, "ah-tk-20232024-2271"),
        (LL_2271, "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1"),
        (LL_2271, "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen"),
        ("tests/corpus/learninglion/ah-tk-20232024-2210.txt", "transportnet voor waterstof tot een maximum van € 750 miljoen de aanloop-"),
        ("tests/corpus/learninglion/ah-tk-20232024-1984.txt", "3 1,92% van de totale loonsom van de werkgever tot € 400.000 en daarboven 1,18%. Bij"),
        ("tests/corpus/learninglion-tests/ah-tk-20222023-3649.txt", "De Wet natuurbescherming kent artikel 5.4 om vergun"),
        ("tests/corpus/learninglion/ah-tk-20232024-1178.txt", "1 Antwoorden op Kamervragen over gevolgen quantumtechnologie voor encryptie | Kamerstuk | "),
        ("tests/corpus/learninglion/ah-tk-20232024-2129.txt", "Naties (VN) voor Jemen heeft over de vredesonderhandelingen in het land? 2"),
        ("tests/corpus/parlementaire-monitor/kst-21501-02-3121.txt", "’s-Gravenhage 2025 Tweede Kamer, vergaderjaar 2024–2025, 21 501-02, nr. 3121"),
        ("tests/corpus/sgd/sgd-0000005629.txt", "'s-Gravenhage 1994\nTweede Kamer, vergaderjaar 1993-1994, 22 731, nr. 4"),
        ("tests/corpus/sgd/sgd-0000098740.txt", "Tweede Kamer, vergaderjaar 1987-1988, Aanhangsel\n179"),
        ("tests/corpus/sgd/sgd-0000029179.txt", "11, waarvan drie pro memorie"),
        // Bills handled together, without a label: no joint-dossier citation.
        ("tests/corpus/openkamer/besluitenlijst_example1.txt", "verzoeken de wetsvoorstellen 31815, 31816, \n31817, 31818, 31819 en 31840 z.s.m."),
        ("tests/fixtures/peer-tests/nllegalcit-cases.tsv", "Raad van 30 november 1977, nr. 18 586, BNB 1978/7, en van 7 mei 1980, nr. 19 874, BNB 1980/186,"),
    ];
    for (file, quote) in quiet {
        assert!(
            read(file).contains(quote),
            "not a verbatim quote of {file}: {quote:?}"
        );
        let found = find_citations(quote);
        assert!(found.is_empty(), "{quote:?}:\n{}", show(quote, &found));
    }
}

/// Digits of other scripts are not numbers of a Dutch citation: the
/// patterns read ASCII digits only, so no identifier or address is built
/// from them (before, `kst-٣٥٦١٢-٢` was).
#[test]
fn digits_of_other_scripts_make_no_citation() {
    let real = "Kamerstukken II 2020/21, 35 612, nr. 2";
    assert_eq!(find_citations(real)[0].id.as_deref(), Some("kst-35612-2"));
    for other in [
        "Kamerstukken II 2020/21, ٣٥ ٦١٢, nr. ٢",
        "Kamerstukken II 2020/21, ３５ ６１２, nr. ２",
    ] {
        let found = find_citations(other);
        assert!(found.is_empty(), "{other:?}:\n{}", show(other, &found));
    }
}

const LL_2271: &str = "tests/corpus/learninglion/ah-tk-20232024-2271.txt";

/// The seed's 15 footnotes, as whole text: what each yields, in order.
#[test]
fn seed_footnotes() {
    let seed = read(SEED);
    let notes: &[(&str, &[&str])] = &[
        ("1 Zie dossiers E200018, E200019, E200020, E200021, E200022, E200023 op www.europapoort.nl", &["E200018", "E200019", "E200020", "E200021", "E200022", "E200023", "https://www.europapoort.nl"]),
        ("2 Samenstelling: Kox (SP), Faber-van de Klashorst (PVV), (voorzitter), De Boer (GL), Van Dijk ", &[]),
        ("3 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.", &["52020DC0609", "E200018", "https://www.europapoort.nl"]),
        ("4 Kamerstukken II, 2020–2021, 22 112, nr. 2955.", &["kst-22112-2955"]),
        ("5 COM(2020)609. Zie ook dossier E200018 op www.europapoort.nl.", &["52020DC0609", "E200018", "https://www.europapoort.nl"]),
        ("6 Kamerstukken II, 2020–2021, 22 112, nr. 2955.", &["kst-22112-2955"]),
        ("7 Idem, blz. 12.", &["idem 12"]),
        ("8 Ibidem.", &["ibidem"]),
        ("9 Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.", &["kst-22112-2955 14"]),
        ("10 Idem, blz. 17.", &["idem 17"]),
        ("11 Regeerakkoord 2017 «Vertrouwen in de toekomst», 10 oktober 2017. Bijlage bij Kamerstuk \n34 700, nr. 34.", &["kst-34700-34"]),
        ("12 Kamerstuk 19 637, nr. 2375.", &["kst-19637-2375"]),
        ("13 A Renewed agenda on migration, 31 maart 2019, bijlage bij Kamerstuk 21 501-20, AH.", &["kst-21501-20-AH"]),
        ("14 PM BRON", &["placeholder"]),
        ("15 Kamerstuk 22 112 nr. 2956.", &["kst-22112-2956 slip"]),
    ];
    let describe = |c: &Citation| -> String {
        let mut s = match (c.kind, c.short_form) {
            (ShortForm, Some(ShortFormKind::Idem)) => "idem".to_string(),
            (ShortForm, Some(ShortFormKind::Ibidem)) => "ibidem".to_string(),
            (Placeholder, _) => "placeholder".to_string(),
            _ => c.id.clone().unwrap_or_default(),
        };
        if let Some(p) = &c.page {
            s.push(' ');
            s.push_str(p);
        }
        if !c.slips.is_empty() {
            s.push_str(" slip");
        }
        s
    };
    for (note, want) in notes {
        assert!(seed.contains(note), "not in the seed: {note:?}");
        let got: Vec<String> = find_citations(note).iter().map(describe).collect();
        assert_eq!(&got, want, "{note:?}");
    }
    // The seed as a whole: the footer names the document itself and is not a
    // citation; the slip's fix inserts the comma.
    let all = find_citations(&seed);
    assert!(all.iter().all(|c| c.dossier.as_deref() != Some("35612")));
    let slipped = all.iter().find(|c| !c.slips.is_empty()).unwrap();
    let slip = &slipped.slips[0];
    let mut fixed = seed.clone();
    fixed.replace_range(slip.span.clone(), &slip.fix);
    assert!(fixed.contains("15 Kamerstuk 22 112, nr. 2956."));
    assert_eq!(all.iter().filter(|c| c.kind == Kamerstuk).count(), 7);
    assert_eq!(all.iter().filter(|c| c.kind == ShortForm).count(), 3);
    assert_eq!(all.iter().filter(|c| c.kind == Placeholder).count(), 1);
}

/// Every corpus file: spans are ordered, disjoint, on character boundaries,
/// and the canonical form is never empty.
#[test]
fn whole_corpus_is_well_formed() {
    let mut files = vec![format!("{ROOT}/{SEED}")];
    let mut dirs = vec![format!("{ROOT}/tests/corpus")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p.display().to_string());
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p.display().to_string());
            }
        }
    }
    let mut total = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let found = find_citations(&text);
        let mut last = 0;
        for c in &found {
            assert!(
                c.span.start >= last && c.span.start < c.span.end,
                "{f}: {c:?}"
            );
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            assert!(!c.canonical().is_empty());
            last = c.span.end;
        }
        total += found.len();
    }
    assert!(total > 200, "only {total} citations in the corpus");
}

#[test]
fn canonical_house_style_on_real_forms() {
    let cases = [
        (
            "Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 14.",
            "Kamerstukken II 2020/21, 22 112, nr. 2955, blz. 14",
        ),
        ("Kamerstuk 19 637, nr. 2375.", "Kamerstuk 19 637, nr. 2375"),
        (
            "bijlage bij Kamerstuk 21 501-20, AH.",
            "Bijlage bij Kamerstuk 21 501-20, AH",
        ),
        ("Kamerstuk 22 112 nr. 2956.", "Kamerstuk 22 112, nr. 2956"),
        (
            "17 Kamerstukken ll 2023/24, 36 410 XVI, nr. 160",
            "Kamerstukken II 2023/24, 36 410 XVI, nr. 160",
        ),
        (
            "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2147.",
            "Aanhangsel Handelingen 2023/24, nr. 2147",
        ),
        ("(Stb. 1991, 112; WSF)", "Stb. 1991, 112"),
        ("COM(2020)609.", "COM(2020) 609"),
    ];
    for (text, want) in cases {
        let c = &find_citations(text)[0];
        assert_eq!(c.canonical(), want, "{text:?}");
    }
    let c = &find_citations("Kamerstuk 19 637, nr. 2375.")[0];
    assert_eq!(
        c.url().as_deref(),
        Some("https://zoek.officielebekendmakingen.nl/kst-19637-2375.html")
    );
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Arbitrary mixes of citation fragments, multi-byte characters and
        /// line breaks never panic and keep spans well formed.
        #[test]
        fn never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("Kamerstuk"), Just("Kamerstukken II"), Just(" "), Just(", "), Just("nr. "), Just("nr"),
            Just("22 112"), Just("2020–2021"), Just("2023–34"), Just("–"), Just("é"), Just("«"), Just("\n"),
            Just("blz. "), Just("12"), Just("AH"), Just("PM"), Just("Idem"), Just("https://"), Just("www."),
            Just("Aanhangsel Handelingen"), Just("Tweede Kamer"), Just("Stb. "), Just("COM("), Just(")"),
            Just("E200018"), Just("krijgt nr. "), Just(" - "), Just("21501"), Just("(34104)"),
            Just("ECLI:NL:HR:2012"), Just(":BV0614"), Just("Verordening (EU) "), Just("/"), Just("Richtlijn "),
            Just("t.a.p."), Just("[bron]"), Just("zie noot "), Just("Handelingen II "), Just("item "), Just("\r\n"),
            Just("Eerste Kamer"), Just("Bijlage bij "), Just("ll "), Just("\u{a0}"), Just("1"), Just("-"), Just("XVI"), Just("(R2064)"), Just("en "), Just("vergaderjaar "),
        ], 0..40)) {
            let text: String = parts.concat();
            let found = find_citations(&text);
            let mut last = 0;
            for c in &found {
                prop_assert!(c.span.start >= last && c.span.start < c.span.end);
                prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
                last = c.span.end;
                let _ = c.canonical();
            }
        }
    }
}

/// A real page end (Aanhangsel 2271, page 5: the last answer's closing
/// sentence, footnotes 14–16, the footer) with the sentence's citation moved
/// over the break: `(Kamerstuk 25 424,` stays above the footnote block and
/// `nr. 678)` opens the next page. Nothing else differs from the corpus
/// file (checked below).
const CUT: &str = "tests/fixtures/page-break/ah-tk-20232024-2271-cut.txt";

#[test]
fn the_page_break_fixture_is_the_corpus_text_with_one_citation_moved() {
    let (real, cut) = (read(LL_2271), read(CUT));
    let changed: Vec<(&str, &str)> = real
        .lines()
        .zip(cut.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(real.lines().count(), cut.lines().count());
    assert_eq!(
        changed,
        [
            (
                "op deze voorbeelden in gegaan (Kamerstuk 25 424, nr. 678).",
                "op deze voorbeelden in gegaan (Kamerstuk 25 424,"
            ),
            (
                "Ook verwijs ik naar de brief van 19 juni 2024 van mijn ambtsvoorganger 17.",
                "nr. 678). Ook verwijs ik naar de brief van 19 juni 2024 van mijn ambtsvoorganger 17."
            ),
        ]
    );
}

/// The citation of the running text that the fixture cuts over a page.
fn cut_citation(d: &dossier_lsp::Dossier) -> &Citation {
    d.citations
        .iter()
        .find(|c| c.id.as_deref() == Some("kst-25424-678"))
        .expect("the cut citation is found")
}

#[test]
fn a_citation_cut_by_a_page_end_is_one_citation_in_two_parts() {
    let text = read(CUT);
    let d = dossier_lsp::Dossier::analyze(&text);
    let c = cut_citation(&d);
    let parts: Vec<&str> = c.parts.iter().map(|p| &text[p.clone()]).collect();
    assert_eq!(parts, ["Kamerstuk 25 424,", "nr. 678"]);
    assert_eq!(c.span, c.parts[0].start..c.parts[1].end);
    assert_eq!(c.written(&text), "Kamerstuk 25 424, nr. 678");
    assert_eq!(c.canonical(), "Kamerstuk 25 424, nr. 678");
    assert_eq!(
        c.url().as_deref(),
        Some("https://zoek.officielebekendmakingen.nl/kst-25424-678.html")
    );
    assert!(c.slips.is_empty());
    // Between the parts: footnotes 14-16 and the footer.
    let between = &text[c.parts[0].end..c.parts[1].start];
    assert!(between.contains("\n14 Kamerstukken II, 25 424, nr. 679"));
    assert!(between.contains("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 5\n"));

    // In the gap the footnote's own citation, or nothing; in a part, it.
    let in_note = text.find("14 Kamerstukken II, 25 424").unwrap() + 20;
    assert_eq!(
        d.citation_at(in_note).and_then(|n| n.id.as_deref()),
        Some("kst-25424-679")
    );
    let in_note_text = text.find("K-EET kan gevonden").unwrap();
    assert!(d.citation_at(in_note_text).is_none());
    let on_footer = text
        .find("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 5")
        .unwrap()
        + 3;
    assert!(d.citation_at(on_footer).is_none());
    for at in [c.parts[0].start + 2, c.parts[1].start + 2, c.parts[1].end] {
        assert_eq!(
            d.citation_at(at).map(|x| x.span.clone()),
            Some(c.span.clone())
        );
    }
    // Footnote 14 lists its own citations, not the one around it.
    let f14 = d.footnote(14).unwrap();
    let ids: Vec<_> = f14
        .citations
        .iter()
        .map(|&i| d.citations[i].id.as_deref())
        .collect();
    assert_eq!(ids.first(), Some(&Some("kst-25424-679")));
    assert!(!ids.contains(&Some("kst-25424-678")), "{ids:?}");
    // Marker 17 on the next page, after the citation's second part, stays.
    assert!(d.markers.iter().any(|m| m.number == 17));
}

#[test]
fn a_slip_in_a_cut_citation_stays_in_its_part() {
    // The comma before `nr.` left out, above the footnote block.
    let text = read(CUT).replace("(Kamerstuk 25 424,\n", "(Kamerstuk 25 424\n");
    let d = dossier_lsp::Dossier::analyze(&text);
    let c = cut_citation(&d);
    assert_eq!(c.parts.len(), 2);
    assert_eq!(&text[c.parts[0].clone()], "Kamerstuk 25 424");
    assert_eq!(c.slips.len(), 1, "{:?}", c.slips);
    let slip = &c.slips[0];
    assert!(c.parts[0].start <= slip.span.start && slip.span.end <= c.parts[0].end);
    let mut fixed = text.clone();
    fixed.replace_range(slip.span.clone(), &slip.fix);
    assert_eq!(fixed, read(CUT));
    // The finding is on the first part, not over the footnote block.
    let found: Vec<_> = dossier_lsp::lints::lint(&d, &text)
        .into_iter()
        .filter(|x| x.code == "citation-format" && x.span.start >= c.span.start)
        .filter(|x| x.span.start <= c.span.end)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].span.end <= c.parts[0].end, "{found:?}");
    let message = found[0].message.render(dossier_lsp::i18n::Lang::En);
    assert!(message.contains("`Kamerstuk 25 424 nr. 678`"), "{message}");
}

#[test]
fn a_word_hyphenated_over_a_page_end_is_read_whole() {
    let text = read(CUT)
        .replace("(Kamerstuk 25 424,\n", "(Kamer-\n")
        .replace("\nnr. 678). Ook", "\nstuk 25 424, nr. 678). Ook");
    let d = dossier_lsp::Dossier::analyze(&text);
    let c = cut_citation(&d);
    let parts: Vec<&str> = c.parts.iter().map(|p| &text[p.clone()]).collect();
    assert_eq!(parts, ["Kamer", "stuk 25 424, nr. 678"]);
    assert_eq!(c.written(&text), "Kamerstuk 25 424, nr. 678");
}

#[test]
fn a_citation_broken_over_lines_of_one_page_is_one_piece() {
    // Within a page only line breaks separate the lines: one span, no parts,
    // also where a word is hyphenated at the line end.
    let real = read(LL_2271);
    let d = dossier_lsp::Dossier::analyze(&real);
    let c = d
        .citations
        .iter()
        .find(|c| c.id.as_deref() == Some("kst-25424-678"))
        .unwrap();
    assert!(c.parts.is_empty());
    assert_eq!(&real[c.span.clone()], "Kamerstuk 25 424, nr. 678");
    let text = real.replace(
        "op deze voorbeelden in gegaan (Kamerstuk 25 424, nr. 678).",
        "op deze voorbeelden in gegaan (Kamer-\nstuk 25 424, nr. 678).",
    );
    let d = dossier_lsp::Dossier::analyze(&text);
    let c = cut_citation(&d);
    assert!(c.parts.is_empty(), "{:?}", c.parts);
    assert_eq!(&text[c.span.clone()], "Kamer-\nstuk 25 424, nr. 678");
    assert_eq!(c.written(&text), "Kamer-\nstuk 25 424, nr. 678");
    assert_eq!(c.canonical(), "Kamerstuk 25 424, nr. 678");
}

#[test]
fn a_cut_citation_is_a_token_and_a_cited_place_in_each_part() {
    use dossier_lsp::assist::{semantic_tokens, TokenKind};
    let text = read(CUT);
    let d = dossier_lsp::Dossier::analyze(&text);
    let c = cut_citation(&d);
    let tokens: Vec<_> = semantic_tokens(&d, &text)
        .into_iter()
        .filter(|(s, k)| {
            *k == TokenKind::Citation && c.span.start <= s.start && s.end <= c.span.end
        })
        .map(|(s, _)| s)
        .filter(|s| c.parts.iter().any(|p| p.start <= s.start && s.end <= p.end))
        .collect();
    assert_eq!(tokens, c.parts);
    // The footnote block between the parts keeps its own tokens.
    let f14 = d.footnote(14).unwrap();
    assert!(semantic_tokens(&d, &text)
        .iter()
        .any(|(s, k)| *k == TokenKind::FootnoteNumber && *s == f14.number_span));

    let mut ws = dossier_lsp::workspace::Workspace::new();
    ws.update_text("cut.txt", &text);
    let places = ws.citations_of("kst-25424-678");
    assert_eq!(places.len(), 1);
    let place = places[0].1;
    assert_eq!(place.spans(), c.parts.as_slice());
    assert_eq!(place.span, c.parts[0]);
}
