//! The manual in `docs/` is a folio site: it checks and builds without a warning,
//! every section has its pages, its links resolve, and it names every key of every
//! kind and every field of every kind's template view, so it cannot drift from the code.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::TODAY;

/// The sections of the manual, each a folder of `docs/content/` with an `_index.md`.
const SECTIONS: [&str; 10] = [
    "getting-started",
    "kinds",
    "templates",
    "shortcodes",
    "languages",
    "images",
    "dev-server",
    "deploying",
    "cli",
    "errors",
];

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

fn folio(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .expect("run folio");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.success(), stderr)
}

/// Builds the manual once into a temp dir, with `--deny-warnings`.
fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("site");
    let root = docs();
    let (ok, stderr) = folio(&[
        "build",
        "-r",
        root.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--no-cache",
        "--deny-warnings",
        // Pages as the templates wrote them: the links are read with quoted attributes.
        "--no-minify",
        "--today",
        TODAY,
    ]);
    assert!(ok, "the manual does not build:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "the build said more than its last line:\n{stderr}"
    );
    assert!(lines[0].starts_with("Built "), "{stderr}");
    out
}

#[test]
fn the_manual_checks_without_a_warning() {
    let root = docs();
    let (ok, stderr) = folio(&[
        "check",
        "-r",
        root.to_str().unwrap(),
        "--deny-warnings",
        "--today",
        TODAY,
    ]);
    assert!(ok, "{stderr}");
    assert_eq!(stderr.trim(), "0 error(s), 0 warning(s)");
}

#[test]
fn every_section_of_the_manual_lists_its_pages_and_every_link_resolves() {
    let out = built();
    let site = out.path().join("site");
    for section in SECTIONS {
        let folder = docs().join("content").join(section);
        let pages = pages_of(&folder);
        assert!(!pages.is_empty(), "docs/content/{section}/ has no pages");
        let listing = std::fs::read_to_string(site.join(section).join("index.html")).unwrap();
        for page in pages {
            let href = format!("href=\"/{section}/{page}/\"");
            assert!(listing.contains(&href), "/{section}/ does not list {page}");
        }
    }
    let mut broken = Vec::new();
    for file in html_files(&site) {
        let html = std::fs::read_to_string(&file).unwrap();
        for href in internal_links(&html) {
            let path = site.join(href.trim_start_matches('/'));
            if href.ends_with(".md") || !(path.is_file() || path.join("index.html").is_file()) {
                broken.push(format!(
                    "{}: {href}",
                    file.strip_prefix(&site).unwrap().display()
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links that lead nowhere:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_manual_has_a_page_for_every_kind_naming_each_of_its_keys() {
    let schemas = tempfile::tempdir().unwrap();
    let (ok, stderr) = folio(&[
        "schema",
        "-r",
        docs().to_str().unwrap(),
        "-o",
        schemas.path().to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let common = keys_of(&schemas.path().join("page.schema.json"));
    for kind in [
        "job",
        "swot",
        "campaign",
        "case_study",
        "calendar",
        "showcase",
    ] {
        let page = docs().join(format!("content/kinds/{}.md", kind.replace('_', "-")));
        let text = std::fs::read_to_string(&page).unwrap();
        let own = keys_of(&schemas.path().join(format!("{kind}.schema.json")));
        for key in own.difference(&common) {
            assert!(
                text.contains(&format!("`{key}`")) && text.contains(&format!("{key}:")),
                "{} does not name and show the key `{key}`",
                page.display()
            );
        }
    }
}

#[test]
fn the_manual_names_every_field_of_every_kind_view() {
    let kinds = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/kinds");
    let views = [
        ("view-job.md", vec!["job/view.rs"]),
        ("view-swot.md", vec!["swot.rs"]),
        ("view-campaign.md", vec!["campaign/view.rs"]),
        ("view-case-study.md", vec!["case_study/view.rs"]),
        (
            "view-calendar.md",
            vec!["calendar/view.rs", "calendar/grid.rs"],
        ),
        ("view-showcase.md", vec!["showcase/view.rs"]),
        ("view-resume.md", vec!["resume/view.rs"]),
    ];
    for (page, sources) in views {
        let text = std::fs::read_to_string(docs().join("content/templates").join(page)).unwrap();
        for source in sources {
            let code = std::fs::read_to_string(kinds.join(source)).unwrap();
            for field in serialized_fields(&code) {
                assert!(
                    text.contains(&format!("- `{field}`: ")),
                    "templates/{page} does not describe `{field}` of src/kinds/{source}"
                );
            }
        }
    }
}

/// The slugs of the pages in a section's folder: `name.md` and bundles `name/index.md`.
fn pages_of(folder: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() && path.join("index.md").is_file() {
            pages.push(name);
        } else if let Some(stem) = name.strip_suffix(".md")
            && stem != "_index"
            && !stem.contains('.')
        {
            pages.push(stem.to_string());
        }
    }
    pages.sort();
    pages
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            files.push(path);
        }
    }
    files
}

/// Every `href="/…"` of a page, without its fragment or query.
fn internal_links(html: &str) -> Vec<String> {
    html.split("href=\"/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|link| link.split(['#', '?']).next().unwrap_or_default())
        .map(|link| format!("/{link}"))
        .collect()
}

/// The top-level property names of a JSON Schema file.
fn keys_of(path: &Path) -> BTreeSet<String> {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    schema["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// The `pub` fields of the `#[derive(…Serialize…)]` structs of a source file.
fn serialized_fields(code: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let (mut serialize, mut inside) = (false, false);
    for line in code.lines().map(str::trim) {
        if line.starts_with("#[derive") {
            serialize = line.contains("Serialize");
        } else if line.contains(" struct ") && line.ends_with('{') {
            inside = serialize;
            serialize = false;
        } else if line == "}" {
            inside = false;
        } else if inside
            && let Some(rest) = line
                .strip_prefix("pub ")
                .or(line.strip_prefix("pub(crate) "))
            && let Some((name, _)) = rest.split_once(':')
        {
            fields.push(name.trim_start_matches("r#").to_string());
        }
    }
    fields
}
