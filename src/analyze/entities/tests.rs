//! Examples of entity finding: an article in, entities out.
