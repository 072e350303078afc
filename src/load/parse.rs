//! Text into an `Article`: find the blocks, then the headline, the lead before it and the dek.
//!
//! Two layouts are common. Scraped pages put a lead paragraph (or a photo caption) first, then the
//! headline, often twice, then a one-line summary (the dek), then the body. Clean articles put the
//! title first. Paragraphs are separated by blank lines or by single newlines; a file whose
//! paragraphs are hard-wrapped (several short lines between blank lines) has each run of lines
//! joined into one block.

use crate::article::{Article, Block, BlockKind};
use crate::sanitize::one_line;
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
    let mut blocks = split_blocks(&text);
    let block_text = |i: usize, blocks: &[Block]| blocks[i].span.of(&text);

    let mut title = None;
    let mut dek = None;
    // A date line ("Friday, January 3, 2014") is never a headline or a dek: a title-first
    // article may open with one, and a scraper may put one between the headline and the dek.
    let dated = |i: usize, blocks: &[Block]| is_dateline(block_text(i, blocks));
    if let Some((first, second)) = repeated_headline(&text, &blocks) {
        for b in &mut blocks[..first] {
            b.kind = BlockKind::Lead;
        }
        blocks[first].kind = BlockKind::Headline;
        blocks[second].kind = BlockKind::Headline;
        title = Some(one_line(block_text(first, &blocks)));
        let mut d = second + 1;
        if d < blocks.len() && dated(d, &blocks) {
            d += 1;
        }
        if let Some(next) = blocks.get(d)
            && next.span.len() <= MAX_DEK_BYTES
            && words_up_to(next.span.of(&text), MAX_DEK_WORDS + 1) <= MAX_DEK_WORDS
            && !dated(d, &blocks)
        {
            blocks[d].kind = BlockKind::Dek;
            dek = Some(one_line(block_text(d, &blocks)));
        }
    } else {
        // Title first, perhaps after its date line.
        let first = usize::from(!blocks.is_empty() && dated(0, &blocks));
        if let Some(b) = blocks.get(first)
            && looks_like_headline(b.span.of(&text))
            && !dated(first, &blocks)
        {
            blocks[first].kind = BlockKind::Headline;
            title = Some(one_line(block_text(first, &blocks)));
        }
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

/// A date and nothing more, as news sites print above or below a headline: "Friday, January 3,
/// 2014", "3 January 2014", "Jan. 3, 2014, 10:30 a.m. ET", "2014-01-03". A month and a day or
/// a year must be there, and every other word must be a weekday, a time or a zone.
fn is_dateline(block: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    const OTHER: &[&str] = &[
        "am",
        "pm",
        "a.m",
        "p.m",
        "utc",
        "gmt",
        "et",
        "pt",
        "ct",
        "est",
        "edt",
        "pst",
        "pdt",
        "cet",
        "bst",
        "updated",
        "published",
        "posted",
        "on",
        "at",
    ];
    if block.len() > 80 || block.contains('\n') {
        return false;
    }
    let iso = |w: &str| {
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && parts.iter().any(|p| p.len() == 4)
    };
    let (mut month, mut day, mut year) = (false, false, false);
    for word in block.split_whitespace() {
        let w = word
            .trim_matches(|c: char| matches!(c, ',' | ':' | '(' | ')' | '|' | '—' | '–' | '-'))
            .trim_end_matches('.')
            .to_lowercase();
        if w.is_empty() {
            continue;
        }
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = matches!(&w[digits.len()..], "" | "st" | "nd" | "rd" | "th");
        if MONTHS.contains(&w.as_str()) {
            month = true;
        } else if iso(&w) {
            return block.split_whitespace().count() <= 4;
        } else if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && ordinal {
            match digits.len() {
                1 | 2 => day = true,
                4 => year = true,
                _ => return false,
            }
        } else if !(WEEKDAYS.contains(&w.as_str())
            || OTHER.contains(&w.as_str())
            || w.split(':')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
        {
            return false;
        }
    }
    month && (day || year)
}

fn looks_like_headline(block: &str) -> bool {
    // The cheap tests first: most blocks are paragraphs, ending in a full stop.
    if block.len() > MAX_HEADLINE_BYTES || block.ends_with(['.', ':', ',']) || block.contains('\n')
    {
        return false;
    }
    (1..=MAX_HEADLINE_WORDS).contains(&words_up_to(block, MAX_HEADLINE_WORDS + 1))
}

/// The same words, ignoring case. ASCII words, nearly all of them, are compared in place;
/// others are lower-cased whole, so that context-dependent rules (a Greek final sigma) apply.
fn same_text(a: &str, b: &str) -> bool {
    let same_word = |a: &str, b: &str| {
        if a.is_ascii() && b.is_ascii() {
            a.eq_ignore_ascii_case(b)
        } else {
            a.to_lowercase() == b.to_lowercase()
        }
    };
    let (mut a, mut b) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// The number of words in `s`, counting no further than `limit`: enough to tell whether a
/// block is short, without going through a long one.
///
/// ASCII text (nearly all) is counted eight bytes at a time: a word starts at each byte that
/// is not whitespace after one that is (or at the start). Its whitespace, as
/// `char::is_whitespace` has it, is the space and the tab to carriage return.
fn words_up_to(s: &str, limit: usize) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().take(limit).count();
    }
    use crate::swar::HIGH;
    let mut words = 0;
    // Whether the byte before the next one is whitespace; the start counts as after some.
    let mut after_space = true;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let space = ascii_space_mask(crate::swar::eight_at(chunk).unwrap_or(0));
        // Byte k + 1 follows byte k; the chunk's first byte follows the last chunk's last.
        let space_before = (space << 8) | (u64::from(after_space) << 7);
        words += (!space & space_before & HIGH).count_ones() as usize;
        if words >= limit {
            return limit;
        }
        after_space = space >> 63 != 0;
    }
    for &b in chunks.remainder() {
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        if !space && after_space {
            words += 1;
        }
        after_space = space;
    }
    words.min(limit)
}

