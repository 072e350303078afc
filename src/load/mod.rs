//! Paths into articles: list the article files under the given paths, read and decode each one,
//! and parse it into an `Article`. Listing is separate from loading so a reader can show a large
//! corpus before every file has been read.

mod bundled;
pub mod decode;
pub mod parse;

pub use parse::parse_article;

use crate::article::Article;
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
    /// A FIFO, socket or device: reading one could block forever or never end.
    #[error("{path}: not a regular file or folder ({kind})")]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}: too large ({size} bytes; articles may have at most {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: {reason}")]
    Walk { path: String, reason: String },
    /// A folder given by name in which no article was found.
    #[error("{path}: no .txt files in this folder")]
    EmptyFolder { path: String },
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
/// A `.txt` entry that is not a regular file (a FIFO, socket or device) is an error, not an
/// article: opening it could block.
pub fn list_sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(reason) => errors.push(LoadError::Io {
                path: path.display().to_string(),
                reason,
            }),
            Ok(meta) if meta.is_dir() => {
                let before = sources.len();
                list_folder(path, &mut sources, &mut errors);
                if sources.len() == before {
                    errors.push(LoadError::EmptyFolder {
                        path: path.display().to_string(),
                    });
                }
            }
            Ok(meta) if meta.is_file() => sources.push(Source::File(path.clone())),
            Ok(meta) => errors.push(LoadError::NotAFile {
                path: path.display().to_string(),
                kind: file_kind(&meta.file_type()),
            }),
        }
    }
    (sources, errors)
}

fn list_folder(dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<LoadError>) {
    // Symbolic links are followed (a corpus may link articles in); walkdir detects loops and
    // reports them as errors.
    //
    // Entries of one folder share its path up to their names, so comparing whole paths as bytes
    // orders them by name, as `sort_by_file_name` does, without taking every path apart per
    // comparison (a third of the time to list 100,000 files).
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
    for entry in walk {
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                let is_article = entry
                    .path()
                    .extension()
                    .is_some_and(|e| e == ARTICLE_EXTENSION);
                if !is_article || file_type.is_dir() {
                    continue;
                }
                if file_type.is_file() {
                    sources.push(Source::File(entry.into_path()));
                } else {
                    errors.push(LoadError::NotAFile {
                        path: entry.path().display().to_string(),
                        kind: file_kind(&file_type),
                    });
                }
            }
            Err(e) => errors.push(LoadError::Walk {
                path: e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string()),
                reason: walk_reason(&e),
            }),
        }
    }
}

fn walk_reason(e: &walkdir::Error) -> String {
    if let Some(ancestor) = e.loop_ancestor() {
        return format!(
            "symbolic link loop (back to {}), not followed",
            ancestor.display()
        );
    }
    e.io_error()
        .map_or_else(|| e.to_string(), ToString::to_string)
}

/// A word for what a non-regular file is, for messages.
fn file_kind(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a dangling symbolic link"
    } else {
        "a special file"
    }
}

/// The largest article file read. News articles are kilobytes; this is far above any real one
/// (a 200 MB article is analysed) and bounds memory, since analysis keeps many times the text's
/// size (about 17 bytes per byte of text, measured on a 200 MB article). It also stops a file
/// that keeps growing, or that claims a huge size (a sparse file), from being read without end.
pub const MAX_ARTICLE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads, decodes and parses one article. Files are opened read-only and never written.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    match source {
        Source::Bundled { path, text } => Ok(Loaded {
            article: parse_article(path, (*text).to_string()),
            warning: None,
        }),
        Source::File(path) => {
            let shown = path.display().to_string();
            let bytes = read_regular_file(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
                ReadError::Io(reason) => LoadError::Io {
                    path: shown.clone(),
                    reason,
                },
                ReadError::NotAFile(kind) => LoadError::NotAFile {
                    path: shown.clone(),
                    kind,
                },
                ReadError::TooLarge(size) => LoadError::TooLarge {
                    path: shown.clone(),
                    size,
                    limit: MAX_ARTICLE_BYTES,
                },
            })?;
            let decoded = decode::decode(bytes).map_err(|reason| LoadError::Decode {
                path: shown.clone(),
                reason,
            })?;
            let article = parse_article(&shown, decoded.text);
            let warning = decoded.warning.or_else(|| {
                article
                    .blocks
                    .is_empty()
                    .then_some("no text (the file is empty or only whitespace)")
            });
            Ok(Loaded {
                warning: warning.map(|w| format!("{shown}: {w}")),
                article,
            })
        }
    }
}

