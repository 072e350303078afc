//! Which candidate names to keep: those capitalised mid-sentence, and those at sentence starts
//! or in headlines that the article confirms (Mikheev's test). Each kept name gets its evidence.

use super::chunks::{Certainty, Chunk, Found, length_and_first_bytes};
use super::evidence::{Evidence, NameWord, binomial, evidence, kind_of, not_a_name, title_case};
use super::gazetteer::GAZETTEER;
use super::lexicon;
use super::tokens::Token;
use crate::analyze::EntityKind;
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone)]
pub struct Candidate {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub block: usize,
    /// Canonical gazetteer name, when the mention is one.
    pub canonical: Option<&'static str>,
    pub evidence: Evidence,
    /// Acts like an agent: the subject of a main verb ("Sweden defeated", "South Korea says") or a
    /// side in a score ("Belgium 3 – 0 Panama"). A place that keeps acting stands for its
    /// government or its team.
    pub agent: bool,
    /// Looks like a name but is none ("Hellenic polytheism", "PhD"): kept only to join an
    /// entity that something else names.
    pub not_a_name: bool,
}

/// What the article says of each capitalised word of its candidate names: whether it also
/// writes the word in lower case ("hope" for "Hope"), and whether it capitalises the word in a
/// name it is sure of (mid-sentence, not only at a sentence start or in a headline).
struct CapitalWords<'t> {
    /// Every capitalised word of a candidate name, with its index in `facts`.
    index: HashMap<&'t str, u32>,
    /// For each token that is such a word, its index in `facts` (`NO_FACTS` for the others):
    /// the rules ask about the words of names by the tokens they are, and an index in an array
    /// is cheaper than a hashed word (cachegrind, whole CLI on 200 articles: 1.6M instructions
    /// and 19k mispredicted branches fewer, 12k L1 misses more, about 1.9M
    /// instruction-equivalents fewer in all).
    at_token: Vec<u32>,
    facts: Vec<WordFacts>,
    tokens: &'t [Token<'t>],
}

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
    /// (a bit per length and first two bytes, [`length_and_first_bytes`], turns most away
    /// unhashed and unread), not all kept in a set.
    fn new(tokens: &'t [Token<'t>], found: &Found) -> Self {
        let chunks = &found.chunks;
        let mut index: HashMap<&str, u32> =
            HashMap::with_capacity_and_hasher(chunks.len() * 2, Default::default());
        let mut asked: Vec<&str> = Vec::new();
        let mut facts: Vec<WordFacts> = Vec::new();
        let mut at_token = vec![NO_FACTS; tokens.len()];
        for c in chunks {
            let sure = c.certainty == Certainty::Sure;
            for i in c.first..=c.last {
                let t = &tokens[i];
                if !t.capitalized {
                    continue;
                }
                let at = *index.entry(t.text).or_insert_with(|| {
                    asked.push(t.text);
                    facts.push(WordFacts::default());
                    // (Fewer words than tokens, and tokens are indexed by `usize`.)
                    (asked.len() - 1) as u32
                });
                facts[at as usize].sure |= sure;
                at_token[i] = at;
            }
        }
        // The lower-case forms, one after another in one string.
        let mut forms = String::new();
        let mut ends = Vec::with_capacity(asked.len());
        for word in &asked {
            let start = forms.len();
            if word.is_ascii() {
                forms.push_str(word);
                if let Some(form) = forms.get_mut(start..) {
                    form.make_ascii_lowercase();
                }
            } else {
                forms.push_str(&word.to_lowercase());
            }
            ends.push(forms.len());
        }
        let mut filter = [0u64; 64];
        // Form → the last asked word with that form; `same_form` links to the one before.
        let mut by_form: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(asked.len(), Default::default());
        let mut same_form = vec![usize::MAX; asked.len()];
        let mut start = 0;
        for (i, &end) in ends.iter().enumerate() {
            let form = &forms[start..end];
            start = end;
            let bit = Self::filter_bit(length_and_first_bytes(form.as_bytes()));
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
            let mut at = by_form.remove(t.text).unwrap_or(usize::MAX);
            while at != usize::MAX {
                facts[at].seen_lower = true;
                at = same_form[at];
            }
        }
        CapitalWords {
            index,
            at_token,
            facts,
            tokens,
        }
    }

    /// One of 4,096 bits for a word's [`length_and_first_bytes`], well mixed.
    fn filter_bit(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    fn facts(&self, word: &str) -> Option<WordFacts> {
        self.index.get(word).map(|&at| self.facts[at as usize])
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
    fn is_sure(&self, word: &str) -> bool {
        self.facts(word).is_some_and(|facts| facts.sure)
    }

    /// [`CapitalWords::seen_lower`] of token `i`'s word.
    fn seen_lower_at(&self, i: usize) -> bool {
        match self.at_token[i] {
            NO_FACTS => self.seen_lower(self.tokens[i].text),
            at => self.facts[at as usize].seen_lower,
        }
    }

    /// [`CapitalWords::is_sure`] of token `i`'s word.
    fn is_sure_at(&self, i: usize) -> bool {
        match self.at_token[i] {
            NO_FACTS => self.is_sure(self.tokens[i].text),
            at => self.facts[at as usize].sure,
        }
    }
}

/// Keeps the chunks whose capitalisation the article confirms and scores their evidence.
#[inline(never)] // A stage of its own in profiles.
pub fn resolve(text: &str, tokens: &[Token], found: Found) -> Vec<Candidate> {
    let capital_words = CapitalWords::new(tokens, &found);
    let chunks = found.chunks;
    let seen_lower = |i: usize| capital_words.seen_lower_at(i);

    let mut candidates: Vec<Candidate> = Vec::with_capacity(chunks.len());
    let mut words = Vec::new();
    // Each kept chunk becomes a candidate at once, not first one of a list of kept chunks
    // (cachegrind, whole CLI on 200 articles: that list's copies of the chunks cost 24k L1
    // misses and 11k mispredicted branches, about 1M instruction-equivalents).
    let mut keep = |c: Chunk| {
        if !shouted(tokens, &c) {
            candidates.push(candidate(tokens, c, &seen_lower, &mut words));
        }
    };
    for chunk in chunks {
        match chunk.certainty {
            Certainty::Sure => keep(chunk),
            Certainty::Headline => {
                // Keep the stretches made only of words the article capitalises elsewhere.
                let confirmed = |i: usize| {
                    tokens[i].capitalized
                        && capital_words.is_sure_at(i)
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
                    keep(sub_chunk(tokens, &chunk, s, i));
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
                let confirmed = capital_words.is_sure_at(chunk.first)
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
                        keep(sub_chunk(tokens, &chunk, s, chunk.last));
                    }
                }
            }
        }
    }
    coordinate(text, tokens, &mut candidates);
    candidates
}

