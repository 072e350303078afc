//! From a reporting cue to a speaker: find the words naming who speaks, then the entity one of
//! whose mentions overlaps them.

use super::Paragraph;
use super::lexicon::{self, Gender};
use crate::analyze::text::{Word, words};
use crate::analyze::{Entity, EntityKind};
use crate::span::Span;
use std::cell::OnceCell;

/// Where a quotation's speaker is named. Word indices and spans are relative to the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The subject stands before reporting verb `verb`, after `segment_start`: "Sheinbaum, the
    /// president, said".
    Before { verb: usize, segment_start: usize },
    /// The subject follows the verb right after the quotation: ""...," said Sheinbaum".
    Inverted { verb: usize, region_end: usize },
    /// "according to X", "in the words of X": the speaker is named in `region`.
    According { region: Span },
    /// ""..." — Matthew Ingram".
    Dash { region: Span },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Entity(usize),
    /// A speaker is named but is no known entity ("one poster wrote").
    Unknown,
    /// "it added", ", and said": the speaker of the quotation before.
    Inherit,
}

/// The entities' mentions in text order, for overlap and "latest person" look-ups.
pub struct Mentions<'e> {
    /// (span, entity index, kind), sorted by span start.
    list: Vec<(Span, usize, EntityKind)>,
    entities: &'e [Entity],
    /// Each entity's sex as its given name tells it, looked up when a pronoun first asks:
    /// most articles resolve few pronouns or none.
    genders: Vec<OnceCell<Option<Gender>>>,
    /// In an interview, the person interviewed: the "I" and "we" of its answers.
    pub interviewee: Option<usize>,
}

/// How many person mentions a pronoun looks back over for one of its sex.
const PRONOUN_LOOKBACK: usize = 64;

/// Mentions longer than this are not looked for behind a span's start.
const LONGEST_MENTION: usize = 256;

impl<'e> Mentions<'e> {
    pub fn new(entities: &'e [Entity]) -> Self {
        Mentions {
            list: mentions_in_text_order(entities),
            entities,
            genders: vec![OnceCell::new(); entities.len()],
            interviewee: None,
        }
    }

    /// "I said", "we told them": in an interview, the person interviewed.
    fn first_person_speaker(&self, head: &str) -> Option<Resolution> {
        let first_person = head == "I" || head.eq_ignore_ascii_case("we");
        first_person
            .then_some(self.interviewee)
            .flatten()
            .map(Resolution::Entity)
    }

    /// Whether entity `e` may be the one a pronoun of sex `want` refers to.
    fn fits(&self, e: usize, want: Option<Gender>) -> bool {
        match (want, self.gender(e)) {
            (Some(w), Some(g)) => w == g,
            _ => true,
        }
    }

    /// The sex of person `e` as their given name tells it.
    fn gender(&self, e: usize) -> Option<Gender> {
        let (entity, gender) = (self.entities.get(e)?, self.genders.get(e)?);
        *gender.get_or_init(|| {
            (entity.kind == EntityKind::Person)
                .then(|| lexicon::gender_of_name(&entity.name))
                .flatten()
        })
    }

