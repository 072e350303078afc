//! The `--json` shape of an analysed article: a contract for scripts, so field names are fixed.

use crate::analyze::Analysis;
use crate::article::Article;
use crate::sanitize::display_char;
use crate::span::Span;
use crate::swar;
use serde_json::ser::{CompactFormatter, Formatter};

/// The article's analysis as one compact JSON object, appended to `out`.
///
/// This is what `lector analyze --json` and `--jsonl` print, byte for byte the same as serde
/// writes the shape in the tests' `serde_reference` (`ArticleJson`), but written directly: the
/// output is mostly small objects of numbers, and going through serde's generic serializer and a
/// formatter per string cost about three times the instructions of the rest of loading and
/// printing an article together.
pub fn write_article(out: &mut Vec<u8>, article: &Article, analysis: &Analysis) {
    let text = article.text.as_str();
    out.reserve(estimated_len(article, analysis));
    out.extend_from_slice(b"{\"path\":");
    write_str(out, &article.path);
    out.extend_from_slice(b",\"title\":");
    write_str(out, &article.title);
    out.extend_from_slice(b",\"dek\":");
    write_opt_str(out, article.dek.as_deref());

    out.extend_from_slice(b",\"blocks\":[");
    write_separated(
        out,
        article.blocks.iter().enumerate(),
        |out, (index, block)| {
            let repeat = analysis.repeats.get(index).copied().flatten();
            out.extend_from_slice(b"{\"index\":");
            write_usize(out, index);
            out.extend_from_slice(b",\"kind\":\"");
            out.extend_from_slice(block.kind.label().as_bytes());
            out.extend_from_slice(b"\",\"start\":");
            write_usize(out, block.span.start);
            out.extend_from_slice(b",\"end\":");
            write_usize(out, block.span.end);
            out.extend_from_slice(b",\"duplicate_of\":");
            match repeat {
                Some(r) => write_usize(out, r.of),
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"similarity\":");
            match repeat {
                Some(r) => write_f32(out, r.similarity),
                None => out.extend_from_slice(b"null"),
            }
            out.push(b'}');
        },
    );

    out.extend_from_slice(b"],\"entities\":[");
    write_separated(out, &analysis.entities, |out, entity| {
        out.extend_from_slice(b"{\"name\":");
        write_str(out, &entity.name);
        out.extend_from_slice(b",\"kind\":\"");
        out.extend_from_slice(entity.kind.label().as_bytes());
        out.extend_from_slice(b"\",\"mentions\":[");
        write_separated(out, &entity.mentions, |out, mention| {
            write_span_fields(out, mention.span, text, mention.block);
            out.push(b'}');
        });
        out.extend_from_slice(b"]}");
    });

    out.extend_from_slice(b"],\"quotes\":[");
    write_separated(out, &analysis.quotes, |out, quote| {
        write_span_fields(out, quote.span, text, quote.block);
        out.extend_from_slice(b",\"speaker\":");
        write_opt_str(out, analysis.speaker_name(quote));
        out.push(b'}');
    });
    out.extend_from_slice(b"]}");
}

/// The elements of a JSON array, parted by commas, each written by `write_one`.
fn write_separated<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut write_one: impl FnMut(&mut Vec<u8>, T),
) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_one(out, item);
    }
}

/// `{"start":..,"end":..,"text":..,"block":..` of a mention or quote, without the closing brace.
fn write_span_fields(out: &mut Vec<u8>, span: Span, text: &str, block: usize) {
    out.extend_from_slice(b"{\"start\":");
    write_usize(out, span.start);
    out.extend_from_slice(b",\"end\":");
    write_usize(out, span.end);
    out.extend_from_slice(b",\"text\":");
    write_span_str(out, text, span);
    out.extend_from_slice(b",\"block\":");
    write_usize(out, block);
}

/// About how many bytes [`write_article`] writes, so its buffer grows once rather than by
/// repeated doubling and copying. Counts only what is cheap to count.
fn estimated_len(article: &Article, analysis: &Analysis) -> usize {
    /// Bytes of an object's keys, punctuation and numbers, beyond its strings.
    const BLOCK: usize = 100;
    const SPAN: usize = 64;
    const ENTITY: usize = 48;
    let mentions: usize = analysis
        .entities
        .iter()
        .map(|e| {
            e.name.len()
                + ENTITY
                + e.mentions
                    .iter()
                    .map(|m| SPAN + m.span.len())
                    .sum::<usize>()
        })
        .sum();
    let quotes: usize = analysis
        .quotes
        .iter()
        .map(|q| 2 * SPAN + q.span.len())
        .sum();
    let strings =
        article.path.len() + article.title.len() + article.dek.as_ref().map_or(0, String::len);
    64 + strings + article.blocks.len() * BLOCK + mentions + quotes
}

