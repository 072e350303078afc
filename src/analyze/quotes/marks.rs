//! Pairing double quotation marks inside one paragraph.
//!
//! Writers mix straight and curly marks, forget closing ones, and leave a quote open at a
//! paragraph's end when the quotation continues in the next paragraph. Pairing therefore does not
//! trust a mark's shape alone: outside a quote any mark opens one, inside a quote a mark that looks
//! like an opener (space before, a word right after) starts a nested quote, and any other mark
//! closes the innermost one. A quote still open at the paragraph's end runs to that end.

use crate::span::Span;

/// Double quotation marks, straight and typographic.
pub fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟')
}

/// One paired quotation, in byte offsets relative to the paragraph text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// Where the opening mark starts (equal to `inner_start` when the quote continues from the
    /// previous paragraph without a mark).
    pub open: usize,
    /// The quoted words, trimmed of surrounding whitespace.
    pub inner_start: usize,
    pub inner_end: usize,
    /// Just after the closing mark, or the paragraph's end when the quote was left open.
    pub close_end: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

/// Whether the mark at `i` (of length `len`) looks like it opens a quotation: it follows
/// whitespace, the start, or an opening bracket or dash, and a word or opening bracket follows it.
fn looks_opening(text: &str, i: usize, len: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + len..].chars().next();
    let before_ok =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':'));
    let after_ok = after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '[' | '(' | '.' | '…'));
    before_ok && after_ok
}

/// Pairs the marks of one paragraph, `marks` as [`MarkStarts::marks_in`] lists them. With
/// `continued`, the previous paragraph ended inside a quotation: if this paragraph's first mark
/// looks like a closing one, the text before it is the rest of that quotation.
///
/// A paragraph that ends inside a quotation holding nested marks most likely had a stray opening
/// mark ("also known as "Wild 2) in deep space ... to "discover" the samples"): that mark is
/// dropped and the rest paired again, a bounded number of times so the work stays linear.
pub fn pair(text: &str, marks: &[(usize, usize)], continued: bool) -> Vec<Marked> {
    const MAX_RETRIES: usize = 8;
    let mut out = Vec::new();
    let mut from = 0;
    let mut inside = continued
        && marks
            .first()
            .is_some_and(|&(i, len)| !looks_opening(text, i, len) && has_text(&text[..i]));
    for retry in 0..=MAX_RETRIES {
        match pair_from(text, &marks[from..], inside, &mut out) {
            Some(stray) if retry < MAX_RETRIES => {
                // `stray` is relative to `marks[from..]`; `None` there means the continuation.
                from += stray.map_or(0, |k| k + 1);
                inside = false;
            }
            _ => break,
        }
    }
    out
}

/// Where double marks may start in an article's text, in increasing order: the bytes a mark's
/// first byte may be.
///
/// Every double mark but '"' and "``" (an old typewriter opening) starts with byte 0xC2 ('«',
/// '»') or 0xE2 (the others), so only characters starting with those are decoded. Vectorised
/// searches find those bytes, and backticks, which are rare. The whole text is searched once,
/// not each paragraph twice (for backticks, then for the rest): searches of short paragraphs
/// cost more in starting than in searching, and that cut quotes over c200 from 28.83M to 28.46M
/// instruction-equivalents (cachegrind: 195.8k -> 182.3k mispredicts, 98.9k -> 104.9k L1
/// misses, instructions alike).
pub struct MarkStarts(Vec<usize>);

impl MarkStarts {
    /// The places in `text` where a double mark may start.
    pub fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts: Vec<usize> = memchr::memchr3_iter(b'"', 0xC2, 0xE2, bytes).collect();
        let before_backticks = starts.len();
        starts.extend(memchr::memchr_iter(b'`', bytes));
        if starts.len() > before_backticks {
            starts.sort_unstable();
        }
        MarkStarts(starts)
    }

    /// The double marks of the paragraph at `span` of `text` (the text these starts were found
    /// in), with their byte offsets in the paragraph and their lengths.
    pub fn marks_in(&self, text: &str, span: Span) -> Vec<(usize, usize)> {
        let from = self.0.partition_point(|&at| at < span.start);
        let to = self.0.partition_point(|&at| at < span.end);
        let starts = self.0[from..to].iter().map(|&at| at - span.start);
        marks_at(span.of(text), starts)
    }
}

