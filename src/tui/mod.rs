//! The interactive reader: terminal events become [`Action`]s, [`update`] changes the
//! [`State`](crate::view::State), [`render`] draws it. The loop also feeds the background
//! indexer's summaries in and carries out effects (the OSC 52 copy).

pub mod action;
pub mod render;
pub mod terminal;
pub mod theme;
pub mod update;

pub use action::{Action, action_for};
pub use render::render;
pub use update::{Effect, update};

use crate::index::Indexer;
use crate::load::Source;
use crate::view::State;
use base64::Engine;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event;
use ratatui::layout::Rect;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// The keys, for the help overlay and `lector --help`; at most 56 columns, so the overlay fits
/// the smallest layout (60 columns).
pub const KEYS: &str = "\
Keys in the reader:
  j/k, ↓/↑          scroll, or move the selection
  Space/PgDn b/PgUp page down / up
  g/G               top / bottom
  Tab/Shift-Tab     next / previous pane
  Enter             open article, select entity or quote
  ] / [             next / previous quote
  n / N             next / previous mention or match
  /                 search (Enter keeps, Esc cancels)
  d                 hide / show repeated blocks
  J / K             next / previous article
  y                 copy the selected quote (OSC 52)
  ?                 this help
  q, Esc            close help, or quit; Ctrl-C quits";

/// Options for the reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Mouse wheel and clicks (off by default so the terminal's text selection keeps working).
    pub mouse: bool,
}

/// How long to wait for a key before taking in the indexer's summaries (and redrawing the
/// progress) while it works; once it is done the loop sleeps until the next key.
const TICK: Duration = Duration::from_millis(100);

/// Runs the reader on `sources` until the user quits. The terminal is restored however it ends.
/// An error reading terminal events or drawing ends the reader (a terminal that is gone stays
/// gone; see [`terminal`] for the one that is gone without an error).
pub fn run(sources: Vec<Source>, options: Options) -> anyhow::Result<()> {
    let guard = terminal::Guard::enter(options.mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    let mut state = State::new(
        sources,
        Rect::new(0, 0, size.width, size.height),
        theme::Theme::no_color_from_env(),
    );
    state.indexing = true;
    state.open(0);

    // One worker fills in the article list; the rest of the machine is the reader's. What the
    // reader analysed itself (the open article) is left out.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1));
    let mut indexer = Indexer::start(
        Arc::clone(&state.sources),
        threads.max(1),
        state.summaries.keys().copied(),
    );
    indexer.prioritize(state.visible_article_rows());

    let mut dirty = true;
    while !state.quit {
        // Checked before draining: once finished, everything it sent is in this batch.
        let finished = indexer.finished();
        let batch = indexer.drain();
        if !batch.is_empty() {
            update(&mut state, Action::Indexed(batch));
            dirty = true;
        }
        if dirty {
            term.draw(|frame| render(&state, frame))?;
            dirty = false;
        }
        if !finished && !event::poll(TICK)? {
            continue;
        }
        // Handle everything already waiting before drawing again (fast key repeat, pastes).
        // With the indexer done, `read` blocks until the next event.
        loop {
            let ev = event::read()?;
            if let Some(action) = action_for(&state, &ev, options.mouse) {
                if let Some(Effect::Copy(text)) = update(&mut state, action) {
                    copy_osc52(&text)?;
                }
                // An article the reader opened is analysed already: the indexer need not.
                indexer.skip(state.current);
                indexer.prioritize(state.visible_article_rows());
                dirty = true;
            }
            if state.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    // The shell first; workers finish the article in hand after.
    drop(guard);
    drop(indexer);
    Ok(())
}

/// Asks the terminal to put `text` on the clipboard (OSC 52; most terminals and tmux with
/// `set-clipboard on` honour it).
fn copy_osc52(text: &str) -> std::io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
