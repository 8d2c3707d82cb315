//! Time per stage of the analysis of one file (median of rounds), for
//! finding where the analysis spends its time.
use std::time::Instant;

fn per_call(n: usize, mut f: impl FnMut()) -> f64 {
    let mut rounds: Vec<f64> = (0..7)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_secs_f64() / n as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[3]
}

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let n: usize = std::env::args().nth(2).map_or(300, |s| s.parse().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let mb = text.len() as f64 / 1e6;
    let d = dossier_lsp::Dossier::analyze(&text);
    let stages: [(&str, f64); 4] = [
        (
            "layout",
            per_call(n, || {
                std::hint::black_box(dossier_lsp::layout::Layout::analyze(&text));
            }),
        ),
        (
            "find_citations(whole text)",
            per_call(n, || {
                std::hint::black_box(dossier_lsp::citation::find_citations(&text));
            }),
        ),
        (
            "Dossier::analyze",
            per_call(n, || {
                std::hint::black_box(dossier_lsp::Dossier::analyze(&text));
            }),
        ),
        (
            "lints::lint",
            per_call(n, || {
                std::hint::black_box(dossier_lsp::lints::lint(&d, &text));
            }),
        ),
    ];
    for (name, t) in stages {
        println!("{name:28} {:8.3} ms {:7.0} MB/s", t * 1e3, mb / t);
    }
}
