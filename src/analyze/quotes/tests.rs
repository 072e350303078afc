use super::find_quotes;
use crate::analyze::{Entity, EntityKind, Mention};
use crate::article::Article;
use crate::load::parse_article;
use crate::span::Span;

/// An entity whose mentions are every occurrence of its `forms` in the article (longest forms
/// first, so "Sheinbaum" inside "Claudia Sheinbaum" is one mention, not two).
fn entity(article: &Article, name: &str, kind: EntityKind, forms: &[&str]) -> Entity {
    let mut spans: Vec<Span> = Vec::new();
    let mut forms = forms.to_vec();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    for form in forms {
        for (start, _) in article.text.match_indices(form) {
            let span = Span::new(start, start + form.len());
            if !spans.iter().any(|s| s.overlaps(span)) {
                spans.push(span);
            }
        }
    }
    spans.sort();
    Entity {
        name: name.to_string(),
        kind,
        mentions: spans
            .into_iter()
            .filter_map(|span| {
                article
                    .block_at(span.start)
                    .map(|block| Mention { span, block })
            })
            .collect(),
    }
}

fn article(text: &str) -> Article {
    parse_article("test.txt", format!("Test headline\n\n{text}"))
}

/// Quoted words and speaker names, as the reader sees them.
fn quotes(article: &Article, entities: &[Entity]) -> Vec<(String, Option<String>)> {
    find_quotes(article, entities)
        .into_iter()
        .map(|q| {
            (
                q.span.of(&article.text).to_string(),
                q.speaker.map(|i| entities[i].name.clone()),
            )
        })
        .collect()
}

fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), speaker.map(str::to_string))
}

#[test]
fn the_sample_article_quotes_sheinbaum_twice() {
    let a = parse_article(
        "mexico-sovereignty.txt",
        include_str!("../../../tests/corpus/mexico-sovereignty.txt").to_string(),
    );
    let people = [
        ("Claudia Sheinbaum", &["Claudia Sheinbaum", "Sheinbaum"][..]),
        ("Donald Trump", &["Donald Trump", "Trump"][..]),
        ("Marco Rubio", &["Marco Rubio"][..]),
        ("Ronald Johnson", &["Ronald Johnson"][..]),
    ];
    let mut entities: Vec<Entity> = people
        .iter()
        .map(|(name, forms)| entity(&a, name, EntityKind::Person, forms))
        .collect();
    entities.push(entity(&a, "Mexico", EntityKind::Place, &["Mexico"]));
    entities.push(entity(
        &a,
        "The New York Times",
        EntityKind::Organization,
        &["The New York Times"],
    ));
    let sheinbaum = Some("Claudia Sheinbaum");
    assert_eq!(
        quotes(&a, &entities),
        [
            q(
                "The United States is not going to come to Mexico with the military. We \
                 cooperate, we collaborate, but there is not going to be an invasion. That is \
                 ruled out, absolutely ruled out.",
                sheinbaum
            ),
            q(
                "nothing to do with the participation of any military personnel.",
                sheinbaum
            ),
        ]
    );
}

#[test]
fn speakers_before_and_after_the_quotation() {
    let a = article(
        "\"We will not give up on this city,\" said Ana Lopez on Monday.\n\n\
         Ben Ortiz, the mayor, told reporters: \"The budget is already spent.\"\n\n\
         \"Nobody asked us about the plan,\" Carla Diaz, a local teacher, said.\n\n\
         The river is \"higher than it has been in fifty years\", according to the Weather Office.",
    );
    let entities = vec![
        entity(&a, "Ana Lopez", EntityKind::Person, &["Ana Lopez"]),
        entity(&a, "Ben Ortiz", EntityKind::Person, &["Ben Ortiz"]),
        entity(&a, "Carla Diaz", EntityKind::Person, &["Carla Diaz"]),
        entity(
            &a,
            "Weather Office",
            EntityKind::Organization,
            &["Weather Office"],
        ),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("We will not give up on this city,", Some("Ana Lopez")),
            q("The budget is already spent.", Some("Ben Ortiz")),
            q("Nobody asked us about the plan,", Some("Carla Diaz")),
            q(
                "higher than it has been in fifty years",
                Some("Weather Office")
            ),
        ]
    );
}

