//! Runs the fuzz targets' checks (`fuzz/fuzz_targets/`) on stable, over
//! files or folders: `Dossier::analyze` + lints and `find_citations` must
//! not panic and every span must lie on character boundaries.
//!
//!     cargo run --release --example fuzz_replay -- PATH…
//!
//! Prints each failing file with the offending span; exit status 1 if any.

use dossier_lsp::{citation::find_citations, lints, Dossier};
use std::path::{Path, PathBuf};

fn files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut es: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        es.sort();
        for e in es {
            files(&e, out);
        }
    } else {
        out.push(p.to_path_buf());
    }
}

/// What is wrong with `text`, if anything.
pub fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let ok = |s: &std::ops::Range<usize>| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let d = Dossier::analyze(text);
    for diag in lints::lint(&d, text) {
        if !ok(&diag.span) {
            found.push(format!(
                "lint {} span {:?}: {}",
                diag.code,
                diag.span,
                diag.message.render(dossier_lsp::i18n::Lang::En)
            ));
        }
    }
    for c in find_citations(text) {
        if !ok(&c.span) {
            found.push(format!("citation span {:?}", c.span));
        }
    }
    found
}

fn main() {
    let mut all = Vec::new();
    for a in std::env::args().skip(1) {
        files(Path::new(&a), &mut all);
    }
    let mut bad = 0;
    for f in &all {
        let bytes = std::fs::read(f).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        match std::panic::catch_unwind(|| problems(&text)) {
            Ok(p) if p.is_empty() => {}
            Ok(p) => {
                bad += 1;
                for m in p {
                    println!("{}: {m}", f.display());
                }
            }
            Err(_) => {
                bad += 1;
                println!("{}: panic", f.display());
            }
        }
    }
    eprintln!("{} file(s), {bad} with a finding", all.len());
    std::process::exit(i32::from(bad > 0));
}
