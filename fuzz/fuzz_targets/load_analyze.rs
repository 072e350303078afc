//! Fuzz target: any bytes, as the content of an article file, go through decoding, parsing,
//! analysis and both output formats of `lector analyze`. Nothing may panic, every span must be
//! valid (`tests/support/invariants.rs`), and the output must hold nothing a terminal would obey.
//!
//! Run: `cargo +nightly fuzz run load_analyze -- -max_total_time=600` (see README in this folder).

#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use lector::analyze::analyze;
use lector::cli::{Format, render};
use lector::load::{decode::decode, parse_article};
use libfuzzer_sys::fuzz_target;

fn terminal_safe(output: &str) -> Result<(), char> {
    match output.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}')
    }) {
        Some(c) => Err(c),
        None => Ok(()),
    }
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes.to_vec()) else {
        return;
    };
    let article = parse_article("fuzz.txt", decoded.text);
    let analysis = analyze(&article);
    if let Err(problem) = invariants::check(&article, &analysis) {
        panic!("invariant broken: {problem}");
    }
    for format in [Format::Text, Format::Json] {
        let output = render(&article, &analysis, format);
        if let Err(c) = terminal_safe(&output) {
            panic!("{format:?} output contains {c:?}");
        }
    }
});
