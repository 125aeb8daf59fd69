//! The `Article` of a case study, a SWOT analysis or a dated free page: headline,
//! author (by `@id`), dates, image, language.

use serde_json::{Map, Value, json};

use super::{absolute, person_ref};
use crate::kinds::view::asset_url;
use crate::site::{Page, Site};

/// Google shows at most this many characters of a headline.
const HEADLINE_MAX: usize = 110;

fn is_article(page: &Page) -> bool {
    match page.kind.spec().name() {
        "case_study" | "swot" => true,
        "page" => page.meta.date.is_some(),
        _ => false,
    }
}

pub(super) fn of_page(site: &Site, page: &Page) -> Option<Value> {
    if !is_article(page) {
        return None;
    }
    let m = &page.meta;
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("Article"));
    let headline: String = m.title.chars().take(HEADLINE_MAX).collect();
    ld.insert("headline".into(), json!(headline));
    ld.insert("inLanguage".into(), json!(page.lang));
    ld.insert("mainEntityOfPage".into(), json!(site.permalink(&page.path)));
    if let Some(author) = person_ref(site, &page.lang) {
        ld.insert("author".into(), author);
    }
    if let Some(date) = page.date() {
        ld.insert("datePublished".into(), json!(date.rfc3339()));
    }
    if let Some(updated) = m.updated.or_else(|| page.date()) {
        ld.insert("dateModified".into(), json!(updated.rfc3339()));
    }
    if let Some(image) = page.kind.share_image() {
        ld.insert(
            "image".into(),
            json!([absolute(site, &asset_url(site, page, image))]),
        );
    }
    let description = m.description.clone().or_else(|| page.kind.description());
    if let Some(d) = description {
        ld.insert("description".into(), json!(d));
    }
    Some(Value::Object(ld))
}
