//! Pure analysis of a loaded article: repeated blocks, named entities and quotations.
//!
//! Nothing here does I/O or knows about terminals: an `&Article` goes in, an `Analysis` comes out.

pub mod entities;
pub mod quotes;
pub mod repeats;
pub mod text;

use crate::article::Article;
use crate::span::Span;
use serde::Serialize;

/// Which block a later copy repeats, and how closely (1.0 = same words).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Repeat {
    pub of: usize,
    pub similarity: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Nationalities, religions, political groups: "Mexican", "Republicans".
    Group,
    /// Named things of no other kind: events, products, works, laws.
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub block: usize,
}

/// One named thing with all its mentions in the article; `name` is its longest full form.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// In text order.
    pub mentions: Vec<Mention>,
}

/// A direct quotation: `span` covers the quoted words without the quote marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub block: usize,
    /// Index into `Analysis::entities` of the speaker, when one was found.
    pub speaker: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// One entry per block: `Some` when the block repeats an earlier one.
    pub repeats: Vec<Option<Repeat>>,
    /// Most mentioned first.
    pub entities: Vec<Entity>,
    /// In text order.
    pub quotes: Vec<Quote>,
}

impl Analysis {
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote
            .speaker
            .and_then(|i| self.entities.get(i))
            .map(|e| e.name.as_str())
    }

    pub fn repeat_count(&self) -> usize {
        self.repeats.iter().flatten().count()
    }
}

/// Runs every analysis on one article.
pub fn analyze(article: &Article) -> Analysis {
    let repeats = repeats::find_repeats(article);
    let entities = entities::find_entities(article);
    let quotes = quotes::find_quotes_except_repeats(article, &entities, &repeats);
    Analysis {
        repeats,
        entities,
        quotes,
    }
}
