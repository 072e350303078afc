//! An article as loaded: its text and where its parts lie in it.

use crate::span::Span;
use serde::Serialize;

/// What role a block plays in the article's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A paragraph that a scraper put before the headline (lead, photo caption).
    Lead,
    Headline,
    /// The one-line summary under the headline.
    Dek,
    Paragraph,
}

impl BlockKind {
    /// Its name in `lector analyze --json`.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Lead => "lead",
            BlockKind::Headline => "headline",
            BlockKind::Dek => "dek",
            BlockKind::Paragraph => "paragraph",
        }
    }
}

/// One paragraph-like piece of the article: a span of the text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// A loaded article. `text` is the file's content as read (lossily decoded when it was not UTF-8),
/// and every span refers to it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Where the article came from, as given by the user (or `assets/...` for bundled ones).
    pub path: String,
    pub text: String,
    pub title: String,
    pub dek: Option<String>,
    pub blocks: Vec<Block>,
}

impl Article {
    pub fn block_text(&self, index: usize) -> &str {
        self.blocks[index].span.of(&self.text)
    }

    /// The index of the block containing byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }
}
