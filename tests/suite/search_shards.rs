//! The search index of a large site, in shards: the search page queries the shards
//! of its language together, a rebuild with nothing changed writes the same index, an
//! edit indexes one shard again, and the edited page is found by its new words only.
//!
//! A site is large from 1,000 pages to index; `FOLIO_SEARCH_SHARD_PAGES` lowers that
//! so that a test site of a few pages gets the same layout.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

use crate::chromium::browser_tools;
use crate::harness::{TODAY, TestSite};
use crate::search::{Browser, render_search_page, results_for, serve_dir};

/// Pages per shard in these tests.
const SHARD_PAGES: &str = "3";

/// A word of each English note; none is the start of another (Pagefind matches
/// prefixes).
const WORDS: [&str; 12] = [
    "apple",
    "banana",
    "cherry",
    "damson",
    "elder",
    "fig",
    "grape",
    "hazel",
    "kiwi",
    "lemon",
    "mango",
    "nectarine",
];

/// A site of 12 English notes and 2 Ukrainian ones, each with a word of its own.
fn sharded_site() -> TestSite {
    let site = TestSite::empty();
    site.file(
        "site.yaml",
        "title: Shards\nbase_url: https://example.org\nlanguages:\n  uk: {title: Шарди}\n",
    );
    site.page("_index.md", "title: Home", "Welcome.\n");
    for (n, word) in WORDS.iter().enumerate() {
        site.page(
            &format!("notes/n{n}.md"),
            &format!("title: Note {n}\ndate: 2024-01-{:02}", n + 1),
            &format!("The plan of note {n} names {word} once.\n"),
        );
    }
    for (n, word) in ["смородина", "калина"].iter().enumerate() {
        site.page(
            &format!("notes/n{n}.uk.md"),
            &format!("title: Нотатка {n}\ndate: 2024-01-{:02}", n + 1),
            &format!("План нотатки {n}: {word}.\n"),
        );
    }
    site
}

/// `folio build` with small shards, on the tests' day.
fn build(site: &TestSite) {
    build_with(site, &[]);
}

