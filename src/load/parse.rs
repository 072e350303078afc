//! Text into an `Article`: find the blocks, then the headline, the lead before it and the dek.
//!
//! Two layouts are common. Scraped pages put a lead paragraph (or a photo caption) first, then the
//! headline, often twice, then a one-line summary (the dek), then the body. Clean articles put the
//! title first. Paragraphs are separated by blank lines or by single newlines; a file whose
//! paragraphs are hard-wrapped (several short lines between blank lines) has each run of lines
//! joined into one block.

use crate::article::{Article, Block, BlockKind};
use crate::span::Span;

/// Headlines are short: longer first blocks are paragraphs.
const MAX_HEADLINE_WORDS: usize = 30;
/// How many blocks may come before the headline.
const MAX_LEAD_BLOCKS: usize = 3;
/// A dek is one sentence or two, not a paragraph.
const MAX_DEK_WORDS: usize = 80;
/// Byte bounds on the same: a 50 MB line without spaces is one "word", never a headline or dek.
const MAX_HEADLINE_BYTES: usize = 1_000;
const MAX_DEK_BYTES: usize = 4_000;
/// Lines at most this long, in runs between blank lines, look hard-wrapped.
const MAX_WRAPPED_LINE: usize = 100;
const MIN_WRAPPED_LINE: usize = 30;

/// Parses `text`, which came from `path` (used for the title when the article has no headline).
pub fn parse_article(path: &str, text: String) -> Article {
    let mut blocks: Vec<Block> = split_blocks(&text)
        .into_iter()
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
        })
        .collect();
    let block_text = |i: usize, blocks: &[Block]| blocks[i].span.of(&text);

    let mut title = None;
    let mut dek = None;
    if let Some((first, second)) = repeated_headline(&text, &blocks) {
        for b in &mut blocks[..first] {
            b.kind = BlockKind::Lead;
        }
        blocks[first].kind = BlockKind::Headline;
        blocks[second].kind = BlockKind::Headline;
        title = Some(collapse_spaces(block_text(first, &blocks)));
        if let Some(next) = blocks.get(second + 1)
            && next.span.len() <= MAX_DEK_BYTES
            && word_count(next.span.of(&text)) <= MAX_DEK_WORDS
        {
            blocks[second + 1].kind = BlockKind::Dek;
            dek = Some(collapse_spaces(block_text(second + 1, &blocks)));
        }
    } else if let Some(first) = blocks.first()
        && looks_like_headline(first.span.of(&text))
    {
        blocks[0].kind = BlockKind::Headline;
        title = Some(collapse_spaces(block_text(0, &blocks)));
    }

    Article {
        title: title.unwrap_or_else(|| title_from_path(path)),
        path: path.to_string(),
        dek,
        blocks,
        text,
    }
}

/// The first headline and its copy: the same short text twice, at most one block apart, within
/// the first few blocks.
fn repeated_headline(text: &str, blocks: &[Block]) -> Option<(usize, usize)> {
    let limit = blocks.len().min(MAX_LEAD_BLOCKS + 3);
    for first in 0..limit.min(MAX_LEAD_BLOCKS + 1) {
        let a = blocks[first].span.of(text);
        if !looks_like_headline(a) {
            continue;
        }
        let copy = blocks[first + 1..limit.min(first + 3)]
            .iter()
            .position(|b| same_text(a, b.span.of(text)));
        if let Some(offset) = copy {
            return Some((first, first + 1 + offset));
        }
    }
    None
}

fn looks_like_headline(block: &str) -> bool {
    if block.len() > MAX_HEADLINE_BYTES {
        return false;
    }
    let words = word_count(block);
    words > 0
        && words <= MAX_HEADLINE_WORDS
        && !block.contains('\n')
        && !block.ends_with(['.', ':', ','])
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "corpus/news_korea.txt" -> "news korea".
fn title_from_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = collapse_spaces(&stem.replace(['_', '-'], " "));
    if title.is_empty() {
        "(untitled)".to_string()
    } else {
        title
    }
}

/// Whitespace that never belongs to a block's text: Unicode whitespace and a byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// A line of the text: its span without the line break, trimmed of surrounding whitespace.
fn trimmed_lines(text: &str) -> Vec<Option<Span>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start_matches(is_space).len();
        let body = line.trim_matches(is_space);
        lines.push((!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len())));
        start += line.len();
    }
    lines
}

