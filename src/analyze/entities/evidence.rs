//! What kind a candidate name looks like on its own: the sure-fire evidence (gazetteer, titles,
//! head words), the weaker hints (a preposition, a verb of saying, a first name), and the
//! relaxed last-resort guesses, each scored 0 to 5 per kind.

use super::chunks::{Certainty, Chunk};
use super::gazetteer::{Entry, GAZETTEER};
use super::lexicon::{self, HeadsAndTails, Neighbour};
use super::tokens::Token;
use crate::analyze::EntityKind;
use crate::swar;

/// How strongly a mention's own context says it is of each kind: 0 (nothing) to 5 (gazetteer).
pub type Evidence = [u8; 5];

fn slot(kind: EntityKind) -> usize {
    kind as usize
}

/// `word` with its first letter upper-case and the rest lower-case: "President" for
/// "president" or "PRESIDENT".
pub fn title_case(word: &str) -> TitleCase<'_> {
    // Most words are ASCII: their case is a byte test, with no case tables to consult.
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let first_kept = bytes.first().is_none_or(|b| !b.is_ascii_lowercase());
        if first_kept && !bytes.iter().skip(1).any(u8::is_ascii_uppercase) {
            return TitleCase::Borrowed(word);
        }
        if word.len() <= SHORT {
            let mut short = [0; SHORT];
            short[..word.len()].copy_from_slice(bytes);
            short[..word.len()].make_ascii_lowercase();
            short[0].make_ascii_uppercase();
            return TitleCase::Short {
                bytes: short,
                len: word.len(),
            };
        }
    }
    let mut cs = word.chars();
    let Some(first) = cs.next() else {
        return TitleCase::Borrowed("");
    };
    // Most words asked about are title case already ("President"): no copy for those.
    let single = |mut it: std::char::ToUppercase| it.next().filter(|_| it.next().is_none());
    let first_kept = single(first.to_uppercase()) == Some(first);
    if first_kept
        && cs
            .clone()
            .all(|c| !c.is_uppercase() && c.to_lowercase().eq([c]))
    {
        return TitleCase::Borrowed(word);
    }
    // Short ASCII words, most of the rest ("the", "senator"), are cased without allocating.
    if word.is_ascii() && word.len() <= SHORT {
        let mut bytes = [0; SHORT];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes[..word.len()].make_ascii_lowercase();
        bytes[0].make_ascii_uppercase();
        return TitleCase::Short {
            bytes,
            len: word.len(),
        };
    }
    TitleCase::Owned(
        first
            .to_uppercase()
            .chain(cs.flat_map(char::to_lowercase))
            .collect(),
    )
}

const SHORT: usize = 24;

/// A word in title case: see [`title_case`].
pub enum TitleCase<'a> {
    Borrowed(&'a str),
    /// ASCII, so any prefix is a valid string.
    Short {
        bytes: [u8; SHORT],
        len: usize,
    },
    Owned(String),
}

impl std::ops::Deref for TitleCase<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            TitleCase::Borrowed(word) => word,
            TitleCase::Short { bytes, len } => {
                std::str::from_utf8(&bytes[..*len]).unwrap_or_default()
            }
            TitleCase::Owned(word) => word,
        }
    }
}

/// A capitalised word of a candidate name, and whether the article writes it in lower case
/// too ("Hope" and "hope"), asked once per word.
#[derive(Clone, Copy)]
pub struct NameWord<'t> {
    pub text: &'t str,
    pub seen_lower: bool,
}

/// "Paralympic movement", "Hebrew text": a lone adjective of a people or place before a noun.
fn adjective_before_noun(tokens: &[Token], c: &Chunk) -> bool {
    let t = &tokens[c.first];
    let adjective = || {
        ["ic", "ese", "ian", "ean", "ish", "ical"]
            .iter()
            .any(|s| t.text.ends_with(s))
    };
    let next_lower = || {
        tokens.get(c.last + 1).is_some_and(|n| {
            n.block() == c.block
                && !n.gap_before
                && n.text.chars().next().is_some_and(char::is_lowercase)
        })
    };
    // (The chunk's shape is asked first, the suffixes only of a lone word no gazetteer names:
    // cachegrind, whole CLI on 200 articles, 0.4M instructions fewer.)
    c.first == c.last
        && c.hit.is_none()
        && adjective()
        && next_lower()
        && !t.possessive
        && !GAZETTEER.is_given_name(t.text)
}

