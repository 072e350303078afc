//! Small closed word classes that steer entity finding: titles, function words, calendar words,
//! and the head words that mark organisations and places. General English, not gazetteer data
//! (the short forms of given names, a list too long to inline, come from assets/data).

use super::word_set::{WordMap, WordSet};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A word list hashed on first use: the lists are looked up for every word of every article.
macro_rules! set {
    ($list:expr) => {{
        static SET: LazyLock<WordSet> = LazyLock::new(|| $list.iter().copied().collect());
        &*SET
    }};
}

fn contains(set: &WordSet, word: &str) -> bool {
    set.contains(word)
}

/// Which of the word lists below a word is in (those the rules for name runs ask about), all
/// answered by one look-up, for a word asked several questions: each word of a candidate name
/// is asked whether it is a title, a title's modifier, a head word, a function word... (A
/// single question is cheaper to ask of its own list, the `is_*` functions below: most words
/// are turned away by that list's filter alone, while many common words are in some list or
/// other.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u32);

impl Classes {
    pub const TITLE: u32 = 1;
    pub const TITLE_MODIFIER: u32 = 1 << 1;
    /// A function word ([`is_function_word`]): listed, a calendar word, or "I" with a clitic.
    pub const FUNCTION: u32 = 1 << 2;
    pub const CALENDAR: u32 = 1 << 3;
    pub const ORG_TAIL: u32 = 1 << 4;
    /// Either kind of organisation head, English or foreign.
    pub const ORG_HEAD: u32 = 1 << 5;
    pub const PLACE_TAIL: u32 = 1 << 6;
    pub const PLACE_HEAD: u32 = 1 << 7;
    pub const CONNECTOR: u32 = 1 << 8;
    /// Listed among `FUNCTION_WORDS` (one of the sources of `FUNCTION`).
    const LISTED_FUNCTION: u32 = 1 << 9;

    /// The lists asked about with a final period stripped ("Gen.", "Dec.", "Corp.").
    const BY_STEM: u32 = Self::TITLE | Self::CALENDAR | Self::ORG_TAIL | Self::PLACE_TAIL;

    pub fn has(self, class: u32) -> bool {
        self.0 & class != 0
    }
}

/// Every word of `lists`, and of the (word, class) pairs `more`, with the or of its classes.
fn table_of_lists(
    lists: &[(&[&'static str], u32)],
    more: impl IntoIterator<Item = (&'static str, u32)>,
) -> WordMap<u32> {
    let mut table: HashMap<&'static str, u32> = HashMap::default();
    let listed = lists
        .iter()
        .flat_map(|&(list, class)| list.iter().map(move |&word| (word, class)));
    for (word, class) in listed.chain(more) {
        *table.entry(word).or_default() |= class;
    }
    WordMap::from(table)
}

/// The classes `table` gives `word`; those among `by_stem` are the ones of the word without its
/// final periods ("Corp." as "Corp").
fn listed_bits(table: &WordMap<u32>, word: &str, by_stem: u32) -> u32 {
    let exact = table.get(word);
    let stem_bits = if word.ends_with('.') {
        table.get(stem(word))
    } else {
        exact
    };
    exact & !by_stem | stem_bits & by_stem
}

/// Every listed word with the lists it is in.
static CLASSES: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let lists: [(&[&str], u32); 10] = [
        (TITLES, Classes::TITLE),
        (TITLE_MODIFIERS, Classes::TITLE_MODIFIER),
        (FUNCTION_WORDS, Classes::LISTED_FUNCTION),
        (CALENDAR, Classes::CALENDAR),
        (ORG_TAILS, Classes::ORG_TAIL),
        (ORG_HEADS, Classes::ORG_HEAD),
        (FOREIGN_ORG_HEADS, Classes::ORG_HEAD),
        (PLACE_TAILS, Classes::PLACE_TAIL),
        (PLACE_HEADS, Classes::PLACE_HEAD),
        (CONNECTORS, Classes::CONNECTOR),
    ];
    table_of_lists(&lists, [])
});

/// The lists `word` is in.
pub fn classes(word: &str) -> Classes {
    let mut bits = listed_bits(&CLASSES, word, Classes::BY_STEM);
    // (`|`, not `||`: both are cheap, and one test is one branch fewer to mispredict.)
    if is_pronoun_with_clitic(word) | (bits & (Classes::LISTED_FUNCTION | Classes::CALENDAR) != 0) {
        bits |= Classes::FUNCTION;
    }
    Classes(bits)
}

/// `word` without the periods that end it: "Gen" for "Gen.". (A period is looked for by the
/// last byte before the word is trimmed, which walks back over characters: with the pronoun
/// test asked by its first letter, cachegrind, whole CLI on 200 articles, 0.9M
/// instruction-equivalents fewer.)
fn stem(word: &str) -> &str {
    if word.ends_with('.') {
        word.trim_end_matches('.')
    } else {
        word
    }
}

/// "I'm", "I’ve", "I'd": the pronoun with a clitic. (Its first letter is asked first: few
/// words open with "I".)
fn is_pronoun_with_clitic(word: &str) -> bool {
    word.strip_prefix('I')
        .is_some_and(|rest| rest.starts_with(['\'', '’']))
}

/// Which of the lists of head and tail words a word of a name is in, all answered by one
/// look-up: the evidence rules ask a name's first and last words whether they are an
/// organisation's, a place's or another thing's head or tail. (cachegrind, whole CLI on 200
/// articles: asked of one list at a time, the questions cost 0.5M instruction-equivalents more.)
/// Kept apart from [`Classes`], which the search for names asks of every capitalised word:
/// with these lists in its table, its look-ups missed the cache more, and the whole CLI cost
/// about 1M instruction-equivalents more than with no table for them at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeadsAndTails(u32);

impl HeadsAndTails {
    pub const ORG_TAIL: u32 = 1;
    /// Either kind of organisation head, English or foreign.
    pub const ORG_HEAD: u32 = 1 << 1;
    pub const FOREIGN_ORG_HEAD: u32 = 1 << 2;
    pub const PLACE_TAIL: u32 = 1 << 3;
    pub const PLACE_HEAD: u32 = 1 << 4;
    pub const FOREIGN_PLACE_HEAD: u32 = 1 << 5;
    pub const OTHER_TAIL: u32 = 1 << 6;
    pub const OTHER_HEAD: u32 = 1 << 7;
    /// Any tail: the word closes a name of some kind.
    pub const TAIL: u32 = Self::ORG_TAIL | Self::PLACE_TAIL | Self::OTHER_TAIL;

    /// The lists asked about with a final period stripped ("Corp.", "St.").
    const BY_STEM: u32 = Self::ORG_TAIL | Self::PLACE_TAIL;

    /// Whether the word is in the list `class`, or in any of several (`ORG_TAIL | PLACE_TAIL`).
    pub fn has(self, class: u32) -> bool {
        self.0 & class != 0
    }
}

/// Every word of the lists [`HeadsAndTails`] answers for, with the lists it is in.
static HEADS_AND_TAILS: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let lists: [(&[&str], u32); 8] = [
        (ORG_TAILS, HeadsAndTails::ORG_TAIL),
        (ORG_HEADS, HeadsAndTails::ORG_HEAD),
        (
            FOREIGN_ORG_HEADS,
            HeadsAndTails::ORG_HEAD | HeadsAndTails::FOREIGN_ORG_HEAD,
        ),
        (PLACE_TAILS, HeadsAndTails::PLACE_TAIL),
        (PLACE_HEADS, HeadsAndTails::PLACE_HEAD),
        (FOREIGN_PLACE_HEADS, HeadsAndTails::FOREIGN_PLACE_HEAD),
        (OTHER_TAILS, HeadsAndTails::OTHER_TAIL),
        (OTHER_HEADS, HeadsAndTails::OTHER_HEAD),
    ];
    table_of_lists(&lists, [])
});

