//! The `lector` binary: parses arguments and hands over to the reader or to `analyze`.

use clap::{Parser, Subcommand};
use lector::cli::{self, Format};
use lector::load::{self, Source};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Analysis makes many small, short-lived allocations per article; mimalloc serves them with
/// about a tenth fewer instructions in all than the system allocator (measured with cachegrind).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e` (mimalloc.h), which the Rust
/// bindings leave unnamed. A test checks that the option there has the purge delay's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed memory before returning it to the system, in milliseconds.
/// Its default, one second, returns pages that the next articles' analyses want again: each
/// comes back as a fresh page the kernel must zero (2 MiB at a time with transparent huge
/// pages). Measured on `analyze --jsonl` over 10,000 articles on one core: page faults 543 ->
/// 279 (the start-up's own) and about 3% less CPU time. Memory the reader no longer uses still
/// goes back, ten seconds later.
const PURGE_DELAY_MS: std::ffi::c_long = 10_000;

fn keep_freed_memory_for_reuse() {
    // SAFETY: `mi_option_set` stores a value in mimalloc's option table, which it reads with
    // atomic loads; any delay is a valid value for this option.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) }
}

/// A terminal reader for news articles: entities, quotes and repeated paragraphs at a glance.
#[derive(Parser)]
#[command(version, about, after_help = lector::tui::KEYS, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or folders (every .txt file under them). None: the bundled sample articles.
    paths: Vec<PathBuf>,
    /// Let the mouse wheel scroll and clicks select (off by default, so the terminal's own text
    /// selection keeps working).
    #[arg(long)]
    mouse: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis of articles: title, dek, repeats, entities and quotes.
    Analyze {
        /// Article files or folders. None: the bundled sample articles.
        paths: Vec<PathBuf>,
        /// One JSON document with every article.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// One JSON object per article per line.
        #[arg(long)]
        jsonl: bool,
    },
}

// Messages go through `cli::note`, never `eprintln!`, which panics when stderr is a closed pipe.
fn main() -> ExitCode {
    keep_freed_memory_for_reuse();
    let args = Args::parse();
    match args.command {
        Some(Command::Analyze { paths, json, jsonl }) => {
            let format = if json {
                Format::Json
            } else if jsonl {
                Format::JsonLines
            } else {
                Format::Text
            };
            analyze(&paths, format)
        }
        None => read(&args.paths, args.mouse),
    }
}

/// Lists the sources for `paths` (the bundled articles when empty), reporting unusable paths.
fn sources(paths: &[PathBuf]) -> (Vec<Source>, bool) {
    if paths.is_empty() {
        return (load::bundled_sources(), true);
    }
    let (sources, errors) = load::list_sources(paths);
    for e in &errors {
        // File names are data too: `note` keeps an escape sequence in one from the terminal.
        cli::note(format_args!("skipped {e}"));
    }
    (sources, errors.is_empty())
}

fn analyze(paths: &[PathBuf], format: Format) -> ExitCode {
    let (sources, listed_all) = sources(paths);
    // (`run_analyze` writes each batch of articles at once, unbuffered.)
    let mut out = std::io::stdout().lock();
    match cli::run_analyze(&sources, format, &mut out) {
        Ok(true) if listed_all => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        // A closed pipe (`lector analyze | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            cli::note(format_args!("cannot write output: {e}"));
            ExitCode::from(1)
        }
    }
}

fn read(paths: &[PathBuf], mouse: bool) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        cli::note(format_args!(
            "not a terminal; printing the analysis instead (see `lector analyze`)"
        ));
        return analyze(paths, Format::Text);
    }
    // The gazetteers are built on first use, which takes about as long as listing 100,000
    // files: build them on another core meanwhile, for the first article's analysis.
    std::thread::spawn(warm_up_analysis);
    let (sources, _) = sources(paths);
    if sources.is_empty() {
        cli::note(format_args!("no articles to read"));
        return ExitCode::from(1);
    }
    match lector::tui::run(sources, lector::tui::Options { mouse }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            cli::note(format_args!("{e:#}"));
            ExitCode::from(1)
        }
    }
}

/// Builds the shipped gazetteers and word lists, which the first analysis would otherwise build.
/// Analysing a short article reaches every table the way real articles do, so none is left out.
fn warm_up_analysis() {
    let text = "Warm up\n\nAnna Smith of Acme Corp said \"hello\" in Paris.\n";
    lector::analyze::analyze(&load::parse_article("warm-up", text.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_where_it_is_set() {
        // SAFETY: reading an option is a load from mimalloc's option table.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        // mimalloc's default purge delay (options.c), unless `main` has set ours.
        assert!(
            [1000, PURGE_DELAY_MS].contains(&delay),
            "option 15 is {delay}"
        );
        keep_freed_memory_for_reuse();
        // SAFETY: as above.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, PURGE_DELAY_MS);
    }
}