/// "Formica fusca", "Beauveria bassiana": a genus before a lower-case word that is no English
/// word is a species name, not a person or an organisation.
pub fn binomial(tokens: &[Token], c: &Chunk) -> bool {
    let next = tokens
        .get(c.last + 1)
        .filter(|n| n.block() == c.block && !n.gap_before);
    c.first == c.last
        && c.hit.is_none()
        && next.is_some_and(|n| {
            is_lower_case(n.text)
                && n.text.chars().count() >= 4
                && !GAZETTEER.is_common_word(n.text)
                && !lexicon::is_connector(n.text)
        })
}

fn is_acronym(word: &str) -> bool {
    let letters = || word.chars().filter(|c| *c != '.');
    (2..=6).contains(&letters().count())
        && letters().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Capitalised words that look like a name but are not one: a lone people's adjective before a
/// noun ("Hellenic polytheism"), an abbreviation written as a word ("PhD", "DNA"). (A genus
/// before its species does name something, so it stays, as "other".)
pub fn not_a_name(tokens: &[Token], c: &Chunk) -> bool {
    adjective_before_noun(tokens, c)
        || (c.first == c.last && lexicon::is_common_acronym(tokens[c.first].text))
}

/// Scores what the mention's words and immediate neighbours say about its kind, the relaxed
/// guesses last. (Not asked of a chunk that is [`not_a_name`] or a genus ([`binomial`]): those
/// have no evidence.)
///
/// `seen_lower` tells whether the article writes token `i`'s word in lower case too; `words`
/// is room for the chunk's capitalised words, kept by the caller from chunk to chunk so that no
/// list is allocated per chunk.
pub fn evidence<'t>(
    tokens: &[Token<'t>],
    c: &Chunk,
    seen_lower: &dyn Fn(usize) -> bool,
    words: &mut Vec<NameWord<'t>>,
) -> Evidence {
    let mut ev = [0u8; 5];
    let mut set = |kind: EntityKind, strength: u8| {
        let s = &mut ev[slot(kind)];
        *s = (*s).max(strength);
    };
    let prev = c
        .first
        .checked_sub(1)
        .map(|i| &tokens[i])
        .filter(|p| p.block() == c.block && !tokens[c.first].gap_before);
    if let Some(entry) = c.hit {
        return known_name_evidence(entry, tokens[c.first].text, c.after_title, prev);
    }
    // The word before, looked up once for the several lists asked about it.
    let before = prev.map_or(Neighbour::default(), |p| lexicon::neighbour(p.text));
    let after_place_word = before.is_place_preposition();
    let of_at = name_words(tokens, c, seen_lower, words);
    let words = &words[..];
    let (Some(&first_word), Some(&last_word)) = (words.first(), words.last()) else {
        return ev;
    };
    let (first, last) = (first_word.text, last_word.text);
    let has_of = of_at.is_some();
    let multi = words.len() > 1;
    // The head and tail lists the first and the last word are in, each looked up once.
    let first_is = lexicon::heads_and_tails(first);
    let last_is = if multi {
        lexicon::heads_and_tails(last)
    } else {
        first_is
    };
    if multi && last_is.has(HeadsAndTails::ORG_TAIL) {
        set(EntityKind::Organization, 4);
    }
    if has_of && first_is.has(HeadsAndTails::ORG_HEAD | HeadsAndTails::ORG_TAIL) {
        set(EntityKind::Organization, 4);
    }
    if multi && first_is.has(HeadsAndTails::FOREIGN_ORG_HEAD) {
        set(EntityKind::Organization, 4);
    }
    if multi && last_is.has(HeadsAndTails::PLACE_TAIL) {
        set(EntityKind::Place, 4);
    }
    if has_of && first_is.has(HeadsAndTails::PLACE_HEAD | HeadsAndTails::PLACE_TAIL) {
        set(EntityKind::Place, 3);
    }
    if multi && last_is.has(HeadsAndTails::OTHER_TAIL) {
        set(EntityKind::Other, 4);
    }
    // "Cyclone Phailin", "Hurricane Katrina", "Space Shuttle Atlantis", "HMS Victory": storms
    // and vessels bear people's names but are neither people nor bodies (the class may
    // come second: "Space Shuttle").
    if multi && (first_is.has(HeadsAndTails::OTHER_HEAD) || lexicon::is_other_head(words[1].text)) {
        set(EntityKind::Other, 5);
    }
    let given_first = GAZETTEER.is_given_name(first);
    if multi
        && words.len() <= 3
        && given_first
        && GAZETTEER.is_surname(last)
        && !last_is.has(HeadsAndTails::ORG_TAIL)
        // "Marc Lamont Hill" is a person, "Ross Sea" a sea: only a common surname outweighs
        // a place's head word.
        && (!last_is.has(HeadsAndTails::PLACE_TAIL) || GAZETTEER.is_common_surname(last))
    {
        set(EntityKind::Person, 4);
    }
    // "Hitwise UK", "Environment Canada", "Team Estonia": a name ending in a country, and not
    // a compass word before it, is that country's branch of something: an organisation.
    // (Only asked of a name of several words.)
    let last_place = multi
        .then(|| GAZETTEER.lookup(last))
        .flatten()
        .filter(|e| e.kind == EntityKind::Place);
    let country_last = last_place.is_some_and(|e| e.major);
    if multi
        && country_last
        && !words[..words.len() - 1]
            .iter()
            .all(|w| lexicon::is_place_head(w.text))
        && !has_of
    {
        set(EntityKind::Organization, 3);
    }
    // "Southern Indiana", "South East Asia": compass words before a known place.
    let place_last = last_place.is_some();
    if multi
        && place_last
        && words[..words.len() - 1]
            .iter()
            .all(|w| lexicon::is_place_head(w.text))
    {
        set(EntityKind::Place, 4);
    }
    if c.after_title {
        set(EntityKind::Person, 4);
    }
    // Words the article also writes in lower case are common words, not names: "Card Tricks",
    // "Hope". Only names made of words never seen lower case get the weaker person hints.
    let unseen = |w: &NameWord| !w.seen_lower;
    // "Brooklyn Paper", "Pacific Standard": a known place inside makes a person unlikely.
    let has_place_word = || {
        words.iter().any(|w| {
            GAZETTEER
                .lookup(w.text)
                .is_some_and(|e| e.kind == EntityKind::Place)
                && !GAZETTEER.is_given_name(w.text)
                && !GAZETTEER.is_surname(w.text)
        })
    };
    if multi
        && words.len() <= 4
        && given_first
        && unseen(&last_word)
        && (GAZETTEER.is_common_given_name(first)
            || GAZETTEER.is_surname(last)
            || !GAZETTEER.is_common_word(last))
        && !has_place_word()
    {
        set(EntityKind::Person, 3);
    }
    // An unknown acronym gets no kind of its own: "NASA" is in the gazetteer, "FEMA" joins the
    // name it abbreviates, and "DNA", "HTML" or "ROV" name no organisation.
    // "R. Saravanan", "J Smith": an initial before a capitalised word.
    let initial = |w: &str| {
        let mut cs = w.trim_end_matches('.').chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    if multi
        && words.len() <= 4
        && initial(first)
        && !last_is.has(HeadsAndTails::ORG_TAIL | HeadsAndTails::PLACE_TAIL)
    {
        set(EntityKind::Person, 3);
    }
    // "Block Museum of Art", "Einstein Institute of Mathematics": the head stands before "of".
    if let Some(of) = of_at
        && of > 0
    {
        let head_is = lexicon::heads_and_tails(tokens[c.first + of - 1].text);
        if head_is.has(HeadsAndTails::ORG_TAIL) {
            set(EntityKind::Organization, 4);
        } else if head_is.has(HeadsAndTails::PLACE_TAIL) {
            set(EntityKind::Place, 4);
        }
    }
    let next = tokens.get(c.last + 1).filter(|n| n.block() == c.block);
    // The words the rules below ask the word before to be, each asked once.
    let after_the = prev.is_some_and(|p| p.text == "the");
    let after_of = prev.is_some_and(|p| p.text == "of");
    // "the West", "the South": a compass word alone after "the" names a region.
    if !multi && after_the && is_compass_word(first) {
        set(EntityKind::Place, 3);
    }
    // "the band Duran Duran", "the religious schools Santo Spirito and Immacolata": a name in
    // apposition to a noun of institutions is one. (The nouns are in lower case, so the word
    // before is.)
    if before.is_org_noun_or_plural() {
        set(EntityKind::Organization, 4);
    }
    if multi && first_is.has(HeadsAndTails::FOREIGN_PLACE_HEAD) {
        set(EntityKind::Place, 4);
    }
    // "the town of Yeoncheon", "the province of Aceh": a sure-fire place context.
    // ("a state of Peace and Security" is no place.)
    let place_noun_of = after_of
        && c.first >= 3
        && tokens[c.first - 3].block() == c.block
        && !tokens[c.first - 1].gap_before
        && lexicon::is_place_noun(tokens[c.first - 2].text)
        && tokens[c.first - 3].text.eq_ignore_ascii_case("the");
    if place_noun_of {
        set(EntityKind::Place, 4);
    }
    // "Yonhap news agency", "the Zeitgeist party": a lower-case noun of institutions right
    // after the name says what it names.
    let in_run = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.block() == c.block && !t.gap_before)
    };
    // The word after, looked up once for the several lists asked about it.
    let after = next.map_or(Neighbour::default(), |n| lexicon::neighbour(n.text));
    // (The noun two words on is asked first: it is seldom there, and cheaper to look up than
    // whether the word between is a common word. 200 articles: 10.4k common-word questions
    // from here down to 5.5k, cachegrind 0.3M instruction-equivalents fewer in all. The nouns
    // are in lower case, so a word found among them is, and is not asked again.)
    let org_noun_after = !tokens[c.last].possessive
        && in_run(c.last + 1).is_some_and(|n| {
            after.is_org_noun()
                || (in_run(c.last + 2).is_some_and(|m| lexicon::is_org_noun(m.text))
                    && is_lower_case(n.text)
                    && GAZETTEER.is_common_word(n.text)
                    && !after
                        .is_function_word_once_capitalised(n.text)
                        .unwrap_or_else(|| lexicon::is_function_word(&title_case(n.text))))
        });
    if org_noun_after {
        set(EntityKind::Organization, 3);
    }
    // A role in lower case before the name: "biologist Nick Bos", "said senator Smith".
    if prev.is_some_and(|p| titles_a_name(p.text, before)) {
        set(EntityKind::Person, 3);
    }
    // Appositions that only people take: "Thomas Sam, 42,", "Bos, who".
    // ("critics of Scientology, who" speaks of the critics.)
    if let Some(n) = next.filter(|n| n.gap_before && !after_of) {
        let after_number = tokens
            .get(c.last + 2)
            .is_some_and(|a| a.block() == c.block && a.gap_before);
        let age = n.text.len() == 2 && n.text.chars().all(|ch| ch.is_ascii_digit()) && after_number;
        if age || n.text == "who" {
            set(EntityKind::Person, 3);
        }
    }
    let speech_after = next.is_some_and(|n| after.is_speech_verb() && !n.gap_before);
    // "said Smith" names the speaker; "told Reuters", "asked the BBC" name the listener.
    let speech_before = prev
        .is_some_and(|p| before.is_speech_verb() && !matches!(p.text, "told" | "tells" | "asked"))
        && !tokens[c.first].gap_before;
    if (speech_after || speech_before) && words.len() <= 3 {
        set(EntityKind::Person, 2);
    }
    // A lone word that is also a common word ("Hope", "Rock", "Bailey") is not guessed a
    // person on its own; coreference still joins it to a full name.
    let lone_word = || !multi && GAZETTEER.is_common_word(first);
    if !multi && given_first && unseen(&first_word) && !lone_word() {
        set(EntityKind::Person, 2);
    }
    // "Environment Canada": a country last is no surname ("Canada" is one in the census).
    if words.len() <= 3
        && GAZETTEER.is_surname(last)
        && words.iter().all(unseen)
        && !lone_word()
        && !(multi && country_last)
    {
        set(EntityKind::Person, if multi { 2 } else { 1 });
    }
    // A lone head word stands for the institution it heads: "the University", "the Council".
    if !multi && first_is.has(HeadsAndTails::ORG_HEAD) {
        set(EntityKind::Organization, 2);
    }
    // "Secunia.com", "Metro.us": a web domain names the site's owner.
    if !multi && is_domain(first) {
        set(EntityKind::Organization, 2);
    }
    // "LibriVox", "MicroMega": a capital inside a word marks a brand or an organisation.
    let inner_capital = |w: &str| {
        // "eHow", "wikiHow": lower case first, a capital inside.
        // ("al-Assad", "d'Ettorre" are particles before a name.)
        if w.starts_with(char::is_lowercase) {
            return w.chars().all(char::is_alphanumeric) && w.chars().any(char::is_uppercase);
        }
        let mut rest = without_leading(without_leading(w, "Mc"), "Mac").chars();
        rest.next();
        lower_before_capital(rest.as_str())
    };
    if !multi && inner_capital(first) {
        set(EntityKind::Organization, 1);
    }
    // "Wikinews", "Quantcast", "Crunchbase": one word closed on a media or trade word names a
    // site, a service or a company, never a person.
    if !multi && lexicon::has_brand_tail(first) && !GAZETTEER.is_common_word(first) {
        set(EntityKind::Organization, 3);
    }
    // "Frederick Fung of ADPL", "the secretary general of CEI": an acronym after "of" names the
    // body someone belongs to.
    let member_of = after_of
        && c.first >= 2
        && tokens[c.first - 2].block() == c.block
        && !tokens[c.first - 1].gap_before
        && ((tokens[c.first - 2].capitalized && !tokens[c.first - 2].initial)
            || lexicon::is_title(&title_case(tokens[c.first - 2].text)));
    if !multi && member_of && is_acronym(first) && !first.contains('.') {
        set(EntityKind::Organization, 2);
    }
    // "Nick Rhodes of Duran Duran", "Nathan Law of Demosisto": a name after a person's full
    // name and "of" is the body the person belongs to (a home town would be a known place, or
    // be followed by its state: "of Kanata, Ontario").
    let plain_name = |t: &Token| {
        t.capitalized
            && !t.initial
            && !t.headline
            && !lexicon::is_function_word(t.text)
            && !lexicon::is_org_tail(t.text)
            && !lexicon::is_place_tail(t.text)
            && !lexicon::is_title(t.text)
    };
    let person_of = after_of
        && c.first >= 3
        && tokens[c.first - 3].block() == c.block
        && !tokens[c.first - 1].gap_before
        && !tokens[c.first - 2].gap_before
        && plain_name(&tokens[c.first - 2])
        && (plain_name(&tokens[c.first - 3]) || tokens[c.first - 3].initial)
        && tokens[c.first - 3].capitalized;
    let hometown = || {
        next.is_some_and(|n| n.gap_before && n.capitalized)
            && text_is_comma_place(tokens, c.last + 1)
    };
    if person_of && !hometown() && !last_is.has(HeadsAndTails::OTHER_TAIL) {
        set(EntityKind::Organization, 3);
    }
    // "Youngspiration's Baggio Leung", "Demosisto's Nathan Law": a name in the possessive
    // right before a person's name is the body the person belongs to.
    let before_person = tokens[c.last].possessive
        && tokens.get(c.last + 1).is_some_and(|n| {
            n.block() == c.block
                && !n.gap_before
                && n.capitalized
                && !n.headline
                && tokens.get(c.last + 2).is_some_and(|m| {
                    m.block() == c.block
                        && !m.gap_before
                        && m.capitalized
                        && !lexicon::heads_and_tails(m.text).has(HeadsAndTails::TAIL)
                        && !GAZETTEER.is_common_word(m.text)
                })
                && (GAZETTEER.is_given_name(n.text) || !GAZETTEER.is_common_word(n.text))
        });
    let personal = || given_first || GAZETTEER.is_surname(first);
    if before_person && !multi && !personal() {
        set(EntityKind::Organization, 2);
    }
    // "in Whitman's poetry": a possessive after a preposition is no place.
    let possessive = tokens[c.last].possessive;
    // "the Onion", "the Press", "the Smithsonian's museum": a definite article before a name of
    // words never written in lower case marks an institution more often than anything else (a
    // person's name takes no article, possessive or not).
    if after_the
        && words.iter().all(unseen)
        && !last_is.has(HeadsAndTails::OTHER_TAIL)
        // "the Internet" is a thing; "the Cardinals", "the Gliders" are teams.
        && (multi || !GAZETTEER.is_common_word(first) || (!possessive && first.ends_with('s')))
    {
        set(EntityKind::Organization, 1);
    }
    // "in Kanata" is a place; "in Linguistics", "in Educational Leadership" are fields.
    if !possessive && after_place_word && words.iter().any(|w| !GAZETTEER.is_common_word(w.text)) {
        set(EntityKind::Place, 1);
    }
    relaxed(tokens, c, words, &mut ev);
    ev
}

