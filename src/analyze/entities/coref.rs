//! Groups mentions into entities within one article: same canonical gazetteer name or same
//! words; then a shorter name joins the longer one it begins or ends ("Sheinbaum" into
//! "Claudia Sheinbaum"), and an acronym joins the name it abbreviates ("FBI").

use super::classify::Candidate;
use super::evidence::{Evidence, domain_period, kind_of};
use super::gazetteer::GAZETTEER;
use super::lexicon;
use super::tokens::{Token, length_and_edge_bytes};
use crate::analyze::{Entity, EntityKind, Mention};
use crate::sanitize::one_line;
use crate::swar;
use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// One name's mentions. Its numbers are held in 32 bits, as [`MaskedName`]'s are (an article
/// has far fewer than 2^32 words or mentions): 20 bytes a cluster rather than 32, and four
/// bytes for each mention's cluster rather than eight (cachegrind, whole CLI on 200 articles:
/// `group` 91.4k -> 85.3k L1 misses, 16.62M -> 16.37M instruction-equivalents).
struct Cluster {
    /// The capitalised words of its longest mention: a stretch of [`Clusters::words`].
    words: Range<u32>,
    /// How many mentions it has.
    mentions: u32,
    evidence: Evidence,
    gazetteer: bool,
}

impl Cluster {
    /// How many words it has: `words` never runs backwards, so no test of that.
    fn word_count(&self) -> usize {
        (self.words.end - self.words.start) as usize
    }
}

/// The clusters of one article. Their words lie in one vector rather than one vector each: an
/// article has dozens of clusters, and an allocation each cost more than grouping them.
struct Clusters<'a> {
    list: Vec<Cluster>,
    words: Vec<&'a str>,
    /// The clusters of fewer than two words, in order, once all words are in
    /// ([`Clusters::part_by_length`]).
    short: Vec<usize>,
    /// The clusters of two words or more, in order, likewise.
    longer: Vec<usize>,
}

impl<'a> Clusters<'a> {
    fn words(&self, id: usize) -> &[&'a str] {
        let words = &self.list[id].words;
        &self.words[words.start as usize..words.end as usize]
    }

    /// Parts the clusters into [`Clusters::short`] and [`Clusters::longer`], for the passes
    /// that read one kind only. Each asked every cluster its length before, a branch that
    /// mispredicted about 4,500 times per pass over /tmp/c200 (five passes); here the length
    /// picks a list, with no branch.
    fn part_by_length(&mut self) {
        let n = self.list.len();
        let mut parts = [Vec::with_capacity(n), Vec::with_capacity(n)];
        for (id, cluster) in self.list.iter().enumerate() {
            parts[usize::from(cluster.word_count() >= 2)].push(id);
        }
        [self.short, self.longer] = parts;
    }
}

fn merge_evidence(into: &mut Evidence, from: &Evidence) {
    for (a, b) in into.iter_mut().zip(from) {
        *a = (*a).max(*b);
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// "CBC.ca" is CBC's site: the name without its web domain, so it can join "CBC News".
/// `last_eight` are the eight bytes of the text that end where `word` ends (see
/// [`swar::eight_before`]).
fn site_name(word: &str, last_eight: u64) -> &str {
    // A domain of two to four letters puts the last period among the last five bytes, and most
    // words have none there: the five are tested at once rather than byte by byte (callgrind,
    // CLI on c200: about 0.7M -> 0.2M instruction-equivalents). A shorter word's five reach
    // into the text before it, whose periods only cost a search.
    const LAST_FIVE: u64 = swar::HIGH << 24;
    if swar::equal_bytes(last_eight, b'.') & LAST_FIVE == 0 {
        return word;
    }
    without_domain(word)
}

/// `word` without a web domain of two to four lower-case letters after one period.
fn without_domain(word: &str) -> &str {
    match domain_period(word.as_bytes()) {
        Some(at) if !word[..at].contains('.') => &word[..at],
        _ => word,
    }
}

/// "NASA", "U.N.", "M5S": two or more capitals, with periods or digits between.
fn is_acronym(word: &str) -> bool {
    // Most names have an ASCII lower-case letter for their first or second byte, which is then
    // a lower-case letter among their first two chars: no acronym, told by one test (cachegrind,
    // CLI on c200: is_acronym 0.63M -> 0.42M instruction-equivalents).
    let lower_at = |i: usize| word.as_bytes().get(i).is_some_and(u8::is_ascii_lowercase);
    if lower_at(0) | lower_at(1) {
        return false;
    }
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !(c.is_alphanumeric() || c == '.') {
            return false;
        }
    }
    letters >= 2
}

/// The initials of a name: the capitals its words start with ("NASA" for "National
/// Aeronautics and Space Administration").
fn initials<'w>(words: &'w [&str]) -> impl Iterator<Item = char> + 'w {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// The letters of an acronym ("UN" for "U.N.").
fn acronym_letters(acronym: &str) -> impl Iterator<Item = char> + '_ {
    acronym.chars().filter(|c| c.is_alphabetic())
}

/// A hash of a run of letters, so initials are compared as numbers, with no string of them
/// made for every name.
fn letters_hash(letters: impl Iterator<Item = char>) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    for c in letters {
        hasher.write_u32(u32::from(c));
    }
    hasher.finish()
}

/// The first name of two words or more whose initials an acronym's letters spell.
fn name_of_acronym(
    clusters: &Clusters,
    by_initials: &HashMap<u64, usize>,
    acronym: &str,
) -> Option<usize> {
    let spells = |id: usize| initials(clusters.words(id)).eq(acronym_letters(acronym));
    match by_initials.get(&letters_hash(acronym_letters(acronym))) {
        Some(&id) if spells(id) => Some(id),
        // Other initials of the same hash: all names are read.
        Some(_) => clusters.longer.iter().copied().find(|&id| spells(id)),
        None => None,
    }
}

