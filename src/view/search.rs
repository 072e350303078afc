//! Incremental search: case-insensitive, over the shown blocks only (matches in hidden repeats
//! are skipped), in screen order; Enter keeps it, Esc goes back to how things were.

use super::state::{State, Walk};
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

impl State {
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
    pub(super) fn rematch(&mut self) {
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
}
