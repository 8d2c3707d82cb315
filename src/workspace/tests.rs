use super::*;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap()
}

/// A stand-in for Kamerstuk 22 112, nr. 2955 with page footers, so that a
/// pin (`blz. 12`) can land on its page.
fn bnc_fiche() -> String {
    let mut s = String::new();
    for page in 1..=20 {
        s.push_str(&format!("Tekst van bladzijde {page} van het fiche.\n"));
        s.push_str(&format!(
            "Tweede Kamer, vergaderjaar 2020–2021, 22 112, nr. 2955 {page}\n"
        ));
    }
    s
}

#[test]
fn documents_by_identity_and_every_citation_of_them() {
    let mut ws = Workspace::new();
    ws.update_text("seed.txt", &seed());
    ws.update_text("fiche.txt", &bnc_fiche());
    ws.update_text("note.txt", "Zie Kamerstukken II 2020/21, 22112, nr. 2955, p. 3 en Kamerstukken I 2020/21, 35 612, D.\n");
    assert_eq!(
        ws.documents_with_id("kst-22112-2955")
            .iter()
            .map(|d| d.0)
            .collect::<Vec<_>>(),
        ["fiche.txt"]
    );
    assert_eq!(
        ws.documents_with_id("kst-35612-D")
            .iter()
            .map(|d| d.0)
            .collect::<Vec<_>>(),
        ["seed.txt"]
    );
    let fiche = ws.get("fiche.txt").unwrap();
    assert_eq!(fiche.last_page(), Some(20));
    assert!(fiche.page_offset(12).is_some());
    let places: Vec<(&str, bool, Option<&str>)> = ws
        .citations_of("kst-22112-2955")
        .iter()
        .map(|(k, c)| (*k, c.short_form, c.page.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            ("note.txt", false, Some("3")),
            ("seed.txt", false, None),
            ("seed.txt", false, None),
            ("seed.txt", true, Some("12")),
            ("seed.txt", true, Some("12")),
            ("seed.txt", false, Some("14")),
            ("seed.txt", true, Some("17")),
        ]
    );
    ws.remove("note.txt");
    assert_eq!(ws.citations_of("kst-22112-2955").len(), 6);
    assert!(ws.citations_of("kst-35612-D").is_empty());
}

#[test]
fn identity_from_the_file_name_when_the_text_has_none() {
    assert_eq!(
        id_from_file_name("/x/kst-22112-2955.txt").as_deref(),
        Some("kst-22112-2955")
    );
    assert_eq!(id_from_file_name("notes.txt"), None);
    let mut ws = Workspace::new();
    ws.update_text("/x/kst-22112-2955.txt", "Geen voettekst.\n");
    assert_eq!(ws.documents_with_id("kst-22112-2955").len(), 1);
}

#[test]
fn a_committee_letter_is_taken_up_by_an_answering_letter_in_another_file() {
    let seed = seed();
    let cut = seed.find(" BRIEF VAN DE STAATSSECRETARIS").unwrap();
    let (questions, answers) = seed.split_at(cut);
    let mut ws = Workspace::new();
    ws.update_text("vragen.txt", questions);
    ws.update_text("antwoorden.txt", answers);
    let d = Dossier::analyze(questions);
    let q3b = d
        .questions
        .iter()
        .find(|q| d.running_text(&q.text_span).starts_with("«De voorstellen"))
        .unwrap();
    let up = ws
        .taken_up_elsewhere("vragen.txt", &d.running_text(&q3b.text_span))
        .unwrap();
    assert_eq!(
        (up.key.as_str(), up.numbers.as_slice(), up.answered),
        ("antwoorden.txt", &[3][..], true)
    );
    assert!(ws
        .taken_up_elsewhere("vragen.txt", "Een heel andere vraag over iets anders?")
        .is_none());
}

#[test]
fn scanning_the_corpus_in_parallel_with_limits() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus"));
    let calls = AtomicCount::default();
    let scan = scan_folder(
        root,
        &["**/*.txt".to_string()],
        &ScanLimits::default(),
        &|_, _| calls.bump(),
    );
    assert_eq!(scan.documents.len(), 83);
    assert_eq!(calls.get(), 83);
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    let ids: Vec<&str> = scan
        .documents
        .iter()
        .filter_map(|(_, d)| d.id.as_deref())
        .collect();
    assert!(ids.contains(&"ah-tk-20232024-2271"));
    assert!(ids.contains(&"kst-21501-02-3121"));
    let limited = ScanLimits {
        max_files: 10,
        ..ScanLimits::default()
    };
    let scan = scan_folder(
        root,
        &["learninglion/*.txt".to_string()],
        &limited,
        &|_, _| {},
    );
    assert_eq!(scan.documents.len(), 10);
    assert!(scan.problems[0]
        .message
        .render(crate::i18n::Lang::En)
        .contains("more than 10 matching files"));
}

