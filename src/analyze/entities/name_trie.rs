//! The gazetteer's names as a byte trie, asked one question: which is the longest name that
//! the text at this place starts with? The gazetteer asks it only where a word starts with a
//! byte some name starts with, so a general multi-pattern searcher (Aho-Corasick) has nothing
//! to add: this walk takes the first two bytes in one step, then reads a node per byte where
//! names part and compares the bytes between at once, and building the trie takes a small part
//! of the time the automaton took to build.

use crate::swar::{eight_at, equal_bytes};

/// No node, no name.
const NONE: u32 = u32::MAX;

/// A name's bytes and its index in the list the trie is built from.
type Named<'b> = (&'b [u8], u32);

/// How many rounds of nodes are laid out breadth first.
const BREADTH_FIRST_LEVELS: usize = 3;

/// Bytes before a node's run: its child count, its run's length and its name.
const HEADER: usize = 6;

/// The longest run a node holds; a longer chain continues in a node of one child.
const MAX_RUN: usize = u8::MAX as usize;

/// Nodes with more children than this have their labels as a bitmap, [`BITMAP`] bytes: first,
/// for each of its four words, how many bits the words before it have set (so a child's rank
/// takes one count of bits, not four), then one bit for each byte, set for the byte leading to
/// a child.
const LISTED: usize = 8;
const BITMAP: usize = 4 + 32;

/// Zero bytes after the last node, so that eight bytes can be read at any node's run or
/// labels.
const PADDING: usize = 8;

/// A radix tree: a chain of nodes with one child and no name (most of a name's bytes once it
/// differs from the others, "…ente Prudente") is one node whose run of bytes is compared at
/// once. Each node is one record in one byte buffer, its labels beside its run, so a step
/// reads one place of memory, not three; the records of the first levels lie breadth first,
/// the rest depth first (see [`NameTrie::of`]): the walk is bound by memory reads, not
/// instructions. A node's record:
///
/// | bytes | what |
/// | --- | --- |
/// | 1 | `count`, its children (at most 255: names are UTF-8) |
/// | 1 | `run`, the length of its run |
/// | 4 | the name ending after its run (its index, little-endian), or [`NONE`] |
/// | `run` | the bytes that follow the byte leading here, before the name and the children |
/// | `count` | its children's labels: the byte leading to each, sorted |
/// | (or [`BITMAP`]) | (past [`LISTED`] children: a bitmap of them) |
/// | 4 × `count` | where each child's record starts |
pub struct NameTrie {
    /// The record after each first byte.
    roots: Box<[u32; 256]>,
    /// For a first byte whose node holds no run and no name (all but a few), one more than its
    /// row in `seconds`; zero for the others.
    rows: Box<[u16; 256]>,
    /// The record after each first byte that has a row and each second byte, 256 to a row:
    /// every walk takes that step, and one read here spares it a node's bitmap (the busiest
    /// nodes are those after the first byte) and a read of the child's place.
    seconds: Vec<u32>,
    records: Vec<u8>,
}

/// A node still to be written: where its record's place is to be written, its names (sorted,
/// sharing their first `depth` bytes), and `depth`.
type Pending<'n, 'b> = (usize, &'n [Named<'b>], usize);

