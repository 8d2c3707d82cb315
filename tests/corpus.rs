//! The analysis on every real document of the corpus: no panic anywhere,
//! spans on character boundaries, and exact expectations for several
//! Aanhangsel documents (which markers resolve, which numbers are not
//! markers).

use std::path::{Path, PathBuf};

use dossier_lsp::{lints, Dossier};

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|e| e == "txt") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    files
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpus")
            .join(rel),
    )
    .unwrap()
}

#[test]
fn every_corpus_text_analyses_with_spans_on_char_boundaries() {
    let files = corpus_files();
    assert_eq!(files.len(), 83);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let d = Dossier::analyze(&text);
        let diags = lints::lint(&d, &text);
        let spans = d
            .markers
            .iter()
            .map(|m| m.span.clone())
            .chain(d.footnotes.iter().map(|x| x.span.clone()))
            .chain(d.citations.iter().map(|c| c.span.clone()))
            .chain(diags.iter().map(|x| x.span.clone()));
        for s in spans {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{}: {s:?}",
                f.display()
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{}",
                f.display()
            );
        }
    }
}

/// `(number, the words before it)` for each marker, and whether it resolves.
fn markers(rel: &str) -> Vec<(u32, String, bool)> {
    let text = read(rel);
    let d = Dossier::analyze(&text);
    d.markers
        .iter()
        .map(|m| {
            let mut a = m.span.start.saturating_sub(10);
            while !text.is_char_boundary(a) {
                a += 1;
            }
            let ctx = text[a..m.span.end].replace('\n', " ");
            (
                m.number,
                ctx,
                m.footnote
                    .is_some_and(|f| d.footnotes[f].number == m.number),
            )
        })
        .collect()
}

#[test]
fn aanhangsel_2271_glued_and_spaced_markers_resolve_and_quantities_do_not() {
    let got = markers("learninglion/ah-tk-20232024-2271.txt");
    let numbers: Vec<u32> = got.iter().map(|m| m.0).collect();
    assert_eq!(numbers, (1..=17).collect::<Vec<_>>());
    assert!(got.iter().all(|m| m.2), "{got:#?}");
    let ctx: Vec<&str> = got.iter().map(|m| m.1.as_str()).collect();
    // Spaced ones from the issue, and glued ones.
    for expected in [
        "zoeken. 3",
        "afnemen 11",
        "reactie 6",
        "is?1",
        "Kit2",
        "iceerd 13",
        "691) 16",
    ] {
        assert!(
            ctx.iter().any(|c| c.ends_with(expected)),
            "{expected}: {ctx:#?}"
        );
    }
    // `van 11 weken`, `€ 50 miljoen`, `aan 28 aanbieders` are quantities.
    let text = read("learninglion/ah-tk-20232024-2271.txt");
    let d = Dossier::analyze(&text);
    for quantity in ["NZA van 11", "€ 50", "aan 28"] {
        let at = text.find(quantity).unwrap() + quantity.len() - 2;
        assert!(
            d.marker_at(at).is_none() && d.marker_at(at + 1).is_none(),
            "{quantity}"
        );
    }
}

#[test]
fn aanhangsel_3649_markers_on_their_own_line_and_glued_definitions() {
    let got = markers("learninglion-tests/ah-tk-20222023-3649.txt");
    assert_eq!(
        got.iter().map(|m| m.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    assert!(got.iter().all(|m| m.2));
    let d = Dossier::analyze(&read("learninglion-tests/ah-tk-20222023-3649.txt"));
    assert_eq!(d.footnote(2).unwrap().text, "Kamerstuk 29 383, nr. 406.");
    assert_eq!(
        d.footnote(4).unwrap().text,
        "(Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844)."
    );
}

#[test]
fn more_aanhangsel_documents_resolve_every_marker() {
    for (rel, expected) in [
        // The extraction lost marker 4 of 1178.
        (
            "learninglion/ah-tk-20232024-1178.txt",
            (1..=15).filter(|&n| n != 4).collect::<Vec<u32>>(),
        ),
        ("learninglion/ah-tk-20232024-1786.txt", (1..=16).collect()),
        ("learninglion/ah-tk-20232024-1771.txt", (1..=8).collect()),
        ("learninglion/ah-tk-20232024-1980.txt", (1..=7).collect()),
        ("learninglion/ah-tk-20232024-1314.txt", vec![1, 2]),
        ("learninglion/ah-tk-20232024-1893.txt", vec![1]),
        (
            "learninglion-tests/ah-tk-20232024-387.md.txt",
            (1..=9).collect(),
        ),
    ] {
        let got = markers(rel);
        let numbers: Vec<u32> = got.iter().map(|m| m.0).collect();
        assert_eq!(numbers, expected, "{rel}: {got:#?}");
        assert!(got.iter().all(|m| m.2), "{rel}");
    }
}

#[test]
fn masthead_numbers_and_codes_are_not_markers() {
    // `Tweede Kamer der Staten-Generaal` / `2`, `CO 2`, `Vraag 3, 4 en 5`.
    let got = markers("learninglion/ah-tk-20232024-2210.txt");
    assert_eq!(
        got.iter().map(|m| m.0).collect::<Vec<_>>(),
        [1, 2],
        "{got:#?}"
    );
    assert!(
        got[0].1.ends_with("rapport 1") && got[1].1.ends_with("2022 2"),
        "{got:#?}"
    );
    let got = markers("learninglion/ah-tk-20232024-2367.txt");
    assert!(got.iter().all(|m| !m.1.contains("Vraag")), "{got:#?}");
}
