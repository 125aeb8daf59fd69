//! `folio schema`: JSON Schemas derived from the types that parse `site.yaml` and front
//! matter. The demo site validates against them; mistakes do not.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::TestSite;

/// The schemas `folio schema` writes for the site at `root`, by file name.
fn schemas(root: &Path) -> (TestSite, PathBuf) {
    let out = TestSite::empty();
    let dir = out.path("schemas");
    let run = out.folio(&[
        "schema",
        "-r",
        root.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    (out, dir)
}

fn validator(dir: &Path, name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The front matter of a content file, as JSON.
fn front_matter(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split("\n---").next())
        .unwrap_or_else(|| panic!("{} has no front matter", path.display()));
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(value).unwrap()
}

/// The kind of a page: its `kind`, else the nearest section's `page_kind`, else page.
fn kind_of(path: &Path, meta: &Value, content: &Path) -> String {
    if let Some(kind) = meta["kind"].as_str() {
        return kind.to_string();
    }
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| d.starts_with(content)) {
        let index = d.join("_index.md");
        if index.exists()
            && let Some(kind) = front_matter(&index)["page_kind"].as_str()
        {
            return kind.to_string();
        }
        dir = d.parent();
    }
    "page".to_string()
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn the_demo_site_validates_against_its_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_out, dir) = schemas(root);
    let site: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("site.yaml")).unwrap()).unwrap();
    let site = serde_json::to_value(site).unwrap();
    assert_eq!(
        errors(&validator(&dir, "site.schema.json"), &site),
        Vec::<String>::new()
    );
    let content = root.join("content");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&content) {
        let path = entry.unwrap().into_path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let meta = front_matter(&path);
        let is_section = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("_index.");
        let schema = match is_section {
            true => "section.schema.json".to_string(),
            false => format!("{}.schema.json", kind_of(&path, &meta, &content)),
        };
        let found = errors(&validator(&dir, &schema), &meta);
        assert!(found.is_empty(), "{} ({schema}): {found:?}", path.display());
        checked += 1;
    }
    assert!(checked > 20, "only {checked} files");
}

#[test]
fn mistakes_fail_the_schemas() {
    let site = TestSite::new();
    let (_out, dir) = schemas(site.root());
    let job = validator(&dir, "job.schema.json");
    let good: Value = serde_json::json!({
        "title": "SMM", "kind": "job", "date": "2026-11-01",
        "company": {"name": "Teplo"}, "apply": {"email": "a@b.c"},
        "salary": {"currency": "UAH", "min": 40000, "unit": "MONTH"}, "tags": ["smm"]
    });
    assert_eq!(errors(&job, &good), Vec::<String>::new());
    for (key, value) in [
        ("salry", serde_json::json!({"currency": "UAH"})),
        ("date", serde_json::json!("tomorrow")),
        (
            "salary",
            serde_json::json!({"currency": "UAH", "min": "lots", "unit": "MONTH"}),
        ),
        ("kind", serde_json::json!("campaign")),
    ] {
        let mut bad = good.clone();
        bad[key] = value;
        assert!(!errors(&job, &bad).is_empty(), "{key} passed");
    }
    let mut untitled = good.clone();
    untitled.as_object_mut().unwrap().remove("title");
    assert!(!errors(&job, &untitled).is_empty());
    let site_schema = validator(&dir, "site.schema.json");
    let bad_site = serde_json::json!({"title": "T", "base_ulr": "https://x.org"});
    assert!(!errors(&site_schema, &bad_site).is_empty());
}

#[test]
fn init_maps_the_site_schema_for_editors() {
    let site = TestSite::empty();
    site.folio(&["init", "s"]).ok();
    let config = site.read("s/site.yaml");
    assert!(
        config.starts_with("# yaml-language-server: $schema=schemas/site.schema.json\n"),
        "{config}"
    );
    let schema: Value = serde_json::from_str(&site.read("s/schemas/site.schema.json")).unwrap();
    assert_eq!(schema["title"], "folio site.yaml");
    assert!(site.exists("s/schemas/job.schema.json"));
}