#[test]
fn pronouns_take_the_last_person_mentioned() {
    let a = article(
        "Maria Perez, who runs the shelter, met the minister Tom Hale on Monday.\n\n\
         Perez spoke after the meeting. \"We need beds before the winter comes,\" she said. \
         \"And we need them now.\"",
    );
    let entities = vec![
        entity(&a, "Tom Hale", EntityKind::Person, &["Tom Hale"]),
        entity(
            &a,
            "Maria Perez",
            EntityKind::Person,
            &["Maria Perez", "Perez"],
        ),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("We need beds before the winter comes,", Some("Maria Perez")),
            // Continuing after "she said." in the same paragraph.
            q("And we need them now.", Some("Maria Perez")),
        ]
    );
}

#[test]
fn a_quotation_running_over_paragraphs_keeps_its_speaker() {
    let a = article(
        "Coach Nils Berg said, \"We played well in the first half.\n\n\
         Photo of the stadium. Image: Club.\n\n\
         \"After the break we lost our shape and paid for it.\"\n\n\
         The next game is on Sunday.",
    );
    let entities = vec![entity(&a, "Nils Berg", EntityKind::Person, &["Nils Berg"])];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("We played well in the first half.", Some("Nils Berg")),
            q(
                "After the break we lost our shape and paid for it.",
                Some("Nils Berg")
            ),
        ]
    );
}

#[test]
fn a_continued_paragraph_without_an_opening_mark_is_still_quoted() {
    let a = article(
        "Coach Nils Berg said, \"We played well in the first half.\n\n\
         It was a long day for all of us.\" The team flies home tomorrow.",
    );
    let entities = vec![entity(&a, "Nils Berg", EntityKind::Person, &["Nils Berg"])];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("We played well in the first half.", Some("Nils Berg")),
            q("It was a long day for all of us.", Some("Nils Berg")),
        ]
    );
}

#[test]
fn scare_quotes_names_and_titles_are_not_quotations() {
    let a = article(
        "The army prepared a 'quasi-state of war' and the so-called \"Trump doctrine\" was \
         discussed. The team named its robot \"Better Idea of Afghan Girls\" and toured the \
         \"Andy Warhol: Photographs and Prints\" show. Officials called the plan \"dangerous\".\n\n\
         \"Sensitive government document found on rainy street\" — CBC.ca, August 15, 2008",
    );
    assert_eq!(quotes(&a, &[]), []);
}

#[test]
fn a_partial_quotation_inside_a_sentence_takes_the_reporting_subject() {
    let a = article(
        "The government was told about the order, which Ines Roy clarified has \"nothing to do \
         with the army\". Later, Dan Ek said the plan was \"a bad idea from the start\" and left.",
    );
    let entities = vec![
        entity(&a, "Ines Roy", EntityKind::Person, &["Ines Roy"]),
        entity(&a, "Dan Ek", EntityKind::Person, &["Dan Ek"]),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("nothing to do with the army", Some("Ines Roy")),
            q("a bad idea from the start", Some("Dan Ek")),
        ]
    );
}

#[test]
fn a_speaker_that_is_no_entity_is_none() {
    let a = article(
        "One poster wrote \"How can people look at both sides if one side is gone?\"\n\n\
         \"So far, it is one to nothing. But it is a long game.\" - Matt Ingram",
    );
    let entities = vec![entity(
        &a,
        "Matt Ingram",
        EntityKind::Person,
        &["Matt Ingram"],
    )];
    assert_eq!(
        quotes(&a, &entities),
        [
            q(
                "How can people look at both sides if one side is gone?",
                None
            ),
            q(
                "So far, it is one to nothing. But it is a long game.",
                Some("Matt Ingram")
            ),
        ]
    );
}