/// The double marks starting at some of `candidates`, increasing byte offsets that include
/// every mark's start.
fn marks_at(text: &str, candidates: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    // The first byte not yet taken into a mark.
    let mut next = 0;
    for at in candidates {
        let len = match bytes[at] {
            b'"' => 1,
            b'`' if bytes.get(at + 1) == Some(&b'`') => 2,
            0xC2 | 0xE2 => text[at..]
                .chars()
                .next()
                .filter(|&c| is_double_mark(c))
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if len > 0 && at >= next {
            marks.push((at, len));
            next = at + len;
        }
    }
    marks
}

fn has_text(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Pairs `marks` into `out`. Returns `Some(stray)` when the paragraph ends inside a quotation
/// that holds nested marks, naming the index in `marks` of its opening mark (`None` for a
/// quotation continued from the previous paragraph). Nested double marks are rare in English,
/// an unclosed quotation holding them is far more often a stray mark.
fn pair_from(
    text: &str,
    marks: &[(usize, usize)],
    inside: bool,
    out: &mut Vec<Marked>,
) -> Option<Option<usize>> {
    // The outermost open quote: index of its mark (if any), mark start, inner start.
    let mut open: Option<(Option<usize>, usize, usize)> = inside.then_some((None, 0, 0));
    let mut depth = 0usize;
    let mut nested = false;
    for (k, &(i, len)) in marks.iter().enumerate() {
        match open {
            None => {
                open = Some((Some(k), i, i + len));
                depth = 0;
                nested = false;
            }
            Some((_, mark, inner)) => {
                if looks_opening(text, i, len) && !text[i..].starts_with('”') {
                    depth += 1;
                    nested = true;
                } else if depth > 0 {
                    depth -= 1;
                } else {
                    push(out, text, mark, inner, i, i + len, true);
                    open = None;
                }
            }
        }
    }
    let (index, mark, inner) = open?;
    if nested {
        return Some(index);
    }
    push(out, text, mark, inner, text.len(), text.len(), false);
    None
}

fn push(
    out: &mut Vec<Marked>,
    text: &str,
    open: usize,
    inner: usize,
    inner_end: usize,
    close_end: usize,
    closed: bool,
) {
    let raw = &text[inner..inner_end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Marked {
        open,
        inner_start: inner + lead,
        inner_end: inner + lead + trimmed.len(),
        close_end,
        closed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks of `text` as a paragraph of its own.
    fn marks_of(text: &str) -> Vec<(usize, usize)> {
        MarkStarts::of(text).marks_in(text, Span::new(0, text.len()))
    }

    #[test]
    fn every_double_mark_is_found_by_its_first_byte() {
        for c in ['"', '“', '”', '„', '«', '»', '‟'] {
            assert!(is_double_mark(c));
            let text = format!("a {c}b`` ```é{c}");
            let n = c.len_utf8();
            assert_eq!(
                marks_of(&text),
                [(2, n), (3 + n, 2), (6 + n, 2), (11 + n, n)],
                "{text}"
            );
        }
    }

    fn marked_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = vec![
            "a", " ", "\"", "“", "”", "„", "«", "»", "‟", "’", "—", "é", "\u{a0}", "`", "\n",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..20).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        /// The search for first bytes in the whole text finds in a paragraph what a look at
        /// every byte of the paragraph alone finds.
        #[test]
        fn searching_first_bytes_misses_no_mark(
            before in marked_text(),
            paragraph in marked_text(),
            after in marked_text(),
            backtick in proptest::bool::ANY,
        ) {
            let keep = |text: &str| if backtick { text.to_string() } else { text.replace('`', "") };
            let (before, paragraph, after) = (keep(&before), keep(&paragraph), keep(&after));
            let text = [before.as_str(), &paragraph, &after].concat();
            let span = Span::new(before.len(), before.len() + paragraph.len());
            proptest::prop_assert_eq!(
                MarkStarts::of(&text).marks_in(&text, span),
                marks_at(&paragraph, 0..paragraph.len())
            );
        }
    }

    fn inner(text: &str, continued: bool) -> Vec<&str> {
        pair(text, &marks_of(text), continued)
            .into_iter()
            .map(|m| &text[m.inner_start..m.inner_end])
            .collect()
    }

    #[test]
    fn straight_and_curly_marks_pair_in_order() {
        assert_eq!(
            inner("He said \"one two\" and “three four”.", false),
            ["one two", "three four"]
        );
    }

    #[test]
    fn a_quote_left_open_runs_to_the_paragraph_end() {
        let text = "She said, \"We will win. We always do.";
        let got = pair(text, &marks_of(text), false);
        assert_eq!(got.len(), 1);
        assert!(!got[0].closed);
        assert_eq!(
            &text[got[0].inner_start..got[0].inner_end],
            "We will win. We always do."
        );
    }

    #[test]
    fn a_continued_paragraph_starts_inside_the_quote() {
        assert_eq!(
            inner("It was a long day.\" Then she left.", true),
            ["It was a long day."]
        );
        // A paragraph that opens a fresh quote does not continue the old one.
        assert_eq!(inner("He said \"no way\".", true), ["no way"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            inner(
                "He said \"they called it \"madness\" at first\" today.",
                false
            ),
            ["they called it \"madness\" at first"]
        );
    }

    #[test]
    fn a_stray_opening_mark_does_not_swallow_the_paragraph() {
        assert_eq!(
            inner(
                "Comet Wild (also known as \"Wild 2) was hit. They used it to \"discover\" dust.",
                false
            ),
            ["discover"]
        );
    }

    #[test]
    fn typewriter_openings_pair_with_straight_closers() {
        assert_eq!(
            inner("`` I say brains.\" — Peres", false),
            ["I say brains."]
        );
    }

    #[test]
    fn a_backwards_curly_closer_still_closes() {
        assert_eq!(
            inner("“I am disappointed.“ However, it ended.", false),
            ["I am disappointed."]
        );
    }
}
