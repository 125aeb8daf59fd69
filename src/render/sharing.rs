//! Render stage: what a page shows when it is shared — the Open Graph and Twitter
//! card data (`og` in templates).

use serde_json::{Value, json};

use crate::kinds::view::asset_url;
use crate::site::{Page, Site};

/// Open Graph and Twitter card data of a page.
pub(crate) fn open_graph(site: &Site, page: &Page) -> Value {
    let m = &page.meta;
    let image = page.kind.share_image().map(|p| {
        let url = asset_url(site, page, p);
        if url.contains("://") {
            url
        } else {
            format!("{}{}", site.origin(), url)
        }
    });
    let description = m
        .description
        .clone()
        .or_else(|| page.kind.description())
        .or_else(|| site.config.description.clone());
    json!({
        "type": "article",
        "title": m.title,
        "description": description,
        "url": site.permalink(&page.path),
        "image": image,
        "site_name": site.config.title,
    })
}
