//! Candidate names: runs of capitalised words (with "of", "de", "van"... inside), split at
//! titles, calendar words and gazetteer names that abut a person's name, and trimmed of
//! function words. Gazetteer names are atomic units, so "Bosnia and Herzegovina" stays whole.

use super::gazetteer::{Entry, GAZETTEER, Hit};
use super::lexicon::{self, Classes};
use super::tokens::{Token, TokenMarks};
use crate::analyze::EntityKind;
use crate::span::Span;

/// How far a chunk's capitalisation can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    /// Capitalised mid-sentence: a name.
    Sure,
    /// The first word opens a sentence, so its capital may be positional.
    Initial,
    /// In a headline, where every word may be capitalised.
    Headline,
}

#[derive(Debug, Clone)]
pub struct Chunk {
    /// Token indices, inclusive.
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub block: usize,
    /// The gazetteer entry when the chunk is exactly one gazetteer name.
    pub hit: Option<Entry>,
    /// Right after a title or role: "President Claudia Sheinbaum".
    pub after_title: bool,
    pub certainty: Certainty,
}

/// A run element: one word, or a gazetteer name over one or more words.
#[derive(Debug, Clone, Copy)]
struct Unit {
    first: usize,
    last: usize,
    hit: Option<Entry>,
    /// The word lists a single word is in, looked up once: the run's rules ask several.
    /// (None for a gazetteer name.)
    classes: Classes,
}

impl Unit {
    /// Token `i` alone, not a gazetteer name.
    fn word(tokens: &[Token], i: usize) -> Unit {
        Unit {
            first: i,
            last: i,
            hit: None,
            classes: lexicon::classes(tokens[i].text),
        }
    }
}

/// Where gazetteer hits sit among the tokens, and which tokens may open a name run: the runs
/// visit only the capitalised tokens.
struct TokenIndex {
    /// Gazetteer names that start and end on token bounds within one block, in token order.
    names: Vec<PlacedName>,
    /// Hits inside one hyphenated token ("U.S.-Mexico"), as standalone spans.
    inside: Vec<(usize, Hit)>,
    /// A bit for each token, set for the capitalised ones ([`TokenMarks::capitalized`]).
    capitalized: Vec<u64>,
}

/// The candidate names of an article, and each token's [`length_and_edge_bytes`].
///
/// [`length_and_edge_bytes`]: super::tokens::length_and_edge_bytes
pub struct Found {
    pub chunks: Vec<Chunk>,
    pub word_keys: Vec<u32>,
}

/// A gazetteer name over tokens `first..=last`.
#[derive(Debug, Clone, Copy)]
struct PlacedName {
    first: usize,
    last: usize,
    entry: Entry,
}

/// Places each of `hits` (in text order) among `tokens`, at the first token that ends after
/// it starts ([`TokenMarks::hit_tokens`]): only the few tokens a hit covers are read.
fn index_tokens(
    tokens: &[Token],
    hits: &[Hit],
    capitalized: Vec<u64>,
    hit_tokens: &[usize],
) -> TokenIndex {
    let mut index = TokenIndex {
        names: Vec::with_capacity(hits.len()),
        inside: Vec::new(),
        capitalized,
    };
    for (hit, &t) in hits.iter().zip(hit_tokens) {
        index.place(tokens, t, hit);
    }
    index
}

impl TokenIndex {
    /// Records `hit` as a name when it starts at token `t` and ends on a token's end in the
    /// same block, or as a hit inside `t` when `t` is hyphenated and holds it; `t` is the
    /// first token that ends after the hit starts.
    fn place(&mut self, tokens: &[Token], t: usize, hit: &Hit) {
        let tok = &tokens[t];
        if tok.span().start == hit.start {
            // Find the token where the hit ends, if it ends on one.
            let mut e = t;
            while e < tokens.len() && tokens[e].span().end < hit.end {
                e += 1;
            }
            if e < tokens.len()
                && tokens[e].span().end == hit.end
                && tokens[e].block() == tok.block()
            {
                self.names.push(PlacedName {
                    first: t,
                    last: e,
                    entry: hit.entry,
                });
                return;
            }
        }
        if tok.span().start <= hit.start && hit.end <= tok.span().end && tok.text.contains('-') {
            self.inside.push((t, *hit));
        }
    }