/// The high bit of each byte of `word` (eight ASCII bytes) that is ASCII whitespace: the space,
/// or the tab to carriage return (0x09 to 0x0D).
fn ascii_space_mask(word: u64) -> u64 {
    use crate::swar::in_range;
    in_range(word, b'\t', b'\r') | in_range(word, b' ', b' ')
}

/// "corpus/news_korea.txt" -> "news korea".
fn title_from_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = one_line(&stem.replace(['_', '-'], " "));
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
    let trimmed = |start: usize, end: usize| {
        let line = &text[start..end];
        let from_first = line.trim_start_matches(is_space);
        let body = from_first.trim_end_matches(is_space);
        let lead = line.len() - from_first.len();
        (!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len()))
    };
    let mut lines = Vec::new();
    let mut start = 0;
    // A vectorised search for the line breaks: lines are long, and `str::split_inclusive`
    // looks for them a word at a time.
    for newline in memchr::memchr_iter(b'\n', text.as_bytes()) {
        lines.push(trimmed(start, newline + 1));
        start = newline + 1;
    }
    if start < text.len() {
        lines.push(trimmed(start, text.len()));
    }
    lines
}

/// Splits the text into blocks, paragraphs until told otherwise: one per line, or one per run
/// of lines when the text is hard-wrapped. Made as blocks at once, not as spans first: one
/// allocation fewer per article.
fn split_blocks(text: &str) -> Vec<Block> {
    let paragraph = |span| Block {
        kind: BlockKind::Paragraph,
        span,
    };
    let lines = trimmed_lines(text);
    // Gone through twice rather than collected: two fewer allocations per article.
    let runs = || lines.split(Option::is_none).filter(|run| !run.is_empty());
    if looks_hard_wrapped(text, runs()) {
        runs()
            .filter_map(|run| {
                let first = run.first()?.as_ref()?;
                let last = run.last()?.as_ref()?;
                Some(paragraph(Span::new(first.start, last.end)))
            })
            .collect()
    } else {
        lines.into_iter().flatten().map(paragraph).collect()
    }
}

