fn main() {
    for p in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&p).unwrap();
        let d = dossier_lsp::Dossier::analyze(&text);
        let idx = dossier_lsp::text::LineIndex::new(&text);
        let defs: Vec<u32> = d.footnotes.iter().map(|f| f.number).collect();
        let ms: Vec<String> = d
            .markers
            .iter()
            .map(|m| {
                let l = idx.line_of(m.span.start);
                let ls = idx.line_start(l).unwrap();
                let ctx_s = m.span.start.saturating_sub(12).max(ls);
                let mut a = ctx_s;
                while !text.is_char_boundary(a) {
                    a += 1;
                }
                format!(
                    "{}{}@{}[{}]",
                    m.number,
                    if m.spaced { "s" } else { "" },
                    l + 1,
                    text[a..m.span.end].replace('\n', " ")
                )
            })
            .collect();
        println!(
            "{p}\n  id={:?} pages={} defs={:?}\n  markers={}",
            d.identity.as_ref().map(|i| &i.id),
            d.layout.pages.len(),
            defs,
            ms.join(" ")
        );
        println!(
            "  q={:?} a={}",
            d.questions
                .iter()
                .map(|q| (q.numbers.clone(), q.answer.is_some()))
                .collect::<Vec<_>>(),
            d.answers.len()
        );
    }
}