    /// Whether token `i` is capitalised (false past the last token).
    fn is_capitalized(&self, i: usize) -> bool {
        self.capitalized
            .get(i / 64)
            .is_some_and(|word| word >> (i % 64) & 1 != 0)
    }

    /// The first capitalised token at `from` or after it. The runs ask from the token after
    /// the last run, so the capitalised tokens inside a run are passed over without a test
    /// each: whether the next capitalised token lies inside the run is unpredictable, and a
    /// loop over every capitalised token that tested it mispredicted about 9k times over
    /// c200.
    fn next_capitalized(&self, from: usize) -> Option<usize> {
        let mut w = from / 64;
        let mut word = self.capitalized.get(w)? & u64::MAX << (from % 64);
        while word == 0 {
            w += 1;
            word = *self.capitalized.get(w)?;
        }
        Some(64 * w + word.trailing_zeros() as usize)
    }
}

/// The gazetteer names placed on tokens, asked about tokens in increasing order: the runs
/// ask about each token once at most, from the first run's to the last's.
struct NamesAhead<'n> {
    names: &'n [PlacedName],
    /// The first name not passed yet.
    next: usize,
}

impl NamesAhead<'_> {
    /// The name that starts at token `i`, if any; names before it are passed for good.
    fn starting_at(&mut self, i: usize) -> Option<PlacedName> {
        while self.names.get(self.next).is_some_and(|name| name.first < i) {
            self.next += 1;
        }
        let name = self.names.get(self.next).filter(|name| name.first == i)?;
        self.next += 1;
        Some(*name)
    }

    /// Token `i` as a run element: the gazetteer name that starts there, or the word alone.
    fn unit_at(&mut self, tokens: &[Token], i: usize) -> Unit {
        match self.starting_at(i) {
            Some(name) => Unit {
                first: i,
                last: name.last,
                hit: Some(name.entry),
                classes: Classes::default(),
            },
            None => Unit::word(tokens, i),
        }
    }
}

/// Finds every candidate name in the article's tokens and their `marks`, given the gazetteer's
/// `hits` in its text ([`GAZETTEER`]`.hits`), which the marks place.
#[inline(never)] // A stage of its own in profiles.
pub fn find_chunks(tokens: &[Token], marks: TokenMarks, hits: &[Hit]) -> Found {
    let index = index_tokens(tokens, hits, marks.capitalized, &marks.hit_tokens);
    // Tokens with names inside them, in order (hits come in text order).
    let mut hyphen_hit_tokens: Vec<usize> = index.inside.iter().map(|&(t, _)| t).collect();
    hyphen_hit_tokens.dedup();
    let mut names = NamesAhead {
        names: &index.names,
        next: 0,
    };
    // About one name in eight words.
    let mut chunks = Vec::with_capacity(tokens.len() / 8 + 1);
    let mut run = Vec::new();
    let mut current = Vec::new();
    // The first token a run may start at: after the last run or a token with a name inside.
    let mut next = 0;
    while let Some(i) = index.next_capitalized(next) {
        if hyphen_hit_tokens.binary_search(&i).is_ok() {
            next = i + 1;
            continue;
        }
        collect_run(tokens, &index, &mut names, &hyphen_hit_tokens, i, &mut run);
        next = run.last().map_or(i + 1, |u| u.last + 1);
        match run.as_slice() {
            [unit] => push_lone(tokens, unit, &mut chunks),
            _ => split_run(tokens, &run, &mut current, &mut chunks),
        }
    }
    for &(t, hit) in &index.inside {
        let tok = &tokens[t];
        chunks.push(Chunk {
            first: t,
            last: t,
            span: Span::new(hit.start, hit.end),
            block: tok.block(),
            hit: Some(hit.entry),
            after_title: false,
            certainty: Certainty::Sure,
        });
    }
    chunks.sort_by_key(|c| c.span.start);
    Found {
        chunks,
        word_keys: marks.word_keys,
    }
}