/// Hard-wrapped text has runs of several lines that break mid-sentence at similar widths; text
/// with one paragraph per line has lines ending in sentence punctuation, or of any length.
///
/// At least four in five of the lines inside runs (not a run's last) must be of a wrapped
/// line's width, and at least half of them must not end a sentence. The lines are looked at
/// only until too many fail either test, not counted to the end: most texts fail within a few
/// lines, as a paragraph per line is far longer than a wrapped line (cachegrind, parsing 200
/// articles: 7.28M -> 6.79M instruction-equivalents; 4.15M -> 3.81M instructions, 46.4k ->
/// 42.6k mispredicts).
fn looks_hard_wrapped<'a>(
    text: &str,
    runs: impl Iterator<Item = &'a [Option<Span>]> + Clone,
) -> bool {
    // A run's lines are all `Some`: runs are split at the blank lines.
    let inner_runs = runs.filter(|run| run.len() > 1);
    let inner: usize = inner_runs.clone().map(|run| run.len() - 1).sum();
    // The most lines that may fail each test.
    let max_off_width = inner - (4 * inner).div_ceil(5);
    let max_sentence_ends = inner - inner.div_ceil(2);
    let inner_lines = inner_runs
        .flat_map(|run| run[..run.len() - 1].iter().flatten())
        .map(|span| span.of(text));
    let (mut off_width, mut sentence_ends) = (0, 0);
    for line in inner_lines {
        off_width += usize::from(!is_of_wrap_width(line));
        sentence_ends += usize::from(line.ends_with(['.', '!', '?', '"', '”', ':']));
        if off_width > max_off_width || sentence_ends > max_sentence_ends {
            return false;
        }
    }
    inner > 0
}

/// Whether `line` is as long as a hard-wrapped line. A char has at most 4 bytes, so most lines
/// are told from their byte length alone without counting their chars.
fn is_of_wrap_width(line: &str) -> bool {
    (MIN_WRAPPED_LINE..=4 * MAX_WRAPPED_LINE).contains(&line.len())
        && (MIN_WRAPPED_LINE..=MAX_WRAPPED_LINE).contains(&char_count(line))
}

