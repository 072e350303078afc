//! Each key of the reader, pressed on the sample article: what it changes in the state.

mod tui_support;

use lector::analyze::{Analysis, EntityKind};
use lector::index::Indexer;
use lector::load::Source;
use lector::span::Span;
use lector::tui::{Action, Effect, action_for, update};
use lector::view::{Doc, LineKind, Opened, Pane, State};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::Arc;
use tui_support::*;

/// The text of screen line `i` of the open article.
fn line_text(state: &State, i: usize) -> String {
    let o = state.opened().unwrap();
    let l = &state.layout().unwrap().lines[i];
    l.span.of(&o.article.text).to_string()
}

fn top_text(state: &State) -> String {
    let layout = state.layout().unwrap();
    let (block, _) = layout.anchor_at(state.scroll).unwrap();
    state
        .opened()
        .unwrap()
        .article
        .block_text(block)
        .to_string()
}

#[test]
fn j_k_and_arrows_scroll_the_text() {
    let mut s = sample_state(100, 30, false);
    assert_eq!(s.focus, Pane::Text);
    press(&mut s, &[ch('j'), ch('j'), key(KeyCode::Down)]);
    assert_eq!(s.scroll, 3);
    press(&mut s, &[ch('k'), key(KeyCode::Up)]);
    assert_eq!(s.scroll, 1);
    press(&mut s, &[ch('k'), ch('k'), ch('k')]);
    assert_eq!(s.scroll, 0, "never above the top");
}

#[test]
fn space_and_b_page_with_two_lines_of_context() {
    let mut s = sample_state(100, 30, false);
    let height = s.text_height();
    press(&mut s, &[ch(' ')]);
    assert_eq!(s.scroll, height - 2);
    press(&mut s, &[ch('b')]);
    assert_eq!(s.scroll, 0);
    press(&mut s, &[key(KeyCode::PageDown), key(KeyCode::PageUp)]);
    assert_eq!(s.scroll, 0);
}

#[test]
fn g_and_shift_g_go_to_top_and_bottom() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('G')]);
    let lines = s.layout().unwrap().lines.len();
    assert_eq!(s.scroll, lines - s.text_height(), "last line at the bottom");
    assert_eq!(s.position_percent(), 100);
    press(&mut s, &[ch('g')]);
    assert_eq!(s.scroll, 0);
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[key(KeyCode::Tab)]);
    assert_eq!(s.focus, Pane::Entities);
    press(&mut s, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
    assert_eq!(s.focus, Pane::Articles);
    press(&mut s, &[key(KeyCode::BackTab)]);
    assert_eq!(s.focus, Pane::Quotes);
}

#[test]
fn entities_are_grouped_by_kind_most_mentioned_first() {
    let s = sample_state(100, 30, false);
    let o = s.opened().unwrap();
    let names: Vec<(&str, EntityKind)> = o
        .entity_order
        .iter()
        .map(|&e| {
            (
                o.analysis.entities[e].name.as_str(),
                o.analysis.entities[e].kind,
            )
        })
        .collect();
    assert_eq!(
        names[..4],
        [
            ("Claudia Sheinbaum", EntityKind::Person),
            ("Donald Trump", EntityKind::Person),
            ("Marco Rubio", EntityKind::Person),
            ("Ronald Johnson", EntityKind::Person),
        ]
    );
    assert_eq!(names[6], ("United States", EntityKind::Place));
    assert_eq!(names[9], ("Mexican", EntityKind::Group));
}

#[test]
fn enter_on_an_entity_selects_it_and_jumps_to_its_first_mention() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[key(KeyCode::Tab), ch('j'), ch('j')]);
    press(&mut s, &[key(KeyCode::Enter)]);
    let o = s.opened().unwrap();
    let e = s.selected_entity.unwrap();
    assert_eq!(o.analysis.entities[e].name, "Marco Rubio");
    // Rubio is first named in the paragraph beginning "Sheinbaum has previously", below the fold.
    let mention = o.analysis.entities[e].mentions[0];
    let line = s
        .layout()
        .unwrap()
        .line_of(mention.block, mention.span.start)
        .unwrap();
    assert!(line >= s.scroll && line < s.scroll + s.text_height());
    assert!(s.scroll > 0);
    assert!(line_text(&s, line).contains("Marco") || line_text(&s, line).contains("Rubio"));
    assert_eq!(s.message.as_deref(), Some("Marco Rubio: 2 mentions"));
}

