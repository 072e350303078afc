//! Bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, UTF-16 without one when its
//! zero bytes give it away, or lossily decoded bytes.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("not a text file (it contains NUL bytes)")]
    Binary,
    #[error("UTF-32 text is not supported (convert it to UTF-8)")]
    Utf32,
}

/// Decoded text and what the reader should be told about it.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<&'static str>,
}

pub fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    // UTF-32 byte-order marks first: the little-endian one starts like UTF-16's.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(DecodeError::Utf32);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return with_bom(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return with_bom(utf16(rest, u16::from_be_bytes));
    }
    if has_nul(&bytes) {
        return without_bom(&bytes).ok_or(DecodeError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            warning: None,
        }),
        Err(e) => Ok(Decoded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            warning: Some(
                "not valid UTF-8: undecodable bytes are shown as \u{FFFD}, and offsets refer to the decoded text",
            ),
        }),
    }
}

/// Whether `bytes` contains a NUL byte. Every file is searched whole, so this is written to be
/// fast: the fold over a fixed-size chunk has no early exit and compiles to SIMD compares, where
/// `contains(&0)` goes a word at a time (about five times the instructions).
fn has_nul(bytes: &[u8]) -> bool {
    const CHUNK: usize = 64;
    let chunks = bytes.chunks_exact(CHUNK);
    let rest = chunks.remainder();
    chunks
        .into_iter()
        .any(|chunk| chunk.iter().fold(false, |nul, &b| nul | (b == 0)))
        || rest.contains(&0)
}

/// UTF-16 text after its byte-order mark, with a warning on how it was read.
fn with_bom(decoded: Option<(String, bool)>) -> Result<Decoded, DecodeError> {
    let (text, lossy) = decoded.ok_or(DecodeError::Binary)?;
    Ok(Decoded {
        text,
        warning: Some(if lossy {
            "UTF-16 text with invalid units: they are shown as \u{FFFD}, and offsets refer to its UTF-8 transcoding"
        } else {
            "UTF-16 text: offsets refer to its UTF-8 transcoding"
        }),
    })
}

/// Bytes looked at to tell UTF-16 without a byte-order mark.
const SNIFF_BYTES: usize = 1024;

/// UTF-16 without a byte-order mark, as some Windows tools write it, if the bytes look like it
/// beyond reasonable doubt. Text in a Latin script has a zero byte in (nearly) every code unit,
/// always on the same side, which binary data hardly ever has; the whole file must then decode
/// without invalid units, NULs or control characters. Other scripts have no zero bytes to go by
/// and are not guessed at (they are decoded as UTF-8, lossily, with a warning).
fn without_bom(bytes: &[u8]) -> Option<Decoded> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let units = head.len() / 2;
    if units < 4 {
        return None;
    }
    let zeros_at = |side: usize| head.chunks_exact(2).filter(|u| u[side] == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // ASCII is `xx 00` little-endian and `00 xx` big-endian.
    let unit: fn([u8; 2]) -> u16 = if odd * 4 >= units * 3 && even == 0 {
        u16::from_le_bytes
    } else if even * 4 >= units * 3 && odd == 0 {
        u16::from_be_bytes
    } else {
        return None;
    };
    let (text, lossy) = utf16(bytes, unit)?;
    let plain = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    (!lossy && plain).then_some(Decoded {
        text,
        warning: Some(
            "UTF-16 text without a byte-order mark (told by its zero bytes): offsets refer to its UTF-8 transcoding",
        ),
    })
}

/// UTF-16 text and whether any of it was invalid. Unpaired surrogates and an odd trailing byte
/// become U+FFFD, like invalid UTF-8, rather than refusing the whole file; a NUL means it is
/// not text (`None`).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<(String, bool)> {
    let chunks = bytes.chunks_exact(2);
    let odd_byte = !chunks.remainder().is_empty();
    let mut lossy = odd_byte;
    let mut text: String = char::decode_utf16(chunks.map(|c| unit([c[0], c[1]])))
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if odd_byte {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (!text.contains('\0')).then_some((text, lossy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_unchanged_with_bom() {
        let d = decode("\u{FEFF}Hello".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "\u{FEFF}Hello");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn latin1_is_decoded_lossily_with_a_warning() {
        let d = decode(b"caf\xe9 au lait".to_vec()).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert!(d.warning.is_some());
    }

    #[test]
    fn a_nul_anywhere_is_found() {
        for len in [0, 1, 63, 64, 65, 200] {
            assert!(!has_nul(&vec![b'a'; len]));
            for at in 0..len {
                let mut bytes = vec![0xFF; len];
                bytes[at] = 0;
                assert!(has_nul(&bytes), "{len} {at}");
            }
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0".to_vec()),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Hé".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(bytes).unwrap().text, "Hé");
    }

    #[test]
    fn utf16_big_endian_with_bom_is_decoded() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("Grüße, 東京".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(bytes).unwrap().text, "Grüße, 東京");
    }

    #[test]
    fn broken_utf16_is_decoded_lossily_with_a_warning() {
        // "A", an unpaired high surrogate, "B", then half a code unit.
        let bytes = vec![0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0, b'C'];
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "A\u{FFFD}B\u{FFFD}");
        assert!(d.warning.unwrap().contains("invalid"));
    }

    #[test]
    fn utf32_is_refused_by_name_not_as_binary() {
        let mut bytes = vec![0xFF, 0xFE, 0, 0];
        bytes.extend("Hi".chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert_eq!(decode(bytes), Err(DecodeError::Utf32));
    }

    #[test]
    fn truncated_multibyte_sequence_at_the_end_is_lossy() {
        let mut bytes = "Zürich 東".as_bytes().to_vec();
        bytes.pop();
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "Zürich \u{FFFD}");
        assert!(d.warning.is_some());
    }

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_zero_bytes() {
        let text = "Zürich, 3 March\r\n\r\nThe council met on Tuesday. \"We agree,\" she said.\n";
        let d = decode(utf16le(text)).unwrap();
        assert_eq!(d.text, text);
        assert!(d.warning.unwrap().contains("without a byte-order mark"));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(be).unwrap().text, text);
    }

    #[test]
    fn binary_with_zero_bytes_is_not_taken_for_utf16() {
        // Alternating zeros, but a control character inside: binary.
        let mut bytes = utf16le("Header text ");
        bytes.extend([0x01, 0x00, 0x02, 0x00]);
        assert_eq!(decode(bytes), Err(DecodeError::Binary));
        // Zeros on both sides (a little-endian integer table).
        let table: Vec<u8> = (0u32..64).flat_map(|n| (n * 1000).to_le_bytes()).collect();
        assert_eq!(decode(table), Err(DecodeError::Binary));
        // Too short to tell.
        assert_eq!(decode(b"a\0b\0".to_vec()), Err(DecodeError::Binary));
        // A lone surrogate in the body.
        let mut bytes = utf16le("Long enough text here");
        bytes.extend([0x00, 0xD8, b'x', 0]);
        assert_eq!(decode(bytes), Err(DecodeError::Binary));
    }

    #[test]
    fn cjk_utf16_without_bom_has_no_zero_bytes_and_is_decoded_lossily() {
        let d = decode(
            "東京都は日本の首都"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect(),
        );
        // No zero bytes to go by: not guessed at, and said so.
        assert!(d.is_ok_and(|d| d.warning.is_some_and(|w| w.contains("not valid UTF-8"))));
    }
}