/// Puts the capitalised words of chunk `c` in `words` (`seen_lower` as for [`evidence`]), and
/// tells where in the chunk "of" stands, if it does, for the rules that ask: one walk over the
/// chunk's tokens for both. (cachegrind, whole CLI on 200 articles: a walk for each cost 0.1M
/// instructions and 3k mispredicted branches more, about 0.2M instruction-equivalents.)
fn name_words<'t>(
    tokens: &[Token<'t>],
    c: &Chunk,
    seen_lower: &dyn Fn(usize) -> bool,
    words: &mut Vec<NameWord<'t>>,
) -> Option<usize> {
    words.clear();
    let mut of_at = None;
    for (at, t) in tokens[c.first..=c.last].iter().enumerate() {
        if t.capitalized {
            words.push(NameWord {
                text: t.text,
                seen_lower: seen_lower(c.first + at),
            });
        }
        if of_at.is_none() && t.text == "of" {
            of_at = Some(at);
        }
    }
    of_at
}

/// The evidence for a name the gazetteer knows (`text`, its first word, after `prev`; right
/// after a title or role when `after_title`): its kind, surely, but for a town's name. Only a
/// town's name asks about the word before (cachegrind, whole CLI on 200 articles: 0.5M
/// instructions fewer than looking that word up for every gazetteer name).
fn known_name_evidence(
    entry: Entry,
    text: &str,
    after_title: bool,
    prev: Option<&Token>,
) -> Evidence {
    let mut ev = [0u8; 5];
    if entry.kind != EntityKind::Place || entry.major {
        ev[slot(entry.kind)] = 5;
        return ev;
    }
    let before = prev.map_or(Neighbour::default(), |p| lexicon::neighbour(p.text));
    // "councillor Wilson Or", "President Lincoln": a town's name after a title is a person's.
    let titled = after_title || prev.is_some_and(|p| titles_a_name(p.text, before));
    // A town that is also a common first name ("Troy", "Regina", "Victoria") is only weakly a
    // place, so that a person of that name in the article ("Troy Patterson", "Regina Ip")
    // claims it.
    if titled {
        ev[slot(EntityKind::Person)] = 4;
        ev[slot(EntityKind::Place)] = 2;
    } else if GAZETTEER.is_common_given_name(text) && !before.is_place_preposition() {
        ev[slot(EntityKind::Place)] = 2;
        ev[slot(EntityKind::Person)] = 1;
    } else {
        ev[slot(EntityKind::Place)] = 5;
    }
    ev
}

