//! The article as a flat list of words with what entity finding needs to know about each:
//! capitalisation, position in its sentence, punctuation before it, a possessive after it.

use super::gazetteer::Hit;
use crate::analyze::text;
use crate::article::{Article, BlockKind};
use crate::span::Span;
use crate::swar;

/// One word of the article. 32 bytes, half a cache line: its place and block are held in 32 bits
/// each (the article is checked once to fit, see [`tokenize`]) and its end is where `text` ends.
/// Tokens are written once and read by every later step of entity finding; at 48 bytes (a
/// `Span` and a `usize` block) they cost more cache misses in each (cachegrind over c200,
/// entities: 1069k -> 931k L1 data misses, about 213M -> 208M instruction-equivalents).
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// The word without a possessive "'s": "Trump" for "Trump's".
    pub text: &'a str,
    /// Where `text` starts in the article: see [`Token::span`].
    start: u32,
    /// The index of the word's block in the article: see [`Token::block`].
    block: u32,
    pub possessive: bool,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// First word of a sentence, of a quotation, or after a colon: capitalised by position.
    pub initial: bool,
    /// In a headline, where every word may be capitalised.
    pub headline: bool,
    /// Punctuation (other than "&") stands between this word and the previous one.
    pub gap_before: bool,
}

const _: () = assert!(size_of::<Token>() == 32);

impl Token<'_> {
    /// Span of `text` in the article.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + self.text.len())
    }

    /// The index of the word's block in the article's blocks.
    pub fn block(&self) -> usize {
        self.block as usize
    }
}

/// Whether every place in `article` and every index of its blocks fit the 32 bits a [`Token`]
/// holds them in: a text shorter than 4 GiB, in fewer than 2^32 blocks.
fn fits_in_tokens(article: &Article) -> bool {
    u32::try_from(article.text.len()).is_ok() && u32::try_from(article.blocks.len()).is_ok()
}

/// `word` without a possessive "'s" ("’s", "'S"), and whether it had one; `last_eight` are the
/// eight bytes of the text that end where `word` ends (see [`swar::eight_before`]). One
/// comparison of those bytes each, not a branch per byte: about one word in eight ends in "s".
fn strip_possessive(word: &str, last_eight: u64) -> (&str, bool) {
    const STRAIGHT: u64 = u16::from_le_bytes(*b"'s") as u64;
    const STRAIGHT_CAPITAL: u64 = u16::from_le_bytes(*b"'S") as u64;
    const CURLY: u64 = u32::from_le_bytes(*b"\xE2\x80\x99s") as u64;
    let last_two = last_eight >> 48;
    let last_four = last_eight >> 32;
    // The word before the possessive must keep at least one byte.
    let straight = (last_two == STRAIGHT || last_two == STRAIGHT_CAPITAL) & (word.len() > 2);
    let curly = (last_four == CURLY) & (word.len() > 4);
    let suffix = if curly { 4 } else { 2 };
    if straight | curly {
        (&word[..word.len() - suffix], true)
    } else {
        (word, false)
    }
}

/// "Mets-inspired", "Warhol-like", "Trump-backed": the name before a hyphenated modifier that
/// is an English word. "Jong-un" or "Siu-lai" stay whole. `lower` marks the ASCII lower-case
/// letters among the word's first eight bytes (see [`lower_case_letters`]).
fn name_before_modifier(word: &str, lower: u64) -> &str {
    // Only a capitalised word with a hyphen: most words are neither (ASCII lower-case first).
    if word.is_empty()
        || lower & 0x80 != 0
        || !word.bytes().any(|b| b == b'-')
        || !word.starts_with(char::is_uppercase)
    {
        return word;
    }
    match word.rsplit_once('-') {
        Some((name, modifier))
            if modifier.chars().count() >= 4
                && modifier.chars().all(char::is_lowercase)
                && name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().count() >= 2
                && !is_prefix(name)
                && super::gazetteer::GAZETTEER.is_common_word(modifier) =>
        {
            name
        }
        _ => word,
    }
}

/// "Co-founder", "Ex-president", "Anti-war": a prefix, not a name.
fn is_prefix(part: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "co", "ex", "anti", "pro", "non", "pre", "post", "self", "vice", "mid", "neo", "pan",
        "multi", "semi", "sub", "super", "inter", "counter", "re", "de", "un", "over", "under",
    ];
    // "UN-backed" is the UN: an acronym is no prefix.
    part.chars().any(char::is_lowercase) && PREFIXES.contains(&part.to_lowercase().as_str())
}

