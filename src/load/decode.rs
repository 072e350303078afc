//! Bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or lossily decoded bytes.

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
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
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

/// UTF-16 after its byte-order mark. Unpaired surrogates and an odd trailing byte become U+FFFD,
/// like invalid UTF-8, rather than refusing the whole file.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Decoded, DecodeError> {
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
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text,
        warning: Some(if lossy {
            "UTF-16 text with invalid units: they are shown as \u{FFFD}, and offsets refer to its UTF-8 transcoding"
        } else {
            "UTF-16 text: offsets refer to its UTF-8 transcoding"
        }),
    })
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
}
