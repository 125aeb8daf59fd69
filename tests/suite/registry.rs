//! The registry of kinds: every kind `folio new` offers is written where its module
//! says, in any language, and reads back without a key error; the site `folio init`
//! writes renders one page of every kind with the kind's template.

use std::collections::BTreeMap;
use std::path::Path;

use folio::{KINDS, KindSpec};

use crate::harness::{TODAY, TestSite};

/// The kinds `folio new --help` lists: `[possible values: page, job, …]`.
fn kinds_in_help(site: &TestSite) -> Vec<String> {
    let help = site.folio(&["new", "--help"]).ok().stdout();
    // However clap wraps the line.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let list = help
        .split("[possible values: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no list of kinds in {help}"));
    list.split(", ").map(str::to_string).collect()
}

fn spec(kind: &str) -> &'static dyn KindSpec {
    folio::kind(kind).unwrap_or_else(|| panic!("`{kind}` is not in the registry"))
}

/// The marker of a page rendered by the kind's template: its `<article>`.
fn marker(kind: &str) -> String {
    match kind {
        "page" => "<article class=\"page\">".to_string(),
        _ => format!("<article class=\"page {}", kind.replace('_', "-")),
    }
}

/// A site written by `folio init` into `site/`, with Ukrainian as a second language.
fn init_site() -> TestSite {
    let site = TestSite::empty();
    site.folio(&["init", "site"]).ok();
    let config = site.read("site/site.yaml");
    assert!(
        !config.lines().any(|l| l.starts_with("languages:")),
        "the scaffold now has languages; drop this addition:\n{config}"
    );
    site.file(
        "site/site.yaml",
        &format!("{config}languages:\n  uk:\n    title: Ваше ім'я\n"),
    );
    site
}

#[test]
fn new_help_lists_the_registry() {
    let site = TestSite::empty();
    let listed = kinds_in_help(&site);
    let names: Vec<&str> = folio::kind_names().collect();
    assert_eq!(listed, names);
}

#[test]
fn every_kind_is_written_to_its_folder_and_has_no_key_error() {
    let site = init_site();
    let content = Path::new("site/content");
    // The files written, relative to the site (as `check` names them).
    let mut written = Vec::new();
    for kind in kinds_in_help(&site) {
        let spec = spec(&kind);
        let title_en = format!("New {kind}");
        let title_uk = format!("Новий {kind}");
        for (args, suffix) in [
            (vec![title_en.as_str()], ".md"),
            (vec![title_uk.as_str(), "--lang", "uk"], ".uk.md"),
        ] {
            let mut command = vec!["new", "-r", "site", "--today", TODAY, kind.as_str()];
            command.extend(args);
            let run = site.folio(&command).ok();
            let printed = run.stdout().trim().to_string();
            let path = Path::new(&printed);
            assert!(site.path(&printed).is_file(), "{kind}: {printed} missing");
            assert!(printed.ends_with(suffix), "{kind}: {printed}");
            // A bundle is a folder of its own in the kind's folder.
            let folder = match spec.bundle() {
                true => path.parent().and_then(Path::parent),
                false => path.parent(),
            };
            assert_eq!(
                folder,
                Some(content.join(spec.folder()).as_path()),
                "{kind}: {printed} is not in the kind's folder `{}`",
                spec.folder()
            );
            let text = site.read(&printed);
            if kind != "page" {
                assert!(text.contains(&format!("\nkind: {kind}\n")), "{text}");
            }
            written.push(printed.strip_prefix("site/").unwrap().to_string());
        }
    }
    assert_eq!(written.len(), 2 * KINDS.len());

    let run = site.folio(&["check", "-r", "site", "--today", TODAY, "--format", "json"]);
    let found: serde_json::Value = serde_json::from_str(&run.stdout())
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout(), run.stderr()));
    let key_errors = ["unknown field", "is a key of kind", "unknown kind"];
    for item in found.as_array().unwrap() {
        let message = item["message"].as_str().unwrap();
        for key_error in key_errors {
            assert!(!message.contains(key_error), "{item:#}");
        }
        if item["severity"] == "error" {
            let file = item["file"].as_str().unwrap();
            assert!(
                written.iter().any(|w| w == file),
                "an error outside the new files: {item:#}"
            );
            assert!(
                item["line"].as_u64().is_some_and(|line| line > 1),
                "an error without the line of the front matter: {item:#}"
            );
        }
    }
    // The same in the text a writer reads.
    let text = site
        .folio(&["check", "-r", "site", "--today", TODAY])
        .stderr();
    for key_error in key_errors {
        assert!(!text.contains(key_error), "{text}");
    }
    for (index, line) in text.lines().enumerate() {
        if line.starts_with("error") {
            let place = text.lines().nth(index + 1).unwrap_or_default();
            let place = place.trim_start().trim_start_matches("┌─ ");
            let (file, position) = place.split_once(".md:").unwrap_or_else(|| {
                panic!("error without a file and line:\n{line}\n{place}\n\n{text}")
            });
            assert!(
                written.iter().any(|w| *w == format!("{file}.md")),
                "{place}"
            );
            assert!(
                position.split(':').all(|n| n.parse::<usize>().is_ok()),
                "{place}"
            );
        }
    }
}

#[test]
fn the_init_site_renders_one_page_of_every_kind() {
    let site = TestSite::empty();
    site.folio(&["init", "site"]).ok();
    site.folio(&["build", "--no-minify", "-r", "site", "--today", TODAY])
        .ok();
    // Every example page, by the kind whose template rendered it.
    let mut by_kind: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for rel in site.tree("site/content") {
        let name = rel.rsplit('/').next().unwrap();
        if !rel.ends_with(".md") || name.starts_with("_index") {
            continue;
        }
        let page = match rel.strip_suffix("/index.md") {
            Some(bundle) => bundle.to_string(),
            None => rel.strip_suffix(".md").unwrap().to_string(),
        };
        let html = site.read(&format!("site/public/{page}/index.html"));
        let kinds: Vec<&str> = folio::kind_names()
            .filter(|kind| html.contains(&marker(kind)))
            .collect();
        assert_eq!(kinds.len(), 1, "{rel} renders as {kinds:?}");
        by_kind.entry(kinds[0]).or_default().push(rel);
    }
    for kind in folio::kind_names() {
        let examples = by_kind.get(kind).map_or(&[][..], Vec::as_slice);
        assert_eq!(examples.len(), 1, "{kind}: {examples:?}");
        let folder = spec(kind).folder();
        let parent = Path::new(&examples[0])
            .parent()
            .map(|p| match spec(kind).bundle() {
                true => p.parent().unwrap_or(p),
                false => p,
            })
            .unwrap();
        assert_eq!(parent, Path::new(folder), "{kind}: {}", examples[0]);
    }
}
