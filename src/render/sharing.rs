//! Render stage: what a page shows when it is shared — the Open Graph and Twitter
//! card data (`og` in templates).

use serde_json::{Value, json};

use crate::kinds::view::asset_url;
use crate::site::{Page, Section, Site};
use crate::social::ShareImage;

/// Open Graph and Twitter card data of a page; `card` is its shared image when one
/// was made (else the kind's image as written, if any).
pub(crate) fn open_graph(site: &Site, page: &Page, card: Option<&ShareImage>) -> Value {
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
    let alternates = alternates(site, &page.translation_key, &page.lang);
    json!({
        "type": "article",
        "title": m.title,
        "description": description,
        "url": site.permalink(&page.path),
        "image": card.map(|c| c.url.clone()).or(image),
        "image_width": card.map(|c| c.width),
        "image_height": card.map(|c| c.height),
        "image_alt": card.map(|c| c.alt.clone()),
        "site_name": site.config.title,
        "locale": og_locale(&page.lang),
        "locale_alternates": alternates,
    })
}

/// Open Graph data of a section's listing (the home page, a section's pages).
pub(crate) fn section_og(site: &Site, section: &Section, card: Option<&ShareImage>) -> Value {
    json!({
        "type": "website",
        "title": section.meta.title,
        "description": section.meta.description.clone().or_else(|| site.config.description.clone()),
        "url": site.permalink(&section.path),
        "image": card.map(|c| c.url.clone()),
        "image_width": card.map(|c| c.width),
        "image_height": card.map(|c| c.height),
        "image_alt": card.map(|c| c.alt.clone()),
        "site_name": site.config.title,
        "locale": og_locale(&section.lang),
        "locale_alternates": alternates(site, &section.translation_key, &section.lang),
    })
}

/// The Open Graph locales of the other translations of a page or section.
fn alternates(site: &Site, key: &str, lang: &str) -> Vec<String> {
    let mut locales: Vec<String> = site
        .translations
        .get(key)
        .into_iter()
        .flatten()
        .filter_map(|id| {
            let other = site.pages.get(id).map(|p| &p.lang);
            other.or_else(|| site.sections.get(id).map(|s| &s.lang))
        })
        .filter(|other| *other != lang)
        .map(|other| og_locale(other))
        .collect();
    locales.sort();
    locales.dedup();
    locales
}

/// The Open Graph locale of a language: its language and likeliest region by CLDR,
/// joined with `_` (`uk` → `uk_UA`, `ka` → `ka_GE`, `ar` → `ar_EG`, `en-GB` → `en_GB`).
pub(crate) fn og_locale(lang: &str) -> String {
    let Ok(mut id) = icu::locale::LanguageIdentifier::try_from_str(lang) else {
        return lang.replace('-', "_");
    };
    icu::locale::LocaleExpander::new_common().maximize(&mut id);
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::og_locale;

    #[test]
    fn languages_become_open_graph_locales() {
        for (lang, locale) in [
            ("en", "en_US"),
            ("uk", "uk_UA"),
            ("ka", "ka_GE"),
            ("am", "am_ET"),
            ("ar", "ar_EG"),
            ("de", "de_DE"),
            ("lv", "lv_LV"),
            ("en-GB", "en_GB"),
            ("pt-BR", "pt_BR"),
        ] {
            assert_eq!(og_locale(lang), locale, "{lang}");
        }
    }
}
