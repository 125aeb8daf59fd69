//! Social cards: the image every page is shared with (`og:image`), 1200×630 — the
//! page's own image cut to size, else a card drawn from an SVG template with the
//! page's title, byline and its kind's headline figure, in the page's language, with
//! fonts that ship with folio.
//!
//! `card` is what card templates get, `text` fits the title into lines, `fonts` holds
//! the shipped fonts, `raster` draws an SVG with resvg, and `make` puts it together
//! as a page is rendered.

pub(crate) mod card;
pub(crate) mod fonts;
mod make;
pub(crate) mod raster;
pub(crate) mod text;

/// A card's size in pixels: Open Graph's recommended 1.91:1.
pub(crate) const WIDTH: u32 = 1200;
pub(crate) const HEIGHT: u32 = 630;

/// A page's card, beside its `index.html`.
pub(crate) const FILE_NAME: &str = "social.png";

/// The image a page is shared with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShareImage {
    /// Its absolute URL.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// What it shows, for `og:image:alt`.
    pub alt: String,
}