#[test]
fn n_and_shift_n_walk_the_mentions_of_the_selected_entity() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[key(KeyCode::Tab), key(KeyCode::Enter)]);
    let e = s.selected_entity.unwrap();
    let count = s.opened().unwrap().analysis.entities[e].mentions.len();
    assert_eq!(count, 7, "Sheinbaum is named 7 times");
    // The dek is shown above the lead paragraph, so its mention (the second in the text)
    // comes first on screen.
    assert_eq!(s.mention, Some(1));
    assert_eq!(s.mention_position(), Some(("Claudia Sheinbaum", 1, 7)));
    press(&mut s, &[ch('n')]);
    assert_eq!(s.mention, Some(0));
    assert_eq!(s.mention_position(), Some(("Claudia Sheinbaum", 2, 7)));
    press(&mut s, &[ch('N')]);
    assert_eq!(s.mention, Some(1));
    press(&mut s, &[ch('N')]);
    assert_eq!(s.mention, Some(count - 1), "wraps around to the last");
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("first mention passed")
    );
}

#[test]
fn brackets_step_through_quotes_and_the_quotes_list_follows() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch(']')]);
    assert_eq!(s.selected_quote, Some(0));
    assert_eq!(s.quotes.cursor, 0);
    press(&mut s, &[ch(']')]);
    assert_eq!(s.selected_quote, Some(1));
    assert_eq!(s.quotes.cursor, 1);
    let o = s.opened().unwrap();
    let q = &o.analysis.quotes[1];
    let line = s.layout().unwrap().line_of(q.block, q.span.start).unwrap();
    assert!(
        line >= s.scroll && line < s.scroll + s.text_height(),
        "scrolled into view"
    );
    press(&mut s, &[ch('[')]);
    assert_eq!(s.selected_quote, Some(0));
}

#[test]
fn enter_on_a_quote_jumps_to_it() {
    let mut s = sample_state(100, 20, false);
    press(
        &mut s,
        &[
            key(KeyCode::Tab),
            key(KeyCode::Tab),
            ch('j'),
            key(KeyCode::Enter),
        ],
    );
    assert_eq!(s.focus, Pane::Quotes);
    assert_eq!(s.selected_quote, Some(1));
    let o = s.opened().unwrap();
    let q = &o.analysis.quotes[1];
    let line = s.layout().unwrap().line_of(q.block, q.span.start).unwrap();
    assert!(line >= s.scroll && line < s.scroll + s.text_height());
    assert!(line_text(&s, line).contains("nothing"));
}

#[test]
fn slash_searches_incrementally_enter_keeps_and_n_walks_matches() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/')]);
    assert!(s.search.editing);
    press(&mut s, &typed("SOVEREIGN"));
    // "sovereignty" is in the dek and in two paragraphs, each repeated once (repeats shown).
    assert_eq!(s.search.matches.len(), 5, "case-insensitive");
    assert_eq!(s.search.current, Some(0));
    press(&mut s, &[key(KeyCode::Enter)]);
    assert!(!s.search.editing);
    press(&mut s, &[ch('n')]);
    assert_eq!(s.search.current, Some(1));
    let (span, _) = s.search.matches[1];
    let o = s.opened().unwrap();
    assert_eq!(span.of(&o.article.text).to_lowercase(), "sovereign");
}

#[test]
fn backspace_edits_and_esc_cancels_the_search() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/')]);
    press(&mut s, &typed("cartelz"));
    assert!(s.search.matches.is_empty());
    press(&mut s, &[key(KeyCode::Backspace)]);
    assert_eq!(s.search.query, "cartel");
    assert!(!s.search.matches.is_empty());
    press(&mut s, &[key(KeyCode::Esc)]);
    assert!(!s.search.editing);
    assert!(s.search.query.is_empty() && s.search.matches.is_empty());
    assert_eq!(s.scroll, 0, "back where the search started");
    assert!(!s.quit, "Esc in the prompt does not quit");
}

#[test]
fn search_skips_matches_in_hidden_repeats() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('d'), ch('/')]);
    press(&mut s, &typed("sovereign"));
    assert_eq!(s.search.matches.len(), 3);
    let hidden_blocks: Vec<usize> = (0..s.opened().unwrap().article.blocks.len())
        .filter(|&b| !s.layout().unwrap().is_shown(b))
        .collect();
    assert!(!hidden_blocks.is_empty());
    assert!(
        s.search
            .matches
            .iter()
            .all(|(_, b)| !hidden_blocks.contains(b))
    );
}

