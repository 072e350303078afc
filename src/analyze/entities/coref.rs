//! Groups mentions into entities within one article: same canonical gazetteer name or same
//! words; then a shorter name joins the longer one it begins or ends ("Sheinbaum" into
//! "Claudia Sheinbaum"), and an acronym joins the name it abbreviates ("FBI").

use super::classify::Candidate;
use super::evidence::{Evidence, kind_of};
use super::gazetteer::GAZETTEER;
use super::lexicon;
use super::tokens::Token;
use crate::analyze::{Entity, EntityKind, Mention};
use crate::sanitize::one_line;
use rustc_hash::FxHashMap as HashMap;

struct Cluster<'a> {
    /// The capitalised words of its longest mention.
    words: Vec<&'a str>,
    mentions: Vec<usize>,
    evidence: Evidence,
    gazetteer: bool,
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
fn site_name(word: &str) -> &str {
    match word.rsplit_once('.') {
        Some((name, tld))
            if !name.is_empty()
                && !name.contains('.')
                && (2..=4).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            name
        }
        _ => word,
    }
}

/// "NASA", "U.N.", "M5S": two or more capitals, with periods or digits between.
fn is_acronym(word: &str) -> bool {
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

fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Edits (insert, delete, substitute, swap two neighbours) between two words, or `None` when
/// more than `max`.
fn edits_within(a: &str, b: &str, max: usize) -> Option<usize> {
    // Names are short: their characters and the three rows fit on the stack.
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
        let mut rows = vec![0; 3 * (b.len() + 1)];
        return alignment_within(&a, &b, max, &mut rows);
    }
    let mut rows = [0; 3 * (LONGEST + 1)];
    alignment_within(&a_chars[..la], &b_chars[..lb], max, &mut rows)
}

