//! What the reader is looking at: the article list, the open article (loaded and analysed on
//! first open, then cached), the scroll position, the selected entity or quote, the search, and
//! whether repeats are hidden. Every change goes through a method here (the search ones live in
//! `search.rs`); drawing only reads.

use super::layout::{Areas, inside_border};
use super::opened::{Doc, EntityRow, MAX_OPENED, MAX_OPENED_BYTES, Opened};
use super::search::Search;
use super::wrap::Wrapped;
use crate::analyze::analyze;
use crate::index::Summary;
use crate::load::{self, Source};
use crate::sanitize::{one_line, sanitize};
use ratatui::layout::Rect;
use std::borrow::Cow;
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
    /// Titles and counts by article index: found by the background indexer, or by the reader
    /// itself for the articles it opened (which the indexer then leaves out).
    pub summaries: HashMap<usize, Summary>,
    /// A background indexer is filling in `summaries`: the status line shows its progress.
    pub indexing: bool,
    docs: HashMap<usize, Doc>,
    /// Opened articles, least recently shown first.
    recent: std::collections::VecDeque<usize>,
    /// Where each article was left (block, byte at the top), to come back to the same place.
    places: HashMap<usize, (usize, usize)>,
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
            indexing: false,
            docs: HashMap::new(),
            recent: std::collections::VecDeque::new(),
            places: HashMap::new(),
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
        self.insert_doc(index, Doc::Ready(Box::new(opened)));
    }

    /// Caches an opened (or failed) article, and its summary for the list: the list reads
    /// titles and counts from summaries only.
    fn insert_doc(&mut self, index: usize, doc: Doc) {
        if let Some(source) = self.sources.get(index) {
            let summary = match &doc {
                Doc::Ready(o) => Summary::new(&o.article, &o.analysis),
                Doc::Failed(reason) => Summary::failed(source, reason.clone()),
            };
            self.summaries.insert(index, summary);
        }
        self.docs.insert(index, doc);
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

    pub(super) fn max_scroll(&self) -> usize {
        self.layout()
            .map_or(0, |l| l.lines.len().saturating_sub(self.text_height()))
    }

    pub(super) fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Scrolls so `line` is on screen, a third down from the top when it was not.
    pub(super) fn reveal(&mut self, line: usize) {
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

    /// (articles summarised, articles in all) while the background indexer has work left.
    pub fn index_progress(&self) -> Option<(usize, usize)> {
        let (done, total) = (self.summaries.len(), self.sources.len());
        (self.indexing && done < total).then_some((done, total))
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
            self.insert_doc(index, doc);
        }
        self.show(index);
    }

    /// Makes the (already cached) article `index` the one on screen, where it was left.
    fn show(&mut self, index: usize) {
        if let Some(anchor) = self.layout().and_then(|l| l.anchor_at(self.scroll)) {
            self.places.insert(self.current, anchor);
        }
        self.recent.retain(|&i| i != index);
        self.recent.push_back(index);
        let kept_bytes = |s: &State| -> usize {
            s.recent
                .iter()
                .filter(|&&i| i != index)
                .filter_map(|i| s.docs.get(i))
                .map(Doc::text_bytes)
                .sum()
        };
        while self.recent.len() > MAX_OPENED
            || (self.recent.len() > 1 && kept_bytes(self) > MAX_OPENED_BYTES)
        {
            if let Some(old) = self.recent.pop_front() {
                self.docs.remove(&old);
            }
        }
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
        let place = self.places.get(&index).copied();
        self.restore_anchor(place);
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
    /// (An opened article always has its summary: see `insert_doc`.)
    pub fn article_title(&self, index: usize) -> Cow<'_, str> {
        match self.summaries.get(&index) {
            Some(s) if s.error.is_none() => Cow::Borrowed(&s.title),
            _ => Cow::Owned(self.sources[index].file_name()),
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
    pub(super) fn key_of(&self, block: usize, start: usize) -> Option<(usize, usize)> {
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
        let (keys, _) = self.keyed(
            entity.mentions.iter().map(|m| (m.block, m.span.start)),
            None,
        );
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

    /// The selected entity's name, and which of its shown mentions (in screen order) is the
    /// current one, of how many.
    pub fn mention_position(&self) -> Option<(&str, usize, usize)> {
        let entity = self
            .opened()?
            .analysis
            .entities
            .get(self.selected_entity?)?;
        let keys: Vec<(usize, usize)> = entity
            .mentions
            .iter()
            .filter_map(|m| self.key_of(m.block, m.span.start))
            .collect();
        let current = self
            .mention
            .and_then(|m| entity.mentions.get(m))
            .and_then(|m| self.key_of(m.block, m.span.start))?;
        let rank = keys.iter().filter(|&&k| k < current).count() + 1;
        Some((entity.name.as_str(), rank, keys.len()))
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
        let (keys, from) = self.keyed(
            o.analysis.quotes.iter().map(|q| (q.block, q.span.start)),
            self.selected_quote,
        );
        match self.step(&keys, from, forward, "quote") {
            Some(q) => self.select_quote(q),
            None => self.message = Some("no quotes in this article".into()),
        }
    }

    /// The screen key of each (block, byte) position that is shown, with its index, and the key
    /// of the `current` one: what `step` walks over.
    #[allow(clippy::type_complexity)]
    fn keyed(
        &self,
        positions: impl Iterator<Item = (usize, usize)>,
        current: Option<usize>,
    ) -> (Vec<(usize, (usize, usize))>, Option<(usize, usize)>) {
        let keys: Vec<(usize, (usize, usize))> = positions
            .enumerate()
            .filter_map(|(i, (block, at))| self.key_of(block, at).map(|k| (i, k)))
            .collect();
        let from = current.and_then(|c| keys.iter().find(|(i, _)| *i == c).map(|(_, k)| *k));
        (keys, from)
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
            self.step_match(forward);
        } else {
            let Some(e) = self.selected_entity else {
                return;
            };
            let Some(entity) = self.opened().and_then(|o| o.analysis.entities.get(e)) else {
                return;
            };
            let (keys, from) = self.keyed(
                entity.mentions.iter().map(|m| (m.block, m.span.start)),
                self.mention,
            );
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
        // The status line already counts what is hidden; the message says what `d` did.
        self.message = Some(
            match (self.hide_repeats, hidden) {
                (true, 0) => "no repeated blocks in this article",
                (true, _) => "repeated blocks hidden; d shows them again",
                (false, _) => "repeated blocks shown",
            }
            .into(),
        );
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
        let words = one_line(quote.span.of(&o.article.text));
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
