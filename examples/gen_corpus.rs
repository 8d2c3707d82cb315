//! Writes a generated corpus of dossier texts (see `benches/gen/mod.rs`).
//!
//!     cargo run --release --example gen_corpus -- OUT_DIR N [--bytes B] [--seed S] [--markdown MD_DIR]
//!
//! `N` documents of about `B` bytes each (default 14,700, the seed's size,
//! ±25 %) as `OUT_DIR/doc-00000.txt` …; with `--markdown`, the same
//! documents as Pandoc Markdown (`[^n]` footnotes) in `MD_DIR/doc-00000.md`.
//! The same arguments always give the same files.
//!
//!     cargo run --release --example gen_corpus -- --bytes 1048576 --seed-repeat FILE
//!
//! writes the benchmark's 1 MB document (the seed over and over, footnotes
//! numbered on) to FILE.

#[path = "../benches/gen/mod.rs"]
mod gen;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut pos = Vec::new();
    let mut bytes = 14_700usize;
    let mut seed = 6u64;
    let mut md: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bytes" => bytes = args.next().and_then(|s| s.parse().ok()).expect("--bytes B"),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).expect("--seed S"),
            "--markdown" => md = Some(args.next().expect("--markdown DIR").into()),
            "--seed-repeat" => {
                // One file: the seed copied to about B bytes, footnotes numbered on.
                let out: PathBuf = args.next().expect("--seed-repeat FILE").into();
                let seed = std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/seeds/000_0dbf1fc7ba84b8b6.txt"
                ))
                .expect("the seed");
                std::fs::write(&out, gen::seed_repeat(&seed, bytes)).expect("write");
                return;
            }
            _ => pos.push(a),
        }
    }
    let [out, n] = pos.as_slice() else {
        eprintln!("usage: gen_corpus OUT_DIR N [--bytes B] [--seed S] [--markdown MD_DIR]");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    let n: usize = n.parse().expect("N: a number");
    std::fs::create_dir_all(&out).expect("create OUT_DIR");
    if let Some(md) = &md {
        std::fs::create_dir_all(md).expect("create MD_DIR");
    }
    let pools = gen::Pools::from_repo();
    let docs = gen::corpus(&pools, seed, n, bytes);
    let (mut total, mut notes) = (0usize, 0usize);
    for (i, d) in docs.iter().enumerate() {
        let text = d.to_text();
        total += text.len();
        notes += d.footnotes();
        std::fs::write(out.join(format!("doc-{i:05}.txt")), text).expect("write");
        if let Some(md) = &md {
            std::fs::write(md.join(format!("doc-{i:05}.md")), d.to_markdown()).expect("write");
        }
    }
    eprintln!(
        "{n} documents, {:.1} MB, {notes} footnotes ({} sentences, {} questions in the pools)",
        total as f64 / 1e6,
        pools.sentences.len(),
        pools.questions.len()
    );
}
