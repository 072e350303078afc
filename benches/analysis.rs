//! Loading and analysis speed: `cargo bench --bench analysis`.
//!
//! Inputs are the bundled sample article and a ~1 MB article made of many distinct paragraphs
//! with scraper-style repeats, so both the common case and growth with length are visible.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lector::analyze::{analyze, entities, quotes, repeats};
use lector::load::parse_article;
use std::hint::black_box;

const SAMPLE: &str = include_str!("../assets/articles/mexico-sovereignty.txt");

/// An article of about `bytes` bytes: the corpus paragraphs, numbered so they stay distinct,
/// with every tenth one repeated.
pub fn long_article(bytes: usize) -> String {
    let corpus = [
        include_str!("../tests/corpus/wikinews/news_korea.txt"),
        include_str!("../tests/corpus/wikinews/news_taxes.txt"),
        include_str!("../tests/corpus/wikinews/interview_peres.txt"),
        SAMPLE,
    ];
    let paragraphs: Vec<&str> = corpus
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| l.split_whitespace().count() > 8)
        .collect();
    let mut out = String::from("A long article\n\nA long article\nIts summary line.\n");
    let mut n = 0;
    while out.len() < bytes {
        let p = paragraphs[n % paragraphs.len()];
        out.push_str(&format!("Part {n}. {p}\n"));
        if n % 10 == 9 {
            out.push_str(&format!("Part {}. {p}\n", n));
        }
        n += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let inputs = [
        ("sample", SAMPLE.to_string()),
        ("100KB", long_article(100_000)),
        ("1MB", long_article(1_000_000)),
    ];
    let mut group = c.benchmark_group("analysis");
    for (name, text) in &inputs {
        let article = parse_article("bench.txt", text.clone());
        let found = entities::find_entities(&article);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("load", name), text, |b, t| {
            b.iter(|| parse_article("bench.txt", black_box(t.clone())))
        });
        group.bench_with_input(BenchmarkId::new("repeats", name), &article, |b, a| {
            b.iter(|| repeats::find_repeats(black_box(a)))
        });
        group.bench_with_input(BenchmarkId::new("entities", name), &article, |b, a| {
            b.iter(|| entities::find_entities(black_box(a)))
        });
        group.bench_with_input(BenchmarkId::new("quotes", name), &article, |b, a| {
            b.iter(|| quotes::find_quotes(black_box(a), black_box(&found)))
        });
        group.bench_with_input(BenchmarkId::new("analyze", name), &article, |b, a| {
            b.iter(|| analyze(black_box(a)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
