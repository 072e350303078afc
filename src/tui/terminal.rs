//! Terminal setup and restore, in one place. The guard restores on drop (quit, error); a panic
//! hook restores before the panic message is printed; SIGTERM, SIGHUP, SIGINT and SIGQUIT are
//! caught on a thread of their own, which restores and exits. (The event loop cannot be relied on
//! to notice a signal: once the terminal is gone, crossterm's `poll` never returns — see
//! crossterm-rs/crossterm#793 — so a flag it checks would leave a process spinning forever.)
//! For the same reason a reader whose terminal goes away without a SIGHUP (run under `nohup` or
//! in another session) is ended by a watchdog thread that waits, without reading, for the
//! terminal to hang up. Restoring twice is harmless.

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
        exit_on_hangup()?;
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

/// Exits (status 129, as for SIGHUP) once standard input or output hangs up. `poll` with no
/// requested events sleeps until the descriptor reports a hangup, an error or that it is
/// invalid, so this costs nothing while the terminal is there and never takes a key from it.
fn exit_on_hangup() -> std::io::Result<()> {
    #[cfg(unix)]
    std::thread::Builder::new()
        .name("hangup".into())
        .spawn(|| {
            if wait_for_hangup() {
                restore();
                std::process::exit(128 + libc::SIGHUP);
            }
        })?;
    Ok(())
}

/// Blocks until stdin or stdout hangs up (true), or polling them fails (false: nothing to
/// watch with).
#[cfg(unix)]
fn wait_for_hangup() -> bool {
    let mut fds = [0, 1].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    loop {
        // SAFETY: `fds` is a valid array of `fds.len()` pollfd structs for the whole call.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return false;
        }
        let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
        if fds.iter().any(|f| f.revents & gone != 0) {
            return true;
        }
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