/// Edits (insert, delete, substitute, swap two neighbours) between two words, or `None` when
/// more than `max`.
fn edits_within(a: &str, b: &str, max: usize) -> Option<usize> {
    // Most names are ASCII: their bytes are their characters.
    if a.is_ascii() && b.is_ascii() {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if missing_letters(a, b) > max {
            return None;
        }
        return alignment_within(a, b, max);
    }
    // Names are short: their characters fit on the stack.
    const LONGEST: usize = 40;
    let mut a_chars = ['\0'; LONGEST];
    let mut b_chars = ['\0'; LONGEST];
    let (mut la, mut lb) = (0, 0);
    for (c, slot) in a.chars().zip(a_chars.iter_mut()) {
        *slot = c;
        la += 1;
    }
    for (c, slot) in b.chars().zip(b_chars.iter_mut()) {
        *slot = c;
        lb += 1;
    }
    let longer = |w: &str| w.chars().nth(LONGEST).is_some();
    if longer(a) || longer(b) {
        // A longer word ("Llanfairpwllgwyngyll..."): on the heap.
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        return alignment_within(&a, &b, max);
    }
    alignment_within(&a_chars[..la], &b_chars[..lb], max)
}

/// At most the edits between two ASCII words, and quicker to count: a letter of one that the
/// other lacks takes an edit (no edit changes more than one letter, a swap none). The letters
/// share the 64 bits of a set, some two a bit, which can only lower the count.
fn missing_letters(a: &[u8], b: &[u8]) -> usize {
    let letters = |word: &[u8]| word.iter().fold(0u64, |set, &c| set | 1 << (c & 63));
    let (in_a, in_b) = (letters(a), letters(b));
    (in_a & !in_b).count_ones().max((in_b & !in_a).count_ones()) as usize
}

/// Optimal string alignment distance between `a` and `b`, or `None` when more than `max`.
///
/// A cell of the table is at least as far as its row from its column, so only the band of
/// cells within `max` of the diagonal can hold `max` or less (Ukkonen): those are computed,
/// the others count as `max + 1`. Each row keeps its band only, `2 * max + 1` cells, cell `k`
/// of row `i` being column `i + k - max`. Costs never fall along an alignment, which crosses
/// one of any two rows in a row (a swap skips one): two rows all beyond `max` end the search.
fn alignment_within<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let band = 2 * max + 1;
    let far = max + 1;
    // Three rows of a band of two edits or fewer fit on the stack.
    let mut stack = [far; 3 * 5];
    let mut heap = Vec::new();
    let cells: &mut [usize] = if 3 * band <= stack.len() {
        &mut stack[..3 * band]
    } else {
        heap.resize(3 * band, far);
        &mut heap
    };
    let (before, rest) = cells.split_at_mut(band);
    let (prev, row) = rest.split_at_mut(band);
    let (mut before, mut prev, mut row) = (before, prev, row);
    // Row 0: column j is j insertions away.
    for (k, cell) in prev.iter_mut().enumerate() {
        *cell = k.checked_sub(max).filter(|&j| j <= b.len()).unwrap_or(far);
    }
    let mut prev_min = 0;
    for i in 1..=a.len() {
        row.fill(far);
        let mut row_min = far;
        for j in i.saturating_sub(max)..=(i + max).min(b.len()) {
            let k = j + max - i;
            let cell = if j == 0 {
                i
            } else {
                // Above (i - 1, j) is cell k + 1 of the row before, left (i, j - 1) cell k - 1.
                let above = prev.get(k + 1).copied().unwrap_or(far);
                let left = k.checked_sub(1).map_or(far, |l| row[l]);
                let diagonal = prev[k] + usize::from(a[i - 1] != b[j - 1]);
                let mut cell = (above + 1).min(left + 1).min(diagonal);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    cell = cell.min(before[k] + 1);
                }
                cell
            };
            row[k] = cell.min(far);
            row_min = row_min.min(row[k]);
        }
        if row_min > max && prev_min > max {
            return None;
        }
        prev_min = row_min;
        (before, prev, row) = (prev, row, before);
    }
    let d = prev[b.len() + max - a.len()];
    (d <= max).then_some(d)
}

/// Whether two different spellings of a name are one misspelled: same first letter, one edit
/// apart (two for words of eight letters or more), five letters or more.
fn misspelled(a: &str, b: &str) -> bool {
    // The cheap tests first: most pairs differ in first letter or in length (a word of fewer
    // than five bytes has fewer than five letters).
    if a.len().min(b.len()) < 5 || a == b || a.chars().next() != b.chars().next() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let len = la.min(lb);
    let max = if len >= 8 { 2 } else { 1 };
    // Two different words are at least one edit apart.
    len >= 5 && la.abs_diff(lb) <= max && edits_within(a, b, max).is_some()
}

/// How many names one name is compared with for a misspelling or a short form, so that an
/// article of thousands of names stays linear.
const MAX_VARIANT_CANDIDATES: usize = 32;