/// How many chars `line` has. An ASCII line, nearly every one, has one a byte, and telling that
/// costs less than counting them (`chars().count()` reads the bytes before and after its
/// aligned words one by one, mispredicting on how many there are): cachegrind, parsing 200
/// articles, 7.63M -> 7.28M instruction-equivalents (50.5k -> 46.2k mispredicts).
fn char_count(line: &str) -> usize {
    if line.is_ascii() {
        line.len()
    } else {
        line.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_counted_in_ascii_lines_and_others() {
        for line in [
            "",
            "a",
            "Plain ASCII line.",
            "Grüße aus Zürich",
            "東京 Tokyo",
            "🎉",
        ] {
            assert_eq!(char_count(line), line.chars().count(), "{line}");
        }
    }

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
    fn a_date_line_is_never_the_title_or_the_dek() {
        let text = "Friday, January 3, 2014\n\nPreston, Victoria, Australia On Saturday, the team met its coach, who spoke at length about the season ahead and the players.\n";
        let a = parse_article("dir/wheelchair_team.txt", text.to_string());
        assert_eq!(a.title, "wheelchair team");
        assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));

        let text = "Friday, January 3, 2014\n\nTeam wins the final\n\nThe body.\n";
        let a = parse_article("x.txt", text.to_string());
        assert_eq!(a.title, "Team wins the final");

        let text = "Lead paragraph about the events of the day, told at length.\nBig News Today\nBig News Today\n3 January 2014\nA one-line summary of it.\nBody.\n";
        let a = parse_article("x.txt", text.to_string());
        assert_eq!(a.dek.as_deref(), Some("A one-line summary of it."));
    }

    #[test]
    fn date_lines_are_told_from_headlines() {
        for date in [
            "Friday, January 3, 2014",
            "3 January 2014",
            "Jan. 3, 2014, 10:30 a.m. ET",
            "2014-01-03",
            "Updated: March 5th, 2007",
        ] {
            assert!(is_dateline(date), "{date}");
        }
        for headline in [
            "May Day marches in Paris",
            "March on Washington draws 2,000",
            "Apple unveils iPhone 16",
            "Friday",
        ] {
            assert!(!is_dateline(headline), "{headline}");
        }
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
    fn lines_are_trimmed_and_blank_lines_are_none() {
        let text = "a\n\nb  \r\n c\n\u{2028}d";
        let lines: Vec<Option<&str>> = trimmed_lines(text)
            .iter()
            .map(|l| l.map(|s| s.of(text)))
            .collect();
        assert_eq!(lines, [Some("a"), None, Some("b"), Some("c"), Some("d")]);
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "bc", " ", "  ", "\n", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x08", "\x0e", "\x1f", "!", "\x7f", "\u{a0}", "\u{2028}", "é"]),
                0..60,
            ),
            limit in 0usize..40,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                words_up_to(&text, limit),
                text.split_whitespace().take(limit).count()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_are_counted_as_split_whitespace_counts_them(
            text in "[a !\t\n\x0b\x0c\r\x08\x0e\x1c\x1f\x7f]{0,80}",
            limit in 0usize..40,
        ) {
            proptest::prop_assert_eq!(
                words_up_to(&text, limit),
                text.split_whitespace().take(limit).count()
            );
        }
    }

    /// [`looks_hard_wrapped`] as it was first written: every line inside a run counted.
    fn reference_looks_hard_wrapped(text: &str) -> bool {
        let lines = trimmed_lines(text);
        let inner_lines = lines
            .split(Option::is_none)
            .filter(|run| run.len() > 1)
            .flat_map(|run| run[..run.len() - 1].iter().flatten())
            .map(|span| span.of(text));
        let (mut inner, mut of_wrap_width, mut mid_sentence) = (0, 0, 0);
        for line in inner_lines {
            inner += 1;
            of_wrap_width +=
                usize::from((MIN_WRAPPED_LINE..=MAX_WRAPPED_LINE).contains(&line.chars().count()));
            mid_sentence += usize::from(!line.ends_with(['.', '!', '?', '"', '”', ':']));
        }
        inner > 0 && of_wrap_width * 5 >= inner * 4 && mid_sentence * 2 >= inner
    }

    proptest::proptest! {
        #[test]
        fn hard_wrapping_is_told_as_by_counting_every_line(
            lines in proptest::collection::vec(
                (0..120usize, proptest::sample::select(vec!["", ".", "\"", "é", "é.", "\n"])),
                0..30,
            )
        ) {
            let text: String = lines
                .iter()
                .map(|&(len, end)| format!("{}{end}\n", "w".repeat(len)))
                .collect();
            let lines = trimmed_lines(&text);
            let runs = lines.split(Option::is_none).filter(|run| !run.is_empty());
            proptest::prop_assert_eq!(
                looks_hard_wrapped(&text, runs),
                reference_looks_hard_wrapped(&text)
            );
        }
    }

    /// The lines as `str::split_inclusive` cuts them, the reference for the faster search.
    fn reference_trimmed_lines(text: &str) -> Vec<Option<Span>> {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let lead = line.len() - line.trim_start_matches(is_space).len();
            let body = line.trim_matches(is_space);
            lines.push(
                (!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len())),
            );
            start += line.len();
        }
        lines
    }

    proptest::proptest! {
        #[test]
        fn lines_are_cut_as_split_inclusive_cuts_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "b c", " ", "\n", "\r\n", "\t", "\u{2028}", "\u{FEFF}", "\u{a0}", "é"]),
                0..30,
            )
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(trimmed_lines(&text), reference_trimmed_lines(&text));
        }
    }

    #[test]
    fn headline_copies_match_ignoring_case_and_spacing() {
        assert!(same_text("Big  News Today", "big news\tTODAY"));
        assert!(!same_text("Big News", "Big News Today"));
        assert!(same_text("Grüße AUS Zürich", "GRÜSSE aus zürich") == ("grüße" == "grüsse"));
        assert!(same_text("ΟΔΟΣ", "οδος"));
        assert!(!same_text("ΟΔΟΣ", "οδοσ"));
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
