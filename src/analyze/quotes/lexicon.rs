//! Words that tell who is speaking: reporting verbs in all their inflections, and the small
//! closed classes (auxiliaries, pronouns, determiners, naming words) attribution needs.

use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Regular reporting verbs by their base form; inflections are generated.
const REGULAR: &[&str] = &[
    "add",
    "state",
    "declare",
    "clarify",
    "explain",
    "warn",
    "insist",
    "note",
    "argue",
    "claim",
    "ask",
    "announce",
    "comment",
    "continue",
    "conclude",
    "admit",
    "assert",
    "tweet",
    "reply",
    "respond",
    "recall",
    "observe",
    "remark",
    "mention",
    "acknowledge",
    "emphasize",
    "emphasise",
    "stress",
    "urge",
    "describe",
    "characterize",
    "characterise",
    "quip",
    "joke",
    "exclaim",
    "answer",
    "confirm",
    "deny",
    "complain",
    "testify",
    "predict",
    "boast",
    "concede",
    "caution",
    "affirm",
    "maintain",
    "contend",
    "agree",
    "protest",
    "scream",
    "shout",
    "yell",
    "whisper",
    "suggest",
    "muse",
    "dub",
];

/// Irregular forms, and forms whose base is too ambiguous as a noun ("report", "read").
const IRREGULAR: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "reported",
    "reporting",
    "reads",
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "posted",
    "posting",
];

/// Regular English inflections of a base form: -s, -ed, -ing, with the usual spelling changes.
fn inflections(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        forms.push(format!("{stem}ies"));
        forms.push(format!("{stem}ied"));
        forms.push(format!("{base}ing"));
    } else if let Some(stem) = base.strip_suffix('e') {
        forms.push(format!("{base}s"));
        forms.push(format!("{base}d"));
        forms.push(format!("{stem}ing"));
    } else if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        forms.push(format!("{base}es"));
        forms.push(format!("{base}ed"));
        forms.push(format!("{base}ing"));
    } else {
        forms.push(format!("{base}s"));
        // Short verbs ending consonant-vowel-consonant double it: "quipped", "dubbed".
        let doubled = matches!(base, "quip" | "dub");
        let last = base.chars().last().unwrap_or('x');
        if doubled {
            forms.push(format!("{base}{last}ed"));
            forms.push(format!("{base}{last}ing"));
        } else {
            forms.push(format!("{base}ed"));
            forms.push(format!("{base}ing"));
        }
    }
    forms
}

static REPORTING: LazyLock<ReportingVerbs> = LazyLock::new(|| {
    ReportingVerbs::new(
        REGULAR
            .iter()
            .flat_map(|b| inflections(b))
            .chain(IRREGULAR.iter().map(|s| s.to_string()))
            .collect(),
    )
});

/// Every form of the reporting verbs, and for each first letter the lengths its forms have.
struct ReportingVerbs {
    forms: HashSet<String>,
    /// Bit [`length_bit`] of a form's length is set in the entry of its first letter.
    lengths_by_first_letter: [u32; 26],
}

impl ReportingVerbs {
    fn new(forms: HashSet<String>) -> Self {
        let mut lengths_by_first_letter = [0; 26];
        for form in &forms {
            lengths_by_first_letter[letter_index(form.as_bytes()[0])] |= length_bit(form.len());
        }
        ReportingVerbs {
            forms,
            lengths_by_first_letter,
        }
    }
}

/// The position of lower-case ASCII letter `letter` in the alphabet.
fn letter_index(letter: u8) -> usize {
    usize::from(letter - b'a')
}

/// One bit for a word's length, lengths of 31 and more sharing the last.
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// Whether `word` is a reporting verb. Only lower-case words count: capitalised "States" or
/// "Post" are names far more often than verbs.
pub fn is_reporting_verb(word: &str) -> bool {
    // Every form starts with a lower-case ASCII letter (a test holds to it): names, numbers and
    // capitalised words, many of the words looked at, are passed over without hashing them, and
    // so are words of a length no form with their first letter has ("the", "president"): that
    // cut quotes over c200 from 30.64M to 30.25M instruction-equivalents (cachegrind).
    let Some(&first) = word.as_bytes().first().filter(|b| b.is_ascii_lowercase()) else {
        return false;
    };
    let verbs = &*REPORTING;
    verbs.lengths_by_first_letter[letter_index(first)] & length_bit(word.len()) != 0
        && verbs.forms.contains(word)
}

