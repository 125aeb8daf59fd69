//! A page's `BreadcrumbList`: the home page of its language, the sections above it
//! (or its taxonomy), then the page itself.

use serde_json::{Value, json};

use crate::site::{Page, ROOT, Section, Site};

/// The sections from the top (below the home page) down to `id`.
fn chain<'s>(site: &'s Site, id: &str) -> Vec<&'s Section> {
    let mut chain = Vec::new();
    let mut next = site.sections.get(id);
    while let Some(section) = next {
        if section.translation_key == ROOT {
            break;
        }
        chain.push(section);
        next = section.parent.as_deref().and_then(|p| site.sections.get(p));
    }
    chain.reverse();
    chain
}

/// The home page of a language: its URL path and name.
fn home(site: &Site, lang: &str) -> (String, String) {
    let section = site
        .sections
        .values()
        .find(|s| s.translation_key == ROOT && s.lang == lang)
        .or_else(|| site.sections.get(ROOT));
    match section {
        Some(s) => (s.path.clone(), site.config.title.clone()),
        None => ("/".to_string(), site.config.title.clone()),
    }
}

pub(super) fn list(site: &Site, lang: &str, trail: Vec<(String, String)>) -> Value {
    let (home_path, home_name) = home(site, lang);
    let items: Vec<Value> = std::iter::once((home_name, home_path))
        .chain(trail)
        .enumerate()
        .map(|(i, (name, path))| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": name,
                "item": site.permalink(&path),
            })
        })
        .collect();
    json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
}

pub(super) fn of_page(site: &Site, page: &Page) -> Option<Value> {
    let mut trail: Vec<(String, String)> = chain(site, &page.section)
        .into_iter()
        .map(|s| (s.meta.title.clone(), s.path.clone()))
        .collect();
    trail.push((page.meta.title.clone(), page.path.clone()));
    Some(list(site, &page.lang, trail))
}

pub(super) fn of_section(site: &Site, section: &Section) -> Option<Value> {
    let trail = chain(site, &section.id)
        .into_iter()
        .map(|s| (s.meta.title.clone(), s.path.clone()))
        .collect();
    Some(list(site, &section.lang, trail))
}