    /// Mentions overlapping `span`, in text order.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = (Span, usize, EntityKind)> + '_ {
        let from = span.start.saturating_sub(LONGEST_MENTION);
        let first = self.list.partition_point(|(s, _, _)| s.start < from);
        self.list[first..]
            .iter()
            .take_while(move |(s, _, _)| s.start < span.end)
            .filter(move |(s, _, _)| s.overlaps(span))
            .copied()
    }

    /// The first person mentioned in `span`, else the first entity of any kind.
    pub fn first_in(&self, span: Span) -> Option<usize> {
        self.overlapping(span)
            .find(|m| m.2 == EntityKind::Person)
            .or_else(|| self.overlapping(span).next())
            .map(|m| m.1)
    }

    /// The first person mentioned in `span`.
    pub fn first_person_in(&self, span: Span) -> Option<usize> {
        self.overlapping(span)
            .find(|m| m.2 == EntityKind::Person)
            .map(|m| m.1)
    }

    /// The last person mentioned in `span`, else the last entity of any kind: the head of a noun
    /// phrase such as "Secretary of State Marco Rubio" comes last.
    fn last_in(&self, span: Span) -> Option<usize> {
        self.overlapping(span)
            .filter(|m| m.2 == EntityKind::Person)
            .last()
            .or_else(|| self.overlapping(span).last())
            .map(|m| m.1)
    }

    /// Whether anything is mentioned in `span`.
    pub fn any_in(&self, span: Span) -> bool {
        self.overlapping(span).next().is_some()
    }

    /// Whether a person is mentioned in `span`.
    pub fn has_person_in(&self, span: Span) -> bool {
        self.overlapping(span).any(|m| m.2 == EntityKind::Person)
    }

    /// The span of the last mention starting before byte `at` of a person of sex `want`
    /// (or of unknown sex).
    ///
    /// Only pronouns ask (over c200, 47 in all), so the mentions are walked back from `at`
    /// rather than a list of the latest person at each mention made for every article.
    fn latest_person_mention_before(&self, at: usize, want: Option<Gender>) -> Option<Span> {
        let i = self.list.partition_point(|(s, _, _)| s.start < at);
        self.list[..i]
            .iter()
            .rev()
            .filter(|m| m.2 == EntityKind::Person)
            .take(PRONOUN_LOOKBACK)
            .find(|m| self.fits(m.1, want))
            .map(|m| m.0)
    }

    /// The first person of sex `want` (or unknown) mentioned from byte `from` up to and
    /// including the mention `until`.
    fn first_person_from(&self, from: usize, until: Span, want: Option<Gender>) -> Option<usize> {
        self.overlapping(Span::new(from, until.end))
            .find(|m| m.2 == EntityKind::Person && m.0.start >= from && self.fits(m.1, want))
            .map(|m| m.1)
    }

    /// Person mentions before byte `at` and from byte `floor` on, latest first.
    pub fn persons_before(&self, at: usize, floor: usize) -> impl Iterator<Item = (Span, usize)> {
        let i = self.list.partition_point(|(s, _, _)| s.start < at);
        self.list[..i]
            .iter()
            .rev()
            .take_while(move |m| m.0.start >= floor)
            .filter(|m| m.2 == EntityKind::Person)
            .map(|m| (m.0, m.1))
    }
}

/// Every entity's mentions as (span, entity index, kind), sorted by span and then entity.
///
/// Sorted as packed numbers ([`text_order_key`]) when every mention fits one, as nearly all do:
/// comparing one number instead of a span and an index cut quotes over c200 from 32.6M to 31.5M
/// instruction-equivalents (cachegrind: 20.9M -> 20.1M instructions, 215k -> 209k mispredicts).
/// Sorting the tuples unstably gained nothing.
fn mentions_in_text_order(entities: &[Entity]) -> Vec<(Span, usize, EntityKind)> {
    let count = entities.iter().map(|e| e.mentions.len()).sum();
    let mut keys = Vec::with_capacity(count);
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            let Some(key) = text_order_key(m.span, i) else {
                return mentions_sorted_by_tuple(entities, count);
            };
            keys.push(key);
        }
    }
    keys.sort_unstable();
    keys.into_iter()
        .map(|key| {
            let (span, i) = from_text_order_key(key);
            (span, i, entities[i].kind)
        })
        .collect()
}

/// [`mentions_in_text_order`] for mentions that do not fit a key: far into a huge text, longer
/// than 64 KiB, or of an entity past the 65,536th.
fn mentions_sorted_by_tuple(entities: &[Entity], count: usize) -> Vec<(Span, usize, EntityKind)> {
    // Filled entity by entity into room for all: collecting a `flat_map` cannot know its length
    // and grows the list step by step.
    let mut list = Vec::with_capacity(count);
    for (i, e) in entities.iter().enumerate() {
        list.extend(e.mentions.iter().map(|m| (m.span, i, e.kind)));
    }
    list.sort_by_key(|&(span, i, _)| (span, i));
    list
}

/// A mention of entity `entity` at `span` as one number that orders as (span, entity) does: the
/// start in the high 32 bits, then the length in 16 and the entity in 16. `None` when a part does
/// not fit.
fn text_order_key(span: Span, entity: usize) -> Option<u64> {
    let start = u32::try_from(span.start).ok()?;
    let len = u16::try_from(span.end.checked_sub(span.start)?).ok()?;
    let entity = u16::try_from(entity).ok()?;
    Some((u64::from(start) << 32) | (u64::from(len) << 16) | u64::from(entity))
}

/// The span and entity a [`text_order_key`] was made from.
fn from_text_order_key(key: u64) -> (Span, usize) {
    let start = (key >> 32) as usize;
    let len = (key >> 16) as u16 as usize;
    let entity = key as u16 as usize;
    (Span::new(start, start + len), entity)
}