/// `word` in lower case, copied only when it has a capital.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Calls `f` with [`lower`]`(word)`, lower-casing a short ASCII word (nearly every word) on the
/// stack: these tests run for many words.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 16;
    if word.is_ascii() && word.len() <= SHORT {
        let mut buf = [0; SHORT];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(buf) {
            return f(lower);
        }
    }
    f(&lower(word))
}

/// Words that may stand between a subject and its reporting verb: "Sheinbaum has also said".
pub fn is_auxiliary(word: &str) -> bool {
    with_lower(word, |word| {
        matches!(
            word,
            "has"
                | "have"
                | "had"
                | "also"
                | "later"
                | "then"
                | "previously"
                | "further"
                | "was"
                | "is"
                | "were"
                | "are"
                | "reportedly"
                | "once"
                | "again"
                | "publicly"
                | "would"
                | "will"
                | "earlier"
                | "recently"
                | "repeatedly"
                | "simply"
                | "just"
                | "often"
                | "been"
                | "not"
                | "did"
                | "does"
                | "do"
                | "may"
                | "might"
                | "could"
        )
    })
}

/// A person's sex as their given name tells it, for "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

const GENDERS: &str = include_str!("../../../assets/data/given_name_genders.txt");

/// Given names that one sex bears at least nine times as often as the other (US Census), in
/// the file's order, which is byte order (a test holds to it): looked up by binary search.
///
/// Read from the file when compiling, not when a pronoun first asks: building the list at run
/// time was a fixed cost of every process that met a pronoun, 2.36M of the whole CLI's 271.3M
/// instruction-equivalents over c200 (cachegrind; 1.76M instructions, 12.1k mispredicts). Names
/// are held as places in the file rather than as `&str`, which in a static would each need a
/// relocation when the program is loaded.
static GIVEN_NAMES: [GivenName; given_name_count(GENDERS.as_bytes())] =
    given_names(GENDERS.as_bytes());

/// A given name, `GENDERS[start..end]`, and the sex it suggests.
#[derive(Clone, Copy)]
struct GivenName {
    start: u32,
    end: u32,
    gender: Gender,
}

impl GivenName {
    fn name(self) -> &'static str {
        &GENDERS[self.start as usize..self.end as usize]
    }
}

/// How many lines of `text` are not comments ("#" starts a comment line).
const fn given_name_count(text: &[u8]) -> usize {
    let (mut count, mut at) = (0, 0);
    while at < text.len() {
        let end = line_end(text, at);
        if text[at] != b'#' {
            count += 1;
        }
        at = end + 1;
    }
    count
}

/// The names and sexes of `text`'s lines ("name<TAB>m" or "f"), comment lines left out; a line
/// of any other shape stops the build.
const fn given_names<const N: usize>(text: &[u8]) -> [GivenName; N] {
    let mut names = [GivenName {
        start: 0,
        end: 0,
        gender: Gender::Male,
    }; N];
    let (mut n, mut at) = (0, 0);
    while at < text.len() {
        let end = line_end(text, at);
        if text[at] != b'#' {
            assert!(
                end >= at + 3 && text[end - 2] == b'\t',
                "a line is not name<TAB>sex"
            );
            let gender = match text[end - 1] {
                b'm' => Gender::Male,
                b'f' => Gender::Female,
                _ => panic!("a given name's sex is not m or f"),
            };
            names[n] = GivenName {
                start: at as u32,
                end: (end - 2) as u32,
                gender,
            };
            n += 1;
        }
        at = end + 1;
    }
    names
}

/// Where the line of `text` that starts at `at` ends: its line break, or the end of `text`.
const fn line_end(text: &[u8], mut at: usize) -> usize {
    while at < text.len() && text[at] != b'\n' {
        at += 1;
    }
    at
}

/// The sex a person's full name suggests by its first word, when that is a given name one sex
/// nearly always bears: "Lydia Buchtmann" is a woman; "Jordan Smith" or "Buchtmann" tell nothing.
pub fn gender_of_name(name: &str) -> Option<Gender> {
    let (first, rest) = name.trim_start().split_once(char::is_whitespace)?;
    if rest.trim_start().is_empty() {
        return None;
    }
    let i = GIVEN_NAMES
        .binary_search_by_key(&first, |name| name.name())
        .ok()?;
    Some(GIVEN_NAMES[i].gender)
}

/// The sex "he" or "she" refers to.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    with_lower(word, |word| match word {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    })
}

/// Third-person pronouns that refer back to a person.
pub fn is_person_pronoun(word: &str) -> bool {
    with_lower(word, |word| matches!(word, "he" | "she"))
}

