//! What must hold for every article and analysis, whatever the input: spans lie on char
//! boundaries inside the text, blocks are in order and never overlap, and every mention and quote
//! lies in the block it names. Shared by the property tests, the hostile-input tests and the fuzz
//! target (which includes this file by path).

use lector::analyze::Analysis;
use lector::article::Article;
use lector::span::Span;

/// The first broken invariant, described, or `Ok`.
pub fn check(article: &Article, analysis: &Analysis) -> Result<(), String> {
    check_article(article)?;
    check_analysis(article, analysis)
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what}: span {span:?} outside the text ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what}: span {span:?} not on char boundaries"));
    }
    Ok(())
}

/// Combining diacritics: a name ending right before one would cut a letter from its accent.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

pub fn check_article(article: &Article) -> Result<(), String> {
    let text = &article.text;
    let mut previous_end = 0;
    for (i, block) in article.blocks.iter().enumerate() {
        check_span(text, block.span, &format!("block {i}"))?;
        let body = block.span.of(text);
        if body.is_empty() {
            return Err(format!("block {i} is empty"));
        }
        if block.span.start < previous_end {
            return Err(format!(
                "block {i} {:?} starts before the previous block ends ({previous_end})",
                block.span
            ));
        }
        previous_end = block.span.end;
    }
    Ok(())
}

pub fn check_analysis(article: &Article, analysis: &Analysis) -> Result<(), String> {
    let text = &article.text;
    let blocks = &article.blocks;
    if analysis.repeats.len() != blocks.len() {
        return Err(format!(
            "{} repeat entries for {} blocks",
            analysis.repeats.len(),
            blocks.len()
        ));
    }
    for (i, repeat) in analysis.repeats.iter().enumerate() {
        if let Some(r) = repeat {
            if r.of >= i {
                return Err(format!(
                    "block {i} repeats block {}, not an earlier one",
                    r.of
                ));
            }
            if !(r.similarity > 0.0 && r.similarity <= 1.0) {
                return Err(format!("block {i}: similarity {}", r.similarity));
            }
        }
    }
    for (e, entity) in analysis.entities.iter().enumerate() {
        if entity.name.trim().is_empty() {
            return Err(format!("entity {e} has an empty name"));
        }
        let mut previous = 0;
        for mention in &entity.mentions {
            let what = format!("entity {e} ({:?}) mention {:?}", entity.name, mention.span);
            check_span(text, mention.span, &what)?;
            let Some(block) = blocks.get(mention.block) else {
                return Err(format!("{what}: no block {}", mention.block));
            };
            if mention.span.is_empty() || !block.span.contains(mention.span) {
                return Err(format!("{what}: empty or outside block {:?}", block.span));
            }
            if text[mention.span.end..].starts_with(is_combining_mark) {
                return Err(format!("{what}: ends between a letter and its accent"));
            }
            if mention.span.start < previous {
                return Err(format!("{what}: mentions not in text order"));
            }
            previous = mention.span.start;
        }
    }
    let mut previous = 0;
    for (q, quote) in analysis.quotes.iter().enumerate() {
        let what = format!("quote {q} {:?}", quote.span);
        check_span(text, quote.span, &what)?;
        let Some(block) = blocks.get(quote.block) else {
            return Err(format!("{what}: no block {}", quote.block));
        };
        if !block
            .span
            .contains(Span::new(quote.span.start, quote.span.start))
        {
            return Err(format!("{what}: does not start in block {:?}", block.span));
        }
        if quote.span.start < previous {
            return Err(format!("{what}: quotes not in text order"));
        }
        previous = quote.span.start;
        if let Some(s) = quote.speaker
            && s >= analysis.entities.len()
        {
            return Err(format!("{what}: speaker {s} is not an entity"));
        }
    }
    Ok(())
}
