//! A résumé's facts on the site's one schema.org `Person` (the `@id` of the home
//! page's): where they work now (`worksFor`), where they studied (`alumniOf`), what
//! they know (`knowsAbout`, `knowsLanguage`) and their certificates (`hasCredential`).

use serde_json::{Map, Value, json};

use super::Resume;
use crate::kinds::view::script_safe;
use crate::render::structured_data::person_with;
use crate::site::Site;

/// The `Person`, as JSON safe to put inside `<script>`.
pub(super) fn person(site: &Site, lang: &str, resume: &Resume) -> String {
    let doc = &resume.doc;
    let name = doc.basics.name.as_deref().unwrap_or(&site.config.title);
    script_safe(&person_with(site, lang, name, facts(resume)))
}

fn facts(resume: &Resume) -> Map<String, Value> {
    let doc = &resume.doc;
    let mut facts = Map::new();
    let current: Vec<Value> = doc
        .work
        .iter()
        .filter(|w| w.end_date.is_none())
        .filter_map(|w| organization("Organization", w.name.as_deref()?, w.url.as_deref()))
        .collect();
    insert_list(&mut facts, "worksFor", current);
    let schools: Vec<Value> = doc
        .education
        .iter()
        .filter_map(|e| {
            organization(
                "EducationalOrganization",
                e.institution.as_deref()?,
                e.url.as_deref(),
            )
        })
        .collect();
    insert_list(&mut facts, "alumniOf", schools);
    let skills: Vec<Value> = doc
        .skills
        .iter()
        .filter_map(|s| s.name.as_deref().map(|n| json!(n)))
        .collect();
    insert_list(&mut facts, "knowsAbout", skills);
    let languages: Vec<Value> = doc
        .languages
        .iter()
        .filter_map(|l| l.language.as_deref().map(|n| json!(n)))
        .collect();
    insert_list(&mut facts, "knowsLanguage", languages);
    let credentials: Vec<Value> = doc
        .certificates
        .iter()
        .filter_map(|c| {
            let mut cred = Map::new();
            cred.insert("@type".into(), json!("EducationalOccupationalCredential"));
            cred.insert("name".into(), json!(c.name.as_deref()?));
            cred.insert("credentialCategory".into(), json!("certificate"));
            if let Some(issuer) = &c.issuer {
                cred.insert(
                    "recognizedBy".into(),
                    json!({"@type": "Organization", "name": issuer}),
                );
            }
            if let Some(url) = &c.url {
                cred.insert("url".into(), json!(url));
            }
            Some(Value::Object(cred))
        })
        .collect();
    insert_list(&mut facts, "hasCredential", credentials);
    facts
}

fn organization(kind: &str, name: &str, url: Option<&str>) -> Option<Value> {
    let mut org = Map::new();
    org.insert("@type".into(), json!(kind));
    org.insert("name".into(), json!(name));
    if let Some(url) = url {
        org.insert("url".into(), json!(url));
    }
    Some(Value::Object(org))
}

/// `key` with one value as itself, several as a list, none left out.
fn insert_list(facts: &mut Map<String, Value>, key: &str, mut values: Vec<Value>) {
    match values.len() {
        0 => {}
        1 => {
            facts.insert(key.into(), values.remove(0));
        }
        _ => {
            facts.insert(key.into(), Value::Array(values));
        }
    }
}