/// A hash of `words` with the word at `skip` left out.
fn hash_without(words: &[&str], skip: usize) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    words.len().hash(&mut hasher);
    for (i, w) in words.iter().enumerate() {
        if i != skip {
            w.hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// Three numbers in one that sorts as they would, by the first, then the second, then the
/// third: 32 bits, 64 and 32. One number to compare rather than three makes sorting quicker.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct ThreeKeys(u128);

impl ThreeKeys {
    /// The first and the third must fit in 32 bits.
    fn new(first: usize, second: u64, third: usize) -> Self {
        debug_assert!(first <= u32::MAX as usize && third <= u32::MAX as usize);
        ThreeKeys((first as u128) << 96 | u128::from(second) << 32 | third as u128)
    }

    fn first(self) -> usize {
        (self.0 >> 96) as usize
    }

    /// The first two together: equal where both are.
    fn first_two(self) -> u128 {
        self.0 >> 32
    }

    fn third(self) -> usize {
        (self.0 as u32) as usize
    }
}

/// A name with one word left out, for [`join_misspellings`]: the place of the word, a hash of
/// the others and the cluster, sorting in that order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct MaskedName(ThreeKeys);

impl MaskedName {
    /// Places and clusters fit in 32 bits: four billion names would not fit in memory.
    fn new(place: usize, hash: u64, id: usize) -> Self {
        MaskedName(ThreeKeys::new(place, hash, id))
    }

    /// The names alike but for the word at one place share this.
    fn bucket(self) -> u128 {
        self.0.first_two()
    }

    fn place(self) -> usize {
        self.0.first()
    }

    fn id(&self) -> usize {
        self.0.third()
    }
}

/// Whether two names have the same words but for the one at `skip`.
fn same_but(a: &[&str], b: &[&str], skip: usize) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .enumerate()
            .all(|(i, (x, y))| i == skip || x == y)
}

/// Reporters misspell names: "Bauchtman" for Lydia Buchtmann, "Kristen Wilkins" beside
/// "Kristin Wilkins", "Untied Nations". A lone word that joined nothing and is one slip from a
/// person's surname is that person; two names alike but for one slip in one word are one
/// entity, unless both are gazetteer names. So are two people alike but for a short form of
/// the first name ("Larry Lessig", "Lawrence Lessig").
#[inline(never)]
fn join_misspellings(clusters: &Clusters, by_edge: &NamesByEdge, parent: &mut [usize]) {
    // The people of two words or more by the first letter of their surname, in order.
    let mut surnames: Vec<(char, usize)> = Vec::new();
    // Each name once per word left out (that another may differ in), keyed by that place and a
    // hash of the other words; sorted, names alike but for one word stand together (checked
    // word by word below). Most names are passed over, so no room is reserved for all.
    let mut masked: Vec<MaskedName> = Vec::new();
    for &id in &clusters.longer {
        let (cl, words) = (&clusters.list[id], clusters.words(id));
        if kind_of(&cl.evidence) == EntityKind::Person
            && let Some(first) = words.last().and_then(|w| w.chars().next())
        {
            surnames.push((first, id));
        }
        // Names alike but for one word share their first word, or their last when the first
        // is the one that differs: where no other name starts or ends with that word, none is
        // alike, and the place is left out before hashing and sorting, as most are.
        let Some((first_list, last_list)) = by_edge.edges[id] else {
            continue;
        };
        // The first word may differ where the last is shared, any other where the first is:
        // each list is asked once, not once a word.
        let mut mask = |i| masked.push(MaskedName::new(i, hash_without(words, i), id));
        if by_edge.size(last_list) >= 2 {
            mask(0);
        }
        if by_edge.size(first_list) >= 2 {
            (1..words.len()).for_each(&mut mask);
        }
    }
    // Sorted by letter, each letter's in order (the pairs differ in cluster).
    surnames.sort_unstable();
    let join = |parent: &mut [usize], from: usize, into: usize| {
        let (a, b) = (find(parent, from), find(parent, into));
        if a != b {
            parent[a] = b;
        }
    };
    for &s in &clusters.short {
        let short = &clusters.list[s];
        let [word] = clusters.words(s)[..] else {
            continue;
        };
        // A word of fewer than five bytes has fewer than five letters: no misspelling.
        if word.len() < 5 || short.gazetteer || find(parent, s) != s {
            continue;
        }
        let Some(letter) = word.chars().next() else {
            continue;
        };
        let from = surnames.partition_point(|&(c, _)| c < letter);
        let bucket = surnames[from..]
            .iter()
            .take_while(|&&(c, _)| c == letter)
            .map(|&(_, l)| l);
        let target = bucket.take(MAX_VARIANT_CANDIDATES).find(|&l| {
            clusters
                .words(l)
                .last()
                .is_some_and(|w| misspelled(word, w))
        });
        // An acronym is no misspelled surname (asked last, as most words find none alike).
        if let Some(l) = target
            && !is_acronym(word)
        {
            join(parent, s, l);
        }
    }
    masked.sort_unstable();
    for bucket in masked.chunk_by(|a, b| a.bucket() == b.bucket()) {
        let i = bucket[0].place();
        let ids = &bucket[..bucket.len().min(MAX_VARIANT_CANDIDATES)];
        for (x, a) in ids.iter().map(MaskedName::id).enumerate() {
            for b in ids[x + 1..].iter().map(MaskedName::id) {
                let (ca, cb) = (&clusters.list[a], &clusters.list[b]);
                let (words_a, words_b) = (clusters.words(a), clusters.words(b));
                if !same_but(words_a, words_b, i) {
                    continue;
                }
                let (wa, wb) = (words_a[i], words_b[i]);
                // "Larry Lessig" and "Lawrence Lessig": a short form of the first name.
                let nickname = i == 0
                    && kind_of(&ca.evidence) == EntityKind::Person
                    && kind_of(&cb.evidence) == EntityKind::Person
                    && lexicon::same_given_name(wa, wb);
                if (ca.gazetteer && cb.gazetteer) || !(misspelled(wa, wb) || nickname) {
                    continue;
                }
                // The gazetteer's spelling, else the more frequent one, is the right one.
                let a_right = ca.gazetteer || (!cb.gazetteer && ca.mentions >= cb.mentions);
                if a_right {
                    join(parent, b, a);
                } else {
                    join(parent, a, b);
                }
            }
        }
    }
}

/// Builds the entities, most mentioned first (ties: first mentioned first).
#[inline(never)] // A stage of its own in profiles.
pub fn group(text: &str, tokens: &[Token], candidates: &[Candidate]) -> Vec<Entity> {
    let ClustersByName {
        mut clusters,
        cluster_of,
        by_key,
        plurals,
    } = clusters_by_name(text, tokens, candidates);
    let mut parent: Vec<usize> = (0..clusters.list.len()).collect();
    join_plurals(&by_key, &plurals, &mut parent);
    let by_edge = NamesByEdge::of(&clusters);
    join_short_names(&mut clusters, &by_edge, &mut parent);
    join_misspellings(&clusters, &by_edge, &mut parent);
    entities_of(text, &clusters, &mut parent, candidates, &cluster_of)
}

/// The name a mention is grouped by: its canonical gazetteer name, else its words without
/// possessives, as if joined by single spaces ("New People's Party" is "New People Party").
/// The words are compared one by one where the mention has them, not joined: a token's text
/// has no spaces, so two lists of words are equal exactly when their joined names are, and no
/// name is read from the text or spelled out into a string of its own first.
#[derive(Clone, Copy)]
struct NameKey<'k> {
    canonical: bool,
    /// The words before the last; none for a canonical name.
    leading: &'k [Token<'k>],
    /// The last word, or the canonical name.
    last: &'k str,
}

