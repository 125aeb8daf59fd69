//! JSON Schemas of `site.yaml` and of each kind's front matter, derived from the types
//! that parse them (schemars), for editors, front-matter CMSs and CI validators.

mod values;

use serde_json::{Map, Value, json};

use crate::config::SiteConfig;
use crate::content::meta::{PageMeta, SectionMeta};
use crate::kinds::registry::KINDS;

/// Where the schemas are published for editors, relative to the site's root.
pub const DIR: &str = "schemas";

/// Every schema, by file name: `site.schema.json`, `section.schema.json` and
/// `<kind>.schema.json` for each kind, the keys of `taxonomies` allowed on pages.
pub fn all(taxonomies: &[String]) -> Vec<(String, Value)> {
    let mut out = vec![
        (
            "site.schema.json".to_string(),
            titled(
                schemars::schema_for!(SiteConfig).to_value(),
                "folio site.yaml",
            ),
        ),
        (
            "section.schema.json".to_string(),
            titled(
                schemars::schema_for!(SectionMeta).to_value(),
                "folio section (_index.md) front matter",
            ),
        ),
    ];
    for kind in KINDS {
        let schema = page_schema(kind.name(), kind.schema(), taxonomies);
        out.push((format!("{}.schema.json", kind.name()), schema));
    }
    out
}

/// The front matter of a page of one kind: the common keys, the site's taxonomies
/// (lists of terms) and the kind's own keys; no other key.
fn page_schema(kind: &str, own: Value, taxonomies: &[String]) -> Value {
    let common = schemars::schema_for!(PageMeta).to_value();
    let mut properties = Map::new();
    let mut defs = Map::new();
    let mut required: Vec<Value> = Vec::new();
    for part in [&common, &own] {
        if let Some(p) = part["properties"].as_object() {
            properties.extend(p.clone());
        }
        if let Some(d) = part["$defs"].as_object() {
            defs.extend(d.clone());
        }
        if let Some(r) = part["required"].as_array() {
            required.extend(r.iter().cloned());
        }
    }
    for name in taxonomies {
        properties.insert(
            name.clone(),
            json!({"type": "array", "items": {"type": "string"}}),
        );
    }
    properties.insert(
        "kind".into(),
        json!({"const": kind, "description": "Else the section's `page_kind`, else `page`."}),
    );
    titled(
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
            "$defs": defs,
        }),
        &format!("folio front matter of kind {kind}"),
    )
}

fn titled(mut schema: Value, title: &str) -> Value {
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), json!(title));
    }
    schema
}

/// The schemas for the site at `root`: its taxonomies when its `site.yaml` reads,
/// else the default ones.
pub fn for_site(root: &std::path::Path) -> Vec<(String, Value)> {
    let taxonomies = std::fs::read_to_string(root.join("site.yaml"))
        .ok()
        .and_then(|text| SiteConfig::parse(std::path::Path::new("site.yaml"), &text).ok())
        .map_or_else(
            || crate::config::KNOWN_TAXONOMIES.map(String::from).to_vec(),
            |c| c.taxonomies,
        );
    all(&taxonomies)
}

/// Writes the schemas into `dir`; returns the files written.
pub fn write(
    dir: &std::path::Path,
    schemas: &[(String, Value)],
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, schema) in schemas {
        let path = dir.join(name);
        let text = serde_json::to_string_pretty(schema).map_err(std::io::Error::other)?;
        std::fs::write(&path, text + "\n")?;
        written.push(path);
    }
    Ok(written)
}
