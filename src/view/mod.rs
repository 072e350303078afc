//! The view model: what the reader is looking at ([`State`]) and the open article as wrapped
//! screen lines ([`Wrapped`]) whose characters carry marks from the analysis ([`marks`]).
//! Nothing here draws or reads the terminal; `crate::tui` does.

pub mod layout;
pub mod marks;
pub mod state;
pub mod wrap;

pub use layout::Areas;
pub use marks::{Highlight, Marks, Segment};
pub use state::{Doc, EntityRow, Opened, Pane, State, Walk};
pub use wrap::{LineKind, ScreenLine, Wrapped};