/// Whether `word`, in lower case before a name, is a title or a role that introduces the name:
/// "president", "biologist". `is` are the lists it is in.
fn titles_a_name(word: &str, is: Neighbour) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
        && (is.is_role()
            || is
                .is_title_once_capitalised(word)
                .unwrap_or_else(|| lexicon::is_title(&title_case(word))))
}

/// `word` with every leading copy of `prefix` removed, as `trim_start_matches` does (which
/// builds a substring searcher per call: this is asked of every lone name).
fn without_leading<'w>(mut word: &'w str, prefix: &str) -> &'w str {
    while let Some(rest) = word.strip_prefix(prefix) {
        word = rest;
    }
    word
}

/// Whether `word` is a web domain: a name, a period, and two to four ASCII lower-case letters.
fn is_domain(word: &str) -> bool {
    domain_period(word.as_bytes()).is_some()
}

/// Where the period of a web domain's name and ending is in `word` (the name before it, two
/// to four ASCII lower-case letters after it): "CBC.ca" has it at 3.
pub(super) fn domain_period(word: &[u8]) -> Option<usize> {
    // The period is looked for among the last five bytes only (cachegrind, whole CLI on 200
    // articles: a search of the whole word from its end, `rsplit_once`, cost 1.3M
    // instruction-equivalents more).
    let tail = word.len().saturating_sub(5);
    let at = tail + word[tail..].iter().rposition(|&b| b == b'.')?;
    let ending = &word[at + 1..];
    (at > 0 && ending.len() >= 2 && ending.iter().all(u8::is_ascii_lowercase)).then_some(at)
}