/// How far back a coordinated verb ("X said ..., and said") looks for its subject's verb.
const COORDINATION_WINDOW: usize = 40;

/// Resolves a cue of paragraph `para` to a speaker.
pub fn resolve(para: &Paragraph, cue: &Cue, mentions: &Mentions) -> Resolution {
    match *cue {
        Cue::Before {
            verb,
            segment_start,
        } => subject_before(para, verb, segment_start, mentions, true),
        Cue::Inverted { verb, region_end } => subject_after(para, verb, region_end, mentions),
        Cue::According { region } | Cue::Dash { region } => {
            match mentions.first_in(para.abs(region)) {
                Some(e) => Resolution::Entity(e),
                None => Resolution::Unknown,
            }
        }
    }
}

/// The subject of verb `verb`: the noun phrase ending just before it (past auxiliaries such as
/// "has also", and past a comma-enclosed apposition such as ", the president,"), starting after
/// the last clause boundary.
fn subject_before(
    para: &Paragraph,
    verb: usize,
    segment_start: usize,
    mentions: &Mentions,
    may_coordinate: bool,
) -> Resolution {
    let words = &para.words;
    let first = para.word_index_at(segment_start);
    let mut end = verb;
    // "Cooper said ... "for months", and said": a conjunction right before the verb chain.
    while end > first
        && (lexicon::is_auxiliary(words[end - 1].text)
            || matches!(words[end - 1].text, "and" | "but" | "or"))
    {
        end -= 1;
    }
    if end == first && may_coordinate {
        // "X said ... "...", and said "..."": the subject of the verb coordinated before.
        let sentence = para.sentence_start(words[verb].span.start);
        let earlier = (0..first)
            .rev()
            .take_while(|&i| words[i].span.start >= sentence)
            .take(COORDINATION_WINDOW)
            .find(|&i| {
                lexicon::is_reporting_verb(words[i].text) && !para.inside_marks(words[i].span.start)
            });
        return match earlier {
            // One step back only: a chain of empty subjects is no coordination.
            Some(i) => subject_before(para, i, para.segment_start(i), mentions, false),
            None => Resolution::Inherit,
        };
    }
    if end == first {
        return Resolution::Inherit;
    }
    let verb_start = words[verb].span.start;
    let mut np_end_word = end - 1;
    if para.text[words[np_end_word].span.end..verb_start].contains(',') {
        // "X, the president, said": the subject is the comma-separated piece before the
        // apposition; the apposition may hold commas itself ("curator at the University of
        // Arkansas, Fayetteville,"), so the nearest piece naming a person wins.
        let commas: Vec<usize> = (first..np_end_word)
            .filter(|&j| gap(para, j).contains(','))
            .collect();
        let piece = |k: usize| {
            let start = if k == 0 { first } else { commas[k - 1] + 1 };
            (start, commas[k])
        };
        let with_person = (0..commas.len()).rev().map(piece).find(|&(a, b)| {
            let span = Span::new(words[a].span.start, words[b].span.end);
            mentions.has_person_in(para.abs(span))
        });
        if let Some((_, b)) = with_person {
            np_end_word = b;
        } else if let Some(&j) = commas.last() {
            np_end_word = j;
        }
    }
    let mut np_start_word = np_end_word;
    while np_start_word > first {
        let prev = np_start_word - 1;
        // "and" joins clauses, but not inside a name: "The Globe and Mail".
        let inside_name = matches!(words[prev].text, "and" | "&")
            && prev > first
            && words[prev - 1].is_capitalized()
            && words[prev + 1].is_capitalized();
        if (lexicon::is_clause_word(words[prev].text) && !inside_name)
            || gap(para, prev).contains([',', ';', ':', '(', ')', '—', '–'])
        {
            break;
        }
        np_start_word = prev;
    }
    // The head of the subject comes before a preposition when a common noun ("a letter seen by
    // Sky News says") or a name ("Matthew Ingram of The Globe and Mail wrote") precedes it; in
    // "Secretary of State Marco Rubio said" it comes after.
    if let Some(k) = (np_start_word + 1..=np_end_word).find(|&k| {
        lexicon::is_preposition(words[k].text)
            && (!words[k - 1].is_capitalized()
                || mentions.any_in(para.abs(Span::new(
                    words[np_start_word].span.start,
                    words[k - 1].span.end,
                ))))
    }) {
        np_end_word = k - 1;
    }
    let np = Span::new(words[np_start_word].span.start, words[np_end_word].span.end);
    if let Some(e) = mentions.last_in(para.abs(np)) {
        return Resolution::Entity(e);
    }
    let head = words[np_end_word].text;
    if np_start_word == np_end_word {
        if let Some(speaker) = mentions.first_person_speaker(head) {
            return speaker;
        }
        if lexicon::is_person_pronoun(head) {
            return pronoun(para, np.start, head, mentions);
        }
        if lexicon::is_other_pronoun(head) {
            return Resolution::Inherit;
        }
    }
    role(para, &words[np_start_word..=np_end_word], mentions).unwrap_or(Resolution::Unknown)
}

