//! Analysis throughput on the seed, a real Aanhangsel, and a 1 MB document
//! made of seed pages with the footnotes numbered on through the document;
//! a generated corpus (`gen`: 200 seed-sized documents, and one generated
//! 1 MB document); and the stages alone (layout, citations over the whole
//! text) on the 1 MB seed document; each citation recogniser alone
//! (`recognisers`) on the seed copied 400 times.
//!
//!     cargo bench --bench analysis                 # everything
//!     cargo bench --bench analysis -- corpus       # one group

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier_lsp::{lints, Dossier};

#[path = "gen/mod.rs"]
mod gen;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_0dbf1fc7ba84b8b6.txt"
    ))
    .unwrap()
}

/// About `bytes` of seed text, footnotes numbered on (see `gen::seed_repeat`).
pub fn big_document(bytes: usize) -> String {
    gen::seed_repeat(&seed(), bytes)
}

fn analysis(c: &mut Criterion) {
    let aanhangsel = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/learninglion/ah-tk-20232024-2271.txt"
    ))
    .unwrap();
    let inputs = [
        ("seed", seed()),
        ("ah-tk-20232024-2271", aanhangsel),
        ("1MB", big_document(1 << 20)),
    ];
    // The analysis alone (the model), then with the lints (what the
    // server computes for diagnostics).
    let mut group = c.benchmark_group("analyze");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| Dossier::analyze(text))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("analyze+lint");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                let d = Dossier::analyze(text);
                lints::lint(&d, text).len()
            })
        });
    }
    group.finish();
}

fn corpus(c: &mut Criterion) {
    let pools = gen::Pools::from_repo();
    let docs: Vec<String> = gen::corpus(&pools, 6, 200, 14_700)
        .iter()
        .map(|d| d.to_text())
        .collect();
    let total: usize = docs.iter().map(|d| d.len()).sum();
    let big = gen::Doc::generate(
        &pools,
        1,
        &gen::Shape {
            bytes: 1_200_000,
            ..gen::Shape::default()
        },
    )
    .to_text();
    let mut group = c.benchmark_group("generated");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("corpus-200x15KB", |b| {
        b.iter(|| {
            docs.iter()
                .map(|t| {
                    let d = Dossier::analyze(t);
                    lints::lint(&d, t).len()
                })
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("1MB", |b| {
        b.iter(|| {
            let d = Dossier::analyze(&big);
            lints::lint(&d, &big).len()
        })
    });
    group.finish();
}

fn stages(c: &mut Criterion) {
    let big = big_document(1 << 20);
    let mut group = c.benchmark_group("stages-1MB");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("layout", |b| {
        b.iter(|| dossier_lsp::layout::Layout::analyze(&big))
    });
    group.bench_function("find_citations", |b| {
        b.iter(|| dossier_lsp::citation::find_citations(&big).len())
    });
    group.bench_function("analyze", |b| b.iter(|| Dossier::analyze(&big)));
    group.finish();
}

/// Each recogniser over the whole text, without the literal gates that
/// `find_citations` puts before them: which one a slow text is slow in.
fn recognisers(c: &mut Criterion) {
    let text = seed().repeat(400);
    let mut group = c.benchmark_group("recognisers");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, find) in dossier_lsp::citation::recognisers() {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                find(&text, &mut out);
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, analysis, corpus, stages, recognisers);
criterion_main!(benches);
