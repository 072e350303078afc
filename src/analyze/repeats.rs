//! Repeated blocks: exact copies (after folding case and whitespace) and near copies (a few words
//! changed, or cut short), found by hashing word shingles, so the cost grows with the text length
//! and not with the square of the number of blocks.

use super::Repeat;
use crate::article::Article;
use crate::swar::{self, HIGH, ONES};
use rustc_hash::{FxHashMap as HashMap, FxHasher};
use std::cell::Cell;
use std::hash::Hasher;
use std::ops::{BitAnd, BitOr, BitXor, Not, Range, Shr};

/// Blocks shorter than this many words ("Yes.", "Why?") are too short to call repeats: an
/// interview may say them twice on purpose.
const MIN_WORDS: usize = 5;
/// Words per shingle.
const SHINGLE: usize = 2;
// Every block compared by shingles has at least one.
const _: () = assert!(MIN_WORDS >= SHINGLE);
/// A later block whose shingles overlap an earlier one's at least this much (Jaccard) is a repeat.
const MIN_JACCARD: f32 = 0.6;
/// A later block whose shingles lie at least this much inside an earlier, longer block is a
/// truncated copy of it.
const MIN_CONTAINMENT: f32 = 0.9;
// A block contained in another passes the Jaccard bound too, which `best_near_match` counts on
// to stop early.
const _: () = assert!(MIN_CONTAINMENT >= MIN_JACCARD);
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
    exact_first.reserve(texts.len());
    // Words and the space after them average about six bytes.
    let words_in_all = texts.iter().map(|t| t.len()).sum::<usize>() / 6;
    let mut index = ShingleIndex::for_article(texts.len(), words_in_all);
    let mut votes = Votes {
        count: vec![0; texts.len()],
        voted: Vec::new(),
    };
    let mut shingle_sets = ShingleSets::with_capacity(texts.len(), words_in_all);
    let mut short_keys: Vec<Option<u64>> = vec![None; texts.len()];

    // Room for the longest block's words, so that the list is not regrown block after block.
    let mut words = Vec::with_capacity(texts.iter().map(|t| t.len()).max().unwrap_or(0) / 5);
    for (block, text) in texts.iter().enumerate() {
        word_hashes(text, &mut words);
        if words.len() < MIN_WORDS {
            short_keys[block] = (!words.is_empty()).then(|| block_key(&words));
            continue;
        }
        let first = *exact_first.entry(block_key(&words)).or_insert(block);
        if first != block {
            out[block] = Some(Repeat {
                of: out[first].map_or(first, |r: Repeat| r.of),
                similarity: 1.0,
            });
            continue;
        }
        // Past four billion blocks the index has no numbers left: the blocks after are only
        // compared whole.
        let Some(no) = index.number(block) else {
            continue;
        };
        index.add_block(no, &words, &mut votes, shingle_sets.start());
        let shingles = shingle_sets.started();
        out[block] = best_near_match(no, shingles, &shingle_sets, &index, &mut votes)
            .map(|(of, similarity)| Repeat { of, similarity });
        if out[block].is_some() {
            // A near copy is not itself an original others should point at.
            index.release(no, shingles);
            shingle_sets.drop_started();
        } else {
            shingle_sets.keep_started(block);
        }
    }
    extend_runs_over_short_blocks(&mut out, &short_keys);
    out
}

/// Each block's distinct shingles, in text order; only kept for the blocks that are originals,
/// the only ones a later block is compared with. One after another in one list, rather than a
/// list per block: one allocation per article instead of one per block.
///
/// Tried and slower: keeping only how many each original has, and working out again the
/// shingles of the few candidates compared (170 over /tmp/c200, 11k shingles), sorted to drop
/// repeats: cachegrind over /tmp/c200, 38.0M -> 40.0M instruction-equivalents (17k fewer L1
/// misses, but 15k more mispredicted branches, probably the sort's, and 2M more instructions).
struct ShingleSets {
    all: Vec<u64>,
    /// Where each block's shingles lie in `all`; empty for the blocks not kept.
    of_block: Vec<Range<usize>>,
    /// Where the block being compared starts its shingles, at the end of `all`.
    started: usize,
}

impl ShingleSets {
    fn with_capacity(blocks: usize, shingles: usize) -> Self {
        ShingleSets {
            all: Vec::with_capacity(shingles),
            of_block: vec![0..0; blocks],
            started: 0,
        }
    }

    fn get(&self, block: usize) -> &[u64] {
        self.all
            .get(self.of_block[block].clone())
            .unwrap_or_default()
    }

    /// Starts a block's shingles: push them onto the list returned.
    fn start(&mut self) -> &mut Vec<u64> {
        self.started = self.all.len();
        &mut self.all
    }

    /// The shingles pushed since [`ShingleSets::start`].
    fn started(&self) -> &[u64] {
        &self.all[self.started..]
    }

    fn keep_started(&mut self, block: usize) {
        self.of_block[block] = self.started..self.all.len();
    }

    fn drop_started(&mut self) {
        self.all.truncate(self.started);
    }
}