/// `n` in decimal, as serde_json spells it.
///
/// Offsets and indices, nearly every number written, have at most eight digits: those are made
/// at once by [`eight_digits`] and appended as one eight-byte word cut to their length, with no
/// branch on how many there are. serde_json's formatter (itoa) branches on that, then copies
/// them with a `memcpy` call of that length, which branches on it again: cachegrind, `analyze
/// --jsonl` of 200 articles, mispredicts 2474k -> 2443k for the same instructions, 362.8M ->
/// 361.6M instruction-equivalents.
///
/// Inlined into its callers, the rare longer numbers left to [`write_long_usize`]: called, it
/// spent about a fifth of its instructions on the call and on saving registers for the long
/// numbers' path (cachegrind as above: 167.5M -> 166.7M instructions, 269.4M -> 268.8M
/// instruction-equivalents).
#[inline(always)]
fn write_usize(out: &mut Vec<u8>, n: usize) {
    let Some(n) = u32::try_from(n).ok().filter(|&n| n < 100_000_000) else {
        write_long_usize(out, n);
        return;
    };
    let digits = eight_digits(n);
    // Leading zero digits are the word's low zero bytes; "0" keeps its one digit.
    let zeros = (digits.trailing_zeros() / 8).min(7) as usize;
    let ascii = digits | (swar::ONES * u64::from(b'0'));
    let len = out.len() + 8 - zeros;
    out.extend_from_slice(&(ascii >> (8 * zeros)).to_le_bytes());
    out.truncate(len);
}

/// `n` in decimal as serde_json's formatter writes it: for numbers of nine digits or more.
#[cold]
#[inline(never)]
fn write_long_usize(out: &mut Vec<u8>, n: usize) {
    // Writing to a Vec cannot fail.
    let _ = CompactFormatter.write_u64(out, n as u64);
}

/// The eight decimal digits of `n` (below 100,000,000, with leading zeros) as byte values 0 to 9
/// in a little-endian word, the first digit lowest: its halves of four digits, their halves of
/// two and those digits are split apart side by side in the word's lanes, dividing by 100 and
/// by 10 with a multiplication and a shift, exact for the lanes' values.
fn eight_digits(n: u32) -> u64 {
    debug_assert!(n < 100_000_000);
    // Two 32-bit lanes of 0..=9999: the first four digits low.
    let fours = u64::from(n / 10_000) | (u64::from(n % 10_000) << 32);
    // x * 5243 >> 19 is x / 100 for x below 43,699; a lane's product stays within 32 bits.
    let hundreds = ((fours * 5243) >> 19) & 0x0000_007F_0000_007F;
    // Four 16-bit lanes of 0..=99.
    let twos = hundreds | ((fours - 100 * hundreds) << 16);
    // x * 103 >> 10 is x / 10 for x below 100; a lane's product stays within 16 bits.
    let tens = ((twos * 103) >> 10) & 0x000F_000F_000F_000F;
    tens | ((twos - 10 * tens) << 8)
}

/// A float as serde_json writes an `f32`: shortest round-trip digits (ryu), `null` if not finite.
fn write_f32(out: &mut Vec<u8>, value: f32) {
    if value.is_finite() {
        let _ = CompactFormatter.write_f32(out, value);
    } else {
        out.extend_from_slice(b"null");
    }
}

fn write_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a terminal-safe JSON string, quotes included.
fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_str_contents(out, s, 0..s.len());
    out.push(b'"');
}

/// `span` of `text` as [`write_str`] writes it, read from `text` eight bytes at a time even
/// where they run past the span's end (they are cut off again like padding, never looked at):
/// inside an article there nearly always are eight bytes to read, where a string alone ends in
/// fewer, read padded (a `memcpy` call of their length, and a branch on whether there are eight,
/// each mispredicted for strings of many lengths). Cachegrind, `analyze --jsonl` of 200
/// articles: mispredicts 2088k -> 2081k, 318.6M -> 318.1M instruction-equivalents (the JSON
/// writer's own functions and `memcpy` 32k -> 23k mispredicts).
fn write_span_str(out: &mut Vec<u8>, text: &str, span: Span) {
    out.push(b'"');
    write_str_contents(out, text, span.start..span.end);
    out.push(b'"');
}