/// Optimal string alignment distance between `a` and `b`, or `None` when more than `max`;
/// `rows` holds three rows of `b.len() + 1` cells.
fn alignment_within(a: &[char], b: &[char], max: usize, rows: &mut [usize]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let (before, rest) = rows.split_at_mut(width);
    let (prev, rest) = rest.split_at_mut(width);
    let row = &mut rest[..width];
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before.copy_from_slice(prev);
        prev.copy_from_slice(row);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// Whether two different spellings of a name are one misspelled: same first letter, one edit
/// apart (two for words of eight letters or more), five letters or more.
fn misspelled(a: &str, b: &str) -> bool {
    let len = a.chars().count().min(b.chars().count());
    let max = if len >= 8 { 2 } else { 1 };
    a != b
        && len >= 5
        && a.chars().next() == b.chars().next()
        && edits_within(a, b, max).is_some_and(|d| d > 0)
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
fn join_misspellings(clusters: &[Cluster], parent: &mut [usize]) {
    let mut surnames: HashMap<char, Vec<usize>> = HashMap::default();
    // Each name once per word left out, keyed by that place and a hash of the other words;
    // sorted, names alike but for one word stand together (checked word by word below).
    let mut masked: Vec<((usize, u64), usize)> = Vec::new();
    for (id, cl) in clusters.iter().enumerate() {
        if cl.words.len() < 2 {
            continue;
        }
        if kind_of(&cl.evidence) == EntityKind::Person
            && let Some(first) = cl.words.last().and_then(|w| w.chars().next())
        {
            surnames.entry(first).or_default().push(id);
        }
        for i in 0..cl.words.len() {
            masked.push(((i, hash_without(&cl.words, i)), id));
        }
    }
    let join = |parent: &mut [usize], from: usize, into: usize| {
        let (a, b) = (find(parent, from), find(parent, into));
        if a != b {
            parent[a] = b;
        }
    };
    for (s, short) in clusters.iter().enumerate() {
        let [word] = short.words[..] else {
            continue;
        };
        if short.gazetteer || is_acronym(word) || find(parent, s) != s {
            continue;
        }
        let bucket = word.chars().next().and_then(|c| surnames.get(&c));
        let target = bucket
            .into_iter()
            .flatten()
            .take(MAX_VARIANT_CANDIDATES)
            .find(|&&l| {
                clusters[l]
                    .words
                    .last()
                    .is_some_and(|w| misspelled(word, w))
            });
        if let Some(&l) = target {
            join(parent, s, l);
        }
    }
    masked.sort_unstable();
    for bucket in masked.chunk_by(|a, b| a.0 == b.0) {
        let (i, _) = &bucket[0].0;
        let ids = &bucket[..bucket.len().min(MAX_VARIANT_CANDIDATES)];
        for (x, &(_, a)) in ids.iter().enumerate() {
            for &(_, b) in &ids[x + 1..] {
                let (ca, cb) = (&clusters[a], &clusters[b]);
                if !same_but(&ca.words, &cb.words, *i) {
                    continue;
                }
                let (wa, wb) = (ca.words[*i], cb.words[*i]);
                // "Larry Lessig" and "Lawrence Lessig": a short form of the first name.
                let nickname = *i == 0
                    && kind_of(&ca.evidence) == EntityKind::Person
                    && kind_of(&cb.evidence) == EntityKind::Person
                    && lexicon::same_given_name(wa, wb);
                if (ca.gazetteer && cb.gazetteer) || !(misspelled(wa, wb) || nickname) {
                    continue;
                }
                // The gazetteer's spelling, else the more frequent one, is the right one.
                let a_right =
                    ca.gazetteer || (!cb.gazetteer && ca.mentions.len() >= cb.mentions.len());
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
    let (mut clusters, by_key) = clusters_by_name(tokens, candidates);
    let mut parent: Vec<usize> = (0..clusters.len()).collect();
    join_plurals(&by_key, &mut parent);
    join_short_names(&mut clusters, &mut parent);
    join_misspellings(&clusters, &mut parent);
    entities_of(text, &clusters, &mut parent, candidates)
}

/// One cluster per name, by its gazetteer name or its words, with the key of each.
fn clusters_by_name<'a>(
    tokens: &[Token<'a>],
    candidates: &[Candidate],
) -> (Vec<Cluster<'a>>, HashMap<String, usize>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    // One buffer for every key: a name mentioned again is found without a new string.
    let mut key = String::new();
    for (m, c) in candidates.iter().enumerate() {
        let words = tokens[c.first..=c.last].iter().filter(|t| t.capitalized);
        key.clear();
        match c.canonical {
            Some(canonical) => {
                key.push('\u{1}');
                key.push_str(canonical);
            }
            // Words without possessives: "New People's Party" is "New People Party".
            None => {
                for (i, t) in tokens[c.first..=c.last].iter().enumerate() {
                    if i > 0 {
                        key.push(' ');
                    }
                    key.push_str(t.text);
                }
            }
        }
        let id = match by_key.get(key.as_str()) {
            Some(&id) => id,
            None => {
                clusters.push(Cluster {
                    words: Vec::new(),
                    mentions: Vec::new(),
                    evidence: [0; 5],
                    gazetteer: c.canonical.is_some(),
                });
                by_key.insert(key.clone(), clusters.len() - 1);
                clusters.len() - 1
            }
        };
        let cl = &mut clusters[id];
        cl.mentions.push(m);
        merge_evidence(&mut cl.evidence, &c.evidence);
        if words.clone().count() > cl.words.len() {
            cl.words = words.map(|t| site_name(t.text)).collect();
        }
    }
    (clusters, by_key)
}

/// A plural is the same name: "Warhol Polaroids" and "Warhol Polaroid".
fn join_plurals(by_key: &HashMap<String, usize>, parent: &mut [usize]) {
    for (key, &id) in by_key {
        if let Some(&singular) = key.strip_suffix('s').and_then(|k| by_key.get(k))
            && !key.starts_with('\u{1}')
        {
            let (a, b) = (find(parent, id), find(parent, singular));
            if a != b {
                parent[a] = b;
            }
        }
    }
}

/// Shorter names join a longer one that starts or ends with them, and an acronym the name it
/// abbreviates.
fn join_short_names(clusters: &mut [Cluster], parent: &mut [usize]) {
    let mut by_edge: HashMap<&str, Vec<usize>> = HashMap::default();
    for (id, cl) in clusters.iter().enumerate() {
        if cl.words.len() > 1 {
            if let Some(first) = cl.words.first() {
                by_edge.entry(first).or_default().push(id);
            }
            if let Some(last) = cl.words.last()
                && cl.words.first() != Some(last)
            {
                by_edge.entry(last).or_default().push(id);
            }
        }
    }
    // Initials of every longer name, first one wins, so acronyms are looked up, not searched.
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    for (id, cl) in clusters.iter().enumerate() {
        if cl.words.len() >= 2 {
            by_initials.entry(initials(&cl.words)).or_insert(id);
        }
    }
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&i| clusters[i].words.len());
    for &s in &order {
        let short = &clusters[s];
        if short.words.is_empty() {
            continue;
        }
        // A gazetteer name stays itself ("Mexico" never joins "New Mexico"), unless it is also
        // a personal name and a person in the article bears it ("Paris" in "Valeska Paris").
        let personal = short.gazetteer
            && short.words.len() == 1
            && (GAZETTEER.is_given_name(short.words[0]) || GAZETTEER.is_surname(short.words[0]));
        let short_acronym = short.words.len() == 1 && is_acronym(short.words[0]);
        if short.gazetteer && !personal && !short_acronym {
            continue;
        }
        let short_kind = kind_of(&short.evidence);
        let short_sure = short.evidence.iter().max().copied().unwrap_or(0) >= 3;
        let n = short.words.len();
        let mut best: Option<usize> = None;
        let candidates = short
            .words
            .first()
            .and_then(|w| by_edge.get(w))
            .into_iter()
            .chain(short.words.last().and_then(|w| by_edge.get(w)))
            .flatten()
            .take(64);
        for &l in candidates {
            let long = &clusters[l];
            if l == s || long.words.len() <= n {
                continue;
            }
            let edge = long.words[..n] == short.words[..]
                || long.words[long.words.len() - n..] == short.words[..];
            let long_kind = kind_of(&long.evidence);
            let compatible = if short.gazetteer {
                personal && long_kind == EntityKind::Person
            } else {
                !short_sure || short_kind == long_kind
            };
            // A lone first word joins only a person ("Claudia") or an institution named by its
            // head ("the Church" of Scientology), never "Claudia Street".
            let first_only = n == 1
                && long.words[0] == short.words[0]
                && long.words[long.words.len() - 1] != short.words[0]
                && !short_acronym
                && !(long_kind == EntityKind::Person
                    || long_kind == EntityKind::Place
                    || (long_kind == EntityKind::Organization
                        && lexicon::is_org_head(short.words[0])));
            if edge && compatible && !first_only {
                let better =
                    best.is_none_or(|b| clusters[l].mentions.len() > clusters[b].mentions.len());
                if better {
                    best = Some(l);
                }
            }
        }
        // An acronym joins the name whose initials it spells: "NASA", "U.N.".
        if best.is_none() && short_acronym {
            let letters: String = short.words[0]
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            best = by_initials
                .get(letters.as_str())
                .copied()
                .filter(|&l| l != s);
        }
        if let Some(l) = best {
            // A town that turned out to be a person's name ("Whitman" of Walt Whitman) brings
            // no place evidence into the person.
            if clusters[s].gazetteer && !short_acronym {
                clusters[s].evidence = [0; 5];
            }
            let root = find(parent, l);
            let sroot = find(parent, s);
            if root != sroot {
                parent[sroot] = root;
            }
        }
    }
}

/// The entities the joined clusters make, most mentioned first (ties: first mentioned first).
fn entities_of(
    text: &str,
    clusters: &[Cluster],
    parent: &mut [usize],
    candidates: &[Candidate],
) -> Vec<Entity> {
    // Mentions and evidence of each group, at its root cluster.
    let mut merged: Vec<Option<(Vec<usize>, Evidence)>> = vec![None; clusters.len()];
    for (id, cluster) in clusters.iter().enumerate() {
        let root = find(parent, id);
        let entry = merged[root].get_or_insert_with(|| (Vec::new(), [0; 5]));
        entry.0.extend_from_slice(&cluster.mentions);
        merge_evidence(&mut entry.1, &cluster.evidence);
    }
    let mut entities: Vec<(usize, Entity)> = merged
        .into_iter()
        .flatten()
        // Words that only looked like names ("PhD", "Hellenic polytheism"), which joined no
        // entity named otherwise, are no entity.
        .filter(|(ms, evidence)| {
            *evidence != [0; 5] || !ms.iter().all(|&m| candidates[m].not_a_name)
        })
        .map(|(mut ms, evidence)| {
            ms.sort_by_key(|&m| candidates[m].span.start);
            ms.dedup_by_key(|m| candidates[*m].span);
            let longest = ms
                .iter()
                .map(|&m| candidates[m].span.of(text))
                .max_by_key(|s| s.chars().count())
                .unwrap_or_default();
            let name = one_line(longest);
            let first = ms.first().map_or(0, |&m| candidates[m].span.start);
            // An acronym the article keeps using, with nothing else to say what it is, is most
            // often an organisation ("the DAB", "ANDRILL"); one used once may be "DNA".
            let mut kind = kind_of(&evidence);
            // A place that acts twice and in a third of its mentions or more (or in its only
            // one) is its government or its team, as "North Korea fired", "Belgium defeated
            // Panama": an organisation.
            let agents = ms.iter().filter(|&&m| candidates[m].agent).count();
            if kind == EntityKind::Place
                && agents * 3 >= ms.len()
                && (agents >= 2 || (agents == 1 && ms.len() == 1))
            {
                kind = EntityKind::Organization;
            }
            if kind == EntityKind::Other
                && ms.len() >= 2
                && is_acronym(&name)
                && !lexicon::is_common_acronym(&name)
                && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
            {
                kind = EntityKind::Organization;
            }
            let mentions = ms
                .iter()
                .map(|&m| Mention {
                    span: candidates[m].span,
                    block: candidates[m].block,
                })
                .collect();
            (
                first,
                Entity {
                    name,
                    kind,
                    mentions,
                },
            )
        })
        .collect();
    entities.sort_by(|a, b| {
        b.1.mentions
            .len()
            .cmp(&a.1.mentions.len())
            .then(a.0.cmp(&b.0))
    });
    entities.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::edits_within;

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
