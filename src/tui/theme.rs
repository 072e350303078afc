//! Marks and roles into terminal styles. With NO_COLOR only modifiers are used, chosen so that
//! entity kinds, quotes and selections stay distinguishable without colour.

use crate::analyze::EntityKind;
use crate::view::{LineKind, Marks};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub no_color: bool,
}

impl Theme {
    /// NO_COLOR counts when set and not empty (<https://no-color.org>).
    pub fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    fn pick(&self, colour: Style, plain: Style) -> Style {
        if self.no_color { plain } else { colour }
    }

    pub fn entity(&self, kind: EntityKind) -> Style {
        let m = |m: Modifier| Style::new().add_modifier(m);
        match kind {
            EntityKind::Person => self.pick(Style::new().fg(Color::LightCyan), m(Modifier::BOLD)),
            EntityKind::Organization => self.pick(
                Style::new().fg(Color::LightMagenta),
                m(Modifier::UNDERLINED),
            ),
            EntityKind::Place => self.pick(
                Style::new().fg(Color::LightGreen),
                m(Modifier::BOLD | Modifier::UNDERLINED),
            ),
            EntityKind::Group => self.pick(
                Style::new().fg(Color::LightBlue),
                m(Modifier::DIM | Modifier::UNDERLINED),
            ),
            EntityKind::Other => self.pick(Style::new().fg(Color::LightRed), m(Modifier::DIM)),
        }
    }

    pub fn quote(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::ITALIC),
            Style::new().add_modifier(Modifier::ITALIC),
        )
    }

    /// The base style of a line by what it is.
    pub fn line(&self, kind: LineKind, repeat: bool) -> Style {
        let style = match kind {
            LineKind::Title => self.pick(
                Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            LineKind::Dek => Style::new().add_modifier(Modifier::ITALIC),
            LineKind::RepeatLabel { .. } => Style::new().add_modifier(Modifier::ITALIC),
            LineKind::Body | LineKind::Blank => Style::new(),
        };
        if repeat {
            style
                .add_modifier(Modifier::DIM)
                .patch(self.pick(Style::new().fg(Color::DarkGray), Style::new()))
        } else {
            style
        }
    }

    /// The style of a run of text with these marks, on top of its line's style.
    pub fn marks(&self, marks: Marks) -> Style {
        let mut style = Style::new();
        if marks.quote {
            style = style.patch(self.quote());
        }
        if let Some(kind) = marks.entity {
            style = style.patch(self.entity(kind));
        }
        if marks.selected_quote {
            style = style.patch(
                self.pick(
                    Style::new()
                        .bg(Color::Rgb(70, 60, 0))
                        .add_modifier(Modifier::ITALIC),
                    Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
                ),
            );
        }
        if marks.selected_entity {
            style = style.patch(
                self.pick(
                    Style::new()
                        .fg(Color::Black)
                        .bg(Color::LightCyan)
                        .add_modifier(Modifier::BOLD),
                    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                ),
            );
        }
        if marks.matched {
            style = style.patch(self.pick(
                Style::new().fg(Color::Black).bg(Color::Yellow),
                Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            ));
        }
        if marks.current_match {
            style = style.patch(
                self.pick(
                    Style::new()
                        .fg(Color::Black)
                        .bg(Color::LightRed)
                        .add_modifier(Modifier::BOLD),
                    Style::new()
                        .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::BOLD),
                ),
            );
        }
        style
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.pick(
                Style::new()
                    .fg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            )
        } else {
            self.pick(Style::new().fg(Color::DarkGray), Style::new())
        }
    }

    /// The row under a list's cursor: reversed in the focused pane, underlined elsewhere.
    pub fn cursor(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn status(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Rgb(30, 30, 40)).fg(Color::Gray),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn message(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
