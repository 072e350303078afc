//! Time per analysis stage over a corpus held in memory (one thread):
//! `cargo run --release --example stage-times -- DIR [ROUNDS [STAGE]]`. A profiling aid, not a benchmark.
//! STAGE `group` times only the last step of `entities`, grouping mentions into entities.

use lector::analyze::{analyze, entities, quotes, repeats};

/// The allocator of the `lector` binary, so the figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use lector::load::{self, parse_article};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("usage: stage-times DIR [ROUNDS]"));
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let (sources, _) = load::list_sources(&[dir]);
    let texts: Vec<(String, String)> = sources
        .iter()
        .filter_map(|s| load::load(s).ok())
        .map(|l| (l.article.path.clone(), l.article.text.clone()))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.1.len()).sum();
    let articles: Vec<_> = texts
        .iter()
        .map(|(p, t)| parse_article(p.as_str(), t.clone()))
        .collect();
    let t = Instant::now();
    let _ = analyze(&articles[0]);
    println!(
        "first analysis (builds the gazetteer): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let found: Vec<_> = articles.iter().map(entities::find_entities).collect();
    let only = args.get(2).cloned();
    let time = |name: &str, f: &dyn Fn()| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let mut best = f64::MAX;
        for _ in 0..rounds {
            let t = Instant::now();
            f();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{name:10} {:8.1} ms {:7.1} MB/s",
            best * 1e3,
            bytes as f64 / best / 1e6
        );
    };
    println!("{} articles, {:.1} MB", articles.len(), bytes as f64 / 1e6);
    time("parse", &|| {
        for (p, t) in &texts {
            std::hint::black_box(parse_article(p.as_str(), t.clone()));
        }
    });
    time("repeats", &|| {
        for a in &articles {
            std::hint::black_box(repeats::find_repeats(a));
        }
    });
    time("entities", &|| {
        for a in &articles {
            std::hint::black_box(entities::find_entities(a));
        }
    });
    // Only the last step of `entities`, grouping mentions into entities (`group`, run only
    // when asked for): timed article by article, the steps before it untimed; the best round.
    if only.as_deref() == Some("group") {
        let mut best = f64::MAX;
        for _ in 0..rounds {
            let mut sum = 0.0;
            for a in &articles {
                let (found, took) = entities::find_entities_timing_grouping(a);
                std::hint::black_box(found);
                sum += took.as_secs_f64();
            }
            best = best.min(sum);
        }
        println!("group      {:8.1} ms", best * 1e3);
    }
    time("quotes", &|| {
        for (a, f) in articles.iter().zip(&found) {
            std::hint::black_box(quotes::find_quotes(a, f));
        }
    });
    time("analyze", &|| {
        for a in &articles {
            std::hint::black_box(analyze(a));
        }
    });
}
