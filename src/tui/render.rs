//! Drawing: the state in, a frame out. Nothing here changes the state; only the lines on screen
//! are styled, from marks the view model computes out of the analysis spans.

use super::KEYS;
use super::theme::Theme;
use crate::analyze::EntityKind;
use crate::sanitize::{one_line, sanitize};
use crate::view::layout::{MIN_HEIGHT, MIN_WIDTH, inside_border};
use crate::view::marks::{Highlight, segments};
use crate::view::{Areas, Doc, EntityRow, LineKind, Opened, Pane, State};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, frame: &mut Frame) {
    let theme = Theme {
        no_color: state.no_color,
    };
    let area = frame.area();
    let Some(areas) = Areas::compute(area) else {
        too_small(state, frame, area);
        return;
    };
    articles(state, &theme, frame, areas.articles);
    text(state, &theme, frame, &areas);
    entities(state, &theme, frame, areas.entities);
    quotes(state, &theme, frame, areas.quotes);
    status(state, &theme, frame, areas.status);
    if state.help {
        help(&theme, frame, area);
    }
}

fn too_small(state: &State, frame: &mut Frame, area: Rect) {
    let note = format!(
        "terminal too small: lector needs {MIN_WIDTH}x{MIN_HEIGHT}, this is {}x{}",
        area.width, area.height
    );
    // Indexing goes on meanwhile: its progress on the last row, when there is room for both.
    let area = match progress_note(state, usize::from(area.width)) {
        Some(progress) if area.height >= 4 => {
            let last = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
            frame.render_widget(Paragraph::new(progress).alignment(Alignment::Center), last);
            Rect::new(area.x, area.y, area.width, area.height - 1)
        }
        _ => area,
    };
    let top = area.height.saturating_sub(2) / 2;
    let area = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(note)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}

fn pane<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Span::styled(
            title,
            theme.border(focused).add_modifier(Modifier::BOLD),
        ))
}

/// `text` cut to `width` cells, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A list row: `left` cut to fit, `right` flush right.
fn row(left: &str, right: &str, width: usize, style: Style) -> Line<'static> {
    let right_w = right.width();
    let room = width.saturating_sub(right_w + usize::from(right_w > 0));
    let left = fit(left, room);
    let gap = width.saturating_sub(left.width() + right_w);
    Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(gap)),
        Span::raw(right.to_string()),
    ])
    .style(style)
}

