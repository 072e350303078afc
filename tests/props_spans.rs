//! Properties of loading and analysis on any input: decoding arbitrary bytes, parsing arbitrary
//! Unicode, and analysing the result never panics, and every span (blocks, mentions, quotes) lies
//! on char boundaries in order (see `support/invariants.rs`). The same holds for every article
//! shipped in `assets/articles` and `tests/corpus`.

#[path = "support/invariants.rs"]
mod invariants;

use lector::analyze::analyze;
use lector::load::{self, Source, decode::decode, parse_article};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn check_text(text: String) -> Result<(), TestCaseError> {
    let article = parse_article("prop.txt", text);
    let analysis = analyze(&article);
    invariants::check(&article, &analysis).map_err(TestCaseError::fail)
}

/// Pieces that news text and hostile text are made of: names, quote marks of every kind (often
/// unbalanced), sentence ends, line breaks, escapes and invisible characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Z][a-z]{0,8}",
        4 => "[a-z]{1,8}",
        2 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "「", "」",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            ".", ",", ":", "?", "!", "—", "-", "(", ")", "U.S.", "Mr.", "Dr.", "J.",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r", "\t", "\u{2028}", "\u{85}"])
            .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "said", "says", "told", "according to", "asked", "Inc.", "University", "of", "the",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{1b}[31m", "\u{1b}]0;t\u{7}", "\u{9b}", "\u{202E}", "\u{200B}", "\u{FEFF}",
            "e\u{301}", "\u{301}", "Cafe\u{301}", "東京", "👩\u{200D}🔬", "\u{8}", "\u{0}", "\u{FFFD}",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn newsish_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..400).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_decode_and_analyze_with_valid_spans(
        bytes in prop::collection::vec(any::<u8>(), 0..2048)
    ) {
        if let Ok(decoded) = decode(bytes) {
            check_text(decoded.text)?;
        }
    }

    #[test]
    fn utf16_of_arbitrary_units_decodes_and_analyzes(
        units in prop::collection::vec(any::<u16>(), 0..1024), big_endian in any::<bool>()
    ) {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in units {
            bytes.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        if let Ok(decoded) = decode(bytes) {
            check_text(decoded.text)?;
        }
    }

    #[test]
    fn arbitrary_unicode_analyzes_with_valid_spans(text in any::<String>()) {
        check_text(text)?;
    }

    #[test]
    fn newsish_text_analyzes_with_valid_spans(text in newsish_text()) {
        check_text(text)?;
    }

    #[test]
    fn valid_utf8_decodes_unchanged(text in any::<String>()) {
        prop_assume!(!text.contains('\0'));
        let decoded = decode(text.clone().into_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded.text, text);
        prop_assert_eq!(decoded.warning, None);
    }
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot list {}", dir.display())
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn every_shipped_and_corpus_article_has_valid_spans() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    txt_files(&root.join("assets/articles"), &mut files);
    txt_files(&root.join("tests/corpus"), &mut files);
    assert!(files.len() >= 5 + 56, "found only {} articles", files.len());
    for path in files {
        let loaded = load::load(&Source::File(path.clone()))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let article = loaded.article;
        assert!(!article.blocks.is_empty(), "{}: no blocks", path.display());
        let analysis = analyze(&article);
        if let Err(problem) = invariants::check(&article, &analysis) {
            panic!("{}: {problem}", path.display());
        }
    }
}

#[test]
fn bundled_articles_have_valid_spans() {
    for source in load::bundled_sources() {
        let loaded = load::load(&source).expect("bundled articles load");
        let analysis = analyze(&loaded.article);
        if let Err(problem) = invariants::check(&loaded.article, &analysis) {
            panic!("{}: {problem}", source.display_path());
        }
    }
}
