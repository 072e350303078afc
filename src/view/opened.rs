//! An opened article and what is derived from it once: the analysis, the mention index, the
//! Entities pane's rows, and its layouts by width.

use super::marks::MentionIndex;
use super::wrap::{Wrapped, reading_order};
use crate::analyze::{Analysis, EntityKind};
use crate::article::Article;
use std::collections::HashMap;

/// A row of the Entities pane: a kind heading or an entity (index into `Analysis::entities`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityRow {
    Kind(EntityKind),
    Entity(usize),
}

/// An opened article with everything derived from it once.
#[derive(Debug)]
pub struct Opened {
    pub article: Article,
    pub analysis: Analysis,
    pub warning: Option<String>,
    pub mentions: MentionIndex,
    /// Kinds in a fixed order, most mentioned entity first within a kind.
    pub entity_rows: Vec<EntityRow>,
    /// Entities in the order of `entity_rows` (what the Entities cursor walks).
    pub entity_order: Vec<usize>,
    pub(super) reading_order: Vec<usize>,
    /// Layouts by (width, repeats hidden), so resizing back and forth does not re-wrap.
    layouts: HashMap<(u16, bool), Wrapped>,
}

impl Opened {
    pub fn new(article: Article, analysis: Analysis, warning: Option<String>) -> Opened {
        let mut entity_rows = Vec::new();
        let mut entity_order = Vec::new();
        for kind in EntityKind::ALL {
            let mut of_kind: Vec<usize> = (0..analysis.entities.len())
                .filter(|&i| analysis.entities[i].kind == kind)
                .collect();
            if of_kind.is_empty() {
                continue;
            }
            of_kind.sort_by_key(|&i| std::cmp::Reverse(analysis.entities[i].mentions.len()));
            entity_rows.push(EntityRow::Kind(kind));
            entity_rows.extend(of_kind.iter().map(|&i| EntityRow::Entity(i)));
            entity_order.extend(of_kind);
        }
        Opened {
            mentions: MentionIndex::new(&analysis),
            reading_order: reading_order(&article),
            article,
            analysis,
            warning,
            entity_rows,
            entity_order,
            layouts: HashMap::new(),
        }
    }

    pub fn layout(&self, width: u16, hide_repeats: bool) -> Option<&Wrapped> {
        self.layouts.get(&(width, hide_repeats))
    }

    pub(super) fn ensure_layout(&mut self, width: u16, hide_repeats: bool) {
        let Opened {
            layouts,
            article,
            analysis,
            ..
        } = self;
        // Dragging a window edge goes through many widths: keep only a few layouts.
        if layouts.len() >= MAX_LAYOUTS && !layouts.contains_key(&(width, hide_repeats)) {
            layouts.clear();
        }
        layouts
            .entry((width, hide_repeats))
            .or_insert_with(|| Wrapped::build(article, &analysis.repeats, width, hide_repeats));
    }
}

/// Layouts kept per article (a few widths, repeats shown and hidden).
const MAX_LAYOUTS: usize = 4;
/// Opened articles kept in memory; the least recently opened beyond this are dropped and
/// loaded again if revisited, so paging through a huge corpus does not grow without bound.
pub(super) const MAX_OPENED: usize = 64;
/// Text kept in opened articles other than the one on screen, in bytes. An opened article
/// holds several times its text (analysis, mention index, layouts), so 64 big articles would
/// hold gigabytes; past this the least recently opened are dropped too.
pub const MAX_OPENED_BYTES: usize = 16 << 20;

impl Doc {
    /// The size of the article's text (what the memory it holds grows with).
    pub fn text_bytes(&self) -> usize {
        match self {
            Doc::Ready(o) => o.article.text.len(),
            Doc::Failed(_) => 0,
        }
    }
}

/// An article as the reader has it: opened, or the reason it could not be.
#[derive(Debug)]
pub enum Doc {
    Ready(Box<Opened>),
    Failed(String),
}