/// The high bit of each ASCII lower-case letter among `first_eight`, the eight bytes of the
/// text from where a word starts ([`swar::eight_from`]).
fn lower_case_letters(first_eight: u64) -> u64 {
    swar::in_range(first_eight, b'a', b'z')
}

/// Starts with a capital, or with a lower-case particle joined to a capitalised name:
/// "d'Ettorre", "al-Assad", "el-Sisi". `first_eight` are the eight bytes of the text from where
/// `word` starts ([`swar::eight_from`]), and `word` is not empty.
fn is_capitalized(word: &str, first_eight: u64) -> bool {
    debug_assert!(!word.is_empty());
    // Most words are plain ASCII: a capital first, or lower-case letters for the first five
    // bytes (or the whole of a shorter word), settle it, told by one test of eight bytes rather
    // than a branch per byte. A capital first counts as all those bytes lower-case, so that the
    // test stays one branch, almost always taken: tested apart, the compiler branched on the
    // capital, which one word in five has (cachegrind over c200: 31k mispredicted branches on
    // that line; 20k fewer for the whole CLI run).
    // The word's first byte is the lowest of the eight: read from there, with no load and no
    // test for an empty word (cachegrind over c200, entities: 122.2M -> 121.2M instructions,
    // about 206.3M -> 204.5M instruction-equivalents; the whole CLI run 311.5M -> 310.5M).
    let capital_first = (first_eight as u8).is_ascii_uppercase();
    let lower = lower_case_letters(first_eight);
    let wanted = swar::first_bytes(word.len().min(5));
    let capital_as_lower = u64::from(capital_first).wrapping_neg();
    if (lower | capital_as_lower) & wanted == wanted {
        return capital_first;
    }
    let mut cs = word.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    if first.is_uppercase() {
        return true;
    }
    // The lower-case letters that open the word; more than four rule out both forms below.
    let mut particle_chars = 0;
    let mut particle_len = 0;
    for c in word.chars() {
        if !c.is_lowercase() || particle_chars > 4 {
            break;
        }
        particle_chars += 1;
        particle_len += c.len_utf8();
    }
    let rest = &word[particle_len..];
    let mut rest_chars = rest.chars();
    let joined = (1..=2).contains(&particle_chars)
        && matches!(rest_chars.next(), Some('\'' | '’' | '-'))
        && rest_chars.next().is_some_and(char::is_uppercase);
    // "eBay", "iPhone", "wikiHow": a brand in camel case.
    let mut camel = rest.chars();
    let camel_case = (1..=4).contains(&particle_chars)
        && camel.next().is_some_and(char::is_uppercase)
        && camel.next().is_some_and(char::is_lowercase);
    joined || camel_case
}

/// What later steps read of every token, taken as soon as [`tokenize_marking`] has written a
/// few blocks' tokens ([`MARK_BATCH`]), while they are in the L1 cache: a walk over all the
/// tokens afterwards misses it about once a token, as an article's tokens no longer fit there.
/// (cachegrind over c200, entities: find_chunks' own walk to mark the capitals, keep the keys
/// and place the gazetteer's hits, against these marks: 806k -> 746k L1 data misses, 109M ->
/// 110M instructions, 1065k -> 1087k mispredicted branches, about 176M instruction-equivalents
/// either way.)
pub struct TokenMarks {
    /// A bit for each token, set for the capitalised ones: only they open a name run. (Set
    /// without a branch: whether a word is capitalised is unpredictable.)
    pub capitalized: Vec<u64>,
    /// Each token's [`length_and_edge_bytes`].
    pub word_keys: Vec<u32>,
    /// For each of the gazetteer's hits in turn, the first token that ends after the hit
    /// starts; none for the hits after the last token.
    pub hit_tokens: Vec<usize>,
}

impl TokenMarks {
    fn with_capacity(tokens: usize, hits: usize) -> Self {
        TokenMarks {
            capitalized: Vec::with_capacity(tokens.div_ceil(64)),
            word_keys: Vec::with_capacity(tokens),
            hit_tokens: Vec::with_capacity(hits),
        }
    }

