//! Paths into articles: list the article files under the given paths, read and decode each one,
//! and parse it into an `Article`. Listing is separate from loading so a reader can show a large
//! corpus before every file has been read.

mod bundled;
pub mod decode;
pub mod parse;

pub use parse::parse_article;

use crate::article::Article;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Bundled {
        path: &'static str,
        text: &'static str,
    },
}

impl Source {
    /// The path as shown to the user.
    pub fn display_path(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Bundled { path, .. } => (*path).to_string(),
        }
    }

    /// The file name, shown for articles not yet loaded.
    pub fn file_name(&self) -> String {
        match self {
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Bundled { path, .. } => path.rsplit('/').next().unwrap_or(path).to_string(),
        }
    }
}

/// A file or folder that could not be used, with the reason.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: {reason}")]
    Io {
        path: String,
        reason: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Decode {
        path: String,
        reason: decode::DecodeError,
    },
    #[error("{path}: not a regular file or folder")]
    NotAFile { path: String },
    #[error("{path}: {reason}")]
    Walk { path: String, reason: String },
}

/// A loaded article and anything the user should know about how it was read.
#[derive(Debug)]
pub struct Loaded {
    pub article: Article,
    pub warning: Option<String>,
}

/// The bundled sample articles.
pub fn bundled_sources() -> Vec<Source> {
    bundled::BUNDLED
        .iter()
        .map(|&(path, text)| Source::Bundled { path, text })
        .collect()
}

/// Files with this extension are articles when a folder is given.
const ARTICLE_EXTENSION: &str = "txt";

/// Every article file under `paths`: a file is itself, a folder is every `.txt` file under it,
/// recursively, in name order. Paths that cannot be listed are returned as errors; the rest go on.
pub fn list_sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(reason) => errors.push(LoadError::Io {
                path: path.display().to_string(),
                reason,
            }),
            Ok(meta) if meta.is_dir() => list_folder(path, &mut sources, &mut errors),
            Ok(meta) if meta.is_file() => sources.push(Source::File(path.clone())),
            Ok(_) => errors.push(LoadError::NotAFile {
                path: path.display().to_string(),
            }),
        }
    }
    (sources, errors)
}

fn list_folder(dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<LoadError>) {
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            Ok(entry) => {
                let is_article = entry
                    .path()
                    .extension()
                    .is_some_and(|e| e == ARTICLE_EXTENSION);
                // FIFOs, sockets and devices are skipped: opening them could block or never end.
                if is_article && entry.file_type().is_file() {
                    sources.push(Source::File(entry.into_path()));
                }
            }
            Err(e) => errors.push(LoadError::Walk {
                path: e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string()),
                reason: e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string),
            }),
        }
    }
}

/// Reads, decodes and parses one article. Files are opened read-only and never written.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    match source {
        Source::Bundled { path, text } => Ok(Loaded {
            article: parse_article(path, (*text).to_string()),
            warning: None,
        }),
        Source::File(path) => {
            let shown = path.display().to_string();
            let bytes = read_regular_file(path).map_err(|reason| LoadError::Io {
                path: shown.clone(),
                reason,
            })?;
            let decoded = decode::decode(bytes).map_err(|reason| LoadError::Decode {
                path: shown.clone(),
                reason,
            })?;
            Ok(Loaded {
                warning: decoded.warning.map(|w| format!("{shown}: {w}")),
                article: parse_article(&shown, decoded.text),
            })
        }
    }
}

/// Reads a file, refusing anything that is not a regular file (a FIFO would block forever).
fn read_regular_file(path: &Path) -> std::io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}
