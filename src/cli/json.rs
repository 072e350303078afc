//! The `--json` shape of an analysed article: a contract for scripts, so field names are fixed.

use crate::analyze::{Analysis, EntityKind};
use crate::article::{Article, BlockKind};
use crate::sanitize::display_char;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
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
        // Printable ASCII, most of any article, needs no look at each character.
        if fragment.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut plain_from = 0;
        for (i, c) in fragment.char_indices() {
            if display_char(c) == Some(c) {
                continue;
            }
            CompactFormatter.write_string_fragment(writer, &fragment[plain_from..i])?;
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain_from = i + c.len_utf8();
        }
        CompactFormatter.write_string_fragment(writer, &fragment[plain_from..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