enum ReadError {
    Io(std::io::Error),
    NotAFile(&'static str),
    TooLarge(u64),
}

/// Reads a regular file of at most `limit` bytes, read-only.
///
/// The file is opened without blocking and checked after opening (not before), so a file
/// replaced by a FIFO between listing and reading is refused instead of blocking forever.
fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO does not wait for a writer (it has no effect on reading a
        // regular file). O_NOCTTY: a terminal device never becomes our controlling terminal.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(file_kind(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let bytes = read_to_end_within(&file, meta.len(), limit).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The bytes of `file`, which its metadata says has `size` bytes (at most `limit`): all of them,
/// or `limit` and one more if it has more than `limit`.
///
/// The size may change while reading (a file being written or truncated), or not be told at all
/// (files under /proc say 0), so the first read asks for one byte more than `size`. A read of a
/// regular file comes back with fewer bytes than asked for only at the file's end: if exactly
/// `size` came, that is the whole file, read with one call. Otherwise the rest is read to its
/// end, one byte past the limit at most. (`read_to_end` alone calls `read` once more to see the
/// end, and reads more than 8 KiB in pieces: `analyze` made 21,000 `read` calls for 10,000
/// articles, 10,000 now. The buffer is zeroed first, which costs far less than a call.)
fn read_to_end_within(mut file: &std::fs::File, size: u64, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = vec![0; size as usize + 1];
    let first = loop {
        match file.read(&mut bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            read => break read?,
        }
    };
    bytes.truncate(first);
    if first as u64 != size {
        file.take(limit + 1 - first as u64)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_more_bytes_than_its_size_says_is_cut_off_at_the_limit() {
        // Files under /proc report a size of 0 but have content: like a file that grows while
        // being read, only the limit stops the read.
        let status = Path::new("/proc/self/status");
        if !status.exists() {
            return;
        }
        assert!(matches!(
            read_regular_file(status, 100),
            Err(ReadError::TooLarge(101))
        ));
        assert!(read_regular_file(status, 1 << 20).is_ok_and(|b| b.len() > 100));
    }

    #[test]
    fn a_regular_file_is_read_whole_whatever_its_size() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("article.txt");
        for size in [0, 1, 99, 100, 8191, 8192, 8193, 100_000] {
            let content: Vec<u8> = (0..size).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &content).unwrap();
            match read_regular_file(&path, 100_000) {
                Ok(bytes) => assert!(bytes == content, "{size} bytes"),
                Err(_) => panic!("{size} bytes not read"),
            }
        }
        std::fs::write(&path, vec![b'a'; 101]).unwrap();
        assert!(matches!(
            read_regular_file(&path, 100),
            Err(ReadError::TooLarge(101))
        ));
    }

    /// A file to read `content` from whatever size it is said to have: a pipe's reading end.
    #[cfg(unix)]
    fn pipe_with(content: &[u8]) -> std::fs::File {
        use std::io::Write;
        let (reader, mut writer) = std::io::pipe().expect("a pipe");
        writer.write_all(content).expect("room in the pipe");
        std::fs::File::from(std::os::fd::OwnedFd::from(reader))
    }

    #[test]
    #[cfg(unix)]
    fn a_file_is_read_to_its_end_whatever_size_it_was_said_to_have() {
        // Fewer bytes than said (a file cut short while read), or more (one still growing).
        for said in [0, 3, 10, 11, 1000] {
            let read = read_to_end_within(&pipe_with(b"hello world"), said, 1000);
            assert!(read.is_ok_and(|b| b == b"hello world"), "said {said}");
        }
        let read = read_to_end_within(&pipe_with(b"hello world"), 3, 5);
        assert!(read.is_ok_and(|b| b == b"hello "));
    }

    #[test]
    fn a_fifo_or_folder_is_refused_by_kind() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            read_regular_file(&dir, 100),
            Err(ReadError::NotAFile("a folder")) | Err(ReadError::Io(_))
        ));
        if Path::new("/dev/null").exists() {
            assert!(matches!(
                read_regular_file(Path::new("/dev/null"), 100),
                Err(ReadError::NotAFile("a device"))
            ));
        }
    }
}
