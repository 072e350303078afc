//! The reader on hostile input (the corpus of `support/hostile.rs`): every file, whatever it
//! holds (escape sequences, C1 controls, bidi overrides, zero-width characters, broken encodings)
//! or whatever went wrong reading it, opens and draws at any size, and survives moving around,
//! selecting and searching, without a panic; escapes show as visible stand-ins (␛), and no cell
//! holds a character a terminal would obey. (ratatui's buffer also drops control and zero-width
//! characters, so the cell check is a backstop; the stand-in check is what shows lector's own
//! sanitizing at work.)
//!
//! This draws on ratatui's `TestBackend`; the real terminal (setup, restore on signals) is
//! covered by the reader's tmux tests.

// Only the corpus builder is used here, not the expectations the CLI tests check.
#[allow(dead_code)]
#[path = "support/hostile.rs"]
mod hostile;
mod tui_support;

use hostile::Scale;
use lector::load;
use lector::view::State;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use tui_support::{ch, draw, key, press, resize, typed};

/// Characters that must never reach a terminal cell.
fn unsafe_in_cell(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}')
}

/// Checks every cell and returns the screen's text.
fn assert_screen_safe(state: &State, what: &str) -> String {
    let terminal = draw(state);
    let buffer = terminal.backend().buffer();
    let mut screen = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if let Some(c) = symbol.chars().find(|&c| unsafe_in_cell(c)) {
                panic!("{what}: cell ({x}, {y}) holds {c:?} (in {symbol:?})");
            }
            screen.push_str(symbol);
        }
        screen.push('\n');
    }
    screen
}

#[test]
fn every_hostile_file_opens_and_draws_safely() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // The big cases are the reader's speed problem, not a safety one: keep them small here.
    let scale = Scale {
        long_line_bytes: 200_000,
        tiny_paragraphs: 20_000,
        capitalised_words: 5_000,
        entities: 2_000,
    };
    hostile::build(dir.path(), scale);
    let (sources, errors) = load::list_sources(&[dir.path().to_path_buf()]);
    assert!(!errors.is_empty() && sources.len() > 20);
    let count = sources.len();
    let mut state = State::new(sources, Rect::new(0, 0, 80, 24), false);
    let mut shown_escapes = false;
    for index in 0..count {
        state.open(index);
        let what = state.sources[index].display_path();
        let screen = assert_screen_safe(&state, &what);
        if what.ends_with("/escapes.txt") {
            assert!(screen.contains("␛]0;pwned title␇"), "{screen}");
            shown_escapes = true;
        }
        // Move through the article and its panes, select things, search.
        press(&mut state, &[ch('G'), ch(' '), ch('g')]);
        press(
            &mut state,
            &[key(KeyCode::Tab), ch('j'), key(KeyCode::Enter), ch('n')],
        );
        press(&mut state, &[ch(']'), ch(']'), ch('d')]);
        assert_screen_safe(&state, &format!("{what} after moving"));
        press(&mut state, &[ch('/')]);
        press(&mut state, &typed("pwned"));
        press(&mut state, &[key(KeyCode::Enter), ch('n')]);
        assert_screen_safe(&state, &format!("{what} while searching"));
        press(&mut state, &[key(KeyCode::Esc)]);
        for (w, h) in [(20, 6), (200, 50), (80, 24)] {
            resize(&mut state, w, h);
            assert_screen_safe(&state, &format!("{what} at {w}x{h}"));
        }
    }
    assert!(shown_escapes, "escapes.txt was opened");
    hostile::unlock(dir.path());
}
