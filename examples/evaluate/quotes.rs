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
//! To tell attribution errors from entity errors, speaker_accuracy_gum_entities runs the same
//! quote finder on GUM's human entity annotation instead, one entity per GUM coreference group.
//! GUM names no entity, and its mentions hold titles and appositions ("Mark Tedeschi, QC"), so
//! there a speaker is right when one of the chosen group's mentions contains the gold name as
//! whole words: it scores the choice of speaker, not the naming, which is the entity finder's
//! job.

use crate::{Figure, load_article, ratio, read_jsonl};
use lector::analyze::quotes::find_quotes;
use lector::analyze::text::words;
use lector::analyze::{Analysis, Entity, EntityKind, Mention, analyze};
use lector::article::Article;
use lector::span::Span;
use std::collections::BTreeMap;
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
    let gum = read_jsonl(&wikinews.join("entities.jsonl"));
    let (mut found, mut right, mut expected, mut matched, mut speakers_right) = (0, 0, 0, 0, 0);
    let (mut gum_matched, mut gum_right) = (0, 0);
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

        let (entities, aliases) = gum
            .iter()
            .find(|g| g["file"].as_str() == Some(file))
            .map(|g| gum_entities(&article, g))
            .unwrap_or_default();
        let quotes = find_quotes(&article, &entities);
        let with_gum = Analysis {
            entities,
            quotes,
            ..Analysis::default()
        };
        let (m, r) = speakers_with(&article, &with_gum, &gold, &aliases);
        gum_matched += m;
        gum_right += r;
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
        Figure {
            name: "speaker_accuracy_gum_entities",
            value: ratio(gum_right, gum_matched),
        },
    ]
}

/// Matched quotes and right speakers of `analysis` against `gold`, matched as in `evaluate`; a
/// speaker is right when the gold name is one of its `aliases`.
fn speakers_with(
    article: &Article,
    analysis: &Analysis,
    gold: &[Gold],
    aliases: &[Vec<String>],
) -> (usize, usize) {
    let mut used = vec![false; gold.len()];
    let (mut matched, mut right) = (0, 0);
    for quote in &analysis.quotes {
        if words(quote.span.of(&article.text)).len() < MIN_WORDS {
            continue;
        }
        let hit = gold
            .iter()
            .enumerate()
            .position(|(i, g)| !used[i] && quote.span.start < g.end && g.start < quote.span.end);
        if let Some(i) = hit {
            used[i] = true;
            matched += 1;
            let names = quote.speaker.and_then(|e| aliases.get(e));
            right += usize::from(match (names, gold[i].speaker.as_deref()) {
                (None, None) => true,
                (Some(names), Some(g)) => names.iter().any(|n| names_person(n, g)),
                _ => false,
            });
        }
    }
    (matched, right)
}

/// GUM's annotated mentions of one article as entities, one per coreference group, with each
/// group's proper-noun runs as its aliases.
fn gum_entities(
    article: &Article,
    annotation: &serde_json::Value,
) -> (Vec<Entity>, Vec<Vec<String>>) {
    let mut groups: BTreeMap<String, (Entity, Vec<String>)> = BTreeMap::new();
    for m in annotation["mentions"].as_array().into_iter().flatten() {
        let n = |k: &str| m[k].as_u64().unwrap_or(0) as usize;
        let span = Span::new(n("start"), n("end"));
        let Some(block) = article.block_at(span.start) else {
            continue;
        };
        let kind = match m["type"].as_str() {
            Some("person") => EntityKind::Person,
            Some("organization") => EntityKind::Organization,
            _ => EntityKind::Place,
        };
        let names: Vec<(usize, usize)> = m["names"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| Some((r[0].as_u64()? as usize, r[1].as_u64()? as usize)))
            .collect();
        let name_run = match (names.first(), names.last()) {
            (Some(&(s, _)), Some(&(_, e))) => article.text.get(s..e).unwrap_or_default(),
            _ => "",
        };
        let (entity, aliases) = groups.entry(m["group"].to_string()).or_insert_with(|| {
            let entity = Entity {
                name: String::new(),
                kind,
                mentions: Vec::new(),
            };
            (entity, Vec::new())
        });
        entity.mentions.push(Mention { span, block });
        if name_run.len() > entity.name.len() {
            entity.name = name_run.to_string();
        }
        aliases.push(
            article
                .text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_string(),
        );
    }
    groups
        .into_values()
        .map(|(mut e, aliases)| {
            e.mentions.sort_by_key(|m| m.span);
            (e, aliases)
        })
        .unzip()
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

/// Whether mention text `mention` contains the name `gold` as whole words, ignoring case.
fn names_person(mention: &str, gold: &str) -> bool {
    let tokens = |s: &str| -> Vec<String> { words(s).iter().map(|w| normalize(w.text)).collect() };
    let (m, g) = (tokens(mention), tokens(gold));
    !g.is_empty() && m.windows(g.len()).any(|w| w == g.as_slice())
}

fn preview(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
