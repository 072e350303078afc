//! The shipped gazetteers (assets/data/), parsed once into one trie over
//! multi-word names (countries, places, organisations, demonyms) plus word sets of given names
//! and surnames.

use super::lexicon;
use super::name_trie::NameTrie;
use super::word_set::{WordSet, packed};
use crate::analyze::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::sync::LazyLock;

const COUNTRIES: &str = include_str!("../../../assets/data/countries.txt");
const PLACES: &str = include_str!("../../../assets/data/places.txt");
const ORGANIZATIONS: &str = include_str!("../../../assets/data/organizations.txt");
const DEMONYMS: &str = include_str!("../../../assets/data/demonyms.txt");
const GIVEN_NAMES: &str = include_str!("../../../assets/data/given_names.txt");
const SURNAMES: &str = include_str!("../../../assets/data/surnames.txt");
const WORDS: &str = include_str!("../../../assets/data/words.txt");

/// What a gazetteer name denotes: its kind and the canonical form shared by its aliases
/// ("U.S." and "America" both have canonical "United States").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntityKind,
    pub canonical: &'static str,
    /// A country, region or organisation, as opposed to a town whose name may be something
    /// else too.
    pub major: bool,
}

/// A gazetteer hit in a text: byte range and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: Entry,
}

pub struct Gazetteer {
    names: NameTrie,
    /// The openings of text where a hit may start: most capitalised words open no name, and
    /// this tells most of them apart without a walk of the trie.
    openings: Openings,
    /// The first byte of every name that opens with a capital, a mark or a non-ASCII letter,
    /// and the byte that ends each [`LowerOpening`]: where the search stops.
    first_bytes: [bool; 256],
    /// How the few names that start with a lower-case letter or a digit ("al-Qaeda", "the
    /// Bronx", "6th of October City") open, those with the most bytes before their stop
    /// first: such bytes are everywhere in text, so the search stops only at a name's first
    /// capital (or mark, or byte beyond ASCII) and looks back for the bytes before it. (Four
    /// searches of the text for these names' first six bytes beforehand cost 2.2M of the 363M
    /// instruction-equivalents of a run over 1 MB of news; looking back costs about 0.2M.)
    lower_openings: Vec<LowerOpening>,
    /// The bytes that end some [`LowerOpening`].
    ends_lower_opening: [bool; 256],
    by_name: HashMap<&'static str, Entry>,
    entries: Vec<Entry>,
    given: WordSet,
    common_given: WordSet,
    surnames: WordSet,
    common_surnames: WordSet,
    words: HashSet<&'static str>,
}

/// How a name in lower case opens: the bytes before its first byte that may open a name (see
/// [`may_open_a_name`]), and that byte, where the search stops: "al-" and "Q" for "al-Qaeda".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct LowerOpening {
    before: &'static [u8],
    stop: u8,
}

impl LowerOpening {
    /// Where a name opening like this would start, given that the search stopped at byte
    /// `stop` of `bytes`, if the bytes before it are this opening's.
    fn start_before(&self, bytes: &[u8], stop: usize) -> Option<usize> {
        let start = stop.checked_sub(self.before.len())?;
        (bytes[stop] == self.stop && &bytes[start..stop] == self.before).then_some(start)
    }
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    // Lines are short (a word or a name): memchr finds most line ends in the first 32 bytes it
    // looks at, where a byte-by-byte scan's exit was mispredicted at nearly every line (212,000
    // times for the 207,000 English words). Cachegrind, the start-up of `lector analyze`:
    // 157M -> 138M instruction-equivalents.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0;
    ends.filter_map(move |end| {
        // (The lists are ASCII-spaced: this drops the carriage return of a Windows line end,
        // for less than half of what the Unicode-aware `trim_end` cost.)
        let line = text[start..end].trim_ascii_end();
        start = end + 1;
        (!line.is_empty() && !line.starts_with('#')).then_some(line)
    })
}

/// How many times `byte` occurs in `text`, counted 32 bytes at a time by memchr.
fn count_bytes(byte: u8, text: &str) -> usize {
    memchr::memchr_iter(byte, text.as_bytes()).count()
}

/// The first-name, surname and English word lists of a [`Gazetteer`].
struct NameLists {
    given: WordSet,
    common_given: WordSet,
    surnames: WordSet,
    common_surnames: WordSet,
    words: HashSet<&'static str>,
}