/// Collects into `run` the units of the name run starting at token `start`.
fn collect_run(
    tokens: &[Token],
    index: &TokenIndex,
    names: &mut NamesAhead,
    hyphen_hit_tokens: &[usize],
    start: usize,
    run: &mut Vec<Unit>,
) {
    run.clear();
    run.push(names.unit_at(tokens, start));
    let block = tokens[start].block();
    let joinable = |k: usize| {
        k < tokens.len()
            && tokens[k].block() == block
            && !tokens[k].gap_before
            && hyphen_hit_tokens.binary_search(&k).is_err()
    };
    while let Some(prev) = run.last().copied() {
        let k = prev.last + 1;
        // A possessive ends a name ("Trump's plan"), except inside an institution's name:
        // "Korean People's Army", "Children's Hospital".
        if tokens[prev.last].possessive {
            let institution_follows = joinable(k)
                && tokens[k].capitalized
                && !tokens[k].headline
                && (lexicon::is_org_tail(tokens[k].text) || lexicon::is_place_tail(tokens[k].text));
            if !institution_follows {
                break;
            }
        }
        if !joinable(k) {
            break;
        }
        if tokens[k].capitalized {
            run.push(names.unit_at(tokens, k));
            continue;
        }
        // A number or a connector joins only a capitalised word one or two tokens on: with
        // none, the run ends here, without a look-up of the word. (cachegrind, whole CLI over
        // c200: 0.7M instruction-equivalents fewer. Asked of tokens `k..=k + 2` before `k` is
        // read, the test mispredicted more than it saved: 0.3M more.)
        if !(index.is_capitalized(k + 1) | index.is_capitalized(k + 2)) {
            break;
        }
        // A number between two capitalised words belongs to the name: "Movimento 5 Stelle".
        if tokens[k].text.chars().all(|c| c.is_ascii_digit())
            && joinable(k + 1)
            && tokens[k + 1].capitalized
        {
            run.push(Unit::word(tokens, k));
            run.push(names.unit_at(tokens, k + 1));
            continue;
        }
        // A lower-case connector joins only when a capitalised word follows it directly.
        let w = tokens[k].text;
        if !lexicon::is_connector(w) || !joinable(k + 1) {
            break;
        }
        let institutional = run
            .iter()
            .any(|u| is_plain_in(u, Classes::ORG_HEAD | Classes::ORG_TAIL));
        let placey = run
            .iter()
            .any(|u| is_plain_in(u, Classes::PLACE_HEAD | Classes::PLACE_TAIL));
        let after_title = is_plain_in(&prev, Classes::TITLE);
        let allowed = match w {
            "the" => k > 0 && tokens[k - 1].text == "of",
            // "University of Helsinki", "Gulf of Mexico", "Secretary of State"; not
            // "History of England" or "Steve Rubell of Studio 54".
            "of" => institutional || placey || after_title,
            "and" => false,
            "for" | "&" => institutional,
            _ => true,
        };
        if !allowed {
            break;
        }
        if tokens[k + 1].capitalized {
            run.push(Unit::word(tokens, k));
            run.push(names.unit_at(tokens, k + 1));
        } else if w == "of"
            && tokens[k + 1].text == "the"
            && joinable(k + 2)
            && tokens[k + 2].capitalized
        {
            run.push(Unit::word(tokens, k));
            run.push(Unit::word(tokens, k + 1));
            run.push(names.unit_at(tokens, k + 2));
        } else {
            break;
        }
    }
}

/// The chunk of a run of one unit, as [`split_run`] would make it: none for a function word
/// (trimmed from a chunk's edges: "The", "He" opening a sentence), a title or a calendar word,
/// the unit itself otherwise. Most runs are one unit, and the rules of a split, which weigh
/// units against their neighbours, leave it alone. (cachegrind, whole CLI over c200: through
/// `split_run` and `flush`, lone units cost 3.1M instruction-equivalents more.)
fn push_lone(tokens: &[Token], unit: &Unit, out: &mut Vec<Chunk>) {
    if !unit
        .classes
        .has(Classes::FUNCTION | Classes::TITLE | Classes::CALENDAR)
    {
        push_chunk(tokens, unit.first, unit.last, unit.hit, false, out);
    }
}

fn is_plain(tokens: &[Token], u: &Unit, f: impl Fn(&str) -> bool) -> bool {
    u.hit.is_none() && u.first == u.last && f(tokens[u.first].text)
}