/// [`build`] with more arguments.
fn build_with(site: &TestSite, more: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", "--today", TODAY])
        .args(more)
        .env("FOLIO_SEARCH_SHARD_PAGES", SHARD_PAGES)
        .current_dir(site.root())
        .output()
        .expect("run folio");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `pagefind/shards.json`: language → shard folders.
fn shards(site: &TestSite) -> BTreeMap<String, Vec<String>> {
    let json: Value = serde_json::from_str(&site.read("public/pagefind/shards.json"))
        .expect("shards.json is JSON");
    serde_json::from_value(json).expect("language → folders")
}

/// The shard folders whose files differ between two snapshots of `public/pagefind`.
fn changed_shards(before: &[(String, Vec<u8>)], after: &[(String, Vec<u8>)]) -> BTreeSet<String> {
    let before: BTreeMap<_, _> = before.iter().cloned().collect();
    let after: BTreeMap<_, _> = after.iter().cloned().collect();
    let paths: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    paths
        .into_iter()
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| p.split('/').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_large_site_is_indexed_in_shards_of_each_language() {
    let site = sharded_site();
    build(&site);
    let shards = shards(&site);
    assert_eq!(shards.len(), 2, "{shards:?}");
    // 13 English pages, 3 a shard on average (by a hash of their paths).
    assert!((3..=5).contains(&shards["en"].len()), "{shards:?}");
    assert_eq!(shards["uk"], ["uk-0/"]);
    // The first shard of a language is a whole bundle: Pagefind's script loads from it.
    let files = site.tree("public/pagefind");
    for shard in [&shards["en"][0], &shards["uk"][0]] {
        assert!(files.contains(&format!("{shard}pagefind.js")), "{files:?}");
    }
    // The others hold the index alone.
    for shard in &shards["en"][1..] {
        assert!(
            files.contains(&format!("{shard}pagefind-entry.json")),
            "{files:?}"
        );
        assert!(!files.contains(&format!("{shard}pagefind.js")), "{files:?}");
    }
    // The search page loads the UI from pagefind/ itself.
    assert!(files.contains(&"pagefind-ui.js".to_string()));
}

#[test]
fn a_rebuild_keeps_every_shard_and_an_edit_changes_one() {
    let site = sharded_site();
    build(&site);
    let first = site.snapshot("public/pagefind");
    // Nothing changed, even with the output gone: the same bytes, taken from the cache.
    std::fs::remove_dir_all(site.path("public")).unwrap();
    build(&site);
    assert_eq!(site.snapshot("public/pagefind"), first);
    // One page's text changes: one shard is written again, the others are left as
    // they were.
    site.page(
        "notes/n7.md",
        "title: Note 7\ndate: 2024-01-08",
        "The plan of note 7 names another word now.\n",
    );
    build(&site);
    let changed = changed_shards(&first, &site.snapshot("public/pagefind"));
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed.iter().all(|s| s.starts_with("en-")), "{changed:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edited_page_is_found_by_its_new_word_and_not_its_old_one() {
    let Some(tools) = browser_tools("an_edited_page_is_found_by_its_new_word_and_not_its_old_one")
    else {
        return;
    };
    let site = sharded_site();
    build(&site);
    let write_search_pages = || {
        for lang in ["en", "uk"] {
            site.file(
                &format!("public/__search/{lang}/index.html"),
                &render_search_page(lang, ""),
            );
        }
    };
    write_search_pages();
    let url = serve_dir(&site.path("public"));
    let browser = Browser::start(&tools).await;
    let en = format!("{url}/__search/en/");
    // Words of every English shard are found from the one search page.
    for (n, word) in WORDS.iter().enumerate() {
        let found = results_for(&browser, &en, word).await;
        assert_eq!(found, [format!("/notes/n{n}/")], "{word}");
    }
    let uk = format!("{url}/__search/uk/");
    assert_eq!(
        results_for(&browser, &uk, "калина").await,
        ["/uk/notes/n1/"]
    );
    // English words are not searched from the Ukrainian page.
    assert!(results_for(&browser, &uk, "banana").await.is_empty());

    site.page(
        "notes/n7.md",
        "title: Note 7\ndate: 2024-01-08",
        "The plan of note 7 names blackcurrant now.\n",
    );
    build(&site);
    write_search_pages();
    assert_eq!(
        results_for(&browser, &en, "blackcurrant").await,
        ["/notes/n7/"]
    );
    assert!(results_for(&browser, &en, "hazel").await.is_empty());
    assert_eq!(results_for(&browser, &en, "kiwi").await, ["/notes/n8/"]);
}

/// Whether `path` matches a `_headers` rule as Netlify and Cloudflare Pages read it:
/// `:name` is one path segment, a final `*` the rest of the path.
fn header_rule_matches(rule: &str, path: &str) -> bool {
    let mut rule = rule.trim_start_matches('/').split('/');
    let mut path = path.trim_start_matches('/').split('/');
    loop {
        match (rule.next(), path.next()) {
            (Some("*"), Some(_)) => return true,
            (Some(r), Some(_)) if r.starts_with(':') => {}
            (Some(r), Some(p)) if r == p => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}

#[test]
fn host_headers_cache_every_shards_hashed_files_for_a_year() {
    let site = sharded_site();
    build_with(&site, &["--host-files"]);
    let headers = site.read("public/_headers");
    let year = "Cache-Control: public, max-age=31536000, immutable";
    let cached: Vec<&str> = headers
        .split("\n/")
        .filter(|block| block.contains(year))
        .filter_map(|block| block.lines().next())
        .map(|rule| rule.trim_start_matches('/'))
        .collect();
    let hashed: Vec<String> = site
        .tree("public/pagefind")
        .into_iter()
        .filter(|f| {
            ["/fragment/", "/index/", "/filter/"]
                .iter()
                .any(|d| f.contains(d))
        })
        .collect();
    // Fragments, index chunks and filters of several shards.
    assert!(hashed.iter().any(|f| f.starts_with("en-")), "{hashed:?}");
    for file in &hashed {
        let path = format!("pagefind/{file}");
        assert!(
            cached.iter().any(|rule| header_rule_matches(rule, &path)),
            "{path} is not cached by any rule of:\n{headers}"
        );
    }
    // Pagefind's entry and scripts keep their names: they are never cached for a year.
    let first = &shards(&site)["en"][0];
    for name in ["pagefind-entry.json", "pagefind.js"] {
        let file = format!("pagefind/{first}{name}");
        assert!(
            !cached.iter().any(|rule| header_rule_matches(rule, &file)),
            "{file} must not be cached for a year:\n{headers}"
        );
    }
}