impl NameTrie {
    /// The trie of `names`; a name's index in the slice is what [`NameTrie::longest_at`]
    /// returns for it. (An empty name is never found; of two equal names, the later one, where
    /// Aho-Corasick would find the earlier: the gazetteer's names are all different.)
    pub fn of(names: &[&str]) -> NameTrie {
        let mut sorted: Vec<Named> = names
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty())
            .map(|(i, n)| {
                let index = u32::try_from(i).expect("fewer than four billion names");
                (n.as_bytes(), index)
            })
            .collect();
        // Equal names stay in list order, so the later one is found, as a map would keep it.
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        // About two record bytes for every name byte.
        let bytes: usize = sorted.iter().map(|(n, _)| n.len()).sum();
        let mut trie = NameTrie {
            roots: Box::new([NONE; 256]),
            rows: Box::new([0; 256]),
            seconds: Vec::new(),
            records: Vec::with_capacity(2 * bytes + PADDING),
        };
        // The first levels breadth first: every walk passes through them and many walks end
        // there (a capitalised word that opens no name), so they lie together in a few pages
        // that stay in cache. Below, depth first, so a name's last nodes lie in order.
        let mut level = Vec::new();
        for group in by_byte_at(&sorted, 0) {
            trie.roots[usize::from(group[0].0[0])] = trie.end();
            level.extend(trie.write(group, 1));
        }
        for _ in 1..BREADTH_FIRST_LEVELS {
            let mut next = Vec::new();
            for (place, names, depth) in level {
                trie.point(place);
                next.extend(trie.write(names, depth));
            }
            level = next;
        }
        for (place, names, depth) in level {
            trie.fill(place, names, depth);
        }
        trie.records.extend([0; PADDING]);
        trie.second_steps();
        trie
    }

    /// Fills `rows` and `seconds` from the nodes after the first byte.
    fn second_steps(&mut self) {
        for first in 0..256 {
            let at = self.roots[first] as usize;
            let Some(&[count, 0, n0, n1, n2, n3]) = self.records.get(at..at + HEADER) else {
                continue;
            };
            if u32::from_le_bytes([n0, n1, n2, n3]) != NONE {
                continue;
            }
            let row = self.seconds.len() / 256 + 1;
            self.rows[first] = u16::try_from(row).expect("at most 256 rows");
            for second in 0..=u8::MAX {
                let child = self.child(at + HEADER, usize::from(count), second);
                self.seconds.push(child);
            }
        }
    }

    /// Where the next record starts.
    fn end(&self) -> u32 {
        u32::try_from(self.records.len()).expect("fewer than four billion trie bytes")
    }

    /// Writes where the next record starts at `place`, a child's place in its parent.
    fn point(&mut self, place: usize) {
        let end = self.end().to_le_bytes();
        self.records[place..place + 4].copy_from_slice(&end);
    }

    /// Writes the nodes of `names` (sorted, sharing their first `depth` bytes) depth first,
    /// the first where its parent's `place` says.
    fn fill(&mut self, place: usize, names: &[Named], depth: usize) {
        self.point(place);
        for (place, group, depth) in self.write(names, depth) {
            self.fill(place, group, depth);
        }
    }

    /// Writes the record of the node of `names` (sorted, sharing their first `depth` bytes):
    /// the bytes they all share next, up to where one ends or they part, as its run; the name
    /// that ends there; a child for each next byte of the others, whose places are left to
    /// fill: the children, with the names each leads to.
    fn write<'n, 'b>(&mut self, names: &'n [Named<'b>], depth: usize) -> Vec<Pending<'n, 'b>> {
        // Sorted: the first name is the shortest of those that share a prefix, and what the
        // first and the last share, all share.
        let (first, last) = (names[0].0, names[names.len() - 1].0);
        let mut end = depth;
        while end - depth < MAX_RUN && first.len() > end && first[end] == last[end] {
            end += 1;
        }
        let ending = names.iter().take_while(|(n, _)| n.len() == end).count();
        let name = names[..ending].last().map_or(NONE, |&(_, i)| i);
        let groups: Vec<&[Named]> = by_byte_at(&names[ending..], end).collect();
        // Names are UTF-8, which never uses the bytes 0xC0, 0xC1 and 0xF5 to 0xFF: at most 243
        // different next bytes, so a count fits in a byte.
        let count = u8::try_from(groups.len()).expect("UTF-8 has at most 243 different bytes");
        self.records.push(count);
        self.records
            .push(u8::try_from(end - depth).expect("runs of at most 255 bytes"));
        self.records.extend(name.to_le_bytes());
        self.records.extend(&first[depth..end]);
        let labels = groups.iter().map(|g| g[0].0[end]);
        if groups.len() <= LISTED {
            self.records.extend(labels);
        } else {
            let mut words = [0u64; 4];
            for b in labels {
                words[usize::from(b / 64)] |= 1 << (b % 64);
            }
            let mut before = 0;
            for word in words {
                self.records.push(before);
                // At most 243 children in all (see `count`).
                before += word.count_ones() as u8;
            }
            self.records
                .extend(words.iter().flat_map(|w| w.to_le_bytes()));
        }
        let places = self.records.len();
        self.records.resize(places + 4 * groups.len(), 0);
        (places..)
            .step_by(4)
            .zip(groups)
            .map(|(place, group)| (place, group, end + 1))
            .collect()
    }

    /// The longest name `text` starts with: its length in bytes and its index.
    pub fn longest_at(&self, text: &[u8]) -> Option<(usize, usize)> {
        let (&first, rest) = text.split_first()?;
        let row = usize::from(self.rows[usize::from(first)]);
        let (mut node, mut len) = match rest.first() {
            Some(&second) if row > 0 => (self.seconds[(row - 1) * 256 + usize::from(second)], 2),
            _ => (self.roots[usize::from(first)], 1),
        };
        let mut longest = None;
        while node != NONE {
            let at = node as usize;
            let Some(&[count, run, n0, n1, n2, n3]) = self.records.get(at..at + HEADER) else {
                break;
            };
            let (count, run) = (usize::from(count), usize::from(run));
            let after_run = at + HEADER + run;
            if !starts_with(&text[len..], &self.records[at + HEADER..], run) {
                break;
            }
            len += run;
            let name = u32::from_le_bytes([n0, n1, n2, n3]);
            if name != NONE {
                longest = Some((len, name as usize));
            }
            let Some(&b) = text.get(len) else {
                break;
            };
            node = self.child(after_run, count, b);
            len += 1;
        }
        longest
    }

    /// The record of the child labelled `b` of the node whose labels start at `labels`.
    fn child(&self, labels: usize, count: usize, b: u8) -> u32 {
        // Most nodes have a few children or none, searched all at once; those near the root
        // may have many, found by counting the bits before theirs (a binary search there
        // waited on its reads: a fifth of the walk's time).
        let (found, places) = if count <= LISTED {
            let found = eight_at(&self.records[labels..])
                .and_then(|eight| first_byte(eight, b))
                .filter(|&i| i < count);
            (found, labels + count)
        } else {
            (self.rank(labels, b), labels + BITMAP)
        };
        let place = places + 4 * found.unwrap_or(0);
        match (found, self.records.get(place..place + 4)) {
            (Some(_), Some(&[a, b, c, d])) => u32::from_le_bytes([a, b, c, d]),
            _ => NONE,
        }
    }

    /// How many bits come before byte `b`'s in the bitmap at `at`, if its own is set.
    fn rank(&self, at: usize, b: u8) -> Option<usize> {
        let (i, bit) = (usize::from(b / 64), b % 64);
        let before = self.records[at + i];
        let own = eight_at(&self.records[at + 4 + 8 * i..]).unwrap_or(0);
        let below = own & ((1 << bit) - 1);
        (own >> bit & 1 == 1).then(|| usize::from(before) + below.count_ones() as usize)
    }
}

