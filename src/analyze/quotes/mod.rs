//! Direct quotations and who said them.
//!
//! Each paragraph's double quotation marks are paired ([`marks`]); a paired span is a quotation
//! unless it looks like a scare quote, a name or a title. Its speaker comes from a reporting cue
//! next to it ("X said", "said X", "according to X", "— X"), else from the quotation it continues
//! (the previous one in the paragraph, or the previous paragraph's when a quotation runs across
//! paragraphs), else from the paragraph's narrative (the last reporting verb's subject, or the
//! person mentioned last). The speaker's words are matched to the given entities' mentions, so
//! this works with any entity list, including an empty one (then every speaker is `None`).
//!
//! A quotation that runs over several paragraphs gives one [`Quote`] per paragraph, all with the
//! same speaker: a quote's span never leaves its block.

mod attribution;
mod lexicon;
mod marks;

use super::text::{Word, sentence_start_iter, words_into};
use super::{Entity, Quote, Repeat};
use crate::article::{Article, BlockKind};
use crate::span::Span;
use attribution::{Cue, Mentions, Resolution};
use marks::{MarkStarts, Marked};

/// Finds the direct quotations of `article`, in text order, with speakers as indices into
/// `entities`.
pub fn find_quotes(article: &Article, entities: &[Entity]) -> Vec<Quote> {
    find_quotes_except_repeats(article, entities, &[])
}

/// As [`find_quotes`], passing over the blocks that `repeats` marks as copies of an earlier
/// block: a scraper's copy says nothing new, so its quotations are the original's and are
/// listed once, at the original (the reader hides the copies with one key). A copy is
/// transparent: a quotation after it continues the paragraph before it.
pub fn find_quotes_except_repeats(
    article: &Article,
    entities: &[Entity],
    repeats: &[Option<Repeat>],
) -> Vec<Quote> {
    let mut mentions = Mentions::new(entities);
    mentions.interviewee = interviewee(article, &mentions);
    let mut out = Vec::new();
    let mut carry = Carry::default();
    let mut spare = Spare::default();
    let mark_starts = MarkStarts::of(&article.text);
    for (index, block) in article.blocks.iter().enumerate() {
        if article.text.get(block.span.start..block.span.end).is_none()
            || repeats.get(index).is_some_and(Option::is_some)
        {
            continue;
        }
        // Quotation marks in a headline set off a phrase the body quotes in full.
        if block.kind == BlockKind::Headline {
            carry = Carry::default();
            continue;
        }
        let marks = mark_starts.marks_in(&article.text, block.span);
        let para = Paragraph::new(
            &article.text,
            block.span,
            marks::pair(block.span.of(&article.text), &marks, carry.open.is_some()),
            spare,
        );
        carry = para.find(index, &mentions, &carry, &mut out);
        spare = para.into_spare();
    }
    out
}

/// The person an interview is with: an article whose title or first paragraph speaks of an
/// interview is one, and its interviewee is the first person its title names, else the first
/// its opening paragraphs name ("Wikinews interviews Robert Sarvis, ...").
fn interviewee(article: &Article, mentions: &Mentions) -> Option<usize> {
    let opening: Vec<Span> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Lead)
        .take(3)
        .map(|b| b.span)
        .collect();
    let says_interview = |s: &str| s.to_lowercase().contains("interview");
    let first_block = opening.iter().find(|b| {
        article
            .blocks
            .iter()
            .any(|k| k.span == **b && k.kind != BlockKind::Headline)
    });
    let is_interview = says_interview(&article.title)
        || first_block.is_some_and(|b| says_interview(b.of(&article.text)));
    if !is_interview {
        return None;
    }
    opening
        .iter()
        .find_map(|&span| mentions.first_person_in(span))
}

/// What a paragraph hands to the next one.
#[derive(Debug, Default, Clone, Copy)]
struct Carry {
    /// Set when the paragraph ended inside a quotation (with that quotation's speaker); kept
    /// across paragraphs without any quotation marks, such as photo captions.
    open: Option<Option<usize>>,
    /// The speaker of the paragraph's last quotation.
    last_speaker: Option<usize>,
    /// The speaker introduced by a paragraph that ends with "X said:" or "X stated,".
    intro: Option<usize>,
}

