//! Images named in front matter (a showcase's `image:`, a case study's `cover:`),
//! resized at build time into thumbnails in their own format and WebP (lossy for
//! photos, lossless for graphics), in parallel,
//! and cached on disk by content hash so that a rebuild does not resize them again.
//!
//! `locate` decides where an image named in front matter lives, `resize` decodes and
//! encodes, `cache` keeps the results under `<site root>/.folio-cache/images/`, and
//! `process` checks the images pages name and resizes them, returning the thumbnails
//! by (page, slot). Nothing here knows of sites or kinds: the model stage hands in
//! what the pages' kinds name.

pub(crate) mod cache;
pub(crate) mod crop;
pub(crate) mod locate;
pub(crate) mod process;
pub(crate) mod resize;
pub(crate) mod strip;
pub(crate) mod svg;

pub(crate) use locate::Slot;
pub(crate) use process::{Stats, Use, process};

/// The widths thumbnails are made in (never wider than the source).
pub(crate) const WIDTHS: [u32; 4] = [320, 640, 960, 1280];

/// An encoding of a thumbnail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Jpeg,
    Png,
    Webp,
}

impl Encoding {
    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Jpeg => "jpg",
            Encoding::Png => "png",
            Encoding::Webp => "webp",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Encoding::Jpeg => "image/jpeg",
            Encoding::Png => "image/png",
            Encoding::Webp => "image/webp",
        }
    }
}

/// One thumbnail: where it is cached and where it goes in the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub encoding: Encoding,
    /// Output path, relative, with `/` separators.
    pub dest: String,
    pub cached: std::path::PathBuf,
}

/// A resized image: its size (after EXIF orientation) and its thumbnails, narrowest
/// first, in the source's own format and in WebP.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    /// The encoding of the fallback thumbnails (the source's, WebP for a WebP source).
    pub fallback: Encoding,
    pub variants: Vec<Variant>,
}

impl Picture {
    /// The thumbnails of one encoding, narrowest first.
    pub fn of(&self, encoding: Encoding) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.encoding == encoding)
    }
}

/// The widths to make of an image `width` pixels wide: the standard widths below it,
/// and its own width (capped at the widest standard one).
pub(crate) fn widths_for(width: u32) -> Vec<u32> {
    let top = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < top).collect();
    widths.push(top);
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscales() {
        assert_eq!(widths_for(200), [200]);
        assert_eq!(widths_for(640), [320, 640]);
        assert_eq!(widths_for(800), [320, 640, 800]);
        assert_eq!(widths_for(4000), [320, 640, 960, 1280]);
    }
}
