//! lector: a terminal reader for news articles.
//!
//! Data flows one way: paths are loaded into [`article::Article`]s, analysed into
//! [`analyze::Analysis`] values, turned into styled lines by the view model, and drawn by the TUI
//! or printed by `lector analyze`.

pub mod analyze;
pub mod article;
pub mod cli;
pub mod index;
pub mod load;
pub mod sanitize;
pub mod span;
pub mod swar;
pub mod tui;
pub mod view;