#[derive(Default)]
struct AtomicCount(std::sync::atomic::AtomicUsize);

impl AtomicCount {
    fn bump(&self) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    fn get(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// A summary with its words deferred becomes, once they are hashed and its
/// quotations read, the full summary; until then only the letter's own
/// questions have words, and of its quotations only the documents they
/// cite are known (each one a full summary looks its words up in).
#[test]
fn a_deferred_summary_once_completed_is_the_full_summary() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut texts = vec![seed()];
    for dir in std::fs::read_dir(corpus).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for file in std::fs::read_dir(dir).unwrap() {
                texts.push(std::fs::read_to_string(file.unwrap().path()).unwrap());
            }
        }
    }
    let (mut asked, mut quoting) = (0, 0);
    for text in &texts {
        let d = Dossier::analyze(text);
        let full = DocumentSummary::new("a.txt", text, &d);
        // The full summary holds every quotation the dossier would look up.
        assert_eq!(full.quotes, d.quoted_passages(text));
        let mut deferred = DocumentSummary::deferred("a.txt", text, &d);
        assert!(deferred.words_deferred);
        for q in &deferred.questions {
            if q.kind != QuestionKind::LetterParagraph {
                assert!(q.words.is_empty());
            }
        }
        assert!(deferred.quotes.is_empty());
        for q in &full.quotes {
            assert!(deferred.deferred_quotes.contains(&q.id), "{}", q.id);
        }
        asked += usize::from(deferred.may_be_asked());
        quoting += usize::from(!full.quotes.is_empty());
        deferred.hash_deferred_words(&d);
        deferred.read_deferred_quotes(text, &d);
        assert_eq!(deferred, full);
        assert!(!deferred.words_deferred);
        assert!(deferred.deferred_quotes.is_empty());
    }
    assert!(
        asked > 20,
        "{asked} documents with questions another may ask"
    );
    assert!(quoting > 3, "{quoting} documents quoting another");
}

/// The seed answers its committee's questions itself; its letter alone
/// looks them up elsewhere.
#[test]
fn a_committee_letter_without_its_answers_asks_elsewhere() {
    let seed = seed();
    let summary = |text: &str| DocumentSummary::new("a.txt", text, &Dossier::analyze(text));
    assert!(!summary(&seed).asks_elsewhere());
    let cut = seed.find(" BRIEF VAN DE STAATSSECRETARIS").unwrap();
    let letter = summary(&seed[..cut]);
    assert!(letter.asks_elsewhere());
    assert!(!letter.may_be_asked());
    assert!(summary(&seed[cut..]).may_be_asked());
}

/// `check`'s workspace keeps no citers but answers the rest as the full one.
#[test]
fn a_workspace_without_citers_finds_documents_by_id_alike() {
    let mut full = Workspace::new();
    let mut lean = Workspace::without_citers();
    for ws in [&mut full, &mut lean] {
        ws.update_text("seed.txt", &seed());
        ws.update_text("fiche.txt", &bnc_fiche());
        ws.update_text("fiche-copy.txt", &bnc_fiche());
    }
    let keys = |ws: &Workspace, id: &str| -> Vec<String> {
        ws.documents_with_id(id)
            .iter()
            .map(|(k, _)| k.to_string())
            .collect()
    };
    assert_eq!(
        keys(&lean, "kst-22112-2955"),
        ["fiche-copy.txt", "fiche.txt"]
    );
    assert_eq!(keys(&lean, "kst-22112-2955"), keys(&full, "kst-22112-2955"));
    let citers: Vec<&str> = full
        .citations_of("kst-22112-2955")
        .iter()
        .map(|(k, _)| *k)
        .collect();
    assert_eq!(citers, ["seed.txt"; 6]);
    lean.remove("fiche.txt");
    assert_eq!(keys(&lean, "kst-22112-2955"), ["fiche-copy.txt"]);
}
