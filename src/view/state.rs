//! What the reader is looking at: the article list, the open article (loaded and analysed on
//! first open, then cached), the scroll position, the selected entity or quote, the search, and
//! whether repeats are hidden. Every change goes through a method here; drawing only reads.

use super::layout::{Areas, inside_border};
use super::marks::MentionIndex;
use super::wrap::{Wrapped, reading_order};
use crate::analyze::{Analysis, EntityKind, analyze};
use crate::article::Article;
use crate::index::Summary;
use crate::load::{self, Source};
use crate::sanitize::sanitize;
use crate::span::Span;
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::sync::Arc;

/// The panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Articles,
    Text,
    Entities,
    Quotes,
}

impl Pane {
    const ORDER: [Pane; 4] = [Pane::Articles, Pane::Text, Pane::Entities, Pane::Quotes];

    pub fn label(self) -> &'static str {
        match self {
            Pane::Articles => "Articles",
            Pane::Text => "Text",
            Pane::Entities => "Entities",
            Pane::Quotes => "Quotes",
        }
    }

    fn step(self, forward: bool) -> Pane {
        let i = Pane::ORDER.iter().position(|&p| p == self).unwrap_or(0);
        let n = Pane::ORDER.len();
        Pane::ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

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
    reading_order: Vec<usize>,
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

    fn ensure_layout(&mut self, width: u16, hide_repeats: bool) {
        let Opened {
            layouts,
            article,
            analysis,
            ..
        } = self;
        layouts
            .entry((width, hide_repeats))
            .or_insert_with(|| Wrapped::build(article, &analysis.repeats, width, hide_repeats));
    }
}

/// An article as the reader has it: opened, or the reason it could not be.
#[derive(Debug)]
pub enum Doc {
    Ready(Box<Opened>),
    Failed(String),
}

/// A cursor and the first visible row of a list pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPos {
    pub cursor: usize,
    pub offset: usize,
}

impl ListPos {
    fn set(&mut self, cursor: usize, len: usize) {
        self.cursor = cursor.min(len.saturating_sub(1));
    }

    /// Keeps the cursor's row (`row`) inside a view of `height` rows.
    fn follow(&mut self, row: usize, height: usize) {
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
    }
}

/// The search: what is typed, what it matches, which match is current.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query is being typed (the status line is a prompt).
    pub editing: bool,
    pub query: String,
    /// Matches in screen order, in shown blocks only: (span, block).
    pub matches: Vec<(Span, usize)>,
    pub current: Option<usize>,
    /// What to go back to when the typing is cancelled.
    before: Option<Before>,
}

/// The search and scroll position as they were before `/`.
#[derive(Debug, Clone, Default)]
struct Before {
    query: String,
    matches: Vec<(Span, usize)>,
    current: Option<usize>,
    scroll: usize,
}

impl Search {
    pub fn match_spans(&self) -> Vec<Span> {
        self.matches.iter().map(|m| m.0).collect()
    }
}

/// What `n`/`N` walk through: the last thing chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    Mentions,
    Matches,
}

/// The reader's whole state.
#[derive(Debug)]
pub struct State {
    /// Shared with the background indexer, so the list is never copied.
    pub sources: Arc<[Source]>,
    /// Titles and counts found by the background indexer, by article index.
    pub summaries: HashMap<usize, Summary>,
    docs: HashMap<usize, Doc>,
    /// The open article.
    pub current: usize,
    pub focus: Pane,
    /// The terminal size last seen.
    pub size: Rect,
    /// The text column of the last size big enough to read in: (wrap width, lines). Kept while
    /// the terminal is too small, so growing it again finds the same place.
    text_dims: (u16, usize),
    pub hide_repeats: bool,
    /// First text line shown.
    pub scroll: usize,
    pub articles: ListPos,
    pub entities: ListPos,
    pub quotes: ListPos,
    pub selected_entity: Option<usize>,
    /// Index into the selected entity's mentions of the one last jumped to.
    pub mention: Option<usize>,
    pub selected_quote: Option<usize>,
    pub search: Search,
    pub walk: Walk,
    pub help: bool,
    /// A one-off note for the status line, cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// NO_COLOR was set: the theme uses modifiers only.
    pub no_color: bool,
}

/// The text column for a terminal size: (wrap width, lines), if the reader fits.
fn text_dims(size: Rect) -> Option<(u16, usize)> {
    let body = Areas::compute(size)?.text_body();
    Some((body.width.max(1), usize::from(body.height.max(1))))
}

