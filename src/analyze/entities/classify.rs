//! Which candidate names to keep: those capitalised mid-sentence, and those at sentence starts
//! or in headlines that the article confirms (Mikheev's test). Each kept name gets its evidence.

use super::chunks::{Certainty, Chunk, Found};
use super::evidence::{
    Evidence, NameWord, binomial, evidence, is_lower_case, kind_of, not_a_name, title_case,
};
use super::gazetteer::{Entry, GAZETTEER};
use super::lexicon;
use super::tokens::{Token, length_and_edge_bytes};
use super::word_set::packed;
use crate::analyze::EntityKind;
use crate::span::Span;
use crate::swar;
use rustc_hash::FxHashMap as HashMap;

/// A kept name with its evidence. Its places are held in 32 bits, as a [`Token`]'s are (an
/// article's text is shorter than 4 GiB, so its words, blocks and bytes are fewer than 2^32):
/// 48 bytes a candidate rather than 64, for the list `resolve` writes, `coordinate` reads again
/// and `coref::group` reads (cachegrind, whole CLI on 200 articles: 12k L1 misses and 0.2M
/// instructions fewer, 256.5M -> 256.2M instruction-equivalents).
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Canonical gazetteer name, when the mention is one.
    pub canonical: Option<&'static str>,
    /// Token indices, inclusive: see [`Candidate::first`], [`Candidate::last`].
    first: u32,
    last: u32,
    /// Where the name starts and ends in the text: see [`Candidate::span`].
    start: u32,
    end: u32,
    /// See [`Candidate::block`].
    block: u32,
    pub evidence: Evidence,
    /// Acts like an agent: the subject of a main verb ("Sweden defeated", "South Korea says") or a
    /// side in a score ("Belgium 3 – 0 Panama"). A place that keeps acting stands for its
    /// government or its team.
    pub agent: bool,
    /// Looks like a name but is none ("Hellenic polytheism", "PhD"): kept only to join an
    /// entity that something else names.
    pub not_a_name: bool,
}

const _: () = assert!(size_of::<Candidate>() == 48);

impl Candidate {
    /// The index of the name's first token.
    pub fn first(&self) -> usize {
        self.first as usize
    }

    /// The index of the name's last token.
    pub fn last(&self) -> usize {
        self.last as usize
    }

    /// The name's span in the text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The index of the name's block in the article's blocks.
    pub fn block(&self) -> usize {
        self.block as usize
    }
}

/// What the article says of each capitalised word of its candidate names: whether it also
/// writes the word in lower case ("hope" for "Hope"), and whether it capitalises the word in a
/// name it is sure of (mid-sentence, not only at a sentence start or in a headline).
struct CapitalWords<'t> {
    /// Every capitalised word of a candidate name, numbered by its index in `facts`.
    index: WordNumbers<'t>,
    /// For each token of each chunk in turn, its index in `facts` if it is such a word
    /// (`NO_FACTS` if not): the rules ask about the words of a name by the tokens they are,
    /// and an index in an array is cheaper than a hashed word (cachegrind, whole CLI on 200
    /// articles: 1.6M instructions and 19k mispredicted branches fewer, 12k L1 misses more,
    /// about 1.9M instruction-equivalents fewer in all). Only the chunks' tokens have an
    /// entry: one for every token of the article, to be filled for a few, cost 11k L1 misses
    /// more (about 0.4M instruction-equivalents; the entities stage alone, 0.8M).
    ///
    /// The chunks' entries follow one another, chunk after chunk, so each chunk's start is
    /// where the one before ends ([`CapitalWords::of_chunks`]), not kept in a list of starts
    /// (cachegrind, whole CLI on 200 articles: `resolve` 0.23M instructions, 2k mispredicted
    /// branches and 2k L1 misses fewer, 16.13M -> 15.76M instruction-equivalents).
    at_chunk_token: Vec<u32>,
    facts: Vec<WordFacts>,
    tokens: &'t [Token<'t>],
}

/// The size of [`CapitalWords`]' filter of lower-case forms in 64-bit words: 16,384 bits, of
/// which an article's names set about 75, so that few lower-case words pass it unasked.
/// (cachegrind, whole CLI on 200 articles, against 4,096 bits: 0.3M instructions and 8k
/// mispredicted branches fewer, 4k L1 misses more, about 0.5M instruction-equivalents fewer;
/// 8,192 bits, 0.2M fewer.)
const FILTER_WORDS: usize = 256;

/// No facts are kept for this token.
const NO_FACTS: u32 = u32::MAX;

#[derive(Clone, Copy, Default)]
struct WordFacts {
    seen_lower: bool,
    sure: bool,
}