/// The JSON-escaped contents of `s[range]` (no quotes around), as serde_json escapes them plus
/// every char that `display_char` would change: `\"`, `\\`, the short escapes `\b \t \n \f \r`,
/// and `\u` with lowercase hex for other C0 controls and for DEL, C1 controls, bidi, zero-width
/// and tag characters (two `\u` for a char outside the Basic Multilingual Plane).
///
/// Eight bytes at a time are tested with [`look_bytes`] (bytes past the range's end are never
/// looked at; past the end of `s` they are a plain padding byte), which also tells which byte is
/// the first to look at: the scan goes straight to it, not byte by byte through the word (each
/// char beyond ASCII, such as a curly quote, cost mispredicted branches there: cachegrind,
/// `analyze --jsonl` of 200 articles, mispredicts 2443k -> 2409k, 361.6M -> 360.3M
/// instruction-equivalents). Bytes 0x80..0xC0 continue a UTF-8 char and need no look.
///
/// Each word read is appended whole as it is read, and what follows its plain bytes (the byte
/// to look at, or the bytes past the range's end) cut off again, rather than plain runs copied
/// afterwards: most strings are names of a dozen bytes, and a `memcpy` call for each
/// mispredicted on its length.
///
/// Inlined into each caller: one copy of the loop for names and spans alike mispredicted more
/// (cachegrind as above: 2081k -> 2088k in all, 318.1M -> 318.6M instruction-equivalents).
#[inline(always)]
fn write_str_contents(out: &mut Vec<u8>, s: &str, range: std::ops::Range<usize>) {
    let bytes = s.as_bytes();
    let mut i = range.start;
    while i < range.end {
        let word = swar::eight_from(&bytes[i..], b' ');
        let look = look_bytes(word) & first_bytes_of(range.end - i);
        out.extend_from_slice(&word.to_le_bytes());
        if look == 0 {
            i += WORD;
            continue;
        }
        let plain = look.trailing_zeros() as usize / 8;
        out.truncate(out.len() - WORD + plain);
        i += plain;
        let short = match bytes[i] {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            0x08 => Some(b'b'),
            b'\t' => Some(b't'),
            b'\n' => Some(b'n'),
            0x0C => Some(b'f'),
            b'\r' => Some(b'r'),
            _ => None,
        };
        // `i` is the start of a char: a continuation byte is never looked at.
        let c = s[i..].chars().next().unwrap_or_default();
        match short {
            Some(letter) => out.extend_from_slice(&[b'\\', letter]),
            None if !c.is_ascii() && display_char(c) == Some(c) => {
                // All four bytes a char may have, cut to its own, like a word.
                let mut utf8 = [0; 4];
                c.encode_utf8(&mut utf8);
                let len = out.len() + c.len_utf8();
                out.extend_from_slice(&utf8);
                out.truncate(len);
            }
            None => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write_u_escape(out, *unit);
                }
            }
        }
        i += c.len_utf8();
    }
    // The bytes past the end of the last word read, if it was plain.
    out.truncate(out.len() - (i - range.end));
}

/// Every bit of the first `n` bytes of a word, all of them for eight or more (`n` at least 1).
fn first_bytes_of(n: usize) -> u64 {
    debug_assert!(n > 0);
    u64::MAX >> (8 * WORD.saturating_sub(n))
}

/// Bytes tested at once by [`look_bytes`].
const WORD: usize = 8;

/// The top bit of the first byte of `word` that [`write_str_contents`] must look at, and perhaps
/// of bytes after it; zero if there is none. Those bytes are the ASCII controls, DEL, the quote
/// and backslash, and the first byte of every non-ASCII char (only a few of those are escaped,
/// but which is for `display_char` to say); every other byte is copied as it is.
///
/// Bitwise tests on the whole word (below 0x20, 0x7F, the quote, the backslash, or 0xC0 and
/// above): a byte is zero where the subtraction borrows into its top bit. A borrow runs only
/// upwards, into the bytes after a match, so the lowest bit set is exact.
fn look_bytes(word: u64) -> u64 {
    use swar::{HIGH, below, equal_bytes};
    // Bits 7 and 6 both set: the first byte of a char of two or more bytes.
    let lead = word & (word << 1) & HIGH;
    below(word, 0x20)
        | equal_bytes(word, 0x7F)
        | equal_bytes(word, b'"')
        | equal_bytes(word, b'\\')
        | lead
}

