//! From a reporting cue to a speaker: find the words naming who speaks, then the entity one of
//! whose mentions overlaps them.

use super::Paragraph;
use super::lexicon;
use crate::analyze::{Entity, EntityKind};
use crate::span::Span;

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
pub struct Mentions {
    /// (span, entity index, kind), sorted by span start.
    list: Vec<(Span, usize, EntityKind)>,
    /// For each position in `list`, the entity of the latest person mention up to it.
    latest_person: Vec<Option<usize>>,
}

/// Mentions longer than this are not looked for behind a span's start.
const LONGEST_MENTION: usize = 256;

impl Mentions {
    pub fn new(entities: &[Entity]) -> Self {
        let mut list: Vec<(Span, usize, EntityKind)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i, e.kind)))
            .collect();
        list.sort_by_key(|&(span, i, _)| (span, i));
        let mut latest = None;
        let latest_person = list
            .iter()
            .map(|&(_, i, kind)| {
                if kind == EntityKind::Person {
                    latest = Some(i);
                }
                latest
            })
            .collect();
        Mentions {
            list,
            latest_person,
        }
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

    /// The last person mentioned in `span`, else the last entity of any kind: the head of a noun
    /// phrase such as "Secretary of State Marco Rubio" comes last.
    fn last_in(&self, span: Span) -> Option<usize> {
        self.overlapping(span)
            .filter(|m| m.2 == EntityKind::Person)
            .last()
            .or_else(|| self.overlapping(span).last())
            .map(|m| m.1)
    }

    /// The person mentioned last before byte `at`, not earlier than byte `floor`.
    pub fn latest_person_before(&self, at: usize, floor: usize) -> Option<usize> {
        let i = self.list.partition_point(|(s, _, _)| s.start < at);
        let entity = self
            .latest_person
            .get(i.checked_sub(1)?)
            .copied()
            .flatten()?;
        // The latest person's mention must itself lie at or after `floor`.
        self.list[..i]
            .iter()
            .rev()
            .find(|m| m.1 == entity)
            .filter(|m| m.0.start >= floor)
            .map(|m| m.1)
    }
}

/// Resolves a cue of paragraph `para` to a speaker.
pub fn resolve(para: &Paragraph, cue: &Cue, mentions: &Mentions) -> Resolution {
    match *cue {
        Cue::Before {
            verb,
            segment_start,
        } => subject_before(para, verb, segment_start, mentions),
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
) -> Resolution {
    let words = &para.words;
    let first = para.word_index_at(segment_start);
    let mut end = verb;
    while end > first && lexicon::is_auxiliary(words[end - 1].text) {
        end -= 1;
    }
    if end == first {
        return Resolution::Inherit;
    }
    let verb_start = words[verb].span.start;
    let mut np_end_word = end - 1;
    // "X, the president, said": the subject ends before the apposition's opening comma.
    if para.text[words[np_end_word].span.end..verb_start].contains(',')
        && let Some(j) = (first..np_end_word)
            .rev()
            .find(|&j| gap(para, j).contains(','))
    {
        np_end_word = j;
    }
    let mut np_start_word = np_end_word;
    while np_start_word > first {
        let prev = np_start_word - 1;
        if lexicon::is_clause_word(words[prev].text)
            || gap(para, prev).contains([',', ';', ':', '(', ')', '—', '–'])
        {
            break;
        }
        np_start_word = prev;
    }
    let np = Span::new(words[np_start_word].span.start, words[np_end_word].span.end);
    if let Some(e) = mentions.last_in(para.abs(np)) {
        return Resolution::Entity(e);
    }
    let head = words[np_end_word].text;
    if np_start_word == np_end_word {
        if lexicon::is_person_pronoun(head) {
            return pronoun(para, np.start, mentions);
        }
        if lexicon::is_other_pronoun(head) {
            return Resolution::Inherit;
        }
    }
    Resolution::Unknown
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
    if lexicon::is_person_pronoun(head.text) {
        return pronoun(para, head.span.start, mentions);
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
        None => Resolution::Unknown,
    }
}

/// "he said": the person mentioned last before the pronoun, anywhere earlier in the article.
fn pronoun(para: &Paragraph, at: usize, mentions: &Mentions) -> Resolution {
    match mentions.latest_person_before(para.base + at, 0) {
        Some(e) => Resolution::Entity(e),
        None => Resolution::Unknown,
    }
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