impl<'t> CapitalWords<'t> {
    /// Only the words of candidate names are asked about, a few dozen per article, while most
    /// of its words are lower-case: each lower-case word is checked against those few
    /// (a bit per length, first and last byte, [`length_and_edge_bytes`], turns most away
    /// unhashed and unread), not all kept in a set.
    fn new(tokens: &'t [Token<'t>], found: &Found) -> Self {
        let chunks = &found.chunks;
        let chunk_tokens = chunks.iter().map(|c| c.last - c.first + 1).sum();
        let mut index = WordNumbers::with_capacity(chunk_tokens);
        // About as many words as chunks, so sized up front, as `index` sizes its list of words:
        // grown from empty, the two lists cost 8k L1 misses and 0.1M instructions more
        // (cachegrind, whole CLI on 200 articles, about 0.5M instruction-equivalents).
        let mut facts: Vec<WordFacts> = Vec::with_capacity(chunks.len());
        let mut at_chunk_token = Vec::with_capacity(chunk_tokens);
        for c in chunks {
            let sure = c.certainty == Certainty::Sure;
            for t in &tokens[c.first..=c.last] {
                if !t.capitalized {
                    at_chunk_token.push(NO_FACTS);
                    continue;
                }
                let at = index.number(t.text);
                if at as usize == facts.len() {
                    facts.push(WordFacts::default());
                }
                facts[at as usize].sure |= sure;
                at_chunk_token.push(at);
            }
        }
        let mut filter = [0u64; FILTER_WORDS];
        // Form → the last asked word with that form; `same_form` links to the one before.
        let asked = &index.words;
        let mut by_form = Forms::with_capacity(asked.len());
        let mut same_form = vec![usize::MAX; asked.len()];
        for (i, word) in asked.iter().enumerate() {
            let form = Form::lower_case_of(word);
            let bit = Self::filter_bit(form.with_bytes(length_and_edge_bytes));
            filter[bit / 64] |= 1 << (bit % 64);
            if let Some(previous) = by_form.insert(form, i) {
                same_form[i] = previous;
            }
        }
        for (t, &key) in tokens.iter().zip(&found.word_keys) {
            let bit = Self::filter_bit(key);
            if filter[bit / 64] & (1 << (bit % 64)) == 0 || !t.text.starts_with(char::is_lowercase)
            {
                continue;
            }
            let mut at = by_form.get(t.text).unwrap_or(usize::MAX);
            while at != usize::MAX {
                facts[at].seen_lower = true;
                at = same_form[at];
            }
        }
        CapitalWords {
            index,
            at_chunk_token,
            facts,
            tokens,
        }
    }

    /// One of the filter's bits for a word's [`length_and_edge_bytes`].
    fn filter_bit(key: u32) -> usize {
        mixed(key, (FILTER_WORDS * 64).trailing_zeros())
    }

    fn facts(&self, word: &str) -> Option<WordFacts> {
        self.index.get(word).map(|at| self.facts[at as usize])
    }

    /// Whether the article writes `word` in lower case too.
    fn seen_lower(&self, word: &str) -> bool {
        match self.facts(word) {
            Some(facts) => facts.seen_lower,
            // No capitalised word of a candidate name: not asked about so far, but answered.
            None => {
                let lower = word.to_lowercase();
                self.tokens
                    .iter()
                    .any(|t| t.text == lower && t.text.starts_with(char::is_lowercase))
            }
        }
    }

    /// Whether `word` is capitalised in a name the article is sure of.
    #[cfg(test)]
    fn is_sure(&self, word: &str) -> bool {
        self.facts(word).is_some_and(|facts| facts.sure)
    }

    /// Each of `chunks`, the article's chunks that `self` was made of, with what is said of
    /// its words.
    fn of_chunks<'c>(
        &'c self,
        chunks: &'c [Chunk],
    ) -> impl Iterator<Item = (&'c Chunk, ChunkWords<'c, 't>)> {
        let mut rest = &self.at_chunk_token[..];
        chunks.iter().map(move |c| {
            let (at, after) = rest.split_at(c.last - c.first + 1);
            rest = after;
            let words = ChunkWords {
                words: self,
                at,
                first: c.first,
            };
            (c, words)
        })
    }
}

/// `bits` bits (at most 32) of a word's [`length_and_edge_bytes`], well mixed: a place in a
/// table of `1 << bits` (Fibonacci hashing).
fn mixed(key: u32, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

/// Words numbered in the order they come, a few dozen: a table of their numbers placed by each
/// word's length, first and last byte ([`length_and_edge_bytes`]), which tell most words of
/// names apart, so that no word is hashed byte by byte, with four bytes a slot (cachegrind,
/// whole CLI on 200 articles, against a `HashMap<&str, u32>`: 1.0M instructions and 14k L1
/// misses fewer, about 1.5M instruction-equivalents; with a table at most half full rather
/// than a quarter, 0.9M, as 23k more mispredicted branches took back most of what was saved).
struct WordNumbers<'t> {
    /// The words, by number.
    words: Vec<&'t str>,
    /// Each word's number plus one, in the first free slot from its own (0: free); at most a
    /// quarter are taken, and their count is a power of two.
    slots: Vec<u32>,
}

