//! Load and parse stage: finding content files, decoding them and reading their front matter.

pub mod data;
pub mod dates;
pub mod discover;
pub mod front_matter;
pub mod meta;
pub mod parse;
pub mod source;
