//! Quote accuracy against hand-written gold (`wikinews/quotes.jsonl`).
//!
//! The gold lists, for each annotated article, every double-quoted span of four or more words that
//! reproduces someone's words, with the speaker's full name or null. Scoring:
//! - A found quote is right when it overlaps a gold quote not matched yet (each gold quote matches
//!   at most once). Found quotes shorter than four words are not scored either way, because the
//!   gold does not rule on short spans ("for months", "strong rationale").
//! - quote_precision = right / scored found; quote_recall = matched gold / gold.
//! - speaker_accuracy: of the matched quotes, the share whose speaker is the gold one: both null,
//!   or names equal ignoring case, a leading "the" and a trailing possessive ("the Sydney Morning
//!   Herald's" = "Sydney Morning Herald"). Strict otherwise: a part of the name ("Sheinbaum" for
//!   "Claudia Sheinbaum") is wrong.
//!
//! Runs the whole analysis (`lector::analyze::analyze`), so speakers depend on the entities found.

use crate::{Figure, load_article, ratio, read_jsonl};
use lector::analyze::analyze;
use lector::analyze::text::words;
use std::path::Path;

/// Quotes shorter than this are outside the gold's scope.
const MIN_WORDS: usize = 4;

struct Gold {
    start: usize,
    end: usize,
    speaker: Option<String>,
}

pub fn evaluate(wikinews: &Path) -> Vec<Figure> {
    let gold_lines = read_jsonl(&wikinews.join("quotes.jsonl"));
    let (mut found, mut right, mut expected, mut matched, mut speakers_right) = (0, 0, 0, 0, 0);
    println!("== quotes ({} articles)", gold_lines.len());
    for line in &gold_lines {
        let file = line["file"].as_str().unwrap_or_default();
        let gold: Vec<Gold> = line["quotes"]
            .as_array()
            .map(|qs| {
                qs.iter()
                    .map(|q| Gold {
                        start: q["start"].as_u64().unwrap_or(0) as usize,
                        end: q["end"].as_u64().unwrap_or(0) as usize,
                        speaker: q["speaker"].as_str().map(str::to_string),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let article = load_article(&wikinews.join(file));
        let analysis = analyze(&article);
        let mut used = vec![false; gold.len()];
        for quote in &analysis.quotes {
            let text = quote.span.of(&article.text);
            if words(text).len() < MIN_WORDS {
                continue;
            }
            found += 1;
            let hit = gold.iter().enumerate().position(|(i, g)| {
                !used[i] && quote.span.start < g.end && g.start < quote.span.end
            });
            let speaker = analysis.speaker_name(quote);
            let Some(i) = hit else {
                println!("  {file}: not a gold quote: {:?}", preview(text));
                continue;
            };
            used[i] = true;
            right += 1;
            if same_speaker(speaker, gold[i].speaker.as_deref()) {
                speakers_right += 1;
            } else {
                println!(
                    "  {file}: speaker {speaker:?}, gold {:?}: {:?}",
                    gold[i].speaker,
                    preview(text)
                );
            }
        }
        for (g, _) in gold.iter().zip(&used).filter(|(_, u)| !**u) {
            let text = article.text.get(g.start..g.end).unwrap_or_default();
            println!("  {file}: missed {:?}", preview(text));
        }
        expected += gold.len();
        matched += used.iter().filter(|u| **u).count();
    }
    vec![
        Figure {
            name: "quote_precision",
            value: ratio(right, found),
        },
        Figure {
            name: "quote_recall",
            value: ratio(matched, expected),
        },
        Figure {
            name: "speaker_accuracy",
            value: ratio(speakers_right, matched),
        },
    ]
}

/// Equal names, ignoring case, a leading "the" and a trailing possessive; both absent is equal.
fn same_speaker(found: Option<&str>, gold: Option<&str>) -> bool {
    match (found, gold) {
        (None, None) => true,
        (Some(f), Some(g)) => normalize(f) == normalize(g),
        _ => false,
    }
}

fn normalize(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
