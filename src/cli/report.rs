//! The human-readable analysis report: title, dek, repeats, entities by kind, quotes.

use crate::analyze::{Analysis, EntityKind};
use crate::article::Article;
use crate::sanitize::{one_line, sanitize};
use std::fmt::Write;

/// How many characters of a repeated block or quote to show.
const EXCERPT_CHARS: usize = 100;

pub fn report(article: &Article, analysis: &Analysis) -> String {
    let mut out = String::new();
    let text = &article.text;
    // Writing to a String cannot fail.
    let _ = writeln!(out, "# {}", sanitize(&article.title));
    let _ = writeln!(out, "path: {}", sanitize(&article.path));
    if let Some(dek) = &article.dek {
        let _ = writeln!(out, "dek: {}", sanitize(dek));
    }
    let _ = writeln!(out, "blocks: {}", article.blocks.len());

    let repeats: Vec<_> = analysis
        .repeats
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)))
        .collect();
    let _ = writeln!(out, "\nrepeats ({}):", repeats.len());
    for (i, r) in repeats {
        let _ = writeln!(
            out,
            "  ¶{} repeats ¶{} ({:.0}%): {}",
            i + 1,
            r.of + 1,
            r.similarity * 100.0,
            excerpt(article.block_text(i))
        );
    }

    let _ = writeln!(out, "\nentities ({}):", analysis.entities.len());
    for kind in EntityKind::ALL {
        let of_kind: Vec<String> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| format!("{} ({})", sanitize(&e.name), e.mentions.len()))
            .collect();
        if !of_kind.is_empty() {
            let _ = writeln!(out, "  {}: {}", kind.label(), of_kind.join(", "));
        }
    }

    let _ = writeln!(out, "\nquotes ({}):", analysis.quotes.len());
    for q in &analysis.quotes {
        let speaker = analysis.speaker_name(q).unwrap_or("(unattributed)");
        let _ = writeln!(
            out,
            "  {}: \"{}\"",
            sanitize(speaker),
            excerpt(q.span.of(text))
        );
    }
    out.push('\n');
    out
}

fn excerpt(text: &str) -> String {
    // Whitespace is collapsed before sanitizing, so line breaks inside a block read as spaces,
    // not as the control pictures ␍ ␊.
    let clean = sanitize(&one_line(text)).into_owned();
    if clean.chars().count() <= EXCERPT_CHARS {
        clean
    } else {
        let cut: String = clean.chars().take(EXCERPT_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}
