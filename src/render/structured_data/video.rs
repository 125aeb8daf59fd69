//! A `VideoObject` per local video of a showcase: its name and description from the
//! item's text, its poster as thumbnail, its date as upload date.

use serde_json::{Value, json};

use super::absolute;
use crate::kinds::data_of;
use crate::kinds::showcase::Showcase;
use crate::kinds::showcase::media::Media;
use crate::kinds::view::{asset_url, plain_text};
use crate::site::{Page, Site};

pub(super) fn of_page(site: &Site, page: &Page) -> Vec<Value> {
    let Some(showcase) = data_of::<Showcase>(page) else {
        return Vec::new();
    };
    showcase
        .items
        .iter()
        .filter_map(|item| {
            let Media::Video { src } = &item.media else {
                return None;
            };
            // Google requires a thumbnail and an upload date.
            let poster = item.image.as_deref()?;
            let date = item
                .date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .or_else(|| page.date().map(|d| d.ymd()))?;
            let caption = item.caption.as_deref().map(plain_text);
            let name = item
                .alt
                .clone()
                .or(caption.clone())
                .unwrap_or_else(|| page.meta.title.clone());
            let description = caption.or(item.alt.clone()).unwrap_or_else(|| name.clone());
            let views = item
                .metrics
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("views"));
            let mut ld = json!({
                "@context": "https://schema.org",
                "@type": "VideoObject",
                "name": name.trim(),
                "description": description.trim(),
                "thumbnailUrl": [absolute(site, &asset_url(site, page, poster))],
                "uploadDate": date,
                "contentUrl": absolute(site, &asset_url(site, page, src)),
                "inLanguage": page.lang,
            });
            if let Some((_, n)) = views {
                ld["interactionStatistic"] = json!({
                    "@type": "InteractionCounter",
                    "interactionType": {"@type": "WatchAction"},
                    "userInteractionCount": *n as u64,
                });
            }
            Some(ld)
        })
        .collect()
}
