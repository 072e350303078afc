//! The gazetteer's names as a byte trie, asked one question: which is the longest name that
//! the text at this place starts with? The gazetteer asks it only where a word starts with a
//! byte some name starts with, so a general multi-pattern searcher (Aho-Corasick) has nothing
//! to add: this walk is a table look-up and a hash probe per byte, and building the trie takes
//! a tenth of the time the automaton took to build.

use rustc_hash::FxHashMap as HashMap;

/// No node: the walk stops.
const NONE: u32 = u32::MAX;

pub struct NameTrie {
    /// The node after each first byte.
    roots: Box<[u32; 256]>,
    /// The name ending at each node, by its index in the list the trie was built from.
    names: Vec<u32>,
    /// The node after each (node, byte), keyed `node << 8 | byte`.
    edges: HashMap<u64, u32>,
}

impl NameTrie {
    /// The trie of `names`; a name's index in the slice is what [`NameTrie::longest_at`]
    /// returns for it. (Names are distinct; an empty one is never found.)
    pub fn of(names: &[&str]) -> NameTrie {
        let mut trie = NameTrie {
            roots: Box::new([NONE; 256]),
            names: Vec::new(),
            edges: HashMap::default(),
        };
        // About four nodes for every five name bytes: names share their openings.
        let bytes: usize = names.iter().map(|n| n.len()).sum();
        trie.names.reserve(bytes);
        trie.edges.reserve(bytes);
        for (index, name) in names.iter().enumerate() {
            let Some((&first, rest)) = name.as_bytes().split_first() else {
                continue;
            };
            let mut node = trie.roots[usize::from(first)];
            if node == NONE {
                node = trie.new_node();
                trie.roots[usize::from(first)] = node;
            }
            for &b in rest {
                node = match trie.edges.get(&key(node, b)) {
                    Some(&next) => next,
                    None => {
                        let next = trie.new_node();
                        trie.edges.insert(key(node, b), next);
                        next
                    }
                };
            }
            trie.names[node as usize] =
                u32::try_from(index).expect("fewer than four billion names");
        }
        trie
    }

    fn new_node(&mut self) -> u32 {
        self.names.push(NONE);
        u32::try_from(self.names.len() - 1).expect("fewer than four billion trie nodes")
    }

    /// The longest name `text` starts with: its length in bytes and its index.
    pub fn longest_at(&self, text: &[u8]) -> Option<(usize, usize)> {
        let (&first, _) = text.split_first()?;
        let mut node = self.roots[usize::from(first)];
        let mut len = 1;
        let mut longest = None;
        while node != NONE {
            let name = self.names[node as usize];
            if name != NONE {
                longest = Some((len, name as usize));
            }
            let Some(&b) = text.get(len) else {
                break;
            };
            node = self.edges.get(&key(node, b)).copied().unwrap_or(NONE);
            len += 1;
        }
        longest
    }
}

fn key(node: u32, byte: u8) -> u64 {
    u64::from(node) << 8 | u64::from(byte)
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
    }
}
