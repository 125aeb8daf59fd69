//! Render stage: the schema.org structured data of every page, as JSON-LD objects
//! (`structured_data` in templates, each written in its own `<script>`), by Google's
//! rules for rich results: the site author's `Person` on the home page, referenced by
//! its `@id` elsewhere (`person.rs`); a `BreadcrumbList` on every page below the home
//! page (`breadcrumbs.rs`); an `Article` for case studies, SWOT analyses and dated free
//! pages (`article.rs`); a `VideoObject` per showcase video (`video.rs`); and the
//! kind's own data (a job's `JobPosting`, a résumé's facts on the `Person`).

mod article;
mod breadcrumbs;
mod person;
mod video;

use serde_json::{Value, json};

use crate::kinds::view::script_safe;
use crate::markdown::Rendered;
use crate::site::{Page, Section, Site};

pub(crate) use person::{person_ref, person_with};

/// The JSON-LD of a page, each object ready for a `<script>`.
pub(crate) fn page(site: &Site, page: &Page, body: &Rendered) -> Value {
    let mut objects: Vec<Value> = Vec::new();
    objects.extend(breadcrumbs::of_page(site, page));
    objects.extend(article::of_page(site, page));
    objects.extend(video::of_page(site, page));
    let mut scripts: Vec<String> = objects.iter().map(script_safe).collect();
    scripts.extend(page.kind.json_ld(site, page, body));
    json!(scripts)
}

/// The JSON-LD of a section's page: the `Person` on a home page, else its breadcrumbs.
pub(crate) fn section(site: &Site, section: &Section) -> Value {
    let objects: Vec<Value> = if section.translation_key == crate::site::ROOT {
        person::person(site, &section.lang).into_iter().collect()
    } else {
        breadcrumbs::of_section(site, section).into_iter().collect()
    };
    json!(objects.iter().map(script_safe).collect::<Vec<_>>())
}

/// The breadcrumbs of a page that is neither a content page nor a section (a
/// taxonomy's pages): the home page of `lang`, then `trail` (names and URL paths).
pub(crate) fn trail(site: &Site, lang: &str, trail: Vec<(String, String)>) -> Value {
    json!([script_safe(&breadcrumbs::list(site, lang, trail))])
}

/// An absolute URL of a path or URL as written (`/x.jpg`, `https://…`).
fn absolute(site: &Site, url: &str) -> String {
    if url.contains("://") {
        url.to_string()
    } else {
        format!("{}{}", site.origin(), url)
    }
}
