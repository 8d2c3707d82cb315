//! `check` over generated documents (the benchmark's corpus: sentences,
//! questions and notes of the seed and the corpus, put together at random).
//! The generator defines every note it marks, so an error about a note says
//! the reading lost it.

#[path = "../benches/gen/mod.rs"]
mod gen;

use dossier_lsp::check::check_bytes;

#[test]
fn generated_documents_lose_no_note_and_no_answer() {
    let pools = gen::Pools::from_repo();
    // The first 500 of `gen_corpus`'s defaults (seed 6, 14,700 bytes).
    let docs = gen::corpus(&pools, 6, 500, 14_700);
    let mut lost = Vec::new();
    let mut unanswered = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let text = doc.to_text();
        let report = check_bytes(&format!("doc-{i:05}.txt"), text.as_bytes());
        for f in &report.diagnostics {
            let place = format!("doc-{i:05}.txt:{}", f.line);
            match f.code {
                "undefined-footnote" => lost.push(place),
                // Every generated question has its answer.
                "unanswered-question" => unanswered.push(place),
                _ => {}
            }
        }
    }
    // (An answer heading at a page's foot once hid the notes under it in
    // one document in seven; a wrapped dossier number, `23 235, nr. 240.`,
    // once opened a note of its own.)
    assert!(lost.is_empty(), "{} notes lost: {lost:?}", lost.len());
    // (A number a wrapped sentence runs on into, `nr.` / `470.`, once made
    // three numbered questions without an answer.)
    assert!(unanswered.is_empty(), "{unanswered:?}");
}
