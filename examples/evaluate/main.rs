//! Measures lector's accuracy on human-annotated news:
//! `cargo run --release --example evaluate -- [CORPUS_DIR] [--check FLOORS]`.
//!
//! CORPUS_DIR (default `tests/corpus`) holds `wikinews/` (articles, GUM entity annotation in
//! `entities.jsonl`, quote gold in `quotes.jsonl`) and `scraped/` (articles with `repeats.jsonl`).
//! With `--check FLOORS`, exits with status 1 when any figure is below its floor in that file
//! (lines `name value`), so accuracy can only go up.

mod entities;
mod quotes;
mod repeats;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A named figure between 0 and 1.
pub struct Figure {
    pub name: &'static str,
    pub value: f64,
}

pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// Loads one corpus file as lector would, exiting with a message when it cannot.
pub fn load_article(path: &Path) -> lector::article::Article {
    let source = lector::load::Source::File(path.to_path_buf());
    match lector::load::load(&source) {
        Ok(loaded) => loaded.article,
        Err(e) => {
            eprintln!("evaluate: {e}");
            std::process::exit(2);
        }
    }
}

/// Reads a JSON-lines file into values.
pub fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("evaluate: {}: {e}", path.display());
        std::process::exit(2);
    });
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| {
                eprintln!("evaluate: {}:{}: {e}", path.display(), n + 1);
                std::process::exit(2);
            })
        })
        .collect()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut corpus = PathBuf::from("tests/corpus");
    let mut floors = None;
    while let Some(arg) = args.next() {
        if arg == "--check" {
            floors = args.next().map(PathBuf::from);
        } else {
            corpus = PathBuf::from(arg);
        }
    }
    let mut figures = Vec::new();
    figures.extend(entities::evaluate(&corpus.join("wikinews")));
    figures.extend(quotes::evaluate(&corpus.join("wikinews")));
    figures.extend(repeats::evaluate(&corpus.join("scraped")));

    println!("\n{:<28} {:>7}", "figure", "value");
    for f in &figures {
        println!("{:<28} {:>7.3}", f.name, f.value);
    }
    let Some(floors) = floors else {
        return ExitCode::SUCCESS;
    };
    let text = std::fs::read_to_string(&floors).unwrap_or_else(|e| {
        eprintln!("evaluate: {}: {e}", floors.display());
        std::process::exit(2);
    });
    let mut failed = false;
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(Ok(floor))) = (parts.next(), parts.next().map(str::parse::<f64>))
        else {
            eprintln!("evaluate: {}: bad line {line:?}", floors.display());
            return ExitCode::from(2);
        };
        match figures.iter().find(|f| f.name == name) {
            Some(f) if f.value + 1e-9 < floor => {
                eprintln!(
                    "evaluate: {name} = {:.3} fell below its floor {floor:.3}",
                    f.value
                );
                failed = true;
            }
            Some(_) => {}
            None => {
                eprintln!("evaluate: no figure named {name}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
