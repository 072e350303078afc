//! An article laid out as screen lines for one width: the blocks in reading order, wrapped by
//! display width, each line remembering which block and which bytes of the text it shows, so a
//! jump to any byte offset lands on the exact line.

use crate::analyze::Repeat;
use crate::article::{Article, BlockKind};
use crate::sanitize::display_char;
use crate::span::Span;
use textwrap::WordSeparator;
use textwrap::core::Word;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a screen line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The headline (the article's title when it has no headline block: then `block` is `None`).
    Title,
    Dek,
    /// A paragraph (lead or body).
    Body,
    /// The note above a repeated block: "repeat of ¶{of + 1}".
    RepeatLabel {
        of: usize,
    },
    /// The gap between blocks.
    Blank,
}

/// One line of the text pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLine {
    pub kind: LineKind,
    /// The block this line belongs to (also set on a repeat label, for the block below it).
    pub block: Option<usize>,
    /// The bytes of `article.text` this line shows; empty for labels and blank lines.
    pub span: Span,
    /// The line belongs to a block that repeats an earlier one.
    pub repeat: bool,
}

/// The article as screen lines for one width, with repeated blocks shown or hidden.
#[derive(Debug, Clone)]
pub struct Wrapped {
    pub width: u16,
    pub hide_repeats: bool,
    pub lines: Vec<ScreenLine>,
    /// Per block, the range of its text lines (`None` when hidden).
    block_lines: Vec<Option<(usize, usize)>>,
    /// Blocks in the order they are shown (hidden ones left out).
    order: Vec<usize>,
    /// How many repeated blocks are hidden.
    pub hidden: usize,
}

/// How a document character is shown inside a paragraph: line breaks and tabs inside a block
/// are spaces (hard-wrapped paragraphs were joined into one block), the rest as the sanitizer says.
pub fn view_char(c: char) -> Option<char> {
    match c {
        '\n' | '\r' | '\t' => Some(' '),
        _ => display_char(c),
    }
}

/// Display width as the terminal buffer counts it: grapheme by grapheme.
pub fn display_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Headline and dek come first, then leads and body in text order: a scraped page's lead
/// paragraph reads better under its headline than above it.
fn reading_rank(kind: BlockKind) -> u8 {
    match kind {
        BlockKind::Headline => 0,
        BlockKind::Dek => 1,
        BlockKind::Lead | BlockKind::Paragraph => 2,
    }
}

impl Wrapped {
    /// Lays out `article` for a text column `width` cells wide.
    pub fn build(
        article: &Article,
        repeats: &[Option<Repeat>],
        width: u16,
        hide_repeats: bool,
    ) -> Wrapped {
        let wrap_width = usize::from(width.max(1));
        let order = reading_order(article);
        let mut lines = Vec::new();
        let mut block_lines = vec![None; article.blocks.len()];
        let mut shown = Vec::with_capacity(order.len());
        let mut hidden = 0;

        if !article.blocks.iter().any(|b| b.kind == BlockKind::Headline) {
            lines.push(ScreenLine {
                kind: LineKind::Title,
                block: None,
                span: Span::default(),
                repeat: false,
            });
        }
        for &i in &order {
            let repeat = repeats.get(i).copied().flatten();
            if repeat.is_some() && hide_repeats {
                hidden += 1;
                continue;
            }
            if !lines.is_empty() {
                lines.push(ScreenLine {
                    kind: LineKind::Blank,
                    block: None,
                    span: Span::default(),
                    repeat: false,
                });
            }
            if let Some(r) = repeat {
                lines.push(ScreenLine {
                    kind: LineKind::RepeatLabel { of: r.of },
                    block: Some(i),
                    span: Span::default(),
                    repeat: true,
                });
            }
            let block = article.blocks[i];
            let kind = match block.kind {
                BlockKind::Headline => LineKind::Title,
                BlockKind::Dek => LineKind::Dek,
                BlockKind::Lead | BlockKind::Paragraph => LineKind::Body,
            };
            let first = lines.len();
            for span in wrap_block(&article.text, block.span, wrap_width) {
                lines.push(ScreenLine {
                    kind,
                    block: Some(i),
                    span,
                    repeat: repeat.is_some(),
                });
            }
            block_lines[i] = Some((first, lines.len()));
            shown.push(i);
        }
        Wrapped {
            width,
            hide_repeats,
            lines,
            block_lines,
            order: shown,
            hidden,
        }
    }

    /// The blocks shown, in screen order.
    pub fn shown_blocks(&self) -> &[usize] {
        &self.order
    }