/// The lists of head and tail words `word` is in.
pub fn heads_and_tails(word: &str) -> HeadsAndTails {
    HeadsAndTails(listed_bits(&HEADS_AND_TAILS, word, HeadsAndTails::BY_STEM))
}

/// Which of the word lists the evidence rules ask about the words right before and after a
/// name a word is in ("said", "in", "the", "president"), all answered by one look-up: each such
/// word is asked whether it is a place preposition, a speech verb, a role, an institution
/// noun, and whether it is a title or a function word once capitalised. (cachegrind, evidence
/// over 200 articles: those questions asked one list at a time, with a title-case copy of the
/// word for the last two, cost about 4.8M instructions.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Neighbour(u32);

impl Neighbour {
    const PLACE_PREPOSITION: u32 = 1;
    const SPEECH_VERB: u32 = 1 << 1;
    const ORG_NOUN: u32 = 1 << 2;
    /// An institution noun with a plural "s" after it: "bands".
    const ORG_NOUNS: u32 = 1 << 3;
    const ROLE: u32 = 1 << 4;
    /// A title once in title case ("president" for "President"); listed under the lower-case
    /// forms of the titles written in plain title case, so it answers only for a word of
    /// ASCII lower-case letters.
    const TITLE_ONCE_CAPITALISED: u32 = 1 << 5;
    /// A function word once in title case ("the" for "The"), as `TITLE_ONCE_CAPITALISED`.
    const FUNCTION_ONCE_CAPITALISED: u32 = 1 << 6;

    fn has(self, class: u32) -> bool {
        self.0 & class != 0
    }

    pub fn is_place_preposition(self) -> bool {
        self.has(Self::PLACE_PREPOSITION)
    }

    pub fn is_speech_verb(self) -> bool {
        self.has(Self::SPEECH_VERB)
    }

    pub fn is_role(self) -> bool {
        self.has(Self::ROLE)
    }

    /// An institution noun, in the singular or with a plural "s".
    pub fn is_org_noun_or_plural(self) -> bool {
        self.has(Self::ORG_NOUN | Self::ORG_NOUNS)
    }

    pub fn is_org_noun(self) -> bool {
        self.has(Self::ORG_NOUN)
    }

    /// Whether `word`, the word looked up, is a title in title case
    /// (`is_title(&title_case(word))`), when the lists can tell: for a word of ASCII lower-case
    /// letters, most of those asked about. (Whether the word is such is asked here, not at
    /// each look-up: most look-ups never ask this.)
    pub fn is_title_once_capitalised(self, word: &str) -> Option<bool> {
        is_plain(word).then(|| self.has(Self::TITLE_ONCE_CAPITALISED))
    }

    /// Whether `word`, the word looked up, is a function word in title case
    /// (`is_function_word(&title_case(word))`), when the lists can tell, as for
    /// [`Neighbour::is_title_once_capitalised`].
    pub fn is_function_word_once_capitalised(self, word: &str) -> Option<bool> {
        is_plain(word).then(|| self.has(Self::FUNCTION_ONCE_CAPITALISED))
    }
}

