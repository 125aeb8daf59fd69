//! Structured data: the author's `Person` on the home page and referenced by `@id`
//! elsewhere, breadcrumbs below the home page, `Article`s, and the demo's pages
//! passing a real rich-results validator (`@adobe/structured-data-validator`, from
//! npm like axe-core) with no error.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::harness::{TODAY, TestSite, json_ld_of};

fn of_type<'a>(objects: &'a [Value], ty: &str) -> Option<&'a Value> {
    objects.iter().find(|o| o["@type"] == ty)
}

#[test]
fn the_author_is_one_person_referenced_by_id() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        concat!(
            "title: Olena's folio\nbase_url: https://example.org/folio\n",
            "author:\n  name: Olena K\n  job_title: Social-media manager\n  image: /olena.jpg\n",
            "  links:\n    - {name: LinkedIn, url: 'https://www.linkedin.com/in/olena'}\n",
        ),
    );
    site.page("notes/_index.md", "title: Notes", "");
    site.page(
        "notes/launch.md",
        "title: Launch notes\ndate: 2026-03-01\nupdated: 2026-04-02\ntags: [launch]",
        "Text.\n",
    );
    site.page("notes/undated.md", "title: Undated", "Text.\n");
    site.build_on(TODAY).ok();

    let home = json_ld_of(&site.read("public/index.html"));
    let person = of_type(&home, "Person").expect("a Person on the home page");
    assert_eq!(person["@id"], "https://example.org/folio/#person");
    assert_eq!(person["jobTitle"], "Social-media manager");
    assert_eq!(person["image"], "https://example.org/folio/olena.jpg");
    assert_eq!(person["sameAs"][0], "https://www.linkedin.com/in/olena");
    assert!(
        of_type(&home, "BreadcrumbList").is_none(),
        "no breadcrumbs at home"
    );

    let launch = json_ld_of(&site.read("public/notes/launch/index.html"));
    let article = of_type(&launch, "Article").expect("a dated page is an Article");
    assert_eq!(article["headline"], "Launch notes");
    assert_eq!(
        article["author"]["@id"],
        "https://example.org/folio/#person"
    );
    assert!(
        article["datePublished"]
            .as_str()
            .unwrap()
            .starts_with("2026-03-01")
    );
    assert!(
        article["dateModified"]
            .as_str()
            .unwrap()
            .starts_with("2026-04-02")
    );
    assert!(
        of_type(&launch, "Person").is_none(),
        "the Person itself only at home"
    );
    let crumbs = of_type(&launch, "BreadcrumbList").expect("breadcrumbs");
    let names: Vec<&str> = crumbs["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Olena's folio", "Notes", "Launch notes"]);
    assert_eq!(
        crumbs["itemListElement"][2]["item"],
        "https://example.org/folio/notes/launch/"
    );

    let undated = json_ld_of(&site.read("public/notes/undated/index.html"));
    assert!(
        of_type(&undated, "Article").is_none(),
        "an undated free page is no Article"
    );
    let section = json_ld_of(&site.read("public/notes/index.html"));
    assert!(of_type(&section, "BreadcrumbList").is_some());
    let term = json_ld_of(&site.read("public/tags/launch/index.html"));
    let crumbs = of_type(&term, "BreadcrumbList").expect("a term page's breadcrumbs");
    let names: Vec<&str> = crumbs["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Olena's folio", "Tags", "launch"]);
}

/// Where npm put the validator, or why the test is skipped.
fn validator() -> Option<std::path::PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let module = repo.join("node_modules/@adobe/structured-data-validator");
    let node = Command::new("node").arg("--version").output().is_ok();
    if module.is_dir() && node {
        return Some(repo.join("tests/structured_data/validate.mjs"));
    }
    if std::env::var("FOLIO_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!(
            "FOLIO_REQUIRE_BROWSER=1 but node or {} is missing: run `npm ci --ignore-scripts`",
            module.display()
        );
    }
    eprintln!(
        "SKIPPED structured data validation: node or {} missing (run `npm ci --ignore-scripts`)",
        module.display()
    );
    None
}

#[test]
fn the_demo_passes_the_rich_results_validator() {
    let Some(script) = validator() else {
        return;
    };
    let (_out, public) = crate::demo::build_demo(TODAY, &[]);
    let run = Command::new("node")
        .arg(&script)
        .arg(&public)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let summary: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{e}: {stdout} {}", String::from_utf8_lossy(&run.stderr)));
    eprintln!(
        "structured data of the demo: {} pages, {} with data, types {}, {} errors, {} warnings",
        summary["pages"],
        summary["pagesWithData"],
        summary["types"],
        summary["errors"].as_array().unwrap().len(),
        summary["warnings"].as_array().unwrap().len(),
    );
    assert_eq!(summary["errors"], serde_json::json!([]), "{summary:#}");
    assert!(run.status.success());
    for ty in [
        "Person",
        "BreadcrumbList",
        "Article",
        "JobPosting",
        "VideoObject",
    ] {
        assert!(
            summary["types"][ty].as_u64().unwrap_or(0) > 0,
            "no {ty}: {summary}"
        );
    }
}
