//! The view model: what the reader is looking at ([`State`]) and the open article as wrapped
//! screen lines ([`Wrapped`]) whose characters carry marks from the analysis ([`marks`]).
//! Nothing here draws or reads the terminal; `crate::tui` does.

pub mod layout;
pub mod marks;
pub mod opened;
pub mod search;
pub mod state;
pub mod wrap;

pub use layout::Areas;
pub use marks::{Highlight, Marks, Segment};
pub use opened::{Doc, EntityRow, Opened};
pub use search::Search;
pub use state::{Pane, State, Walk};
pub use wrap::{LineKind, ScreenLine, Wrapped};
