//! Which candidate names to keep and what kind each one looks like on its own: the sure-fire
//! evidence (gazetteer, titles, head words) and the weak hints (a preposition, a verb of saying).

use super::chunks::{Certainty, Chunk};
use super::gazetteer::GAZETTEER;
use super::lexicon;
use super::tokens::Token;
use crate::analyze::EntityKind;
use crate::span::Span;
use std::collections::HashSet;

/// How strongly a mention's own context says it is of each kind: 0 (nothing) to 5 (gazetteer).
pub type Evidence = [u8; 5];

fn slot(kind: EntityKind) -> usize {
    kind as usize
}

#[derive(Debug, Clone)]
pub struct Candidate {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub block: usize,
    /// Canonical gazetteer name, when the mention is one.
    pub canonical: Option<&'static str>,
    pub evidence: Evidence,
}

/// Keeps the chunks whose capitalisation the article confirms and scores their evidence.
pub fn resolve(tokens: &[Token], chunks: Vec<Chunk>) -> Vec<Candidate> {
    let lower: HashSet<&str> = tokens
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
        .map(|t| t.text)
        .collect();
    let seen_lower = |w: &str| lower.contains(w.to_lowercase().as_str());
    let sure_words: HashSet<&str> = chunks
        .iter()
        .filter(|c| c.certainty == Certainty::Sure)
        .flat_map(|c| tokens[c.first..=c.last].iter())
        .filter(|t| t.capitalized)
        .map(|t| t.text)
        .collect();

    let mut kept: Vec<Chunk> = Vec::new();
    for chunk in chunks {
        match chunk.certainty {
            Certainty::Sure => kept.push(chunk),
            Certainty::Headline => {
                // Keep the stretches made only of words the article capitalises elsewhere.
                let confirmed = |t: &Token| {
                    t.capitalized
                        && sure_words.contains(t.text)
                        && !lexicon::is_function_word(t.text)
                };
                // A first name standing before a confirmed word belongs to it: "Christopher"
                // in a headline "Christopher Hill on ..." when the body says "Hill".
                let known = |i: usize| {
                    confirmed(&tokens[i])
                        || (i < chunk.last
                            && GAZETTEER.is_given_name(tokens[i].text)
                            && confirmed(&tokens[i + 1]))
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
                    kept.push(sub_chunk(tokens, &chunk, s, i));
                    i += 1;
                }
            }
            Certainty::Initial => {
                let t = &tokens[chunk.first];
                let multi = chunk.last > chunk.first;
                let next_speech = tokens
                    .get(chunk.last + 1)
                    .is_some_and(|n| n.block == chunk.block && lexicon::is_speech_verb(n.text));
                let confirmed = sure_words.contains(t.text)
                    || (multi && GAZETTEER.is_given_name(t.text))
                    || (multi && !seen_lower(t.text))
                    || (!multi
                        && !seen_lower(t.text)
                        && (GAZETTEER.is_surname(t.text)
                            || next_speech
                            || !GAZETTEER.is_common_word(t.text)));
                if confirmed {
                    kept.push(chunk);
                } else if multi {
                    // Drop the positional word; the rest was capitalised mid-sentence.
                    let mut s = chunk.first + 1;
                    while s <= chunk.last && !tokens[s].capitalized {
                        s += 1;
                    }
                    if s <= chunk.last {
                        kept.push(sub_chunk(tokens, &chunk, s, chunk.last));
                    }
                }
            }
        }
    }
    // Shouting, not an acronym: "HUGE", "UNLESS".
    kept.retain(|c| {
        let t = &tokens[c.first];
        let shouted = c.first == c.last
            && c.hit.is_none()
            && t.text.chars().all(char::is_uppercase)
            && ((t.text.chars().count() >= 4 && GAZETTEER.is_common_word(t.text))
                || lexicon::is_function_word(&title_case(t.text)));
        !shouted
    });
    kept.into_iter()
        .map(|c| {
            let mut evidence = evidence(tokens, &c, &seen_lower);
            relaxed(tokens, &c, &seen_lower, &mut evidence);
            Candidate {
                first: c.first,
                last: c.last,
                span: c.span,
                block: c.block,
                canonical: c.hit.map(|e| e.canonical),
                evidence,
            }
        })
        .collect()
}