    /// Takes the marks of the tokens written so far (`tokens`) from the `from`-th on, and places
    /// at its token each of `hits` not placed yet that starts before the last token ends.
    // Out of line: inlined into the tokenizer's loop, its state left the loop fewer registers
    // (cachegrind over c200, entities: 111M -> 110M instructions, 1095k -> 1087k mispredicted
    // branches, about 177M -> 176M instruction-equivalents).
    #[inline(never)]
    fn mark_from(&mut self, from: usize, tokens: &[Token], hits: &[Hit]) {
        self.mark_words(from, tokens);
        self.place_hits(from, tokens, hits);
    }

    /// Takes the capital's bit and the word's key of each token from the `from`-th on.
    // The keys are taken by one `extend` of a list whose length is known, which sets aside their
    // room once, not token by token, and the hits are placed by a walk of their own: one walk
    // that stopped at each hit pushed the keys one at a time and read the lists' lengths again
    // at every token (cachegrind, whole CLI on c200: 169.2M -> 168.6M instructions, 1735k ->
    // 1724k mispredicted branches, about 271.4M -> 270.3M instruction-equivalents). The bits
    // of each 64 tokens that share a word of `capitalized` are gathered in a register and
    // stored once, not or-ed into it token by token (168.6M -> 168.2M instructions, 1730k
    // mispredicted branches, about 270.1M).
    fn mark_words(&mut self, from: usize, tokens: &[Token]) {
        self.capitalized.resize(tokens.len().div_ceil(64), 0);
        let mut t = from;
        while t < tokens.len() {
            let chunk_end = tokens.len().min((t / 64 + 1) * 64);
            let mut bits = 0;
            self.word_keys.extend(
                tokens[t..chunk_end]
                    .iter()
                    .zip(t % 64..)
                    .map(|(token, bit)| {
                        bits |= u64::from(token.capitalized) << bit;
                        length_and_edge_bytes(token.text.as_bytes())
                    }),
            );
            self.capitalized[t / 64] |= bits;
            t = chunk_end;
        }
    }

    /// Places each of `hits` not placed yet at the first of `tokens` from the `from`-th on
    /// that ends after the hit starts, while there is one.
    fn place_hits(&mut self, from: usize, tokens: &[Token], hits: &[Hit]) {
        let mut t = from;
        while let Some(hit) = hits.get(self.hit_tokens.len()) {
            let Some(ahead) = tokens[t..]
                .iter()
                .position(|token| token.span().end > hit.start)
            else {
                return;
            };
            t += ahead;
            self.hit_tokens.push(t);
        }
    }
}

/// A word's length (its low byte), first byte and last byte (zero for no word), in one
/// number. Whether an article writes a name's word in lower case too is asked of the few
/// words of its names: a filter of these keys turns most tokens away, kept four bytes a token
/// as the tokens are written, without reading the 32-byte tokens again.
/// (cachegrind, whole CLI on 200 articles: a walk over the tokens to read their first bytes
/// afresh missed the L1 cache about 111k times.) The last byte tells apart words that share a
/// length and an opening ("smith", "small"): a key of the length and first two bytes let 17.8k
/// lower-case tokens through to the hash map, and this one cost about 2.7M
/// instruction-equivalents fewer (whole CLI: 48k mispredicted branches fewer, 0.5M
/// instructions fewer); the length, first two bytes and last byte, 0.9M fewer (its second
/// byte costs more instructions to take than it spares).
pub fn length_and_edge_bytes(word: &[u8]) -> u32 {
    let first = word.first().copied().unwrap_or(0);
    let last = word.last().copied().unwrap_or(0);
    (word.len() as u32 & 0xff) | u32::from(first) << 8 | u32::from(last) << 16
}

/// All words of all blocks, in text order.
#[cfg(test)]
pub fn tokenize(article: &Article) -> Vec<Token<'_>> {
    tokenize_marking(article, &[]).0
}

/// How many tokens [`tokenize_marking`] writes, block by block, before it takes their
/// [`TokenMarks`]: 8 KiB of them, still in the L1 cache when they are marked, and enough that
/// most blocks, which are short, are not marked by a call of their own. (cachegrind, whole CLI
/// on c200, against a call for each block: 168.2M -> 167.5M instructions, 1730k -> 1734k
/// mispredicted branches, about 270.1M -> 269.7M instruction-equivalents; 128 tokens, 269.8M;
/// 512, 269.8M, with 7k more L1 data misses.)
const MARK_BATCH: usize = 256;

