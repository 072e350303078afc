//! Repeated blocks: exact copies (after folding case and whitespace) and near copies (a few words
//! changed, or cut short), found by hashing word shingles, so the cost grows with the text length
//! and not with the square of the number of blocks.

use super::Repeat;
use crate::article::Article;
use rustc_hash::{FxHashMap as HashMap, FxHasher};
use std::hash::Hasher;

/// Blocks shorter than this many words ("Yes.", "Why?") are too short to call repeats: an
/// interview may say them twice on purpose.
const MIN_WORDS: usize = 5;
/// Words per shingle.
const SHINGLE: usize = 2;
/// A later block whose shingles overlap an earlier one's at least this much (Jaccard) is a repeat.
const MIN_JACCARD: f32 = 0.6;
/// A later block whose shingles lie at least this much inside an earlier, longer block is a
/// truncated copy of it.
const MIN_CONTAINMENT: f32 = 0.9;
/// A truncated copy must keep at least this many shingles to be recognised as one.
const MIN_CONTAINED_SHINGLES: usize = 8;
/// How many candidates per block are checked exactly.
const MAX_CANDIDATES: usize = 4;

/// One entry per block of the article: `Some` when the block repeats an earlier one.
pub fn find_repeats(article: &Article) -> Vec<Option<Repeat>> {
    let texts: Vec<&str> = (0..article.blocks.len())
        .map(|i| article.block_text(i))
        .collect();
    find_repeated_texts(&texts)
}

/// The same as [`find_repeats`], over plain texts.
pub fn find_repeated_texts(texts: &[&str]) -> Vec<Option<Repeat>> {
    let mut out = vec![None; texts.len()];
    let mut exact_first: HashMap<u64, usize> = HashMap::default();
    // Each shingle points at the first block that had it: enough to find the original of a
    // copy, which shares most of its shingles, in one lookup per shingle.
    let mut first_with: HashMap<u64, usize> = HashMap::default();
    first_with.reserve(texts.iter().map(|t| t.len()).sum::<usize>() / 6);
    let mut votes = Votes {
        count: vec![0; texts.len()],
        voted: Vec::new(),
    };
    let mut shingle_sets: Vec<Vec<u64>> = Vec::with_capacity(texts.len());
    let mut short_keys: Vec<Option<u64>> = Vec::with_capacity(texts.len());

    for (index, text) in texts.iter().enumerate() {
        let words = word_hashes(text);
        let shingles = shingle_set(&words);
        if words.len() >= MIN_WORDS {
            let key = hash_words(&words);
            if let Some(&first) = exact_first.get(&key) {
                out[index] = Some(Repeat {
                    of: out[first].map_or(first, |r: Repeat| r.of),
                    similarity: 1.0,
                });
            } else {
                exact_first.insert(key, index);
                out[index] = best_near_match(&shingles, &shingle_sets, &first_with, &mut votes)
                    .map(|(of, similarity)| Repeat { of, similarity });
            }
        }
        // An exact or near copy is not itself an original others should point at.
        if out[index].is_none() && words.len() >= MIN_WORDS {
            for &s in &shingles {
                first_with.entry(s).or_insert(index);
            }
        }
        shingle_sets.push(shingles);
        short_keys.push((words.len() < MIN_WORDS && !words.is_empty()).then(|| hash_words(&words)));
    }
    extend_runs_over_short_blocks(&mut out, &short_keys);
    out
}

/// A short block ("Interview", a section heading) is a repeat only inside a repeated run: when it
/// equals an earlier block and its neighbour repeats that block's neighbour. Alone, it is not.
///
/// The earlier block is found from the neighbour's repeat (if block `i + 1` repeats block `k`,
/// the only candidate is `k - 1`), so a million identical short lines cost a million steps, not
/// a million squared.
fn extend_runs_over_short_blocks(out: &mut [Option<Repeat>], short_keys: &[Option<u64>]) {
    let repeated_of = |out: &[Option<Repeat>], i: Option<usize>| {
        i.and_then(|i| out.get(i).copied().flatten()).map(|r| r.of)
    };
    // Forward then backward, so runs of several short blocks fill in from either end.
    let order = (0..out.len()).chain((0..out.len()).rev());
    for i in order {
        let Some(key) = short_keys[i] else { continue };
        if out[i].is_some() {
            continue;
        }
        let after = repeated_of(out, i.checked_add(1)).and_then(|of| of.checked_sub(1));
        let before = repeated_of(out, i.checked_sub(1)).and_then(|of| of.checked_add(1));
        let found = [after, before]
            .into_iter()
            .flatten()
            .filter(|&j| j < i && short_keys[j] == Some(key))
            .min();
        if let Some(j) = found {
            out[i] = Some(Repeat {
                of: out[j].map_or(j, |r| r.of),
                similarity: 1.0,
            });
        }
    }
}

/// Shared shingles per earlier block, and which blocks have any: counted in an array indexed
/// by block, since every block of an article is a possible original.
struct Votes {
    count: Vec<usize>,
    voted: Vec<usize>,
}