fn title_case(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|f| {
            f.to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// "Paralympic movement", "Hebrew text": a lone adjective of a people or place before a noun.
fn adjective_before_noun(tokens: &[Token], c: &Chunk) -> bool {
    let t = &tokens[c.first];
    let adjective = ["ic", "ese", "ian", "ean", "ish", "ical"]
        .iter()
        .any(|s| t.text.ends_with(s));
    let next_lower = tokens.get(c.last + 1).is_some_and(|n| {
        n.block == c.block && !n.gap_before && n.text.chars().next().is_some_and(char::is_lowercase)
    });
    c.first == c.last
        && c.hit.is_none()
        && adjective
        && next_lower
        && !GAZETTEER.is_given_name(t.text)
}

fn sub_chunk(tokens: &[Token], chunk: &Chunk, first: usize, last: usize) -> Chunk {
    let span = Span::new(tokens[first].span.start, tokens[last].span.end);
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

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters.len() <= 6
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Scores what the mention's words and immediate neighbours say about its kind.
fn evidence(tokens: &[Token], c: &Chunk, seen_lower: &dyn Fn(&str) -> bool) -> Evidence {
    let mut ev = [0u8; 5];
    if adjective_before_noun(tokens, c) {
        return ev;
    }
    let mut set = |kind: EntityKind, strength: u8| {
        let s = &mut ev[slot(kind)];
        *s = (*s).max(strength);
    };
    let prev = c
        .first
        .checked_sub(1)
        .map(|i| &tokens[i])
        .filter(|p| p.block == c.block && !tokens[c.first].gap_before);
    let after_place_word = prev.is_some_and(|p| lexicon::is_place_preposition(p.text));
    if let Some(entry) = c.hit {
        // A town that is also a common first name ("Troy", "Regina", "Victoria") is only
        // weakly a place, so that a person of that name in the article ("Troy Patterson",
        // "Regina Ip") claims it.
        let text = tokens[c.first].text;
        if entry.kind == EntityKind::Place
            && !entry.major
            && GAZETTEER.is_common_given_name(text)
            && !after_place_word
        {
            set(EntityKind::Place, 2);
            set(EntityKind::Person, 1);
        } else {
            set(entry.kind, 5);
        }
        return ev;
    }
    let words: Vec<&str> = tokens[c.first..=c.last]
        .iter()
        .filter(|t| t.capitalized)
        .map(|t| t.text)
        .collect();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return ev;
    };
    let has_of = tokens[c.first..=c.last].iter().any(|t| t.text == "of");
    let multi = words.len() > 1;
    if multi && lexicon::is_org_tail(last) {
        set(EntityKind::Organization, 4);
    }
    if has_of && (lexicon::is_org_head(first) || lexicon::is_org_tail(first)) {
        set(EntityKind::Organization, 4);
    }
    if multi && lexicon::is_place_tail(last) {
        set(EntityKind::Place, 4);
    }
    if has_of && (lexicon::is_place_head(first) || lexicon::is_place_tail(first)) {
        set(EntityKind::Place, 3);
    }
    if multi && lexicon::is_other_tail(last) {
        set(EntityKind::Other, 4);
    }
    let has_hit = c.hit.is_some();
    let given_first = GAZETTEER.is_given_name(first);
    if multi
        && words.len() <= 3
        && given_first
        && GAZETTEER.is_surname(last)
        && !lexicon::is_org_tail(last)
    {
        set(EntityKind::Person, 4);
    }
    // "Southern Indiana", "South East Asia": compass words before a known place.
    let place_last = GAZETTEER
        .lookup(last)
        .is_some_and(|e| e.kind == EntityKind::Place);
    if multi
        && place_last
        && words[..words.len() - 1]
            .iter()
            .all(|w| lexicon::is_place_head(w))
    {
        set(EntityKind::Place, 4);
    }
    if c.after_title {
        set(EntityKind::Person, 4);
    }
    // Words the article also writes in lower case are common words, not names: "Card Tricks",
    // "Hope". Only names made of words never seen lower case get the weaker person hints.
    let unseen = |w: &&str| !seen_lower(w);
    // "Brooklyn Paper", "Pacific Standard": a known place inside makes a person unlikely.
    let has_place_word = words.iter().any(|w| {
        GAZETTEER
            .lookup(w)
            .is_some_and(|e| e.kind == EntityKind::Place)
            && !GAZETTEER.is_given_name(w)
            && !GAZETTEER.is_surname(w)
    });
    if multi
        && words.len() <= 4
        && GAZETTEER.is_given_name(first)
        && unseen(&last)
        && (GAZETTEER.is_common_given_name(first)
            || GAZETTEER.is_surname(last)
            || !GAZETTEER.is_common_word(last))
        && !has_place_word
    {
        set(EntityKind::Person, 3);
    }
    let _ = has_hit;
    // An acronym the article never writes in lower case most often names an organisation
    // ("NATO", "ANDRILL"); weakly, since "DNA" and "HTML" look the same.
    if !multi
        && first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && is_acronym(first)
        && unseen(&first)
    {
        set(EntityKind::Organization, 1);
    }
    // "R. Saravanan", "J Smith": an initial before a capitalised word.
    let initial = |w: &str| {
        let mut cs = w.trim_end_matches('.').chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    if multi
        && words.len() <= 4
        && initial(first)
        && !lexicon::is_org_tail(last)
        && !lexicon::is_place_tail(last)
    {
        set(EntityKind::Person, 3);
    }
    // "Block Museum of Art", "Einstein Institute of Mathematics": the head stands before "of".
    if let Some(of) = tokens[c.first..=c.last].iter().position(|t| t.text == "of")
        && of > 0
    {
        let head = tokens[c.first + of - 1].text;
        if lexicon::is_org_tail(head) {
            set(EntityKind::Organization, 4);
        } else if lexicon::is_place_tail(head) {
            set(EntityKind::Place, 4);
        }
    }
    let next = tokens.get(c.last + 1).filter(|n| n.block == c.block);
    let speech_after = next.is_some_and(|n| lexicon::is_speech_verb(n.text) && !n.gap_before);
    let speech_before =
        prev.is_some_and(|p| lexicon::is_speech_verb(p.text)) && !tokens[c.first].gap_before;
    if (speech_after || speech_before) && words.len() <= 3 {
        set(EntityKind::Person, 2);
    }
    // A lone word that is also a common word ("Hope", "Rock", "Bailey") is not guessed a
    // person on its own; coreference still joins it to a full name.
    let lone_word = !multi && GAZETTEER.is_common_word(first);
    if !multi && GAZETTEER.is_given_name(first) && unseen(&first) && !lone_word {
        set(EntityKind::Person, 2);
    }
    if words.len() <= 3 && GAZETTEER.is_surname(last) && words.iter().all(unseen) && !lone_word {
        set(EntityKind::Person, if multi { 2 } else { 1 });
    }
    // A lone head word stands for the institution it heads: "the University", "the Council".
    if !multi && lexicon::is_org_head(first) && !GAZETTEER.is_surname(first) {
        set(EntityKind::Organization, 2);
    }
    // "LibriVox", "MicroMega": a capital inside a word marks a brand or an organisation.
    let inner_capital = |w: &str| {
        let rest = w.trim_start_matches("Mc").trim_start_matches("Mac");
        rest.chars()
            .skip(1)
            .zip(rest.chars().skip(2))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
    };
    if !multi && inner_capital(first) {
        set(EntityKind::Organization, 1);
    }
    // "in Whitman's poetry": a possessive after a preposition is no place.
    let possessive = tokens[c.last].possessive;
    if let Some(p) = prev.filter(|_| !possessive) {
        if lexicon::is_place_preposition(p.text) {
            set(EntityKind::Place, 1);
        }
        // "the Onion", "the Press": a definite article before a name of words never written
        // in lower case marks an institution more often than anything else.
        if p.text == "the" && words.iter().all(unseen) && !lexicon::is_other_tail(last) {
            set(EntityKind::Organization, 1);
        }
    }
    ev
}

/// Last-resort guesses for names nothing else spoke for (Mikheev's relaxed rules).
fn relaxed(tokens: &[Token], c: &Chunk, seen_lower: &dyn Fn(&str) -> bool, ev: &mut Evidence) {
    if ev.iter().any(|&s| s > 0) || c.hit.is_some() || adjective_before_noun(tokens, c) {
        return;
    }
    let words: Vec<&str> = tokens[c.first..=c.last]
        .iter()
        .filter(|t| t.capitalized)
        .map(|t| t.text)
        .collect();
    let Some(&first) = words.first() else {
        return;
    };
    let multi = words.len() > 1;
    let unseen = |w: &&str| !seen_lower(w);
    let mut set = |kind: EntityKind, strength: u8| {
        let s = &mut ev[slot(kind)];
        *s = (*s).max(strength);
    };
    // A lone capitalised word mid-sentence that is no English word and never written in lower
    // case is a name ("Gorbachev", "Zogby"); people are the likeliest kind.
    if !multi
        && c.certainty != Certainty::Headline
        && unseen(&first)
        && !GAZETTEER.is_common_word(first)
        && first.chars().skip(1).any(char::is_lowercase)
        && first.chars().all(char::is_alphabetic)
    {
        set(EntityKind::Person, 1);
    }
    // Relaxed: two or three plain capitalised words with nothing else to go on are most often
    // a person's name in news ("Lau Siu-lai", "Thibaut Courtois").
    let plain = |w: &&str| {
        !lexicon::is_org_tail(w)
            && !lexicon::is_place_tail(w)
            && !lexicon::is_other_tail(w)
            && w.chars().skip(1).any(char::is_lowercase)
            && unseen(w)
            && GAZETTEER
                .lookup(w)
                .is_none_or(|_| GAZETTEER.is_given_name(w))
    };
    if multi
        && words.len() <= 3
        && words.len() == c.last - c.first + 1
        && words.iter().all(plain)
        && words.iter().any(|w| !GAZETTEER.is_common_word(w))
    {
        set(EntityKind::Person, 1);
    }
}

/// The kind the evidence favours, or `Other` when nothing speaks for any kind.
pub fn kind_of(ev: &Evidence) -> EntityKind {
    let order = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Other,
    ];
    let mut best = EntityKind::Other;
    let mut strength = 0;
    for kind in order {
        if ev[slot(kind)] > strength {
            best = kind;
            strength = ev[slot(kind)];
        }
    }
    best
}