/// "North", "Southwest", "Midwest": a compass word, which alone after "the" names a region.
fn is_compass_word(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Midwest"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
    )
}

/// Whether a lower-case letter stands right before a capital somewhere in `word`: "LibriVox".
fn lower_before_capital(word: &str) -> bool {
    // Most words are ASCII and most of eight bytes or fewer: eight bytes are tested at once,
    // each capital against the byte before it by a shift, and eights that start seven bytes
    // apart (the last ending with the word) hold every two neighbouring bytes. (cachegrind,
    // whole CLI on 200 articles: a comparison of each two characters in turn cost 1.1M
    // instruction-equivalents, 10k mispredicted branches.)
    let bytes = word.as_bytes();
    let eights = (0..bytes.len().saturating_sub(8))
        .step_by(7)
        .chain([bytes.len().saturating_sub(8)]);
    let mut found = false;
    for start in eights {
        let eight = swar::eight_from(&bytes[start..], b' ');
        if eight & swar::HIGH != 0 {
            return lower_before_capital_by_chars(word);
        }
        let lower = swar::in_range(eight, b'a', b'z');
        found |= (lower << 8) & swar::in_range(eight, b'A', b'Z') != 0;
    }
    found
}

/// [`lower_before_capital`] one character after another.
fn lower_before_capital_by_chars(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// Whether `word` is made of lower-case letters only.
pub(super) fn is_lower_case(word: &str) -> bool {
    word.chars().all(char::is_lowercase)
}

/// Whether token `i` is a known place (a town's state or country after a comma).
fn text_is_comma_place(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        GAZETTEER
            .lookup(t.text)
            .is_some_and(|e| e.kind == EntityKind::Place)
    })
}