/// Lines scrolled per mouse wheel step.
const WHEEL_LINES: usize = 3;

impl State {
    /// A reader over `sources` (at least one) for a terminal of `size`. Nothing is loaded yet.
    pub fn new(sources: impl Into<Arc<[Source]>>, size: Rect, no_color: bool) -> State {
        State {
            sources: sources.into(),
            summaries: HashMap::new(),
            docs: HashMap::new(),
            current: 0,
            focus: Pane::Text,
            size,
            text_dims: text_dims(size).unwrap_or((1, 1)),
            hide_repeats: false,
            scroll: 0,
            articles: ListPos::default(),
            entities: ListPos::default(),
            quotes: ListPos::default(),
            selected_entity: None,
            mention: None,
            selected_quote: None,
            search: Search::default(),
            walk: Walk::Matches,
            help: false,
            message: None,
            quit: false,
            no_color,
        }
    }

    /// Puts an article in the cache as if it had been loaded, with a given analysis (for tests
    /// and for callers that analysed it already).
    pub fn insert_opened(&mut self, index: usize, opened: Opened) {
        self.docs.insert(index, Doc::Ready(Box::new(opened)));
    }

    pub fn areas(&self) -> Option<Areas> {
        Areas::compute(self.size)
    }

    pub fn doc(&self) -> Option<&Doc> {
        self.docs.get(&self.current)
    }

    pub fn opened(&self) -> Option<&Opened> {
        match self.docs.get(&self.current) {
            Some(Doc::Ready(o)) => Some(o),
            _ => None,
        }
    }

    pub fn doc_at(&self, index: usize) -> Option<&Doc> {
        self.docs.get(&index)
    }

    /// The text column: (width for wrapping, visible lines).
    fn text_size(&self) -> (u16, usize) {
        self.text_dims
    }

    /// The layout of the open article for the current size.
    pub fn layout(&self) -> Option<&Wrapped> {
        let (width, _) = self.text_size();
        self.opened()?.layout(width, self.hide_repeats)
    }

    fn ensure_layout(&mut self) {
        let (width, _) = self.text_size();
        let hide = self.hide_repeats;
        if let Some(Doc::Ready(o)) = self.docs.get_mut(&self.current) {
            o.ensure_layout(width, hide);
        }
    }

    pub fn text_height(&self) -> usize {
        self.text_size().1
    }