/// Splits the text into blocks: one per line, or one per run of lines when the text is
/// hard-wrapped.
fn split_blocks(text: &str) -> Vec<Span> {
    let lines = trimmed_lines(text);
    let runs: Vec<&[Option<Span>]> = lines
        .split(Option::is_none)
        .filter(|run| !run.is_empty())
        .collect();
    let hard_wrapped = looks_hard_wrapped(text, &runs);
    if hard_wrapped {
        runs.iter()
            .filter_map(|run| {
                let first = run.first()?.as_ref()?;
                let last = run.last()?.as_ref()?;
                Some(Span::new(first.start, last.end))
            })
            .collect()
    } else {
        lines.into_iter().flatten().collect()
    }
}

/// Hard-wrapped text has runs of several lines that break mid-sentence at similar widths; text
/// with one paragraph per line has lines ending in sentence punctuation, or of any length.
fn looks_hard_wrapped(text: &str, runs: &[&[Option<Span>]]) -> bool {
    let inner_lines: Vec<&str> = runs
        .iter()
        .filter(|run| run.len() > 1)
        .flat_map(|run| run[..run.len() - 1].iter().flatten())
        .map(|span| span.of(text))
        .collect();
    if inner_lines.is_empty() {
        return false;
    }
    let of_wrap_width = inner_lines
        .iter()
        .filter(|l| (MIN_WRAPPED_LINE..=MAX_WRAPPED_LINE).contains(&l.chars().count()))
        .count();
    let mid_sentence = inner_lines
        .iter()
        .filter(|l| !l.ends_with(['.', '!', '?', '"', '”', ':']))
        .count();
    of_wrap_width * 5 >= inner_lines.len() * 4 && mid_sentence * 2 >= inner_lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(a: &Article) -> Vec<BlockKind> {
        a.blocks.iter().map(|b| b.kind).collect()
    }

    #[test]
    fn scraped_layout_has_lead_headline_twice_and_dek() {
        let text = "Lead paragraph about the events of the day, told at length.\nBig News Today\n\nBig News Today\nA one-line summary of it.\nFirst body paragraph.\n";
        let a = parse_article("x.txt", text.to_string());
        use BlockKind::*;
        assert_eq!(kinds(&a), [Lead, Headline, Headline, Dek, Paragraph]);
        assert_eq!(a.title, "Big News Today");
        assert_eq!(a.dek.as_deref(), Some("A one-line summary of it."));
        assert_eq!(a.block_text(4), "First body paragraph.");
    }

    #[test]
    fn title_first_layout() {
        let text = "North Korea puts military on alert\n\nFriday, August 21, 2015\n\nThe body.\n";
        let a = parse_article("x.txt", text.to_string());
        assert_eq!(a.title, "North Korea puts military on alert");
        assert_eq!(a.dek, None);
        assert_eq!(a.blocks.len(), 3);
    }

    #[test]
    fn crlf_bom_and_trailing_spaces_stay_out_of_blocks() {
        let text = "\u{FEFF}Title here  \r\n\r\nBody one.  \r\nBody two.\r\n";
        let a = parse_article("x.txt", text.to_string());
        let blocks: Vec<&str> = (0..a.blocks.len()).map(|i| a.block_text(i)).collect();
        assert_eq!(blocks, ["Title here", "Body one.", "Body two."]);
        assert_eq!(a.title, "Title here");
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "A title\n\nThis paragraph was wrapped by an editor\nat a short width, so that it runs over\nthree lines of text.\n\nAnd a second one that also was wrapped\nover two.\n";
        let a = parse_article("x.txt", text.to_string());
        assert_eq!(a.blocks.len(), 3);
        assert_eq!(
            a.block_text(2),
            "And a second one that also was wrapped\nover two."
        );
    }

    #[test]
    fn no_headline_takes_the_title_from_the_file_name() {
        let text = "This file starts with a long paragraph that is clearly body text rather than any kind of headline, because it goes on and on for many words.\n";
        let a = parse_article("dir/some_notes.txt", text.to_string());
        assert_eq!(a.title, "some notes");
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn empty_text_has_no_blocks() {
        let a = parse_article("empty.txt", " \n\n ".to_string());
        assert!(a.blocks.is_empty());
        assert_eq!(a.title, "empty");
    }

    #[test]
    fn a_huge_line_without_spaces_is_a_paragraph_not_a_headline() {
        let text = "x".repeat(100_000);
        let a = parse_article("dir/blob.txt", text);
        assert_eq!(a.title, "blob");
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
    }
}
