//! Whole-screen snapshots of the reader on the sample article (with a hand-written analysis),
//! and style checks on cells: colours by entity kind, and modifiers only under NO_COLOR.

mod tui_support;

use lector::analyze::Analysis;
use lector::index::Summary;
use lector::load::Source;
use lector::view::{Opened, State};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tui_support::*;

fn snapshot(state: &State) -> String {
    screen(state).join("\n")
}

#[test]
fn first_open() {
    let s = sample_state(100, 30, false);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn entity_selected() {
    let mut s = sample_state(100, 30, false);
    press(
        &mut s,
        &[key(KeyCode::Tab), ch('j'), ch('j'), key(KeyCode::Enter)],
    );
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn quote_selected() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch(']'), ch(']')]);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn repeats_hidden() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('d')]);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn search_active() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/')]);
    press(&mut s, &typed("cartel"));
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn help_overlay() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('?')]);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn help_fits_the_smallest_layout() {
    let mut s = sample_state(60, 15, false);
    press(&mut s, &[ch('?')]);
    let screen = snapshot(&s);
    assert!(screen.contains("j/k") && screen.contains("Ctrl-C quits"));
    insta::assert_snapshot!(screen);
}

#[test]
fn small_terminal_note() {
    let s = sample_state(40, 10, false);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn smallest_layout() {
    let s = sample_state(60, 15, false);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn several_articles_and_one_that_fails() {
    let mut sources = vec![sample_source()];
    sources.extend(
        lector::load::bundled_sources()
            .into_iter()
            .filter(|s| s.display_path() != SAMPLE),
    );
    sources.push(Source::File("missing/article.txt".into()));
    let mut s = reader_with(sources, 120, 24, false);
    press(
        &mut s,
        &[key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    press(&mut s, &[ch('G'), key(KeyCode::Enter)]);
    insta::assert_snapshot!(snapshot(&s));
}

#[test]
fn wide_and_combining_characters_line_up() {
    let text = "東京の記事 Headline Here\n\n東京都は、日本の首都である。人口は約千四百万人。🎉🎉 Cafe\u{301} naïve \u{1b}[31mred\u{1b}[0m and a zero\u{200B}width space.\n";
    let source = Source::Bundled {
        path: "cjk.txt",
        text,
    };
    let mut s = State::new(
        vec![source],
        ratatui::layout::Rect::new(0, 0, 70, 15),
        false,
    );
    // No analysis: this is about laying out characters, not about what the analyzers find.
    let article = lector::load::parse_article("cjk.txt", text.to_string());
    s.insert_opened(0, Opened::new(article, Analysis::default(), None));
    s.open(0);
    let screen = snapshot(&s);
    assert!(!screen.contains('\u{1b}'), "escape shown as ␛, never sent");
    assert!(!screen.contains('\u{200B}'));
    insta::assert_snapshot!(screen);
}

#[test]
fn never_panics_at_any_size() {
    let mut s = sample_state(100, 30, false);
    // Around every threshold (the minimum size, the pane width clamps) and the extremes.
    for width in [1, 2, 5, 20, 40, 59, 60, 61, 66, 80, 100, 130, 167, 300] {
        for height in [1, 2, 3, 5, 10, 14, 15, 16, 17, 24, 35, 80] {
            resize(&mut s, width, height);
            press(&mut s, &[ch('?')]);
            draw(&s);
            press(&mut s, &[ch('q'), ch('G'), ch(']'), ch('/'), ch('e')]);
            draw(&s);
            press(&mut s, &[key(KeyCode::Esc), ch('d'), key(KeyCode::Tab)]);
            draw(&s);
        }
    }
}

/// The cell showing the first character of the `nth` occurrence of `word` on screen.
fn cell_of<'a>(
    terminal: &'a ratatui::Terminal<ratatui::backend::TestBackend>,
    word: &str,
    nth: usize,
) -> &'a Cell {
    let buf = terminal.backend().buffer();
    let mut seen = 0;
    for y in 0..buf.area.height {
        let line: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let joined = line.concat();
        for (byte, _) in joined.match_indices(word) {
            if seen == nth {
                // Map the byte offset back to a column (all symbols here are single cells).
                let mut col = 0;
                let mut at = 0;
                while at < byte {
                    at += line[col].len();
                    col += 1;
                }
                return &buf[(col as u16, y)];
            }
            seen += 1;
        }
    }
    panic!("{word} not on screen");
}

/// The text pane shows the body after the dek; the first body mention of each name is there.
#[test]
fn entity_kinds_and_quotes_are_coloured() {
    let s = sample_state(100, 30, false);
    let t = draw(&s);
    assert_eq!(cell_of(&t, "Donald", 0).fg, Color::LightCyan, "person");
    assert_eq!(
        cell_of(&t, "Pentagon", 0).fg,
        Color::LightMagenta,
        "organization"
    );
    assert_eq!(cell_of(&t, "Latin", 0).fg, Color::LightGreen, "place");
    let quote = cell_of(&t, "cooperate", 0);
    assert_eq!(quote.fg, Color::Yellow);
    assert!(quote.modifier.contains(Modifier::ITALIC));
}

#[test]
fn no_color_uses_modifiers_only_and_keeps_kinds_apart() {
    let mut s = sample_state(100, 30, true);
    press(&mut s, &[ch(']')]);
    let t = draw(&s);
    let buf = t.backend().buffer();
    for cell in &buf.content {
        assert_eq!(cell.fg, Color::Reset, "no foreground colour");
        assert_eq!(cell.bg, Color::Reset, "no background colour");
    }
    let person = cell_of(&t, "Donald", 0).modifier;
    let organization = cell_of(&t, "Pentagon", 0).modifier;
    let place = cell_of(&t, "Latin", 0).modifier;
    let group = cell_of(&t, "Mexican officials", 0).modifier;
    let kinds = [person, organization, place, group];
    for (i, a) in kinds.iter().enumerate() {
        assert!(!a.is_empty());
        for b in &kinds[i + 1..] {
            assert_ne!(a, b, "kinds are told apart");
        }
    }
    // The selected quote is reversed; the unselected one is only italic.
    let selected = cell_of(&t, "cooperate", 0).modifier;
    assert!(selected.contains(Modifier::REVERSED | Modifier::ITALIC));
}

#[test]
fn no_color_selected_entity_and_matches_are_reversed() {
    let mut s = sample_state(100, 30, true);
    press(&mut s, &[key(KeyCode::Tab), ch('j'), key(KeyCode::Enter)]);
    let t = draw(&s);
    assert!(
        cell_of(&t, "Trump", 1)
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    );
    let mut s = sample_state(100, 30, true);
    press(&mut s, &[ch('/')]);
    press(&mut s, &typed("drug"));
    let t = draw(&s);
    // The first match is in the headline ("Drug Cartels"), the next ones lower down.
    let current = cell_of(&t, "Drug", 0).modifier;
    let other = cell_of(&t, "drug", 0).modifier;
    assert!(current.contains(Modifier::REVERSED | Modifier::BOLD));
    assert!(other.contains(Modifier::REVERSED) && !other.contains(Modifier::BOLD));
}

/// A 100,000-article corpus whose first article is the sample, being indexed: `done` articles
/// summarised (the open one among them).
fn indexing_state(width: u16, height: u16, done: usize) -> State {
    let mut sources = vec![sample_source()];
    sources.extend((1..100_000).map(|i| Source::File(format!("corpus/{i:06}.txt").into())));
    let mut s = reader_with(sources, width, height, false);
    s.indexing = true;
    let batch = (1..done)
        .map(|i| {
            let summary = Summary {
                title: format!("Article number {i}"),
                quotes: i % 3,
                repeats: 0,
                error: None,
            };
            (i, summary)
        })
        .collect();
    lector::tui::update(&mut s, lector::tui::Action::Indexed(batch));
    s
}

/// The screen at `width` x `height` while 41,200 of 100,000 articles are indexed, its status
/// line checked for the progress and the help hint.
fn screen_while_indexing(width: u16, height: u16) -> Vec<String> {
    let s = indexing_state(width, height, 41_200);
    let lines = screen(&s);
    let status = lines.last().unwrap();
    assert!(status.contains("indexed 41,200 / 100,000"), "{status}");
    assert!(status.ends_with("? help "), "{status}");
    lines
}

#[test]
fn indexing_progress_in_the_status_line() {
    let lines = screen_while_indexing(80, 20);
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn indexing_progress_fits_the_smallest_layout() {
    screen_while_indexing(60, 15);
}

#[test]
fn indexing_progress_under_the_too_small_note() {
    let s = indexing_state(40, 12, 41_200);
    let lines = screen(&s);
    assert!(lines.iter().any(|l| l.contains("terminal too small")));
    assert_eq!(lines.last().unwrap().trim(), "indexed 41,200 / 100,000");
    let s = indexing_state(20, 12, 41_200);
    assert_eq!(screen(&s).last().unwrap().trim(), "41,200/100,000");
    let s = indexing_state(10, 12, 41_200);
    assert_eq!(screen(&s).last().unwrap().trim(), "41%");
}

#[test]
fn no_progress_once_everything_is_indexed() {
    let s = indexing_state(80, 20, 100_000);
    let status = screen(&s).pop().unwrap();
    assert!(!status.contains("indexed"), "{status}");
    assert!(status.contains("person"), "the legend is back: {status}");
}

#[test]
fn a_match_that_wraps_is_highlighted_on_both_lines() {
    // The dek wraps inside this match at this width.
    let mut s = sample_state(100, 30, true);
    press(&mut s, &[ch('/')]);
    press(
        &mut s,
        &typed("President Claudia Sheinbaum firmly rejects the notion of U.S."),
    );
    assert_eq!(s.search.matches.len(), 1);
    let t = draw(&s);
    let (span, block) = s.search.matches[0];
    let layout = s.layout().unwrap();
    let (first, last) = (
        layout.line_of(block, span.start).unwrap(),
        layout.line_of(block, span.end - 1).unwrap(),
    );
    assert!(last > first, "the match wraps");
    for word in ["firmly", "notion"] {
        let modifier = cell_of(&t, word, 0).modifier;
        assert!(modifier.contains(Modifier::REVERSED), "{word} highlighted");
    }
}