/// For each shingle seen so far in the article: the first original block that had it, which is
/// enough to find the original of a copy (it shares most of its shingles) in one lookup per
/// shingle, and the last block that had it, which tells a block's repeated shingles apart and
/// which earlier block's shingles the current block shares, without sorting any set.
struct ShingleIndex {
    slots: ShingleTable,
}

#[derive(Clone, Copy)]
struct Slot {
    /// The first original block with this shingle, or [`NO_BLOCK`].
    first: BlockNo,
    /// The last block with this shingle; below the table's first block number in a free place.
    last: BlockNo,
}

/// A block's number in the [`ShingleIndex`]: 32 bits, so that a table place (a shingle and
/// two blocks) takes 16 bytes, four to a cache line. An article's blocks are numbered on from
/// the previous article's in the same thread (see [`ShingleTable`]).
type BlockNo = u32;

const NO_BLOCK: BlockNo = BlockNo::MAX;

thread_local! {
    /// Each thread's shingle table, kept between articles (see [`ShingleTable`]).
    static SPARE_TABLE: Cell<ShingleTable> = Cell::new(ShingleTable::default());
}

/// The largest table a thread keeps for the next article, 1 MiB: an odd huge article does not
/// hold its memory for the rest of the run (the largest of /tmp/c200 needs 8192 places).
const MAX_KEPT_PLACES: usize = 1 << 16;

impl ShingleIndex {
    /// An empty index for an article of `blocks` blocks and about `shingles` shingles, on the
    /// thread's table from the previous article if any.
    fn for_article(blocks: usize, shingles: usize) -> Self {
        let mut slots = SPARE_TABLE.take();
        slots.start_article(blocks, shingles);
        ShingleIndex { slots }
    }

    /// Block `block`'s number, if the numbers have not run out.
    fn number(&self, block: usize) -> Option<BlockNo> {
        let block = BlockNo::try_from(block).ok()?;
        self.slots
            .first_block
            .checked_add(block)
            .filter(|&no| no < self.slots.end_block)
    }

    /// Records the shingles of `block`, votes for the original that first had each, and
    /// pushes them onto `distinct` without repeats, in text order. `block` becomes the first
    /// original of the shingles no earlier original had, until [`ShingleIndex::release`].
    fn add_block(
        &mut self,
        block: BlockNo,
        words: &[u64],
        votes: &mut Votes,
        distinct: &mut Vec<u64>,
    ) {
        votes.clear();
        self.slots.reserve(words.len());
        let first_block = self.slots.first_block;
        // A shingle new to the article is added with its slot filled in, without the tests a
        // shingle seen before needs (cachegrind, finding repeats over /tmp/c200: 36.79M ->
        // 36.02M instruction-equivalents, 0.82M fewer instructions).
        let new = Slot {
            first: block,
            last: block,
        };
        for s in shingles(words) {
            let Some(slot) = self.slots.get_or_add(s, new) else {
                distinct.push(s);
                continue;
            };
            if slot.last == block {
                continue;
            }
            slot.last = block;
            distinct.push(s);
            if slot.first == NO_BLOCK {
                slot.first = block;
            } else {
                votes.add((slot.first - first_block) as usize);
            }
        }
    }

    /// Undoes `block`'s claim to be the first original of its shingles.
    fn release(&mut self, block: BlockNo, shingles: &[u64]) {
        for s in shingles {
            if let Some(slot) = self.slots.get_mut(*s).filter(|slot| slot.first == block) {
                slot.first = NO_BLOCK;
            }
        }
    }

    /// How many of `shingles` (an earlier block's) the last added block, `block`, has too.
    fn shared_with(&self, block: BlockNo, shingles: &[u64]) -> usize {
        shingles
            .iter()
            .filter(|&&s| self.slots.get(s).is_some_and(|slot| slot.last == block))
            .count()
    }
}

impl Drop for ShingleIndex {
    fn drop(&mut self) {
        if self.slots.places.len() <= MAX_KEPT_PLACES {
            SPARE_TABLE.set(std::mem::take(&mut self.slots));
        }
    }
}

