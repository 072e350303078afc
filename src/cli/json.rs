//! The `--json` shape of an analysed article: a contract for scripts, so field names are fixed.

use crate::analyze::{Analysis, EntityKind};
use crate::article::{Article, BlockKind};
use serde::Serialize;

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