    pub fn is_shown(&self, block: usize) -> bool {
        self.block_lines.get(block).copied().flatten().is_some()
    }

    /// The text lines of `block`, when it is shown.
    pub fn lines_of_block(&self, block: usize) -> Option<std::ops::Range<usize>> {
        self.block_lines
            .get(block)
            .copied()
            .flatten()
            .map(|(a, b)| a..b)
    }

    /// The line showing byte `offset` of `block` (the block's last line for its end).
    pub fn line_of(&self, block: usize, offset: usize) -> Option<usize> {
        let range = self.lines_of_block(block)?;
        let lines = &self.lines[range.clone()];
        let after = lines.partition_point(|l| l.span.start <= offset);
        Some(range.start + after.saturating_sub(1))
    }

    /// The first line to show so that `block` is read from its start, its repeat label included.
    pub fn top_of_block(&self, block: usize) -> Option<usize> {
        let first = self.lines_of_block(block)?.start;
        let labelled =
            first > 0 && matches!(self.lines[first - 1].kind, LineKind::RepeatLabel { .. });
        Some(if labelled { first - 1 } else { first })
    }

    /// Where line `line` is in the article: its block and first byte (for labels and blank
    /// lines, those of the next text line), so a new layout can find the same place.
    pub fn anchor_at(&self, line: usize) -> Option<(usize, usize)> {
        self.lines.get(line..)?.iter().find_map(|l| match l.kind {
            LineKind::Blank | LineKind::RepeatLabel { .. } => None,
            _ => l.block.map(|b| (b, l.span.start)),
        })
    }

    /// The line to put at the top to show `anchor` from another layout: the same block and byte,
    /// or, when that block is hidden here, the next shown block in reading order.
    pub fn line_for_anchor(&self, anchor: (usize, usize), reading_order: &[usize]) -> usize {
        let (block, offset) = anchor;
        if let Some(line) = self.line_of(block, offset) {
            let first = self.lines_of_block(block).map_or(line, |r| r.start);
            return if line == first {
                self.top_of_block(block).unwrap_or(line)
            } else {
                line
            };
        }
        let pos = reading_order.iter().position(|&b| b == block).unwrap_or(0);
        reading_order[pos..]
            .iter()
            .chain(reading_order[..pos].iter().rev())
            .find_map(|&b| self.top_of_block(b))
            .unwrap_or(0)
    }
}

/// Reading order of all blocks, shown or not (for finding a neighbour of a hidden block).
pub fn reading_order(article: &Article) -> Vec<usize> {
    let mut order: Vec<usize> = (0..article.blocks.len()).collect();
    order.sort_by_key(|&i| (reading_rank(article.blocks[i].kind), i));
    order
}

/// The lines of one block, as byte spans of `text`, each at most `width` cells wide.
fn wrap_block(text: &str, block: Span, width: usize) -> Vec<Span> {
    // Wrap what will be displayed (sanitized, line breaks as spaces), remembering for each
    // displayed byte the source byte it came from.
    let mut shown = String::with_capacity(block.len());
    let mut source_of = Vec::with_capacity(block.len() + 1);
    for (i, c) in block.of(text).char_indices() {
        if let Some(d) = view_char(c) {
            shown.push(d);
            source_of.extend(std::iter::repeat_n(block.start + i, d.len_utf8()));
        }
    }
    source_of.push(block.end);

    let base = shown.as_ptr() as usize;
    let mut words: Vec<Word> = Vec::new();
    for word in WordSeparator::UnicodeBreakProperties.find_words(&shown) {
        let width_of_word = display_width(word.word);
        if width_of_word <= width {
            words.push(Word {
                width: width_of_word,
                ..word
            });
        } else {
            split_long_word(word, width, &mut words);
        }
    }
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]);
    let spans: Vec<Span> = lines
        .iter()
        .filter_map(|line| {
            let first = line.first()?;
            let last = line.last()?;
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            Some(Span::new(source_of[start], source_of[end]))
        })
        .collect();
    if spans.is_empty() {
        vec![Span::new(block.start, block.start)]
    } else {
        spans
    }
}

