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

/// The keys, for the help overlay and `lector --help`.
pub const KEYS: &str = "\
Keys in the reader:
  j/k, ↓/↑            scroll, or move the selection
  Space/PgDn, b/PgUp  page down / up
  g/G                 top / bottom
  Tab/Shift-Tab       next / previous pane
  Enter               open article, select entity, jump to quote
  ] / [               next / previous quote
  n / N               next / previous mention or search match
  /                   search in the article (Enter keeps, Esc cancels)
  d                   hide / show repeated blocks
  J / K               next / previous article
  y                   copy the selected quote (OSC 52)
  ?                   help
  q, Esc              close overlay, or quit; Ctrl-C quits";

/// Options for the reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Mouse wheel and clicks (off by default so the terminal's text selection keeps working).
    pub mouse: bool,
}

/// How long to wait for a key before looking at the indexer again.
const TICK: Duration = Duration::from_millis(100);

/// Runs the reader on `sources` until the user quits. The terminal is restored however it ends.
pub fn run(sources: Vec<Source>, options: Options) -> anyhow::Result<()> {
    let guard = terminal::Guard::enter(options.mouse)?;
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    let mut state = State::new(
        sources,
        Rect::new(0, 0, size.width, size.height),
        theme::Theme::no_color_from_env(),
    );
    state.open(0);

    // One worker fills in the article list; the rest of the machine is the reader's.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1));
    let mut indexer = Indexer::start(Arc::clone(&state.sources), threads.max(1));
    indexer.prioritize(state.visible_article_rows());

    let mut dirty = true;
    while !state.quit {
        let batch = indexer.drain();
        if !batch.is_empty() {
            update(&mut state, Action::Indexed(batch));
            dirty = true;
        }
        if dirty {
            term.draw(|frame| render(&state, frame))?;
            dirty = false;
        }
        if !event::poll(TICK)? {
            continue;
        }
        // Handle everything already waiting before drawing again (fast key repeat, pastes).
        loop {
            let ev = event::read()?;
            if let Some(action) = action_for(&state, &ev, options.mouse) {
                if let Some(Effect::Copy(text)) = update(&mut state, action) {
                    copy_osc52(&text)?;
                }
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