fn articles(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Pane::Articles;
    let position = format!("{}/{}", state.current + 1, state.sources.len());
    let title = if position.len() + 12 <= usize::from(area.width) {
        format!(" Articles {position} ")
    } else {
        format!(" {position} ")
    };
    let block = pane(title, focused, theme);
    let inner = inside_border(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = state
        .visible_article_rows()
        .map(|i| {
            let marker = if i == state.current { "▶" } else { " " };
            let title = sanitize(&state.article_title(i)).into_owned();
            let counts = match state.summaries.get(&i) {
                Some(s) if s.error.is_some() => "!".to_string(),
                Some(s) => counts(s.quotes, s.repeats),
                None => String::new(),
            };
            let mut style = if i == state.current {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            if i == state.articles.cursor {
                style = style.patch(theme.cursor(focused));
            }
            row(&format!("{marker}{title}"), &counts, width, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "2q 3r": quotes and repeats, left out when zero.
fn counts(quotes: usize, repeats: usize) -> String {
    let mut parts = Vec::new();
    if quotes > 0 {
        parts.push(format!("{quotes}q"));
    }
    if repeats > 0 {
        parts.push(format!("{repeats}r"));
    }
    parts.join(" ")
}

fn text(state: &State, theme: &Theme, frame: &mut Frame, areas: &Areas) {
    let focused = state.focus == Pane::Text;
    let path = state
        .sources
        .get(state.current)
        .map(|s| sanitize(&s.display_path()).into_owned())
        .unwrap_or_default();
    let title = format!(
        " {} ",
        fit(&path, usize::from(areas.text.width.saturating_sub(4)))
    );
    frame.render_widget(pane(title, focused, theme), areas.text);
    let body = areas.text_body();
    match state.doc() {
        Some(Doc::Ready(o)) => article_lines(state, o, theme, frame, body),
        Some(Doc::Failed(reason)) => {
            let lines = vec![
                Line::styled("This article could not be opened:", theme.message()),
                Line::raw(""),
                Line::raw(sanitize(reason).into_owned()),
            ];
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        }
        None => frame.render_widget(Paragraph::new("loading…"), body),
    }
}

fn article_lines(state: &State, o: &Opened, theme: &Theme, frame: &mut Frame, body: Rect) {
    let Some(layout) = state.layout() else {
        return;
    };
    let visible = layout
        .lines
        .iter()
        .skip(state.scroll)
        .take(usize::from(body.height));
    let lines: Vec<Line> = visible
        .map(|line| {
            let base = theme.line(line.kind, line.repeat);
            match line.kind {
                LineKind::Blank => Line::raw(""),
                LineKind::RepeatLabel { of } => {
                    Line::styled(format!("↻ repeat of ¶{}", of + 1), base.patch(theme.dim()))
                }
                LineKind::Title if line.block.is_none() => Line::styled(
                    fit(&sanitize(&o.article.title), usize::from(body.width)),
                    base,
                ),
                _ => {
                    let (first_match, matches) = state.search.on_line(layout, line);
                    let highlight = Highlight {
                        selected_entity: state.selected_entity,
                        selected_quote: state.selected_quote,
                        matches,
                        first_match,
                        current_match: state.search.current,
                    };
                    Line::from(
                        segments(&o.article.text, line, &o.analysis, &o.mentions, &highlight)
                            .into_iter()
                            .map(|s| Span::styled(s.text, base.patch(theme.marks(s.marks))))
                            .collect::<Vec<_>>(),
                    )
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn entities(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Pane::Entities;
    let count = state.opened().map_or(0, |o| o.analysis.entities.len());
    frame.render_widget(pane(format!(" Entities {count} "), focused, theme), area);
    let inner = inside_border(area);
    let Some(o) = state.opened() else { return };
    if o.entity_rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("none found", theme.dim())),
            inner,
        );
        return;
    }
    let width = usize::from(inner.width);
    let cursor_row = state.entity_cursor_row();
    let lines: Vec<Line> = o
        .entity_rows
        .iter()
        .enumerate()
        .skip(state.entities.offset)
        .take(usize::from(inner.height))
        .map(|(r, entity_row)| match *entity_row {
            EntityRow::Kind(kind) => Line::styled(
                kind_heading(kind),
                theme.entity(kind).add_modifier(Modifier::BOLD),
            ),
            EntityRow::Entity(e) => {
                let entity = &o.analysis.entities[e];
                let selected = state.selected_entity == Some(e);
                let marker = if selected { "●" } else { " " };
                let mut style = theme.entity(entity.kind);
                if selected {
                    style = style.add_modifier(Modifier::BOLD);
                }
                if cursor_row == Some(r) {
                    style = style.patch(theme.cursor(focused));
                }
                row(
                    &format!("{marker}{}", sanitize(&entity.name)),
                    &entity.mentions.len().to_string(),
                    width,
                    style,
                )
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
        EntityKind::Group => "Groups",
        EntityKind::Other => "Other",
    }
}

fn quotes(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = state.focus == Pane::Quotes;
    let count = state.opened().map_or(0, |o| o.analysis.quotes.len());
    frame.render_widget(pane(format!(" Quotes {count} "), focused, theme), area);
    let inner = inside_border(area);
    let Some(o) = state.opened() else { return };
    if o.analysis.quotes.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("none found", theme.dim())),
            inner,
        );
        return;
    }
    let width = usize::from(inner.width);
    let lines: Vec<Line> = o
        .analysis
        .quotes
        .iter()
        .enumerate()
        .skip(state.quotes.offset)
        .take(usize::from(inner.height))
        .map(|(i, q)| {
            let selected = state.selected_quote == Some(i);
            // A person by surname leaves room for the quote's words; other speakers in full.
            let speaker = match q.speaker.and_then(|e| o.analysis.entities.get(e)) {
                Some(e) if e.kind == EntityKind::Person => {
                    e.name.rsplit(' ').next().unwrap_or(&e.name)
                }
                Some(e) => e.name.as_str(),
                None => "unattributed",
            };
            let words = one_line(q.span.of(&o.article.text));
            let marker = if selected { "●" } else { " " };
            let mut speaker_style = Style::new().add_modifier(Modifier::BOLD);
            if q.speaker.is_none() {
                speaker_style = theme.dim().add_modifier(Modifier::ITALIC);
            }
            let mut line = Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{}: ", sanitize(speaker)), speaker_style),
                Span::styled(sanitize(&words).into_owned(), theme.quote()),
            ]);
            if i == state.quotes.cursor {
                line = line.style(theme.cursor(focused));
            }
            truncate_line(line, width)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Cuts a line of spans to `width` cells, ending in an ellipsis when cut.
fn truncate_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        if span.content.width() < room {
            used += span.content.width();
            spans.push(span);
        } else {
            spans.push(Span::styled(fit(&span.content, room), span.style));
            break;
        }
    }
    Line::from(spans).style(line.style)
}

fn status(state: &State, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let base = theme.status();
    if state.search.editing {
        let n = state.search.matches.len();
        let found = if state.search.query.is_empty() {
            String::new()
        } else {
            format!("   {n} match{}", if n == 1 { "" } else { "es" })
        };
        let line = Line::from(vec![
            Span::raw(format!("/{}", sanitize(&state.search.query))),
            Span::styled("█", base),
            Span::styled(found, base.add_modifier(Modifier::DIM)),
            Span::raw("   Enter keeps, Esc cancels"),
        ])
        .style(base);
        frame.render_widget(Paragraph::new(truncate_line(line, width)), area);
        return;
    }
    let hidden = state.layout().map_or(0, |l| l.hidden);
    let mut left = format!(
        " {}/{} · {}% · {}",
        state.current + 1,
        state.sources.len(),
        state.position_percent(),
        state.focus.label()
    );
    if hidden > 0 {
        left.push_str(&format!(" · {hidden} repeats hidden"));
    }
    if let Some((name, rank, count)) = state.mention_position() {
        left.push_str(&format!(" · {} {rank}/{count}", sanitize(name)));
    }
    if !state.search.query.is_empty() && !state.search.matches.is_empty() {
        let current = state.search.current.map_or(0, |c| c + 1);
        left.push_str(&format!(
            " · /{} {current}/{}",
            sanitize(&state.search.query),
            state.search.matches.len()
        ));
    }
    let right = "? help ";
    // The progress goes before the legend or note, in the longest form that still fits.
    let room = width.saturating_sub(left.width() + " · ".len() + right.len() + 1);
    if let Some(progress) = progress_note(state, room) {
        left.push_str(" · ");
        left.push_str(&progress);
    }
    left.push_str("  ");
    let mut spans = vec![Span::raw(left)];
    match &state.message {
        Some(m) => spans.push(Span::styled(sanitize(m).into_owned(), theme.message())),
        None => {
            for kind in EntityKind::ALL {
                spans.push(Span::styled(kind.label(), base.patch(theme.entity(kind))));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled("“quote”", base.patch(theme.quote())));
        }
    }
    let line = truncate_line(
        Line::from(spans).style(base),
        width.saturating_sub(right.len() + 1),
    );
    let gap = width.saturating_sub(line.width() + right.len());
    let mut spans = line.spans;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::raw(right));
    frame.render_widget(Paragraph::new(Line::from(spans).style(base)), area);
}

/// The background indexing's progress in at most `width` cells, longest form first
/// ("indexed 41,200 / 100,000", "41,200/100,000", "41%"); `None` when done or with no room.
fn progress_note(state: &State, width: usize) -> Option<String> {
    let (done, total) = state.index_progress()?;
    let percent = done * 100 / total.max(1);
    [
        format!("indexed {} / {}", thousands(done), thousands(total)),
        format!("{}/{}", thousands(done), thousands(total)),
        format!("{percent}%"),
    ]
    .into_iter()
    .find(|form| form.width() <= width)
}

/// `n` with a comma between thousands: 41,200.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

fn help(theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = KEYS.lines().map(Line::raw).collect();
    // On a short terminal the heading goes first: the border already says "Help".
    if lines.len() + 2 > usize::from(area.height) {
        lines.remove(0);
    }
    let width = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(
            pane(" Help: q, Esc or ? closes ".into(), true, theme)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        ),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_separated_by_commas() {
        let cases = [(0, "0"), (999, "999"), (1000, "1,000"), (41_200, "41,200")];
        for (n, shown) in cases {
            assert_eq!(thousands(n), shown);
        }
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