#[test]
fn without_entities_quotes_are_found_with_no_speaker() {
    let a = article("Lena Park said, \u{201c}The results speak for themselves.\u{201d}");
    assert_eq!(
        quotes(&a, &[]),
        [q("The results speak for themselves.", None)]
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_quotes_on_char_boundaries_inside_their_blocks(
            text in "([a-zA-Zé ,.:\n\"“”„«»'’—-]|said|he|Ann Lee){0,200}"
        ) {
            let a = parse_article("p.txt", text);
            let entities = vec![entity(&a, "Ann Lee", EntityKind::Person, &["Ann Lee", "Lee"])];
            let found = find_quotes(&a, &entities);
            let mut last = 0;
            for quote in &found {
                prop_assert!(a.text.is_char_boundary(quote.span.start));
                prop_assert!(a.text.is_char_boundary(quote.span.end));
                prop_assert!(!quote.span.is_empty());
                prop_assert!(a.blocks[quote.block].span.contains(quote.span));
                prop_assert!(quote.span.start >= last);
                prop_assert!(quote.speaker.is_none_or(|s| s < entities.len()));
                last = quote.span.end;
            }
        }

        /// The first-byte test passes over words only when their lower case differs.
        #[test]
        fn lowercase_is_matches_lowercasing_the_word(
            word in "([a-zA-Z]|[ÉéİK]|to|TO|tO|of|Of|\u{212a}){0,4}",
            lower in prop::sample::select(vec!["", "to", "of", "the", "in", "k", "according"]),
        ) {
            prop_assert_eq!(
                crate::analyze::quotes::lowercase_is(&word, lower),
                word.to_lowercase() == lower
            );
        }
    }

    #[test]
    fn a_quote_mark_in_every_word_does_not_panic() {
        let text = "\"a\"b\"c \u{201c}d\u{201d}e\u{201c} f\"\" \"\" \u{201d}g\"h\"".repeat(20);
        let a = parse_article("m.txt", text);
        for quote in find_quotes(&a, &[]) {
            assert!(a.text.is_char_boundary(quote.span.start));
            assert!(a.text.is_char_boundary(quote.span.end));
        }
    }
}

#[test]
fn subjects_are_found_past_appositions_prepositions_and_coordination() {
    let a = article(
        "Rosa Vint, curator at the University of Arkansas, Fayetteville, said, \"The prints \
         sold out in a day.\"\n\n\
         Omar Ruiz of The Globe and Mail wrote: \"This is the end of an era.\"\n\n\
         A letter seen by Sky News says \"claims may be withdrawn without notice\".\n\n\
         Ida Berg said the plan was \"too slow\", and said it was \"a failure of the whole \
         government\".",
    );
    let entities = vec![
        entity(&a, "Rosa Vint", EntityKind::Person, &["Rosa Vint"]),
        entity(
            &a,
            "University of Arkansas",
            EntityKind::Organization,
            &["University of Arkansas"],
        ),
        entity(&a, "Omar Ruiz", EntityKind::Person, &["Omar Ruiz"]),
        entity(
            &a,
            "The Globe and Mail",
            EntityKind::Organization,
            &["The Globe and Mail"],
        ),
        entity(&a, "Sky News", EntityKind::Organization, &["Sky News"]),
        entity(&a, "Ida Berg", EntityKind::Person, &["Ida Berg"]),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("The prints sold out in a day.", Some("Rosa Vint")),
            q("This is the end of an era.", Some("Omar Ruiz")),
            q("claims may be withdrawn without notice", None),
            q("a failure of the whole government", Some("Ida Berg")),
        ]
    );
}

#[test]
fn short_spans_are_quotations_only_next_to_their_verb() {
    let a = article(
        "He told the police, \"everything he did\". The minister asked how papers kept in \
         \"approved security cabinets\" reached the street.",
    );
    assert_eq!(quotes(&a, &[]), [q("everything he did", None)]);
}

#[test]
fn a_paragraph_closing_with_a_reporting_clause_introduces_the_next() {
    let a = article(
        "According to his blog, Mark Roth stated,\n\n\
         \"He was taken to an office where a lawyer questioned him for two hours.\"\n\n\
         The Herald cited the form's questions, including:\n\n\
         \"Were you subject to trafficking during your journey?\"",
    );
    let entities = vec![
        entity(&a, "Mark Roth", EntityKind::Person, &["Mark Roth"]),
        entity(&a, "The Herald", EntityKind::Organization, &["The Herald"]),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q(
                "He was taken to an office where a lawyer questioned him for two hours.",
                Some("Mark Roth")
            ),
            q("Were you subject to trafficking during your journey?", None),
        ]
    );
}

