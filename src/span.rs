//! Byte ranges into an article's text.

use serde::Serialize;

/// A half-open byte range `start..end` into an article's text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers. Panics only if the span was built wrongly (a bug, not bad input).
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Shifts a span relative to a sub-slice back into the coordinates of the whole text.
    pub const fn offset(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}
