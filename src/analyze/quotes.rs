//! Direct quotations and their speakers. (Being written.)

use super::{Entity, Quote};
use crate::article::Article;

pub fn find_quotes(_article: &Article, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