impl<'t> WordNumbers<'t> {
    /// Room for `capacity` words.
    fn with_capacity(capacity: usize) -> Self {
        WordNumbers {
            words: Vec::with_capacity(capacity),
            slots: vec![0; (4 * capacity).next_power_of_two().max(2)],
        }
    }

    /// The number of `word`, numbered next if it has none; at most `capacity` words.
    fn number(&mut self, word: &'t str) -> u32 {
        match self.find(word) {
            Ok(number) => number,
            Err(free) => {
                debug_assert!(4 * self.words.len() < self.slots.len());
                self.words.push(word);
                // (Fewer words than tokens, and tokens are indexed by `usize`.)
                self.slots[free] = self.words.len() as u32;
                self.slots[free] - 1
            }
        }
    }

    /// The number of `word`, if it has one.
    fn get(&self, word: &str) -> Option<u32> {
        self.find(word).ok()
    }

    /// The number of `word`, or the free slot where it would go. (The key is worked out again
    /// rather than read from `Found::word_keys`: reading it cost 0.2M more instructions over
    /// /tmp/c200.)
    fn find(&self, word: &str) -> Result<u32, usize> {
        let key = length_and_edge_bytes(word.as_bytes());
        let mut slot = mixed(key, self.slots.len().trailing_zeros());
        loop {
            match self.slots[slot] {
                0 => return Err(slot),
                taken if self.words[taken as usize - 1] == word => return Ok(taken - 1),
                _ => slot = (slot + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// [`CapitalWords`] of one chunk's tokens, asked by their token indices.
struct ChunkWords<'w, 't> {
    words: &'w CapitalWords<'t>,
    /// The chunk's entries of [`CapitalWords::at_chunk_token`].
    at: &'w [u32],
    /// The chunk's first token.
    first: usize,
}

impl ChunkWords<'_, '_> {
    /// [`CapitalWords::seen_lower`] of token `i`'s word.
    fn seen_lower_at(&self, i: usize) -> bool {
        match self.at[i - self.first] {
            NO_FACTS => self.words.seen_lower(self.words.tokens[i].text),
            at => self.words.facts[at as usize].seen_lower,
        }
    }

    /// [`CapitalWords::is_sure`] of token `i`'s word.
    fn is_sure_at(&self, i: usize) -> bool {
        match self.at[i - self.first] {
            // Whether a token is capitalised depends on its text alone, so a word not
            // capitalised here is capitalised nowhere, and in no name at all.
            NO_FACTS => false,
            at => self.words.facts[at as usize].sure,
        }
    }
}

/// A word's lower-case form, as a key of [`Forms`].
enum Form {
    /// At most 15 bytes (most forms), packed in an integer ([`packed`]).
    Packed(u128),
    Long(String),
}

impl Form {
    /// The lower-case form of `word`. An ASCII word of at most 15 bytes is lowered in its
    /// packed integer, eight bytes at a time: a loop over its bytes to test that it is ASCII
    /// and another to lower it each mispredicted its exit about once a word, and the forms were
    /// hashed and compared as strings (cachegrind, whole CLI on 200 articles, against the
    /// forms in one string keyed by `&str`: 1.5M instructions and 29k mispredicted branches
    /// fewer, about 2.7M instruction-equivalents).
    fn lower_case_of(word: &str) -> Form {
        if let Some(key) = packed_ascii_lower_case(word) {
            return Form::Packed(key);
        }
        let lower = word.to_lowercase();
        match packed(&lower) {
            Some(key) => Form::Packed(key),
            None => Form::Long(lower),
        }
    }

    /// `f` of the form's bytes.
    fn with_bytes<T>(&self, f: impl FnOnce(&[u8]) -> T) -> T {
        match self {
            Form::Packed(key) => {
                let bytes = key.to_le_bytes();
                f(&bytes[..usize::from(bytes[15])])
            }
            Form::Long(form) => f(form.as_bytes()),
        }
    }
}

/// [`packed`] of `word`'s lower case, if `word` is ASCII of at most 15 bytes.
fn packed_ascii_lower_case(word: &str) -> Option<u128> {
    let key = packed(word)?;
    let halves = [key as u64, (key >> 64) as u64];
    // (The length byte, below 16, is neither beyond ASCII nor a capital.)
    if (halves[0] | halves[1]) & swar::HIGH != 0 {
        return None;
    }
    // A capital's high bit moved down to its case bit.
    let [low, high] = halves.map(|half| half | swar::in_range(half, b'A', b'Z') >> 2);
    Some(u128::from(low) | u128::from(high) << 64)
}

/// Lower-case forms, each with a number.
struct Forms {
    packed: HashMap<u128, usize>,
    long: HashMap<String, usize>,
}

impl Forms {
    fn with_capacity(capacity: usize) -> Self {
        Forms {
            packed: HashMap::with_capacity_and_hasher(capacity, Default::default()),
            long: HashMap::default(),
        }
    }

    /// Numbers `form`, and returns the number it had before, if any.
    fn insert(&mut self, form: Form, number: usize) -> Option<usize> {
        match form {
            Form::Packed(key) => self.packed.insert(key, number),
            Form::Long(form) => self.long.insert(form, number),
        }
    }

    /// The number of `word`, if it is one of the forms.
    fn get(&self, word: &str) -> Option<usize> {
        match packed(word) {
            Some(key) => self.packed.get(&key),
            None => self.long.get(word),
        }
        .copied()
    }
}

/// Keeps the chunks whose capitalisation the article confirms and scores their evidence.
#[inline(never)] // A stage of its own in profiles.
pub fn resolve(text: &str, tokens: &[Token], found: Found) -> Vec<Candidate> {
    let capital_words = CapitalWords::new(tokens, &found);
    let chunks = &found.chunks;

    let mut candidates: Vec<Candidate> = Vec::with_capacity(chunks.len());
    let mut words = Vec::new();
    for (chunk, chunk_words) in capital_words.of_chunks(chunks) {
        let seen_lower = |i: usize| chunk_words.seen_lower_at(i);
        // Each kept chunk becomes a candidate at once, not first one of a list of kept chunks
        // (cachegrind, whole CLI on 200 articles: that list's copies of the chunks cost 24k L1
        // misses and 11k mispredicted branches, about 1M instruction-equivalents). The chunks
        // are read where they lie, not moved out of their list: each move copied 72 bytes
        // (entities stage on 200 articles: 0.5M instructions and 9k mispredicted branches
        // fewer, about 0.9M instruction-equivalents).
        let mut keep = |c: &Chunk| {
            if !shouted(tokens, c) {
                candidates.push(candidate(tokens, c, &seen_lower, &mut words));
            }
        };
        match chunk.certainty {
            Certainty::Sure => keep(chunk),
            Certainty::Headline => {
                // Keep the stretches made only of words the article capitalises elsewhere.
                let confirmed = |i: usize| {
                    tokens[i].capitalized
                        && chunk_words.is_sure_at(i)
                        && !lexicon::is_function_word(tokens[i].text)
                };
                // A first name standing before a confirmed word belongs to it: "Christopher"
                // in a headline "Christopher Hill on ..." when the body says "Hill".
                // So is a word that is no English word at all: "Marymegan" in "Wikinews
                // interviews Marymegan Daly".
                let known = |i: usize| {
                    confirmed(i)
                        || (tokens[i].capitalized
                            && !GAZETTEER.is_common_word(tokens[i].text)
                            && !lexicon::is_function_word(tokens[i].text)
                            && tokens[i].text.chars().all(char::is_alphabetic))
                        || (i < chunk.last
                            && GAZETTEER.is_given_name(tokens[i].text)
                            && confirmed(i + 1))
                };
                let mut i = chunk.first;
                while i <= chunk.last {
                    if !known(i) {
                        i += 1;
                        continue;
                    }
                    let s = i;
                    while i < chunk.last && known(i + 1) {
                        i += 1;
                    }
                    keep(&sub_chunk(tokens, chunk, s, i));
                    i += 1;
                }
            }
            Certainty::Initial => {
                let t = &tokens[chunk.first];
                let multi = chunk.last > chunk.first;
                let next_speech = || {
                    tokens.get(chunk.last + 1).is_some_and(|n| {
                        n.block() == chunk.block && lexicon::is_speech_verb(n.text)
                    })
                };
                let confirmed = chunk_words.is_sure_at(chunk.first)
                    || (multi && GAZETTEER.is_given_name(t.text))
                    || (multi && !seen_lower(chunk.first))
                    || (!multi
                        && !seen_lower(chunk.first)
                        && (GAZETTEER.is_surname(t.text)
                            || next_speech()
                            || !GAZETTEER.is_common_word(t.text)));
                if confirmed {
                    keep(chunk);
                } else if multi {
                    // Drop the positional word; the rest was capitalised mid-sentence.
                    let mut s = chunk.first + 1;
                    while s <= chunk.last && !tokens[s].capitalized {
                        s += 1;
                    }
                    if s <= chunk.last {
                        keep(&sub_chunk(tokens, chunk, s, chunk.last));
                    }
                }
            }
        }
    }
    coordinate(text, tokens, &mut candidates);
    candidates
}

/// Shouting, not an acronym: "HUGE", "UNLESS". (Most names open with a capital and a
/// lower-case ASCII letter, "Hope", "New York": that second byte answers first, before whether
/// the chunk is one word and no gazetteer name, which is no better than a coin toss, and
/// without a walk over the word's characters. With [`acts`]' lower-case test asked last,
/// cachegrind, entities stage on 200 articles: 0.4M instructions and 3k mispredicted branches
/// fewer, about 0.5M instruction-equivalents.)
fn shouted(tokens: &[Token], c: &Chunk) -> bool {
    let t = &tokens[c.first];
    !second_byte_is_lower_case(t.text)
        && c.first == c.last
        && c.hit.is_none()
        && t.text.chars().all(char::is_uppercase)
        && ((t.text.chars().count() >= 4 && GAZETTEER.is_common_word(t.text))
            || lexicon::is_function_word(&title_case(t.text)))
}

/// Whether `word`'s second byte is a lower-case ASCII letter: then its second character is
/// that letter, and `word` is not all capitals.
fn second_byte_is_lower_case(word: &str) -> bool {
    word.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase)
}

/// A kept chunk with its evidence; `words` is room for [`evidence`].
fn candidate<'t>(
    tokens: &[Token<'t>],
    c: &Chunk,
    seen_lower: &dyn Fn(usize) -> bool,
    words: &mut Vec<NameWord<'t>>,
) -> Candidate {
    let not_a_name = not_a_name(tokens, c);
    // A genus ("Formica fusca") or a word that only looks like a name has no kind.
    let evidence = if not_a_name || binomial(tokens, c) {
        [0; 5]
    } else {
        evidence(tokens, c, seen_lower, words)
    };
    // (Every place fits in 32 bits: see [`Candidate`].)
    Candidate {
        first: c.first as u32,
        last: c.last as u32,
        start: c.span.start as u32,
        end: c.span.end as u32,
        block: c.block as u32,
        canonical: c.hit.map(|e| e.canonical).or_else(|| state_of(tokens, c)),
        evidence,
        agent: acts(tokens, c),
        not_a_name,
    }
}

/// "Google, Bing, and Yahoo": names listed together are of one kind, so a name nothing speaks
/// for (or only a weak guess) takes the kind of a listed neighbour that is sure of its own
/// (a gazetteer name, a head word), passed along the list. A list is joined by "and" or "or",
/// or has three names or more: two names around a comma may be a name and its apposition
/// ("Co-founder of Google, Sergey Brin") or a phrase and the subject after it.
fn coordinate(text: &str, tokens: &[Token], candidates: &mut [Candidate]) {
    // How two neighbouring candidates are joined: `Some(true)` by a conjunction.
    let link = |a: &Candidate, b: &Candidate| {
        if a.block != b.block {
            return None;
        }
        joiner(text.get(a.end as usize..b.start as usize)?)
    };
    let sure_kind = |c: &Candidate| {
        let strength = c.evidence.iter().copied().max().unwrap_or(0);
        let kind = kind_of(&c.evidence);
        (strength >= 4
            && matches!(
                kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Place
            ))
        .then_some(kind)
    };
    // "Wong Pik-wan of the Democratic Party" is a person whatever the list holds; so is a
    // first name ("London, Jack").
    let weak = |c: &Candidate| {
        let affiliated = tokens
            .get(c.last() + 1)
            .is_some_and(|n| n.text == "of" && n.block() == c.block() && !n.gap_before);
        c.canonical.is_none()
            && c.evidence.iter().all(|&s| s <= 1)
            && !affiliated
            && !GAZETTEER.is_given_name(tokens[c.first()].text)
    };
    let n = candidates.len();
    let links: Vec<Option<bool>> = (1..n)
        .map(|i| link(&candidates[i - 1], &candidates[i]))
        .collect();
    // Whether candidates i and i + 1 are in one list.
    let listed = |i: usize| match links[i] {
        Some(true) => true,
        Some(false) => {
            (i > 0 && links[i - 1].is_some()) || links.get(i + 1).is_some_and(Option::is_some)
        }
        None => false,
    };
    let mut given: Vec<Option<EntityKind>> = candidates.iter().map(sure_kind).collect();
    // "Buxton, England", "Aceh, Indonesia": a name before a comma and a known place is a
    // place in it.
    for i in 0..n.saturating_sub(1) {
        let next = &candidates[i + 1];
        let in_place = links[i] == Some(false)
            && next.canonical.is_some()
            && given[i + 1] == Some(EntityKind::Place)
            && !tokens[next.last()].possessive
            && !next.agent;
        if in_place && given[i].is_none() && weak(&candidates[i]) {
            candidates[i].evidence[EntityKind::Place as usize] = 2;
            given[i] = Some(EntityKind::Place);
        }
    }
    for forward in [true, false] {
        for step in 0..n.saturating_sub(1) {
            let i = if forward { step } else { n - 2 - step };
            let (from, to) = if forward { (i, i + 1) } else { (i + 1, i) };
            // (Whether the two are listed together is asked first, and whether the name is weak
            // last: most names are in no list, and that answer is the cheapest. cachegrind,
            // whole CLI on 200 articles, against asking whether the name is weak first: 1.2M
            // instructions, 35k mispredicted branches and 18k L1 misses fewer.)
            if listed(i)
                && given[to].is_none()
                && let Some(kind) = given[from]
                && weak(&candidates[to])
            {
                candidates[to].evidence[kind as usize] = 2;
                given[to] = Some(kind);
            }
        }
    }
}

/// How the text between two names joins them: `Some(true)` if it is a conjunction ("and",
/// ", or", "&"), `Some(false)` if a comma, a slash or a semicolon, around white space.
fn joiner(gap: &str) -> Option<bool> {
    if !may_be_joiner(gap) {
        return None;
    }
    match gap.trim() {
        "and" | "or" | ", and" | ", or" | "&" => Some(true),
        "," | "/" | ";" => Some(false),
        _ => None,
    }
}

/// The bytes of the [`joiner`]s and of ASCII white space, as a set.
const JOINER_BYTES: u128 = byte_set(b"and or , & / ; \t\n\x0b\x0c\r");

const fn byte_set(bytes: &[u8]) -> u128 {
    let mut set = 0;
    let mut i = 0;
    while i < bytes.len() {
        set |= 1 << bytes[i];
        i += 1;
    }
    set
}

/// False if `gap` is surely no [`joiner`]: an ASCII byte of it that is neither white space nor
/// in a joiner would stay in it when trimmed. Only the two bytes at each end are looked at,
/// which rules out most of the text between two names (" said ", " of the "), with no walk
/// over it: `str::trim` walked in from both ends of every gap (cachegrind, whole CLI on 200
/// articles: 16k mispredicted branches and 0.2M instructions fewer, about 0.8M
/// instruction-equivalents). (Trimming ASCII white space byte by byte instead, and leaving
/// the rest to `str::trim`, cost 0.4M more.)
fn may_be_joiner(gap: &str) -> bool {
    let may_stay = |b: u8| b >= 0x80 || JOINER_BYTES >> b & 1 == 1;
    match gap.as_bytes() {
        [a, b, .., y, z] => may_stay(*a) & may_stay(*b) & may_stay(*y) & may_stay(*z),
        _ => true,
    }
}

/// Whether the name is the subject of a finite verb right after it, or a side of a score.
fn acts(tokens: &[Token], c: &Chunk) -> bool {
    let at = |i: usize| tokens.get(i).filter(|t| t.block() == c.block);
    // (Bytes, not characters: no byte of a character beyond ASCII is an ASCII digit.)
    let number = |t: &Token| t.text.bytes().all(|b| b.is_ascii_digit());
    if tokens[c.last].possessive {
        return false;
    }
    // "anybody in America should": the object of a preposition is no subject.
    let after_preposition = || {
        c.first > 0
            && tokens[c.first - 1].block() == c.block
            && !tokens[c.first].gap_before
            && lexicon::is_place_preposition(tokens[c.first - 1].text)
    };
    let score_after = at(c.last + 1).is_some_and(|n| !n.gap_before && number(n))
        && at(c.last + 2).is_some_and(number);
    let score_before = c.first >= 2
        && !tokens[c.first].gap_before
        && at(c.first - 1).is_some_and(number)
        && at(c.first - 2).is_some_and(number);
    // "Sweden defeated", not "Germany backed by" (a passive) nor "Ottawa-based". A past form in
    // -ed acts only on an object: "South Korea evacuated about 80 people", not "the Soviet
    // Union collapsed there".
    let object = || {
        at(c.last + 2).is_some_and(|o| {
            !o.gap_before && !lexicon::is_no_object(o.text) && !o.text.ends_with("ly")
        })
    };
    // Headlines speak in the present: "North Korea puts military on alert".
    let headline_verb = |n: &Token| {
        n.headline && n.text.len() >= 4 && n.text.ends_with('s') && !n.text.ends_with("ss")
    };
    // A lower-case word: asked last, of the few words that end like a verb, as the agent verbs
    // are lower-case words already and most words after a name are none of these (see
    // [`shouted`] for what the two changes saved).
    let lower_case = |n: &Token| is_lower_case(n.text);
    let verb = at(c.last + 1).is_some_and(|n| {
        !n.gap_before
            && ((n.text.len() >= 5 && n.text.ends_with("ed") && lower_case(n) && object())
                || lexicon::is_agent_verb(n.text)
                || (headline_verb(n) && lower_case(n)))
    });
    // (Whether the name acts is asked before whether it is an object: most names do neither,
    // and the words after a name mostly answer the first unlooked-up, while the second looks
    // up the word before every name. cachegrind, entities stage on 200 articles: 0.44M
    // instructions and 3k L1 misses fewer, about 0.45M instruction-equivalents.)
    (score_after || score_before || verb) && !after_preposition()
}

/// The place heads [`state_of`] reads through: "State", "Republic", ...
const GENERIC_PLACE_HEADS: [&str; 6] = [
    "State",
    "Republic",
    "Kingdom",
    "Commonwealth",
    "Province",
    "City",
];

/// "State of Texas", "Republic of Ireland": a place head before a known place names that place.
fn state_of(tokens: &[Token], c: &Chunk) -> Option<&'static str> {
    // The head is one word, so "of" is the second: asked of that word, not searched for in
    // every name (cachegrind, whole CLI on 200 articles: 19k mispredicted branches fewer, about
    // 1.1M instruction-equivalents).
    let [head, of, rest @ ..] = &tokens[c.first..=c.last] else {
        return None;
    };
    if of.text != "of" || !GENERIC_PLACE_HEADS.contains(&head.text) {
        return None;
    }
    let the = rest.iter().take_while(|t| t.text == "the").count();
    lookup_words(&rest[the..])
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.canonical)
}

/// The gazetteer's entry for the name these words spell, one space between each two. (A lone
/// word is looked up as it is, not copied into a list and joined: cachegrind, whole CLI on 200
/// articles, about 0.2M instruction-equivalents fewer.)
fn lookup_words(words: &[Token]) -> Option<Entry> {
    match words {
        [word] => GAZETTEER.lookup(word.text),
        words => GAZETTEER.lookup(&words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")),
    }
}

fn sub_chunk(tokens: &[Token], chunk: &Chunk, first: usize, last: usize) -> Chunk {
    let span = Span::new(tokens[first].span().start, tokens[last].span().end);
    // A stretch cut from a headline may be a gazetteer name on its own ("America").
    let hit = lookup_words(&tokens[first..=last]);
    Chunk {
        first,
        last,
        span,
        block: chunk.block,
        hit,
        after_title: chunk.after_title && first == chunk.first,
        certainty: Certainty::Sure,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{chunks, tokens};
    use super::*;
    use crate::load::parse_article;
    use proptest::prelude::*;

    /// The tokens of `article` and their chunks, as `find_entities` finds them.
    fn chunks_of(article: &crate::article::Article) -> (Vec<Token<'_>>, Found) {
        let hits = GAZETTEER.hits(&article.text);
        let (tokens, marks) = tokens::tokenize_marking(article, &hits);
        let found = chunks::find_chunks(&tokens, marks, &hits);
        (tokens, found)
    }

    /// [`state_of`] as it was first written: the head is what stands before the name's first
    /// "of".
    fn state_of_by_search(tokens: &[Token], c: &Chunk) -> Option<&'static str> {
        let words = &tokens[c.first..=c.last];
        let of = words.iter().position(|t| t.text == "of")?;
        let head: Vec<&str> = words[..of].iter().map(|t| t.text).collect();
        let rest: Vec<&str> = words[of + 1..]
            .iter()
            .map(|t| t.text)
            .skip_while(|w| *w == "the")
            .collect();
        (head.len() == 1 && GENERIC_PLACE_HEADS.contains(&head[0]))
            .then(|| GAZETTEER.lookup(&rest.join(" ")))
            .flatten()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| e.canonical)
    }

    /// [`shouted`] as it was first written: the chunk's shape asked first.
    fn shouted_as_first_written(tokens: &[Token], c: &Chunk) -> bool {
        let t = &tokens[c.first];
        c.first == c.last
            && c.hit.is_none()
            && t.text.chars().all(char::is_uppercase)
            && ((t.text.chars().count() >= 4 && GAZETTEER.is_common_word(t.text))
                || lexicon::is_function_word(&title_case(t.text)))
    }

    #[test]
    fn a_place_head_before_a_known_place_names_that_place() {
        let article = parse_article("t.txt", "Title\n\nIn the State of Texas.".to_string());
        let (tokens, found) = chunks_of(&article);
        let named: Vec<_> = found.chunks.iter().map(|c| state_of(&tokens, c)).collect();
        assert_eq!(named, [None, Some("Texas")]);
    }

    proptest! {
        #[test]
        fn state_of_answers_like_a_search_for_of(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "State", "Republic", "Kingdom", "City", "Bank", " of ", " the ", "Texas",
                    "Ireland", "United Kingdom", "Philippines", "New York", "Mexico", " ", ", ",
                    ". ", "said",
                ]),
                0..30,
            )
        ) {
            let text = format!("Title\n\nIn {}.", parts.concat());
            let article = parse_article("t.txt", text);
            let (tokens, found) = chunks_of(&article);
            for c in &found.chunks {
                prop_assert_eq!(state_of(&tokens, c), state_of_by_search(&tokens, c));
            }
        }

