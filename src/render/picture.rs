//! Render stage: a resized image (`crate::images::Picture`) as the template view of a
//! `<picture>`: the fallback `src`, `srcset` in the source's format and in WebP, and
//! the intrinsic size that keeps the layout from jumping while it loads.

use serde_json::{Value, json};

use crate::images::{Encoding, Picture};
use crate::site::Site;

/// `{src, width, height, type, srcset, webp_srcset}`; `alt` is the caller's.
pub fn view(site: &Site, picture: &Picture) -> Value {
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
    json!({
        "src": src,
        "width": picture.width,
        "height": picture.height,
        "type": picture.fallback.mime(),
        "srcset": srcset(picture.fallback),
        "webp_srcset": webp,
    })
}