/// Made of ASCII lower-case letters only.
fn is_plain(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Every word of the lists [`Neighbour`] answers for, with the lists it is in.
static NEIGHBOURS: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let as_written: [(&[&str], u32); 4] = [
        (PLACE_PREPOSITIONS, Neighbour::PLACE_PREPOSITION),
        (SPEECH_VERBS, Neighbour::SPEECH_VERB),
        (ORG_NOUNS, Neighbour::ORG_NOUN),
        (ROLES, Neighbour::ROLE),
    ];
    // The extra forms, built once and kept for the life of the program, as the table is.
    let plurals = ORG_NOUNS
        .iter()
        .map(|noun| -> (&'static str, u32) { (format!("{noun}s").leak(), Neighbour::ORG_NOUNS) });
    let once_capitalised: [(&[&str], u32); 3] = [
        (TITLES, Neighbour::TITLE_ONCE_CAPITALISED),
        (FUNCTION_WORDS, Neighbour::FUNCTION_ONCE_CAPITALISED),
        (CALENDAR, Neighbour::FUNCTION_ONCE_CAPITALISED),
    ];
    let lower_case = once_capitalised.into_iter().flat_map(|(list, class)| {
        list.iter()
            .filter(|word| in_plain_title_case(word))
            .map(move |word| -> (&'static str, u32) { (word.to_ascii_lowercase().leak(), class) })
    });
    table_of_lists(&as_written, plurals.chain(lower_case))
});

/// An ASCII capital and ASCII lower-case letters: "President", "The", "A".
fn in_plain_title_case(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes[1..].iter().all(u8::is_ascii_lowercase)
}

/// The lists `word` is in, of those a word next to a name is asked about.
pub fn neighbour(word: &str) -> Neighbour {
    Neighbour(NEIGHBOURS.get(word))
}

/// Titles and roles that precede a person's name and are never part of it ("President",
/// "Mr."). Stored without a final period; callers strip one.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Ambassador",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov",
    "Mayor",
    "General",
    "Gen",
    "Lt",
    "Lieutenant",
    "Colonel",
    "Col",
    "Captain",
    "Capt",
    "Sergeant",
    "Sgt",
    "Admiral",
    "Commander",
    "Chief",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Judge",
    "Justice",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Duke",
    "Duchess",
    "Pope",
    "Cardinal",
    "Bishop",
    "Archbishop",
    "Reverend",
    "Rev",
    "Father",
    "Rabbi",
    "Imam",
    "Sheikh",
    "Dr",
    "Doctor",
    "Professor",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Officer",
    "Detective",
    "Inspector",
    "Agent",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Deputy",
    "Assistant",
    "Attorney",
    "Chancellor",
    "Premier",
    "Speaker",
    "Leader",
    "Commissioner",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Envoy",
    "Emperor",
    "Empress",
    "Sheriff",
    "Coach",
    "Manager",
    "Editor",
    "Founder",
    "Co-founder",
    "Biologist",
    "Scientist",
    "Physicist",
    "Chemist",
    "Economist",
    "Author",
    "Writer",
    "Novelist",
    "Journalist",
    "Reporter",
    "Correspondent",
    "Actor",
    "Actress",
    "Singer",
    "Rapper",
    "Drummer",
    "Guitarist",
    "Director-General",
    "Secretary-General",
    "Dean",
    "Provost",
    "Superintendent",
    "Lawyer",
    "Analyst",
    "Historian",
    "Researcher",
    "Astronaut",
    "Pastor",
    "Priest",
    "Saint",
    "Ayatollah",
    "Generalissimo",
    "Marshal",
    "Major",
    "Private",
    "Corporal",
    "Trooper",
    "Constable",
    "Magistrate",
    "Prosecutor",
    "Defendant",
    "Candidate",
    "Nominee",
    "Incumbent",
    "Administrator",
    "Secretary-General",
    "Commissioner",
];

/// Words that qualify a following title ("Foreign Minister", "Former President").
const TITLE_MODIFIERS: &[&str] = &[
    "Former",
    "Emeritus",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Finance",
    "Health",
    "Education",
    "Justice",
    "Trade",
    "Energy",
    "Home",
    "State",
    "Acting",
    "Interim",
    "Deputy",
    "Vice",
    "Prime",
    "Chief",
    "Executive",
    "Managing",
    "Assistant",
    "Associate",
    "Senior",
    "Junior",
    "Head",
    "Supreme",
    "Grand",
    "Crown",
    "Attorney",
    "Press",
    "Labor",
    "Labour",
    "Transport",
    "Agriculture",
    "Environment",
    "Culture",
    "Economy",
    "Treasury",
    "Army",
    "Navy",
    "Police",
    "First",
    "Second",
    "Opposition",
    "Party",
    "Majority",
    "Minority",
    "House",
    "Senate",
    "Fire",
    "Team",
    "Club",
];

/// Capitalised words that open sentences or headlines but are not names.
const FUNCTION_WORDS: &[&str] = &[
    "Hey",
    "Hi",
    "Hello",
    "Dear",
    "Ah",
    "Wow",
    "Okay",
    "OK",
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "It's",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Our",
    "Their",
    "His",
    "Her",
    "My",
    "Your",
    "Us",
    "Them",
    "Him",
    "There",
    "Here",
    "Then",
    "Now",
    "When",
    "Where",
    "While",
    "Why",
    "How",
    "What",
    "Which",
    "Who",
    "Whom",
    "Whose",
    "If",
    "But",
    "And",
    "Or",
    "Nor",
    "So",
    "Yet",
    "For",
    "As",
    "At",
    "By",
    "In",
    "On",
    "Of",
    "To",
    "From",
    "With",
    "Without",
    "Into",
    "Onto",
    "Upon",
    "Over",
    "Under",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Till",
    "Through",
    "Throughout",
    "Across",
    "Against",
    "Among",
    "Amid",
    "Amongst",
    "Between",
    "Beyond",
    "Despite",
    "About",
    "Above",
    "Below",
    "Near",
    "Off",
    "Out",
    "Up",
    "Down",
    "Per",
    "Via",
    "Within",
    "Toward",
    "Towards",
    "According",
    "However",
    "Meanwhile",
    "Moreover",
    "Furthermore",
    "Although",
    "Though",
    "Because",
    "Also",
    "Still",
    "Even",
    "Only",
    "Just",
    "Already",
    "Instead",
    "Indeed",
    "Thus",
    "Therefore",
    "Hence",
    "Otherwise",
    "Nevertheless",
    "Nonetheless",
    "Besides",
    "Finally",
    "First",
    "Second",
    "Third",
    "Last",
    "Next",
    "Later",
    "Earlier",
    "Today",
    "Tomorrow",
    "Yesterday",
    "Tonight",
    "Recently",
    "Currently",
    "Previously",
    "Initially",
    "Eventually",
    "Additionally",
    "Similarly",
    "Likewise",
    "Overall",
    "Many",
    "Most",
    "More",
    "Some",
    "Several",
    "Few",
    "All",
    "Both",
    "Each",
    "Every",
    "Any",
    "No",
    "Not",
    "None",
    "Other",
    "Others",
    "Another",
    "Such",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Yes",
    "Well",
    "Oh",
    "Please",
    "Thank",
    "Thanks",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Been",
    "Do",
    "Does",
    "Did",
    "Have",
    "Has",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Shall",
    "Let",
    "Like",
    "Unlike",
    "Whether",
    "Once",
    "Unless",
    "Whereas",
    "Perhaps",
    "Maybe",
    "Please",
    "Sources",
    "Officials",
    "Critics",
    "Experts",
    "Analysts",
    "Police",
    "Authorities",
    "Residents",
    "Researchers",
    "Scientists",
    "Witnesses",
    "Reports",
    "Report",
    "Update",
    "Updated",
    "Breaking",
    "Exclusive",
    "Interview",
    "Analysis",
    "Opinion",
    "Editorial",
    "Photo",
    "Video",
    "Watch",
    "Read",
    "See",
    "Note",
    "Source",
    "Sources",
    "Related",
    "Share",
    "Q",
    "A.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Me",
    "Everyone",
    "Everything",
    "Nothing",
    "Something",
    "Someone",
    "Anyone",
    "Nobody",
    "Somebody",
    "Very",
    "Much",
    "Really",
    "Actually",
    "Certainly",
    "Obviously",
    "Clearly",
    "Unfortunately",
    "Fortunately",
    "Interestingly",
    "Ultimately",
    "Specifically",
    "Generally",
    "Basically",
    "Essentially",
    "Anyway",
    "Again",
    "Often",
    "Sometimes",
    "Always",
    "Never",
    "Usually",
    "Soon",
    "Once",
    "Whatever",
    "Whoever",
    "Wherever",
    "Whenever",
    "Rather",
    "Almost",
    "Nearly",
    "Around",
    "Along",
    "Beside",
    "Behind",
    "Inside",
    "Outside",
    "Except",
    "Following",
    "Including",
    "Regarding",
    "Concerning",
    "Given",
    "Considering",
    "Based",
    "Asked",
    "Speaking",
    "Writing",
    "Having",
    "Being",
    "Getting",
    "Making",
    "Taking",
    "Looking",
    "Using",
    "Going",
];

const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
    "Christmas",
    "Hajj",
    "Eid",
    "Passover",
    "Lent",
    "Halloween",
    "Kwanzaa",
    "Easter",
    "Ramadan",
    "Thanksgiving",
    "Hanukkah",
    "Diwali",
    "AM",
    "PM",
    "BC",
    "AD",
    "CE",
    "BCE",
    "UTC",
    "GMT",
    "EST",
    "PST",
    "EDT",
    "PDT",
    "CET",
];

/// Last words that make a name an organisation ("Acme Inc", "Ohio State University").
const ORG_TAILS: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Co",
    "Company",
    "Companies",
    "Ltd",
    "LLC",
    "PLC",
    "plc",
    "GmbH",
    "AG",
    "SA",
    "Group",
    "Holdings",
    "Industries",
    "Enterprises",
    "Partners",
    "University",
    "College",
    "School",
    "Academy",
    "Institute",
    "Institution",
    "Laboratory",
    "Laboratories",
    "Lab",
    "Labs",
    "Agency",
    "Administration",
    "Authority",
    "Bureau",
    "Commission",
    "Committee",
    "Council",
    "Department",
    "Ministry",
    "Office",
    "Service",
    "Services",
    "Board",
    "Court",
    "Tribunal",
    "Parliament",
    "Assembly",
    "Congress",
    "Senate",
    "Party",
    "Union",
    "Federation",
    "Confederation",
    "Association",
    "Society",
    "League",
    "Foundation",
    "Fund",
    "Trust",
    "Bank",
    "Network",
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Press",
    "Magazine",
    "Review",
    "Telegraph",
    "Chronicle",
    "Daily",
    "Weekly",
    "Radio",
    "Television",
    "TV",
    "Channel",
    "Broadcasting",
    "Records",
    "Studios",
    "Studio",
    "Pictures",
    "Films",
    "Entertainment",
    "Media",
    "Publishing",
    "Publishers",
    "Books",
    "Airlines",
    "Airways",
    "Motors",
    "Systems",
    "Technologies",
    "Technology",
    "Software",
    "Electronics",
    "Pharmaceuticals",
    "Energy",
    "Oil",
    "Petroleum",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Guard",
    "Police",
    "Corps",
    "Brigade",
    "Regiment",
    "Church",
    "Mission",
    "Clinic",
    "Club",
    "Team",
    "FC",
    "United",
    "Rovers",
    "Orchestra",
    "Band",
    "Choir",
    "Alliance",
    "Coalition",
    "Front",
    "Movement",
    "Organization",
    "Organisation",
    "Cabinet",
    "Government",
    "Administration",
    "Brotherhood",
    "Sisterhood",
    "Order",
    "Institute",
    "Observatory",
    "Exchange",
    "Market",
    "Markets",
    "Capital",
    "Ventures",
    "Consulting",
    "Bancorp",
    "Insurance",
    // Newspapers: "Toronto Star", "Edmonton Sun", "Daily Mail", "Pacific Standard".
    "Star",
    "Sun",
    "Mail",
    "Globe",
    "Mirror",
    "Express",
    "Observer",
    "Guardian",
    "Examiner",
    "Inquirer",
    "Enquirer",
    "Courier",
    "Bulletin",
    "Standard",
    "Dispatch",
    "Sentinel",
    "Monitor",
    "Advertiser",
    "Ledger",
];

