//! Render stage: a resized image (`crate::images::Picture`) as the template view of a
//! `<picture>`: the fallback `src`, `srcset` in the source's format and in WebP, and
//! the intrinsic size that keeps the layout from jumping while it loads.

use serde::Serialize;

use crate::images::{Encoding, Picture};
use crate::site::Site;

/// A resized image as templates get it; its `alt` is the caller's.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PictureView {
    /// The fallback image's URL: the first thumbnail at least 640 pixels wide, else
    /// the widest.
    pub src: Option<String>,
    /// The source's width in pixels.
    pub width: u32,
    /// The source's height in pixels.
    pub height: u32,
    /// The MIME type of the fallback thumbnails (`image/jpeg`).
    #[serde(rename = "type")]
    pub mime: &'static str,
    /// Every thumbnail in the fallback's format, as `url 640w, …`.
    pub srcset: String,
    /// The WebP thumbnails, as `url 640w, …`; `null` when the fallback is WebP.
    pub webp_srcset: Option<String>,
}

/// The view of a picture.
pub(crate) fn view(site: &Site, picture: &Picture) -> PictureView {
    let srcset = |encoding: Encoding| {
        picture
            .of(encoding)
            .map(|v| format!("{} {}w", site.url(&format!("/{}", v.dest)), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fallback: Vec<_> = picture.of(picture.fallback).collect();
    // The fallback `src`: the thumbnail nearest 640 pixels wide.
    let src = fallback
        .iter()
        .find(|v| v.width >= 640)
        .or(fallback.last())
        .map(|v| site.url(&format!("/{}", v.dest)));
    let webp = (picture.fallback != Encoding::Webp).then(|| srcset(Encoding::Webp));
    PictureView {
        src,
        width: picture.width,
        height: picture.height,
        mime: picture.fallback.mime(),
        srcset: srcset(picture.fallback),
        webp_srcset: webp,
    }
}
