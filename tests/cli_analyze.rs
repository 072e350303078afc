//! End-to-end runs of `lector analyze` on the sample and the corpus: the JSON contract, exit
//! statuses, and messages for unusable input.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn lector(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lector"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the lector binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = lector(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints one JSON document")
}

const SAMPLE: &str = "assets/articles/mexico-sovereignty.txt";

#[test]
fn sample_title_dek_and_exactly_its_three_repeats() {
    let doc = json(&["analyze", "--json", SAMPLE]);
    let article = &doc["articles"][0];
    assert_eq!(article["path"], SAMPLE);
    assert_eq!(
        article["title"],
        "Mexico Denies Trump's Military Intervention Plans Against Drug Cartels"
    );
    assert!(
        article["dek"]
            .as_str()
            .unwrap()
            .starts_with("Mexican President Claudia Sheinbaum firmly rejects")
    );
    let blocks = article["blocks"].as_array().unwrap();
    let kinds: Vec<&str> = blocks.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "lead",
            "headline",
            "headline",
            "dek",
            "paragraph",
            "paragraph",
            "paragraph",
            "paragraph",
            "paragraph"
        ]
    );
    // By reading the file: the second headline, and the two paragraphs the scraper pasted again.
    let repeats: Vec<(u64, u64)> = blocks
        .iter()
        .filter(|b| !b["duplicate_of"].is_null())
        .map(|b| {
            (
                b["index"].as_u64().unwrap(),
                b["duplicate_of"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(repeats, [(2, 1), (7, 5), (8, 6)]);
    assert_eq!(blocks[7]["similarity"], 1.0);
    assert!(blocks[4]["similarity"].is_null());
}

#[test]
fn every_span_slices_the_file_to_its_text() {
    let doc = json(&["analyze", "--json", SAMPLE, "tests/corpus/scraped"]);
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 13);
    for article in articles {
        let path = article["path"].as_str().unwrap();
        let file =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        let slice = |v: &Value| {
            &file[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
        };
        for m in article["entities"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| e["mentions"].as_array().unwrap())
        {
            assert_eq!(slice(m), m["text"].as_str().unwrap(), "{path}");
        }
        for q in article["quotes"].as_array().unwrap() {
            assert_eq!(slice(q), q["text"].as_str().unwrap(), "{path}");
        }
        let mut last_end = 0;
        for b in article["blocks"].as_array().unwrap() {
            let text = slice(b);
            assert!(!text.is_empty() && text.trim() == text, "{path}: block {b}");
            assert!(
                b["start"].as_u64().unwrap() as usize >= last_end,
                "{path}: blocks overlap"
            );
            last_end = b["end"].as_u64().unwrap() as usize;
        }
    }
}

#[test]
fn folders_are_read_recursively_in_name_order() {
    let doc = json(&["analyze", "--json", "tests/corpus"]);
    let paths: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 1 + 43 + 12);
    assert_eq!(paths[0], "tests/corpus/mexico-sovereignty.txt");
    assert_eq!(paths[1], "tests/corpus/scraped/interview_ants.txt");
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn jsonl_prints_one_article_per_line() {
    let out = lector(&["analyze", "--jsonl", "tests/corpus/wikinews"]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 43);
    assert_eq!(lines[0]["path"], "tests/corpus/wikinews/interview_ants.txt");
}

#[test]
fn no_path_analyzes_the_bundled_articles() {
    let doc = json(&["analyze", "--json"]);
    let paths: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&SAMPLE), "{paths:?}");
}

#[test]
fn text_report_names_title_dek_and_repeats() {
    let out = lector(&["analyze", SAMPLE]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "# Mexico Denies Trump's Military Intervention Plans Against Drug Cartels\n"
        )
    );
    assert!(text.contains("dek: Mexican President Claudia Sheinbaum"));
    assert!(text.contains("repeats (3):"));
    assert!(text.contains("¶8 repeats ¶6"));
}

#[test]
fn a_missing_path_is_named_and_the_rest_still_analyzed() {
    let out = lector(&["analyze", "--json", "no/such/file.txt", SAMPLE]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_with_status_2() {
    let out = lector(&["analyze", "--json", "--jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let out = lector(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reader_in_a_pipe_prints_the_report_instead_of_escape_codes() {
    let out = lector(&[SAMPLE]);
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b));
    assert!(String::from_utf8_lossy(&out.stdout).contains("# Mexico Denies"));
}

#[test]
fn a_closed_stderr_loses_the_messages_not_the_run() {
    // A pipe nobody reads: every message to stderr fails with a broken pipe.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    for args in [
        &["analyze", "--json", "no/such/file.txt", SAMPLE][..],
        &["no/such/file.txt", SAMPLE][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_lector"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(writer.try_clone().expect("the pipe's write end"))
            .output()
            .expect("the lector binary runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}: no panic (101)");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Mexico Denies"));
    }
}

#[test]
fn quotations_in_scraped_repeats_are_listed_once_at_the_original() {
    let doc = json(&["analyze", "--json", "tests/corpus/scraped"]);
    let mut seen = 0;
    for article in doc["articles"].as_array().unwrap() {
        let blocks = article["blocks"].as_array().unwrap();
        let mut texts = std::collections::HashSet::new();
        for q in article["quotes"].as_array().unwrap() {
            let block = &blocks[q["block"].as_u64().unwrap() as usize];
            assert!(block["duplicate_of"].is_null(), "{q} is in a repeat");
            assert!(
                texts.insert(q["text"].as_str().unwrap().to_string()),
                "{q} twice"
            );
            seen += 1;
        }
    }
    assert!(seen > 0);
}

#[test]
fn a_folder_without_articles_is_named_and_the_run_says_so() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(empty.path().join("notes.md"), "not an article").expect("written");
    let folder = empty.path().to_str().expect("a UTF-8 path");
    let out = lector(&["analyze", "--json", folder, SAMPLE]);
    assert_eq!(out.status.code(), Some(1), "an input gave nothing");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(folder) && err.contains("no .txt files"),
        "{err}"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["articles"].as_array().map(Vec::len), Some(1));
}