/// Lists reused from paragraph to paragraph of an article, their contents dropped each time:
/// see [`Paragraph::new`].
#[derive(Default)]
struct Spare<'a> {
    words: Vec<Word<'a>>,
    sentences: Vec<usize>,
}

/// One block's text with its words, sentences and paired marks; offsets relative to the block.
struct Paragraph<'a> {
    /// The whole article's text.
    full: &'a str,
    text: &'a str,
    base: usize,
    words: Vec<Word<'a>>,
    sentences: Vec<usize>,
    marked: Vec<Marked>,
    /// Where the text ends before trailing spaces, when it ends with ':' or ',' and so may
    /// introduce the next paragraph's quotation ("X said:").
    intro_end: Option<usize>,
}

impl<'a> Paragraph<'a> {
    /// `marked` are the paragraph's paired marks ([`marks::pair`]). `spare` holds the lists to
    /// fill with the paragraph's words and sentence starts: one list of words reused for all
    /// the paragraphs of an article instead of one allocated for each took quotes over c200
    /// from 30.25M to 29.04M instruction-equivalents (cachegrind: 19.68M -> 18.33M
    /// instructions; mispredicts 189.5k -> 192.4k, L1 misses 99.7k -> 100.5k), and one list of
    /// sentence starts too, 25.91M -> 25.78M (16.76M -> 16.69M instructions).
    fn new(full: &'a str, span: Span, marked: Vec<Marked>, spare: Spare<'a>) -> Self {
        let Spare {
            mut words,
            mut sentences,
        } = spare;
        let text = &full[span.start..span.end];
        let base = span.start;
        // Words and sentences are only looked at around quotation marks and in a paragraph
        // that may introduce the next one's quotation ("X said:"); most paragraphs are neither.
        let trimmed = text.trim_end();
        let intro_end = trimmed.ends_with([':', ',']).then_some(trimmed.len());
        let needs_words = !marked.is_empty() || intro_end.is_some();
        words.clear();
        sentences.clear();
        if needs_words {
            words_into(&mut words, text);
            sentences.extend(sentence_start_iter(text));
        }
        Paragraph {
            full,
            text,
            base,
            words,
            sentences,
            marked,
            intro_end,
        }
    }

