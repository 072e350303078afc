//! Bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or lossily decoded bytes.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("not a text file (it contains NUL bytes)")]
    Binary,
    #[error("invalid UTF-16 text")]
    InvalidUtf16,
}

/// Decoded text and what the reader should be told about it.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<&'static str>,
}

pub fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
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

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Decoded, DecodeError> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| DecodeError::InvalidUtf16)?;
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text,
        warning: Some("UTF-16 text: offsets refer to its UTF-8 transcoding"),
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
}
