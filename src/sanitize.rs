//! Document text is data, never terminal input: every character that could move the cursor,
//! start an escape sequence, reorder text or hide itself is replaced by a visible stand-in (or
//! dropped, for invisible formatting marks) before it is written anywhere a terminal may read it.

use crate::swar;
use std::borrow::Cow;

/// What a single character of a document is shown as.
pub fn display_char(c: char) -> Option<char> {
    match c {
        // C0 controls (ESC, BEL, BS, CR, ...) as Unicode "control pictures": ␛ ␇ ␈ ␍.
        '\t' => Some(' '),
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('␡'),
        // C1 controls include CSI (U+009B) and OSC (U+009D), which some terminals obey.
        '\u{80}'..='\u{9F}' => Some('\u{FFFD}'),
        // Bidi overrides and isolates could make text display in another order than it is stored.
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => None,
        // Zero-width and other invisible format characters: dropped, so nothing hides in a line.
        // Tag characters (U+E0000..) are invisible ASCII look-alikes used to smuggle text.
        '\u{200B}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}' => None,
        // Line and paragraph separators would break lines behind the layout's back.
        '\u{2028}' | '\u{2029}' => Some(' '),
        _ => Some(c),
    }
}

/// `text` with every character mapped by [`display_char`]; borrowed when nothing changes.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| display_char(c) == Some(c)) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter_map(display_char).collect())
    }
}

/// `text` on one line: every run of whitespace (line breaks included) as one space, none at
/// either end, so a block's line breaks read as spaces and not as control pictures once
/// sanitized. Most titles and names are single-spaced already: those are copied as they are.
pub fn one_line(text: &str) -> String {
    if plainly_one_line(text) || is_single_spaced(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` is [`one_line`] already: no whitespace but single spaces between words.
fn is_single_spaced(text: &str) -> bool {
    if text.starts_with(' ') || text.ends_with(' ') {
        return false;
    }
    let mut after_space = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b' ' if after_space => return false,
            b' ' => {
                after_space = true;
                continue;
            }
            // The other ASCII whitespace: tab, line feed, vertical tab, form feed, return.
            b'\t'..=b'\r' => return false,
            // The first byte of a non-ASCII char, which may be whitespace (U+00A0, U+2003, ...).
            0xC0.. if text[i..].starts_with(char::is_whitespace) => return false,
            _ => {}
        }
        after_space = false;
    }
    true
}

/// Whether [`one_line`] leaves `text` as it is, answered eight bytes at a time for what most
/// names and titles are: printable ASCII, words one space apart. False for anything else, which
/// [`is_single_spaced`] then reads (its byte-by-byte test cost a mispredicted branch for most
/// entity names).
fn plainly_one_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // Every byte printable or a space, and no space beside another.
    let plain = |eight: u64| {
        let spaces = swar::in_range(eight, b' ', b' ');
        let printable = swar::in_range(eight, b'!', b'~');
        (spaces | printable) == swar::HIGH && spaces & (spaces >> 8) == 0
    };
    // Eight bytes at 0, 7, 14, ... and the last eight: each pair of neighbours lies within one
    // of them. Those of a text of fewer than eight are padded with letters, which add no space
    // beside its last byte (not a space). Reading the last eight rather than padding what is
    // left after the others spares most names a read of a length of its own, a `memcpy` call
    // mispredicted on that length: cachegrind, `analyze --jsonl` of 200 articles, `one_line` and
    // `memcpy` 6.92M -> 6.12M instruction-equivalents, 318.2M -> 317.6M in all.
    let Some(last_eight) = bytes.len().checked_sub(8) else {
        return plain(swar::eight_from(bytes, b'a'));
    };
    let mut at = 0;
    while at < last_eight {
        if !plain(swar::eight_from(&bytes[at..], b'a')) {
            return false;
        }
        at += 7;
    }
    plain(swar::eight_from(&bytes[last_eight..], b'a'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_name_plainly_on_one_line_is_as_one_line_leaves_it(
            text in "[ab \t\n\u{1}\u{7f}\u{a0}é.]{0,20}",
        ) {
            if plainly_one_line(&text) {
                prop_assert_eq!(one_line(&text), text);
            }
        }
    }

    #[test]
    fn plain_names_of_every_length_are_taken_as_they_are() {
        for name in [
            "",
            "X",
            "UN",
            "FBI",
            "A B",
            "NASA",
            "Trump",
            "O'Neil",
            "U.S. Army",
            "Claudia Sheinbaum",
            "Alexandria Ocasio-Cortez and Co",
        ] {
            assert!(plainly_one_line(name), "{name:?}");
        }
        for name in [
            " A",
            "A ",
            "A  B",
            "Claudia\nSheinbaum",
            "Claudia  Sheinbaum",
            "Zoë",
        ] {
            assert!(!plainly_one_line(name), "{name:?}");
        }
    }

    #[test]
    fn one_line_collapses_every_kind_of_whitespace() {
        let general = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            " ",
            "One two three",
            "One  two",
            " One",
            "One ",
            "One\ttwo",
            "One\u{b}two",
            "eBay\u{b}d'Ettorre",
            "One\u{a0}two",
            "Grüße aus 東京\u{3000}heute",
            "Grüße aus 東京 heute",
            "One\u{2028}two\u{85}",
            "x\u{1c}y",
        ] {
            assert_eq!(is_single_spaced(s), general(s) == s, "{s:?}");
            assert_eq!(one_line(s), general(s), "{s:?}");
        }
    }

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\u{1b}[31mred\u{1b}]0;title\u{7}b");
        assert!(!s.chars().any(|c| c.is_control()));
        assert_eq!(s, "a␛[31mred␛]0;title␇b");
    }

    #[test]
    fn c1_bidi_and_zero_width_are_neutralized() {
        assert_eq!(sanitize("x\u{9b}2Jy\u{202E}z\u{200B}w"), "x\u{FFFD}2Jyzw");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Plain «text» 東京 🎉"), Cow::Borrowed(_)));
    }

    #[test]
    fn tag_characters_and_annotations_are_dropped() {
        assert_eq!(sanitize("ok\u{E0041}\u{E0042}\u{FFF9}x\u{FFFB}"), "okx");
    }

    #[test]
    fn no_output_char_is_a_control_or_invisible_format_char() {
        // Every char of the first planes and the tag block: nothing a terminal obeys gets through.
        let all = (0..=0x3_0000u32)
            .chain(0xE_0000..=0xE_0FFF)
            .filter_map(char::from_u32);
        for c in all {
            if let Some(shown) = display_char(c) {
                assert!(!shown.is_control(), "{:?} shown as control {:?}", c, shown);
                assert!(
                    !matches!(shown, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
                    "{c:?} shown as a bidi control"
                );
            }
        }
    }

    #[test]
    fn wide_and_combining_characters_pass_unchanged() {
        assert_eq!(
            sanitize("東京 e\u{301} 👩\u{200D}🔬"),
            "東京 e\u{301} 👩\u{200D}🔬"
        );
    }
}