impl NameLists {
    fn build() -> NameLists {
        // Lines of `name` or `name<TAB>common`: all the names, and the common ones. Both are
        // listed before they are made sets, which are then made at their size: a set that grows
        // as it is filled hashes all its words again at every step.
        let all_and_common = |data: &'static str| -> (WordSet, WordSet) {
            let lines: Vec<&'static str> = data_lines(data).collect();
            let common: Vec<&'static str> = lines
                .iter()
                .filter_map(|l| l.strip_suffix("\tcommon"))
                .collect();
            let all = lines.iter().map(|l| l.split('\t').next().unwrap_or(l));
            (all.collect(), common.into_iter().collect())
        };
        let (given, common_given) = all_and_common(GIVEN_NAMES);
        let (surnames, common_surnames) = all_and_common(SURNAMES);
        NameLists {
            given,
            common_given,
            surnames,
            common_surnames,
            words: {
                // Sized up front: growing a 200,000-word set step by step costs more than
                // counting its lines.
                let lines = count_bytes(b'\n', WORDS);
                let mut words = HashSet::with_capacity_and_hasher(lines, Default::default());
                words.extend(data_lines(WORDS));
                words
            },
        }
    }
}

impl Gazetteer {
    fn build() -> Gazetteer {
        // Sized up front, as the word lists are: at most a name a line, and one more for each
        // `|` that parts aliases.
        let most_names: usize = [ORGANIZATIONS, COUNTRIES, DEMONYMS, PLACES]
            .iter()
            .map(|data| count_bytes(b'\n', data) + count_bytes(b'|', data) + 1)
            .sum();
        let mut by_name: HashMap<&'static str, Entry> =
            HashMap::with_capacity_and_hasher(most_names, Default::default());
        let mut order: Vec<&'static str> = Vec::with_capacity(most_names);
        // Earlier lists win when a name is in two: an organisation's alias ("Amazon") over a
        // region, a country over a city of the same name.
        // Lines of `canonical|alias|...` (demonyms: then a tab and notes): every alias is a name
        // of the canonical entry.
        let mut add_line = |line: &'static str, kind: EntityKind, major: bool| {
            let names = line.split('\t').next().unwrap_or(line);
            let canonical = names.split('|').next().unwrap_or(names);
            for name in names.split('|').map(str::trim) {
                if name.is_empty() {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) = by_name.entry(name) {
                    slot.insert(Entry {
                        kind,
                        canonical,
                        major,
                    });
                    order.push(name);
                }
            }
        };
        // A town named like a word the rules lean on ("University" in Florida, "Delta") would
        // hide that word's meaning, so such towns are left out.
        let structural = |w: &str| {
            lexicon::is_org_tail(w)
                || lexicon::is_org_head(w)
                || lexicon::is_place_tail(w)
                || lexicon::is_title(w)
                || lexicon::is_function_word(w)
                || lexicon::is_other_tail(w)
        };
        for (data, kind, major) in [
            (ORGANIZATIONS, EntityKind::Organization, true),
            (COUNTRIES, EntityKind::Place, true),
            (DEMONYMS, EntityKind::Group, true),
            (PLACES, EntityKind::Place, false),
        ] {
            for line in data_lines(data) {
                // Only towns (places that are not major) are weighed against the rules' words.
                if kind == EntityKind::Place && !major && structural(line) {
                    continue;
                }
                add_line(line, kind, major);
            }
        }
        let entries: Vec<Entry> = order.iter().map(|n| by_name[n]).collect();
        let mut first_bytes = [false; 256];
        let mut ends_lower_opening = [false; 256];
        let mut lower_openings = Vec::new();
        for name in &order {
            let bytes = name.as_bytes();
            let stop = bytes
                .iter()
                .position(|&b| opens_a_name(b))
                .expect("every name holds a capital, a mark or a byte beyond ASCII");
            first_bytes[usize::from(bytes[stop])] = true;
            if stop > 0 {
                ends_lower_opening[usize::from(bytes[stop])] = true;
                lower_openings.push(LowerOpening {
                    before: &bytes[..stop],
                    stop: bytes[stop],
                });
            }
        }
        lower_openings.sort_unstable_by(|a, b| b.before.len().cmp(&a.before.len()).then(a.cmp(b)));
        lower_openings.dedup();
        // The word lists take longer to build than the trie and the openings table: they are
        // built meanwhile, on a thread of their own. (Not with rayon: this runs inside
        // `GAZETTEER`'s initialisation, often on a rayon worker, which would take up other work
        // while it waited, such as another article that needs `GAZETTEER`, and so wait for
        // itself.)
        let (names, openings, lists) = std::thread::scope(|scope| {
            let lists = scope.spawn(NameLists::build);
            let names = NameTrie::of(&order);
            let openings = Openings::of(&order);
            let lists = lists.join().expect("the shipped name lists load");
            (names, openings, lists)
        });
        Gazetteer {
            names,
            openings,
            first_bytes,
            lower_openings,
            ends_lower_opening,
            by_name,
            entries,
            given: lists.given,
            common_given: lists.common_given,
            surnames: lists.surnames,
            common_surnames: lists.common_surnames,
            words: lists.words,
        }
    }

    /// Every gazetteer name in `text` that starts and ends on a word boundary (a possessive
    /// "'s" or a hyphen may follow: "Mexico's", "U.S.-Mexico"), the longest at each place,
    /// without overlaps. The trie is walked only where a word starts with a byte some name
    /// starts with, or where a name in lower case would start before such a byte, so the text
    /// between names costs a test of eight bytes at a time.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        // About one known name in a hundred bytes of news.
        let mut out = Vec::with_capacity(text.len() / 100 + 1);
        let mut at = 0;
        while let Some(skip) = self.find_opening(&bytes[at..]) {
            let stop = at + skip;
            // Names in lower case that would start before the stop, in text order: no byte
            // between them and the stop opens a name.
            if self.ends_lower_opening[usize::from(bytes[stop])] {
                for opening in &self.lower_openings {
                    match opening.start_before(bytes, stop) {
                        Some(start) if start >= at => at = self.hit_at(text, start, &mut out),
                        _ => {}
                    }
                }
            }
            if stop >= at {
                at = self.hit_at(text, stop, &mut out);
            }
        }
        out
    }

    /// Adds to `out` the longest name at byte `start` of `text`, if one starts there on a
    /// word boundary, and says where to look next: after the name, or at the next byte. The
    /// trie is walked only where [`Openings`] lets a hit start.
    fn hit_at(&self, text: &str, start: usize, out: &mut Vec<Hit>) -> usize {
        if !self.openings.may_open_a_hit(&text.as_bytes()[start..]) {
            return start + 1;
        }
        self.walk_at(text, start, out)
    }

    /// What [`Gazetteer::hit_at`] does, by a walk of the trie wherever a word starts.
    fn walk_at(&self, text: &str, start: usize, out: &mut Vec<Hit>) -> usize {
        if start > 0 && ends_word_char(&text[..start]) {
            return start + 1;
        }
        match self.names.longest_at(&text.as_bytes()[start..]) {
            Some((len, name)) if self.ends_name(text, start + len) => {
                out.push(Hit {
                    start,
                    end: start + len,
                    entry: self.entries[name],
                });
                start + len
            }
            _ => start + 1,
        }
    }

    /// Where the first byte in `bytes` that opens some name lies. Capitals, most of them, are
    /// a few in a line of text: eight bytes at a time are passed over while none of them may
    /// open a name, by a test on the whole eight, and where some may, each is looked up in
    /// turn, from the lowest bit the test set (not by a loop over the eight bytes, whose exit
    /// the processor would mispredict).
    fn find_opening(&self, bytes: &[u8]) -> Option<usize> {
        let mut at = 0;
        while let Some(word) = bytes.get(at..).and_then(crate::swar::eight_at) {
            let mut may_open = may_open_a_name(word);
            while may_open != 0 {
                let i = at + may_open.trailing_zeros() as usize / 8;
                if self.first_bytes[usize::from(bytes[i])] {
                    return Some(i);
                }
                may_open &= may_open - 1;
            }
            at += 8;
        }
        let rest = &bytes[at..];
        let i = rest
            .iter()
            .position(|&b| self.first_bytes[usize::from(b)])?;
        Some(at + i)
    }

    /// Whether a name may end at byte `end` of `text`: not inside a word (a name ending in a
    /// period, such as "U.S.", may be followed by anything) and not before "$" ("US$ 20").
    fn ends_name(&self, text: &str, end: usize) -> bool {
        let after = text[end..].chars().next();
        let last = text[..end].chars().next_back();
        let bounded_after =
            !after.is_some_and(char::is_alphanumeric) || last.is_some_and(|c| !c.is_alphanumeric());
        bounded_after && after != Some('$')
    }

    /// The entry for exactly this name, if the gazetteer has one.
    pub fn lookup(&self, name: &str) -> Option<Entry> {
        self.by_name.get(name).copied()
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// Borne by at least 0.1% of US men or women: "Mary", "George", "Troy".
    pub fn is_common_given_name(&self, word: &str) -> bool {
        self.common_given.contains(word)
    }

    /// Whether a capitalised word is also an English common word ("Hope", "Rider", "Species"),
    /// directly or as a regular plural ("Loopholes" is not listed, "loophole" is).
    pub fn is_common_word(&self, word: &str) -> bool {
        // The same capitalised words are asked about again and again (in an article and across
        // a corpus), and the answer takes up to seven lookups: remember answers per thread,
        // keyed by the word packed in an integer (see `word_set::packed`), which hashes and
        // compares without reading the word's bytes again. Longer words are not remembered.
        const REMEMBERED: usize = 50_000;
        thread_local! {
            static ANSWERS: RefCell<HashMap<u128, bool>> =
                const { RefCell::new(HashMap::with_hasher(rustc_hash::FxBuildHasher)) };
        }
        let Some(key) = packed(word) else {
            return self.is_common_word_uncached(word);
        };
        ANSWERS.with(|answers| {
            if let Some(&known) = answers.borrow().get(&key) {
                return known;
            }
            let answer = self.is_common_word_uncached(word);
            let mut answers = answers.borrow_mut();
            if answers.len() >= REMEMBERED {
                answers.clear();
            }
            answers.insert(key, answer);
            answer
        })
    }

    fn is_common_word_uncached(&self, word: &str) -> bool {
        let mut buffer = LowerBuffer::default();
        let Some(lower) = buffer.lower(word) else {
            return false;
        };
        let listed = |w: &str| self.words.contains(w);
        let listed_with_e = |stem: &str, last: char| {
            let mut with = LowerBuffer::default();
            with.joined(stem, last).is_some_and(listed)
        };
        listed(lower)
            || lower.strip_suffix('s').is_some_and(listed)
            || lower.strip_suffix("es").is_some_and(listed)
            || lower
                .strip_suffix("ies")
                .is_some_and(|stem| listed_with_e(stem, 'y'))
            // "Hoping", "Archived", "Finest": regular inflections, with a silent e restored.
            || ["ing", "ed", "est"].iter().any(|suffix| {
                lower.strip_suffix(suffix).is_some_and(|stem| {
                    stem.len() >= 3 && (listed(stem) || listed_with_e(stem, 'e'))
                })
            })
    }

    /// Borne by at least 0.01% of people in the US: "Hill", "Johnson", not "Sea".
    pub fn is_common_surname(&self, word: &str) -> bool {
        self.common_surnames.contains(word)
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }
}