/// Breaks a word wider than the line into pieces that fit, at grapheme boundaries.
fn split_long_word<'a>(word: Word<'a>, width: usize, out: &mut Vec<Word<'a>>) {
    let text = word.word;
    let mut start = 0;
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = g.width();
        if used > 0 && used + w > width {
            out.push(Word {
                word: &text[start..i],
                whitespace: "",
                penalty: "",
                width: used,
            });
            start = i;
            used = 0;
        }
        used += w;
    }
    out.push(Word {
        word: &text[start..],
        whitespace: word.whitespace,
        penalty: word.penalty,
        width: used,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_article;

    fn lines_text(article: &Article, w: &Wrapped) -> Vec<String> {
        w.lines
            .iter()
            .map(|l| {
                l.span
                    .of(&article.text)
                    .chars()
                    .filter_map(view_char)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn paragraphs_wrap_to_the_width_with_a_blank_line_between() {
        let article = parse_article(
            "a.txt",
            "A Short Headline\n\nThe quick brown fox jumps over the lazy dog.\n\nSecond one.\n"
                .to_string(),
        );
        let w = Wrapped::build(&article, &[], 16, false);
        assert_eq!(
            lines_text(&article, &w),
            [
                "A Short Headline",
                "",
                "The quick brown",
                "fox jumps over",
                "the lazy dog.",
                "",
                "Second one."
            ]
        );
        assert_eq!(w.lines[0].kind, LineKind::Title);
        assert_eq!(w.lines[3].block, Some(1));
    }

    #[test]
    fn wide_characters_count_two_cells_and_combining_marks_none() {
        let text = "Title Line Here\n\n東京都の人口は多い。 cafe\u{301} cafe\u{301} 🎉🎉 end\n";
        let article = parse_article("a.txt", text.to_string());
        let w = Wrapped::build(&article, &[], 10, false);
        for line in lines_text(&article, &w) {
            assert!(display_width(&line) <= 10, "{line:?} is too wide");
        }
        let texts = lines_text(&article, &w);
        let body: Vec<&str> = (0..w.lines.len())
            .filter(|&i| w.lines[i].kind == LineKind::Body)
            .map(|i| texts[i].as_str())
            .collect();
        let body = body.join("|");
        assert!(body.starts_with("東京都の人|口は多い。"), "{body}");
        assert!(body.contains("cafe\u{301} cafe\u{301}"), "{body}");
    }

    #[test]
    fn every_byte_offset_maps_to_the_line_that_shows_it() {
        let text = "Headline Of The Story\n\nOne two three four five six seven eight nine ten.\n";
        let article = parse_article("a.txt", text.to_string());
        let w = Wrapped::build(&article, &[], 12, false);
        let offset = text.find("seven").unwrap();
        let line = w.line_of(1, offset).unwrap();
        assert!(w.lines[line].span.of(text).contains("seven"));
    }

    #[test]
    fn control_characters_are_shown_not_obeyed_and_offsets_still_map() {
        let text = "Headline Of The Story\n\nred \u{1b}[31mtext\u{200B} here and more words\n";
        let article = parse_article("a.txt", text.to_string());
        let w = Wrapped::build(&article, &[], 8, false);
        let shown = lines_text(&article, &w).join("|");
        assert!(!shown.contains('\u{1b}') && shown.contains('␛'), "{shown}");
        let here = text.find("here").unwrap();
        let line = w.line_of(1, here).unwrap();
        assert!(w.lines[line].span.of(text).contains("here"));
    }

    #[test]
    fn repeats_are_labelled_or_hidden() {
        let text = "Headline Of The Story\n\nFirst paragraph.\n\nSecond one.\n\nFirst paragraph.\n";
        let article = parse_article("a.txt", text.to_string());
        let repeats = [
            None,
            None,
            None,
            Some(Repeat {
                of: 1,
                similarity: 1.0,
            }),
        ];
        let shown = Wrapped::build(&article, &repeats, 40, false);
        let label = shown.lines.len() - 2;
        assert_eq!(shown.lines[label].kind, LineKind::RepeatLabel { of: 1 });
        assert!(shown.lines.last().unwrap().repeat);
        assert_eq!(shown.hidden, 0);
        let hidden = Wrapped::build(&article, &repeats, 40, true);
        assert_eq!(hidden.hidden, 1);
        assert!(!hidden.is_shown(3));
        assert_eq!(hidden.lines.len(), shown.lines.len() - 3);
    }

    #[test]
    fn an_article_without_headline_gets_a_title_line() {
        let article = parse_article(
            "notes.txt",
            "just some words in a file that has no headline at all, only a long sentence.\n"
                .to_string(),
        );
        let w = Wrapped::build(&article, &[], 30, false);
        assert_eq!(w.lines[0].kind, LineKind::Title);
        assert_eq!(w.lines[0].block, None);
        assert_eq!(w.lines[1].kind, LineKind::Blank);
    }
}
