//! Repeats, title and dek accuracy on the scraped-style copies.

use crate::{Figure, f1, load_article, ratio, read_jsonl};
use lector::analyze::repeats::find_repeats;
use lector::span::Span;
use std::path::Path;

pub fn evaluate(scraped: &Path) -> Vec<Figure> {
    let gold = read_jsonl(&scraped.join("repeats.jsonl"));
    let (mut found, mut correct, mut expected, mut recalled) = (0, 0, 0, 0);
    let (mut titles, mut deks) = (0, 0);
    println!("== repeats, title and dek ({} articles)", gold.len());
    for g in &gold {
        let file = g["file"].as_str().unwrap_or_default();
        let article = load_article(&scraped.join(file));
        let repeats = find_repeats(&article);
        let gold_pairs: Vec<(usize, usize, usize, usize)> = g["repeats"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|r| {
                        let n = |k: &str| r[k].as_u64().unwrap_or(0) as usize;
                        (n("start"), n("end"), n("of_start"), n("of_end"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut article_correct = 0;
        let mut article_found = 0;
        let found_pairs: Vec<_> = repeats
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (article.blocks[i].span, article.blocks[r.of].span)))
            .collect();
        // A found repeat is right when it covers a gold copy and points at that copy's original.
        let matches = |(copy, original): (Span, Span),
                       (s, e, os, oe): (usize, usize, usize, usize)| {
            copy.start < e && s < copy.end && original.start < oe && os < original.end
        };
        recalled += gold_pairs
            .iter()
            .filter(|&&g| found_pairs.iter().any(|&f| matches(f, g)))
            .count();
        for (i, r) in repeats.iter().enumerate() {
            let Some(r) = r else { continue };
            article_found += 1;
            let pair = (article.blocks[i].span, article.blocks[r.of].span);
            if gold_pairs.iter().any(|&g| matches(pair, g)) {
                article_correct += 1;
            } else {
                println!("  {file}: wrong repeat ¶{} -> ¶{}", i + 1, r.of + 1);
            }
        }
        if article_found - article_correct > 0 || article_correct < gold_pairs.len() {
            println!(
                "  {file}: {article_correct} right of {article_found} found, {} expected",
                gold_pairs.len()
            );
        }
        found += article_found;
        correct += article_correct;
        expected += gold_pairs.len();
        let title_ok = g["title"].as_str() == Some(article.title.as_str());
        let dek_ok = g["dek"].as_str() == article.dek.as_deref();
        if !title_ok {
            println!("  {file}: title {:?}", article.title);
        }
        if !dek_ok {
            println!("  {file}: dek {:?}", article.dek);
        }
        titles += usize::from(title_ok);
        deks += usize::from(dek_ok);
    }
    let precision = ratio(correct, found);
    let recall = ratio(recalled, expected);
    vec![
        Figure {
            name: "repeat_precision",
            value: precision,
        },
        Figure {
            name: "repeat_recall",
            value: recall,
        },
        Figure {
            name: "repeat_f1",
            value: f1(precision, recall),
        },
        Figure {
            name: "title_accuracy",
            value: ratio(titles, gold.len()),
        },
        Figure {
            name: "dek_accuracy",
            value: ratio(deks, gold.len()),
        },
    ]
}
