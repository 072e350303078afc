//! The gazetteer's names as a byte trie, asked one question: which is the longest name that
//! the text at this place starts with? The gazetteer asks it only where a word starts with a
//! byte some name starts with, so a general multi-pattern searcher (Aho-Corasick) has nothing
//! to add: this walk reads a node and searches its few children per byte, and building the
//! trie takes a small part of the time the automaton took to build.

/// No node, no name.
const NONE: u32 = u32::MAX;

/// A name's bytes and its index in the list the trie is built from.
type Named<'b> = (&'b [u8], u32);

/// How many levels (name bytes) of the trie are laid out breadth first.
const BREADTH_FIRST_LEVELS: usize = 3;

/// Each node's children lie side by side; the first levels are laid out breadth first, the
/// rest depth first (see [`NameTrie::of`]): the walk is bound by memory reads, not
/// instructions.
pub struct NameTrie {
    /// The node after each first byte.
    roots: Box<[u32; 256]>,
    nodes: Vec<Node>,
    /// The byte leading to each node, in the same order as `nodes`: a node's children are
    /// `children..children + child_count`, sorted by this byte.
    labels: Vec<u8>,
}

#[derive(Clone, Copy)]
struct Node {
    children: u32,
    child_count: u32,
    /// The name ending here, by its index in the list the trie was built from.
    name: u32,
}

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
        // About four nodes for every five name bytes: names share their openings.
        let bytes: usize = sorted.iter().map(|(n, _)| n.len()).sum();
        let mut trie = NameTrie {
            roots: Box::new([NONE; 256]),
            nodes: Vec::with_capacity(bytes),
            labels: Vec::with_capacity(bytes),
        };
        // The first levels breadth first: every walk passes through them and most walks end
        // there (a capitalised word that opens no name), so they lie together in a few pages
        // that stay in cache. Below, depth first, so a name's last bytes lie in order.
        let mut level = Vec::new();
        for group in by_byte_at(&sorted, 0) {
            let node = trie.push_node(group[0].0[0]);
            trie.roots[usize::from(group[0].0[0])] = node;
            level.push((node, group));
        }
        for depth in 1..BREADTH_FIRST_LEVELS {
            let mut next = Vec::new();
            for (node, names) in level {
                next.extend(trie.name_and_children(node, names, depth));
            }
            level = next;
        }
        for (node, names) in level {
            trie.fill(node, names, BREADTH_FIRST_LEVELS);
        }
        trie
    }

    fn push_node(&mut self, label: u8) -> u32 {
        self.nodes.push(Node {
            children: 0,
            child_count: 0,
            name: NONE,
        });
        self.labels.push(label);
        u32::try_from(self.nodes.len() - 1).expect("fewer than four billion trie nodes")
    }

    /// Gives `node` the names of `names`, sorted, which all share their first `depth` bytes:
    /// the name that ends there, and the children the others lead to, depth first.
    fn fill(&mut self, node: u32, names: &[Named], depth: usize) {
        for (child, group) in self.name_and_children(node, names, depth) {
            self.fill(child, group, depth + 1);
        }
    }

    /// Gives `node` the name among `names` (sorted, sharing their first `depth` bytes) that
    /// ends there, and a child for each next byte of the others, side by side: the children
    /// with the names each leads to.
    fn name_and_children<'n, 'b>(
        &mut self,
        node: u32,
        names: &'n [Named<'b>],
        depth: usize,
    ) -> Vec<(u32, &'n [Named<'b>])> {
        let ending = names.iter().take_while(|(n, _)| n.len() == depth).count();
        if let Some(&(_, name)) = names[..ending].last() {
            self.nodes[node as usize].name = name;
        }
        let groups: Vec<&[Named]> = by_byte_at(&names[ending..], depth).collect();
        let first = u32::try_from(self.nodes.len()).expect("fewer than four billion trie nodes");
        for group in &groups {
            self.push_node(group[0].0[depth]);
        }
        self.nodes[node as usize].children = first;
        self.nodes[node as usize].child_count =
            u32::try_from(groups.len()).expect("at most 256 children");
        (first..).zip(groups).collect()
    }

    /// The longest name `text` starts with: its length in bytes and its index.
    pub fn longest_at(&self, text: &[u8]) -> Option<(usize, usize)> {
        let (&first, _) = text.split_first()?;
        let mut node = self.roots[usize::from(first)];
        let mut len = 1;
        let mut longest = None;
        while node != NONE {
            let Node {
                children,
                child_count,
                name,
            } = self.nodes[node as usize];
            if name != NONE {
                longest = Some((len, name as usize));
            }
            let Some(&b) = text.get(len) else {
                break;
            };
            let (from, to) = (children as usize, (children + child_count) as usize);
            let labels = &self.labels[from..to];
            // Most nodes have one child or a few; the busiest, near the root, many.
            let found = if labels.len() <= 8 {
                labels.iter().position(|&l| l == b)
            } else {
                labels.binary_search(&b).ok()
            };
            // (`from + i` is a child's number, which was a `u32`.)
            node = found.map_or(NONE, |i| (from + i) as u32);
            len += 1;
        }
        longest
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
