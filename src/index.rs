//! Background indexing of a corpus: every article is loaded and analysed once, on worker threads,
//! and only a small summary (title, counts) is kept, so a reader can show a 100,000-article list
//! at once and fill it in while the user reads. Rows the user is looking at can be moved to the
//! front of the queue, and the article the reader opened itself (and so analysed already) can be
//! taken off it.

use crate::analyze::{Analysis, analyze};
use crate::article::Article;
use crate::load::{self, Source};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// What the article list shows of an article once it has been indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub quotes: usize,
    pub repeats: usize,
    /// Why the article could not be read, when it could not.
    pub error: Option<String>,
}

impl Summary {
    /// Loads and analyses one source into its summary.
    pub fn of(source: &Source) -> Summary {
        match load::load(source) {
            Ok(loaded) => Summary::new(&loaded.article, &analyze(&loaded.article)),
            Err(e) => Summary::failed(source, e.to_string()),
        }
    }

    /// The summary of an article analysed already (by the reader, when it opened it).
    pub fn new(article: &Article, analysis: &Analysis) -> Summary {
        Summary {
            title: shortened(&article.title),
            quotes: analysis.quotes.len(),
            repeats: analysis.repeat_count(),
            error: None,
        }
    }

    /// The summary of a source that could not be read, and why.
    pub fn failed(source: &Source, error: String) -> Summary {
        Summary {
            title: source.file_name(),
            quotes: 0,
            repeats: 0,
            error: Some(error),
        }
    }
}

/// Characters of a title kept for the list, far more than a row shows: a file whose first
/// line is a megabyte long must not make its row a megabyte too.
pub const MAX_TITLE_CHARS: usize = 300;

fn shortened(title: &str) -> String {
    match title.char_indices().nth(MAX_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", &title[..cut]),
        None => title.to_string(),
    }
}

struct Shared {
    sources: Arc<[Source]>,
    /// Indexes the user asked for first, most urgent at the front.
    urgent: Mutex<VecDeque<usize>>,
    /// The next index of the in-order sweep.
    next: AtomicUsize,
    /// Set once an index has been claimed by a worker, so nothing is indexed twice.
    claimed: Vec<AtomicBool>,
    stop: AtomicBool,
}

impl Shared {
    /// The next unclaimed index: urgent ones first, then in order. `None` when all are claimed.
    fn claim(&self) -> Option<usize> {
        loop {
            let urgent = self.urgent.lock().map(|mut q| q.pop_front()).ok().flatten();
            let candidate = match urgent {
                Some(i) => i,
                None => {
                    let i = self.next.fetch_add(1, Ordering::Relaxed);
                    if i >= self.sources.len() {
                        return None;
                    }
                    i
                }
            };
            if candidate < self.claimed.len()
                && !self.claimed[candidate].swap(true, Ordering::AcqRel)
            {
                return Some(candidate);
            }
        }
    }
}

/// Indexes a list of sources on background threads. Dropping it stops the workers.
pub struct Indexer {
    shared: Arc<Shared>,
    results: Receiver<(usize, Summary)>,
    workers: Vec<JoinHandle<()>>,
    done: usize,
}

impl Indexer {
    /// Starts `threads` workers over `sources` (at least one), leaving out the indexes in
    /// `known` (summarised by the caller already).
    pub fn start(
        sources: Arc<[Source]>,
        threads: usize,
        known: impl IntoIterator<Item = usize>,
    ) -> Indexer {
        let claimed: Vec<AtomicBool> = (0..sources.len()).map(|_| AtomicBool::new(false)).collect();
        for i in known {
            if let Some(c) = claimed.get(i) {
                c.store(true, Ordering::Relaxed);
            }
        }
        let shared = Arc::new(Shared {
            claimed,
            sources,
            urgent: Mutex::new(VecDeque::new()),
            next: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        });
        let (tx, results) = mpsc::channel();
        let workers = (0..threads.max(1))
            .map(|_| {
                let shared = Arc::clone(&shared);
                let tx: Sender<(usize, Summary)> = tx.clone();
                std::thread::spawn(move || work(&shared, &tx))
            })
            .collect();
        Indexer {
            shared,
            results,
            workers,
            done: 0,
        }
    }