/// A single word, not a gazetteer name, in a word list of the lexicon (`class`). A gazetteer
/// name's unit is in no list ([`Unit::classes`]), so the lists alone tell: one test, where one
/// for each of the three branched (cachegrind over c200, `find_chunks`: 0.5M instructions and
/// 11k mispredicted branches fewer, about 0.95M instruction-equivalents).
fn is_plain_in(u: &Unit, class: u32) -> bool {
    debug_assert!(u.classes == Classes::default() || (u.hit.is_none() && u.first == u.last));
    u.classes.has(class)
}

/// Splits one run into chunks: titles and calendar words drop out, demonyms and places
/// standing before a person's name stand alone.
fn split_run(tokens: &[Token], run: &[Unit], current: &mut Vec<Unit>, out: &mut Vec<Chunk>) {
    current.clear();
    let mut after_title = false;
    let ends_institutional = run
        .last()
        .is_some_and(|u| is_plain_in(u, Classes::ORG_TAIL));
    let ends_placey = run.len() > 1
        && run
            .last()
            .is_some_and(|u| is_plain_in(u, Classes::PLACE_TAIL));
    let mut i = 0;
    while i < run.len() {
        let u = run[i];
        let is_title_here = |j: usize| {
            // A modifier counts as part of a title only when a title follows it.
            let mut k = j;
            while k < run.len() && is_plain_in(&run[k], Classes::TITLE_MODIFIER) {
                if is_plain_in(&run[k], Classes::TITLE) {
                    break;
                }
                k += 1;
            }
            k < run.len() && is_plain_in(&run[k], Classes::TITLE) && {
                // "General Motors", "Major League", "Doctor Who Society of Canada": a title
                // inside an institution's name is no title.
                // "Director of Media" keeps its title: the tail is the title's domain.
                k + 1 >= run.len()
                    || is_plain(tokens, &run[k + 1], |w| w == "of")
                    || !run[k + 1..]
                        .iter()
                        .any(|u| is_plain_in(u, Classes::ORG_TAIL))
            }
        };
        let after_connector = i > 0 && is_plain_in(&run[i - 1], Classes::CONNECTOR);
        if !after_connector && is_title_here(i) {
            flush(tokens, current, &mut after_title, out);
            // Skip the title words themselves.
            while i < run.len()
                && (is_plain_in(&run[i], Classes::TITLE_MODIFIER)
                    || is_plain_in(&run[i], Classes::TITLE))
            {
                i += 1;
            }
            after_title = true;
            // "Secretary of State Marco Rubio", "President of the United States Donald Trump":
            // the title's domain is not the person's name.
            if i < run.len() && is_plain(tokens, &run[i], |w| w == "of") {
                i += 1;
                while i < run.len() && is_plain(tokens, &run[i], |w| w == "the") {
                    i += 1;
                }
                if i < run.len() && run[i].hit.is_some() {
                    // `current` was flushed before the title.
                    let mut no_title = false;
                    current.push(run[i]);
                    flush(tokens, current, &mut no_title, out);
                    i += 1;
                } else {
                    // "CEO of the Refugee Council Enver Solomon": a domain ending in an
                    // institution's or a place's head word is a name of its own.
                    let from = i;
                    let tail = Classes::ORG_TAIL | Classes::PLACE_TAIL;
                    while i < run.len()
                        && !is_plain(tokens, &run[i], |w| GAZETTEER.is_given_name(w))
                    {
                        i += 1;
                        if i - 1 > from && i < run.len() && is_plain_in(&run[i - 1], tail) {
                            // `current` was flushed before the title.
                            let mut no_title = false;
                            current.extend_from_slice(&run[from..i]);
                            flush(tokens, current, &mut no_title, out);
                            break;
                        }
                    }
                }
            }
            continue;
        }
        // "Edmonton Sun" is a newspaper, not a Sunday.
        let masthead = i > 0 && i + 1 == run.len() && is_plain_in(&u, Classes::ORG_TAIL);
        if is_plain_in(&u, Classes::CALENDAR) && !masthead {
            flush(tokens, current, &mut after_title, out);
            i += 1;
            continue;
        }
        // Asked only of a known organisation or place, not of every unit: asked of every unit,
        // the look-up cost the whole CLI 1.4M instruction-equivalents more over c200
        // (cachegrind; 0.6M instructions, 17k mispredicted branches, 7k L1 misses).
        let next_is_given = || {
            run.get(i + 1)
                .is_some_and(|n| is_plain(tokens, n, |w| GAZETTEER.is_given_name(w)))
        };
        let standalone = match u.hit.map(|e| e.kind) {
            Some(EntityKind::Group) => !ends_institutional,
            // "NASA Bill Ingalls", "Google Chrome": a known organisation before other words is
            // a mention of its own, unless the words name one of its parts ("NATO Council").
            Some(EntityKind::Organization) => {
                next_is_given() || (i + 1 < run.len() && !ends_institutional && !ends_placey)
            }
            // "Mexico Ronald Johnson", "United States Hamdullah Mohib"; but "New York Press".
            Some(EntityKind::Place) => {
                // A town before a surname may be a first name: "George Bush", "Paris Hilton".
                let major = u.hit.is_some_and(|e| e.major);
                let next_is_surname = run
                    .get(i + 1)
                    .is_some_and(|n| is_plain(tokens, n, |w| GAZETTEER.is_surname(w)));
                let first_name = GAZETTEER.is_common_given_name(tokens[u.first].text);
                // "U.S. Department of Agriculture": a country heading an institution's name.
                let next_is_org_head = run
                    .get(i + 1)
                    .is_some_and(|n| is_plain_in(n, Classes::ORG_HEAD));
                // "councillor Wilson Tam", "President Lincoln Chafee": after a title, a town's
                // name is a first name.
                let titled = (after_title && current.is_empty())
                    || (i == 0
                        && u.first > 0
                        && tokens[u.first - 1].block() == tokens[u.first].block()
                        && tokens[u.first - 1].text.chars().all(char::is_lowercase)
                        && lexicon::is_role(tokens[u.first - 1].text));
                !titled
                    && (next_is_given()
                        || (i + 1 < run.len() && (major || (!next_is_surname && !first_name))))
                    && !ends_institutional
                    && !ends_placey
                    && !(major && next_is_org_head && run.len() > i + 2)
            }
            _ => false,
        };
        if standalone {
            flush(tokens, current, &mut after_title, out);
            current.push(u);
            flush(tokens, current, &mut after_title, out);
        } else {
            current.push(u);
        }
        i += 1;
    }
    flush(tokens, current, &mut after_title, out);
}

