//! Examples of entity finding: an article in, entities out.

use super::find_entities;
use crate::analyze::{Entity, EntityKind};
use crate::load::parse_article;
use EntityKind::*;

fn entities(text: &str) -> Vec<Entity> {
    find_entities(&parse_article("test.txt", text.to_string()))
}

/// (name, kind, mention count) of every entity, most mentioned first.
fn summary(text: &str) -> Vec<(String, EntityKind, usize)> {
    entities(text)
        .into_iter()
        .map(|e| (e.name, e.kind, e.mentions.len()))
        .collect()
}

fn find<'a>(found: &'a [Entity], name: &str) -> &'a Entity {
    found
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {found:#?}"))
}

fn owned(expected: &[(&str, EntityKind, usize)]) -> Vec<(String, EntityKind, usize)> {
    expected
        .iter()
        .map(|&(n, k, c)| (n.to_string(), k, c))
        .collect()
}

#[test]
fn titles_are_not_part_of_names_and_surnames_join_full_names() {
    let text = "Talks in Brussels\n\n\
        Secretary of State Marco Rubio met President Claudia Sheinbaum on Friday. \
        Later, Rubio praised Sheinbaum, and Mr. Rubio called the talks useful.";
    assert_eq!(
        summary(text),
        owned(&[
            ("Marco Rubio", Person, 3),
            ("Claudia Sheinbaum", Person, 2),
            ("Brussels", Place, 1),
        ])
    );
}

#[test]
fn sentence_openers_weekdays_and_months_are_not_entities() {
    let text = "Quiet week\n\n\
        Despite the rain, the market opened on Monday. According to traders, \
        prices fell in March. However, nobody was worried.";
    assert_eq!(summary(text), owned(&[]));
}

#[test]
fn a_possessive_is_a_mention_of_the_person_without_the_s() {
    let text = "Plans\n\nFormer President Donald Trump spoke. Trump's plan was new, and \
        Trump’s aides agreed.";
    let found = entities(text);
    let trump = find(&found, "Donald Trump");
    assert_eq!(trump.kind, Person);
    let texts: Vec<&str> = trump.mentions.iter().map(|m| m.span.of(text)).collect();
    assert_eq!(texts, ["Donald Trump", "Trump", "Trump"]);
}

#[test]
fn aliases_and_acronyms_are_one_entity() {
    let text = "Storm aid\n\n\
        The U.S. sent help. The United States and the Federal Emergency Management Agency \
        (FEMA) coordinated it, and FEMA staff arrived in Haiti.";
    assert_eq!(
        summary(text),
        owned(&[
            ("Federal Emergency Management Agency", Organization, 3),
            ("United States", Place, 2),
            ("Haiti", Place, 1),
        ])
    );
}

#[test]
fn organisation_and_place_head_words_decide_unknown_names() {
    let text = "Research\n\n\
        Scientists at the Kettering Institute sailed across the Ross Sea with staff from \
        Brindlewood Corp. and the Ministry of Fisheries.";
    assert_eq!(
        summary(text),
        owned(&[
            ("Kettering Institute", Organization, 1),
            ("Ross Sea", Place, 1),
            ("Brindlewood Corp", Organization, 1),
            ("Ministry of Fisheries", Organization, 1),
        ])
    );
}

#[test]
fn demonyms_and_parties_are_groups() {
    let text = "Vote\n\nMexican voters and Republicans disagreed, said the Mexican press.";
    assert_eq!(
        summary(text),
        owned(&[("Mexican", Group, 2), ("Republicans", Group, 1)])
    );
}

#[test]
fn headline_words_count_only_when_the_article_confirms_them() {
    let text = "Mexico Denies Trump's Military Plans\n\n\
        Officials in Mexico rejected the plans of Donald Trump on Tuesday.";
    assert_eq!(
        summary(text),
        owned(&[("Mexico", Place, 2), ("Donald Trump", Person, 2)])
    );
}

#[test]
fn every_mention_slices_to_its_text_and_names_its_block() {
    let text = "Ünïcode Héadline\n\nÉmile Zola met Zoë Saldaña in São Paulo.\n\nZola's book.";
    let article = parse_article("t.txt", text.to_string());
    for e in find_entities(&article) {
        for m in &e.mentions {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert!(article.blocks[m.block].span.contains(m.span));
        }
    }
}