/// "the minister said": the person last introduced with that role, as a title right before the
/// name ("Environment Minister John Baird") or in an apposition right after it ("Jan Smit, the
/// party's treasurer,"). Only "the" and one or two lower-case words qualify.
fn role(para: &Paragraph, np: &[Word], mentions: &Mentions) -> Option<Resolution> {
    const APPOSITION_WORDS: usize = 4;
    const MAX_CANDIDATES: usize = 200;
    const WINDOW: usize = 60;
    let (first, rest) = np.split_first()?;
    if !first.text.eq_ignore_ascii_case("the")
        || rest.is_empty()
        || rest.len() > 2
        || rest.iter().any(|w| w.is_capitalized())
    {
        return None;
    }
    let head = rest.last()?.text;
    let is_head = |w: &Word| w.text.eq_ignore_ascii_case(head);
    // A text without the head's bytes (ASCII case aside) has no word equal to it: most texts
    // around the candidates are passed over without splitting them into words.
    let may_hold_head = |text: &str| {
        text.as_bytes()
            .windows(head.len())
            .any(|w| w.eq_ignore_ascii_case(head.as_bytes()))
    };
    let full = para.full;
    mentions
        .persons_before(para.base + first.span.start, 0)
        .take(MAX_CANDIDATES)
        .find(|(span, _)| {
            let before = &full[floor_boundary(full, span.start.saturating_sub(WINDOW))..span.start];
            let after = &full[span.end..ceil_boundary(full, span.end + WINDOW)];
            let name = span.of(full);
            let title = (may_hold_head(name) && words(name).iter().any(is_head))
                || (before.ends_with(' ')
                    && may_hold_head(before)
                    && words(before).last().is_some_and(is_head));
            let apposition = after.starts_with(',') && {
                let clause = after[1..].split([',', '.', ';']).next().unwrap_or("");
                may_hold_head(clause) && words(clause).iter().take(APPOSITION_WORDS).any(is_head)
            };
            title || apposition
        })
        .map(|(_, e)| Resolution::Entity(e))
}

/// The char boundary at or before byte `at` (`str::floor_char_boundary` needs a newer Rust).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary at or after byte `at`, at most the text's end.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The subject after verb `verb` in "said Bolden to the crowd": the first entity in the next
/// few words, up to punctuation.
fn subject_after(
    para: &Paragraph,
    verb: usize,
    region_end: usize,
    mentions: &Mentions,
) -> Resolution {
    const MAX_WORDS: usize = 6;
    let words = &para.words;
    let first = verb + 1;
    let Some(head) = words.get(first).filter(|w| w.span.start < region_end) else {
        return Resolution::Unknown;
    };
    if let Some(speaker) = mentions.first_person_speaker(head.text) {
        return speaker;
    }
    if lexicon::is_person_pronoun(head.text) {
        return pronoun(para, head.span.start, head.text, mentions);
    }
    if lexicon::is_other_pronoun(head.text) {
        return Resolution::Inherit;
    }
    let mut last = first;
    while last + 1 < words.len()
        && last + 1 - first < MAX_WORDS
        && words[last + 1].span.start < region_end
        && !gap(para, last).contains([',', ';', ':', '.', '(', '—', '–'])
    {
        last += 1;
    }
    let region = Span::new(head.span.start, words[last].span.end);
    match mentions.first_in(para.abs(region)) {
        Some(e) => Resolution::Entity(e),
        // "said the minister": the role is the noun phrase's first words.
        None => {
            role(para, &words[first..=last.min(first + 2)], mentions).unwrap_or(Resolution::Unknown)
        }
    }
}