/// The high bit of each of eight bytes (a little-endian word) that is an ASCII capital, an
/// apostrophe or beyond ASCII: the bytes a name may open with (checked of the shipped names by a
/// test). It may mark bytes that are none (one after an apostrophe), never leave one unmarked.
fn may_open_a_name(word: u64) -> u64 {
    use crate::swar::{HIGH, equal_bytes, in_range};
    let capital = in_range(word, b'A', b'Z');
    // (It may mark a byte after an apostrophe too.)
    let apostrophe = equal_bytes(word, b'\'');
    (word | capital | apostrophe) & HIGH
}

/// How many bits [`Openings`] has: two to this power.
const OPENING_BITS: u32 = 17;

/// A bit for each [`opening_key`] (hashed) that a hit may start with. Four walks of the trie
/// in five end without a name, most after reading two or three nodes that lie apart in memory;
/// the letters a word opens with rule out most of them at one read of this 16 KB table. Over
/// c200, with 8 KB, 15.4k of the 23.9k walks that found no name (of 29.8k) were spared, and 19%
/// of the bits set. Cachegrind, whole CLI: 271.4M -> 267.7M instruction-equivalents (Ir 169.2M
/// -> 166.8M, 1735k -> 1714k mispredicts, 1091k -> 1076k L1 misses); with 4, 8 and 32 KB,
/// 269.1M, 268.2M and 267.3M (32 KB, a whole L1 data cache on many cores, was not taken for
/// its last 0.4M). (The first four letters only: 10.8k walks spared; those and the byte after
/// them, which needs a key for each byte that may follow a short name: 10.1k.) Its size is
/// fixed when compiling, unlike a word set's filter (`word_set::WordFilter`), whose size is
/// read at each look-up: built on that filter, the whole CLI took 1.3M instructions more.
struct Openings {
    bits: Box<[u64]>,
}

