//! Named entities: people, organisations, places, groups. (Being written.)

use super::Entity;
use crate::article::Article;

pub fn find_entities(_article: &Article) -> Vec<Entity> {
    Vec::new()
}