/// Pronouns that refer back to an organisation or a group already speaking.
pub fn is_other_pronoun(word: &str) -> bool {
    with_lower(word, |word| matches!(word, "it" | "they" | "we"))
}

/// Words after which a short quotation is a noun phrase, not speech: "a "quasi-state of war"".
pub fn is_determiner(word: &str) -> bool {
    with_lower(word, |word| {
        matches!(
            word,
            "a" | "an"
                | "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
                | "so-called"
                | "some"
                | "any"
                | "of"
        )
    })
}

/// Words after which a quotation is a name or a title: "a robot named "Robogee"".
pub fn is_naming_word(word: &str) -> bool {
    with_lower(word, |word| {
        matches!(
            word,
            "named"
                | "called"
                | "titled"
                | "entitled"
                | "nicknamed"
                | "labelled"
                | "labeled"
                | "name"
                | "headlined"
                | "hashtag"
        )
    })
}

/// Short words that stay lower-case in a title: "Photographs and Prints from the Collection".
pub fn is_title_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "for"
            | "from"
            | "with"
            | "in"
            | "on"
            | "at"
            | "to"
            | "by"
            | "into"
            | "over"
            | "vs"
            | "vs."
            | "nor"
            | "but"
            | "as"
    )
}

/// Prepositions that attach a name to a common noun: "a letter seen by Sky News".
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "by" | "of" | "for" | "from" | "at" | "with" | "in" | "on" | "to" | "about" | "near"
    )
}

/// Words that start a new clause, so a subject never reaches back past them.
pub fn is_clause_word(word: &str) -> bool {
    with_lower(word, |word| {
        matches!(
            word,
            "that"
                | "which"
                | "who"
                | "and"
                | "but"
                | "while"
                | "as"
                | "when"
                | "after"
                | "before"
                | "because"
                | "since"
                | "although"
                | "though"
                | "whereas"
                | "where"
                | "if"
                | "so"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The first-letter-and-length test passes over no form: words made from forms by
        /// cutting, extending or capitalising them are verbs exactly when the set holds them.
        #[test]
        fn reporting_verbs_are_the_forms_in_the_set(
            form in proptest::sample::select(REPORTING.forms.iter().cloned().collect::<Vec<_>>()),
            cut in 0..4usize,
            suffix in "(|s|ed|ing|x|é|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)",
            capital in proptest::bool::ANY,
        ) {
            let mut word = form[..form.len().saturating_sub(cut)].to_string() + &suffix;
            if capital {
                word = word.to_uppercase();
            }
            let reference = word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && REPORTING.forms.contains(&word);
            proptest::prop_assert_eq!(is_reporting_verb(&word), reference, "{}", word);
        }
    }

    #[test]
    fn given_names_are_listed_once_each_in_byte_order() {
        for pair in GIVEN_NAMES.windows(2) {
            let (a, b) = (pair[0].name(), pair[1].name());
            assert!(a < b, "{a} {b}");
        }
        assert!(GIVEN_NAMES.len() > 5000);
        assert_eq!(gender_of_name("Lydia Buchtmann"), Some(Gender::Female));
        assert_eq!(gender_of_name("Aaron Smith"), Some(Gender::Male));
        assert_eq!(gender_of_name("Jordan Smith"), None);
    }

    #[test]
    fn given_names_are_the_lines_of_the_file() {
        let lines: Vec<(&str, Gender)> = GENDERS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| match line.split_once('\t') {
                Some((name, "m")) => (name, Gender::Male),
                Some((name, "f")) => (name, Gender::Female),
                _ => panic!("{line}"),
            })
            .collect();
        let table: Vec<(&str, Gender)> = GIVEN_NAMES.iter().map(|n| (n.name(), n.gender)).collect();
        assert_eq!(table, lines);
    }

    #[test]
    fn reporting_verbs_start_with_a_lower_case_ascii_letter() {
        for form in REPORTING.forms.iter() {
            assert!(form.as_bytes()[0].is_ascii_lowercase(), "{form}");
        }
    }

    #[test]
    fn reporting_verbs_are_known_in_every_inflection() {
        for w in [
            "said",
            "says",
            "tells",
            "told",
            "added",
            "adding",
            "stated",
            "declares",
            "clarified",
            "clarifies",
            "explaining",
            "warned",
            "insists",
            "noted",
            "argued",
            "claims",
            "asked",
            "wrote",
            "announced",
            "replied",
            "tweeted",
            "quipped",
            "concluded",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in ["Said", "report", "house", "States", "dub"] {
            assert_eq!(is_reporting_verb(w), w == "dub", "{w}");
        }
    }
}