/// A map from shingle to [`Slot`], a shingle being a hash already: its low bits pick its place
/// in a table at most half full, the next free place if taken (linear probing). Half the
/// instructions of a general hash map, which matters at one look-up per word; nothing is ever
/// removed, which keeps this simple.
///
/// Half full rather than three quarters: a taken place is a mispredicted branch, and fewer of
/// them paid for the larger table (cachegrind: 213k -> 187k mispredicted branches, 193k -> 242k
/// L1 misses; wall time 146 -> 135 ms on corpus10k). Still so with the table kept between
/// articles, by cachegrind's estimate over /tmp/c200: 38.1M half full, 38.9M three quarters
/// (27k more mispredicted branches, 23k fewer L1 misses), 38.3M a quarter (26k fewer
/// mispredicted branches, 38k more L1 misses).
///
/// A thread keeps its table from one article to the next, and numbers each article's blocks on
/// from the previous article's: a place whose last block is below the article's first block
/// number is free, so that an article starts without emptying the table. Filling a fresh table
/// was over half the L1 misses of finding repeats (138k of 250k): cachegrind over /tmp/c200,
/// 41.6M -> 38.1M instruction-equivalents (L1 misses 250k -> 161k, instructions 26.9M ->
/// 26.1M); the stage timed alone is as fast as before, within the noise, its fresh table being
/// the last one freed and still in cache.
///
/// Tried and slower by cachegrind's estimate of finding repeats over /tmp/c200 (41.9M):
/// free places of all zero bytes (block numbers stored plus one), 48.4M, the fill becoming a
/// `memset`, whose `rep stosb` cachegrind counts a byte at a time; places of four-byte entry
/// numbers, the keys and slots in a list in the order they came, 43.4M (L1 misses 250k ->
/// 159k, but the `memset` again, and 16k more mispredicted branches); the first place picked
/// by the key's high bits rather than its low ones, which a multiply mixes better, 41.6M ->
/// 42.3M against a fresh table each article (900 fewer mispredicted branches, 750k more
/// instructions); the key and slot written whether or not the key was there, without a branch
/// on it, 38.1M -> 39.0M (600 fewer mispredicted branches, 860k more instructions). The
/// compiler now splits `place`'s one test into two branches anyway; forcing one, by testing
/// `std::hint::select_unpredictable(taken, key ^ wanted, 0) == 0`, measured 38.0M -> 39.0M
/// (178k -> 201k mispredicted branches).
#[derive(Default)]
struct ShingleTable {
    /// A power-of-two number of places, of which the article uses the first `mask + 1`.
    places: Vec<Place>,
    mask: usize,
    /// Keys added for this article.
    len: usize,
    /// This article's block numbers: from `first_block` to before `end_block`.
    first_block: BlockNo,
    end_block: BlockNo,
}

/// A key and its slot.
#[derive(Clone, Copy)]
struct Place {
    key: u64,
    slot: Slot,
}

/// The first block number a table gives out, so that a place never used has its last block
/// below every article's.
const FIRST_BLOCK: BlockNo = 1;

const FREE: Place = Place {
    key: 0,
    slot: Slot {
        first: NO_BLOCK,
        last: FIRST_BLOCK - 1,
    },
};

impl ShingleTable {
    /// Empties the table for an article of `blocks` blocks and about `shingles` keys, sized so
    /// that it need not grow.
    fn start_article(&mut self, blocks: usize, shingles: usize) {
        let blocks = BlockNo::try_from(blocks).unwrap_or(NO_BLOCK);
        let numbers_left = NO_BLOCK - self.end_block.max(FIRST_BLOCK);
        if blocks > numbers_left && self.end_block > FIRST_BLOCK {
            // Block numbers have run out: every place is freed again.
            self.places.fill(FREE);
            self.end_block = FIRST_BLOCK;
        }
        self.first_block = self.end_block.max(FIRST_BLOCK);
        self.end_block = self.first_block.saturating_add(blocks);
        self.len = 0;
        self.use_places((2 * shingles).next_power_of_two().max(16));
    }

    /// Uses the first `places` places, a power of two, making them if missing.
    fn use_places(&mut self, places: usize) {
        if self.places.len() < places {
            self.places.resize(places, FREE);
        }
        self.mask = places - 1;
    }

    /// Whether `place` holds a key of this article.
    fn is_taken(&self, place: &Place) -> bool {
        place.slot.last >= self.first_block
    }

