//! Load and parse stage: finding content files, decoding them and reading their front matter.

pub(crate) mod data;
pub(crate) mod dates;
pub(crate) mod discover;
pub(crate) mod front_matter;
pub(crate) mod image_ref;
pub(crate) mod meta;
pub(crate) mod parse;
pub(crate) mod source;
