//! `lector analyze`: the analysis printed for people (text) or scripts (JSON, JSON lines).

pub mod json;
mod report;

use crate::analyze::{Analysis, analyze};
use crate::load::{self, Source};
use crate::sanitize::sanitize;
use rayon::prelude::*;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    /// One JSON document: `{"articles": [...]}`.
    Json,
    /// One article object per line.
    JsonLines,
}

/// Writes `lector: {message}` on a line of standard error. Unlike `eprintln!`, it never panics:
/// when stderr is a closed pipe the message is lost, not the run. Messages carry file names and
/// file contents, so they are sanitized here, for every caller.
pub fn note(message: std::fmt::Arguments) {
    let message = message.to_string();
    let _ = writeln!(io::stderr().lock(), "lector: {}", sanitize(&message));
}

/// Articles analysed in parallel per batch, then written in input order, so output streams and
/// memory stays bounded by the batch.
const BATCH: usize = 256;

/// Bytes of output gathered before they are written (and at least once per batch): few large
/// writes rather than one or more system calls per article.
const OUT_CHUNK: usize = 1 << 20;

/// One source's printed analysis and load warning, or why it was skipped.
type Rendered = Result<(Vec<u8>, Option<String>), String>;

/// Loads, analyses and prints every source in order. Problems with single files go to stderr and
/// make the result `Ok(false)`; an error writing the output (e.g. a closed pipe) is returned.
pub fn run_analyze(sources: &[Source], format: Format, out: &mut dyn Write) -> io::Result<bool> {
    let mut out = io::BufWriter::with_capacity(OUT_CHUNK, out);
    let mut all_ok = true;
    if format == Format::Json {
        out.write_all(b"{\"articles\": [")?;
    }
    let mut first = true;
    for batch in sources.chunks(BATCH) {
        let rendered: Vec<Rendered> = batch
            .par_iter()
            .map(|source| {
                let loaded = load::load(source).map_err(|e| e.to_string())?;
                let analysis = analyze(&loaded.article);
                Ok((render(&loaded.article, &analysis, format), loaded.warning))
            })
            .collect();
        for result in rendered {
            match result {
                Ok((text, warning)) => {
                    if let Some(w) = warning {
                        note(format_args!("warning: {w}"));
                    }
                    if format == Format::Json && !first {
                        out.write_all(b",\n")?;
                    }
                    first = false;
                    out.write_all(&text)?;
                }
                Err(message) => {
                    note(format_args!("skipped {message}"));
                    all_ok = false;
                }
            }
        }
        out.flush()?;
    }
    if format == Format::Json {
        out.write_all(b"]}\n")?;
    }
    out.flush()?;
    Ok(all_ok)
}

/// One article's analysis in `format`, as printed by `lector analyze` (UTF-8).
pub fn render(article: &crate::article::Article, analysis: &Analysis, format: Format) -> Vec<u8> {
    match format {
        Format::Text => report::report(article, analysis).into_bytes(),
        Format::Json | Format::JsonLines => {
            let mut out = Vec::new();
            json::write_article(&mut out, article, analysis);
            if format == Format::JsonLines {
                out.push(b'\n');
            }
            out
        }
    }
}