impl<'k> NameKey<'k> {
    /// The key of a mention with these words.
    fn of(mention: &Candidate, words: &'k [Token<'k>]) -> Self {
        match mention.canonical {
            Some(canonical) => NameKey {
                canonical: true,
                leading: &[],
                last: canonical,
            },
            None => NameKey::of_words(words),
        }
    }

    /// The key of a name that is its words.
    fn of_words(words: &'k [Token<'k>]) -> Self {
        let (last, leading) = words
            .split_last()
            .map_or(("", &[][..]), |(last, leading)| (last.text, leading));
        NameKey {
            canonical: false,
            leading,
            last,
        }
    }

    /// The same name without a plural "s": "Warhol Polaroid" for "Warhol Polaroids".
    fn singular(self) -> Option<Self> {
        let last = self.last.strip_suffix('s')?;
        Some(NameKey {
            canonical: false,
            last,
            ..self
        })
    }
}

impl PartialEq for NameKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        // The last words first: most names that differ differ there.
        self.last == other.last
            && self.canonical == other.canonical
            && self.leading.len() == other.leading.len()
            && self
                .leading
                .iter()
                .zip(other.leading)
                .all(|(a, b)| a.text == b.text)
    }
}

impl Eq for NameKey<'_> {}

impl Hash for NameKey<'_> {
    /// By the last word (see [`EdgeHashed`]) and the number of words only: the few names of an
    /// article alike in those are told apart by comparing them, and hashing every word cost
    /// more (cachegrind, CLI on c200: 318.9M against 318.0M instruction-equivalents).
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.leading.len() << 1 | usize::from(self.canonical));
        EdgeHashed(self.last).hash(state);
    }
}

/// A word as a key, hashed by its length, first and last byte ([`length_and_edge_bytes`]), one
/// number of fixed size, rather than byte by byte: hashing the bytes branches on their count,
/// and the few words of an article alike in the three are told apart by comparing them
/// (cachegrind, CLI on c200, for [`NameKey`] and [`NamesByEdge`]'s words: 8k fewer mispredicted
/// branches, 271.4M -> 270.7M instruction-equivalents).
#[derive(Clone, Copy, PartialEq, Eq)]
struct EdgeHashed<'w>(&'w str);

impl Hash for EdgeHashed<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u32(length_and_edge_bytes(self.0.as_bytes()));
    }
}

/// The clusters of one name each, and how to find them.
struct ClustersByName<'a, 'k> {
    clusters: Clusters<'a>,
    /// The cluster of each mention, in 32 bits as [`Cluster`]'s numbers are.
    cluster_of: Vec<u32>,
    /// The cluster of each name.
    by_key: HashMap<NameKey<'k>, usize>,
    /// The names that may be plurals (not canonical, ending in "s"), with their clusters: the
    /// few that [`join_plurals`] reads, rather than all names of `by_key` (cachegrind, CLI on
    /// c200: `group` 0.41M instruction-equivalents fewer, 3.3k fewer mispredicted branches).
    plurals: Vec<(NameKey<'k>, usize)>,
}

/// One cluster per name, by its key.
fn clusters_by_name<'a: 'k, 'k>(
    text: &str,
    tokens: &'k [Token<'a>],
    candidates: &[Candidate],
) -> ClustersByName<'a, 'k> {
    let bytes = text.as_bytes();
    let mut clusters = Clusters {
        list: Vec::with_capacity(candidates.len()),
        words: Vec::with_capacity(2 * candidates.len()),
        short: Vec::new(),
        longer: Vec::new(),
    };
    let mut cluster_of = Vec::with_capacity(candidates.len());
    let mut by_key: HashMap<NameKey, usize> =
        HashMap::with_capacity_and_hasher(candidates.len(), Default::default());
    let mut plurals = Vec::new();
    for c in candidates {
        let mention = &tokens[c.first()..=c.last()];
        let key = NameKey::of(c, mention);
        let id = *by_key.entry(key).or_insert_with(|| {
            let id = clusters.list.len();
            clusters.list.push(Cluster {
                words: 0..0,
                mentions: 0,
                evidence: [0; 5],
                gazetteer: key.canonical,
            });
            if !key.canonical && key.last.ends_with('s') {
                plurals.push((key, id));
            }
            id
        });
        cluster_of.push(id as u32);
        let cl = &mut clusters.list[id];
        cl.mentions += 1;
        merge_evidence(&mut cl.evidence, &c.evidence);
        // The mention's capitalised words replace the cluster's if more. A mention of no more
        // words than those has no more capitalised: most mentions again of a name stop here.
        if mention.len() > cl.word_count() {
            // (Fewer words than tokens: see [`Cluster`].)
            let start = clusters.words.len() as u32;
            let capitalized = mention.iter().filter(|t| t.capitalized);
            clusters.words.extend(
                capitalized.map(|t| site_name(t.text, swar::eight_before(bytes, t.span().end))),
            );
            let end = clusters.words.len() as u32;
            if (end - start) as usize > cl.word_count() {
                cl.words = start..end;
            } else {
                clusters.words.truncate(start as usize);
            }
        }
    }
    clusters.part_by_length();
    ClustersByName {
        clusters,
        cluster_of,
        by_key,
        plurals,
    }
}