    /// The paragraph's lists, to be filled again for the next one.
    fn into_spare(self) -> Spare<'a> {
        Spare {
            words: self.words,
            sentences: self.sentences,
        }
    }

    /// Finds this paragraph's quotations, pushes them to `out`, and says what the next paragraph
    /// inherits.
    fn find(
        &self,
        block: usize,
        mentions: &Mentions,
        carry: &Carry,
        out: &mut Vec<Quote>,
    ) -> Carry {
        let mut previous: Option<Option<usize>> = None;
        let mut last_open: Option<Option<usize>> = None;
        for (k, m) in self.marked.iter().enumerate() {
            let cue = self.cue(k);
            if !self.is_quotation(k, cue.as_ref()) {
                if !m.closed {
                    last_open = Some(None);
                }
                continue;
            }
            let resolved = cue.map(|c| attribution::resolve(self, &c, mentions));
            let speaker = match resolved {
                Some(Resolution::Entity(e)) => Some(e),
                Some(Resolution::Unknown) => None,
                Some(Resolution::Inherit) => previous.flatten().or(carry.last_speaker),
                None => self.fallback(k, previous, carry, mentions),
            };
            out.push(Quote {
                span: Span::new(self.base + m.inner_start, self.base + m.inner_end),
                block,
                speaker,
            });
            previous = Some(speaker);
            if !m.closed {
                last_open = Some(speaker);
            }
        }
        let open = if self.marked.is_empty() {
            carry.open
        } else {
            last_open
        };
        Carry {
            open,
            last_speaker: previous.flatten(),
            intro: self.intro(mentions),
        }
    }

    /// The speaker of a quotation without a cue of its own.
    fn fallback(
        &self,
        k: usize,
        previous: Option<Option<usize>>,
        carry: &Carry,
        mentions: &Mentions,
    ) -> Option<usize> {
        let m = self.marked[k];
        // A quotation continuing after "X said." in the same paragraph.
        if let Some(Some(speaker)) = previous {
            return Some(speaker);
        }
        // A paragraph that opens with a quotation continues the previous paragraph's speaker.
        if self.word_index_at(m.open) == 0 {
            if let Some(open) = carry.open {
                return open;
            }
            // After "Rathbun stated," closing the previous paragraph.
            if let Some(speaker) = carry.intro {
                return Some(speaker);
            }
            // After a quoted paragraph, unless a name after this quotation points elsewhere
            // (""..." Anonymous blogger, "Title"").
            if !self.names_follow(k)
                && let Some(speaker) = carry.last_speaker
            {
                return Some(speaker);
            }
        }
        // The narrative just before: "Heald noted the findings show ... . "An air-quality..."".
        if let Some(verb) = self.last_verb_before(m.open) {
            let cue = Cue::Before {
                verb,
                segment_start: self.segment_start(verb),
            };
            if let Resolution::Entity(e) = attribution::resolve(self, &cue, mentions) {
                return Some(e);
            }
        }
        // "Sunak defended the record: "...": the person leading a sentence that introduces a
        // quotation; without one, a colon introduces a list or an example ("including:").
        let sentence = self.sentence_start(m.open);
        if self.text[..m.open].trim_end().ends_with(':')
            && let Some(e) = mentions.first_person_in(self.abs(Span::new(sentence, m.open)))
        {
            return Some(e);
        }
        // The person this paragraph mentioned last, outside quotations.
        mentions
            .persons_before(self.base + m.open, self.base)
            .take(Self::NARRATIVE_WINDOW)
            .find(|(span, _)| !self.inside_marks(span.start - self.base))
            .map(|(_, e)| e)
    }

    /// Whether a capitalised word follows quotation `k` in its sentence, before the next one.
    fn names_follow(&self, k: usize) -> bool {
        let m = self.marked[k];
        let next_mark = self.marked.get(k + 1).map_or(self.text.len(), |n| n.open);
        let after = &self.text[m.close_end..next_mark];
        let end = after
            .find(['.', '!', '?'])
            .map_or(next_mark, |i| m.close_end + i);
        self.words[self.word_index_at(m.close_end)..]
            .iter()
            .take_while(|w| w.span.start < end)
            .any(|w| w.is_capitalized())
    }

    /// The speaker a paragraph ending in "X said:" or "X stated," introduces for the next one.
    fn intro(&self, mentions: &Mentions) -> Option<usize> {
        let end = self.intro_end?;
        if let Some(verb) = self.last_verb_before(end) {
            let cue = Cue::Before {
                verb,
                segment_start: self.segment_start(verb),
            };
            if let Resolution::Entity(e) = attribution::resolve(self, &cue, mentions) {
                return Some(e);
            }
        }
        let sentence = self.sentence_start(end);
        mentions.first_person_in(self.abs(Span::new(sentence, end)))
    }

    /// The reporting cue of quotation `k`: after it when the quotation opens its sentence
    /// (""...," she said"), else before it ("She said "..."") and then after it.
    fn cue(&self, k: usize) -> Option<Cue> {
        let m = self.marked[k];
        let sentence = self.sentence_start(m.open);
        let opens_sentence = self.word_index_at(sentence) == self.word_index_at(m.open);
        if opens_sentence {
            self.cue_after(k).or_else(|| self.cue_before(k))
        } else {
            self.cue_before(k).or_else(|| self.cue_after(k))
        }
    }

    /// How many words the cue after a quotation may lie from it: "..., Khaled Al-Maeena, editor at
    /// large at the Saudi Gazette, said".
    const AFTER_WINDOW: usize = 12;
    /// How far back in its sentence a reporting verb may govern a quotation.
    const BEFORE_WINDOW: usize = 40;
    /// How far back in its paragraph the narrative may name the speaker of an unattributed
    /// quotation.
    const NARRATIVE_WINDOW: usize = 200;

    fn cue_after(&self, k: usize) -> Option<Cue> {
        let m = self.marked[k];
        if !m.closed {
            return None;
        }
        let next_mark = self.marked.get(k + 1).map_or(self.text.len(), |n| n.open);
        let rest = &self.text[m.close_end..next_mark];
        let after = rest.trim_start();
        if after.starts_with(['-', '—', '–']) {
            let dash = m.close_end + (rest.len() - after.len());
            return Some(Cue::Dash {
                region: Span::new(dash, next_mark),
            });
        }
        let first = self.word_index_at(m.close_end);
        let first_word = self.words.get(first)?;
        let inner = &self.text[m.inner_start..m.inner_end];
        if ends_sentence(inner) && first_word.is_capitalized() {
            return None;
        }
        let sentence_end = self.sentence_end(m.close_end).min(next_mark);
        for (n, i) in (first..self.words.len())
            .take(Self::AFTER_WINDOW)
            .enumerate()
        {
            let w = self.words[i];
            if w.span.start >= sentence_end {
                break;
            }
            if w.text.eq_ignore_ascii_case("according")
                && self.words.get(i + 1).is_some_and(|t| t.text == "to")
            {
                return Some(Cue::According {
                    region: Span::new(self.words[i + 1].span.end, sentence_end),
                });
            }
            if lexicon::is_reporting_verb(w.text) {
                return Some(if n == 0 {
                    Cue::Inverted {
                        verb: i,
                        region_end: sentence_end,
                    }
                } else {
                    Cue::Before {
                        verb: i,
                        segment_start: m.close_end,
                    }
                });
            }
        }
        None
    }

    fn cue_before(&self, k: usize) -> Option<Cue> {
        let m = self.marked[k];
        let sentence = self.sentence_start(m.open);
        let end = self.word_index_at(m.open);
        let start = self.word_index_at(sentence);
        for i in (start..end).rev().take(Self::BEFORE_WINDOW) {
            let w = self.words[i];
            if self.inside_marks(w.span.start) {
                continue;
            }
            let prev_is = |back: usize, lower: &str| {
                i.checked_sub(back)
                    .filter(|&j| j >= start)
                    .is_some_and(|j| lowercase_is(self.words[j].text, lower))
            };
            if lowercase_is(w.text, "to") && prev_is(1, "according") {
                return Some(Cue::According {
                    region: Span::new(w.span.end, m.open),
                });
            }
            if lowercase_is(w.text, "of")
                && prev_is(1, "words")
                && prev_is(2, "the")
                && prev_is(3, "in")
            {
                return Some(Cue::According {
                    region: Span::new(w.span.end, m.open),
                });
            }
            if lexicon::is_reporting_verb(w.text) {
                return Some(Cue::Before {
                    verb: i,
                    segment_start: self.segment_start(i),
                });
            }
        }
        None
    }

    /// Whether a marked span is speech rather than a scare quote, a name or a title.
    fn is_quotation(&self, k: usize, cue: Option<&Cue>) -> bool {
        let m = self.marked[k];
        let first = self.word_index_at(m.inner_start);
        let last = self.word_index_at(m.inner_end);
        let inner_words = &self.words[first..last.max(first)];
        let count = inner_words.len();
        if count == 0 {
            return false;
        }
        let before = self.word_index_at(m.open);
        let previous_word = before.checked_sub(1).map(|i| self.words[i]).filter(|w| {
            !has_word(&self.text[w.span.end..m.open]) && !self.inside_marks(w.span.start)
        });
        if previous_word.is_some_and(|w| lexicon::is_naming_word(w.text)) {
            return false;
        }
        if count <= 3 && previous_word.is_some_and(|w| lexicon::is_determiner(w.text)) {
            return false;
        }
        let inner = &self.text[m.inner_start..m.inner_end];
        let sentence = ends_sentence(inner);
        if count >= 2 && !sentence && is_title_case(inner_words) {
            return false;
        }
        if !sentence && matches!(cue, Some(Cue::Dash { .. })) {
            return false;
        }
        // Short spans are speech only next to their reporting verb ("told the police,
        // "everything he did""), not several words away ("asked how documents stored in
        // "approved security cabinets" ..."). Asked of short spans only: 25.39M -> 25.31M
        // instruction-equivalents for quotes over c200 (cachegrind).
        let close_cue = || cue.is_some_and(|c| self.cue_is_close(k, c));
        match count {
            1 | 2 => sentence && close_cue(),
            3 => sentence || close_cue(),
            _ => true,
        }
    }

    /// Whether a cue lies right next to quotation `k`: after it, or at most a few words before.
    fn cue_is_close(&self, k: usize, cue: &Cue) -> bool {
        const MAX_GAP_WORDS: usize = 3;
        let open = self.marked[k].open;
        match *cue {
            Cue::Before { verb, .. } if self.words[verb].span.start < open => {
                self.word_index_at(open) - verb <= MAX_GAP_WORDS
            }
            Cue::According { region } if region.end <= open => true,
            Cue::Dash { .. } => false,
            _ => true,
        }
    }

    /// The last reporting verb outside quotation marks before byte `end`.
    fn last_verb_before(&self, end: usize) -> Option<usize> {
        let end = self.word_index_at(end);
        (0..end).rev().take(Self::NARRATIVE_WINDOW).find(|&i| {
            lexicon::is_reporting_verb(self.words[i].text)
                && !self.inside_marks(self.words[i].span.start)
        })
    }

    /// Where the subject of verb `i` may start: its sentence's start, or the end of a quotation
    /// between that and the verb.
    fn segment_start(&self, verb: usize) -> usize {
        let at = self.words[verb].span.start;
        let sentence = self.sentence_start(at);
        // Quotations are in order and never overlap, so their ends are sorted too.
        let i = self.marked.partition_point(|m| m.close_end <= at);
        i.checked_sub(1)
            .map_or(sentence, |i| self.marked[i].close_end.max(sentence))
    }

    fn inside_marks(&self, at: usize) -> bool {
        let i = self.marked.partition_point(|m| m.open <= at);
        i.checked_sub(1)
            .is_some_and(|i| at < self.marked[i].close_end)
    }

    /// Index of the first word starting at or after byte `at`.
    fn word_index_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    fn sentence_start(&self, at: usize) -> usize {
        let i = self.sentences.partition_point(|&s| s <= at);
        i.checked_sub(1).map_or(0, |i| self.sentences[i])
    }

    /// The start of the sentence after the one containing byte `at`, or the paragraph's end.
    fn sentence_end(&self, at: usize) -> usize {
        let i = self.sentences.partition_point(|&s| s <= at);
        self.sentences.get(i).copied().unwrap_or(self.text.len())
    }

    fn abs(&self, span: Span) -> Span {
        span.offset(self.base)
    }
}