/// `\uXXXX` with lowercase hex digits, as serde_json writes it.
fn write_u_escape(out: &mut Vec<u8>, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let [hi, lo] = unit.to_be_bytes();
    out.extend_from_slice(&[
        b'\\',
        b'u',
        HEX[usize::from(hi >> 4)],
        HEX[usize::from(hi & 0xF)],
        HEX[usize::from(lo >> 4)],
        HEX[usize::from(lo & 0xF)],
    ]);
}

/// The JSON shape written through serde, field by field: the reference [`write_article`] is held
/// to in the tests, and the contract in one place.
#[cfg(test)]
mod serde_reference {
    use super::*;
    use crate::analyze::EntityKind;
    use crate::article::BlockKind;
    use serde::Serialize;
    use std::io;

    #[derive(Serialize)]
    pub struct ArticleJson<'a> {
        pub path: &'a str,
        pub title: &'a str,
        pub dek: Option<&'a str>,
        pub blocks: Vec<BlockJson>,
        pub entities: Vec<EntityJson<'a>>,
        pub quotes: Vec<QuoteJson<'a>>,
    }

    #[derive(Serialize)]
    pub struct BlockJson {
        pub index: usize,
        pub kind: BlockKind,
        pub start: usize,
        pub end: usize,
        pub duplicate_of: Option<usize>,
        pub similarity: Option<f32>,
    }

    #[derive(Serialize)]
    pub struct EntityJson<'a> {
        pub name: &'a str,
        pub kind: EntityKind,
        pub mentions: Vec<SpanJson<'a>>,
    }

    #[derive(Serialize)]
    pub struct SpanJson<'a> {
        pub start: usize,
        pub end: usize,
        pub text: &'a str,
        pub block: usize,
    }

    #[derive(Serialize)]
    pub struct QuoteJson<'a> {
        pub start: usize,
        pub end: usize,
        pub text: &'a str,
        pub block: usize,
        pub speaker: Option<&'a str>,
    }

    impl<'a> ArticleJson<'a> {
        pub fn new(article: &'a Article, analysis: &'a Analysis) -> Self {
            let text = article.text.as_str();
            ArticleJson {
                path: &article.path,
                title: &article.title,
                dek: article.dek.as_deref(),
                blocks: article
                    .blocks
                    .iter()
                    .enumerate()
                    .map(|(index, block)| {
                        let repeat = analysis.repeats.get(index).copied().flatten();
                        BlockJson {
                            index,
                            kind: block.kind,
                            start: block.span.start,
                            end: block.span.end,
                            duplicate_of: repeat.map(|r| r.of),
                            similarity: repeat.map(|r| r.similarity),
                        }
                    })
                    .collect(),
                entities: analysis
                    .entities
                    .iter()
                    .map(|e| EntityJson {
                        name: &e.name,
                        kind: e.kind,
                        mentions: e
                            .mentions
                            .iter()
                            .map(|m| SpanJson {
                                start: m.span.start,
                                end: m.span.end,
                                text: m.span.of(text),
                                block: m.block,
                            })
                            .collect(),
                    })
                    .collect(),
                quotes: analysis
                    .quotes
                    .iter()
                    .map(|q| QuoteJson {
                        start: q.span.start,
                        end: q.span.end,
                        text: q.span.of(text),
                        block: q.block,
                        speaker: analysis.speaker_name(q),
                    })
                    .collect(),
            }
        }
    }

    /// `value` as compact JSON that is safe to print on a terminal: besides the C0 controls that JSON
    /// always escapes, every character the text report would neutralize (C1 controls such as CSI
    /// U+009B, DEL, bidi overrides, zero-width and tag characters) is written as a `\u` escape. The
    /// JSON value is the same; only its spelling changes.
    ///
    /// `lector analyze` writes articles with the faster [`write_article`], which spells its output
    /// exactly like this function does for an [`ArticleJson`] (the tests hold it to that).
    pub fn to_terminal_safe_string<T: Serialize>(value: &T) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, TerminalSafe);
        // Serializing plain data into memory fails only on a bug in the data types.
        if value.serialize(&mut serializer).is_err() {
            return "null".to_string();
        }
        // Only valid UTF-8 and ASCII escapes were written.
        String::from_utf8(out).unwrap_or_default()
    }

    struct TerminalSafe;

    impl Formatter for TerminalSafe {
        fn write_string_fragment<W: ?Sized + io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            // serde_json has escaped quotes, backslashes and C0 controls already; what is left to
            // escape here is the rest of what `display_char` changes. Escaping those chars the same
            // way as `write_str` does (a quote or backslash never reaches this point) keeps the two
            // spellings identical.
            let mut escaped = Vec::with_capacity(fragment.len());
            write_str_contents(&mut escaped, fragment, 0..fragment.len());
            writer.write_all(&escaped)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::serde_reference::*;
    use super::*;
    use crate::analyze::EntityKind;
    use crate::article::BlockKind;
    use proptest::prelude::*;

    #[test]
    fn c1_bidi_and_tag_characters_are_escaped_and_decode_back() {
        let text = "csi\u{9b}2J del\u{7f} rlo\u{202E} tag\u{E0041} esc\u{1b}[0m 東京";
        let json = to_terminal_safe_string(&text);
        assert_eq!(
            json,
            r#""csi\u009b2J del\u007f rlo\u202e tag\udb40\udc41 esc\u001b[0m 東京""#
        );
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }
    /// The escaping as it was first written, one char at a time: serde_json's escapes for
    /// quotes, backslashes and C0 controls, `\u` for every other char `display_char` changes.
    fn reference_escape(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            if c == '"' || c == '\\' || c < ' ' {
                let quoted = serde_json::to_string(&c.to_string()).unwrap();
                out.push_str(&quoted[1..quoted.len() - 1]);
            } else if display_char(c) == Some(c) {
                out.push(c);
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn every_char_is_escaped_as_before_alone_and_between_plain_text() {
        let all = (0..=0x3_0000u32)
            .chain(0xE_0000..=0xE_0FFF)
            .chain([0x10_FFFF])
            .filter_map(char::from_u32);
        for c in all {
            // Alone, in a short string, and at both ends and in the middle of a longer one.
            let long = format!("{c}{}{c}{}{c}", "p".repeat(19), "q".repeat(15));
            for s in [c.to_string(), format!("ab{c}cd{c}"), long] {
                let mut out = Vec::new();
                write_str(&mut out, &s);
                let expected = reference_escape(&s);
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{c:?}");
                assert_eq!(to_terminal_safe_string(&s), expected, "{c:?}");
            }
        }
    }

    /// Up to 40 pieces of text, among them every kind of character the escaper treats apart:
    /// quotes, backslashes, controls, DEL, C1 controls, bidirectional marks, and characters of two
    /// to four bytes.
    fn tricky_pieces() -> impl Strategy<Value = Vec<&'static str>> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "bc", " ", "\"", "\\", "\n", "\u{1}", "\u{7f}", "é", "”", "\u{9b}",
                "\u{202e}", "🎉",
            ]),
            0..40,
        )
    }

    proptest! {
        #[test]
        fn strings_of_any_length_are_escaped_as_before(
            pieces in tricky_pieces()
        ) {
            let s = pieces.concat();
            let mut out = b"x".to_vec();
            write_str(&mut out, &s);
            prop_assert_eq!(String::from_utf8(out).unwrap(), format!("x{}", reference_escape(&s)));
        }
    }

    proptest! {
        #[test]
        fn a_span_is_escaped_as_its_text_alone(
            pieces in tricky_pieces(),
            cuts in (0..=40usize, 0..=40usize),
        ) {
            let text = pieces.concat();
            // Spans from one piece's start to another's.
            let starts: Vec<usize> = pieces
                .iter()
                .scan(0, |at, piece| Some(std::mem::replace(at, *at + piece.len())))
                .chain([text.len()])
                .collect();
            let (a, b) = (starts[cuts.0 % starts.len()], starts[cuts.1 % starts.len()]);
            let span = Span::new(a.min(b), a.max(b));
            let mut out = b"x".to_vec();
            write_span_str(&mut out, &text, span);
            let mut alone = b"x".to_vec();
            write_str(&mut alone, span.of(&text));
            prop_assert_eq!(out, alone);
        }
    }

    /// The bytes [`look_bytes`] finds, one by one: ASCII controls, DEL, the quote and backslash,
    /// and the first byte of every non-ASCII char.
    const LOOK: [bool; 256] = {
        let mut look = [false; 256];
        let mut b = 0;
        while b < 256 {
            look[b] =
                b < 0x20 || b == 0x7F || b == b'"' as usize || b == b'\\' as usize || b >= 0xC0;
            b += 1;
        }
        look
    };

    #[test]
    fn the_lowest_look_bit_is_the_first_byte_in_look() {
        // Any two bytes, anywhere, among plain ones: a borrow from the first must not be taken
        // for a byte before it.
        for first in 0..=255u8 {
            for second in 0..=255u8 {
                for at in 0..WORD {
                    for after in at + 1..WORD {
                        for fill in [b'a', 0xBF] {
                            let mut word = [fill; WORD];
                            word[at] = first;
                            word[after] = second;
                            let look = look_bytes(u64::from_le_bytes(word));
                            let expected = word.iter().position(|&b| LOOK[usize::from(b)]);
                            let found = (look != 0).then(|| look.trailing_zeros() as usize / 8);
                            assert_eq!(found, expected, "{word:?}");
                        }
                    }
                }
            }
        }
    }

    /// Numbers of every bit length: about as many of at most eight digits (made by
    /// `eight_digits`) as of more.
    fn any_number() -> impl Strategy<Value = usize> {
        (0..=usize::BITS).prop_flat_map(|bits| 0..=usize::MAX >> (usize::BITS - bits).min(63))
    }

    proptest! {
        #[test]
        fn numbers_are_spelled_in_decimal(n in any_number()) {
            let mut out = b"x".to_vec();
            write_usize(&mut out, n);
            prop_assert_eq!(String::from_utf8(out).unwrap(), format!("x{n}"));
        }
    }

    #[test]
    fn numbers_at_every_change_of_length_are_spelled_in_decimal() {
        let powers = (0..20).map(|e| 10usize.pow(e));
        let near = powers.flat_map(|p| [p - 1, p, p + 1]);
        for n in (0..100_000).chain(near).chain([usize::MAX]) {
            let mut out = Vec::new();
            write_usize(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn kind_names_are_their_serde_names() {
        for kind in EntityKind::ALL {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.label())
            );
        }
        use BlockKind::*;
        for kind in [Lead, Headline, Dek, Paragraph] {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.label())
            );
        }
    }

    #[test]
    fn write_article_spells_articles_as_serde_does() {
        let hostile = crate::load::parse_article(
            "dir/esc\u{1b}[31m\u{202E}name.txt",
            "Lead \u{9b}2J paragraph about \"Acme Corp\" in Paris, told at length.\n\
             Big \u{200B}News \\ Today\nBig \u{200B}News \\ Today\n\
             A dek with a tab\there and a tag\u{E0041}.\n\
             \"We will go,\" said John Smith of Acme Corp in Paris.\u{7f}\n\
             \"We will go,\" said John Smith of Acme Corp in Paris.\u{7f}\n"
                .to_string(),
        );
        let mut articles = vec![hostile];
        for source in crate::load::bundled_sources() {
            articles.push(crate::load::load(&source).unwrap().article);
        }
        for article in &articles {
            let analysis = crate::analyze::analyze(article);
            let mut out = Vec::new();
            write_article(&mut out, article, &analysis);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                to_terminal_safe_string(&ArticleJson::new(article, &analysis)),
                "{}",
                article.path
            );
        }
        // A repeat's similarity is a float; one that is not finite is null, as serde writes it.
        let article = &articles[0];
        let mut analysis = crate::analyze::analyze(article);
        analysis.repeats = (0..article.blocks.len())
            .map(|i| {
                Some(crate::analyze::Repeat {
                    of: i,
                    similarity: [0.1, 1.0, f32::NAN, f32::INFINITY, 1e-7, 0.333_333_34][i % 6],
                })
            })
            .collect();
        let mut out = Vec::new();
        write_article(&mut out, article, &analysis);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            to_terminal_safe_string(&ArticleJson::new(article, &analysis))
        );
    }
}
