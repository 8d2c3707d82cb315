//! The pure workspace index on a folder: `workspace::scan_folder` (walk,
//! read, analyse and summarise every file on all cores), timed, with the
//! process's resident memory after it against the folder's text size.
//!
//!     cargo run --release --example index_timing -- FOLDER [RUNS]
//!
//! Prints one line per run and the median. The summaries of the last run
//! are kept alive while the memory is read.

use dossier_lsp::workspace::{scan_folder, ScanLimits, Workspace};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

fn rss_bytes() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0)
        * 1024
}

fn main() {
    let dir = std::env::args().nth(1).expect("a folder");
    let runs: usize = std::env::args().nth(2).map_or(3, |s| s.parse().unwrap());
    let globs = vec!["**/*.txt".to_string()];
    let mut times = Vec::new();
    let mut keep = Workspace::new();
    let rss_before = rss_bytes();
    for run in 0..runs {
        let reports = AtomicUsize::new(0);
        let t = Instant::now();
        let scan = scan_folder(
            std::path::Path::new(&dir),
            &globs,
            &ScanLimits::default(),
            &|_, _| {
                reports.fetch_add(1, Ordering::Relaxed);
            },
        );
        let elapsed = t.elapsed().as_secs_f64();
        let bytes: usize = scan.documents.iter().map(|(_, s)| s.bytes).sum();
        println!(
            "run {run}: {} documents, {:.1} MB in {:.3} s ({:.1} MB/s), {} progress reports, {} problems",
            scan.documents.len(),
            bytes as f64 / 1e6,
            elapsed,
            bytes as f64 / 1e6 / elapsed,
            reports.load(Ordering::Relaxed),
            scan.problems.len()
        );
        times.push(elapsed);
        if run + 1 == runs {
            // What the summaries hold, to tell where the memory goes.
            let (mut qs, mut words, mut word_bytes, mut cites, mut cite_bytes) = (0, 0, 0, 0, 0);
            for (_, s) in &scan.documents {
                qs += s.questions.len();
                for q in &s.questions {
                    words += q.words.len();
                    word_bytes += q.words.len() * std::mem::size_of::<u64>();
                }
                cites += s.cites.len();
                cite_bytes += s
                    .cites
                    .iter()
                    .map(|c| {
                        c.id.len()
                            + c.canonical.len()
                            + c.document().len()
                            + c.page.as_ref().map_or(0, |p| p.len())
                    })
                    .sum::<usize>();
            }
            println!(
                "summaries: {qs} questions with {words} words in their word sets ({:.1} MB of word text, \
                 one String and one hash-set slot each); {cites} cited places ({:.1} MB of strings)",
                word_bytes as f64 / 1e6,
                cite_bytes as f64 / 1e6
            );
            let mut ws = Workspace::new();
            for (path, summary) in scan.documents {
                ws.insert(&path.to_string_lossy(), summary);
            }
            keep = ws;
            let rss = rss_bytes();
            println!(
                "RSS with the index of the last run: {:.1} MB ({:.1} MB before the first scan) = {:.2}x the text",
                rss as f64 / 1e6,
                rss_before as f64 / 1e6,
                rss as f64 / bytes as f64
            );
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("median {:.3} s over {runs} run(s)", times[times.len() / 2]);
    drop(keep);
}
