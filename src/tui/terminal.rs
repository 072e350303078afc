//! Terminal setup and restore, in one place. The guard restores on drop (quit, error); a panic
//! hook restores before the panic message is printed; SIGTERM and SIGHUP set a flag the event
//! loop checks, so it leaves through the guard too. Restoring twice is harmless.

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{Write, stdout};
use std::sync::Arc;
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
    /// Set by SIGTERM or SIGHUP.
    pub signalled: Arc<AtomicBool>,
}

impl Guard {
    /// Raw mode, alternate screen, hidden cursor, and mouse capture when asked for.
    pub fn enter(mouse: bool) -> std::io::Result<Guard> {
        let signalled = Arc::new(AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register(signal, Arc::clone(&signalled))?;
        }
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        // From here on, a failure restores what was done so far.
        let guard = Guard { signalled };
        enable_raw_mode()?;
        let mut out = stdout();
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            execute!(out, EnableMouseCapture)?;
        }
        Ok(guard)
    }

    pub fn signalled(&self) -> bool {
        self.signalled.load(Ordering::Relaxed)
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
