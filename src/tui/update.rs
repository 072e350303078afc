//! The one place the reader's state changes: an action in, the state updated, and at most one
//! effect out for the terminal loop to carry out (the state never writes to the terminal).

use super::action::Action;
use crate::view::State;
use ratatui::layout::Rect;

/// Something only the terminal loop can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
}

pub fn update(state: &mut State, action: Action) -> Option<Effect> {
    // A note lasts until the next key.
    if !matches!(
        action,
        Action::Resize { .. } | Action::Indexed(_) | Action::SearchInput(_)
    ) {
        state.message = None;
    }
    match action {
        Action::Quit => state.quit = true,
        Action::Back => {
            if state.help {
                state.help = false;
            } else {
                state.quit = true;
            }
        }
        Action::Help => state.help = true,
        Action::Move(delta) => state.move_by(delta),
        Action::Page { forward } => state.page(forward),
        Action::End { bottom } => state.to_end(bottom),
        Action::Focus { forward } => state.focus_next(forward),
        Action::Activate => state.activate(),
        Action::Quote { forward } => state.step_quote(forward),
        Action::Found { forward } => state.step_found(forward),
        Action::SearchStart => state.search_start(),
        Action::SearchInput(c) => state.search_input(c),
        Action::SearchBackspace => state.search_backspace(),
        Action::SearchAccept => state.search_accept(),
        Action::SearchCancel => state.search_cancel(),
        Action::ToggleRepeats => state.toggle_repeats(),
        Action::Article { forward } => state.next_article(forward),
        Action::Copy => return state.quote_to_copy().map(Effect::Copy),
        Action::Resize { width, height } => state.resize(Rect::new(0, 0, width, height)),
        Action::Wheel { column, row, down } => state.wheel(column, row, down),
        Action::Click { column, row } => state.click(column, row),
        Action::Indexed(batch) => state.indexed(batch),
    }
    None
}