impl Openings {
    /// The openings of `names`.
    fn of(names: &[&str]) -> Openings {
        let mut openings = Openings {
            bits: vec![0; 1 << (OPENING_BITS - 6)].into_boxed_slice(),
        };
        for name in names {
            openings.add(name.as_bytes());
        }
        openings
    }

    fn add(&mut self, text: &[u8]) {
        let bit = opening_bit(opening_key(text));
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether a gazetteer hit may start at the start of `text`; never false where one does.
    fn may_open_a_hit(&self, text: &[u8]) -> bool {
        let bit = opening_bit(opening_key(text));
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Where the bit of `key` lies in [`Openings`] (Fibonacci hashing).
fn opening_bit(key: u64) -> usize {
    super::word_set::place_of(key, OPENING_BITS)
}

/// The ASCII letters that `text` opens with, eight at most, as a little-endian number (zeros
/// after them). A text that starts with a name opens with the name's key: with the same eight
/// letters, or with all the letters of a name that has fewer before its first other byte
/// ("U.S." has "U", "Rome's" opens with "Rome"), where a longer run of letters ("Romer") would
/// end inside a word, as no hit does.
fn opening_key(text: &[u8]) -> u64 {
    use crate::swar::{HIGH, ONES, eight_from, in_range};
    let word = eight_from(text, 0);
    let letters = in_range(word | (ONES * 0x20), b'a', b'z');
    let ends = !letters & HIGH;
    // The bytes below the lowest end's, or all eight when none is one.
    let first_end = ends & ends.wrapping_neg();
    word & (first_end >> 7).wrapping_sub(1)
}

/// Whether `byte` may open a name for [`may_open_a_name`].
fn opens_a_name(byte: u8) -> bool {
    byte.is_ascii_uppercase() || byte == b'\'' || !byte.is_ascii()
}

/// Whether `text` ends in a letter or digit.
fn ends_word_char(text: &str) -> bool {
    match text.as_bytes().last() {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => text.chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

/// Room for one lower-cased word without allocating: the common-word test runs for many words
/// of every article. Words longer than any dictionary word are simply not common words.
struct LowerBuffer {
    bytes: [u8; 48],
    len: usize,
}

impl Default for LowerBuffer {
    fn default() -> Self {
        LowerBuffer {
            bytes: [0; 48],
            len: 0,
        }
    }
}

impl LowerBuffer {
    fn push(&mut self, c: char) -> Option<()> {
        let n = c.len_utf8();
        let room = self.bytes.get_mut(self.len..self.len + n)?;
        c.encode_utf8(room);
        self.len += n;
        Some(())
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }

    /// `word` in lower case, or `None` when it does not fit.
    fn lower(&mut self, word: &str) -> Option<&str> {
        for c in word.chars().flat_map(char::to_lowercase) {
            self.push(c)?;
        }
        Some(self.as_str())
    }

    /// `stem` followed by `last`, or `None` when it does not fit.
    fn joined(&mut self, stem: &str, last: char) -> Option<&str> {
        for c in stem.chars().chain([last]) {
            self.push(c)?;
        }
        Some(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_share_a_canonical_name() {
        let hits = GAZETTEER.hits("The U.S. and the United States, in Latin America.");
        let names: Vec<&str> = hits.iter().map(|h| h.entry.canonical).collect();
        assert_eq!(names, ["United States", "United States", "Latin America"]);
    }

    #[test]
    fn hits_respect_word_boundaries() {
        let hits = GAZETTEER.hits("Indianapolis, Mexico's, U.S.-Mexico, Omaha");
        let texts: Vec<&str> = hits
            .iter()
            .map(|h| &"Indianapolis, Mexico's, U.S.-Mexico, Omaha"[h.start..h.end])
            .collect();
        assert_eq!(texts, ["Indianapolis", "Mexico", "U.S.", "Mexico", "Omaha"]);
    }

    #[test]
    fn every_name_is_found_past_the_prefilters() {
        // The first-byte and eight-byte tests may let too much through, never too
        // little: each name at each place of an eight-byte word.
        for name in GAZETTEER.by_name.keys() {
            for pad in 0..8 {
                let text = format!("in{} {name} today", "x".repeat(pad));
                let hits = GAZETTEER.hits(&text);
                assert!(
                    hits.iter().any(|h| h.start == 3 + pad),
                    "{name} not found in {text:?}"
                );
            }
        }
    }

    #[test]
    fn every_name_opens_with_a_byte_the_eight_byte_test_passes_or_is_in_lower_case() {
        for name in GAZETTEER.by_name.keys() {
            let first = name.as_bytes()[0];
            let lower = first.is_ascii_lowercase() || first.is_ascii_digit();
            assert!(lower || opens_a_name(first), "{name}");
        }
    }

    /// The hits as the gazetteer defines them: the longest name at every place in turn that
    /// starts a word, without prefilters.
    fn hits_by_trying_every_place(text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            at = if text.is_char_boundary(at) {
                GAZETTEER.walk_at(text, at, &mut out)
            } else {
                at + 1
            };
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn hits_match_trying_every_place(text in crate::analyze::text::text_of(
            [
                crate::analyze::text::TRICKY_PIECES,
                &[
                    "the Bronx", "the ", "al-", "al Qaeda", "Qaeda", "6th of October City",
                    "6th of ", "October", "bathe", "Bronx", "Mexico", "New York", "York",
                    "São Paulo", "‘Ajlūn", "US$",
                ],
            ]
            .concat(),
            30,
        )) {
            proptest::prop_assert_eq!(GAZETTEER.hits(&text), hits_by_trying_every_place(&text));
        }
    }

    #[test]
    fn the_eight_byte_test_passes_every_opening_byte() {
        let opens = opens_a_name;
        for filler in [b'a', b' ', b'z', b'.', b'0', b'@', b'[', b'&'] {
            let plain = u64::from_le_bytes([filler; 8]);
            assert_eq!(may_open_a_name(plain), 0, "{filler:#x}");
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut word = [filler; 8];
                    word[at] = b;
                    if opens(b) {
                        let marked = may_open_a_name(u64::from_le_bytes(word));
                        assert!(marked & (0x80 << (8 * at)) != 0, "{b:#x} at {at}");
                    }
                }
            }
        }
    }

    /// [`opening_key`] by a byte at a time: the ASCII letters the text opens with, eight at most.
    fn opening_key_by_bytes(text: &[u8]) -> u64 {
        let letters: Vec<u8> = text
            .iter()
            .take(8)
            .take_while(|b| b.is_ascii_alphabetic())
            .copied()
            .collect();
        letters
            .iter()
            .rev()
            .fold(0, |key, &b| key << 8 | u64::from(b))
    }

    proptest::proptest! {
        #[test]
        fn opening_keys_match_a_byte_at_a_time(
            text in proptest::collection::vec(
                proptest::sample::select(b"aZ@[`{ .'\0\x80\xc3\xe2".to_vec()),
                0..12,
            ),
        ) {
            proptest::prop_assert_eq!(opening_key(&text), opening_key_by_bytes(&text));
        }
    }

    #[test]
    fn names_in_lower_case_are_found_anywhere() {
        let text = "the Bronx, al-Qaeda and the 6th of October City; bathe Bronx";
        let found: Vec<&str> = GAZETTEER
            .hits(text)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        // Inside "bathe" no name starts; "Bronx" is one of its own.
        assert_eq!(
            found,
            ["the Bronx", "al-Qaeda", "6th of October City", "Bronx"]
        );
    }

    #[test]
    fn names_lists_load() {
        assert!(GAZETTEER.is_given_name("Claudia"));
        assert!(GAZETTEER.is_surname("Johnson"));
        assert!(!GAZETTEER.is_given_name("Despite"));
        assert!(GAZETTEER.is_common_given_name("Mary"));
        assert!(!GAZETTEER.is_common_given_name("Claudia"));
        assert!(GAZETTEER.is_common_word("Loopholes"));
        assert!(GAZETTEER.is_common_word("Species"));
        assert!(GAZETTEER.is_common_word("Hoping"));
        assert!(GAZETTEER.is_common_word("Archived"));
        assert!(!GAZETTEER.is_common_word("Sheinbaum"));
    }
}