#[test]
fn d_hides_repeats_and_keeps_the_reading_position() {
    // Short enough that the paragraph can be scrolled to the top.
    let mut s = sample_state(100, 15, false);
    // Scroll to the paragraph that starts "Sheinbaum has previously" (the first copy).
    let target = s
        .opened()
        .unwrap()
        .article
        .text
        .find("Sheinbaum has previously")
        .unwrap();
    let block = s.opened().unwrap().article.block_at(target).unwrap();
    s.scroll = s.layout().unwrap().line_of(block, target).unwrap();
    let before = top_text(&s);
    let lines_before = s.layout().unwrap().lines.len();
    press(&mut s, &[ch('d')]);
    assert!(s.hide_repeats);
    assert_eq!(s.layout().unwrap().hidden, 3);
    assert!(s.layout().unwrap().lines.len() < lines_before);
    assert_eq!(top_text(&s), before, "same paragraph at the top");
    press(&mut s, &[ch('d')]);
    assert!(!s.hide_repeats);
    assert_eq!(top_text(&s), before);
}

#[test]
fn d_on_a_hidden_repeat_moves_to_the_next_shown_paragraph() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('G')]);
    let layout = s.layout().unwrap();
    let last_label = layout
        .lines
        .iter()
        .rposition(|l| matches!(l.kind, LineKind::RepeatLabel { .. }))
        .unwrap();
    s.scroll = last_label;
    press(&mut s, &[ch('d')]);
    assert!(s.scroll <= s.layout().unwrap().lines.len());
}

#[test]
fn shift_j_and_shift_k_change_article_and_enter_opens_one() {
    let sources = lector::load::bundled_sources();
    let sample_at = sources
        .iter()
        .position(|s| s.display_path() == SAMPLE)
        .unwrap();
    let mut reordered = vec![sources[sample_at].clone()];
    reordered.extend(
        sources
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != sample_at)
            .map(|(_, s)| s.clone()),
    );
    let mut s = reader_with(reordered, 100, 30, false);
    press(&mut s, &[ch('J')]);
    assert_eq!(s.current, 1);
    assert!(matches!(s.doc(), Some(Doc::Ready(_))));
    assert_eq!(s.scroll, 0);
    press(&mut s, &[ch('K')]);
    assert_eq!(s.current, 0);
    press(&mut s, &[ch('K')]);
    assert_eq!(s.current, 0);
    assert_eq!(s.message.as_deref(), Some("first article"));
    // Articles pane: move down two rows and open.
    s.focus = Pane::Articles;
    press(&mut s, &[ch('j'), ch('j'), key(KeyCode::Enter)]);
    assert_eq!(s.current, 2);
    assert_eq!(s.articles.cursor, 2);
}

#[test]
fn y_copies_the_selected_quote_with_speaker_and_title() {
    let mut s = sample_state(100, 30, false);
    assert_eq!(press(&mut s, &[ch('y')]), None);
    assert!(s.message.as_deref().unwrap().contains("no quote selected"));
    press(&mut s, &[ch(']'), ch(']')]);
    let effect = press(&mut s, &[ch('y')]);
    assert_eq!(
        effect,
        Some(Effect::Copy(
            "“nothing to do with the participation of any military personnel.” — Claudia Sheinbaum, \
             “Mexico Denies Trump's Military Intervention Plans Against Drug Cartels”"
                .into()
        ))
    );
    assert!(s.message.as_deref().unwrap().contains("OSC 52"));
}

#[test]
fn question_mark_opens_help_and_q_or_esc_close_it_then_quit() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('?')]);
    assert!(s.help);
    press(&mut s, &[ch('j')]);
    assert_eq!(
        s.scroll, 0,
        "keys other than closing are ignored under help"
    );
    press(&mut s, &[ch('q')]);
    assert!(!s.help && !s.quit);
    press(&mut s, &[ch('?'), key(KeyCode::Esc)]);
    assert!(!s.help && !s.quit);
    press(&mut s, &[key(KeyCode::Esc)]);
    assert!(s.quit);
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('q')]);
    assert!(s.quit);
}

