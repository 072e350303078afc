//! Terminal setup and restore, in one place. The guard restores on drop (quit, error); a panic
//! hook restores before the panic message is printed; SIGTERM, SIGHUP, SIGINT and SIGQUIT are
//! caught on a thread of their own, which restores and exits. (The event loop cannot be relied on
//! to notice a signal: once the terminal is gone, crossterm's `poll` never returns — see
//! crossterm-rs/crossterm#793 — so a flag it checks would leave a process spinning forever.)
//! Restoring twice is harmless.

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal is in the reader's mode (raw, alternate screen) and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: mouse capture off, main screen, cursor shown, cooked mode.
/// Errors are ignored: there is nothing better to do with a terminal that is going away.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// The reader's hold on the terminal; dropping it restores the terminal.
pub struct Guard {
    _private: (),
}

/// Signals that end the reader. In raw mode Ctrl-C is a key, not SIGINT, but `kill -INT` still
/// arrives as one.
const ENDING_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Restores the terminal and exits with the shell's status for a death by that signal.
fn exit_on_signals() -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

impl Guard {
    /// Raw mode, alternate screen, hidden cursor, and mouse capture when asked for.
    pub fn enter(mouse: bool) -> std::io::Result<Guard> {
        exit_on_signals()?;
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        // From here on, a failure restores what was done so far.
        let guard = Guard { _private: () };
        enable_raw_mode()?;
        let mut out = stdout();
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            execute!(out, EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
