//! Entity accuracy against GUM's annotation of the Wikinews articles.
//!
//! Only persons, organisations and places are scored (GUM annotates no other kinds). A lector
//! entity of kind group or other is left out of scoring entirely: it earns no credit and costs
//! no precision, and a gold entity that only such an entity touches counts as missed.
//! - A gold entity is a GUM group with at least one proper-name range (`names`).
//! - A lector entity is correct when one of its mentions overlaps a name range of a gold entity;
//!   a gold entity is found when a scored lector entity does that. Typed: the kinds must match.
//! - Mentions: a lector mention is correct when it overlaps a gold mention's name range; a gold
//!   mention with names is found when a scored lector mention overlaps one of its ranges.
//! - Grouping: of the gold entities with two or more mentions found, the share whose found
//!   mentions all lie in one lector entity. Here each lector mention counts for the one gold
//!   mention it matches best (overlap over union of the whole spans), so a lector mention
//!   "United States Air Force" is not held against the nested gold "United States".

use crate::{Figure, f1, load_article, ratio, read_jsonl};
use lector::analyze::EntityKind;
use lector::analyze::entities::find_entities;
use lector::span::Span;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

struct GoldMention {
    span: Span,
    group: String,
    kind: EntityKind,
    names: Vec<Span>,
}