/// Where byte `b` first lies in eight bytes (a little-endian word).
fn first_byte(eight: u64, b: u8) -> Option<usize> {
    let equal = equal_bytes(eight, b);
    (equal != 0).then(|| equal.trailing_zeros() as usize / 8)
}

/// Whether `text` starts with the first `run` bytes of `stored` (none to 255 of them). Most
/// walks that go past the first levels end in a run, most of them at its first bytes: the first
/// eight are compared as one word, without a branch for each byte or a call.
fn starts_with(text: &[u8], stored: &[u8], run: usize) -> bool {
    /// The low `n` bytes of a word, for each `n` up to eight.
    const FIRST: [u64; 9] = {
        let mut masks = [0; 9];
        let mut n = 1;
        while n <= 8 {
            masks[n] = u64::MAX >> (64 - 8 * n);
            n += 1;
        }
        masks
    };
    match (eight_at(text), eight_at(stored)) {
        (Some(text_eight), Some(stored_eight)) => {
            (text_eight ^ stored_eight) & FIRST[run.min(8)] == 0
                && (run <= 8 || text.get(8..run) == stored.get(8..run))
        }
        _ => text.get(..run) == stored.get(..run),
    }
}

/// The runs of `names` (sorted, each longer than `depth`) that share the byte at `depth`.
fn by_byte_at<'n, 'b>(
    names: &'n [Named<'b>],
    depth: usize,
) -> impl Iterator<Item = &'n [Named<'b>]> {
    names.chunk_by(move |a, b| a.0[depth] == b.0[depth])
}

#[cfg(test)]
mod tests {
    use super::NameTrie;
    use proptest::prelude::*;