/// All words of all blocks, in text order, and their [`TokenMarks`], which place the
/// gazetteer's `hits` in `article` (in text order) among them.
///
/// # Panics
///
/// If the article's text is 4 GiB or longer (see [`fits_in_tokens`]). Articles the loader reads
/// are far shorter: their files are at most `load::MAX_ARTICLE_BYTES`, 256 MiB, and decoding
/// makes at most three bytes of one (an undecodable byte becomes U+FFFD).
#[inline(never)] // A stage of its own in profiles.
pub fn tokenize_marking<'a>(article: &'a Article, hits: &[Hit]) -> (Vec<Token<'a>>, TokenMarks) {
    assert!(
        fits_in_tokens(article),
        "an article of 4 GiB or more is too long to find entities in"
    );
    // Words and the space after them average about six bytes: room for all without regrowing.
    let mut out = Vec::with_capacity(article.text.len() / 4 + 1);
    let mut marks = TokenMarks::with_capacity(out.capacity(), hits.len());
    let mut marked = 0;
    for (block, b) in (0..).zip(&article.blocks) {
        let text = b.span.of(&article.text);
        let bytes = text.as_bytes();
        let headline = b.kind == BlockKind::Headline;
        let block_start = out.len();
        let mut prev_end = 0;
        let mut words = text::word_iter(text);
        while let Some(scanned) = words.next_scanned() {
            let w = scanned.word;
            let first = out.len() == block_start;
            // Most words follow a single space (the scanner tells) after a word that does not end
            // in a period: no sentence can start there, and there is no punctuation to look at.
            let plain_gap = !first && scanned.after_one_space && bytes[prev_end - 1] != b'.';
            let (initial, gap_before) = if plain_gap {
                (false, false)
            } else {
                let after_title = || {
                    out.last()
                        .is_some_and(|t: &Token| super::lexicon::is_title(t.text))
                };
                read_gap(text, prev_end, w.span.start, first, after_title)
            };
            out.push(Token::of_word(
                scanned,
                bytes,
                block,
                b.span.start,
                headline,
                initial,
                gap_before,
            ));
            prev_end = w.span.end;
        }
        if out.len() - marked >= MARK_BATCH {
            marks.mark_from(marked, &out, hits);
            marked = out.len();
        }
    }
    marks.mark_from(marked, &out, hits);
    (out, marks)
}

impl<'a> Token<'a> {
    /// The token for the word `scanned` of block `block` (whose text is `bytes` and which starts
    /// at byte `block_start` of the article), its place in the sentence and the punctuation
    /// before it read already. The article fits in tokens ([`fits_in_tokens`]).
    fn of_word(
        scanned: text::ScannedWord<'a>,
        bytes: &[u8],
        block: u32,
        block_start: usize,
        headline: bool,
        initial: bool,
        gap_before: bool,
    ) -> Self {
        let w = scanned.word;
        let lower = lower_case_letters(scanned.first_eight);
        // Nearly all words (97%) are only ASCII letters and digits, so neither possessive nor
        // hyphenated: told by one well-foreseen branch, where the tests for both branch on
        // whether the word starts in lower case and on where its hyphen is.
        let (base, possessive) = if scanned.ascii_alnum {
            (w.text, false)
        } else {
            let (base, possessive) =
                strip_possessive(w.text, swar::eight_before(bytes, w.span.end));
            (name_before_modifier(base, lower), possessive)
        };
        Token {
            text: base,
            // No truncation: the whole article fits in 32 bits.
            start: (block_start + w.span.start) as u32,
            block,
            possessive,
            capitalized: is_capitalized(base, scanned.first_eight),
            initial,
            headline,
            gap_before,
        }
    }
}