/// "a Zogby poll", "the Ubisoft booth": a name used to qualify the noun after it is seldom a
/// person's. A verb after it ("Gorbachev was", "Obama signed") says nothing of the kind.
fn attributive(tokens: &[Token], c: &Chunk) -> bool {
    tokens
        .get(c.last + 1)
        .filter(|n| n.block() == c.block && !n.gap_before && !tokens[c.last].possessive)
        .is_some_and(|n| {
            is_lower_case(n.text)
                && !lexicon::follows_a_subject(n.text)
                && !n.text.ends_with("ed")
                && !n.text.ends_with('s')
        })
}

/// Last-resort guesses for names nothing else spoke for (Mikheev's relaxed rules); `words` are
/// the chunk's capitalised words.
fn relaxed(tokens: &[Token], c: &Chunk, words: &[NameWord], ev: &mut Evidence) {
    if *ev != [0; 5] || c.hit.is_some() {
        return;
    }
    let Some(&first_word) = words.first() else {
        return;
    };
    let first = first_word.text;
    let multi = words.len() > 1;
    let unseen = |w: &NameWord| !w.seen_lower;
    let mut set = |kind: EntityKind, strength: u8| {
        let s = &mut ev[slot(kind)];
        *s = (*s).max(strength);
    };
    // A lone capitalised word mid-sentence that is no English word and never written in lower
    // case is a name ("Gorbachev", "Zogby"); people are the likeliest kind.
    if !multi
        && c.certainty != Certainty::Headline
        && unseen(&first_word)
        && !GAZETTEER.is_common_word(first)
        && first.chars().skip(1).any(char::is_lowercase)
        && first.chars().all(char::is_alphabetic)
        // "CDs", "MPs": plural acronyms are things or roles.
        && !is_acronym(first.trim_end_matches('s'))
    {
        // Used to qualify a noun it more likely names a maker, a medium or a body.
        // Across mentions the qualifying use wins: a person's name seldom qualifies a noun
        // ("a Wikinews reporter" vs "Wikinews interviewed").
        if attributive(tokens, c) {
            set(EntityKind::Organization, 2);
        } else {
            set(EntityKind::Person, 1);
        }
    }
    // Relaxed: two or three plain capitalised words with nothing else to go on are most often
    // a person's name in news ("Lau Siu-lai", "Thibaut Courtois").
    let plain = |w: &NameWord| {
        !lexicon::heads_and_tails(w.text).has(HeadsAndTails::TAIL)
            && w.text.chars().skip(1).any(char::is_lowercase)
            && unseen(w)
            && GAZETTEER
                .lookup(w.text)
                .is_none_or(|_| GAZETTEER.is_given_name(w.text))
    };
    if multi
        && words.len() <= 3
        && words.len() == c.last - c.first + 1
        && words.iter().all(plain)
        && words.iter().any(|w| !GAZETTEER.is_common_word(w.text))
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

#[cfg(test)]
mod tests {
    use super::{is_domain, lower_before_capital, lower_before_capital_by_chars, title_case};
    use proptest::prelude::*;

    /// The first letter in upper case, the rest in lower case, spelled out.
    fn reference_title_case(word: &str) -> String {
        let mut cs = word.chars();
        cs.next()
            .map(|first| {
                first
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// [`is_domain`] as first written: the word split at its last period.
    fn is_domain_by_split(word: &str) -> bool {
        word.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|ch| ch.is_ascii_lowercase())
        })
    }

    proptest! {
        #[test]
        fn is_domain_matches_its_reference(word in "[a-zA-Z.é]{0,10}") {
            prop_assert_eq!(is_domain(&word), is_domain_by_split(&word));
        }

        #[test]
        fn lower_before_capital_matches_its_reference(
            word in "[a-zA-Z .'İıßéǅ]{0,20}|[ -~]{0,20}"
        ) {
            prop_assert_eq!(lower_before_capital(&word), lower_before_capital_by_chars(&word));
        }

        #[test]
        fn title_case_matches_its_reference(word in "[a-zA-Z .'İıßé]{0,30}|[ -~]{0,30}") {
            prop_assert_eq!(&*title_case(&word), reference_title_case(&word));
        }
    }
}