    /// The longest of `names` that `text` starts with, by trying each.
    fn longest_by_scan(names: &[&str], text: &str) -> Option<(usize, usize)> {
        names
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.is_empty() && text.starts_with(**n))
            .map(|(i, n)| (n.len(), i))
            .max()
    }

    #[test]
    fn finds_the_longest_name_at_the_start() {
        let names = [
            "New",
            "New York",
            "New York City",
            "York",
            "U.S.",
            "São Paulo",
        ];
        let trie = NameTrie::of(&names);
        let at = |text: &str| trie.longest_at(text.as_bytes());
        assert_eq!(at("New York City Hall"), Some((13, 2)));
        assert_eq!(at("New York Times"), Some((8, 1)));
        assert_eq!(at("New Yorker"), Some((8, 1)));
        assert_eq!(at("Newark"), Some((3, 0)));
        assert_eq!(at("U.S.-Mexico"), Some((4, 4)));
        assert_eq!(at("São Paulo's"), Some(("São Paulo".len(), 5)));
        assert_eq!(at("Ne"), None);
        assert_eq!(at(""), None);
        assert_eq!(at(" New"), None);
    }

    /// Every name of `names` found whole and the longest found in each of `texts`.
    fn answers_like_a_scan(names: &[&str], texts: &[String]) {
        let trie = NameTrie::of(names);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(trie.longest_at(name.as_bytes()), Some((name.len(), i)));
        }
        for text in texts {
            let found = trie.longest_at(text.as_bytes());
            assert_eq!(found, longest_by_scan(names, text), "{text:?}");
        }
    }

    /// `name` with each character changed, cut short before it, and followed by more.
    fn near_misses(name: &str) -> Vec<String> {
        let mut texts = vec![format!("{name} and more"), format!("{name}x")];
        for (at, c) in name.char_indices() {
            let rest = &name[at + c.len_utf8()..];
            texts.push(name[..at].to_string());
            texts.push(format!("{}#{rest}", &name[..at]));
        }
        texts
    }

    #[test]
    fn long_unshared_tails_are_compared_whole() {
        // Runs longer than eight bytes, and longer than one node holds (255).
        let long = format!("a{}", "b".repeat(600));
        let forked = format!("a{}c{}", "b".repeat(300), "d".repeat(9));
        let names = [long.as_str(), forked.as_str(), "ab", "abbbbbbbbbb"];
        let texts: Vec<String> = names.iter().flat_map(|n| near_misses(n)).collect();
        answers_like_a_scan(&names, &texts);
    }

    #[test]
    fn second_steps_and_the_long_way_agree() {
        // After "A" a name ends and after "‘" (three bytes) a run follows: no row of second
        // steps for them, the walk starts at the node after the first byte; "Q" has a row.
        let names = ["A", "Ab", "‘Ajlūn", "‘Ibrī", "Qatar", "Quebec"];
        let texts: Vec<String> = names.iter().flat_map(|n| near_misses(n)).collect();
        answers_like_a_scan(&names, &texts);
        let trie = NameTrie::of(&names);
        assert_eq!(trie.rows[usize::from(b'A')], 0);
        assert_eq!(trie.rows[0xe2], 0);
        assert_ne!(trie.rows[usize::from(b'Q')], 0);
    }

    #[test]
    fn nodes_with_many_children_find_each() {
        // Past eight children a node's labels are a bitmap: every byte, from each of its
        // four words (ASCII after "Q", 0x80..=0xbf after the first byte of "À"), leads to
        // its own child.
        let names: Vec<String> = ('!'..='~')
            .chain('À'..='ÿ')
            .map(|c| format!("Q{c}z"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let texts: Vec<String> = names.iter().flat_map(|n| near_misses(n)).collect();
        answers_like_a_scan(&names, &texts);
    }

    proptest! {
        #[test]
        fn answers_like_trying_every_name(
            names in prop::collection::hash_set("[ab. é]{0,5}", 0..12),
            text in "[ab. é]{0,8}",
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let trie = NameTrie::of(&names);
            prop_assert_eq!(trie.longest_at(text.as_bytes()), longest_by_scan(&names, &text));
        }

        #[test]
        fn answers_like_trying_every_name_with_long_shared_tails(
            // Names that part early and then share long runs ("…baba"), and nodes of up to
            // fourteen children; texts that follow them far.
            names in prop::collection::hash_set("[a-lé]{0,3}(ba){0,7}[a-c]?", 0..40),
            text in "[a-lé]{0,3}(ba){0,8}[a-c ]{0,2}",
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let trie = NameTrie::of(&names);
            prop_assert_eq!(trie.longest_at(text.as_bytes()), longest_by_scan(&names, &text));
        }
    }
}