/// First words that make "X of Y" an organisation ("University of Helsinki", "Bank of Japan").
const ORG_HEADS: &[&str] = &[
    "University",
    "College",
    "Institute",
    "Bank",
    "Ministry",
    "Department",
    "Office",
    "Board",
    "Council",
    "Court",
    "Church",
    "Academy",
    "Museum",
    "Society",
    "Association",
    "Federation",
    "Union",
    "League",
    "Order",
    "House",
    "Chamber",
    "Commission",
    "Committee",
    "Bureau",
    "Agency",
    "Parliament",
    "Congress",
    "Assembly",
    "School",
    "Friends",
    "Army",
    "Party",
    "Brotherhood",
    "Federal",
    "National",
    "Royal",
    "International",
    "Municipality",
];

/// Romance and German heads that make a name an organisation on their own: "Instituto
/// Gonzaga", "Partito Democratico", "Movimento 5 Stelle".
const FOREIGN_ORG_HEADS: &[&str] = &[
    "Instituto",
    "Istituto",
    "Institut",
    "Universidad",
    "Università",
    "Universidade",
    "Université",
    "Universität",
    "Banco",
    "Banca",
    "Ministerio",
    "Ministero",
    "Ministère",
    "Partido",
    "Partito",
    "Parti",
    "Movimento",
    "Movimiento",
    "Comune",
    "Consejo",
    "Consiglio",
    "Conseil",
    "Corte",
    "Tribunal",
    "Fundación",
    "Fondazione",
    "Fondation",
    "Stiftung",
    "Compagnie",
    "Compañía",
    "Grupo",
    "Gruppo",
    "Groupe",
];