/// A plural is the same name: "Warhol Polaroids" and "Warhol Polaroid". `plurals` are the
/// names that may be one, with their clusters.
fn join_plurals(
    by_key: &HashMap<NameKey, usize>,
    plurals: &[(NameKey, usize)],
    parent: &mut [usize],
) {
    // The order of the names makes no difference: each plural joins its singular, so whatever
    // the order, the groups are the same and their roots the names without a singular.
    for &(plural, id) in plurals {
        if let Some(&singular) = plural.singular().and_then(|k| by_key.get(&k)) {
            let (a, b) = (find(parent, id), find(parent, singular));
            if a != b {
                parent[a] = b;
            }
        }
    }
}

/// Shorter names join a longer one that starts or ends with them, and an acronym the name it
/// abbreviates.
fn join_short_names(clusters: &mut Clusters, by_edge: &NamesByEdge, parent: &mut [usize]) {
    // Made when the first acronym asks, as some articles have none to look up.
    let mut by_initials: Option<HashMap<u64, usize>> = None;
    let word_counts: Vec<usize> = clusters.list.iter().map(Cluster::word_count).collect();
    // One bucket for each word count up to the largest.
    let buckets = word_counts.iter().max().map_or(0, |&n| n + 1);
    let (order, _) = sort_by_small_key(&word_counts, buckets);
    for &s in &order {
        let short = &clusters.list[s];
        let short_words = clusters.words(s);
        if short_words.is_empty() {
            continue;
        }
        let short_acronym = short_words.len() == 1 && is_acronym(short_words[0]);
        // A name of one word that no longer name starts or ends with can only be an acronym
        // to look up: most are neither, and are left before the gazetteer is asked.
        if by_edge.edges[s].is_none() && !short_acronym {
            continue;
        }
        // A gazetteer name stays itself ("Mexico" never joins "New Mexico"), unless it is also
        // a personal name and a person in the article bears it ("Paris" in "Valeska Paris").
        let personal = short.gazetteer
            && short_words.len() == 1
            && (GAZETTEER.is_given_name(short_words[0]) || GAZETTEER.is_surname(short_words[0]));
        if short.gazetteer && !personal && !short_acronym {
            continue;
        }
        let short_kind = kind_of(&short.evidence);
        let short_sure = short.evidence.iter().max().copied().unwrap_or(0) >= 3;
        let n = short_words.len();
        let mut best: Option<usize> = None;
        let (first_list, last_list) = by_edge.edges[s].unzip();
        // A one-word name's first word is its last: its list is read once.
        let by_last = if n > 1 {
            by_edge.clusters(last_list)
        } else {
            &[]
        };
        let candidates = by_edge
            .clusters(first_list)
            .iter()
            .chain(by_last)
            .copied()
            .take(64);
        for l in candidates {
            let long = &clusters.list[l];
            let long_words = clusters.words(l);
            if l == s || long_words.len() <= n {
                continue;
            }
            let edge = long_words[..n] == short_words[..]
                || long_words[long_words.len() - n..] == short_words[..];
            let long_kind = kind_of(&long.evidence);
            let compatible = if short.gazetteer {
                personal && long_kind == EntityKind::Person
            } else {
                !short_sure || short_kind == long_kind
            };
            // A lone first word joins only a person ("Claudia") or an institution named by its
            // head ("the Church" of Scientology), never "Claudia Street".
            let first_only = n == 1
                && long_words[0] == short_words[0]
                && long_words[long_words.len() - 1] != short_words[0]
                && !short_acronym
                && !(long_kind == EntityKind::Person
                    || long_kind == EntityKind::Place
                    || (long_kind == EntityKind::Organization
                        && lexicon::is_org_head(short_words[0])));
            if edge && compatible && !first_only {
                let better =
                    best.is_none_or(|b| clusters.list[l].mentions > clusters.list[b].mentions);
                if better {
                    best = Some(l);
                }
            }
        }
        // An acronym joins the name whose initials it spells: "NASA", "U.N.".
        if best.is_none() && short_acronym {
            let by_initials = by_initials.get_or_insert_with(|| names_by_initials(clusters));
            best = name_of_acronym(clusters, by_initials, short_words[0]).filter(|&l| l != s);
        }
        if let Some(l) = best {
            // A town that turned out to be a person's name ("Whitman" of Walt Whitman) brings
            // no place evidence into the person.
            if clusters.list[s].gazetteer && !short_acronym {
                clusters.list[s].evidence = [0; 5];
            }
            let root = find(parent, l);
            let sroot = find(parent, s);
            if root != sroot {
                parent[sroot] = root;
            }
        }
    }
}

/// The longer names (two words or more) by their first and by their last word, each word's in
/// the order of the clusters: one list a word, all in one vector sorted by word rather than a
/// vector a word. Every cluster knows the lists of its own first and last word, so a short
/// name's are not looked up.
struct NamesByEdge {
    /// The lists of each cluster's first and last word; none for a cluster without words, or
    /// of one word that no longer name starts or ends with.
    edges: Vec<Option<(usize, usize)>>,
    /// The clusters of every list, list after list.
    clusters: Vec<usize>,
    /// Where each list starts in `clusters`, and after the last, where it ends.
    starts: Vec<usize>,
}

