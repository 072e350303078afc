//! A paragraph's words exactly as [`text::words`] splits them, found faster: a word of ASCII
//! letters and digits (nearly every word) is scanned here a byte at a time with a table, and
//! only a word that touches a non-ASCII character is left to [`text::word_iter`].
//!
//! The two can take turns because splitting looks at nothing before the word it is on: started
//! anywhere between two words, `text::word_iter` finds the same next word.

use crate::analyze::text::{self, Word};
use crate::span::Span;

/// The words of `text`, as [`text::words`] has them.
pub fn words(text: &str) -> Vec<Word<'_>> {
    // As `text::words`: words and the space after them average about six bytes.
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut at = 0;
    while let Some(start) = next_word_start(text, at) {
        let word = match ascii_word_end(text, start) {
            Some(end) => Word {
                text: &text[start..end],
                span: Span::new(start, end),
            },
            None => match text::word_iter(&text[start..]).next() {
                Some(w) => Word {
                    text: w.text,
                    span: w.span.offset(start),
                },
                None => break,
            },
        };
        at = word.span.end;
        out.push(word);
    }
    out
}

/// What a byte is to the ASCII scan.
const GAP: u8 = 0;
const ALNUM: u8 = 1;
/// A byte of a non-ASCII character: left to `text::word_iter`.
const OTHER: u8 = 2;

const BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else {
            GAP
        };
        b += 1;
    }
    table
};

fn is_alnum(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] == ALNUM
}

/// Where the next word starts from byte `at` (a character boundary between words): past
/// characters that are neither letters nor digits, as `text::words` skips them. `None` at the end.
fn next_word_start(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        match BYTE_CLASS[usize::from(*bytes.get(at)?)] {
            GAP => at += 1,
            ALNUM => return Some(at),
            _ => {
                let c = char_at(text, at);
                if c.is_alphanumeric() {
                    return Some(at);
                }
                at += c.len_utf8();
            }
        }
    }
}

/// The character starting at byte `at`, a character boundary inside `text`.
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or_default()
}

/// Whether non-ASCII `c` right after a word (or after its final period) ends it for sure:
/// General Punctuation (dashes, curly quotes, ellipsis, spaces) holds no letter, digit or
/// combining mark, and of it only '’' may join two words. A no-break space ends a word too.
/// Other characters are left to `text::word_iter`.
fn ends_word(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{A0}') && c != '’'
}

/// The end of the word starting at byte `start`, when the word and the character after it
/// are ASCII; `None` when a non-ASCII character has a say (a letter, an accent, a curly
/// apostrophe may extend the word), or `start` is no ASCII letter or digit.
///
/// The rules are `text::words`'s: letters and digits, joined by `'`, `-`, `.` or `&` when a
/// letter or digit follows, and a final period kept after an abbreviation ("U.S.", "J.").
fn ascii_word_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !is_alnum(bytes[start]) {
        return None;
    }
    let mut end = start;
    loop {
        end += bytes[end..]
            .iter()
            .position(|&b| !is_alnum(b))
            .unwrap_or(bytes.len() - end);
        let Some(&b) = bytes.get(end) else {
            return Some(end);
        };
        if !b.is_ascii() {
            return ends_word(char_at(text, end)).then_some(end);
        }
        if !matches!(b, b'\'' | b'-' | b'.' | b'&') {
            return Some(end);
        }
        let next = match bytes.get(end + 1) {
            Some(&next) if is_alnum(next) => {
                end += 1;
                continue;
            }
            Some(&next) if !next.is_ascii() => Some(char_at(text, end + 1)),
            _ => None,
        };
        if next.is_some_and(char::is_alphanumeric) {
            return None;
        }
        if b == b'.' && is_abbreviation(&bytes[start..end]) {
            // An accent after the period would belong to the word.
            return next.is_none_or(ends_word).then_some(end + 1);
        }
        return Some(end);
    }
}

/// "U.S", "J", "D.C": single capital letters separated by periods (ASCII only).
fn is_abbreviation(piece: &[u8]) -> bool {
    piece.len() % 2 == 1
        && piece.iter().enumerate().all(|(i, &b)| {
            if i % 2 == 0 {
                b.is_ascii_uppercase()
            } else {
                b == b'.'
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans(words: &[Word]) -> Vec<(usize, usize, String)> {
        words
            .iter()
            .map(|w| (w.span.start, w.span.end, w.text.to_string()))
            .collect()
    }

    #[test]
    fn general_punctuation_after_a_word_ends_it_as_the_shared_splitter_says() {
        let block = ('\u{2000}'..='\u{206F}').chain(['\u{A0}']);
        for c in block.filter(|&c| ends_word(c)) {
            for text in [format!("ab{c}c"), format!("U.S.{c}c"), format!("a.{c}c")] {
                assert_eq!(spans(&words(&text)), spans(&text::words(&text)), "{text}");
            }
        }
    }

    #[test]
    fn words_split_as_the_shared_splitter_does() {
        for text in [
            "The U.S. said \"no\" -- twice. J. Lucero's co-op & A&B 3.5 x.",
            "O’Brien said “Café” de\u{301}ja\u{300} vu U.S.\u{301} and I. then",
            "end. A.B.C. A.b. AB. A.. -x- 'y' z- .",
            "İstanbul, 東京 and Ωmega: x-é, x'’, x.“",
            "",
            "...",
            "a",
        ] {
            assert_eq!(spans(&words(text)), spans(&text::words(text)), "{text}");
        }
    }

    /// Characters that decide word edges, ASCII and not.
    fn edgy_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "B", "Z", "q", "7", " ", "  ", ".", "'", "-", "&", ",", "\"", "(", "\n", "é", "É",
            "\u{301}", "’", "“", "”", "\u{a0}", "東", "İ", "U.S", "J.", "A.B.C.", "x-y",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn words_match_the_shared_splitter(text in edgy_text()) {
            prop_assert_eq!(spans(&words(&text)), spans(&text::words(&text)));
        }

        #[test]
        fn words_match_the_shared_splitter_on_any_text(text in any::<String>()) {
            prop_assert_eq!(spans(&words(&text)), spans(&text::words(&text)));
        }
    }
}