#[test]
fn thousands_of_capitalised_words_do_not_break_it() {
    let mut text = String::from("Title\n\n");
    for i in 0..3000 {
        text.push_str(&format!("Alpha{} Beta of the Gamma ", i % 7));
    }
    text.push_str(". ");
    text.push_str(&"Zed's Q.E.D. Xy-Zz ' ’s 's ".repeat(500));
    let found = entities(&text);
    assert!(!found.is_empty());
}

#[test]
fn the_sample_article() {
    let text = include_str!("../../../tests/corpus/mexico-sovereignty.txt");
    let found = entities(text);
    for (name, kind) in [
        ("Claudia Sheinbaum", Person),
        ("Donald Trump", Person),
        ("Marco Rubio", Person),
        ("Ronald Johnson", Person),
        ("Mexico", Place),
        ("United States", Place),
        ("Latin America", Place),
        ("The New York Times", Organization),
        ("Pentagon", Organization),
        ("Mexican", Group),
    ] {
        assert_eq!(find(&found, name).kind, kind, "{name}");
    }
    for junk in [
        "Despite",
        "Secretary",
        "According",
        "President",
        "Friday",
        "However",
    ] {
        assert!(
            found.iter().all(|e| !e.name.contains(junk)),
            "{junk} in {found:#?}"
        );
    }
    // Read from the article: "Sheinbaum" alone five times, with "Claudia" twice.
    assert_eq!(find(&found, "Claudia Sheinbaum").mentions.len(), 7);
    // "Trump" in the lead, both headlines, and "Trump had covertly signed".
    assert_eq!(find(&found, "Donald Trump").mentions.len(), 4);
}

#[test]
fn wikinews_homeopathy_trial() {
    let text = include_str!("../../../tests/corpus/wikinews/news_homeopathic.txt");
    let found = entities(text);
    // Read from the article: the parents, their daughter, both barristers, the cities.
    assert_eq!(find(&found, "Gloria").kind, Person);
    assert_eq!(find(&found, "Gloria").mentions.len(), 9);
    let thomas = find(&found, "Thomas Sam");
    assert_eq!(thomas.kind, Person);
    assert_eq!(thomas.mentions.len(), 3); // twice in full, once "Thomas' sister"
    assert_eq!(find(&found, "Manju Sam").kind, Person);
    assert_eq!(find(&found, "Mark Tedeschi").mentions.len(), 2); // and "Mr. Tedeschi"
    assert_eq!(find(&found, "Tom Molomby").kind, Person);
    assert_eq!(find(&found, "Sydney").kind, Place);
    assert_eq!(find(&found, "Australia").kind, Place);
    assert_eq!(find(&found, "India").mentions.len(), 2);
    assert_eq!(find(&found, "Sydney Morning Herald").kind, Organization);
    for junk in [
        "Friday",
        "May",
        "Allegedly",
        "Speaking",
        "Typical",
        "However",
    ] {
        assert!(found.iter().all(|e| e.name != junk), "{junk}");
    }
}

#[test]
fn wikinews_hajj_stampede() {
    let text = include_str!("../../../tests/corpus/wikinews/news_stampede.txt");
    let found = entities(text);
    // Read from the article.
    assert_eq!(find(&found, "Mecca").kind, Place);
    assert_eq!(find(&found, "Mecca").mentions.len(), 2);
    assert_eq!(find(&found, "Saudi Arabia").kind, Place);
    assert_eq!(find(&found, "Saudi Interior Ministry").kind, Organization);
    assert_eq!(find(&found, "Jamarat Bridge").kind, Place);
    assert_eq!(find(&found, "Al-Ghaza Hotel").kind, Place);
    assert_eq!(find(&found, "Plains of Arafat").kind, Place);
    for junk in [
        "Thursday",
        "January",
        "According",
        "Last",
        "Those",
        "Hundreds",
    ] {
        assert!(found.iter().all(|e| e.name != junk), "{junk}");
    }
}
