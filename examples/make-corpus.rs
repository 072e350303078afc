//! Generates a large, realistic corpus of articles in the plain-text scraped layout, for
//! measuring lector at scale:
//! `cargo run --release --example make-corpus -- --articles 100000 [--seed 1] DIR`.
//!
//! Articles are assembled from the paragraphs of the bundled and test articles: a lead, the
//! headline twice, a dek, then body paragraphs of varied number and length, some repeated the way
//! scrapers repeat them (exactly, with words changed, or cut short). The same seed gives the same
//! corpus, byte for byte. Files go into sub-folders of 1,000 so directory listings stay fast.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast and deterministic; statistical quality is irrelevant here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Paragraph-like lines of every article the repository ships.
fn paragraph_pool(sources: &[PathBuf]) -> (Vec<String>, Vec<String>) {
    let mut titles = Vec::new();
    let mut paragraphs = Vec::new();
    for path in sources {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let article = lector::load::parse_article(&path.display().to_string(), text);
        titles.push(article.title.clone());
        for i in 0..article.blocks.len() {
            let block = article.block_text(i);
            if block.split_whitespace().count() >= 8 {
                paragraphs.push(block.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    paragraphs.sort();
    paragraphs.dedup();
    (titles, paragraphs)
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn change_words(paragraph: &str, rng: &mut Rng) -> String {
    let mut words: Vec<&str> = paragraph.split(' ').collect();
    for _ in 0..2 {
        let i = rng.below(words.len());
        words[i] = *rng.pick(&["new", "several", "the", "recent", "local", "many"]);
    }
    words.join(" ")
}

fn truncate(paragraph: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = paragraph.split(' ').collect();
    let keep = (words.len() * (50 + rng.below(40)) / 100)
        .max(6)
        .min(words.len());
    words[..keep].join(" ")
}

fn article(rng: &mut Rng, titles: &[String], paragraphs: &[String]) -> String {
    let title = rng.pick(titles);
    let mut out = String::new();
    out.push_str(rng.pick(paragraphs).as_str());
    out.push('\n');
    out.push_str(&format!("{title}\n\n{title}\n"));
    let dek = rng.pick(paragraphs);
    out.push_str(dek.split_inclusive(". ").next().unwrap_or(dek).trim_end());
    out.push('\n');
    // Lengths vary a lot: most articles are short, a few are long.
    let body_len = 3 + rng.below(12) + if rng.below(10) == 0 { rng.below(80) } else { 0 };
    let body: Vec<&String> = (0..body_len).map(|_| rng.pick(paragraphs)).collect();
    for p in &body {
        out.push_str(p);
        out.push('\n');
    }
    // About half the articles get a scraper's repeated run.
    if rng.below(2) == 0 {
        let start = rng.below(body.len());
        let run = 1 + rng.below(3.min(body.len() - start));
        for p in &body[start..start + run] {
            let copy = match rng.below(3) {
                0 => (*p).clone(),
                1 => change_words(p, rng),
                _ => truncate(p, rng),
            };
            out.push_str(&copy);
            out.push('\n');
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut count, mut seed, mut dir) = (1000usize, 1u64, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--articles" => count = args.next().and_then(|v| v.parse().ok()).unwrap_or(count),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: make-corpus [--articles N] [--seed S] DIR");
        std::process::exit(2);
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    txt_files(&root.join("assets/articles"), &mut sources);
    txt_files(&root.join("tests/corpus"), &mut sources);
    let (titles, paragraphs) = paragraph_pool(&sources);
    if titles.is_empty() || paragraphs.is_empty() {
        eprintln!(
            "make-corpus: no source articles found under {}",
            root.display()
        );
        std::process::exit(2);
    }
    let mut rng = Rng(seed);
    let mut bytes = 0usize;
    for n in 0..count {
        let shard = dir.join(format!("{:04}", n / 1000));
        if n % 1000 == 0
            && let Err(e) = fs::create_dir_all(&shard)
        {
            eprintln!("make-corpus: {}: {e}", shard.display());
            std::process::exit(1);
        }
        let text = article(&mut rng, &titles, &paragraphs);
        bytes += text.len();
        let path = shard.join(format!("article-{n:06}.txt"));
        if let Err(e) = fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes())) {
            eprintln!("make-corpus: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    println!(
        "wrote {count} articles, {:.1} MB, into {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