    /// Where `key` is, else the free place where it would go.
    fn place(&self, key: u64) -> usize {
        // Truncating keeps the key's low bits, all that is used.
        let mut i = key as usize & self.mask;
        loop {
            let place = &self.places[i];
            // `|` rather than `||`, to ask for one branch for both ways to stop (it measured
            // 217k -> 179k mispredicted branches when written; the compiler now makes two
            // anyway, see the type's doc).
            if (place.key == key) | !self.is_taken(place) {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn get(&self, key: u64) -> Option<&Slot> {
        let place = &self.places[self.place(key)];
        self.is_taken(place).then_some(&place.slot)
    }

    fn get_mut(&mut self, key: u64) -> Option<&mut Slot> {
        let i = self.place(key);
        let taken = self.is_taken(&self.places[i]);
        taken.then_some(&mut self.places[i].slot)
    }

    /// Makes room for `more` keys, so that [`ShingleTable::get_or_add`] need not check for
    /// it at every key.
    fn reserve(&mut self, more: usize) {
        while 2 * (self.len + more) > self.mask + 1 {
            self.grow();
        }
    }

    /// The slot of `key` if it is there, else `None` once `key` is added with slot `new`;
    /// [`ShingleTable::reserve`] must have made room.
    fn get_or_add(&mut self, key: u64, new: Slot) -> Option<&mut Slot> {
        debug_assert!(2 * (self.len + 1) <= self.mask + 1);
        let i = self.place(key);
        if self.is_taken(&self.places[i]) {
            return Some(&mut self.places[i].slot);
        }
        self.places[i] = Place { key, slot: new };
        self.len += 1;
        None
    }

    /// Doubles the places in use, moving this article's keys to their places there.
    fn grow(&mut self) {
        let used = self.mask + 1;
        let mut taken = Vec::with_capacity(self.len);
        for i in 0..used {
            if self.is_taken(&self.places[i]) {
                taken.push(std::mem::replace(&mut self.places[i], FREE));
            }
        }
        self.use_places(2 * used);
        for place in taken {
            let i = self.place(place.key);
            self.places[i] = place;
        }
    }
}

/// The word shingles' hashes, in text order and possibly repeated.
fn shingles(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    words.windows(SHINGLE).map(hash_words)
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

impl Votes {
    fn clear(&mut self) {
        for &b in &self.voted {
            self.count[b] = 0;
        }
        self.voted.clear();
    }

    fn add(&mut self, block: usize) {
        if self.count[block] == 0 {
            self.voted.push(block);
        }
        self.count[block] += 1;
    }

    /// All the votes cast: an upper bound of the shingles the voting block shares with any one
    /// earlier original, since each original's shingles all have an original voted for.
    fn total(&self) -> usize {
        self.voted.iter().map(|&b| self.count[b]).sum()
    }
}

/// The original that `block` (with distinct shingles `shingles`, voted by
/// [`ShingleIndex::add_block`]) is a copy of, and how similar they are.
fn best_near_match(
    block: BlockNo,
    shingles: &[u64],
    sets: &ShingleSets,
    index: &ShingleIndex,
    votes: &mut Votes,
) -> Option<(usize, f32)> {
    let most_shared = votes.total();
    // The most similar any original could be, were all the votes for one lying wholly inside
    // this block: as for most paragraphs, too little to look at any candidate.
    similarity(most_shared, shingles.len(), most_shared)?;
    let mut candidates: Vec<(usize, usize)> =
        votes.voted.iter().map(|&b| (b, votes.count[b])).collect();
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter_map(|(other, _)| {
            let other_shingles = sets.get(other);
            let (len, other_len) = (shingles.len(), other_shingles.len());
            // Counting shared shingles is the costly part: skipped when even the most that
            // could be shared would not make a copy, as for most paragraphs.
            similarity(most_shared.min(other_len), len, other_len)?;
            let common = index.shared_with(block, other_shingles);
            similarity(common, len, other_len).map(|s| (other, s))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// How similar a block with `len` distinct shingles is to an earlier one with `other_len`, with
/// `common` shared: `None` unless it is a near copy or a truncated copy. Never decreases as
/// `common` grows.
fn similarity(common: usize, len: usize, other_len: usize) -> Option<f32> {
    let union = len + other_len - common;
    let jaccard = common as f32 / union.max(1) as f32;
    let contained = common as f32 / len.max(1) as f32;
    if jaccard >= MIN_JACCARD {
        Some(jaccard)
    } else if contained >= MIN_CONTAINMENT && len >= MIN_CONTAINED_SHINGLES && len < other_len {
        Some(contained)
    } else {
        None
    }
}

/// One hash per word into `out`, case folded and punctuation dropped: "The U.S. said," hashes
/// like "the us said". Hashing instead of building strings keeps this pass allocation-free per
/// word. Words split at Unicode whitespace and keep their alphanumeric characters, lower-cased;
/// a word's hash is [`WordHash`]'s of those bytes, whichever way they were found.
///
/// Most words are a few ASCII letters, maybe with a comma or a quote mark at an end: those are
/// folded eight bytes at a time by [`plain_word`] (perf: the byte loop's branch per byte was
/// half the time of finding repeats). The others go byte by byte ([`any_word`]).
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        at = match plain_word(bytes, at) {
            Some(PlainWord { len, folded }) => {
                if let Some(folded) = folded {
                    out.push(folded.hash());
                }
                at + len
            }
            None => any_word(text, at, out),
        };
    }
}

/// A word found eight bytes at a time, with the whitespace that ends it.
struct PlainWord {
    /// Bytes taken: the word's and its whitespace's.
    len: usize,
    /// The word's kept bytes, `None` when it had none ("--").
    folded: Option<Folded>,
}

/// Up to fifteen kept bytes, lower-cased, in order from the low byte of the first word, zero
/// past the last.
struct Folded([u64; 2]);

impl Folded {
    fn hash(&self) -> u64 {
        let mut word = WordHash::default();
        word.add_eight(self.0[0]);
        if self.0[1] != 0 {
            word.add_eight(self.0[1]);
        }
        word.finish()
    }
}

/// The word starting at `at` if it is ASCII and ends within sixteen bytes, with its letters
/// and digits in one run or two: "word", "said,", "(quote)", "don't", "U.S.", "However,", but
/// not "U.S.A." or "café". The end of the text counts as whitespace.
fn plain_word(bytes: &[u8], at: usize) -> Option<PlainWord> {
    let first = eight_from(bytes, at);
    match Eight(first).until_space() {
        Some(piece) => Some(PlainWord {
            len: piece.len + 1,
            folded: piece.folded()?.map(|f| Folded([f, 0])),
        }),
        // No byte below '!' in the first eight: the word may go on in the next eight. (A
        // control character there is left to the byte loop, as `until_space` leaves it.)
        None if swar::below(first, b'!') == 0 => {
            long_word(first, Eight(eight_from(bytes, at + 8)).until_space()?)
        }
        None => None,
    }
}

/// A word of eight to fifteen bytes: `first`, its first eight bytes, which hold no whitespace,
/// then `rest`, the bytes of the next eight before their whitespace. Its kept bytes may lie in
/// one run or two anywhere in the sixteen ("However,", "pro-Beijing", "wouldn't"), as in a
/// shorter word.
///
/// Taken for every longer word, rather than only those whose first eight bytes are all kept:
/// the others (4,700 words of /tmp/c200, mostly a seven-letter word and a comma) then skip the
/// byte loop. Cachegrind, finding repeats over /tmp/c200: 38.0M -> 37.2M
/// instruction-equivalents (mispredicted branches 178k -> 147k, instructions 26.1M -> 26.5M).
fn long_word(first: u64, rest: Piece) -> Option<PlainWord> {
    let kept_first = Eight(first).alnum();
    // Not ASCII, or nothing kept in the first eight bytes ("----------"): left to the byte
    // loop.
    if first & HIGH != 0 || kept_first == 0 {
        return None;
    }
    let kept = u128::from(kept_first) | u128::from(Eight(rest.eight).alnum() & rest.before) << 64;
    // Below 64, the first eight bytes having a kept one; `& 63` tells the compiler so, which
    // then shifts the two halves without testing for a shift past one.
    let shift = (kept_first.trailing_zeros() - 7) & 63;
    let sixteen = u128::from(fold(first)) | u128::from(fold(rest.eight)) << 64;
    let folded = kept_in_order(sixteen >> shift, ((kept >> shift) >> 7) * 0xff)?;
    Some(PlainWord {
        len: 8 + rest.len + 1,
        folded: Some(Folded([folded as u64, (folded >> 64) as u64])),
    })
}

/// Eight bytes of `bytes` from `at`, padded with spaces past the end.
fn eight_from(bytes: &[u8], at: usize) -> u64 {
    swar::eight_from(bytes.get(at..).unwrap_or_default(), b' ')
}

/// Lower-cases ASCII letters, and leaves digits as they are.
fn fold(eight: u64) -> u64 {
    eight | (ONES * 0x20)
}

/// Eight bytes read as a little-endian word, tested a byte at a time (see [`crate::swar`]).
#[derive(Clone, Copy)]
struct Eight(u64);

/// The bytes of an [`Eight`] before its first ASCII whitespace.
struct Piece {
    eight: u64,
    /// How many bytes come before the whitespace.
    len: usize,
    /// The high bit of each of those bytes.
    before: u64,
}

impl Eight {
    /// The high bit of each ASCII letter or digit.
    fn alnum(self) -> u64 {
        swar::ascii_alnum(self.0)
    }

    /// The bytes before the first ASCII whitespace, if there is one and they are all ASCII.
    fn until_space(self) -> Option<Piece> {
        // The first byte below '!': whitespace, or a control character, which texts hardly
        // have and the byte loop is left to drop. Fewer steps than testing for whitespace,
        // and the next word's start waits on them. (Subtracting borrows only from a byte
        // below '!', so the lowest byte found is exact.)
        let low = swar::below(self.0, b'!');
        if low == 0 {
            return None;
        }
        let at = low.trailing_zeros();
        if !is_space_below_bang((self.0 >> (at - 7)) as u8) {
            return None;
        }
        let before = ((1u64 << (at - 7)) - 1) & HIGH;
        (self.0 & before == 0).then_some(Piece {
            eight: self.0,
            len: (at / 8) as usize,
            before,
        })
    }
}

/// Whether `b`, a byte below `!`, is ASCII whitespace or the vertical tab (whitespace to
/// `char::is_whitespace`, as to the byte loop): one bit of a mask, rather than a range test and
/// a test for the space, two branches, at every word (cachegrind, finding repeats over
/// /tmp/c200: 37.29M -> 36.79M instruction-equivalents, 0.47M fewer instructions).
fn is_space_below_bang(b: u8) -> bool {
    debug_assert!(b < b'!');
    const SPACES: u64 = (1 << b' ') | (0b11111 << b'\t');
    SPACES >> b & 1 != 0
}

impl Piece {
    /// The kept bytes, folded and moved to the low end, if they lie in one run or two;
    /// `Some(None)` if there are none.
    fn folded(&self) -> Option<Option<u64>> {
        let kept = Eight(self.eight).alnum() & self.before;
        if kept == 0 {
            return Some(None);
        }
        let shift = kept.trailing_zeros() - 7;
        kept_in_order(fold(self.eight >> shift), ((kept >> shift) >> 7) * 0xff).map(Some)
    }
}

/// Eight bytes or sixteen as one number, the first byte lowest: [`kept_in_order`] works on
/// either, eight for most words and sixteen for the longer ones.
trait Bytes:
    Copy
    + PartialEq
    + BitAnd<Output = Self>
    + BitOr<Output = Self>
    + BitXor<Output = Self>
    + Not<Output = Self>
    + Shr<u32, Output = Self>
{
    const ZERO: Self;
    const ONE: Self;
    fn wrapping_add(self, other: Self) -> Self;
    fn trailing_zeros(self) -> u32;
    fn trailing_ones(self) -> u32;
}

macro_rules! impl_bytes {
    ($($t:ty),*) => {$(
        impl Bytes for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            fn wrapping_add(self, other: Self) -> Self {
                <$t>::wrapping_add(self, other)
            }
            fn trailing_zeros(self) -> u32 {
                <$t>::trailing_zeros(self)
            }
            fn trailing_ones(self) -> u32 {
                <$t>::trailing_ones(self)
            }
        }
    )*};
}

impl_bytes!(u64, u128);

/// The bytes of `bytes` that `kept_bytes` marks (all ones in each), the lowest byte among them,
/// moved together to the low end, if they lie in one run or two.
fn kept_in_order<B: Bytes>(bytes: B, kept_bytes: B) -> Option<B> {
    if is_low_run(kept_bytes) {
        Some(bytes & kept_bytes)
    } else {
        join_two_runs(bytes, kept_bytes)
    }
}

/// Whether `bits` are all ones below some bit and zeros above.
fn is_low_run<B: Bytes>(bits: B) -> bool {
    bits & bits.wrapping_add(B::ONE) == B::ZERO
}

/// The bytes of `bytes` that `kept_bytes` marks (all ones in each), the lowest byte among them,
/// if they lie in two runs: the second moved down onto the first ("don't" to "dont").
///
/// Words with an apostrophe or a hyphen inside are the most of those the byte loop was left
/// with: 2.8% of the words of /tmp/c200, and most of its mispredicted branches.
fn join_two_runs<B: Bytes>(bytes: B, kept_bytes: B) -> Option<B> {
    let first = kept_bytes & !kept_bytes.wrapping_add(B::ONE);
    let second = kept_bytes ^ first;
    // The first run starts at the lowest bit: its trailing ones are its length, which costs
    // less than counting its ones (an instruction x86-64's baseline lacks).
    let gap = second.trailing_zeros() - first.trailing_ones();
    let second = second >> gap;
    is_low_run(first | second).then(|| (bytes & first) | ((bytes >> gap) & second))
}

/// The word starting at `at`, whatever it holds, one byte at a time: pushes its hash, if
/// anything was kept of it, and returns where the next word starts.
///
/// One table lookup per byte: only the first byte of a non-ASCII character leads to decoding
/// it (its other bytes are dropped).
fn any_word(text: &str, at: usize, out: &mut Vec<u64>) -> usize {
    let bytes = text.as_bytes();
    let mut word = WordHash::default();
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match BYTE_FOLD[usize::from(b)] {
            folded @ FIRST_KEPT.. => word.add(folded),
            SPACE => break,
            DROP => {}
            _ => {
                let c = text.get(i - 1..).and_then(|s| s.chars().next());
                let c = c.unwrap_or_default();
                if c.is_whitespace() {
                    i += c.len_utf8() - 1;
                    break;
                }
                word.add_char(c);
            }
        }
    }
    if word.any() {
        out.push(word.finish());
    }
    i
}

/// [`BYTE_FOLD`]'s classes; any other value is a kept byte, lower-cased.
const SPACE: u8 = 0;
const DROP: u8 = 1;
const CHAR_START: u8 = 2;
const FIRST_KEPT: u8 = 3;

/// What each byte is to a word: ASCII whitespace ends it, punctuation is dropped, and letters
/// and digits are kept, lower-cased (as `char::is_whitespace`, `is_alphanumeric` and
/// `to_lowercase` have them, which decide for the other characters). A non-ASCII character is
/// decided at its first byte; its other bytes are dropped.
const BYTE_FOLD: [u8; 256] = {
    let mut table = [DROP; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        // `is_ascii_whitespace` leaves out the vertical tab, which `char::is_whitespace`
        // counts.
        if c.is_ascii_whitespace() || c == 0x0B {
            table[b] = SPACE;
        } else if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        } else if c >= 0xC0 {
            table[b] = CHAR_START;
        }
        b += 1;
    }
    table
};

/// The hash of one word's kept bytes, fed eight at a time (a kept byte is never zero, so
/// zero-padding the last eight tells "ab" from "ab\0").
#[derive(Default)]
struct WordHash {
    hasher: FxHasher,
    /// Kept bytes not yet hashed, from the low byte.
    pending: u64,
    pending_len: u32,
    any: bool,
}

impl WordHash {
    fn add(&mut self, b: u8) {
        self.pending |= u64::from(b) << (8 * self.pending_len);
        self.pending_len += 1;
        self.any = true;
        if self.pending_len == 8 {
            self.hasher.write_u64(self.pending);
            self.pending = 0;
            self.pending_len = 0;
        }
    }

    /// Adds eight kept bytes, or fewer followed by zeros, which must end the word.
    fn add_eight(&mut self, eight: u64) {
        debug_assert_eq!(self.pending_len, 0);
        self.hasher.write_u64(eight);
        self.any = true;
    }

    /// Adds a non-ASCII character, unless it is neither a letter nor a digit.
    fn add_char(&mut self, c: char) {
        if c.is_alphanumeric() {
            let mut buf = [0; 4];
            for l in c.to_lowercase() {
                l.encode_utf8(&mut buf).bytes().for_each(|b| self.add(b));
            }
        }
    }

    /// Whether any byte was kept.
    fn any(&self) -> bool {
        self.any
    }

    fn finish(mut self) -> u64 {
        if self.pending_len > 0 {
            self.hasher.write_u64(self.pending);
        }
        self.hasher.finish()
    }
}

/// A key for a block's whole word sequence, equal for blocks with the same words.
///
/// Four hashes over every fourth word, then one over them: a single hash over all the words is
/// a chain of multiplies, each waiting for the one before (perf: 7% of finding repeats).
fn block_key(words: &[u64]) -> u64 {
    let mut lanes: [FxHasher; 4] = Default::default();
    let mut fours = words.chunks_exact(4);
    for four in &mut fours {
        for (lane, &word) in lanes.iter_mut().zip(four) {
            lane.write_u64(word);
        }
    }
    for (lane, &word) in lanes.iter_mut().zip(fours.remainder()) {
        lane.write_u64(word);
    }
    let mut key = FxHasher::default();
    // The length says how the lanes interleave back, and tells a zero word hash from none
    // (hashing a zero into an empty FxHasher leaves it as it was).
    key.write_usize(words.len());
    lanes.iter().for_each(|lane| key.write_u64(lane.finish()));
    key.finish()
}

fn hash_words(words: &[u64]) -> u64 {
    let mut h = FxHasher::default();
    words.iter().for_each(|&w| h.write_u64(w));
    h.finish()
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

    /// Words as the folding defines them: split at whitespace, their letters and digits kept,
    /// lower-cased.
    fn reference_words(text: &str) -> Vec<String> {
        text.split_whitespace()
            .map(|piece| {
                piece
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|word| !word.is_empty())
            .collect()
    }

    /// A word's hash as defined: its bytes eight at a time, the last eight padded with zeros.
    fn reference_hash(word: &str) -> u64 {
        let mut h = FxHasher::default();
        for chunk in word.as_bytes().chunks(8) {
            let mut eight = [0; 8];
            eight[..chunk.len()].copy_from_slice(chunk);
            h.write_u64(u64::from_le_bytes(eight));
        }
        h.finish()
    }

    fn reference_word_hashes(text: &str) -> Vec<u64> {
        reference_words(text)
            .iter()
            .map(|w| reference_hash(w))
            .collect()
    }

    /// The words found by the byte loop alone, without the eight-byte fast path.
    fn byte_loop_word_hashes(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            at = any_word(text, at, &mut out);
        }
        out
    }

    fn fast_word_hashes(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        word_hashes(text, &mut out);
        out
    }

    #[test]
    fn words_fold_alike_in_ascii_and_other_text() {
        for text in [
            "The U.S. said, \"no\" -- twice.\x0bTab\there",
            "Café DÉJÀ-vu\u{a0}İstanbul “quoted” ÆON\u{2003}end …",
            "  spaces\u{3000}ideographic, 東京 and Ωmega  ",
            "eightchr ninechars, (parenthesized) sixteen-letters seventeenletters",
            // A control character that is not whitespace, then a short word.
            "\u{1c}a a.",
        ] {
            assert_eq!(
                fast_word_hashes(text),
                reference_word_hashes(text),
                "{text}"
            );
            assert_eq!(
                byte_loop_word_hashes(text),
                reference_word_hashes(text),
                "{text}"
            );
        }
    }

    #[test]
    fn words_hash_equal_exactly_when_they_fold_alike() {
        let text = "us U.S. u.s US usa \"us\" u-s-a abcdefgh ABCDEFGH, abcdefghi Straße strasse";
        let words = reference_words(text);
        let hashes = fast_word_hashes(text);
        assert_eq!(hashes.len(), words.len());
        for (w1, h1) in words.iter().zip(&hashes) {
            for (w2, h2) in words.iter().zip(&hashes) {
                assert_eq!(w1 == w2, h1 == h2, "{w1} {w2}");
            }
        }
    }

    /// Words that end within the first eight bytes or the next, or after; punctuation at
    /// either end or inside; every kind of whitespace; non-ASCII letters and marks.
    const WORD_PIECES: &[&str] = &[
        "a",
        "The",
        "said",
        "Word",
        "seven77",
        "eightchr",
        "NineChars",
        "fifteen-letters",
        "sixteenLetters16",
        "seventeen-letters",
        "2024",
        "3.5",
        ".",
        ",",
        "\"",
        "(",
        ")",
        "'",
        "-",
        "--",
        "\x7f",
        "\x00",
        " ",
        "  ",
        "\n",
        "\t",
        "\x0b",
        "\x0c",
        "\r",
        "\x1c",
        "\u{85}",
        "\u{a0}",
        "\u{2003}",
        "\u{3000}",
        "é",
        "Éa",
        "İ",
        "ß",
        "東京",
        "Ω",
        "ǅ",
        "“",
        "”",
        "…",
        "—",
    ];

    proptest::proptest! {
        #[test]
        fn eight_byte_words_match_the_byte_loop(
            pieces in proptest::collection::vec(proptest::sample::select(WORD_PIECES), 0..40)
        ) {
            let text = pieces.concat();
            let fast = fast_word_hashes(&text);
            proptest::prop_assert_eq!(&fast, &byte_loop_word_hashes(&text));
            proptest::prop_assert_eq!(&fast, &reference_word_hashes(&text));
        }
    }

    #[test]
    fn spaces_below_bang_are_ascii_whitespace_and_the_vertical_tab() {
        for b in 0..b'!' {
            assert_eq!(
                is_space_below_bang(b),
                matches!(b, b'\t'..=b'\r' | b' '),
                "{b}"
            );
        }
    }

    /// The bytes of `bytes` that `kept` marks, in order, zero-padded, if they lie in exactly
    /// two runs.
    fn reference_two_runs(bytes: &[u8], kept: &[bool]) -> Option<Vec<u8>> {
        let starts = (0..bytes.len())
            .filter(|&i| kept[i] && (i == 0 || !kept[i - 1]))
            .count();
        let mut joined: Vec<u8> = (0..bytes.len())
            .filter(|&i| kept[i])
            .map(|i| bytes[i])
            .collect();
        joined.resize(bytes.len(), 0);
        (starts == 2).then_some(joined)
    }

    proptest::proptest! {
        #[test]
        fn two_runs_join_as_their_bytes_in_order(eight: u64, mut kept: [bool; 8]) {
            // The lowest byte is kept, as the callers arrange.
            kept[0] = true;
            let kept_bytes = (0..8).filter(|&i| kept[i]).map(|i| 0xff << (8 * i)).sum();
            if !is_low_run(kept_bytes) {
                proptest::prop_assert_eq!(
                    join_two_runs(eight, kept_bytes).map(|j| j.to_le_bytes().to_vec()),
                    reference_two_runs(&eight.to_le_bytes(), &kept)
                );
            }
        }

        #[test]
        fn two_runs_of_sixteen_bytes_join_as_their_bytes_in_order(
            sixteen: u128,
            mut kept: [bool; 16]
        ) {
            kept[0] = true;
            let kept_bytes = (0..16).filter(|&i| kept[i]).map(|i| 0xff << (8 * i)).sum();
            if !is_low_run(kept_bytes) {
                proptest::prop_assert_eq!(
                    join_two_runs(sixteen, kept_bytes).map(|j| j.to_le_bytes().to_vec()),
                    reference_two_runs(&sixteen.to_le_bytes(), &kept)
                );
            }
        }
    }

    #[test]
    fn shingle_table_keeps_every_key_as_it_grows() {
        let mut table = ShingleTable::default();
        table.start_article(1, 1);
        // Keys sharing their low bits, which pick the place, and keys that do not.
        let keys: Vec<u64> = (1..=1000u64).flat_map(|k| [k << 32, k]).collect();
        for (n, &key) in keys.iter().enumerate() {
            table.reserve(1);
            let slot = Slot {
                first: n as BlockNo,
                last: NO_BLOCK,
            };
            assert!(table.get_or_add(key, slot).is_none());
        }
        for (n, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key).map(|slot| slot.first), Some(n as BlockNo));
        }
        assert!(table.get(u64::MAX).is_none());
        // Nor the key that free places hold.
        assert!(table.get(FREE.key).is_none());
        assert_eq!(table.len, 2000);
    }