/// Last words that make a name a place ("Ross Sea", "Baker Street", "Orange County").
const PLACE_TAILS: &[&str] = &[
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Lakes",
    "Mountain",
    "Mountains",
    "Mount",
    "Mt",
    "Hill",
    "Hills",
    "Island",
    "Islands",
    "Isle",
    "Isles",
    "Peninsula",
    "Bay",
    "Gulf",
    "Strait",
    "Straits",
    "Channel",
    "Coast",
    "Valley",
    "Canyon",
    "Desert",
    "Forest",
    "Falls",
    "Glacier",
    "Shelf",
    "Reef",
    "Cape",
    "Basin",
    "Plain",
    "Plains",
    "Plateau",
    "Delta",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Drive",
    "Way",
    "Highway",
    "Square",
    "Plaza",
    "Bridge",
    "Tunnel",
    "Park",
    "Garden",
    "Gardens",
    "Harbor",
    "Harbour",
    "Port",
    "Airport",
    "Station",
    "Base",
    "Camp",
    "County",
    "Province",
    "Prefecture",
    "District",
    "Region",
    "Territory",
    "Territories",
    "State",
    "City",
    "Town",
    "Village",
    "Township",
    "Borough",
    "Parish",
    "Heights",
    "Springs",
    "Beach",
    "Stadium",
    "Arena",
    "Palace",
    "Castle",
    "Cathedral",
    "Tower",
    "Building",
    "Hall",
    "Field",
    "Zone",
    "Republic",
    "Kingdom",
    "Emirate",
    "Oblast",
    "Governorate",
    "Quarter",
    "Ridge",
    "Pass",
    "Peak",
    "Center",
    "Centre",
    "Museum",
    "Hotel",
    "Resort",
    "Casino",
    "Mall",
    "Planetarium",
    "Mosque",
    "Temple",
    "Synagogue",
    "Complex",
    "Towers",
    "Library",
    "Cave",
    "Caves",
    "Crater",
    "Volcano",
    "Lagoon",
    "Marsh",
    "Dam",
    "Pier",
    "Wharf",
    "Trail",
    "Cemetery",
    "Terrace",
    "Reservoir",
    "Canal",
    "Creek",
    "Pond",
    "Fjord",
    "Dunes",
    "Oasis",
    "Atoll",
    "Archipelago",
    "Quay",
    "Esplanade",
    "Promenade",
    "Zoo",
    "Aquarium",
    "North",
    "South",
    "East",
    "West",
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
];

/// Last words that make a name an event, a work, a law or a programme: named, but of no kind
/// that lector scores as a person, organisation or place ("World Cup", "Clean Air Act").
const OTHER_TAILS: &[&str] = &[
    "Games",
    "Olympics",
    "Paralympics",
    "Cup",
    "Championship",
    "Championships",
    "Tournament",
    "Open",
    "Marathon",
    "Series",
    "Bowl",
    "War",
    "Wars",
    "Revolution",
    "Crisis",
    "Day",
    "Week",
    "Festival",
    "Carnival",
    "Fair",
    "Expo",
    "Show",
    "Awards",
    "Award",
    "Prize",
    "Act",
    "Bill",
    "Law",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Protocol",
    "Doctrine",
    "Plan",
    "Program",
    "Programme",
    "Project",
    "Initiative",
    "License",
    "Licence",
    "Definition",
    "Declaration",
    "Constitution",
    "Amendment",
    "Code",
    "Election",
    "Elections",
    "Referendum",
    "Summit",
    "Conference",
    "Convention",
    "Album",
    "Novel",
    "Film",
    "Syndrome",
    "Disease",
    "Virus",
    "Flu",
    "Theory",
    "Effect",
    "Principle",
    "Index",
];

/// Heads of "X of Y" places ("Gulf of Mexico", "Republic of Ireland", "City of London").
const PLACE_HEADS: &[&str] = &[
    "Gulf",
    "Bay",
    "Sea",
    "Lake",
    "Mount",
    "Mt",
    "Isle",
    "Island",
    "Islands",
    "Strait",
    "Cape",
    "Republic",
    "Kingdom",
    "City",
    "Province",
    "State",
    "County",
    "Port",
    "Fort",
    "Lake",
    "Valley",
    "Mountains",
    "Sierra",
    "Rio",
    "San",
    "Santa",
    "Saint",
    "St",
    "Los",
    "Las",
    "New",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
];

/// Lower-case words that may join capitalised words inside one name.
const CONNECTORS: &[&str] = &[
    "of", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der",
    "den", "la", "le", "al", "el", "bin", "ibn", "y", "e", "and", "&", "for", "the",
];

/// Words after which a capitalised name is likely a place: "in Helsinki", "near Kabul".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "around",
    "towards",
    "toward",
    "into",
    "from",
];

/// Verbs of saying that mark their subject or object as a person ("Bos said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "explained",
    "stated",
    "asked",
    "replied",
    "wrote",
    "writes",
    "noted",
    "argued",
    "claimed",
    "insisted",
    "recalled",
    "admitted",
    "believes",
    "thinks",
    "thought",
    "felt",
    "declared",
    "announced",
    "commented",
    "continued",
    "remarked",
    "responded",
    "warned",
    "suggested",
];

/// First words of the names of storms and vessels: "Hurricane Katrina", "USS Enterprise".
const OTHER_HEADS: &[&str] = &[
    "Cyclone",
    "Hurricane",
    "Typhoon",
    "Storm",
    "Tropical",
    "Shuttle",
    "HMS",
    "USS",
    "HMCS",
    "HMAS",
    "HMC",
    "RMS",
    "MV",
    "MS",
    "SS",
];

/// Occupations written in lower case before a name ("immigration barrister Colin Yeo",
/// "photographer Nick Moreau"), which are no titles when capitalised ("Artist Way").
const ROLES: &[&str] = &[
    "barrister",
    "solicitor",
    "activist",
    "campaigner",
    "artist",
    "photographer",
    "designer",
    "architect",
    "engineer",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "investor",
    "banker",
    "teacher",
    "student",
    "nurse",
    "physician",
    "surgeon",
    "psychologist",
    "psychiatrist",
    "sociologist",
    "philosopher",
    "mathematician",
    "astronomer",
    "geologist",
    "poet",
    "playwright",
    "composer",
    "musician",
    "comedian",
    "host",
    "presenter",
    "columnist",
    "blogger",
    "producer",
    "filmmaker",
    "diplomat",
    "adviser",
    "advisor",
    "consultant",
    "strategist",
    "pollster",
    "organiser",
    "organizer",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "referee",
    "owner",
    "councillor",
    "legislator",
    "lawmaker",
    "politician",
    "candidate",
    "cosplayer",
    "actor",
    "actress",
    "director",
    "professor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lecturer",
    "painter",
    "sculptor",
    "curator",
    "publisher",
    "founder",
    "chef",
    "pilot",
    "soldier",
    "veteran",
    "officer",
];