#[test]
fn ctrl_c_quits_from_help_and_from_the_search_prompt() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('?'), ctrl('c')]);
    assert!(s.quit);
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/'), ch('a'), ctrl('c')]);
    assert!(s.quit);
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select_rows() {
    let mut s = sample_state(100, 30, false);
    let areas = s.areas().unwrap();
    let (x, y) = (areas.text.x + 5, areas.text.y + 5);
    press(&mut s, &[mouse(MouseEventKind::ScrollDown, x, y)]);
    assert_eq!(s.scroll, 3);
    assert_eq!(s.focus, Pane::Text);
    // The second row inside the Entities border is the first person (the first is the heading).
    let e = areas.entities;
    press(
        &mut s,
        &[mouse(
            MouseEventKind::Down(MouseButton::Left),
            e.x + 3,
            e.y + 2,
        )],
    );
    assert_eq!(s.focus, Pane::Entities);
    let name = &s.opened().unwrap().analysis.entities[s.selected_entity.unwrap()].name;
    assert_eq!(name, "Claudia Sheinbaum");
}

#[test]
fn mouse_events_are_ignored_without_the_mouse_option() {
    let s = sample_state(100, 30, false);
    let wheel = mouse(MouseEventKind::ScrollDown, 40, 5);
    assert_eq!(action_for(&s, &wheel, false), None);
    assert!(action_for(&s, &wheel, true).is_some());
}

#[test]
fn resizing_rewraps_and_keeps_the_paragraph_on_top() {
    let mut s = sample_state(100, 15, false);
    let target = s
        .opened()
        .unwrap()
        .article
        .text
        .find("According to")
        .unwrap();
    let block = s.opened().unwrap().article.block_at(target).unwrap();
    s.scroll = s.layout().unwrap().line_of(block, target).unwrap();
    resize(&mut s, 70, 20);
    assert_eq!(
        s.layout().unwrap().width,
        s.areas().unwrap().text_body().width
    );
    assert!(top_text(&s).starts_with("According to"));
    resize(&mut s, 10, 5);
    resize(&mut s, 90, 16);
    assert!(top_text(&s).starts_with("According to"));
}

#[test]
fn a_file_that_fails_to_load_shows_its_error_and_the_rest_still_open() {
    let missing = Source::File("no/such/dir/gone.txt".into());
    let mut s = State::new(
        vec![missing, sample_source()],
        ratatui::layout::Rect::new(0, 0, 100, 30),
        false,
    );
    s.open(0);
    match s.doc() {
        Some(Doc::Failed(reason)) => assert!(reason.contains("no/such/dir/gone.txt")),
        other => panic!("expected a failed document, got {other:?}"),
    }
    assert!(
        s.summaries[&0].error.is_some(),
        "the list marks it, unindexed"
    );
    press(
        &mut s,
        &[
            ch('j'),
            ch(']'),
            ch('n'),
            ch('d'),
            ch('y'),
            ch('/'),
            ch('x'),
        ],
    );
    press(&mut s, &[key(KeyCode::Enter), ch('J')]);
    assert_eq!(s.current, 1);
    assert!(matches!(s.doc(), Some(Doc::Ready(_))));
}

#[test]
fn a_big_corpus_opens_only_the_first_article() {
    // 100,000 listed files that do not exist: nothing but the first is read.
    let sources: Vec<Source> = (0..100_000)
        .map(|i| Source::File(format!("/nonexistent/corpus/{i:06}.txt").into()))
        .collect();
    let mut s = State::new(sources, ratatui::layout::Rect::new(0, 0, 100, 30), false);
    s.open(0);
    assert!(s.doc_at(0).is_some());
    assert!(s.doc_at(1).is_none());
    assert_eq!(
        s.article_title(5),
        "000005.txt",
        "unloaded rows show the file name"
    );
    assert_eq!(
        s.visible_article_rows(),
        0..27,
        "30 rows less status and borders"
    );
}

#[test]
fn messages_last_until_the_next_key() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('d')]);
    assert!(s.message.is_some());
    update(
        &mut s,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    assert!(s.message.is_some(), "a resize is not a key");
    press(&mut s, &[ch('j')]);
    assert!(s.message.is_none());
}

#[test]
fn search_matches_are_byte_spans_of_the_text() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/')]);
    press(&mut s, &typed("u.s."));
    let o = s.opened().unwrap();
    assert!(!s.search.matches.is_empty());
    for (span, block) in &s.search.matches {
        assert_eq!(span.of(&o.article.text), "U.S.");
        assert!(
            o.article.blocks[*block]
                .span
                .contains(Span::new(span.start, span.end))
        );
    }
}

