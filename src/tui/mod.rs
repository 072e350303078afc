//! The interactive reader. (Being written.)

use crate::load::Source;

/// Options for the reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub mouse: bool,
}

pub fn run(_sources: Vec<Source>, _options: Options) -> anyhow::Result<()> {
    anyhow::bail!("the reader is not built yet; use `lector analyze`")
}
