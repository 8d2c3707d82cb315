fn main() {
    for p in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&p).unwrap();
        let d = dossier_lsp::Dossier::analyze(&text);
        let idx = dossier_lsp::text::LineIndex::new(&text);
        println!("{p}");
        if std::env::var("PARAS").is_ok() {
            debug_paragraphs(&text);
        }
        for q in &d.questions {
            let t: String = d.running_text(&q.text_span).chars().take(70).collect();
            println!(
                "  Q {:?} {:?} line {} answer={:?} related={:?} | {t}",
                q.kind,
                q.numbers,
                idx.line_of(q.span.start) + 1,
                q.answer,
                q.related
            );
        }
        for a in &d.answers {
            let t: String = d.running_text(&a.text_span).chars().take(50).collect();
            println!(
                "  A {:?} line {} q={:?} | {t}",
                a.numbers,
                idx.line_of(a.span.start) + 1,
                a.questions
            );
        }
        for r in &d.question_refs {
            println!(
                "  R {:?} {:?} -> {:?}",
                &text[r.span.clone()],
                r.numbers,
                r.question
            );
        }
    }
}
#[allow(dead_code)]
fn debug_paragraphs(text: &str) {
    let d = dossier_lsp::Dossier::analyze(text);
    for (i, p) in d.layout.body.text.split("\n\n").enumerate() {
        println!(
            "--- {i}: {}",
            p.chars().take(60).collect::<String>().replace('\n', " ")
        );
    }
}