/// "he said": the person the pronoun most likely refers to. Of the sentence holding the last
/// person mentioned before it, the first person mentioned: subjects come first, so in "Rathbun
/// asked for donations to help Montalvo. He described ..." the pronoun is Rathbun.
/// "She" passes over a man named just before: "Tom Cole met Ann Ito. She said" is Ito.
fn pronoun(para: &Paragraph, at: usize, word: &str, mentions: &Mentions) -> Resolution {
    let at = para.base + at;
    let want = lexicon::pronoun_gender(word);
    let Some(latest) = mentions.latest_person_mention_before(at, want) else {
        return Resolution::Unknown;
    };
    let sentence = sentence_start_before(para.full, latest.start);
    match mentions.first_person_from(sentence, latest, want) {
        Some(e) => Resolution::Entity(e),
        None => Resolution::Unknown,
    }
}

/// Where the sentence holding byte `at` of `text` starts, looking back a bounded distance.
fn sentence_start_before(text: &str, at: usize) -> usize {
    const MAX_LOOKBACK: usize = 600;
    let mut prev: Option<(usize, char)> = None;
    for (n, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if n >= MAX_LOOKBACK || c == '\n' {
            return prev.map_or(i + c.len_utf8(), |(p, _)| p);
        }
        if matches!(c, '.' | '!' | '?') && prev.is_some_and(|(_, p)| p.is_whitespace()) {
            return i + 1;
        }
        prev = Some((i, c));
    }
    0
}

/// The text between word `i` and the next word (or the paragraph's end).
fn gap<'a>(para: &Paragraph<'a>, i: usize) -> &'a str {
    let start = para.words[i].span.end;
    let end = para
        .words
        .get(i + 1)
        .map_or(para.text.len(), |w| w.span.start);
    &para.text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::Mention;
    use proptest::prelude::*;

    /// Starts, lengths and entity indices around the limits a key holds.
    fn part(limit: usize) -> impl Strategy<Value = usize> {
        prop_oneof![0..4usize, limit - 2..limit + 2, 0..usize::MAX / 2]
    }

    fn entities_with(spans: Vec<(usize, Vec<Span>)>) -> Vec<Entity> {
        spans
            .into_iter()
            .map(|(kind, mut spans)| {
                spans.sort();
                Entity {
                    name: String::new(),
                    kind: if kind == 0 {
                        EntityKind::Person
                    } else {
                        EntityKind::Place
                    },
                    mentions: spans
                        .into_iter()
                        .map(|span| Mention { span, block: 0 })
                        .collect(),
                }
            })
            .collect()
    }

    proptest! {
        /// Keys order as (span, entity) does and give back what they were made from.
        #[test]
        fn text_order_keys_order_as_span_and_entity_do(
            a in (part(1 << 32), part(1 << 16), part(1 << 16)),
            b in (part(1 << 32), part(1 << 16), part(1 << 16)),
        ) {
            let mention = |(start, len, entity): (usize, usize, usize)| {
                (Span::new(start, start + len), entity)
            };
            let (a, b) = (mention(a), mention(b));
            let fits = |(span, entity): (Span, usize)| {
                span.start < 1 << 32 && span.len() < 1 << 16 && entity < 1 << 16
            };
            let (ka, kb) = (text_order_key(a.0, a.1), text_order_key(b.0, b.1));
            prop_assert_eq!(ka.is_some(), fits(a));
            prop_assert_eq!(kb.is_some(), fits(b));
            if let (Some(ka), Some(kb)) = (ka, kb) {
                prop_assert_eq!(ka.cmp(&kb), a.cmp(&b));
                prop_assert_eq!(from_text_order_key(ka), a);
            }
        }

        /// Sorting keys lists the mentions as sorting (span, entity) pairs does, ties included.
        #[test]
        fn mentions_sort_as_by_span_and_entity(
            spans in proptest::collection::vec(
                (0..2usize, proptest::collection::vec((0..40usize, 0..4usize), 0..6)),
                0..8,
            )
        ) {
            let spans = spans
                .into_iter()
                .map(|(kind, s)| (kind, s.into_iter().map(|(a, n)| Span::new(a, a + n)).collect()))
                .collect();
            let entities = entities_with(spans);
            let count = entities.iter().map(|e| e.mentions.len()).sum();
            prop_assert_eq!(
                mentions_in_text_order(&entities),
                mentions_sorted_by_tuple(&entities, count)
            );
        }
    }
}
