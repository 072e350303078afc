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

/// Fails if an entity named `name` is of `kind` (it may be of another, or missing).
fn assert_not_kind(found: &[Entity], name: &str, kind: EntityKind) {
    assert!(
        found.iter().all(|e| e.name != name || e.kind != kind),
        "{name} is {kind:?}: {found:#?}"
    );
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
fn particles_species_currencies_and_shouting_are_handled() {
    let text = "Notes\n\n\
        President Bashar al-Assad spoke. The ants, Formica fusca, were studied in Helsinki, \
        which cost US$ 20,000. It was HUGE, said Nick Bos.";
    assert_eq!(
        summary(text),
        owned(&[
            ("Bashar al-Assad", Person, 1),
            // A genus is named, but neither person nor organisation.
            ("Formica", Other, 1),
            ("Helsinki", Place, 1),
            ("Nick Bos", Person, 1),
        ])
    );
}

#[test]
fn common_words_are_not_guessed_to_be_people() {
    // Title-cased phrases of ordinary words name no one; an unknown surname-like word does.
    let text = "Talk\n\nShe spoke about Living Wage and Term Limits with Thibaut Courtois.";
    let found = summary(text);
    assert!(
        found
            .iter()
            .all(|(n, k, _)| !(n == "Living Wage" && *k == Person)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(n, k, _)| !(n == "Term Limits" && *k == Person)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Thibaut Courtois".to_string(), Person, 1)),
        "{found:?}"
    );
}

#[test]
fn a_hyphenated_modifier_leaves_the_name() {
    let text = "Plans\n\nDonald Trump spoke. The Trump-backed plan and U.S.-based firms, \
        said Kim Jong-un, were a Mexico-inspired idea.";
    let found = entities(text);
    let trump = find(&found, "Donald Trump");
    let texts: Vec<&str> = trump.mentions.iter().map(|m| m.span.of(text)).collect();
    assert_eq!(texts, ["Donald Trump", "Trump"]);
    assert_eq!(find(&found, "Kim Jong-un").kind, Person);
    assert_eq!(find(&found, "U.S.").mentions.len(), 1);
    assert_eq!(find(&found, "Mexico").mentions.len(), 1);
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

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any text at all: no panic, and every mention slices to text inside its block.
        #[test]
        fn any_text_gives_valid_mentions(
            text in r"(\PC|[A-Z][a-z]+|U\.S\.|'s|’s| of | the |\.|\n\n| ){0,80}"
        ) {
            let article = parse_article("p.txt", text.clone());
            for e in find_entities(&article) {
                prop_assert!(!e.mentions.is_empty());
                for m in &e.mentions {
                    prop_assert!(text.is_char_boundary(m.span.start));
                    prop_assert!(text.is_char_boundary(m.span.end));
                    prop_assert!(m.span.start < m.span.end);
                    prop_assert!(article.blocks[m.block].span.contains(m.span));
                }
            }
        }
    }
}

#[test]
fn a_word_closed_on_a_media_or_trade_word_is_an_organisation() {
    let found = entities(
        "Site grows\n\nLast week Wikinews interviewed the founder. Traffic figures from \
         Quantcast show growth, and Mediacorp agreed.",
    );
    for name in ["Wikinews", "Quantcast", "Mediacorp"] {
        assert_eq!(find(&found, name).kind, Organization, "{name}");
    }
    assert!(super::lexicon::has_brand_tail("Wikinews"));
    assert!(!super::lexicon::has_brand_tail("Bennet"));
    assert!(!super::lexicon::has_brand_tail("News"));
    // Case and the letters before the tail, in ASCII and in other scripts alike.
    assert!(super::lexicon::has_brand_tail("WIKINEWS"));
    assert!(!super::lexicon::has_brand_tail("Dotnet"));
    assert!(super::lexicon::has_brand_tail("Fastnet"));
    assert!(!super::lexicon::has_brand_tail("Wiki-news"));
    assert!(super::lexicon::has_brand_tail("Ålandnews"));
    assert!(!super::lexicon::has_brand_tail("Ånews"));
}

#[test]
fn an_acronym_after_a_member_and_of_is_an_organisation() {
    let found = entities(
        "Results\n\nVeteran Frederick Fung of ADPL was defeated, and the secretary general of \
         CEI resigned. Results of NCLAN studies were published.",
    );
    assert_eq!(find(&found, "ADPL").kind, Organization);
    assert_eq!(find(&found, "CEI").kind, Organization);
    assert_not_kind(&found, "NCLAN", Organization);
}

#[test]
fn a_place_that_acts_is_its_team_or_its_government() {
    let found = entities(
        "Match report\n\nOn Tuesday Sweden defeated South Korea 1 – 0 at the stadium. The \
         fans of Sweden sang, and Sweden faced a long trip home. South Korea beat Mexico in June. Many people in America \
         should watch. Germany backed by allies stayed calm, and Germany is large.",
    );
    assert_eq!(find(&found, "Sweden").kind, Organization);
    assert_eq!(find(&found, "South Korea").kind, Organization);
    assert_eq!(find(&found, "America").kind, Place);
    assert_eq!(find(&found, "Germany").kind, Place);
}

#[test]
fn a_misspelt_name_is_the_entity_it_misspells() {
    let found = entities(
        "Salt\n\nSpokeswoman Lydia Buchtmann said iodine matters. Bauchtman added that bread \
         helps. The United Nations agreed, and the Untied Nations report was praised by \
         Kristin Wilkins and Kristen Wilkins.",
    );
    assert_eq!(find(&found, "Lydia Buchtmann").mentions.len(), 2);
    assert!(
        found
            .iter()
            .any(|e| e.name.ends_with("Nations") && e.mentions.len() == 2),
        "{found:#?}"
    );
    assert_eq!(
        found.iter().filter(|e| e.name.ends_with("Wilkins")).count(),
        1,
        "{found:#?}"
    );
    // Two real names a letter apart stay apart when the lone word is too short to tell.
    let found = entities("Vote\n\nMark Ross spoke. Later Rose spoke.");
    assert!(found.iter().any(|e| e.name == "Rose"));
}

#[test]
fn a_country_closing_a_name_is_no_surname() {
    let found = entities(
        "Papers\n\nA report was found. Environment Canada spokesperson Julie Hahn said \
         Environment Canada takes security seriously.",
    );
    assert_eq!(find(&found, "Environment Canada").kind, Organization);
}

#[test]
fn a_titles_domain_ending_in_an_institution_is_named_apart_from_the_person() {
    let found = entities(
        "Leak\n\nAfter the leak, CEO of the Refugee Council Enver Solomon told reporters the \
         plan was wrong. Solomon said more.",
    );
    assert_eq!(find(&found, "Enver Solomon").kind, Person);
    assert_eq!(find(&found, "Enver Solomon").mentions.len(), 2);
    assert_eq!(find(&found, "Refugee Council").kind, Organization);
}

#[test]
fn names_listed_with_a_known_name_share_its_kind() {
    let found = entities(
        "Search\n\nThe site gained dominance on search engines including Google, Zorbly, and \
         Quaxo. Co-founder of Google, Sergey Brin, met him. Councillors Claudia Mo of the \
         Civic Party and Wong Pik-wan of the Democratic Party won.",
    );
    assert_eq!(find(&found, "Zorbly").kind, Organization);
    assert_eq!(find(&found, "Quaxo").kind, Organization);
    // An apposition after a comma is no list, and a person of a party stays a person.
    assert_ne!(find(&found, "Sergey Brin").kind, Organization);
    assert_ne!(find(&found, "Wong Pik-wan").kind, Organization);
}

#[test]
fn a_name_before_a_comma_and_a_known_place_is_a_place() {
    let found = entities(
        "Trip\n\nThe convention met in Buxton, England last year. Swimmers were found along the \
         coast of Aceh, Indonesia. In the first game of Group Q, Belgium defeated Panama and \
         Belgium faced a long trip.",
    );
    assert_eq!(find(&found, "Buxton").kind, Place);
    assert_eq!(find(&found, "Aceh").kind, Place);
    assert_not_kind(&found, "Group Q", Place);
}

#[test]
fn the_body_a_person_belongs_to_is_an_organisation() {
    let found = entities(
        "Night out\n\nGuests included musician Nick Rhodes of Duran Duran and lawmaker \
         Nathan Law of Demosisto. Later Youngspiration's Baggio Leung spoke.",
    );
    assert_eq!(find(&found, "Duran Duran").kind, Organization);
    assert_eq!(find(&found, "Demosisto").kind, Organization);
    assert_eq!(find(&found, "Youngspiration").kind, Organization);
    assert_eq!(find(&found, "Nick Rhodes").kind, Person);
}

#[test]
fn newspapers_storms_vessels_and_lower_case_roles() {
    let found = entities(
        "Storm\n\nAccording to the Toronto Star, Cyclone Phailin hit the coast while the \
         Space Shuttle Atlantis stayed grounded. Critics like immigration barrister Colin Yeo \
         objected.",
    );
    assert_eq!(find(&found, "Toronto Star").kind, Organization);
    assert_eq!(find(&found, "Cyclone Phailin").kind, Other);
    assert_eq!(find(&found, "Space Shuttle Atlantis").kind, Other);
    assert_eq!(find(&found, "Colin Yeo").kind, Person);
}

#[test]
fn a_country_heading_an_institution_is_part_of_its_name() {
    let found = entities(
        "Ozone\n\nThe U.S. Department of Agriculture notes that ozone harms crops, the \
         Department of Agriculture said.",
    );
    let usda = find(&found, "U.S. Department of Agriculture");
    assert_eq!(usda.kind, Organization);
    assert_eq!(usda.mentions.len(), 2);
}

#[test]
fn fifa_names_of_countries_are_aliases() {
    let found =
        entities("Match\n\nSweden faced South Korea on Monday. Sweden 1 – 0 Korea Republic.");
    // One entity, named by its longest mention.
    assert_eq!(find(&found, "Korea Republic").mentions.len(), 2);
}

#[test]
fn words_after_a_lone_name_tell_subject_from_qualifier() {
    let found = entities(
        "Final\n\nIn the final minutes Lukaku won the award, and Zubrin after that resigned. \
         According to Yonhap news agency, shells hit the town of Yeoncheon after midnight. \
         The Shuttle left the Smithsonian's hangar. Returning America to a state of Peace \
         and Security.",
    );
    assert_ne!(find(&found, "Lukaku").kind, Organization);
    assert_ne!(find(&found, "Zubrin").kind, Organization);
    assert_eq!(find(&found, "Yonhap").kind, Organization);
    assert_eq!(find(&found, "Yeoncheon").kind, Place);
    assert_eq!(find(&found, "Smithsonian").kind, Organization);
    assert_not_kind(&found, "Peace", Place);
}

#[test]
fn a_town_named_after_a_title_is_a_person_and_mastheads_keep_their_day() {
    let found = entities(
        "Vote\n\nThe district councillor Wilson Tam was elected. \"Report found\" — Edmonton \
         Sun, August 16, 2008.",
    );
    assert_eq!(find(&found, "Wilson Tam").kind, Person);
    assert_eq!(find(&found, "Edmonton Sun").kind, Organization);
}

#[test]
fn compass_regions_and_camel_case_brands() {
    let found = entities(
        "Views\n\nIs this a revival of the Left in the West? His brother was injured in the \
         South. He founded wikiHow after selling eHow to a buyer. She met i-Nick there.",
    );
    // A particle before a hyphen is no camel case.
    assert_not_kind(&found, "i-Nick", Organization);
    assert_eq!(find(&found, "West").kind, Place);
    assert_eq!(find(&found, "South").kind, Place);
    assert_eq!(find(&found, "wikiHow").kind, Organization);
    assert_eq!(find(&found, "eHow").kind, Organization);
}

#[test]
fn a_short_form_of_a_first_name_is_the_same_person() {
    let found = entities(
        "Licences\n\nLawrence Lessig founded the movement. Later Larry Lessig spoke, and \
         Bill Moore met William Moore's brother Tom Moore.",
    );
    assert_eq!(find(&found, "Lawrence Lessig").mentions.len(), 2);
    assert_eq!(find(&found, "William Moore").mentions.len(), 2);
    assert_eq!(find(&found, "Tom Moore").mentions.len(), 1);
}

#[test]
fn common_acronyms_and_festivals_are_no_bodies() {
    let found = entities(
        "Science\n\nThe DNA samples came back. More DNA was found by the ROV, and the ROV \
         dived again. She has a PhD. Pilgrims left after the Hajj ended.",
    );
    for name in ["DNA", "ROV", "PhD", "Hajj"] {
        assert!(
            found.iter().all(|e| e.name != name || e.kind == Other),
            "{name}: {found:#?}"
        );
    }
}

#[test]
fn institution_nouns_place_heads_and_titles_inside_names() {
    let found = entities(
        "Fans\n\nGroups included the Doctor Who Society of Canada. The ruling concerned the \
         religious schools Santo Spirito and Immacolata in Livorno. Pilgrims crowded the \
         Masjid Zarqa and visited the Bat Cave. Cheer the team today, fans said.",
    );
    assert_eq!(
        find(&found, "Doctor Who Society of Canada").kind,
        Organization
    );
    assert_eq!(find(&found, "Santo Spirito").kind, Organization);
    assert_eq!(find(&found, "Immacolata").kind, Organization);
    assert_eq!(find(&found, "Masjid Zarqa").kind, Place);
    assert_eq!(find(&found, "Bat Cave").kind, Place);
    assert_not_kind(&found, "Cheer", Organization);
}

#[test]
fn a_headline_verb_in_the_present_makes_its_subject_act() {
    let found = entities(
        "North Korea puts military on alert\n\nYesterday North Korea fired rounds across the \
         border. Trade with North Korea fell, and visitors to North Korea are few.",
    );
    assert_eq!(find(&found, "North Korea").kind, Organization);
}

#[test]
fn words_that_only_look_like_names_are_no_entity() {
    let found = entities(
        "Notes\n\nShe studies Hellenic polytheism and holds a PhD from Oxford University, \
         where DNA tests were run.\n",
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Oxford University"), "{names:?}");
    for not_a_name in ["Hellenic", "PhD", "DNA"] {
        assert!(!names.contains(&not_a_name), "{not_a_name} in {names:?}");
    }
}
