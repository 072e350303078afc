//! Shared by the reader tests: the sample article with a hand-written analysis (what a reader of
//! the article finds in it), and helpers to drive the reader with keys and draw it.

#![allow(dead_code)]

use lector::analyze::{Analysis, Entity, EntityKind, Mention, Quote, Repeat};
use lector::article::Article;
use lector::load::{self, Source};
use lector::span::Span;
use lector::tui::{Action, Effect, action_for, render, update};
use lector::view::{Opened, State};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

pub const SAMPLE: &str = "assets/articles/mexico-sovereignty.txt";

pub fn sample_source() -> Source {
    load::bundled_sources()
        .into_iter()
        .find(|s| s.display_path() == SAMPLE)
        .expect("the sample article is bundled")
}

pub fn sample_article() -> Article {
    load::load(&sample_source()).expect("bundled").article
}

/// Builds an analysis by naming what is in the article.
pub struct Builder<'a> {
    article: &'a Article,
    taken: Vec<Span>,
    entities: Vec<Entity>,
    quotes: Vec<(Span, Option<&'static str>)>,
}

impl<'a> Builder<'a> {
    pub fn new(article: &'a Article) -> Self {
        Builder {
            article,
            taken: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// An entity mentioned by each of `forms` wherever they occur (longer forms first; an
    /// occurrence inside an earlier mention is not counted again).
    pub fn entity(mut self, name: &str, kind: EntityKind, forms: &[&str]) -> Self {
        let text = &self.article.text;
        let mut mentions = Vec::new();
        for form in forms {
            for (start, _) in text.match_indices(form) {
                let span = Span::new(start, start + form.len());
                if self.taken.iter().any(|t| t.overlaps(span)) {
                    continue;
                }
                self.taken.push(span);
                let block = self.article.block_at(start).expect("inside a block");
                mentions.push(Mention { span, block });
            }
        }
        mentions.sort_by_key(|m| m.span);
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            mentions,
        });
        self
    }

    /// A quote: its words without the marks, and who said it.
    pub fn quote(mut self, words: &str, speaker: Option<&'static str>) -> Self {
        let start = self.article.text.find(words).expect("quote in the text");
        self.quotes
            .push((Span::new(start, start + words.len()), speaker));
        self
    }

    pub fn build(mut self, repeats: Vec<Option<Repeat>>) -> Analysis {
        self.entities
            .sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        let mut quotes: Vec<Quote> = self
            .quotes
            .iter()
            .map(|&(span, speaker)| Quote {
                span,
                block: self.article.block_at(span.start).expect("inside a block"),
                speaker: speaker.and_then(|s| self.entities.iter().position(|e| e.name == s)),
            })
            .collect();
        quotes.sort_by_key(|q| q.span);
        Analysis {
            repeats,
            entities: self.entities,
            quotes,
        }
    }
}

/// The sample article's analysis, as a careful reader would write it down.
pub fn sample_analysis(article: &Article) -> Analysis {
    let repeats = lector::analyze::repeats::find_repeats(article);
    Builder::new(article)
        .entity(
            "Claudia Sheinbaum",
            EntityKind::Person,
            &["Claudia Sheinbaum", "Sheinbaum"],
        )
        .entity("Donald Trump", EntityKind::Person, &["Donald Trump", "Trump"])
        .entity("Marco Rubio", EntityKind::Person, &["Marco Rubio"])
        .entity("Ronald Johnson", EntityKind::Person, &["Ronald Johnson"])
        .entity("Pentagon", EntityKind::Organization, &["Pentagon"])
        .entity(
            "The New York Times",
            EntityKind::Organization,
            &["The New York Times"],
        )
        .entity(
            "United States",
            EntityKind::Place,
            &["United States", "U.S."],
        )
        .entity("Mexico", EntityKind::Place, &["Mexico"])
        .entity("Latin America", EntityKind::Place, &["Latin America"])
        .entity("Mexican", EntityKind::Group, &["Mexican"])
        .quote(
            "The United States is not going to come to Mexico with the military. We cooperate, we collaborate, but there is not going to be an invasion. That is ruled out, absolutely ruled out.",
            Some("Claudia Sheinbaum"),
        )
        .quote(
            "nothing to do with the participation of any military personnel.",
            Some("Claudia Sheinbaum"),
        )
        .build(repeats)
}

/// A reader on the sample article alone, with the hand-written analysis, at `width` x `height`.
pub fn sample_state(width: u16, height: u16, no_color: bool) -> State {
    reader_with(vec![sample_source()], width, height, no_color)
}

/// A reader over `sources` whose first one is the sample, analysed by hand.
pub fn reader_with(sources: Vec<Source>, width: u16, height: u16, no_color: bool) -> State {
    let article = sample_article();
    let analysis = sample_analysis(&article);
    let mut state = State::new(sources, Rect::new(0, 0, width, height), no_color);
    state.insert_opened(0, Opened::new(article, analysis, None));
    state.open(0);
    state
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Feeds events through the key mapping and `update`, returning the last effect.
pub fn press(state: &mut State, events: &[Event]) -> Option<Effect> {
    let mut effect = None;
    for e in events {
        if let Some(action) = action_for(state, e, true) {
            effect = update(state, action).or(effect);
        }
    }
    effect
}

pub fn typed(text: &str) -> Vec<Event> {
    text.chars().map(ch).collect()
}

/// Draws the state on a test terminal of its size.
pub fn draw(state: &State) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(state.size.width, state.size.height))
        .expect("test terminal");
    terminal
        .draw(|f| render(state, f))
        .expect("drawing never fails on a test backend");
    terminal
}

/// The screen as text lines (trailing spaces kept).
pub fn screen(state: &State) -> Vec<String> {
    let terminal = draw(state);
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            // A wide character covers the next cell too: show it once, as a terminal would.
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
            }
            line
        })
        .collect()
}

pub fn resize(state: &mut State, width: u16, height: u16) {
    update(state, Action::Resize { width, height });
}