impl NamesByEdge {
    fn of(clusters: &Clusters) -> Self {
        // Only the longer names make lists, two at most each: room for those, not for two a
        // cluster, makes a smaller table that misses the cache less (inside `group` over c200,
        // 3.6k fewer L1 misses of 184k).
        let entries = 2 * clusters.longer.len();
        let mut by_word: HashMap<EdgeHashed, usize> =
            HashMap::with_capacity_and_hasher(entries, Default::default());
        let mut list_of = |word| {
            let next = by_word.len();
            *by_word.entry(EdgeHashed(word)).or_insert(next)
        };
        let mut edges = vec![None; clusters.list.len()];
        // Each longer name once in the list of its first word and once in that of its last (a
        // name that ends with its first word once in all), in the order of the clusters.
        let mut entry_lists = Vec::with_capacity(entries);
        let mut entry_clusters = Vec::with_capacity(entries);
        for &id in &clusters.longer {
            if let [first, .., last] = *clusters.words(id) {
                let (first_list, last_list) = (list_of(first), list_of(last));
                edges[id] = Some((first_list, last_list));
                entry_lists.push(first_list);
                entry_clusters.push(id);
                if first != last {
                    entry_lists.push(last_list);
                    entry_clusters.push(id);
                }
            }
        }
        // A one-word name has a list only if a longer name starts or ends with its word: it is
        // looked up, not added.
        for &id in &clusters.short {
            if let [word] = *clusters.words(id)
                && let Some(&list) = by_word.get(&EdgeHashed(word))
            {
                edges[id] = Some((list, list));
            }
        }
        // Sorted by list, stably: each list's clusters stay in order.
        let (order, starts) = sort_by_small_key(&entry_lists, by_word.len());
        NamesByEdge {
            edges,
            clusters: order.iter().map(|&entry| entry_clusters[entry]).collect(),
            starts,
        }
    }

    /// The clusters of a list, in order; none without a list.
    fn clusters(&self, list: Option<usize>) -> &[usize] {
        list.map_or(&[], |l| &self.clusters[self.starts[l]..self.starts[l + 1]])
    }

    /// How many clusters a list has.
    fn size(&self, list: usize) -> usize {
        self.starts[list + 1] - self.starts[list]
    }
}

/// The first name of two words or more with each hash of initials, so acronyms are looked
/// up, not searched.
fn names_by_initials(clusters: &Clusters) -> HashMap<u64, usize> {
    // Room for the longer names only, the ones it holds: a smaller table (inside `group` over
    // c200, estimate 36.12M -> 35.76M).
    let mut by_initials: HashMap<u64, usize> =
        HashMap::with_capacity_and_hasher(clusters.longer.len(), Default::default());
    for &id in &clusters.longer {
        let words = clusters.words(id);
        by_initials
            .entry(letters_hash(initials(words)))
            .or_insert(id);
    }
    by_initials
}

/// The indices of `keys` in the order of their keys (ties: in the order of the indices), and
/// where each key below `buckets` has its indices start: a counting sort, as the keys are small
/// numbers. Callers know a bound, so the keys are not searched for the largest (inside `group`
/// over c200, 11k fewer mispredicted branches of 275k, estimate 35.76M -> 35.21M).
fn sort_by_small_key(keys: &[usize], buckets: usize) -> (Vec<usize>, Vec<usize>) {
    let mut starts = vec![0; buckets + 1];
    for &k in keys {
        starts[k + 1] += 1;
    }
    for k in 0..buckets {
        starts[k + 1] += starts[k];
    }
    // Each key's start serves as where its next index goes, and ends as the next key's start:
    // shifted by one, the starts are whole again, with no copy of them to move instead.
    let mut order = vec![0; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        order[starts[k]] = i;
        starts[k] += 1;
    }
    starts.rotate_right(1);
    starts[0] = 0;
    (order, starts)
}

/// The entities the joined clusters make, most mentioned first (ties: first mentioned first).
fn entities_of(
    text: &str,
    clusters: &Clusters,
    parent: &mut [usize],
    candidates: &[Candidate],
    cluster_of: &[u32],
) -> Vec<Entity> {
    let root: Vec<usize> = (0..clusters.list.len())
        .map(|id| find(parent, id))
        .collect();
    // The evidence of each group, at its root cluster.
    let mut evidence: Vec<Evidence> = vec![[0; 5]; clusters.list.len()];
    for (id, cluster) in clusters.list.iter().enumerate() {
        merge_evidence(&mut evidence[root[id]], &cluster.evidence);
    }
    // The mentions group by group, the groups in the order of their root cluster (none for a
    // cluster that is no root), each group's in the order of the article.
    let group_of: Vec<usize> = cluster_of.iter().map(|&c| root[c as usize]).collect();
    let (mut order, starts) = sort_by_small_key(&group_of, clusters.list.len());
    // Each group's mentions in text order, and the rank of the entity it names: the entities
    // are ranked before they are made, so each is made once, in its place in the list, rather
    // than made in the order of the groups and moved into the order of their ranks.
    let mut ranks: Vec<Rank> = Vec::with_capacity(clusters.list.len());
    for (g, range) in starts.windows(2).enumerate() {
        let ms = &mut order[range[0]..range[1]];
        if ms.is_empty() {
            continue;
        }
        // In text order; mentions at one place in the order of their clusters, then of the
        // article, which decides which of two mentions of one span is kept.
        ms.sort_by_key(|&m| (candidates[m].span().start, cluster_of[m]));
        if names_an_entity(candidates, ms, &evidence[g]) {
            let first = candidates[ms[0]].span().start;
            ranks.push(Rank::new(count_spans(candidates, ms), first, g));
        }
    }
    ranks.sort_unstable();
    ranks
        .iter()
        .map(|rank| {
            let g = rank.group();
            entity_of(
                text,
                candidates,
                &order[starts[g]..starts[g + 1]],
                &evidence[g],
            )
        })
        .collect()
}

/// Whether a group of mentions names an entity: not when its words only looked like names
/// ("PhD", "Hellenic polytheism") and joined no entity named otherwise.
fn names_an_entity(candidates: &[Candidate], ms: &[usize], evidence: &Evidence) -> bool {
    *evidence != [0; 5] || ms.iter().any(|&m| !candidates[m].not_a_name)
}

/// How many spans mentions in text order have: a span mentioned twice in a row (two mentions
/// of one span) counts once, as in [`entity_of`].
fn count_spans(candidates: &[Candidate], ms: &[usize]) -> usize {
    let spans = ms.iter().map(|&m| candidates[m].span());
    1 + spans
        .clone()
        .zip(spans.skip(1))
        .filter(|(a, b)| a != b)
        .count()
}