/// Shouting, not an acronym: "HUGE", "UNLESS".
fn shouted(tokens: &[Token], c: &Chunk) -> bool {
    let t = &tokens[c.first];
    c.first == c.last
        && c.hit.is_none()
        && t.text.chars().all(char::is_uppercase)
        && ((t.text.chars().count() >= 4 && GAZETTEER.is_common_word(t.text))
            || lexicon::is_function_word(&title_case(t.text)))
}

/// A kept chunk with its evidence; `words` is room for [`evidence`].
fn candidate<'t>(
    tokens: &[Token<'t>],
    c: Chunk,
    seen_lower: &dyn Fn(usize) -> bool,
    words: &mut Vec<NameWord<'t>>,
) -> Candidate {
    let not_a_name = not_a_name(tokens, &c);
    // A genus ("Formica fusca") or a word that only looks like a name has no kind.
    let evidence = if not_a_name || binomial(tokens, &c) {
        [0; 5]
    } else {
        evidence(tokens, &c, seen_lower, words)
    };
    Candidate {
        first: c.first,
        last: c.last,
        span: c.span,
        block: c.block,
        canonical: c.hit.map(|e| e.canonical).or_else(|| state_of(tokens, &c)),
        evidence,
        agent: acts(tokens, &c),
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
        match text.get(a.span.end..b.span.start)?.trim() {
            "and" | "or" | ", and" | ", or" | "&" => Some(true),
            "," | "/" | ";" => Some(false),
            _ => None,
        }
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
            .get(c.last + 1)
            .is_some_and(|n| n.text == "of" && n.block() == c.block && !n.gap_before);
        c.canonical.is_none()
            && c.evidence.iter().all(|&s| s <= 1)
            && !affiliated
            && !GAZETTEER.is_given_name(tokens[c.first].text)
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
            && !tokens[next.last].possessive
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

/// Whether the name is the subject of a finite verb right after it, or a side of a score.
fn acts(tokens: &[Token], c: &Chunk) -> bool {
    let at = |i: usize| tokens.get(i).filter(|t| t.block() == c.block);
    let number = |t: &Token| t.text.chars().all(|ch| ch.is_ascii_digit());
    // "anybody in America should": the object of a preposition is no subject.
    let object = c.first > 0
        && tokens[c.first - 1].block() == c.block
        && !tokens[c.first].gap_before
        && lexicon::is_place_preposition(tokens[c.first - 1].text);
    if tokens[c.last].possessive || object {
        return false;
    }
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
    let verb = at(c.last + 1).is_some_and(|n| {
        !n.gap_before
            && n.text.chars().all(char::is_lowercase)
            && ((n.text.len() >= 5 && n.text.ends_with("ed") && object())
                || lexicon::is_agent_verb(n.text)
                || headline_verb(n))
    });
    score_after || score_before || verb
}

/// "State of Texas", "Republic of Ireland": a place head before a known place names that place.
fn state_of(tokens: &[Token], c: &Chunk) -> Option<&'static str> {
    let words = &tokens[c.first..=c.last];
    let of = words.iter().position(|t| t.text == "of")?;
    let head = words[..of].iter().map(|t| t.text).collect::<Vec<_>>();
    let rest: Vec<&str> = words[of + 1..]
        .iter()
        .map(|t| t.text)
        .skip_while(|w| *w == "the")
        .collect();
    let generic = [
        "State",
        "Republic",
        "Kingdom",
        "Commonwealth",
        "Province",
        "City",
    ];
    (head.len() == 1 && generic.contains(&head[0]))
        .then(|| GAZETTEER.lookup(&rest.join(" ")))
        .flatten()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.canonical)
}

fn sub_chunk(tokens: &[Token], chunk: &Chunk, first: usize, last: usize) -> Chunk {
    let span = Span::new(tokens[first].span().start, tokens[last].span().end);
    // A stretch cut from a headline may be a gazetteer name on its own ("America").
    let words: Vec<&str> = tokens[first..=last].iter().map(|t| t.text).collect();
    Chunk {
        first,
        last,
        span,
        block: chunk.block,
        hit: GAZETTEER.lookup(&words.join(" ")),
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

    proptest! {
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
            let tokens = tokens::tokenize(&article);
            let hits = GAZETTEER.hits(&article.text);
            let found = chunks::find_chunks(&tokens, &hits);
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
            for (i, t) in tokens.iter().enumerate() {
                prop_assert_eq!(words.seen_lower(t.text), scan(t.text), "{}", t.text);
                prop_assert_eq!(words.is_sure(t.text), sure.contains(t.text), "{}", t.text);
                prop_assert_eq!(words.seen_lower_at(i), scan(t.text), "{}", t.text);
                prop_assert_eq!(words.is_sure_at(i), sure.contains(t.text), "{}", t.text);
            }
        }
    }
}
