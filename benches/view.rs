//! Reader speed: `cargo bench --bench view`. Wrapping an article for a width (done once per
//! article and width), drawing a frame (done per key), and the keys that do the most work
//! (a search keystroke, toggling repeats) on the sample and on a ~1 MB article. The "+ frame"
//! figures are what one key press costs from the key to the drawn screen.

use criterion::{Criterion, criterion_group, criterion_main};
use lector::analyze::analyze;
use lector::load::{Source, parse_article};
use lector::tui::{Action, render, update};
use lector::view::{Opened, State, Wrapped};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../assets/articles/mexico-sovereignty.txt");

/// About `bytes` of distinct paragraphs from the corpus, every tenth repeated.
fn long_article(bytes: usize) -> String {
    let paragraphs: Vec<&str> = [
        include_str!("../tests/corpus/wikinews/news_korea.txt"),
        include_str!("../tests/corpus/wikinews/interview_peres.txt"),
        SAMPLE,
    ]
    .iter()
    .flat_map(|t| t.lines())
    .filter(|l| l.split_whitespace().count() > 8)
    .collect();
    let mut out = String::from("A long article\n\nIts summary line.\n");
    let mut n = 0;
    while out.len() < bytes {
        let p = paragraphs[n % paragraphs.len()];
        out.push_str(&format!("Part {n}. {p}\n"));
        if n % 10 == 9 {
            out.push_str(&format!("Part {n}. {p}\n"));
        }
        n += 1;
    }
    out
}

fn reader(text: &str, width: u16, height: u16) -> State {
    let article = parse_article("bench.txt", text.to_string());
    let analysis = analyze(&article);
    let source = Source::Bundled {
        path: "bench.txt",
        text: "",
    };
    let mut state = State::new(vec![source], Rect::new(0, 0, width, height), false);
    state.insert_opened(0, Opened::new(article, analysis, None));
    state.open(0);
    state
}

fn bench(c: &mut Criterion) {
    let long = long_article(1 << 20);
    for (name, text) in [("sample", SAMPLE), ("1MB", long.as_str())] {
        let article = parse_article("bench.txt", text.to_string());
        let analysis = analyze(&article);
        c.bench_function(&format!("wrap/{name}/100 columns"), |b| {
            b.iter(|| Wrapped::build(black_box(&article), &analysis.repeats, 100, false))
        });

        let mut state = reader(text, 120, 40);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
        c.bench_function(&format!("frame/{name}/120x40"), |b| {
            b.iter(|| terminal.draw(|f| render(black_box(&state), f)).map(|_| ()))
        });
        c.bench_function(&format!("key j + frame/{name}/120x40"), |b| {
            b.iter(|| {
                update(&mut state, Action::Move(1));
                terminal.draw(|f| render(&state, f)).map(|_| ())
            })
        });
        c.bench_function(&format!("search keystroke/{name}"), |b| {
            update(&mut state, Action::SearchStart);
            b.iter(|| {
                update(&mut state, Action::SearchInput('e'));
                update(&mut state, Action::SearchBackspace);
            })
        });
        update(&mut state, Action::SearchCancel);
        // One letter typed, timed with its frame; erased (untimed) before the next.
        for (label, before) in [("first letter", ""), ("third letter", "th")] {
            update(&mut state, Action::SearchStart);
            for c in before.chars() {
                update(&mut state, Action::SearchInput(c));
            }
            c.bench_function(&format!("search {label} + frame/{name}"), |b| {
                b.iter_custom(|iters| {
                    let mut took = Duration::ZERO;
                    for _ in 0..iters {
                        let start = Instant::now();
                        update(&mut state, Action::SearchInput('e'));
                        terminal.draw(|f| render(&state, f)).expect("drawn");
                        took += start.elapsed();
                        update(&mut state, Action::SearchBackspace);
                    }
                    took
                })
            });
            update(&mut state, Action::SearchCancel);
        }
        update(&mut state, Action::SearchStart);
        update(&mut state, Action::SearchInput('e'));
        update(&mut state, Action::SearchAccept);
        c.bench_function(&format!("n + frame/{name}"), |b| {
            b.iter(|| {
                update(&mut state, Action::Found { forward: true });
                terminal.draw(|f| render(&state, f)).map(|_| ())
            })
        });
        // No search while toggling (finding matches again is the search's cost, above).
        update(&mut state, Action::SearchStart);
        update(&mut state, Action::SearchAccept);
        c.bench_function(&format!("toggle repeats/{name}"), |b| {
            b.iter(|| update(&mut state, Action::ToggleRepeats))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