/// Lower-case nouns for settlements and regions: "the town of Yeoncheon".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "state",
    "county",
    "region",
    "district",
    "island",
    "port",
    "capital",
    "suburb",
    "municipality",
    "neighbourhood",
    "neighborhood",
    "prefecture",
    "hamlet",
    "borough",
    "island",
    "islands",
    "regions",
    "towns",
    "cities",
    "villages",
];

/// Lower-case nouns for institutions that follow a name: "Yonhap news agency".
const ORG_NOUNS: &[&str] = &[
    "agency",
    "newspaper",
    "magazine",
    "website",
    "party",
    "company",
    "firm",
    "band",
    "network",
    "broadcaster",
    "organisation",
    "organization",
    "university",
    "club",
    "airline",
    "charity",
    "foundation",
    "institute",
    "ministry",
    "tabloid",
    "daily",
    "weekly",
    "corporation",
    "conglomerate",
    "publisher",
    "label",
    "studio",
    "studios",
    "startup",
    "nonprofit",
    "union",
    "school",
    "church",
    "hospital",
    "museum",
    "team",
    "brand",
    "site",
    "retailer",
    "bank",
    "carrier",
    "manufacturer",
    "developer",
    "insurer",
    "outlet",
    "station",
];

/// Heads of place names in other languages: "Masjid al-Haram", "Piazza Navona", "Rue de
/// Rivoli", "Jabal Musa".
const FOREIGN_PLACE_HEADS: &[&str] = &[
    "Masjid", "Piazza", "Rue", "Via", "Calle", "Avenida", "Jabal", "Jebel", "Wadi", "Lago",
    "Monte", "Puerto", "Praia", "Plaza", "Place", "Platz", "Strasse", "Straße", "Kibbutz",
];

pub fn is_place_noun(word: &str) -> bool {
    contains(set!(PLACE_NOUNS), word)
}

pub fn is_org_noun(word: &str) -> bool {
    contains(set!(ORG_NOUNS), word)
}

/// Abbreviations English writes as words, naming things, degrees or conditions, never a body:
/// "DNA", "PhD", "GDP", "VIP".
const COMMON_ACRONYMS: &[&str] = &[
    "DNA", "RNA", "GDP", "GNP", "VIP", "VIPs", "POV", "CEO", "CFO", "CTO", "COO", "PhD", "PhDs",
    "MBA", "MSc", "BSc", "IQ", "AI", "IT", "PC", "PCs", "TV", "CD", "CDs", "DVD", "DVDs", "USB",
    "GPS", "ATM", "PIN", "FAQ", "PDF", "HTML", "URL", "HTTP", "ID", "UFO", "HIV", "AIDS", "SARS",
    "ADHD", "PTSD", "OCD", "LGBT", "LGBTQ", "ROV", "UAV", "SUV", "RSVP", "ASAP", "DIY", "FYI",
    "CCTV", "LED", "LCD", "MP3", "SMS", "RPG", "MMO", "FPS", "VR", "IVF", "GMO", "CO2",
];

pub fn is_common_acronym(word: &str) -> bool {
    contains(set!(COMMON_ACRONYMS), word)
}

const NICKNAMES: &str = include_str!("../../../assets/data/nicknames.txt");

/// Each given name and short form, with the formal names it may stand for.
static NICKNAME_GROUPS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    for line in NICKNAMES
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut names = line.split('|').map(str::trim);
        let Some(formal) = names.next() else {
            continue;
        };
        map.entry(formal).or_default().push(formal);
        for short in names {
            map.entry(short).or_default().push(formal);
        }
    }
    map
});

/// Whether two different given names may name one person: "Larry" and "Lawrence", "Bill"
/// and "Will" (both "William").
pub fn same_given_name(a: &str, b: &str) -> bool {
    match (NICKNAME_GROUPS.get(a), NICKNAME_GROUPS.get(b)) {
        (Some(x), Some(y)) => x.iter().any(|f| y.contains(f)),
        _ => false,
    }
}

/// Verbs whose subject acts ("Sweden defeated", "South Korea says"): a place before one stands
/// for its government or its team.
const AGENT_VERBS: &[&str] = &[
    "said",
    "says",
    "won",
    "win",
    "wins",
    "lost",
    "lose",
    "loses",
    "beat",
    "beats",
    "drew",
    "draw",
    "draws",
    "face",
    "faces",
    "defeat",
    "defeats",
    "made",
    "took",
    "sent",
    "led",
    "held",
    "began",
    "wants",
    "plans",
    "threatens",
    "warns",
    "accuses",
    "denies",
    "insists",
    "hopes",
];

pub fn is_agent_verb(word: &str) -> bool {
    contains(set!(AGENT_VERBS), word)
}

/// Words after a past form in -ed that show it has no object: a past form acts only on an
/// object, "South Korea evacuated about 80 people", not "the Soviet Union collapsed there" nor
/// "collapsed in 1991".
const NO_OBJECT: &[&str] = &[
    "by",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "with",
    "into",
    "from",
    "for",
    "as",
    "and",
    "or",
    "but",
    "there",
    "here",
    "then",
    "again",
    "later",
    "yesterday",
    "today",
    "soon",
    "too",
];

pub fn is_no_object(word: &str) -> bool {
    contains(set!(NO_OBJECT), word)
}