/// Whether `word` in lower case is `lower` (lower-case ASCII), without copying the word when it
/// is ASCII (nearly always): this runs for every word before a quotation.
fn lowercase_is(word: &str, lower: &str) -> bool {
    if !may_lowercase_to(word, lower) {
        return false;
    }
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

/// Whether `word` in lower case may be `lower` (lower-case ASCII), by its first byte alone: an
/// ASCII first letter lower-cases to itself with bit 5 set. Most words fail this at once, before
/// [`lowercase_is`] reads all their bytes to see whether they are ASCII: that cut quotes over
/// c200 from 31.5M to 30.6M instruction-equivalents (cachegrind; mispredicts 209k -> 193k).
fn may_lowercase_to(word: &str, lower: &str) -> bool {
    match (word.as_bytes().first(), lower.as_bytes().first()) {
        (Some(&w), Some(&l)) => !w.is_ascii() || w | 0x20 == l,
        (w, l) => w.is_none() == l.is_none(),
    }
}

/// Whether quoted words look like a title ("Photographs and Prints from the Collection"): at
/// least two capitalised, and every other one a function word or a number. Asked only of spans
/// that do not end a sentence, and the capitals are counted only up to two: counting them in
/// every quotation cost quotes over c200 25.78M instruction-equivalents against 25.39M
/// (cachegrind: 16.69M -> 16.52M instructions, 166.5k -> 161.7k mispredicts).
fn is_title_case(words: &[Word]) -> bool {
    words.iter().filter(|w| w.is_capitalized()).nth(1).is_some()
        && words.iter().all(|w| {
            w.is_capitalized()
                || lexicon::is_title_function_word(w.text)
                || w.text.chars().all(|c| c.is_ascii_digit())
        })
}

fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Whether quoted words end a sentence: "...ruled out." or "...worse?)".
fn ends_sentence(inner: &str) -> bool {
    inner
        .trim_end_matches([')', ']', '\'', '’', ' '])
        .ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests;
