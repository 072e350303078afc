//! A set of words for lookups that mostly miss: entity finding asks each capitalised word
//! whether it is a title, a head word, a first name, a surname... and the answer is mostly no.
//! A bit per hashed (length, first byte, last byte) answers most of those noes without hashing
//! the whole word or comparing strings. And a map from words to the lists they are in, for
//! words asked several questions at once.

use crate::swar;
use rustc_hash::FxHashMap;

pub struct WordSet {
    words: PackedWords<()>,
    filter: WordFilter,
}

impl WordSet {
    /// (Inlined, so that the filter, which turns most words away, costs no call: left to the
    /// compiler, this was called, and the whole CLI on 200 articles cost 7.9M
    /// instruction-equivalents more by cachegrind.)
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.words.get(word).is_some()
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let words: PackedWords<()> = iter.into_iter().map(|word| (word, ())).collect();
        WordSet {
            filter: WordFilter::of(words.shapes(), words.len()),
            words,
        }
    }
}

/// A map from words to a value; a word not in it has the default value. Unlike [`WordSet`],
/// it has no filter: the words asked about, those next to a name or in a run of capitalised
/// words, are often listed ("the", "of", "The"), and a filter that lets most of them through
/// saves nothing (cachegrind, whole CLI on 200 articles: 0.3M instruction-equivalents more
/// with one, the entities stage alike).
pub struct WordMap<V> {
    words: PackedWords<V>,
}

impl<V: Copy + Default> WordMap<V> {
    pub fn get(&self, word: &str) -> V {
        self.words.get(word).copied().unwrap_or_default()
    }
}

impl<V> From<FxHashMap<&'static str, V>> for WordMap<V> {
    fn from(words: FxHashMap<&'static str, V>) -> Self {
        WordMap {
            words: words.into_iter().collect(),
        }
    }
}

/// Words with a value each, those of 15 bytes or fewer (all but a few) keyed by their
/// [`packed`] number, which hashes and compares without a loop over bytes or a call to compare
/// them. (cachegrind, whole CLI on 200 articles: keyed by the words themselves, the maps' and
/// sets' look-ups cost 4.4M instruction-equivalents more.)
struct PackedWords<V> {
    short: FxHashMap<u128, V>,
    long: FxHashMap<&'static str, V>,
}

impl<V> PackedWords<V> {
    fn get(&self, word: &str) -> Option<&V> {
        match packed(word) {
            Some(key) => self.short.get(&key),
            None => self.get_long(word),
        }
    }

    /// [`PackedWords::get`] for a word of 16 bytes or more, seldom asked: kept out of line, so
    /// that the look-up of a short word, which hashes no bytes in a loop, saves and restores
    /// fewer registers. (cachegrind, whole CLI on 200 articles: 1.0M instructions, 0.8M
    /// instruction-equivalents fewer than with the string map's look-up inlined.)
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &str) -> Option<&V> {
        self.long.get(word)
    }

    /// How many different words there are.
    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The [`shape`] of every word. (Taken of the packed numbers, not of a list of the words
    /// kept aside for the filter: cachegrind, start-up, whose name lists are built on a thread
    /// of their own while the name trie is, 1.4M instructions fewer.)
    fn shapes(&self) -> impl Iterator<Item = u64> + '_ {
        let short = self.short.keys().map(|&key| packed_shape(key));
        short.chain(self.long.keys().map(|word| shape(word)))
    }
}

impl<V> FromIterator<(&'static str, V)> for PackedWords<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        let mut words = PackedWords {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        };
        for (word, value) in iter {
            match packed(word) {
                Some(key) => words.short.insert(key, value),
                None => words.long.insert(word, value),
            };
        }
        words
    }
}

/// `word`'s bytes and length as one integer, if it has at most 15 bytes (most words do); two
/// words have the same number only if they are equal. It is [`packed_by_copy`]'s number, read
/// from the word by at most two loads of eight, four or one byte, overlapping, shifted into
/// place, not copied byte by byte into a buffer by a call. (Each half is shifted as a 64-bit
/// number, not as a 128-bit one, which takes several instructions and a test of the shift:
/// cachegrind, whole CLI on 200 articles, 0.4M instructions fewer.)
pub fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    let value = match len {
        16.. => return None,
        8.. => {
            let (first, last) = (swar::eight_from(bytes, 0), swar::eight_before(bytes, len));
            // The last eight's bytes from byte 8 of the word on, moved to the top half (shifted
            // twice, as no shift may be by 64 bits).
            u128::from(first) | u128::from(last >> 8 >> (8 * (15 - len))) << 64
        }
        4.. => {
            let (first, last) = (four(&bytes[..4]), four(&bytes[len - 4..]));
            // The last four's bytes from byte 4 of the word on, moved above the first four.
            u128::from(u64::from(first) | (u64::from(last) >> (8 * (8 - len)) << 32))
        }
        1.. => {
            // Bytes 0, len / 2 and len - 1 hold a word of one, two or three bytes.
            let byte = |i: usize| u64::from(bytes[i]) << (8 * i);
            u128::from(byte(0) | byte(len / 2) | byte(len - 1))
        }
        0 => 0,
    };
    // The length, in the byte no word of 15 bytes or fewer fills: "a" is not "a\0".
    Some(value | (len as u128) << 120)
}

