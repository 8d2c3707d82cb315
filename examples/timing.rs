//! Rough per-stage timing of the analysis of one file, many times over.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let n: usize = std::env::args().nth(2).map_or(200, |s| s.parse().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(dossier_lsp::layout::Layout::analyze(&text));
    }
    let layout = t.elapsed().as_secs_f64() / n as f64;
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(dossier_lsp::citation::find_citations(&text));
    }
    let cites = t.elapsed().as_secs_f64() / n as f64;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let d = dossier_lsp::Dossier::analyze(&text);
        std::hint::black_box(dossier_lsp::lints::lint(&d, &text));
    }
    let all = t.elapsed().as_secs_f64() / n as f64;
    let mb = text.len() as f64 / 1e6;
    println!(
        "layout {:.0} MB/s, citations(whole text) {:.0} MB/s, all {:.0} MB/s ({:.3} ms)",
        mb / layout,
        mb / cites,
        mb / all,
        all * 1e3
    );
}