/// Turns collected units into a chunk, trimming function words and connectors at the edges.
fn flush(tokens: &[Token], units: &mut Vec<Unit>, after_title: &mut bool, out: &mut Vec<Chunk>) {
    let mut lo = 0;
    let mut hi = units.len();
    while lo < hi {
        let u = &units[lo];
        let t = &tokens[u.first];
        if u.hit.is_none() && (!t.capitalized || u.classes.has(Classes::FUNCTION)) {
            lo += 1;
        } else {
            break;
        }
    }
    while hi > lo {
        let u = &units[hi - 1];
        let t = &tokens[u.last];
        // "Edmonton Sun": a masthead word is no weekday.
        let masthead = hi - lo > 1 && u.classes.has(Classes::ORG_TAIL);
        if u.hit.is_none() && (!t.capitalized || (u.classes.has(Classes::FUNCTION) && !masthead)) {
            hi -= 1;
        } else {
            break;
        }
    }
    if lo < hi {
        let hit = if hi - lo == 1 { units[lo].hit } else { None };
        let (first, last) = (units[lo].first, units[hi - 1].last);
        if push_chunk(tokens, first, last, hit, *after_title, out) {
            *after_title = false;
        }
    }
    units.clear();
}

/// Pushes the chunk over tokens `first..=last` (`hit` when it is one gazetteer name), unless it
/// is too long to be a name; whether it did.
fn push_chunk(
    tokens: &[Token],
    first: usize,
    last: usize,
    hit: Option<Entry>,
    after_title: bool,
    out: &mut Vec<Chunk>,
) -> bool {
    // A dozen capitalised words in a row is a title-cased sentence or a list, not a name.
    const MAX_NAME_WORDS: usize = 10;
    if last - first >= MAX_NAME_WORDS {
        return false;
    }
    // A chunk lies in one block, and a block is a headline or not: its first token tells.
    // (Asked of every token, the loop's end mispredicted about 7k times over c200.)
    debug_assert!(
        tokens[first..=last]
            .iter()
            .all(|t| t.block() == tokens[first].block())
    );
    let certainty = if hit.is_some() {
        Certainty::Sure
    } else if tokens[first].headline {
        Certainty::Headline
    } else if tokens[first].initial {
        Certainty::Initial
    } else {
        Certainty::Sure
    };
    out.push(Chunk {
        first,
        last,
        span: Span::new(tokens[first].span().start, tokens[last].span().end),
        block: tokens[first].block(),
        hit,
        after_title,
        certainty,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities::tokens::{length_and_edge_bytes, tokenize_marking};
    use crate::analyze::text;
    use crate::load::parse_article;
    use proptest::prelude::*;

    /// Each hit placed by a search of all the tokens: what the marks taken while tokenizing
    /// must place.
    fn placed_one_by_one(tokens: &[Token], hits: &[Hit]) -> TokenIndex {
        let mut index = TokenIndex {
            names: Vec::new(),
            inside: Vec::new(),
            capitalized: Vec::new(),
        };
        for hit in hits {
            if let Some(t) = tokens.iter().position(|tok| tok.span().end > hit.start) {
                index.place(tokens, t, hit);
            }
        }
        index
    }

    proptest! {
        #[test]
        fn marks_taken_while_tokenizing_match_a_search_and_filter_of_the_tokens(
            body in text::text_of(
                [
                    text::TRICKY_PIECES,
                    &["the Bronx", "U.S.-Mexico", "Mexico's", "New York", "Bosnia and Herzegovina",
                      "Paris", "al-Qaeda", "Mets-inspired"],
                ]
                .concat(),
                150,
            ),
        ) {
            let article = parse_article("t.txt", format!("Title\n\n{body}\n\n{body}"));
            let hits = GAZETTEER.hits(&article.text);
            let (tokens, marks) = tokenize_marking(&article, &hits);
            let keys: Vec<u32> = tokens.iter().map(|tok| length_and_edge_bytes(tok.text.as_bytes())).collect();
            prop_assert_eq!(&marks.word_keys, &keys);
            let index = index_tokens(&tokens, &hits, marks.capitalized, &marks.hit_tokens);
            let reference = placed_one_by_one(&tokens, &hits);
            let names = |i: &TokenIndex| -> Vec<(usize, usize, Entry)> {
                i.names.iter().map(|n| (n.first, n.last, n.entry)).collect()
            };
            prop_assert_eq!(names(&index), names(&reference));
            prop_assert_eq!(&index.inside, &reference.inside);
            let capitalized: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].capitalized).collect();
            let marked = std::iter::successors(index.next_capitalized(0), |&i| index.next_capitalized(i + 1));
            prop_assert_eq!(marked.collect::<Vec<_>>(), capitalized);
            for i in 0..tokens.len() + 130 {
                prop_assert_eq!(index.is_capitalized(i), tokens.get(i).is_some_and(|t| t.capitalized));
            }
        }

        #[test]
        fn a_lone_unit_makes_the_chunk_split_run_makes_of_it(
            body in text::text_of(
                [
                    text::TRICKY_PIECES,
                    &["The ", "He ", "President ", "Dr. ", "Monday ", "January ", "NASA ",
                      "New York ", "Mexico ", "Claudia ", "Of ", "A. ", "UNLESS "],
                ]
                .concat(),
                60,
            ),
        ) {
            let article = parse_article("t.txt", format!("Title The Monday\n\n{body}"));
            let hits = GAZETTEER.hits(&article.text);
            let (tokens, marks) = tokenize_marking(&article, &hits);
            let index = index_tokens(&tokens, &hits, marks.capitalized, &marks.hit_tokens);
            let mut names = NamesAhead { names: &index.names, next: 0 };
            let mut next = 0;
            while let Some(i) = index.next_capitalized(next) {
                let unit = names.unit_at(&tokens, i);
                next = unit.last + 1;
                let (mut lone, mut split) = (Vec::new(), Vec::new());
                push_lone(&tokens, &unit, &mut lone);
                split_run(&tokens, &[unit], &mut Vec::new(), &mut split);
                let shown = |chunks: &[Chunk]| format!("{chunks:?}");
                prop_assert_eq!(shown(&lone), shown(&split));
            }
        }
    }
}
