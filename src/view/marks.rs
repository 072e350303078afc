//! What each character (grapheme) of a visible line is: part of an entity mention, a quote, a search match,
//! the selected ones. Marks come from the analysis spans (looked up by byte offset), never from
//! re-scanning the text, and only for the lines on screen.

use super::wrap::{ScreenLine, view_char};
use crate::analyze::{Analysis, EntityKind};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// The roles of a run of characters; the terminal theme turns them into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    pub entity: Option<EntityKind>,
    pub selected_entity: bool,
    pub quote: bool,
    pub selected_quote: bool,
    pub matched: bool,
    pub current_match: bool,
}

/// A run of displayable text with the same marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marks: Marks,
}

/// Every entity mention of an article by position: built once when the article is opened.
#[derive(Debug, Clone, Default)]
pub struct MentionIndex {
    /// (mention span, entity index), by start.
    mentions: Vec<(Span, usize)>,
}

impl MentionIndex {
    pub fn new(analysis: &Analysis) -> MentionIndex {
        let mut mentions: Vec<(Span, usize)> = analysis
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
            .collect();
        mentions.sort_by_key(|&(span, i)| (span.start, std::cmp::Reverse(span.end), i));
        MentionIndex { mentions }
    }

    /// Mentions overlapping `span`.
    fn overlapping(&self, span: Span) -> &[(Span, usize)] {
        overlapping_by_start(&self.mentions, span, |m| m.0)
    }
}

/// The items (sorted by start) that overlap `span`; an item starting before `span` is found as
/// long as it is one of the few just before it (mentions and quotes do not nest deeply).
fn overlapping_by_start<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    &items[overlapping_range(items, span, span_of)]
}

/// The indices of [`overlapping_by_start`]'s items.
fn overlapping_range<T>(
    items: &[T],
    span: Span,
    span_of: impl Fn(&T) -> Span,
) -> std::ops::Range<usize> {
    let mut lo = items.partition_point(|t| span_of(t).start < span.start);
    while lo > 0 && span_of(&items[lo - 1]).end > span.start {
        lo -= 1;
    }
    let hi = items.partition_point(|t| span_of(t).start < span.end);
    lo..hi.max(lo)
}

/// What is highlighted at the moment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Highlight<'a> {
    pub selected_entity: Option<usize>,
    pub selected_quote: Option<usize>,
    /// The search matches on the line (see `Search::on_line`): (span, block), by start.
    pub matches: &'a [(Span, usize)],
    /// The index among all matches of the first in `matches`.
    pub first_match: usize,
    pub current_match: Option<usize>,
}

/// The text of `line` as displayable runs with their marks.
pub fn segments(
    text: &str,
    line: &ScreenLine,
    analysis: &Analysis,
    index: &MentionIndex,
    highlight: &Highlight,
) -> Vec<Segment> {
    let span = line.span;
    if span.is_empty() {
        return Vec::new();
    }
    let mentions = index.overlapping(span);
    // Quotes come in text order and do not nest, so they are looked up like mentions.
    let quotes: Vec<(usize, Span)> = overlapping_range(&analysis.quotes, span, |q| q.span)
        .map(|i| (i, analysis.quotes[i].span))
        .filter(|(_, q)| q.overlaps(span))
        .collect();
    let matches: Vec<(usize, Span)> = highlight
        .matches
        .iter()
        .enumerate()
        .filter(|(_, (m, _))| m.overlaps(span))
        .map(|(i, &(m, _))| (highlight.first_match + i, m))
        .collect();
    let inside = |s: Span, at: usize| s.start <= at && at < s.end;

    let mut out: Vec<Segment> = Vec::new();
    // By grapheme, not by char: a style change inside a cluster (a span ending before a
    // combining accent) would split it into cells and lose the accent.
    for (i, grapheme) in span.of(text).grapheme_indices(true) {
        let shown: String = grapheme.chars().filter_map(view_char).collect();
        if shown.is_empty() {
            continue;
        }
        let at = span.start + i;
        let mention = mentions.iter().find(|(s, _)| inside(*s, at));
        let quote = quotes.iter().find(|(_, s)| inside(*s, at));
        let matched = matches.iter().find(|(_, s)| inside(*s, at));
        let marks = Marks {
            entity: mention.and_then(|&(_, e)| analysis.entities.get(e).map(|e| e.kind)),
            selected_entity: mention.is_some_and(|&(_, e)| highlight.selected_entity == Some(e)),
            quote: quote.is_some(),
            selected_quote: quote.is_some_and(|&(q, _)| highlight.selected_quote == Some(q)),
            matched: matched.is_some(),
            current_match: matched.is_some_and(|&(m, _)| highlight.current_match == Some(m)),
        };
        match out.last_mut() {
            Some(last) if last.marks == marks => last.text.push_str(&shown),
            _ => out.push(Segment { text: shown, marks }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Entity, Mention, Quote};
    use crate::view::wrap::LineKind;

    #[test]
    fn a_span_ending_inside_a_grapheme_keeps_the_cluster_whole() {
        let text = "Cafe\u{301} open";
        let analysis = Analysis {
            repeats: vec![None],
            entities: vec![Entity {
                name: "Cafe".into(),
                kind: EntityKind::Place,
                mentions: vec![Mention {
                    span: Span::new(0, 4),
                    block: 0,
                }],
            }],
            quotes: vec![],
        };
        let line = ScreenLine {
            kind: LineKind::Body,
            block: Some(0),
            span: Span::new(0, text.len()),
            repeat: false,
        };
        let segs = segments(
            text,
            &line,
            &analysis,
            &MentionIndex::new(&analysis),
            &Highlight::default(),
        );
        assert_eq!(segs[0].text, "Cafe\u{301}");
        assert_eq!(segs[0].marks.entity, Some(EntityKind::Place));
        assert_eq!(segs[1].text, " open");
    }

    #[test]
    fn marks_follow_the_analysis_spans() {
        let text = "Ann said \"go home\" to Bob.";
        let analysis = Analysis {
            repeats: vec![None],
            entities: vec![
                Entity {
                    name: "Ann".into(),
                    kind: EntityKind::Person,
                    mentions: vec![Mention {
                        span: Span::new(0, 3),
                        block: 0,
                    }],
                },
                Entity {
                    name: "Bob".into(),
                    kind: EntityKind::Person,
                    mentions: vec![Mention {
                        span: Span::new(22, 25),
                        block: 0,
                    }],
                },
            ],
            quotes: vec![Quote {
                span: Span::new(10, 17),
                block: 0,
                speaker: Some(0),
            }],
        };
        let line = ScreenLine {
            kind: LineKind::Body,
            block: Some(0),
            span: Span::new(0, text.len()),
            repeat: false,
        };
        let index = MentionIndex::new(&analysis);
        let matches = [(Span::new(13, 17), 0)];
        let highlight = Highlight {
            selected_entity: Some(1),
            selected_quote: None,
            matches: &matches,
            first_match: 4,
            current_match: Some(4),
        };
        let segs = segments(text, &line, &analysis, &index, &highlight);
        let texts: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Ann", " said \"", "go ", "home", "\" to ", "Bob", "."]
        );
        assert_eq!(segs[0].marks.entity, Some(EntityKind::Person));
        assert!(!segs[0].marks.selected_entity);
        assert!(segs[2].marks.quote && !segs[2].marks.matched);
        assert!(segs[3].marks.quote && segs[3].marks.current_match);
        assert!(segs[5].marks.selected_entity);
    }
}
