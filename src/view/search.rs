//! Incremental search: case-insensitive, over the shown blocks only (matches in hidden repeats
//! are skipped), in screen order; Enter keeps it, Esc goes back to how things were.
//!
//! A keystroke must redraw quickly even with 100,000 matches in a 1 MB article, so nothing per
//! key or per frame walks every match: matches are kept in screen order, and the one to jump
//! to, the next one, or those on a screen line are found by binary search. A query that grows
//! by a character is looked for only in the blocks that matched before.

use super::state::{State, Walk};
use super::wrap::{ScreenLine, Wrapped};
use crate::span::Span;

/// The search: what is typed, what it matches, which match is current.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query is being typed (the status line is a prompt).
    pub editing: bool,
    pub query: String,
    /// Matches in screen order, in shown blocks only: (span, block).
    pub matches: Vec<(Span, usize)>,
    pub current: Option<usize>,
    /// The query `matches` were found for, with the layout's width and whether repeats were
    /// hidden: a longer query typed after it need only look in the blocks those are in.
    matched_query: Option<(String, u16, bool)>,
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
    /// The matches on screen line `line` of `layout` (the layout they were found in), and the
    /// index of the first of them.
    pub fn on_line(&self, layout: &Wrapped, line: &ScreenLine) -> (usize, &[(Span, usize)]) {
        let (Some(block), Some(first_line)) = (
            line.block,
            line.block.and_then(|b| layout.lines_of_block(b)),
        ) else {
            return (0, &[]);
        };
        let top = first_line.start;
        // Screen order: by the block's first line, then by byte.
        let key = |&(s, b): &(Span, usize)| {
            (
                layout.lines_of_block(b).map_or(usize::MAX, |r| r.start),
                s.start,
            )
        };
        let mut lo = self
            .matches
            .partition_point(|m| key(m) < (top, line.span.start));
        // A match that begins on the line above and runs onto this one.
        while lo > 0 && {
            let (s, b) = self.matches[lo - 1];
            b == block && s.end > line.span.start
        } {
            lo -= 1;
        }
        let hi = self
            .matches
            .partition_point(|m| key(m) < (top, line.span.end))
            .max(lo);
        (lo, &self.matches[lo..hi])
    }
}

impl State {
    /// `/`: start typing a search.
    pub fn search_start(&mut self) {
        self.search.before = Some(Before {
            query: std::mem::take(&mut self.search.query),
            matches: std::mem::take(&mut self.search.matches),
            current: self.search.current.take(),
            scroll: self.scroll,
        });
        self.search.matched_query = None;
        self.search.editing = true;
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
        self.search.matched_query = None;
        self.search.editing = false;
        self.clamp_scroll();
    }

    /// While typing: match again, and jump to the first match from where the search started.
    fn search_update(&mut self) {
        self.rematch();
        let start = self
            .search
            .before
            .as_ref()
            .map_or(self.scroll, |b| b.scroll)
            .min(self.max_scroll());
        self.scroll = start;
        let first = self.first_match_from((start, 0)).or_else(|| {
            // None below: wrap around to the first.
            (!self.search.matches.is_empty()).then_some(0)
        });
        self.search.current = first;
        if let Some(line) = first.and_then(|i| self.match_key(i)).map(|k| k.0) {
            self.reveal(line);
        }
    }

    /// The screen key (line, byte) of match `i`.
    fn match_key(&self, i: usize) -> Option<(usize, usize)> {
        let &(span, block) = self.search.matches.get(i)?;
        self.key_of(block, span.start)
    }

    /// The first match whose screen key is at or after `key`.
    fn first_match_from(&self, key: (usize, usize)) -> Option<usize> {
        let i = self
            .search
            .matches
            .partition_point(|&(s, b)| self.key_of(b, s.start).is_some_and(|k| k < key));
        (i < self.search.matches.len()).then_some(i)
    }

    /// `n` / `N` on search matches: the next or previous one in screen order, wrapping around
    /// with a note; without a current one, the first at or below the top of the view (or the
    /// last above it).
    pub(super) fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            return;
        }
        let next = match (self.search.current.filter(|&c| c < n), forward) {
            (Some(c), true) => c + 1,
            (Some(c), false) => c.wrapping_sub(1),
            (None, true) => self.first_match_from((self.scroll, 0)).unwrap_or(n),
            (None, false) => self
                .first_match_from((self.scroll, 0))
                .unwrap_or(n)
                .wrapping_sub(1),
        };
        let next = if next >= n {
            let (note, to) = if forward {
                ("last match passed; back to the first", 0)
            } else {
                ("first match passed; on to the last", n - 1)
            };
            self.message = Some(note.into());
            to
        } else {
            next
        };
        self.search.current = Some(next);
        if let Some((line, _)) = self.match_key(next) {
            self.reveal(line);
        }
    }

    /// Finds the query (case-insensitively) in the shown blocks, in screen order.
    pub(super) fn rematch(&mut self) {
        let current = self
            .search
            .current
            .and_then(|c| self.search.matches.get(c).copied());
        let previous = std::mem::take(&mut self.search.matches);
        let previous_query = std::mem::take(&mut self.search.matched_query);
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
        // A longer query is only found where the shorter one was: only those blocks are
        // searched again (each at most once, in the order they were).
        let narrowed = previous_query.as_ref().is_some_and(|(q, width, hide)| {
            !q.is_empty()
                && self.search.query.starts_with(q.as_str())
                && (*width, *hide) == (layout.width, layout.hide_repeats)
        });
        let mut blocks: Vec<usize> = if narrowed {
            previous.iter().map(|&(_, b)| b).collect()
        } else {
            layout.shown_blocks().to_vec()
        };
        blocks.dedup();
        let mut matches = Vec::new();
        for b in blocks {
            let span = o.article.blocks[b].span;
            for m in re.find_iter(span.of(&o.article.text)) {
                matches.push((Span::new(m.start(), m.end()).offset(span.start), b));
            }
        }
        let matched = (self.search.query.clone(), layout.width, layout.hide_repeats);
        self.search.current = current.and_then(|c| matches.iter().position(|m| *m == c));
        self.search.matched_query = Some(matched);
        self.search.matches = matches;
    }
}