    fn max_scroll(&self) -> usize {
        self.layout()
            .map_or(0, |l| l.lines.len().saturating_sub(self.text_height()))
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Scrolls so `line` is on screen, a third down from the top when it was not.
    fn reveal(&mut self, line: usize) {
        let height = self.text_height();
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3);
        }
        self.clamp_scroll();
    }

    /// How far down the article the bottom of the view is, in percent.
    pub fn position_percent(&self) -> usize {
        let total = self.layout().map_or(0, |l| l.lines.len());
        if total == 0 {
            return 100;
        }
        ((self.scroll + self.text_height()).min(total) * 100 / total).min(100)
    }

    // ---- terminal events ----

    /// The terminal was resized: re-wrap and keep the same place in the text.
    pub fn resize(&mut self, size: Rect) {
        let anchor = self.layout().and_then(|l| l.anchor_at(self.scroll));
        self.size = size;
        let Some(dims) = text_dims(size) else {
            return;
        };
        self.text_dims = dims;
        self.ensure_layout();
        self.restore_anchor(anchor);
        self.follow_lists();
    }

    fn restore_anchor(&mut self, anchor: Option<(usize, usize)>) {
        if let (Some(anchor), Some(o)) = (anchor, self.opened()) {
            let (width, _) = self.text_size();
            if let Some(l) = o.layout(width, self.hide_repeats) {
                self.scroll = l.line_for_anchor(anchor, &o.reading_order);
            }
        }
        self.clamp_scroll();
    }

    /// Summaries from the background indexer.
    pub fn indexed(&mut self, batch: Vec<(usize, Summary)>) {
        self.summaries.extend(batch);
    }

    /// The article rows on screen (what the indexer should do first).
    pub fn visible_article_rows(&self) -> std::ops::Range<usize> {
        let height = self.areas().map_or(1, |a| inside_border(a.articles).height);
        let end = (self.articles.offset + usize::from(height)).min(self.sources.len());
        self.articles.offset..end
    }

    // ---- articles ----

    /// Opens article `index`: loaded and analysed the first time, from the cache after.
    pub fn open(&mut self, index: usize) {
        if index >= self.sources.len() {
            return;
        }
        if !self.docs.contains_key(&index) {
            let doc = match load::load(&self.sources[index]) {
                Ok(loaded) => {
                    let analysis = analyze(&loaded.article);
                    Doc::Ready(Box::new(Opened::new(
                        loaded.article,
                        analysis,
                        loaded.warning,
                    )))
                }
                Err(e) => Doc::Failed(e.to_string()),
            };
            self.docs.insert(index, doc);
        }
        self.show(index);
    }

    /// Makes the (already cached) article `index` the one on screen, from its top.
    fn show(&mut self, index: usize) {
        self.current = index;
        self.scroll = 0;
        self.selected_entity = None;
        self.mention = None;
        self.selected_quote = None;
        self.entities = ListPos::default();
        self.quotes = ListPos::default();
        self.search = Search::default();
        self.articles.set(index, self.sources.len());
        self.ensure_layout();
        self.follow_lists();
        if let Some(Doc::Ready(o)) = self.doc()
            && let Some(w) = &o.warning
        {
            self.message = Some(w.clone());
        }
    }

    pub fn next_article(&mut self, forward: bool) {
        let n = self.sources.len();
        let next = if forward {
            self.current + 1
        } else {
            self.current.wrapping_sub(1)
        };
        if next < n {
            self.open(next);
        } else {
            self.message = Some(if forward {
                "last article".into()
            } else {
                "first article".into()
            });
        }
    }

    /// The title shown for article `index`: known once it was indexed or opened.
    pub fn article_title(&self, index: usize) -> String {
        if let Some(Doc::Ready(o)) = self.docs.get(&index) {
            return o.article.title.clone();
        }
        match self.summaries.get(&index) {
            Some(s) if s.error.is_none() => s.title.clone(),
            _ => self.sources[index].file_name(),
        }
    }

    // ---- moving ----

    pub fn focus_next(&mut self, forward: bool) {
        self.focus = self.focus.step(forward);
    }

    /// j/k and arrows: scroll the text, or move the focused list's cursor.
    pub fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Text => {
                self.scroll = self.scroll.saturating_add_signed(delta);
                self.clamp_scroll();
            }
            Pane::Articles => {
                let c = self.articles.cursor.saturating_add_signed(delta);
                self.articles.set(c, self.sources.len());
            }
            Pane::Entities => {
                let len = self.opened().map_or(0, |o| o.entity_order.len());
                let c = self.entities.cursor.saturating_add_signed(delta);
                self.entities.set(c, len);
            }
            Pane::Quotes => {
                let len = self.opened().map_or(0, |o| o.analysis.quotes.len());
                let c = self.quotes.cursor.saturating_add_signed(delta);
                self.quotes.set(c, len);
            }
        }
        self.follow_lists();
    }

    /// A page of the focused pane (a page of text keeps two lines of context).
    pub fn page(&mut self, forward: bool) {
        let height = match self.focus {
            Pane::Text => self.text_height().saturating_sub(2).max(1),
            _ => self.list_height(self.focus).saturating_sub(1).max(1),
        };
        let delta = height as isize;
        self.move_by(if forward { delta } else { -delta });
    }

    pub fn to_end(&mut self, bottom: bool) {
        self.move_by(if bottom {
            isize::MAX / 2
        } else {
            isize::MIN / 2
        });
    }

    fn list_height(&self, pane: Pane) -> usize {
        let Some(a) = self.areas() else { return 1 };
        let rect = match pane {
            Pane::Articles => a.articles,
            Pane::Entities => a.entities,
            Pane::Quotes => a.quotes,
            Pane::Text => a.text,
        };
        usize::from(inside_border(rect).height.max(1))
    }

    /// Keeps every list's cursor on screen.
    fn follow_lists(&mut self) {
        let h = self.list_height(Pane::Articles);
        self.articles.follow(self.articles.cursor, h);
        let h = self.list_height(Pane::Quotes);
        self.quotes.follow(self.quotes.cursor, h);
        let row = self.entity_cursor_row();
        let h = self.list_height(Pane::Entities);
        if let Some(row) = row {
            self.entities.follow(row, h);
            // Show the kind heading above the first entity of the list.
            if self.entities.cursor == 0 {
                self.entities.offset = 0;
            }
        }
    }

    /// The row of the Entities pane the cursor is on.
    pub fn entity_cursor_row(&self) -> Option<usize> {
        let o = self.opened()?;
        let entity = *o.entity_order.get(self.entities.cursor)?;
        o.entity_rows
            .iter()
            .position(|r| *r == EntityRow::Entity(entity))
    }

    /// Enter: open the article, select the entity, or jump to the quote under the cursor.
    pub fn activate(&mut self) {
        match self.focus {
            Pane::Articles => self.open(self.articles.cursor),
            Pane::Text => {}
            Pane::Entities => {
                if let Some(&e) = self
                    .opened()
                    .and_then(|o| o.entity_order.get(self.entities.cursor))
                {
                    self.select_entity(e);
                }
            }
            Pane::Quotes => {
                if self
                    .opened()
                    .is_some_and(|o| self.quotes.cursor < o.analysis.quotes.len())
                {
                    self.select_quote(self.quotes.cursor);
                }
            }
        }
    }

    /// The screen position (line, byte) of a span in `block`, when the block is shown.
    fn key_of(&self, block: usize, start: usize) -> Option<(usize, usize)> {
        self.layout()?.line_of(block, start).map(|l| (l, start))
    }

    /// Selects entity `e`: its mentions are highlighted and the view jumps to the first shown.
    pub fn select_entity(&mut self, e: usize) {
        let Some(o) = self.opened() else { return };
        let Some(entity) = o.analysis.entities.get(e) else {
            return;
        };
        let name = sanitize(&entity.name).into_owned();
        let count = entity.mentions.len();
        let keys: Vec<(usize, (usize, usize))> = entity
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(i, m)| self.key_of(m.block, m.span.start).map(|k| (i, k)))
            .collect();
        let pos = o.entity_order.iter().position(|&x| x == e);
        self.selected_entity = Some(e);
        self.walk = Walk::Mentions;
        if let Some(pos) = pos {
            self.entities.cursor = pos;
        }
        match keys.iter().min_by_key(|(_, k)| *k) {
            Some(&(i, (line, _))) => {
                self.mention = Some(i);
                self.reveal(line);
                self.message = Some(format!(
                    "{name}: {count} mention{}",
                    if count == 1 { "" } else { "s" }
                ));
            }
            None => {
                self.mention = None;
                self.message = Some(format!("{name}: every mention is in a hidden repeat"));
            }
        }
        self.follow_lists();
    }

    /// Selects quote `q` and scrolls it into view.
    pub fn select_quote(&mut self, q: usize) {
        let Some(quote) = self.opened().and_then(|o| o.analysis.quotes.get(q)) else {
            return;
        };
        let key = self.key_of(quote.block, quote.span.start);
        self.selected_quote = Some(q);
        self.quotes.cursor = q;
        match key {
            Some((line, _)) => self.reveal(line),
            None => self.message = Some("that quote is in a hidden repeat (d shows it)".into()),
        }
        self.follow_lists();
    }

    /// `]` / `[`: the next or previous shown quote after the selected one (or the reading position).
    pub fn step_quote(&mut self, forward: bool) {
        let Some(o) = self.opened() else { return };
        let keys: Vec<(usize, (usize, usize))> = o
            .analysis
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| self.key_of(q.block, q.span.start).map(|k| (i, k)))
            .collect();
        let from = self
            .selected_quote
            .and_then(|q| keys.iter().find(|(i, _)| *i == q).map(|(_, k)| *k));
        match self.step(&keys, from, forward, "quote") {
            Some(q) => self.select_quote(q),
            None => self.message = Some("no quotes in this article".into()),
        }
    }

    /// `n` / `N`: the next or previous search match or mention of the selected entity.
    pub fn step_found(&mut self, forward: bool) {
        let use_matches = self.walk == Walk::Matches || self.selected_entity.is_none();
        if use_matches {
            if self.search.matches.is_empty() {
                self.message = Some(if self.search.query.is_empty() {
                    "nothing to find: / searches, Enter on an entity selects it".into()
                } else {
                    format!("no matches for \"{}\"", self.search.query)
                });
                return;
            }
            let keys: Vec<(usize, (usize, usize))> = self
                .search
                .matches
                .iter()
                .enumerate()
                .filter_map(|(i, (s, b))| self.key_of(*b, s.start).map(|k| (i, k)))
                .collect();
            let from = self
                .search
                .current
                .and_then(|c| keys.iter().find(|(i, _)| *i == c).map(|(_, k)| *k));
            if let Some(m) = self.step(&keys, from, forward, "match") {
                self.search.current = Some(m);
                if let Some(&(_, (line, _))) = keys.iter().find(|(i, _)| *i == m) {
                    self.reveal(line);
                }
            }
        } else {
            let Some(e) = self.selected_entity else {
                return;
            };
            let Some(entity) = self.opened().and_then(|o| o.analysis.entities.get(e)) else {
                return;
            };
            let keys: Vec<(usize, (usize, usize))> = entity
                .mentions
                .iter()
                .enumerate()
                .filter_map(|(i, m)| self.key_of(m.block, m.span.start).map(|k| (i, k)))
                .collect();
            let from = self
                .mention
                .and_then(|c| keys.iter().find(|(i, _)| *i == c).map(|(_, k)| *k));
            if let Some(m) = self.step(&keys, from, forward, "mention") {
                self.mention = Some(m);
                if let Some(&(_, (line, _))) = keys.iter().find(|(i, _)| *i == m) {
                    self.reveal(line);
                }
            }
        }
    }

    /// The item after (or before) `from` in screen order, wrapping around with a note. Without
    /// `from`, the first one at or below the top of the view (or the last one above it).
    fn step(
        &mut self,
        keys: &[(usize, (usize, usize))],
        from: Option<(usize, usize)>,
        forward: bool,
        what: &str,
    ) -> Option<usize> {
        let mut sorted: Vec<(usize, (usize, usize))> = keys.to_vec();
        sorted.sort_by_key(|&(_, k)| k);
        let (first, last) = (sorted.first()?.0, sorted.last()?.0);
        let top = (self.scroll, 0);
        let found = if forward {
            match from {
                Some(f) => sorted.iter().find(|(_, k)| *k > f),
                None => sorted.iter().find(|(_, k)| *k >= top),
            }
        } else {
            match from {
                Some(f) => sorted.iter().rev().find(|(_, k)| *k < f),
                None => sorted.iter().rev().find(|(_, k)| *k < top),
            }
        };
        Some(match found {
            Some(&(i, _)) => i,
            None if forward => {
                self.message = Some(format!("last {what} passed; back to the first"));
                first
            }
            None => {
                self.message = Some(format!("first {what} passed; on to the last"));
                last
            }
        })
    }

    // ---- repeats ----

    /// `d`: hide or show repeated blocks, staying on the same paragraph.
    pub fn toggle_repeats(&mut self) {
        let anchor = self.layout().and_then(|l| l.anchor_at(self.scroll));
        self.hide_repeats = !self.hide_repeats;
        self.ensure_layout();
        self.restore_anchor(anchor);
        self.rematch();
        let hidden = self.layout().map_or(0, |l| l.hidden);
        self.message = Some(if self.hide_repeats {
            format!(
                "{hidden} repeated block{} hidden",
                if hidden == 1 { "" } else { "s" }
            )
        } else {
            "repeated blocks shown".into()
        });
    }

    // ---- search ----

    /// `/`: start typing a search.
    pub fn search_start(&mut self) {
        self.search.before = Some(Before {
            query: self.search.query.clone(),
            matches: self.search.matches.clone(),
            current: self.search.current,
            scroll: self.scroll,
        });
        self.search.editing = true;
        self.search.query.clear();
        self.search.matches.clear();
        self.search.current = None;
    }

    pub fn search_input(&mut self, c: char) {
        self.search.query.push(c);
        self.search_update();
    }

    pub fn search_backspace(&mut self) {
        self.search.query.pop();
        self.search_update();
    }

    /// Enter: keep the search (and let `n`/`N` walk its matches).
    pub fn search_accept(&mut self) {
        self.search.editing = false;
        self.search.before = None;
        self.walk = Walk::Matches;
        let n = self.search.matches.len();
        self.message = Some(if self.search.query.is_empty() {
            "search cleared".into()
        } else if n == 0 {
            format!("no matches for \"{}\"", self.search.query)
        } else {
            format!(
                "{n} match{} for \"{}\" (n / N)",
                if n == 1 { "" } else { "es" },
                self.search.query
            )
        });
    }

    /// Esc: back to how things were before `/`.
    pub fn search_cancel(&mut self) {
        if let Some(before) = self.search.before.take() {
            self.search.query = before.query;
            self.search.matches = before.matches;
            self.search.current = before.current;
            self.scroll = before.scroll;
        }
        self.search.editing = false;
        self.clamp_scroll();
    }

    /// While typing: match again from where the search started.
    fn search_update(&mut self) {
        self.rematch();
        let start = self
            .search
            .before
            .as_ref()
            .map_or(self.scroll, |b| b.scroll)
            .min(self.max_scroll());
        let keys: Vec<(usize, usize)> = self
            .search
            .matches
            .iter()
            .filter_map(|(s, b)| self.key_of(*b, s.start))
            .collect();
        let first = keys
            .iter()
            .position(|k| *k >= (start, 0))
            .or((!keys.is_empty()).then_some(0));
        self.search.current = first;
        match first {
            Some(i) => {
                self.scroll = start;
                self.reveal(keys[i].0);
            }
            None => self.scroll = start,
        }
    }

    /// Finds the query (case-insensitively) in the shown blocks, in screen order.
    fn rematch(&mut self) {
        let current = self
            .search
            .current
            .and_then(|c| self.search.matches.get(c).copied());
        self.search.matches.clear();
        self.search.current = None;
        if self.search.query.is_empty() {
            return;
        }
        let pattern = format!("(?i){}", regex::escape(&self.search.query));
        let Ok(re) = regex::Regex::new(&pattern) else {
            return;
        };
        let (Some(o), Some(layout)) = (self.opened(), self.layout()) else {
            return;
        };
        let mut matches = Vec::new();
        for &b in layout.shown_blocks() {
            let span = o.article.blocks[b].span;
            for m in re.find_iter(span.of(&o.article.text)) {
                matches.push((Span::new(m.start(), m.end()).offset(span.start), b));
            }
        }
        self.search.current = current.and_then(|c| matches.iter().position(|m| *m == c));
        self.search.matches = matches;
    }

    // ---- copying ----

    /// `y`: the selected quote (or the one under the Quotes cursor), with speaker and title.
    pub fn quote_to_copy(&mut self) -> Option<String> {
        let o = self.opened()?;
        let q = self.selected_quote.or(if self.focus == Pane::Quotes {
            Some(self.quotes.cursor)
        } else {
            None
        });
        let Some(quote) = q.and_then(|q| o.analysis.quotes.get(q)) else {
            self.message = Some("no quote selected: ] selects the next one".into());
            return None;
        };
        let words = quote
            .span
            .of(&o.article.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let speaker = o.analysis.speaker_name(quote).unwrap_or("unattributed");
        let text = format!("“{words}” — {speaker}, “{}”", o.article.title);
        let copied = sanitize(&text).into_owned();
        self.message = Some("quote copied to the clipboard (OSC 52)".into());
        Some(copied)
    }

    // ---- mouse ----

    /// The mouse wheel over a pane scrolls it.
    pub fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let Some(pane) = self.pane_at(column, row) else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        let step = WHEEL_LINES as isize;
        self.move_by(if down { step } else { -step });
        self.focus = focus;
    }

    /// A click on a list row selects it (opens the article, selects the entity or quote).
    pub fn click(&mut self, column: u16, row: u16) {
        let Some(pane) = self.pane_at(column, row) else {
            return;
        };
        self.focus = pane;
        let Some(a) = self.areas() else { return };
        let rect = match pane {
            Pane::Articles => a.articles,
            Pane::Entities => a.entities,
            Pane::Quotes => a.quotes,
            Pane::Text => return,
        };
        let inner = inside_border(rect);
        if row < inner.y || row >= inner.y + inner.height {
            return;
        }
        let r = usize::from(row - inner.y);
        match pane {
            Pane::Articles => {
                let i = self.articles.offset + r;
                if i < self.sources.len() {
                    self.articles.cursor = i;
                    self.open(i);
                }
            }
            Pane::Quotes => {
                let i = self.quotes.offset + r;
                if self.opened().is_some_and(|o| i < o.analysis.quotes.len()) {
                    self.select_quote(i);
                }
            }
            Pane::Entities => {
                let row = self
                    .opened()
                    .and_then(|o| o.entity_rows.get(self.entities.offset + r).copied());
                if let Some(EntityRow::Entity(e)) = row {
                    self.select_entity(e);
                }
            }
            Pane::Text => {}
        }
    }

    fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let a = self.areas()?;
        let p = ratatui::layout::Position::new(column, row);
        [
            (a.articles, Pane::Articles),
            (a.text, Pane::Text),
            (a.entities, Pane::Entities),
            (a.quotes, Pane::Quotes),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(p))
        .map(|(_, pane)| pane)
    }
}