fn kind_of(label: &str) -> Option<EntityKind> {
    match label {
        "person" => Some(EntityKind::Person),
        "organization" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

#[derive(Default)]
struct Counts {
    found: usize,
    correct: usize,
    gold: usize,
    gold_found: usize,
    typed_correct: usize,
    typed_gold_found: usize,
    mentions_found: usize,
    mentions_correct: usize,
    gold_mentions: usize,
    gold_mentions_found: usize,
    groupable: usize,
    grouped: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.found += o.found;
        self.correct += o.correct;
        self.gold += o.gold;
        self.gold_found += o.gold_found;
        self.typed_correct += o.typed_correct;
        self.typed_gold_found += o.typed_gold_found;
        self.mentions_found += o.mentions_found;
        self.mentions_correct += o.mentions_correct;
        self.gold_mentions += o.gold_mentions;
        self.gold_mentions_found += o.gold_mentions_found;
        self.groupable += o.groupable;
        self.grouped += o.grouped;
    }
}

/// Overlap over union of two spans, 0 to 1.
fn jaccard(a: Span, b: Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    ratio(inter, union)
}

pub fn evaluate(wikinews: &Path) -> Vec<Figure> {
    let gold = read_jsonl(&wikinews.join("entities.jsonl"));
    let verbose = std::env::var_os("LECTOR_EVAL_VERBOSE").is_some();
    println!("== entities ({} articles)", gold.len());
    println!(
        "  {:<36} {:>5} {:>5} {:>5} {:>6} {:>6}",
        "article", "P", "R", "typed", "m-F1", "group"
    );
    let mut total = Counts::default();
    for g in &gold {
        let file = g["file"].as_str().unwrap_or_default();
        let article = load_article(&wikinews.join(file));
        let gold_mentions: Vec<GoldMention> = g["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| {
                let names: Vec<Span> = m["names"]
                    .as_array()?
                    .iter()
                    .filter_map(|r| {
                        Some(Span::new(r[0].as_u64()? as usize, r[1].as_u64()? as usize))
                    })
                    .collect();
                (!names.is_empty()).then_some(GoldMention {
                    span: Span::new(m["start"].as_u64()? as usize, m["end"].as_u64()? as usize),
                    group: m["group"].as_str()?.to_string(),
                    kind: kind_of(m["type"].as_str()?)?,
                    names,
                })
            })
            .collect();
        let all = find_entities(&article);
        let entities: Vec<_> = all
            .iter()
            .cloned()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Place
                )
            })
            .collect();
        let mut groups: BTreeMap<&str, EntityKind> = BTreeMap::new();
        for m in &gold_mentions {
            groups.entry(m.group.as_str()).or_insert(m.kind);
        }
        let hits = |span: Span| -> Vec<&GoldMention> {
            gold_mentions
                .iter()
                .filter(|m| m.names.iter().any(|n| n.overlaps(span)))
                .collect()
        };
        let mut c = Counts {
            found: entities.len(),
            gold: groups.len(),
            gold_mentions: gold_mentions.len(),
            ..Counts::default()
        };
        let mut found_groups: BTreeSet<&str> = BTreeSet::new();
        let mut typed_groups: BTreeSet<&str> = BTreeSet::new();
        // For grouping: gold group -> the lector entities its found mentions landed in.
        let mut landing: BTreeMap<&str, (usize, BTreeSet<usize>)> = BTreeMap::new();
        for e in &entities {
            let mut any = false;
            let mut typed = false;
            for m in &e.mentions {
                let hit = hits(m.span);
                c.mentions_found += 1;
                if !hit.is_empty() {
                    c.mentions_correct += 1;
                }
                for h in hit {
                    any = true;
                    found_groups.insert(&h.group);
                    if h.kind == e.kind {
                        typed = true;
                        typed_groups.insert(&h.group);
                    }
                }
            }
            c.correct += usize::from(any);
            c.typed_correct += usize::from(typed);
            if verbose && !any {
                println!("    {file}: spurious {:?} {}", e.kind, e.name);
            } else if verbose && !typed {
                let gold: BTreeSet<String> = e
                    .mentions
                    .iter()
                    .flat_map(|m| hits(m.span))
                    .map(|g| format!("{:?}", g.kind))
                    .collect();
                println!(
                    "    {file}: mistyped {:?} {} (gold {gold:?})",
                    e.kind, e.name
                );
            }
        }
        // Grouping: each lector mention counts for the one gold mention it matches best (the
        // highest overlap over union of the whole mention spans, among those whose names it
        // overlaps), so "United States Air Force" counts for the air force, not for the
        // United States nested in it.
        let mut landed: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); gold_mentions.len()];
        for (ei, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                let best = gold_mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.names.iter().any(|n| n.overlaps(m.span)))
                    .max_by(|(_, a), (_, b)| {
                        jaccard(a.span, m.span).total_cmp(&jaccard(b.span, m.span))
                    })
                    .map(|(gi, _)| gi);
                if let Some(gi) = best {
                    landed[gi].insert(ei);
                }
            }
        }
        for gm in &gold_mentions {
            if entities.iter().any(|e| {
                e.mentions
                    .iter()
                    .any(|m| gm.names.iter().any(|n| n.overlaps(m.span)))
            }) {
                c.gold_mentions_found += 1;
            }
        }
        for (gm, found_in) in gold_mentions.iter().zip(&landed) {
            if !found_in.is_empty() {
                let slot = landing.entry(gm.group.as_str()).or_default();
                slot.0 += 1;
                slot.1.extend(found_in);
            }
        }
        for (group, (count, landed)) in &landing {
            if *count >= 2 {
                c.groupable += 1;
                if landed.len() == 1 {
                    c.grouped += 1;
                } else if verbose {
                    println!(
                        "    {file}: split gold group {group} over {:?}",
                        landed
                            .iter()
                            .map(|&i| entities[i].name.as_str())
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
        c.gold_found = found_groups.len();
        c.typed_gold_found = typed_groups.len();
        if verbose {
            let text = &article.text;
            for (group, kind) in &groups {
                if !found_groups.contains(group) {
                    let example = gold_mentions
                        .iter()
                        .find(|m| m.group == *group)
                        .map(|m| {
                            m.names
                                .iter()
                                .map(|n| n.of(text))
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .unwrap_or_default();
                    // What lector made of it, if anything: an unscored group or other entity.
                    let seen: Vec<String> = all
                        .iter()
                        .filter(|e| {
                            e.mentions.iter().any(|m| {
                                gold_mentions
                                    .iter()
                                    .filter(|g| g.group == *group)
                                    .any(|g| g.names.iter().any(|n| n.overlaps(m.span)))
                            })
                        })
                        .map(|e| format!("{:?} {}", e.kind, e.name))
                        .collect();
                    println!("    {file}: missed {kind:?} {example} (as {seen:?})");
                }
            }
        }
        let typed_f1 = f1(
            ratio(c.typed_correct, c.found),
            ratio(c.typed_gold_found, c.gold),
        );
        let mention_f1 = f1(
            ratio(c.mentions_correct, c.mentions_found),
            ratio(c.gold_mentions_found, c.gold_mentions),
        );
        println!(
            "  {:<36} {:>5.2} {:>5.2} {:>5.2} {:>6.2} {:>3}/{:<3}",
            file,
            ratio(c.correct, c.found),
            ratio(c.gold_found, c.gold),
            typed_f1,
            mention_f1,
            c.grouped,
            c.groupable
        );
        total.add(&c);
    }
    let precision = ratio(total.correct, total.found);
    let recall = ratio(total.gold_found, total.gold);
    let typed = f1(
        ratio(total.typed_correct, total.found),
        ratio(total.typed_gold_found, total.gold),
    );
    let mention_p = ratio(total.mentions_correct, total.mentions_found);
    let mention_r = ratio(total.gold_mentions_found, total.gold_mentions);
    println!(
        "  total: {} entities found, {} correct; {} gold, {} found; mentions {}/{} correct, {}/{} gold found",
        total.found,
        total.correct,
        total.gold,
        total.gold_found,
        total.mentions_correct,
        total.mentions_found,
        total.gold_mentions_found,
        total.gold_mentions
    );
    vec![
        Figure {
            name: "entity_precision",
            value: precision,
        },
        Figure {
            name: "entity_recall",
            value: recall,
        },
        Figure {
            name: "entity_f1",
            value: f1(precision, recall),
        },
        Figure {
            name: "typed_f1",
            value: typed,
        },
        Figure {
            name: "mention_f1",
            value: f1(mention_p, mention_r),
        },
        Figure {
            name: "grouping",
            value: ratio(total.grouped, total.groupable),
        },
    ]
}