/// Words that follow a subject ("Gorbachev was", "Obama signed"), never a noun a name
/// qualifies ("a Zogby poll"): verbs, function words, irregular past tenses.
const FOLLOWING_A_SUBJECT: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "had", "have", "will", "would", "can",
    "could", "may", "might", "must", "should", "did", "does", "do", "also", "then", "and", "or",
    "but", "himself", "herself", "who", "to", "in", "on", "at", "for", "with", "by", "from", "of",
    "as", "than", "that", "said", "says", "told",
    // Function words and irregular past tenses follow a subject, not a qualified noun.
    "after", "before", "during", "since", "until", "while", "when", "where", "which", "whose",
    "because", "if", "into", "about", "over", "under", "near", "through", "without", "within",
    "against", "between", "among", "despite", "so", "yet", "not", "never", "now", "still",
    "already", "just", "only", "even", "here", "there", "this", "these", "those", "its", "his",
    "her", "their", "our", "a", "an", "the", "won", "lost", "made", "took", "got", "gave", "came",
    "went", "saw", "met", "led", "left", "wrote", "began", "ran", "sent", "held", "kept", "became",
    "brought", "thought", "found", "put", "set", "hit", "knew", "grew", "fell", "rose", "spoke",
    "chose", "drew", "beat", "sold", "paid", "built", "won't", "can't", "didn't", "doesn't",
    "isn't", "wasn't",
];

pub fn follows_a_subject(word: &str) -> bool {
    contains(set!(FOLLOWING_A_SUBJECT), word)
}

/// Whether a lower-case word is an occupation that introduces a name.
pub fn is_role(word: &str) -> bool {
    contains(set!(ROLES), word)
}

pub fn is_other_head(word: &str) -> bool {
    contains(set!(OTHER_HEADS), word)
}

/// Words that close a one-word brand: "Wikinews", "Quantcast", "Microsoft", "Facebook".
const BRAND_TAILS: &[&str] = &[
    "news", "pedia", "media", "soft", "cast", "book", "tube", "mart", "flix", "space", "works",
    "corp", "labs", "net",
];

/// [`BRAND_TAILS`] as [`ascii_ending`]s, each with its length.
const BRAND_ENDINGS: [(u64, usize); BRAND_TAILS.len()] = {
    let mut endings = [(0, 0); BRAND_TAILS.len()];
    let mut i = 0;
    while i < BRAND_TAILS.len() {
        let tail = BRAND_TAILS[i].as_bytes();
        endings[i] = (ascii_ending(tail), tail.len());
        i += 1;
    }
    endings
};

/// The last five bytes of `bytes` (all of them if fewer) in one number, the last byte lowest,
/// letters in lower case: an ASCII word ends in a tail of lower-case letters, in any case,
/// when the low bytes of their endings are equal. (Setting bit 5 makes a capital its
/// lower-case letter, and no byte other than a letter a letter.)
const fn ascii_ending(bytes: &[u8]) -> u64 {
    let mut ending = 0;
    let mut i = bytes.len().saturating_sub(5);
    while i < bytes.len() {
        ending = ending << 8 | (bytes[i] | 0x20) as u64;
        i += 1;
    }
    ending
}

/// Whether stem of `stem_chars` characters before `tail` is long enough for a brand.
fn brand_stem_long_enough(stem_chars: usize, tail_len: usize) -> bool {
    stem_chars >= 3 + usize::from(tail_len <= 3)
}

/// Whether one word is a brand closed on a media or trade word ("Wikinews", "Quantcast"),
/// with at least three letters before it, so "Bernet" or "Hotel" are not.
pub fn has_brand_tail(word: &str) -> bool {
    // The shortest brand is seven letters (three before a four-letter tail, four before a
    // three-letter one), and no letter is fewer bytes than its lower-case form is letters:
    // most words are settled by their length alone.
    if word.len() < 7 {
        return false;
    }
    // Most words are ASCII: their ending is compared with each tail's as one number, with no
    // lower-case copy and no loop over bytes (cachegrind, whole CLI on 200 articles: a
    // comparison of each tail byte by byte cost 2.2M instruction-equivalents, 18k
    // mispredicted branches).
    if word.is_ascii() {
        let ending = ascii_ending(word.as_bytes());
        return BRAND_ENDINGS.iter().any(|&(tail, len)| {
            ending & ((1 << (8 * len)) - 1) == tail && brand_stem_long_enough(word.len() - len, len)
        }) && word.bytes().all(|b| b.is_ascii_alphanumeric());
    }
    has_brand_tail_spelled_out(word)
}

/// [`has_brand_tail`] spelled out: the word in lower case, its ending compared with each tail.
fn has_brand_tail_spelled_out(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().all(char::is_alphanumeric)
        && BRAND_TAILS.iter().any(|tail| {
            lower
                .strip_suffix(tail)
                .is_some_and(|stem| brand_stem_long_enough(stem.chars().count(), tail.len()))
        })
}

pub fn is_title(word: &str) -> bool {
    contains(set!(TITLES), stem(word))
}

pub fn is_function_word(word: &str) -> bool {
    is_pronoun_with_clitic(word)
        || contains(set!(FUNCTION_WORDS), word)
        || contains(set!(CALENDAR), stem(word))
}

pub fn is_org_tail(word: &str) -> bool {
    contains(set!(ORG_TAILS), stem(word))
}

pub fn is_org_head(word: &str) -> bool {
    contains(set!(ORG_HEADS), word) || contains(set!(FOREIGN_ORG_HEADS), word)
}

pub fn is_place_tail(word: &str) -> bool {
    contains(set!(PLACE_TAILS), stem(word))
}

pub fn is_other_tail(word: &str) -> bool {
    contains(set!(OTHER_TAILS), word)
}

pub fn is_place_head(word: &str) -> bool {
    contains(set!(PLACE_HEADS), word)
}

pub fn is_connector(word: &str) -> bool {
    contains(set!(CONNECTORS), word)
}

pub fn is_place_preposition(word: &str) -> bool {
    contains(set!(PLACE_PREPOSITIONS), word)
}

