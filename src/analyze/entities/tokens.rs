//! The article as a flat list of words with what entity finding needs to know about each:
//! capitalisation, position in its sentence, punctuation before it, a possessive after it.

use crate::analyze::text;
use crate::article::{Article, BlockKind};
use crate::span::Span;

#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// The word without a possessive "'s": "Trump" for "Trump's".
    pub text: &'a str,
    /// Span of `text` in the article.
    pub span: Span,
    pub block: usize,
    pub possessive: bool,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// First word of a sentence, of a quotation, or after a colon: capitalised by position.
    pub initial: bool,
    /// In a headline, where every word may be capitalised.
    pub headline: bool,
    /// Punctuation (other than "&") stands between this word and the previous one.
    pub gap_before: bool,
}

fn strip_possessive(word: &str) -> (&str, bool) {
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return (word, false);
    }
    for suffix in ["'s", "’s", "'S"] {
        if let Some(base) = word.strip_suffix(suffix)
            && !base.is_empty()
        {
            return (base, true);
        }
    }
    (word, false)
}

/// "Mets-inspired", "Warhol-like", "Trump-backed": the name before a hyphenated modifier that
/// is an English word. "Jong-un" or "Siu-lai" stay whole.
fn name_before_modifier(word: &str) -> &str {
    // Only a capitalised word with a hyphen: most words are neither (ASCII lower-case first).
    if word.as_bytes().first().is_none_or(u8::is_ascii_lowercase)
        || !word.bytes().any(|b| b == b'-')
        || !word.starts_with(char::is_uppercase)
    {
        return word;
    }
    match word.rsplit_once('-') {
        Some((name, modifier))
            if modifier.chars().count() >= 4
                && modifier.chars().all(char::is_lowercase)
                && name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().count() >= 2
                && !is_prefix(name)
                && super::gazetteer::GAZETTEER.is_common_word(modifier) =>
        {
            name
        }
        _ => word,
    }
}

/// "Co-founder", "Ex-president", "Anti-war": a prefix, not a name.
fn is_prefix(part: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "co", "ex", "anti", "pro", "non", "pre", "post", "self", "vice", "mid", "neo", "pan",
        "multi", "semi", "sub", "super", "inter", "counter", "re", "de", "un", "over", "under",
    ];
    // "UN-backed" is the UN: an acronym is no prefix.
    part.chars().any(char::is_lowercase) && PREFIXES.contains(&part.to_lowercase().as_str())
}

/// Starts with a capital, or with a lower-case particle joined to a capitalised name:
/// "d'Ettorre", "al-Assad", "el-Sisi".
fn is_capitalized(word: &str) -> bool {
    // Most words are plain ASCII: a capital first, or five lower-case letters first, settle it.
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return true;
    }
    if bytes[..bytes.len().min(5)]
        .iter()
        .all(u8::is_ascii_lowercase)
    {
        return false;
    }
    let mut cs = word.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    if first.is_uppercase() {
        return true;
    }
    // The lower-case letters that open the word; more than four rule out both forms below.
    let mut particle_chars = 0;
    let mut particle_len = 0;
    for c in word.chars() {
        if !c.is_lowercase() || particle_chars > 4 {
            break;
        }
        particle_chars += 1;
        particle_len += c.len_utf8();
    }
    let rest = &word[particle_len..];
    let mut rest_chars = rest.chars();
    let joined = (1..=2).contains(&particle_chars)
        && matches!(rest_chars.next(), Some('\'' | '’' | '-'))
        && rest_chars.next().is_some_and(char::is_uppercase);
    // "eBay", "iPhone", "wikiHow": a brand in camel case.
    let mut camel = rest.chars();
    let camel_case = (1..=4).contains(&particle_chars)
        && camel.next().is_some_and(char::is_uppercase)
        && camel.next().is_some_and(char::is_lowercase);
    joined || camel_case
}

/// All words of all blocks, in text order.
#[inline(never)] // A stage of its own in profiles.
pub fn tokenize(article: &Article) -> Vec<Token<'_>> {
    // Words and the space after them average about six bytes: room for all without regrowing.
    let mut out = Vec::with_capacity(article.text.len() / 4 + 1);
    for (block, b) in article.blocks.iter().enumerate() {
        let text = b.span.of(&article.text);
        let headline = b.kind == BlockKind::Headline;
        let mut starts = text::sentence_start_iter(text).peekable();
        let mut prev_end = 0;
        for (i, w) in text::word_iter(text).enumerate() {
            let between = &text[prev_end..w.span.start];
            // A sentence start lying between the previous word and this one makes it initial.
            let mut initial = i == 0;
            while let Some(start) = starts.next_if(|&s| s <= w.span.start) {
                if start >= prev_end {
                    initial = true;
                }
            }
            // Most words follow a single space: no quote, colon or punctuation to look for.
            let mut gap_before = false;
            if between != " " {
                if between.contains(['"', '“', ':', '(', '[', '‘']) && !between.contains(',') {
                    initial = true;
                }
                // "Prof. Patrizia": the period of a title abbreviation does not part the name.
                let after_title = between.starts_with('.')
                    && out
                        .last()
                        .is_some_and(|t: &Token| super::lexicon::is_title(t.text));
                let punctuation = if after_title { &between[1..] } else { between };
                gap_before = i > 0 && punctuation.chars().any(|c| !c.is_whitespace() && c != '&');
            }
            let (base, possessive) = strip_possessive(w.text);
            let base = name_before_modifier(base);
            out.push(Token {
                text: base,
                span: Span::new(w.span.start, w.span.start + base.len()).offset(b.span.start),
                block,
                possessive,
                capitalized: is_capitalized(base),
                initial,
                headline,
                gap_before,
            });
            prev_end = w.span.end;
        }
    }
    out
}