#[test]
fn a_role_names_the_person_introduced_with_it() {
    let a = article(
        "Environment Minister John Baird asked how the papers reached the street.\n\n\
         \"Someone will have to explain this to me,\" the minister said.\n\n\
         Jan Smit, the party's treasurer, disagreed. \"Nothing was lost,\" said the treasurer.\n\n\
         \"The report is late,\" the letter says.",
    );
    let entities = vec![
        entity(&a, "John Baird", EntityKind::Person, &["John Baird"]),
        entity(&a, "Jan Smit", EntityKind::Person, &["Jan Smit"]),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q(
                "Someone will have to explain this to me,",
                Some("John Baird")
            ),
            q("Nothing was lost,", Some("Jan Smit")),
            q("The report is late,", None),
        ]
    );
}

#[test]
fn a_quotation_in_a_repeated_paragraph_is_listed_once() {
    let para = "\"We will rebuild the school before the winter comes,\" said Mayor Anna Kowalski on Tuesday.";
    let text = format!(
        "Town vows to rebuild\n\n{para}\n\nThe fire destroyed the old building in March.\n\n{para}\n\n\"Nobody was hurt,\" she added.\n"
    );
    let a = parse_article("test.txt", text);
    let analysis = crate::analyze::analyze(&a);
    let found: Vec<(&str, usize)> = analysis
        .quotes
        .iter()
        .map(|q| (q.span.of(&a.text), q.block))
        .collect();
    assert_eq!(
        found,
        [
            ("We will rebuild the school before the winter comes,", 1),
            ("Nobody was hurt,", 4),
        ]
    );
    // Without the repeats, the copy's quotation is found again.
    assert_eq!(find_quotes(&a, &analysis.entities).len(), 3);
}

#[test]
fn he_and_she_pass_over_a_person_of_the_other_sex() {
    let a = article(
        "Mayor Lydia Grant met the engineer Tom Hale on Monday.\n\n\
         \"The bridge will open in May,\" she said. \"The budget held,\" he said. \
         Chris Moore agreed. \"It is safe,\" she said.",
    );
    let entities = vec![
        entity(&a, "Lydia Grant", EntityKind::Person, &["Lydia Grant"]),
        entity(&a, "Tom Hale", EntityKind::Person, &["Tom Hale"]),
        entity(&a, "Chris Moore", EntityKind::Person, &["Chris Moore"]),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("The bridge will open in May,", Some("Lydia Grant")),
            q("The budget held,", Some("Tom Hale")),
            // A name of either sex ("Chris") may be the one "she" means.
            q("It is safe,", Some("Chris Moore")),
        ]
    );
}

#[test]
fn in_an_interview_i_and_we_are_the_person_interviewed() {
    let a = parse_article(
        "test.txt",
        "Reporters interview magician Ann Ito\n\nAnn Ito talked about her tours with \
         Tom Hale.\n\nWhat do you tell the crowd? \"Magic is alive and well,\" I tell them \
         every night. \"We never stop,\" we say.\n"
            .to_string(),
    );
    let entities = vec![
        entity(&a, "Ann Ito", EntityKind::Person, &["Ann Ito"]),
        entity(&a, "Tom Hale", EntityKind::Person, &["Tom Hale"]),
    ];
    assert_eq!(
        quotes(&a, &entities),
        [
            q("Magic is alive and well,", Some("Ann Ito")),
            q("We never stop,", Some("Ann Ito")),
        ]
    );
    // The same words in a report that is no interview name no speaker for "I".
    let a =
        article("Ann Ito met Tom Hale.\n\n\"Magic is alive and well,\" I tell them every night.");
    let entities = vec![entity(&a, "Ann Ito", EntityKind::Person, &["Ann Ito"])];
    assert_eq!(quotes(&a, &entities), [q("Magic is alive and well,", None)]);
}