    /// Adds `key`, new to the article, as an article's block would, seen in block `block`.
    fn add_key(table: &mut ShingleTable, key: u64, block: BlockNo) {
        table.reserve(1);
        let slot = Slot {
            first: NO_BLOCK,
            last: table.first_block + block,
        };
        assert!(table.get_or_add(key, slot).is_none());
    }

    #[test]
    fn shingle_table_starts_each_article_empty() {
        let mut table = ShingleTable::default();
        table.start_article(3, 100);
        add_key(&mut table, 7, 2);
        // A smaller article, which uses fewer of the places.
        table.start_article(2, 1);
        assert!(table.get(7).is_none());
        assert_eq!(table.first_block, FIRST_BLOCK + 3);
        add_key(&mut table, 7 + 16, 1);
        table.start_article(2, 100);
        assert!(table.get(7).is_none());
        assert!(table.get(7 + 16).is_none());
        assert_eq!(table.len, 0);
    }

    #[test]
    fn shingle_table_frees_every_place_when_block_numbers_run_out() {
        let mut table = ShingleTable::default();
        table.start_article(3, 1);
        add_key(&mut table, 7, 2);
        table.end_block = NO_BLOCK - 1;
        table.start_article(2, 1);
        assert_eq!(table.first_block, FIRST_BLOCK);
        assert!(table.get(7).is_none());
    }

    #[test]
    fn articles_in_one_thread_do_not_see_each_other() {
        assert_eq!(of(&[A, B]), [None, None]);
        assert_eq!(of(&[B, A]), [None, None]);
    }

    #[test]
    fn block_keys_tell_word_sequences_apart() {
        let sequences: [&[u64]; 9] = [
            &[],
            &[0],
            &[1],
            &[1, 2],
            &[2, 1],
            &[1, 2, 3, 4, 5],
            &[1, 2, 3, 4, 5, 0],
            &[1, 2, 3, 4, 6],
            &[5, 2, 3, 4, 1],
        ];
        for a in sequences {
            for b in sequences {
                assert_eq!(a == b, block_key(a) == block_key(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn shingle_sets_keep_a_block_or_drop_it() {
        let mut sets = ShingleSets::with_capacity(3, 0);
        sets.start().extend([1, 2]);
        sets.keep_started(0);
        sets.start().extend([3]);
        assert_eq!(sets.started(), [3]);
        sets.drop_started();
        sets.start().extend([4, 5]);
        sets.keep_started(2);
        assert_eq!(sets.get(0), [1, 2]);
        assert!(sets.get(1).is_empty());
        assert_eq!(sets.get(2), [4, 5]);
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
