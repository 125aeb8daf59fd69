//! The Markdown cache in `.folio-cache/markdown/` (an index and a few pack files): a
//! rebuild reuses what did not change, and always equals a build from scratch.

use crate::harness::TestSite;

fn site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Cache\nbase_url: https://example.org\ntaxonomies: [tags]\nsearch: false\n",
    );
    site.page(
        "notes/_index.md",
        "title: Notes",
        "Notes about [the plan](@/notes/plan.md).\n",
    );
    site.page(
        "notes/plan.md",
        "title: План\ndate: 2026-01-05\ntags: [стратегія]",
        "## Кроки\n\nSee [the launch](@/notes/launch.md#goals).\n\n```rust\nfn main() {}\n```\n\n<b onclick=\"steal()\">raw</b>\n",
    );
    site.page(
        "notes/launch.md",
        "title: ნაბიჯი\ndate: 2026-01-04",
        "## Goals\n\nገበያ ውጤት and [back](@/notes/plan.md).\n",
    );
    site
}

/// Builds with the cache into `public/` and without it into `fresh/`; they must match.
fn assert_warm_equals_cold(site: &TestSite) {
    site.build().ok();
    site.folio(&["build", "--no-minify", "-o", "fresh", "--no-cache"])
        .ok();
    let warm = site.snapshot("public");
    let cold = site.snapshot("fresh");
    assert_eq!(warm.len(), cold.len());
    for ((warm_name, warm_bytes), (cold_name, cold_bytes)) in warm.iter().zip(&cold) {
        assert_eq!(warm_name, cold_name);
        assert!(
            warm_bytes == cold_bytes,
            "{warm_name} differs from a build without the cache:\n{}\n---\n{}",
            String::from_utf8_lossy(warm_bytes),
            String::from_utf8_lossy(cold_bytes)
        );
    }
}

#[test]
fn rebuilds_reuse_the_cache_and_equal_a_cold_build_after_every_kind_of_change() {
    let site = site();
    site.build().ok();
    let entries = site.tree(".folio-cache/markdown");
    assert_eq!(
        indexed(&site).len(),
        4,
        "two pages, their section and the home page"
    );
    assert!(!site.exists("fresh"));

    // Nothing changed: same output, no new pack, the same index.
    let index = site.read(".folio-cache/markdown/index");
    let told = site.build().ok().stderr();
    assert!(
        told.contains("(Markdown: 4 from the cache, 0 rendered)"),
        "{told}"
    );
    assert_warm_equals_cold(&site);
    assert_eq!(site.tree(".folio-cache/markdown"), entries);
    assert_eq!(site.read(".folio-cache/markdown/index"), index);

    // A page's text.
    site.page(
        "notes/launch.md",
        "title: ნაბიჯი\ndate: 2026-01-04",
        "## Goals\n\nNew words here, and [back](@/notes/plan.md).\n",
    );
    assert_warm_equals_cold(&site);
    assert!(
        site.read("public/notes/launch/index.html")
            .contains("New words here")
    );

    // The URL of a page that another page links to (its body is unchanged).
    site.page(
        "notes/launch.md",
        "title: ნაბიჯი\ndate: 2026-01-04\nslug: go-live",
        "## Goals\n\nNew words here, and [back](@/notes/plan.md).\n",
    );
    assert_warm_equals_cold(&site);
    let plan = site.read("public/notes/plan/index.html");
    assert!(plan.contains("href=\"/notes/go-live/#goals\""), "{plan}");

    // Options of site.yaml that change rendered Markdown: raw HTML and slugs.
    site.file(
        "site.yaml",
        "title: Cache\nbase_url: https://example.org/sub\ntaxonomies: [tags]\nsearch: false\nsafe_html: true\nslugify: transliterate\n",
    );
    assert_warm_equals_cold(&site);
    let plan = site.read("public/notes/plan/index.html");
    assert!(
        plan.contains("<b>raw</b>") && !plan.contains("onclick"),
        "{plan}"
    );
    assert!(
        plan.contains("href=\"/sub/notes/go-live/#goals\""),
        "{plan}"
    );
    assert!(
        plan.contains("<h2 id=\"kroky\">"),
        "{}",
        &plan[plan.find("<h2").unwrap_or(0)..]
    );

    // Entries of bodies that changed or are gone are dropped after a build, and so are
    // the packs that hold nothing else: twelve builds after edits leave no more packs
    // than there are entries, not one pack per build.
    for n in 0..12 {
        site.page("notes/launch.md", "title: Short", &format!("Edit {n}.\n"));
        site.build().ok();
    }
    std::fs::remove_file(site.path("content/notes/plan.md")).unwrap();
    site.page("notes/_index.md", "title: Notes", "Notes.\n");
    site.build().ok();
    assert_eq!(indexed(&site).len(), 3, "{:?}", indexed(&site));
    let packs: Vec<String> = site
        .tree(".folio-cache/markdown")
        .into_iter()
        .filter(|f| f != "index")
        .collect();
    let named: std::collections::BTreeSet<String> =
        indexed(&site).into_iter().map(|(_, pack)| pack).collect();
    assert_eq!(packs, named.into_iter().collect::<Vec<_>>());
    assert!(packs.len() <= 3, "{packs:?}");
}

/// The entries of the cache's index: (key, pack file).
fn indexed(site: &TestSite) -> Vec<(String, String)> {
    let index = site.read(".folio-cache/markdown/index");
    index
        .lines()
        .skip(1)
        .map(|line| {
            let mut parts = line.split(' ');
            let key = parts.next().unwrap().to_string();
            (key, parts.next().unwrap().to_string())
        })
        .collect()
}

#[test]
fn no_cache_neither_reads_nor_writes_the_cache() {
    let site = site();
    site.folio(&["build", "--no-minify", "--no-cache"]).ok();
    assert!(!site.exists(".folio-cache"));
}

#[test]
fn a_damaged_cache_entry_is_rendered_again() {
    let site = site();
    site.build().ok();
    let expected = site.snapshot("public");
    for entry in site.tree(".folio-cache/markdown") {
        site.file(&format!(".folio-cache/markdown/{entry}"), "not an entry");
    }
    site.build().ok();
    assert_eq!(site.snapshot("public"), expected);
}

#[test]
fn an_unchanged_file_keeps_its_modification_time() {
    let site = site();
    site.build().ok();
    let time = |rel: &str| {
        std::fs::metadata(site.path(rel))
            .unwrap()
            .modified()
            .unwrap()
    };
    let plan = time("public/notes/plan/index.html");
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.page(
        "notes/launch.md",
        "title: ნაბიჯი\ndate: 2026-01-04",
        "## Goals\n\nChanged.\n",
    );
    site.build().ok();
    assert_eq!(time("public/notes/plan/index.html"), plan);
    assert!(
        site.read("public/notes/launch/index.html")
            .contains("Changed.")
    );
}