/// What the text between two words (`text[prev_end..start]`) says of the second: whether it
/// opens a sentence, a quotation or a clause after a colon (its capital is then positional),
/// and whether punctuation parts it from the word before. `first` is the block's first word;
/// `after_title` tells whether the word before is a title ("Prof. Patrizia").
fn read_gap(
    text: &str,
    prev_end: usize,
    start: usize,
    first: bool,
    after_title: impl FnOnce() -> bool,
) -> (bool, bool) {
    let between = &text[prev_end..start];
    let marks = gap_marks(between);
    // A sentence starts after a mark ending the word before ("U.S.") or one in the gap.
    let word_ends_in_period = text[..prev_end].ends_with('.');
    let mark_from = prev_end - usize::from(word_ends_in_period);
    let mut initial = first
        || ((marks & SENTENCE_END != 0 || word_ends_in_period)
            && text.as_bytes()[mark_from..start]
                .iter()
                .enumerate()
                .any(|(i, b)| {
                    matches!(b, b'.' | b'!' | b'?')
                        && text::sentence_starts_after(text, mark_from + i)
                }));
    if marks & OPENER != 0 && marks & COMMA == 0 {
        initial = true;
    }
    // "Prof. Patrizia": the period of a title abbreviation does not part the name.
    let parting = if between.starts_with('.') && after_title() {
        gap_marks(&between[1..])
    } else {
        marks
    };
    let gap_before = !first && parting & PARTING != 0;
    (initial, gap_before)
}

/// A mark that may end a sentence: '.', '!' or '?' (see [`gap_marks`]).
const SENTENCE_END: u8 = 1;
/// A mark that opens a quotation, a clause or an aside: '"', '“', '‘', ':', '(' or '['.
const OPENER: u8 = 2;
const COMMA: u8 = 4;
/// Punctuation that parts two words: anything but whitespace and '&'.
const PARTING: u8 = 8;
/// A byte of a character beyond ASCII: its marks are those of the whole character.
const BEYOND_ASCII: u8 = 16;

/// The marks `c` makes in a gap between words: some of [`SENTENCE_END`], [`OPENER`], [`COMMA`]
/// and [`PARTING`].
const fn char_marks(c: char) -> u8 {
    let mut marks = 0;
    if matches!(c, '.' | '!' | '?') {
        marks |= SENTENCE_END;
    }
    if matches!(c, '"' | '“' | ':' | '(' | '[' | '‘') {
        marks |= OPENER;
    }
    if c == ',' {
        marks |= COMMA;
    }
    if !c.is_whitespace() && c != '&' {
        marks |= PARTING;
    }
    marks
}

/// [`char_marks`] of each ASCII byte, [`BEYOND_ASCII`] for the others.
const GAP_BYTE_MARKS: [u8; 256] = {
    let mut table = [BEYOND_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = char_marks(b as u8 as char);
        b += 1;
    }
    table
};

/// The marks of all characters of `gap`, or-ed together. Gaps are short and nearly always
/// ASCII: a table look-up a byte, with no branch but the loop's, instead of a search through
/// the gap for each kind of mark (cachegrind over c200, entities: 1566k -> 1532k mispredicted
/// branches, 138M -> 137M instructions).
fn gap_marks(gap: &str) -> u8 {
    let marks = gap
        .bytes()
        .fold(0, |marks, b| marks | GAP_BYTE_MARKS[usize::from(b)]);
    if marks & BEYOND_ASCII == 0 {
        marks
    } else {
        gap_marks_beyond_ascii(gap)
    }
}

