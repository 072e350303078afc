//! Pairing double quotation marks inside one paragraph.
//!
//! Writers mix straight and curly marks, forget closing ones, and leave a quote open at a
//! paragraph's end when the quotation continues in the next paragraph. Pairing therefore does not
//! trust a mark's shape alone: outside a quote any mark opens one, inside a quote a mark that looks
//! like an opener (space before, a word right after) starts a nested quote, and any other mark
//! closes the innermost one. A quote still open at the paragraph's end runs to that end.

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

/// Pairs the marks of one paragraph. With `continued`, the previous paragraph ended inside a
/// quotation: if this paragraph's first mark looks like a closing one, the text before it is the
/// rest of that quotation.
pub fn pair(text: &str, continued: bool) -> Vec<Marked> {
    let marks: Vec<(usize, usize)> = text
        .char_indices()
        .filter(|&(_, c)| is_double_mark(c))
        .map(|(i, c)| (i, c.len_utf8()))
        .collect();
    let mut out = Vec::new();
    // Start of the outermost open quote (its mark start and inner start) and nesting depth.
    let mut open: Option<(usize, usize)> = None;
    let mut depth = 0usize;
    if continued
        && let Some(&(i, len)) = marks.first()
        && !looks_opening(text, i, len)
        && !text[..i].trim().is_empty()
    {
        open = Some((0, 0));
    }
    for (i, len) in marks {
        match open {
            None => {
                open = Some((i, i + len));
                depth = 0;
            }
            Some((mark, inner)) => {
                if looks_opening(text, i, len) && text[i..].starts_with(|c| c != '”') {
                    depth += 1;
                } else if depth > 0 {
                    depth -= 1;
                } else {
                    push(&mut out, text, mark, inner, i, i + len, true);
                    open = None;
                }
            }
        }
    }
    if let Some((mark, inner)) = open {
        push(&mut out, text, mark, inner, text.len(), text.len(), false);
    }
    out
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

    fn inner(text: &str, continued: bool) -> Vec<&str> {
        pair(text, continued)
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
        let got = pair(text, false);
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
    fn a_backwards_curly_closer_still_closes() {
        assert_eq!(
            inner("“I am disappointed.“ However, it ended.", false),
            ["I am disappointed."]
        );
    }
}
