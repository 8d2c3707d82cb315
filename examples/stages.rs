//! Time per stage of the analysis of one file (median of seven rounds of
//! `n` calls), for finding where the analysis spends its time:
//!
//!     cargo run --release --example stages -- FILE [N] [STAGE]
//!
//! With STAGE (`layout`, `citations`, `analyze`, `lint`) only that stage
//! runs, so that `valgrind --tool=callgrind` counts its instructions alone.
use std::time::Instant;

fn per_call(n: usize, f: &dyn Fn()) -> f64 {
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
    let only = std::env::args().nth(3);
    let text = std::fs::read_to_string(path).unwrap();
    let mb = text.len() as f64 / 1e6;
    let d = dossier_lsp::Dossier::analyze(&text);
    let layout = || {
        std::hint::black_box(dossier_lsp::layout::Layout::analyze(&text));
    };
    let citations = || {
        std::hint::black_box(dossier_lsp::citation::find_citations(&text));
    };
    let analyze = || {
        std::hint::black_box(dossier_lsp::Dossier::analyze(&text));
    };
    let lint = || {
        std::hint::black_box(dossier_lsp::lints::lint(&d, &text));
    };
    let stages: [(&str, &dyn Fn()); 4] = [
        ("layout", &layout),
        ("citations", &citations),
        ("analyze", &analyze),
        ("lint", &lint),
    ];
    for (name, f) in stages {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let t = per_call(n, f);
        println!("{name:10} {:8.3} ms {:7.0} MB/s", t * 1e3, mb / t);
    }
}