#[cold]
fn gap_marks_beyond_ascii(gap: &str) -> u8 {
    gap.chars().fold(0, |marks, c| marks | char_marks(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_article;
    use proptest::prelude::*;

    /// The words as they were found before the gap between words was read in place: each
    /// word checked against the list of sentence starts. The reference `tokenize` must match.
    fn reference_tokenize(article: &Article) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        for (block, b) in (0..).zip(&article.blocks) {
            let text = b.span.of(&article.text);
            let headline = b.kind == BlockKind::Headline;
            let mut starts = text::sentence_start_iter(text).peekable();
            let mut prev_end = 0;
            for (i, w) in text::word_iter(text).enumerate() {
                let between = &text[prev_end..w.span.start];
                let mut initial = i == 0;
                while let Some(start) = starts.next_if(|&s| s <= w.span.start) {
                    if start >= prev_end {
                        initial = true;
                    }
                }
                let mut gap_before = false;
                if between != " " {
                    if between.contains(['"', '“', ':', '(', '[', '‘']) && !between.contains(',')
                    {
                        initial = true;
                    }
                    let after_title = between.starts_with('.')
                        && out
                            .last()
                            .is_some_and(|t: &Token| super::super::lexicon::is_title(t.text));
                    let punctuation = if after_title { &between[1..] } else { between };
                    gap_before =
                        i > 0 && punctuation.chars().any(|c| !c.is_whitespace() && c != '&');
                }
                // Every word takes the long way, so the scanner's shortcut is held to it.
                let scanned = text::ScannedWord {
                    word: w,
                    ascii_alnum: false,
                    first_eight: swar::eight_from(&text.as_bytes()[w.span.start..], 0),
                    after_one_space: false,
                };
                out.push(Token::of_word(
                    scanned,
                    text.as_bytes(),
                    block,
                    b.span.start,
                    headline,
                    initial,
                    gap_before,
                ));
                prev_end = w.span.end;
            }
        }
        out
    }

    fn summary<'a>(tokens: &[Token<'a>]) -> Vec<(&'a str, Span, usize, [bool; 5])> {
        tokens
            .iter()
            .map(|t| {
                let flags = [
                    t.possessive,
                    t.capitalized,
                    t.initial,
                    t.headline,
                    t.gap_before,
                ];
                (t.text, t.span(), t.block(), flags)
            })
            .collect()
    }

    /// The word scanner's tricky pieces, and what entity finding reads around words: titles
    /// before a period, possessives, quotation marks, brackets, colons, hyphenated names.
    fn tricky_text() -> impl Strategy<Value = String> {
        let around_words = [
            "Prof",
            "Mr",
            "said",
            "?!",
            "...",
            "’s",
            "'s",
            " & ",
            "Émile",
            "“",
            "‘",
            "(",
            "[",
            "]",
            ":",
            ", ",
            ",\"",
            "\n\n",
            "'S",
            "Ab’s",
            "d'Ettorre",
            "iPhone",
            "el-Sisi",
            "ab",
            "Jong-un",
            "Mets-inspired",
            "eBay",
            "al-Assad",
        ];
        text::text_of([text::TRICKY_PIECES, &around_words].concat(), 50)
    }

    /// What the per-word tests on eight bytes stand for, a byte or a char at a time.
    fn reference_strip_possessive(word: &str) -> (&str, bool) {
        for suffix in ["'s", "’s", "'S"] {
            if let Some(base) = word.strip_suffix(suffix)
                && !base.is_empty()
            {
                return (base, true);
            }
        }
        (word, false)
    }

    fn reference_is_capitalized(word: &str) -> bool {
        let particle_chars = word
            .chars()
            .take_while(|c| c.is_lowercase())
            .take(5)
            .count();
        let particle_len: usize = word.chars().take(particle_chars).map(char::len_utf8).sum();
        let rest = &word[particle_len..];
        let mut after = rest.chars();
        let joined = (1..=2).contains(&particle_chars)
            && matches!(after.next(), Some('\'' | '’' | '-'))
            && after.next().is_some_and(char::is_uppercase);
        let mut camel = rest.chars();
        let camel_case = (1..=4).contains(&particle_chars)
            && camel.next().is_some_and(char::is_uppercase)
            && camel.next().is_some_and(char::is_lowercase);
        word.starts_with(char::is_uppercase) || joined || camel_case
    }

    proptest! {
        #[test]
        fn per_word_tests_on_eight_bytes_match_their_reference(text in tricky_text()) {
            let bytes = text.as_bytes();
            for w in text::word_iter(&text) {
                let (base, possessive) =
                    strip_possessive(w.text, swar::eight_before(bytes, w.span.end));
                prop_assert_eq!((base, possessive), reference_strip_possessive(w.text));
                let first_eight = swar::eight_from(&bytes[w.span.start..], 0);
                prop_assert_eq!(
                    lower_case_letters(first_eight) & 0x80 != 0,
                    base.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                );
                prop_assert_eq!(is_capitalized(base, first_eight), reference_is_capitalized(base), "{}", base);
            }
        }

        #[test]
        fn tokens_match_their_reference(body in tricky_text(), title in tricky_text()) {
            let article = parse_article("t.txt", format!("{title}\n\n{body}\n\n{body}"));
            prop_assert_eq!(summary(&tokenize(&article)), summary(&reference_tokenize(&article)));
        }
    }
}
