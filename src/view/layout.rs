//! Where the panes go for a terminal size. Pure geometry, shared by drawing and by the state
//! (which needs the text pane's width to wrap and its height to page).

use ratatui::layout::Rect;

/// Below this the reader shows a "terminal too small" note instead of the panes.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The rectangles of the panes (borders included) and of the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub articles: Rect,
    pub text: Rect,
    pub entities: Rect,
    pub quotes: Rect,
    pub status: Rect,
}

impl Areas {
    /// The layout for a terminal of `size`, or `None` when it is too small to read in.
    pub fn compute(size: Rect) -> Option<Areas> {
        if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
            return None;
        }
        let body_height = size.height - 1;
        let articles_width = (size.width * 18 / 100).clamp(12, 30);
        let right_width = (size.width * 24 / 100).clamp(16, 40);
        let text_width = size.width - articles_width - right_width;
        let entities_height = body_height * 55 / 100;
        let x = size.x;
        let y = size.y;
        Some(Areas {
            articles: Rect::new(x, y, articles_width, body_height),
            text: Rect::new(x + articles_width, y, text_width, body_height),
            entities: Rect::new(
                x + articles_width + text_width,
                y,
                right_width,
                entities_height,
            ),
            quotes: Rect::new(
                x + articles_width + text_width,
                y + entities_height,
                right_width,
                body_height - entities_height,
            ),
            status: Rect::new(x, y + body_height, size.width, 1),
        })
    }

    /// Where the article text goes: inside the border, one column of margin on each side.
    pub fn text_body(&self) -> Rect {
        let inner = inside_border(self.text);
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        )
    }
}

/// The inside of a bordered pane.
pub fn inside_border(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_pane_is_the_widest_from_the_minimum_size_up() {
        for (w, h) in [(60, 15), (80, 24), (120, 40), (200, 60), (1000, 300)] {
            let a = Areas::compute(Rect::new(0, 0, w, h)).unwrap();
            assert!(a.text.width > a.articles.width && a.text.width > a.entities.width);
            assert_eq!(
                a.articles.width + a.text.width + a.entities.width,
                w,
                "{w}x{h}"
            );
            assert_eq!(a.entities.height + a.quotes.height + 1, h);
            assert!(a.text_body().width >= 28);
        }
    }

    #[test]
    fn too_small_terminals_get_no_layout() {
        assert!(Areas::compute(Rect::new(0, 0, 59, 30)).is_none());
        assert!(Areas::compute(Rect::new(0, 0, 100, 14)).is_none());
        assert!(Areas::compute(Rect::new(0, 0, 1, 1)).is_none());
    }
}