#[test]
fn paging_through_many_articles_keeps_a_bounded_cache() {
    let sources: Vec<Source> = std::iter::repeat_n(sample_source(), 100).collect();
    let mut s = State::new(sources, ratatui::layout::Rect::new(0, 0, 100, 30), false);
    s.open(0);
    for _ in 0..99 {
        press(&mut s, &[ch('J')]);
    }
    assert_eq!(s.current, 99);
    assert!(s.doc_at(0).is_none(), "the first article was dropped");
    assert!(s.doc_at(99).is_some() && s.doc_at(50).is_some());
    // Going back loads it again.
    press(&mut s, &[ch('g')]);
    s.focus = Pane::Articles;
    press(&mut s, &[ch('g'), key(KeyCode::Enter)]);
    assert_eq!(s.current, 0);
    assert!(matches!(s.doc(), Some(Doc::Ready(_))));
}

#[test]
fn coming_back_to_an_article_returns_to_where_it_was_left() {
    let sources = vec![sample_source(), sample_source()];
    let mut s = reader_with(sources, 100, 15, false);
    let target = s
        .opened()
        .unwrap()
        .article
        .text
        .find("According to")
        .unwrap();
    let block = s.opened().unwrap().article.block_at(target).unwrap();
    s.scroll = s.layout().unwrap().line_of(block, target).unwrap();
    press(&mut s, &[ch('J')]);
    assert_eq!(
        (s.current, s.scroll),
        (1, 0),
        "a new article opens at its top"
    );
    press(&mut s, &[ch('K')]);
    assert_eq!(s.current, 0);
    assert!(top_text(&s).starts_with("According to"));
}

