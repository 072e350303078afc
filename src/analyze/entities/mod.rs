//! Named entities: people, organisations, places, groups and other named things, with every
//! mention of each in the article, found by rules in the manner of Mikheev, Moens and Grover
//! (1999): sure-fire contexts first (titles, organisation and place head words, gazetteer
//! names), then propagation within the article (a later "Sheinbaum" is the earlier "Claudia
//! Sheinbaum"), then relaxed guesses. Words capitalised only by their position (sentence
//! starts, headlines) count as names only when the article confirms them elsewhere.

mod chunks;
mod classify;
mod coref;
mod evidence;
mod gazetteer;
mod lexicon;
mod name_trie;
mod tokens;
mod word_set;

use super::Entity;
use crate::article::Article;
use std::time::{Duration, Instant};

/// Every named entity in the article with its mentions, most mentioned first.
///
/// # Panics
///
/// If the article's text is 4 GiB or longer: words are placed in 32 bits (`tokens::Token`).
pub fn find_entities(article: &Article) -> Vec<Entity> {
    find_entities_grouping_by(article, |group| group())
}

/// [`find_entities`] with the time its last step, grouping mentions into entities, took: for
/// `examples/stage-times`, which cannot reach the private steps to time that one alone.
#[doc(hidden)]
pub fn find_entities_timing_grouping(article: &Article) -> (Vec<Entity>, Duration) {
    let mut took = Duration::ZERO;
    let entities = find_entities_grouping_by(article, |group| {
        let start = Instant::now();
        let entities = group();
        took = start.elapsed();
        entities
    });
    (entities, took)
}

/// The steps of [`find_entities`], the last, grouping mentions into entities, run by `run`
/// (which may time it).
fn find_entities_grouping_by(
    article: &Article,
    run: impl FnOnce(&dyn Fn() -> Vec<Entity>) -> Vec<Entity>,
) -> Vec<Entity> {
    // The gazetteer's walk over the text and its name trie comes before the tokenizer, not
    // after it: run between the two, it pushed the freshly written tokens out of the L1 cache
    // just before `find_chunks` walks them. (cachegrind over c200, that walk's misses 67k ->
    // 50k; `find_chunks` with the gazetteer's walk, est 30.6M -> 29.6M.)
    let hits = gazetteer::GAZETTEER.hits(&article.text);
    let (tokens, marks) = tokens::tokenize_marking(article, &hits);
    let chunks = chunks::find_chunks(&tokens, marks, &hits);
    let mentions = classify::resolve(&article.text, &tokens, chunks);
    run(&|| coref::group(&article.text, &tokens, &mentions))
}

#[cfg(test)]
mod tests;
