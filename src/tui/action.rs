//! Terminal events into actions. Which action a key means depends on the mode (help open,
//! search being typed), so the mapping reads the state but never changes it.

use crate::index::Summary;
use crate::view::State;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Everything that can change the reader's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ctrl-C: quit from anywhere.
    Quit,
    /// q or Esc: close the overlay, or quit.
    Back,
    Move(isize),
    Page {
        forward: bool,
    },
    End {
        bottom: bool,
    },
    Focus {
        forward: bool,
    },
    /// Enter.
    Activate,
    Quote {
        forward: bool,
    },
    Found {
        forward: bool,
    },
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    SearchAccept,
    SearchCancel,
    ToggleRepeats,
    Article {
        forward: bool,
    },
    Copy,
    Help,
    Resize {
        width: u16,
        height: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    Click {
        column: u16,
        row: u16,
    },
    Indexed(Vec<(usize, Summary)>),
}

/// The action a terminal event asks for, if any. Mouse events only when `mouse` is on.
pub fn action_for(state: &State, event: &Event, mouse: bool) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(state, key),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(m) if mouse => mouse_action(m),
        _ => None,
    }
}

fn key_action(state: &State, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Action::Quit);
    }
    if state.help {
        return matches!(key.code, KeyCode::Char('q' | '?') | KeyCode::Esc).then_some(Action::Back);
    }
    if state.search.editing {
        return match key.code {
            KeyCode::Enter => Some(Action::SearchAccept),
            KeyCode::Esc => Some(Action::SearchCancel),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) if !ctrl => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char('q') | KeyCode::Esc => Action::Back,
        KeyCode::Char('j') | KeyCode::Down => Action::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Move(-1),
        KeyCode::Char(' ') | KeyCode::PageDown => Action::Page { forward: true },
        KeyCode::Char('f') if ctrl => Action::Page { forward: true },
        KeyCode::Char('b') | KeyCode::PageUp => Action::Page { forward: false },
        KeyCode::Char('g') | KeyCode::Home => Action::End { bottom: false },
        KeyCode::Char('G') | KeyCode::End => Action::End { bottom: true },
        KeyCode::Tab => Action::Focus { forward: true },
        KeyCode::BackTab => Action::Focus { forward: false },
        KeyCode::Enter => Action::Activate,
        KeyCode::Char(']') => Action::Quote { forward: true },
        KeyCode::Char('[') => Action::Quote { forward: false },
        KeyCode::Char('n') => Action::Found { forward: true },
        KeyCode::Char('N') => Action::Found { forward: false },
        KeyCode::Char('/') => Action::SearchStart,
        KeyCode::Char('d') => Action::ToggleRepeats,
        KeyCode::Char('J') => Action::Article { forward: true },
        KeyCode::Char('K') => Action::Article { forward: false },
        KeyCode::Char('y') => Action::Copy,
        KeyCode::Char('?') => Action::Help,
        _ => return None,
    })
}

fn mouse_action(m: &MouseEvent) -> Option<Action> {
    let (column, row) = (m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel {
            column,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Wheel {
            column,
            row,
            down: false,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}
