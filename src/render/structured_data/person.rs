//! The site author as a schema.org `Person`, from `site.yaml`'s `author`: its name,
//! `job_title`, `image`, `headline` as description and its `links` as `sameAs`; on a
//! résumé's page, the same `Person` with the résumé's facts.

use serde_json::{Map, Value, json};

use crate::site::Site;

/// The `@id` of the author: `<base_url>/#person`.
fn person_id(site: &Site) -> String {
    format!("{}/#person", site.config.base_url.trim_end_matches('/'))
}

/// The full `Person` (on the home page of `lang`), named in that language, with the
/// default name as `alternateName` when it differs; `None` when the site has no author.
pub(super) fn person(site: &Site, lang: &str) -> Option<Value> {
    let author = site.config.author.as_ref()?;
    let name = site.config.author_name(lang).unwrap_or(&author.name);
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("Person"));
    ld.insert("@id".into(), json!(person_id(site)));
    ld.insert("name".into(), json!(name));
    if name != author.name {
        ld.insert("alternateName".into(), json!(author.name));
    }
    ld.insert("url".into(), json!(site.permalink("/")));
    if let Some(title) = &author.job_title {
        ld.insert("jobTitle".into(), json!(title));
    }
    if let Some(headline) = site.config.author_headline(lang) {
        ld.insert("description".into(), json!(headline));
    }
    if let Some(image) = &author.image {
        let url = if image.contains("://") {
            image.clone()
        } else {
            site.permalink(&format!("/{}", image.trim_start_matches('/')))
        };
        ld.insert("image".into(), json!(url));
    }
    let same_as: Vec<&str> = author.links.iter().map(|l| l.url.as_str()).collect();
    if !same_as.is_empty() {
        ld.insert("sameAs".into(), json!(same_as));
    }
    Some(Value::Object(ld))
}

/// The site's one `Person` (named in `lang`) with more facts about them (a résumé's `worksFor`,
/// `alumniOf`, …), under the same `@id`. Without an author in `site.yaml`, the
/// person is named `name`.
pub(crate) fn person_with(site: &Site, lang: &str, name: &str, facts: Map<String, Value>) -> Value {
    let mut ld = match person(site, lang) {
        Some(Value::Object(ld)) => ld,
        _ => {
            let mut ld = Map::new();
            ld.insert("@context".into(), json!("https://schema.org"));
            ld.insert("@type".into(), json!("Person"));
            ld.insert("@id".into(), json!(person_id(site)));
            ld.insert("name".into(), json!(name));
            ld.insert("url".into(), json!(site.permalink("/")));
            ld
        }
    };
    for (key, value) in facts {
        ld.entry(key).or_insert(value);
    }
    Value::Object(ld)
}

/// The author by reference, for an article's `author`: its `@id`, type and name in
/// language `lang`.
pub(crate) fn person_ref(site: &Site, lang: &str) -> Option<Value> {
    let name = site.config.author_name(lang)?;
    Some(json!({"@type": "Person", "@id": person_id(site), "name": name}))
}