        #[test]
        fn shouting_is_told_as_first_written(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "HUGE", "UNLESS", "THE", "NASA", "I", "A", "U.S.", "ÉMILE", "Émile", "Hope",
                    "London", "Sweden", "BBC", "McDonald", "SAID", "Said", "said", "says",
                    "defeated", "Defeated", "collapsed", "puts", "pass", "évacuéed", "by", "the",
                    "3", "0", "3a", "٣", " ", ", ", ". ", " – ", "\n\n",
                ]),
                0..30,
            )
        ) {
            let text = format!("Title {}\n\nIn {}.", parts.concat(), parts.concat());
            let article = parse_article("t.txt", text);
            let (tokens, found) = chunks_of(&article);
            for c in &found.chunks {
                prop_assert_eq!(shouted(&tokens, c), shouted_as_first_written(&tokens, c));
            }
        }

        #[test]
        fn joiners_are_told_like_by_trimming(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{3000}",
                    "and", "or", ",", "&", "/", ";", "a", "n", "d", "é", "x", "said", "of",
                ]),
                0..8,
            )
        ) {
            let gap = parts.concat();
            let trimmed = match gap.trim() {
                "and" | "or" | ", and" | ", or" | "&" => Some(true),
                "," | "/" | ";" => Some(false),
                _ => None,
            };
            prop_assert_eq!(joiner(&gap), trimmed);
        }

        #[test]
        fn words_are_numbered_in_the_order_they_come(
            words in prop::collection::vec("[A-Ca-c]{0,3}|Smith|Sixth|Émile", 0..40),
            asked in prop::collection::vec("[A-Ca-c]{0,3}|Smith|Sixth|Émile", 0..10),
        ) {
            let mut numbers = WordNumbers::with_capacity(words.len());
            let mut reference: HashMap<&str, u32> = HashMap::default();
            for word in &words {
                let next = reference.len() as u32;
                let number = *reference.entry(word).or_insert(next);
                prop_assert_eq!(numbers.number(word), number);
            }
            for word in words.iter().chain(&asked) {
                prop_assert_eq!(numbers.get(word), reference.get(word.as_str()).copied());
            }
        }

        #[test]
        fn packed_ascii_lower_case_packs_the_lower_case(
            word in "[ -~]{0,17}|[A-Za-zÉé@\\[`{]{0,16}"
        ) {
            let lowered = (word.is_ascii() && word.len() <= 15)
                .then(|| packed(&word.to_lowercase()))
                .flatten();
            prop_assert_eq!(packed_ascii_lower_case(&word), lowered);
        }

        #[test]
        fn capital_words_answer_like_a_scan_of_every_word(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "Hope", "hope", "HOPE", "Rock", "rock", "Sheinbaum", "The", "the", "Card",
                    "cards", "Émile", "émile", "İstanbul", "istanbul", "Straße", "straße", " ",
                    ". ", ", ", "\n\n", "said", "New York", "new", "york", "U.S.", "u.s.",
                ]),
                0..60,
            )
        ) {
            let text = format!("Title\n\n{}", parts.concat());
            let article = parse_article("t.txt", text);
            let (tokens, found) = chunks_of(&article);
            let words = CapitalWords::new(&tokens, &found);
            let chunks = found.chunks;
            let scan = |w: &str| {
                let lower = w.to_lowercase();
                tokens.iter().any(|t| t.text == lower && t.text.starts_with(char::is_lowercase))
            };
            let sure: std::collections::HashSet<&str> = chunks
                .iter()
                .filter(|c| c.certainty == Certainty::Sure)
                .flat_map(|c| tokens[c.first..=c.last].iter())
                .filter(|t| t.capitalized)
                .map(|t| t.text)
                .collect();
            for t in &tokens {
                prop_assert_eq!(words.seen_lower(t.text), scan(t.text), "{}", t.text);
                prop_assert_eq!(words.is_sure(t.text), sure.contains(t.text), "{}", t.text);
            }
            for (c, chunk_words) in words.of_chunks(&chunks) {
                for (i, t) in tokens.iter().enumerate().take(c.last + 1).skip(c.first) {
                    prop_assert_eq!(chunk_words.seen_lower_at(i), scan(t.text), "{}", t.text);
                    prop_assert_eq!(chunk_words.is_sure_at(i), sure.contains(t.text), "{}", t.text);
                }
            }
        }
    }
}
