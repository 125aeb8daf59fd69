//! `unlisted: true`: a page published for those who have its link only.

use crate::harness::{TODAY, TestSite};

fn site(unlisted: bool) -> TestSite {
    let site = TestSite::new();
    site.page("notes/_index.md", "title: Notes", "");
    site.page("jobs/_index.md", "title: Jobs", "");
    site.page(
        "notes/a.md",
        "title: Alpha\ndate: 2026-01-01\ntags: [plan]",
        "A.",
    );
    site.page(
        "notes/b.md",
        &format!(
            "title: Bravo for one client\ndate: 2026-01-02\ntags: [plan]\nunlisted: {unlisted}"
        ),
        "Zanzibarian strategy.",
    );
    site.page(
        "notes/c.md",
        "title: Charlie\ndate: 2026-01-03\ntags: [plan]",
        "C.",
    );
    site.page(
        "jobs/secret.md",
        &format!(
            "title: Quiet role\nkind: job\ndate: 2026-11-01\nvalid_through: 2027-01-15\nunlisted: {unlisted}\n\
             company: {{name: Teplo}}\nlocation: {{city: Kyiv, country: UA}}\napply: {{email: a@b.c}}"
        ),
        "",
    );
    site
}

fn indexed_pages(site: &TestSite) -> u64 {
    let entry: serde_json::Value =
        serde_json::from_str(&site.read("public/pagefind/pagefind-entry.json")).unwrap();
    entry["languages"]["en"]["page_count"].as_u64().unwrap()
}

#[test]
fn an_unlisted_page_is_reachable_by_its_url_only() {
    let site = site(true);
    site.build_on(TODAY).ok();
    let page = site.read("public/notes/b/index.html");
    assert!(page.contains("Zanzibarian strategy."));
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(
        site.read("public/jobs/secret/index.html")
            .contains("Quiet role")
    );
    for listing in [
        "public/notes/index.html",
        "public/index.html",
        "public/tags/plan/index.html",
        "public/atom.xml",
        "public/sitemap.xml",
        "public/notes/a/index.html",
        "public/notes/c/index.html",
    ] {
        assert!(
            !site.read(listing).contains("/notes/b/"),
            "{listing} links to it"
        );
    }
    // Its neighbours link to each other instead.
    assert!(site.read("public/notes/a/index.html").contains("/notes/c/"));
    assert!(!site.read("public/jobs.json").contains("Quiet role"));
    assert!(!site.read("public/jobs/index.html").contains("Quiet role"));
    assert!(!site.read("public/sitemap.xml").contains("/jobs/secret/"));
    // A listed page has no robots line, and search indexes the two pages more.
    let unlisted_count = indexed_pages(&site);
    let listed = self::site(false);
    listed.build_on(TODAY).ok();
    assert!(!listed.read("public/notes/b/index.html").contains("noindex"));
    assert!(listed.read("public/notes/index.html").contains("/notes/b/"));
    assert!(listed.read("public/jobs.json").contains("Quiet role"));
    assert_eq!(indexed_pages(&listed), unlisted_count + 2);
}