    /// Moves these indexes to the front of the queue (those already indexed are skipped).
    pub fn prioritize(&self, indexes: impl IntoIterator<Item = usize>) {
        if let Ok(mut urgent) = self.shared.urgent.lock() {
            urgent.clear();
            urgent.extend(
                indexes
                    .into_iter()
                    .filter(|&i| i < self.shared.claimed.len())
                    .filter(|&i| !self.shared.claimed[i].load(Ordering::Acquire)),
            );
        }
    }

    /// Takes `index` off the queue because the caller summarised it itself. Returns false when a
    /// worker has it already (its summary will still arrive).
    pub fn skip(&self, index: usize) -> bool {
        self.shared
            .claimed
            .get(index)
            .is_some_and(|c| !c.swap(true, Ordering::AcqRel))
    }

    /// Summaries finished since the last call.
    pub fn drain(&mut self) -> Vec<(usize, Summary)> {
        let got: Vec<_> = self.results.try_iter().collect();
        self.done += got.len();
        got
    }

    /// (summaries produced by the workers, total sources).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.shared.sources.len())
    }

    /// Whether every source has been claimed, by a worker or by [`Indexer::skip`], and every
    /// worker has finished: nothing more will arrive.
    pub fn finished(&self) -> bool {
        self.workers.iter().all(JoinHandle::is_finished)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

fn work(shared: &Shared, results: &Sender<(usize, Summary)>) {
    while !shared.stop.load(Ordering::Acquire) {
        let Some(index) = shared.claim() else {
            return;
        };
        let summary = Summary::of(&shared.sources[index]);
        if results.send((index, summary)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect_all(indexer: &mut Indexer) -> Vec<(usize, Summary)> {
        let mut all = Vec::new();
        loop {
            let finished = indexer.finished();
            all.extend(indexer.drain());
            if finished {
                break;
            }
            std::thread::yield_now();
        }
        all.sort_by_key(|(i, _)| *i);
        all
    }

    #[test]
    fn every_bundled_article_is_indexed_once_with_its_counts() {
        let sources: Arc<[Source]> = load::bundled_sources().into();
        let mut indexer = Indexer::start(Arc::clone(&sources), 2, []);
        indexer.prioritize([3, 1]);
        let all = collect_all(&mut indexer);
        let indexes: Vec<usize> = all.iter().map(|(i, _)| *i).collect();
        assert_eq!(indexes, (0..sources.len()).collect::<Vec<_>>());
        let sample = sources
            .iter()
            .position(|s| s.display_path().ends_with("mexico-sovereignty.txt"))
            .unwrap();
        let summary = &all[sample].1;
        assert_eq!(
            summary.title,
            "Mexico Denies Trump's Military Intervention Plans Against Drug Cartels"
        );
        assert_eq!(summary.repeats, 3);
        assert_eq!(indexer.progress(), (sources.len(), sources.len()));
    }

    #[test]
    fn unreadable_files_get_an_error_summary() {
        let sources: Arc<[Source]> = vec![Source::File("no/such/article.txt".into())].into();
        let mut indexer = Indexer::start(sources, 1, []);
        let all = collect_all(&mut indexer);
        assert_eq!(all[0].1.title, "article.txt");
        assert!(
            all[0]
                .1
                .error
                .as_deref()
                .unwrap()
                .contains("no/such/article.txt")
        );
    }

    #[test]
    fn articles_the_caller_summarised_are_not_analysed_again() {
        let sources: Arc<[Source]> = load::bundled_sources().into();
        let n = sources.len();
        let mut indexer = Indexer::start(Arc::clone(&sources), 1, [0, 2]);
        // Claimed at start (or by the skip before a worker reached it): never indexed.
        let skipped_later = indexer.skip(n - 1);
        let all = collect_all(&mut indexer);
        let indexes: Vec<usize> = all.iter().map(|(i, _)| *i).collect();
        assert!(!indexes.contains(&0) && !indexes.contains(&2));
        if skipped_later {
            assert!(!indexes.contains(&(n - 1)));
        }
        assert_eq!(indexes.len(), n - 2 - usize::from(skipped_later));
        assert!(!indexer.skip(1), "a worker had it");
    }

    #[test]
    fn a_huge_title_is_kept_short() {
        let mut article = crate::load::parse_article("x.txt", "Title\n\nA body line.\n".into());
        article.title = "Ü".repeat(100_000);
        let summary = Summary::new(&article, &Analysis::default());
        assert_eq!(summary.title.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(summary.title.ends_with("Ü…"));
    }
}