/// The words of the mention of the most chars (ties: the last). Most entities have one mention:
/// chars are counted only to compare two, and none of a mention of fewer bytes than the longest
/// has chars, as a char takes a byte or more.
fn longest_mention<'t>(text: &'t str, mentions: &[Mention]) -> &'t str {
    let mut spans = mentions.iter().map(|m| m.span.of(text));
    let Some(mut longest) = spans.next() else {
        return "";
    };
    let mut longest_chars = None;
    for words in spans {
        // The same name again, as most mentions after the first are: no longer, and the same.
        if words == longest {
            continue;
        }
        let least = *longest_chars.get_or_insert_with(|| longest.chars().count());
        if words.len() >= least {
            let chars = words.chars().count();
            if chars >= least {
                (longest, longest_chars) = (words, Some(chars));
            }
        }
    }
    longest
}

/// Where an entity goes in the list: most mentioned first, then first mentioned first, then
/// in the order of the groups of mentions (of their root clusters).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank(ThreeKeys);

impl Rank {
    /// Mention counts and groups fit in 32 bits, as [`MaskedName`]'s places and clusters do:
    /// an article is at most 256 MiB (`load::MAX_ARTICLE_BYTES`), so it has far fewer than
    /// 2^32 words, mentions or names.
    fn new(mentions: usize, first: usize, group: usize) -> Self {
        let fewer = u32::MAX as usize - mentions;
        Rank(ThreeKeys::new(fewer, first as u64, group))
    }

    fn group(self) -> usize {
        self.0.third()
    }
}