pub fn is_speech_verb(word: &str) -> bool {
    contains(set!(SPEECH_VERBS), word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_verbs_are_in_lower_case() {
        // `classify::acts` asks whether the word after a name is in lower case only of words
        // that end like a verb, which an agent verb needs not: it relies on this.
        for verb in AGENT_VERBS {
            assert!(verb.chars().all(char::is_lowercase), "{verb}");
        }
    }

    /// Whether `word` is in `list`, as the lists are written.
    fn listed(list: &[&str], word: &str) -> bool {
        list.contains(&word)
    }

    #[test]
    fn classes_answer_like_the_lists() {
        let all: [&[&str]; 10] = [
            TITLES,
            TITLE_MODIFIERS,
            FUNCTION_WORDS,
            CALENDAR,
            ORG_TAILS,
            ORG_HEADS,
            FOREIGN_ORG_HEADS,
            PLACE_TAILS,
            PLACE_HEADS,
            CONNECTORS,
        ];
        let mut probes: Vec<String> = ["I'm", "I’ve", "I", "Iowa", "", ".", "Gen..", "Xyz"]
            .map(String::from)
            .to_vec();
        for word in all.iter().flat_map(|list| list.iter()) {
            for variant in [
                word.to_string(),
                format!("{word}."),
                word.to_lowercase(),
                word.to_uppercase(),
                format!("{word}s"),
            ] {
                probes.push(variant);
            }
        }
        for word in &probes {
            let stem = word.trim_end_matches('.');
            let is = classes(word);
            let expect = [
                (Classes::TITLE, listed(TITLES, stem)),
                (Classes::TITLE_MODIFIER, listed(TITLE_MODIFIERS, word)),
                (
                    Classes::FUNCTION,
                    word.starts_with("I'")
                        || word.starts_with("I’")
                        || listed(FUNCTION_WORDS, word)
                        || listed(CALENDAR, stem),
                ),
                (Classes::CALENDAR, listed(CALENDAR, stem)),
                (Classes::ORG_TAIL, listed(ORG_TAILS, stem)),
                (
                    Classes::ORG_HEAD,
                    listed(ORG_HEADS, word) || listed(FOREIGN_ORG_HEADS, word),
                ),
                (Classes::PLACE_TAIL, listed(PLACE_TAILS, stem)),
                (Classes::PLACE_HEAD, listed(PLACE_HEADS, word)),
                (Classes::CONNECTOR, listed(CONNECTORS, word)),
            ];
            for (class, expected) in expect {
                assert_eq!(is.has(class), expected, "{word:?} class {class:#x}");
            }
        }
    }

    #[test]
    fn institution_nouns_are_in_lower_case() {
        // The evidence rules take a word found among them to be in lower case.
        for noun in ORG_NOUNS {
            assert!(noun.chars().all(char::is_lowercase), "{noun}");
        }
    }

    proptest::proptest! {
        #[test]
        fn brand_tails_match_their_reference(
            word in "[a-zA-Z0-9é@`{İ\u{212A}\\[-]{0,7}(news|NeWs|pedia|MEDIA|Soft|cast|book|tubE|mart|flix|space|works|corp|labs|net|NET|et|s)?"
        ) {
            proptest::prop_assert_eq!(has_brand_tail(&word), has_brand_tail_spelled_out(&word), "{}", word);
        }
    }

    #[test]
    fn heads_and_tails_answer_like_the_lists() {
        let all: [&[&str]; 8] = [
            ORG_TAILS,
            ORG_HEADS,
            FOREIGN_ORG_HEADS,
            PLACE_TAILS,
            PLACE_HEADS,
            FOREIGN_PLACE_HEADS,
            OTHER_TAILS,
            OTHER_HEADS,
        ];
        let mut probes: Vec<String> = ["", ".", "Corp..", "Xyz"].map(String::from).to_vec();
        for word in all.iter().flat_map(|list| list.iter()) {
            for variant in [
                word.to_string(),
                format!("{word}."),
                word.to_lowercase(),
                format!("{word}s"),
            ] {
                probes.push(variant);
            }
        }
        for word in &probes {
            let is = heads_and_tails(word);
            let expect = [
                (HeadsAndTails::ORG_TAIL, is_org_tail(word)),
                (HeadsAndTails::ORG_HEAD, is_org_head(word)),
                (
                    HeadsAndTails::FOREIGN_ORG_HEAD,
                    listed(FOREIGN_ORG_HEADS, word),
                ),
                (HeadsAndTails::PLACE_TAIL, is_place_tail(word)),
                (HeadsAndTails::PLACE_HEAD, is_place_head(word)),
                (
                    HeadsAndTails::FOREIGN_PLACE_HEAD,
                    listed(FOREIGN_PLACE_HEADS, word),
                ),
                (HeadsAndTails::OTHER_TAIL, is_other_tail(word)),
                (HeadsAndTails::OTHER_HEAD, is_other_head(word)),
            ];
            for (class, expected) in expect {
                assert_eq!(is.has(class), expected, "{word:?} class {class:#x}");
            }
        }
    }

    #[test]
    fn neighbours_answer_like_the_lists() {
        use super::super::evidence::title_case;
        let all: [&[&str]; 7] = [
            PLACE_PREPOSITIONS,
            SPEECH_VERBS,
            ORG_NOUNS,
            ROLES,
            TITLES,
            FUNCTION_WORDS,
            CALENDAR,
        ];
        let mut probes: Vec<String> = ["", "s", "i'm", "i", "Ok", "ok", "gen.", "xyz"]
            .map(String::from)
            .to_vec();
        for word in all.iter().flat_map(|list| list.iter()) {
            for variant in [
                word.to_string(),
                format!("{word}."),
                format!("{word}s"),
                word.to_lowercase(),
                format!("{}s", word.to_lowercase()),
                word.to_uppercase(),
                title_case(word).to_string(),
            ] {
                probes.push(variant);
            }
        }
        for word in &probes {
            let is = neighbour(word);
            assert_eq!(
                is.is_place_preposition(),
                listed(PLACE_PREPOSITIONS, word),
                "{word:?}"
            );
            assert_eq!(is.is_speech_verb(), listed(SPEECH_VERBS, word), "{word:?}");
            assert_eq!(is.is_role(), listed(ROLES, word), "{word:?}");
            assert_eq!(is.is_org_noun(), listed(ORG_NOUNS, word), "{word:?}");
            let plural = word.strip_suffix('s').is_some_and(|w| listed(ORG_NOUNS, w));
            assert_eq!(
                is.is_org_noun_or_plural(),
                listed(ORG_NOUNS, word) || plural,
                "{word:?}"
            );
            let capitalised = title_case(word);
            if let Some(title) = is.is_title_once_capitalised(word) {
                assert_eq!(title, is_title(&capitalised), "{word:?}");
            }
            if let Some(function) = is.is_function_word_once_capitalised(word) {
                assert_eq!(function, is_function_word(&capitalised), "{word:?}");
            }
            let plain = word.bytes().all(|b| b.is_ascii_lowercase());
            assert_eq!(
                is.is_title_once_capitalised(word).is_some(),
                plain,
                "{word:?}"
            );
        }
    }
}