/// Four bytes as a little-endian number.
fn four(bytes: &[u8]) -> u32 {
    u32::from_le_bytes(bytes.try_into().unwrap_or_default())
}

/// [`packed`] spelled out: the word's bytes copied into sixteen, its length in the last.
#[cfg(test)]
fn packed_by_copy(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut buffer = [0u8; 16];
    buffer[..bytes.len()].copy_from_slice(bytes);
    buffer[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(buffer))
}

/// What a [`WordFilter`] knows of a word, in one number: its length, and its first and last
/// bytes (zero for an empty word).
fn shape(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let first = u64::from(bytes.first().copied().unwrap_or(0));
    let last = u64::from(bytes.last().copied().unwrap_or(0));
    bytes.len() as u64 | first << 32 | last << 40
}

/// The [`shape`] of the word [`packed`] into `key`.
fn packed_shape(key: u128) -> u64 {
    let len = (key >> 120) as usize;
    let first = u64::from(key as u8);
    let last = u64::from((key >> (8 * len.saturating_sub(1))) as u8);
    len as u64 | first << 32 | last << 40
}

/// The bits: `may_contain` is false for most words that are not among those it was made of,
/// and never for one that is.
struct WordFilter {
    /// A bit set of `bits.len() * 64` bits, a power of two.
    bits: Box<[u64]>,
    /// `bits.len() * 64` is two to this power.
    bits_log2: u32,
}

impl WordFilter {
    /// The filter of `count` words of these [`shape`]s.
    fn of(shapes: impl IntoIterator<Item = u64>, count: usize) -> Self {
        // About sixteen bits a word, at least 4,096, keeps false passes rare.
        let size = (count * 16).next_power_of_two().max(4096);
        let mut filter = WordFilter {
            bits: vec![0; size / 64].into_boxed_slice(),
            bits_log2: size.trailing_zeros(),
        };
        for shape in shapes {
            let bit = filter.bit(shape);
            filter.bits[bit / 64] |= 1 << (bit % 64);
        }
        filter
    }

    fn may_contain(&self, word: &str) -> bool {
        let bit = self.bit(shape(word));
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn bit(&self, shape: u64) -> usize {
        place_of(shape, self.bits_log2)
    }
}

/// `bits` bits (1 to 64) of `key`, well mixed: its place in a table of `1 << bits` (Fibonacci
/// hashing).
pub fn place_of(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::{WordMap, WordSet, packed, packed_by_copy, packed_shape, shape};
    use proptest::prelude::*;
    use rustc_hash::FxHashMap;

    proptest! {
        #[test]
        fn packed_matches_its_reference(word in "[a-zé\\x00]{0,17}|[ -~]{0,17}") {
            prop_assert_eq!(packed(&word), packed_by_copy(&word));
        }

        #[test]
        fn packed_words_keep_their_shape(word in "[a-zé\\x00]{0,15}|[ -~]{0,15}") {
            if let Some(key) = packed(&word) {
                prop_assert_eq!(packed_shape(key), shape(&word));
            }
        }
    }

    #[test]
    fn maps_answer_short_and_long_words() {
        let long = "a-word-of-twenty-bytes";
        let map = WordMap::from(FxHashMap::from_iter([
            ("of", 1),
            ("President", 2),
            (long, 3),
        ]));
        for (word, value) in [("of", 1), ("President", 2), (long, 3), ("off", 0), ("", 0)] {
            assert_eq!(map.get(word), value, "{word}");
        }
        assert_eq!(map.get(&long[1..]), 0);
    }

    #[test]
    fn packed_words_are_equal_only_when_the_words_are() {
        let words = [
            "",
            "a",
            "a\0",
            "\0a",
            "ab",
            "ba",
            "Ölberg",
            "fifteen-bytes-x",
        ];
        for a in words {
            for b in words {
                assert_eq!(packed(a) == packed(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(packed("sixteen-bytes-xx"), None);
    }

    #[test]
    fn members_are_found_and_others_are_not() {
        let set: WordSet = ["President", "Mr", "of", "Ms", "", "Ölberg"]
            .into_iter()
            .collect();
        for word in ["President", "Mr", "of", "Ms", "", "Ölberg"] {
            assert!(set.contains(word), "{word}");
        }
        for word in ["Presidents", "president", "Mrs", "off", "M", "Olberg", "Öl"] {
            assert!(!set.contains(word), "{word}");
        }
    }

    #[test]
    fn large_sets_answer_exactly_like_a_hash_set() {
        let words: Vec<&'static str> = (0..20_000)
            .map(|i| &*Box::leak(format!("Name{i}x").into_boxed_str()))
            .collect();
        let set: WordSet = words.iter().copied().collect();
        for i in 0..40_000 {
            let word = format!("Name{i}x");
            assert_eq!(set.contains(&word), i < 20_000, "{word}");
        }
    }
}
