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
    // (`run_analyze` buffers its output itself.)
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