/// The entity of one group of mentions, in text order, that [`names_an_entity`].
fn entity_of(text: &str, candidates: &[Candidate], ms: &[usize], evidence: &Evidence) -> Entity {
    let mut mentions: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut agents = 0;
    let mut one_word_each = true;
    for c in ms.iter().map(|&m| &candidates[m]) {
        // A span mentioned twice in a row (two mentions of one span) counts once.
        if mentions.last().is_some_and(|last| last.span == c.span()) {
            continue;
        }
        mentions.push(Mention {
            span: c.span(),
            block: c.block(),
        });
        agents += usize::from(c.agent);
        one_word_each &= c.first() == c.last();
    }
    let longest = longest_mention(text, &mentions);
    // A mention of one word lies within one token, and a token has no whitespace: its words are
    // on one line already, and copied without one_line's test of them, as most names are
    // (cachegrind, CLI on c200: one_line 2.21M -> 1.27M instruction-equivalents).
    let name = if one_word_each {
        longest.to_string()
    } else {
        one_line(longest)
    };
    let mut kind = kind_of(evidence);
    // A place that acts twice and in a third of its mentions or more (or in its only one) is
    // its government or its team, as "North Korea fired", "Belgium defeated Panama": an
    // organisation.
    if kind == EntityKind::Place
        && agents * 3 >= mentions.len()
        && (agents >= 2 || (agents == 1 && mentions.len() == 1))
    {
        kind = EntityKind::Organization;
    }
    // An acronym the article keeps using, with nothing else to say what it is, is most often
    // an organisation ("the DAB", "ANDRILL"); one used once may be "DNA".
    if kind == EntityKind::Other
        && mentions.len() >= 2
        && is_acronym(&name)
        && !lexicon::is_common_acronym(&name)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
    {
        kind = EntityKind::Organization;
    }
    Entity {
        name,
        kind,
        mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_entities;
    use super::super::tokens::tokenize;
    use super::{
        Cluster, Clusters, HashMap, NameKey, Range, ThreeKeys, acronym_letters, edits_within,
        letters_hash, name_of_acronym, names_by_initials, site_name, sort_by_small_key, swar,
        without_domain,
    };
    use crate::load::parse_article;
    use proptest::prelude::*;
    use std::hash::BuildHasher;

    /// Every cell of the table computed: what the banded [`edits_within`] must agree with.
    fn full_table_edits(a: &str, b: &str, max: usize) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        let distance = d[a.len()][b.len()];
        (distance <= max).then_some(distance)
    }

    /// `word` after a few edits: (0 insert, 1 delete, 2 substitute, 3 swap, where, letter).
    fn edited(word: &str, edits: &[(u8, prop::sample::Index, char)]) -> String {
        let mut chars: Vec<char> = word.chars().collect();
        for (op, at, c) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 => chars.insert(i, *c),
                1 if i < chars.len() => drop(chars.remove(i)),
                2 if i < chars.len() => chars[i] = *c,
                3 if i + 1 < chars.len() => chars.swap(i, i + 1),
                _ => {}
            }
        }
        chars.into_iter().collect()
    }

    /// Numbers of 32 bits, often equal (small or the largest), so that ties are tried too.
    fn small_or_any_u32() -> impl Strategy<Value = usize> {
        let max = u32::MAX as usize;
        prop_oneof![0..3usize, Just(max), 0..=max]
    }

    fn small_or_any_u64() -> impl Strategy<Value = u64> {
        prop_oneof![0..3u64, Just(u64::MAX), any::<u64>()]
    }

    proptest! {
        #[test]
        fn banded_edits_agree_with_the_full_table(
            a in "[abcé]{0,12}",
            b in "[abcé]{0,12}",
            max in 0usize..6,
        ) {
            prop_assert_eq!(edits_within(&a, &b, max), full_table_edits(&a, &b, max));
        }

        #[test]
        fn edits_of_ascii_words_agree_with_the_full_table(
            a in "[a-hA!]{0,12}",
            b in "[a-hA!]{0,12}",
            max in 0usize..4,
        ) {
            prop_assert_eq!(edits_within(&a, &b, max), full_table_edits(&a, &b, max));
        }

        #[test]
        fn banded_edits_of_near_words_agree_with_the_full_table(
            a in "[abcdé]{0,45}",
            edits in prop::collection::vec((0u8..4, any::<prop::sample::Index>(), "[abcdé]"), 0..4),
            max in 0usize..4,
        ) {
            let edits: Vec<_> = edits
                .into_iter()
                .map(|(op, at, c)| (op, at, c.chars().next().unwrap_or('a')))
                .collect();
            let b = edited(&a, &edits);
            prop_assert_eq!(edits_within(&a, &b, max), full_table_edits(&a, &b, max));
        }

        #[test]
        fn sorting_by_small_keys_is_a_stable_sort(
            keys in prop::collection::vec(0usize..8, 0..40),
            extra in 0usize..3,
        ) {
            let buckets = keys.iter().max().map_or(0, |&k| k + 1) + extra;
            let (order, starts) = sort_by_small_key(&keys, buckets);
            let mut sorted: Vec<usize> = (0..keys.len()).collect();
            sorted.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(order, sorted);
            let expected: Vec<usize> = (0..=buckets)
                .map(|k| keys.iter().filter(|&&key| key < k).count())
                .collect();
            prop_assert_eq!(starts, expected);
        }

        #[test]
        fn name_keys_are_equal_where_the_words_joined_by_single_spaces_are(
            a in prop::collection::vec(("[AB]a?", any::<bool>(), " |  |\n"), 1..3),
            b in prop::collection::vec(("[AB]a?", any::<bool>(), " |  |\n"), 1..3),
        ) {
            // Each word with or without a possessive, and what parts it from the next.
            let written = |name: &[(String, bool, String)]| -> String {
                name.iter()
                    .map(|(word, possessive, gap)| {
                        format!("{word}{}{gap}", if *possessive { "'s" } else { "" })
                    })
                    .collect()
            };
            let joined = |name: &[(String, bool, String)]| -> String {
                let words: Vec<&str> = name.iter().map(|(word, _, _)| word.as_str()).collect();
                words.join(" ")
            };
            let text = format!("{}and {}", written(&a), written(&b));
            let article = parse_article("t.txt", text);
            let tokens = tokenize(&article);
            let (of_a, of_b) = (&tokens[..a.len()], &tokens[a.len() + 1..]);
            prop_assert_eq!(of_b.len(), b.len());
            let (key_a, key_b) = (NameKey::of_words(of_a), NameKey::of_words(of_b));
            prop_assert_eq!(key_a == key_b, joined(&a) == joined(&b));
            if key_a == key_b {
                let hash = |key: &NameKey| rustc_hash::FxBuildHasher.hash_one(key);
                prop_assert_eq!(hash(&key_a), hash(&key_b));
            }
        }

        #[test]
        fn site_names_are_the_words_without_their_domain(
            before in "[a. ]{0,9}",
            word in "[A-Ca-c.]{0,9}",
        ) {
            let text = format!("{before}{word}");
            let last_eight = swar::eight_before(text.as_bytes(), text.len());
            prop_assert_eq!(site_name(&word, last_eight), without_domain(&word));
        }

        #[test]
        fn three_keys_sort_and_part_as_their_numbers(
            a in (small_or_any_u32(), small_or_any_u64(), small_or_any_u32()),
            b in (small_or_any_u32(), small_or_any_u64(), small_or_any_u32()),
        ) {
            let (keys_a, keys_b) = (ThreeKeys::new(a.0, a.1, a.2), ThreeKeys::new(b.0, b.1, b.2));
            prop_assert_eq!(keys_a.cmp(&keys_b), a.cmp(&b));
            prop_assert_eq!((keys_a.first(), keys_a.third()), (a.0, a.2));
            prop_assert_eq!(keys_a.first_two() == keys_b.first_two(), (a.0, a.1) == (b.0, b.1));
        }
    }

    #[test]
    fn names_apart_only_in_white_space_group_together() {
        let article = parse_article(
            "t.txt",
            "Claudia Sheinbaum spoke.\n\nClaudia  Sheinbaum left. Claudia\nSheinbaum won."
                .to_string(),
        );
        let found = find_entities(&article);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].name, "Claudia Sheinbaum");
        assert_eq!(found[0].mentions.len(), 3);
    }

    #[test]
    fn acronyms_find_the_first_name_they_spell_even_when_hashes_meet() {
        let cluster = |words: Range<u32>| Cluster {
            words,
            mentions: 1,
            evidence: [0; 5],
            gazetteer: false,
        };
        let mut clusters = Clusters {
            list: vec![cluster(0..3), cluster(3..7), cluster(7..11)],
            words: vec![
                "Federal",
                "Bureau",
                "Investigation",
                "National",
                "Aeronautics",
                "Space",
                "Administration",
                "North",
                "American",
                "Soccer",
                "Association",
            ],
            short: Vec::new(),
            longer: Vec::new(),
        };
        clusters.part_by_length();
        let by_initials = names_by_initials(&clusters);
        assert_eq!(name_of_acronym(&clusters, &by_initials, "NASA"), Some(1));
        assert_eq!(name_of_acronym(&clusters, &by_initials, "F.B.I."), Some(0));
        assert_eq!(name_of_acronym(&clusters, &by_initials, "CIA"), None);
        // A hash that led elsewhere: the names are read one by one.
        let mut misled = HashMap::default();
        misled.insert(letters_hash(acronym_letters("NASA")), 0);
        assert_eq!(name_of_acronym(&clusters, &misled, "NASA"), Some(1));
    }

    #[test]
    fn edits_count_insertions_deletions_substitutions_and_swaps() {
        assert_eq!(edits_within("Bauchtman", "Buchtmann", 2), Some(2));
        assert_eq!(edits_within("Untied", "United", 1), Some(1));
        assert_eq!(edits_within("Kristen", "Kristin", 1), Some(1));
        assert_eq!(edits_within("Lessig", "Lessig", 1), Some(0));
        assert_eq!(edits_within("Abc", "Abcdef", 2), None);
        assert_eq!(edits_within("Müller", "Muller", 1), Some(1));
    }

    #[test]
    fn words_longer_than_the_stack_rows_are_measured_too() {
        let long = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
        let slip = long.replace("drobwll", "drobwl");
        assert_eq!(edits_within(long, &slip, 2), Some(1));
        assert_eq!(edits_within(long, long, 1), Some(0));
    }
}