#[test]
fn an_article_the_reader_opened_is_not_analysed_again_by_the_indexer() {
    let sources = lector::load::bundled_sources();
    let n = sources.len();
    let mut s = State::new(sources, ratatui::layout::Rect::new(0, 0, 100, 30), false);
    s.indexing = true;
    s.open(0);
    // The reader's own analysis gives the list its summary.
    let o = s.opened().unwrap();
    let summary = &s.summaries[&0];
    assert_eq!(summary.title, o.article.title);
    assert_eq!(summary.quotes, o.analysis.quotes.len());
    assert_eq!(summary.repeats, o.analysis.repeat_count());
    assert_eq!(s.index_progress(), Some((1, n)));

    // What the reader summarised, the indexer leaves out; opening another article takes it
    // off the queue too, unless a worker has it already.
    let mut indexer = Indexer::start(Arc::clone(&s.sources), 1, s.summaries.keys().copied());
    press(&mut s, &[ch('J')]);
    let skipped = indexer.skip(s.current);
    let mut indexed = Vec::new();
    loop {
        let finished = indexer.finished();
        let batch = indexer.drain();
        indexed.extend(batch.iter().map(|(i, _)| *i));
        update(&mut s, Action::Indexed(batch));
        if finished {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(!indexed.contains(&0), "the first article is analysed once");
    assert_eq!(!indexed.contains(&1), skipped);
    assert_eq!(indexed.len(), n - 1 - usize::from(skipped));
    assert_eq!(s.summaries.len(), n);
    assert_eq!(s.index_progress(), None, "done: no progress shown");
}

/// The matches of `query` searched afresh, on a new reader in the same state of repeats.
fn fresh_matches(query: &str, hide_repeats: bool) -> Vec<(Span, usize)> {
    let mut s = sample_state(100, 30, false);
    if hide_repeats {
        press(&mut s, &[ch('d')]);
    }
    press(&mut s, &[ch('/')]);
    press(&mut s, &typed(query));
    s.search.matches.clone()
}

#[test]
fn a_query_typed_letter_by_letter_finds_what_a_fresh_search_finds() {
    // Each letter looks only in the blocks the query before it matched in: the same result.
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/')]);
    for (n, c) in "the u.s. military".char_indices() {
        press(&mut s, &[ch(c)]);
        let query = &"the u.s. military"[..n + c.len_utf8()];
        assert_eq!(s.search.matches, fresh_matches(query, false), "{query:?}");
    }
    // Shorter again, then hidden repeats, then a new search for a query that the old one
    // starts with: never narrowed to stale matches.
    press(&mut s, &vec![key(KeyCode::Backspace); 10]);
    assert_eq!(s.search.matches, fresh_matches("the u.s", false));
    press(&mut s, &[key(KeyCode::Enter), ch('d')]);
    assert_eq!(s.search.matches, fresh_matches("the u.s", true));
    press(&mut s, &[ch('/'), ch('t')]);
    assert_eq!(s.search.matches, fresh_matches("t", true));
    press(&mut s, &[key(KeyCode::Esc), ch('/'), ch('m')]);
    assert_eq!(s.search.matches, fresh_matches("m", true));
}

#[test]
fn n_walks_every_match_in_screen_order_and_wraps_around() {
    let mut s = sample_state(100, 30, false);
    press(&mut s, &[ch('/')]);
    press(&mut s, &typed("mexic"));
    press(&mut s, &[key(KeyCode::Enter)]);
    let n = s.search.matches.len();
    assert!(n > 5);
    let mut lines = Vec::new();
    for _ in 0..n - 1 {
        press(&mut s, &[ch('n')]);
        let c = s.search.current.unwrap();
        let (span, block) = s.search.matches[c];
        let line = s.layout().unwrap().line_of(block, span.start).unwrap();
        assert!(
            line >= s.scroll && line < s.scroll + s.text_height(),
            "on screen"
        );
        lines.push(line);
    }
    assert!(lines.is_sorted(), "screen order");
    assert_eq!(s.search.current, Some(n - 1));
    press(&mut s, &[ch('n')]);
    assert_eq!(s.search.current, Some(0));
    assert!(s.message.as_deref().unwrap().contains("back to the first"));
    press(&mut s, &[ch('N')]);
    assert_eq!(s.search.current, Some(n - 1));
    assert!(s.message.as_deref().unwrap().contains("on to the last"));
}

#[test]
fn paging_through_big_articles_keeps_the_cache_bounded_in_bytes() {
    // 1 MB articles: 64 of them opened would hold gigabytes once analysed. (The analysis is
    // left empty here: what is kept is the point, not what is found.)
    let text = format!("A big article\n\n{}\n", "Plain words. ".repeat(80_000));
    let sources: Vec<Source> = (0..24)
        .map(|_| Source::Bundled {
            path: "big.txt",
            text: "",
        })
        .collect();
    let mut s = State::new(sources, ratatui::layout::Rect::new(0, 0, 100, 30), false);
    for i in 0..24 {
        let article = lector::load::parse_article("big.txt", text.clone());
        s.insert_opened(i, Opened::new(article, Analysis::default(), None));
        s.open(i);
    }
    let cached: Vec<usize> = (0..24).filter(|&i| s.doc_at(i).is_some()).collect();
    let kept = lector::view::opened::MAX_OPENED_BYTES / text.len();
    assert!(cached.len() <= kept + 1, "{cached:?}");
    assert!(cached.contains(&23), "the open article stays");
    assert!(cached.len() > 1, "recent ones are kept while they fit");
}

#[test]
fn the_reader_lists_the_quotes_that_analyze_json_lists() {
    // A scraped article whose repeated paragraphs hold quotations.
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/scraped/news_taxes.txt");
    let source = Source::File(path);
    let mut json = Vec::new();
    lector::cli::run_analyze(
        std::slice::from_ref(&source),
        lector::cli::Format::Json,
        &mut json,
    )
    .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let listed: Vec<(u64, u64)> = doc["articles"][0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap()))
        .collect();

    let mut s = State::new(
        vec![source],
        ratatui::layout::Rect::new(0, 0, 100, 30),
        false,
    );
    s.open(0);
    let o = s.opened().unwrap();
    let shown: Vec<(u64, u64)> = o
        .analysis
        .quotes
        .iter()
        .map(|q| (q.span.start as u64, q.span.end as u64))
        .collect();
    assert_eq!(shown, listed);
    assert!(
        o.analysis
            .quotes
            .iter()
            .all(|q| o.analysis.repeats[q.block].is_none()),
        "no quotation is listed in a repeat"
    );
}

#[test]
fn hiding_repeats_says_what_d_did_without_repeating_the_status_count() {
    let mut s = sample_state(100, 30, false);
    update(&mut s, Action::ToggleRepeats);
    assert_eq!(
        s.message.as_deref(),
        Some("repeated blocks hidden; d shows them again")
    );
    update(&mut s, Action::ToggleRepeats);
    assert_eq!(s.message.as_deref(), Some("repeated blocks shown"));
}