fn best_near_match(
    shingles: &[u64],
    sets: &[Vec<u64>],
    first_with: &HashMap<u64, usize>,
    votes: &mut Votes,
) -> Option<(usize, f32)> {
    for &b in &votes.voted {
        votes.count[b] = 0;
    }
    votes.voted.clear();
    for s in shingles {
        if let Some(&other) = first_with.get(s) {
            if votes.count[other] == 0 {
                votes.voted.push(other);
            }
            votes.count[other] += 1;
        }
    }
    let mut candidates: Vec<(usize, usize)> =
        votes.voted.iter().map(|&b| (b, votes.count[b])).collect();
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter_map(|(other, _)| {
            let common = intersection_size(shingles, &sets[other]);
            let union = shingles.len() + sets[other].len() - common;
            let jaccard = common as f32 / union.max(1) as f32;
            let contained = common as f32 / shingles.len().max(1) as f32;
            if jaccard >= MIN_JACCARD {
                Some((other, jaccard))
            } else if contained >= MIN_CONTAINMENT
                && shingles.len() >= MIN_CONTAINED_SHINGLES
                && shingles.len() < sets[other].len()
            {
                Some((other, contained))
            } else {
                None
            }
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// One hash per word, case folded and punctuation dropped: "The U.S. said," hashes like
/// "the us said". Hashing instead of building strings keeps this pass allocation-free per word.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut word = WordHash::default();
    if text.is_ascii() {
        // One pass over the bytes, one table lookup each: most blocks are plain ASCII.
        for &b in text.as_bytes() {
            match ASCII_FOLD[usize::from(b)] {
                SPACE => word.finish_into(&mut out),
                DROP => {}
                folded => word.add(folded),
            }
        }
    } else {
        let mut buf = [0; 4];
        for piece in text.split_whitespace() {
            for c in piece.chars().filter(|c| c.is_alphanumeric()) {
                for l in c.to_lowercase() {
                    l.encode_utf8(&mut buf).bytes().for_each(|b| word.add(b));
                }
            }
            word.finish_into(&mut out);
        }
    }
    word.finish_into(&mut out);
    out
}

const SPACE: u8 = 0;
const DROP: u8 = 1;

/// What each ASCII byte is to a word: whitespace ends it, punctuation is dropped, and letters
/// and digits are kept, lower-cased.
const ASCII_FOLD: [u8; 256] = {
    let mut table = [DROP; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // `is_ascii_whitespace` leaves out the vertical tab, which `split_whitespace` (the
        // path for other text) counts: both paths must split alike.
        if c.is_ascii_whitespace() || c == 0x0B {
            table[b] = SPACE;
        } else if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The hash of one word's folded bytes, fed one byte at a time.
#[derive(Default)]
struct WordHash {
    hasher: FxHasher,
    bytes: usize,
}

impl WordHash {
    fn add(&mut self, b: u8) {
        self.hasher.write_u8(b);
        self.bytes += 1;
    }

    /// Pushes the word's hash, if anything was left of it, and starts the next word.
    fn finish_into(&mut self, out: &mut Vec<u64>) {
        if self.bytes > 0 {
            out.push(self.hasher.finish());
        }
        *self = WordHash::default();
    }
}

fn hash_words(words: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    words.iter().for_each(|&w| h.write_u64(w));
    h.finish()
}

/// The sorted, deduplicated hashes of the text's word shingles (the words themselves when the
/// text is shorter than one shingle).
fn shingle_set(words: &[u64]) -> Vec<u64> {
    let mut set: Vec<u64> = if words.len() < SHINGLE {
        words.to_vec()
    } else {
        words.windows(SHINGLE).map(hash_words).collect()
    };
    set.sort_unstable();
    set.dedup();
    set
}

fn intersection_size(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "The mayor of the city announced on Monday that the new bridge would open next spring after years of delay.";
    const B: &str = "Residents said they were relieved, although several shop owners complained about the noise of construction.";

    fn of(texts: &[&str]) -> Vec<Option<usize>> {
        find_repeated_texts(texts)
            .into_iter()
            .map(|r| r.map(|r| r.of))
            .collect()
    }

    #[test]
    fn exact_copy_ignoring_case_and_spacing_points_at_first() {
        let upper = A.to_uppercase().replace(' ', "  ");
        assert_eq!(of(&[A, B, &upper, A]), [None, None, Some(0), Some(0)]);
    }

    #[test]
    fn copy_with_a_few_words_changed_is_a_near_repeat() {
        let changed = A.replace("Monday", "Tuesday").replace("spring", "summer");
        let r = find_repeated_texts(&[A, B, &changed]);
        assert_eq!(r[2].map(|r| r.of), Some(0));
        assert!(r[2].unwrap().similarity < 1.0);
    }

    #[test]
    fn copy_cut_short_is_a_repeat() {
        let cut = &A[..A.find("would").unwrap()];
        assert_eq!(of(&[A, B, cut]), [None, None, Some(0)]);
    }

    #[test]
    fn paragraphs_sharing_a_phrase_are_not_repeats() {
        let other = "Officials announced on Monday that the new bridge would cost twice the budget, angering the council and the governor.";
        assert_eq!(of(&[A, other]), [None, None]);
    }

    #[test]
    fn short_blocks_alone_are_not_repeats() {
        assert_eq!(of(&["Yes.", "Why not?", "Yes.", "Why not?"]), [None; 4]);
    }

    #[test]
    fn short_blocks_inside_a_repeated_run_are_repeats() {
        assert_eq!(
            of(&["Interview", A, B, "Interview", A, "Closing"]),
            [None, None, None, Some(0), Some(1), None]
        );
        assert_eq!(
            of(&[A, "Heading", B, A, "Heading", B]),
            [None, None, None, Some(0), Some(1), Some(2)]
        );
    }
}
