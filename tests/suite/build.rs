//! Building correct sites: URLs, sections, bundles, taxonomies, pagination, feeds.

use crate::harness::{TestSite, main_of};

#[test]
fn pretty_urls_for_pages_sections_and_bundles() {
    let site = TestSite::new();
    site.page("about.md", "title: About", "Me.")
        .page("work/_index.md", "title: Work", "")
        .page(
            "work/launch.md",
            "title: Launch\ndate: 2026-03-01",
            "Launched.",
        )
        .page(
            "work/kyiv-coffee/index.md",
            "title: Coffee",
            "![chart](chart.svg)",
        )
        .file(
            "content/work/kyiv-coffee/chart.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file("static/favicon.svg", "<svg/>");
    site.build().ok();
    for file in [
        "public/index.html",
        "public/about/index.html",
        "public/work/index.html",
        "public/work/launch/index.html",
        "public/work/kyiv-coffee/index.html",
        "public/work/kyiv-coffee/chart.svg",
        "public/favicon.svg",
        "public/404.html",
        "public/robots.txt",
        "public/sitemap.xml",
        "public/atom.xml",
        "public/style.css",
        "public/print.css",
        "public/highlight.css",
    ] {
        assert!(
            site.exists(file),
            "{file} missing; got {:?}",
            site.tree("public")
        );
    }
    let coffee = site.read("public/work/kyiv-coffee/index.html");
    assert!(
        coffee.contains("<img src=\"chart.svg\" alt=\"chart\""),
        "{coffee}"
    );
    let work = site.read("public/work/index.html");
    assert!(work.contains("href=\"/work/launch/\""), "{work}");
    assert!(work.contains("Launch"), "{work}");
}

#[test]
fn the_site_yaml_sets_title_author_and_lang() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Olena's portfolio\nbase_url: https://example.org/\nauthor:\n  name: Olena Kovalenko\n  links: [{name: LinkedIn, url: 'https://linkedin.example/olena'}]\n",
    );
    site.build().ok();
    let home = site.read("public/index.html");
    assert!(home.contains("<html lang=\"en\" dir=\"ltr\">"), "{home}");
    assert!(
        home.contains("Olena&#39;s portfolio"),
        "title escaped once: {home}"
    );
    assert!(home.contains("Olena Kovalenko"));
    assert!(home.contains("href=\"https://linkedin.example/olena\""));
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://example.org/\">"),
        "{home}"
    );
}

#[test]
fn sections_sort_and_paginate() {
    let site = TestSite::new();
    site.page("notes/_index.md", "title: Notes\npaginate_by: 2", "");
    for (name, date) in [
        ("a", "2026-01-01"),
        ("b", "2026-03-01"),
        ("c", "2026-02-01"),
        ("d", "2025-12-01"),
    ] {
        site.page(
            &format!("notes/{name}.md"),
            &format!("title: Note {name}\ndate: {date}"),
            "x",
        );
    }
    site.build().ok();
    let first = site.read("public/notes/index.html");
    let second = site.read("public/notes/page/2/index.html");
    let pos = |html: &str, s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not in {html}"));
    // Newest first: b (Mar), c (Feb) | a (Jan), d (Dec).
    assert!(pos(&first, "Note b") < pos(&first, "Note c"));
    assert!(!first.contains("Note a"));
    assert!(pos(&second, "Note a") < pos(&second, "Note d"));
    assert!(
        first.contains("href=\"/notes/page/2/\""),
        "next link: {first}"
    );
    assert!(
        second.contains("href=\"/notes/\""),
        "previous link: {second}"
    );
    assert!(!site.exists("public/notes/page/3/index.html"));
}

#[test]
fn sort_by_weight_and_title() {
    let site = TestSite::new();
    site.page("w/_index.md", "title: W\nsort_by: weight", "")
        .page("w/heavy.md", "title: Heavy\nweight: 10", "")
        .page("w/light.md", "title: Light\nweight: 1", "")
        .page("t/_index.md", "title: T\nsort_by: title", "")
        .page("t/z.md", "title: Zebra", "")
        .page("t/a.md", "title: aardvark", "");
    site.build().ok();
    let w = site.read("public/w/index.html");
    assert!(w.find("Light").unwrap() < w.find("Heavy").unwrap());
    let t = site.read("public/t/index.html");
    assert!(t.find("aardvark").unwrap() < t.find("Zebra").unwrap());
}

#[test]
fn taxonomies_have_list_and_term_pages_in_any_script() {
    let site = TestSite::new();
    site.page(
        "a.md",
        "title: A\ndate: 2026-01-01\ntags: [Social media, соцмережі]\nskills: [Copywriting]",
        "",
    )
    .page(
        "b.md",
        "title: B\ndate: 2026-02-01\ntags: [social media, მარკეტინგი]\nplatforms: [TikTok]",
        "",
    );
    site.build().ok();
    let tags = site.read("public/tags/index.html");
    assert!(tags.contains("href=\"/tags/social-media/\""), "{tags}");
    assert!(tags.contains("href=\"/tags/%E1%83%9B%E1%83%90%E1%83%A0%E1%83%99%E1%83%94%E1%83%A2%E1%83%98%E1%83%9C%E1%83%92%E1%83%98/\""), "{tags}");
    let term = site.read("public/tags/social-media/index.html");
    assert!(
        main_of(&term).find(">B<").unwrap() < main_of(&term).find(">A<").unwrap(),
        "newest first: {term}"
    );
    assert!(site.exists("public/tags/соцмережі/index.html"));
    assert!(site.exists("public/skills/copywriting/index.html"));
    assert!(site.exists("public/platforms/tiktok/index.html"));
    assert!(
        !site.exists("public/industries/index.html"),
        "no page for an unused taxonomy"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/tags/%D1%81%D0%BE%D1%86%D0%BC%D0%B5%D1%80%D0%B5%D0%B6%D1%96/</loc>"), "{sitemap}");
}

#[test]
fn drafts_only_with_the_flag() {
    let site = TestSite::new();
    site.page("wip.md", "title: Work in progress\ndraft: true", "");
    site.build().ok();
    assert!(!site.exists("public/wip/index.html"));
    site.folio(&["build", "--no-minify", "--drafts"]).ok();
    assert!(site.exists("public/wip/index.html"));
    // And the draft disappears again from a normal build: it was folio's file.
    site.build().ok();
    assert!(!site.exists("public/wip/index.html"));
}

#[test]
fn feed_sitemap_and_robots() {
    let site = TestSite::new();
    site.page(
        "p.md",
        "title: Fresh & new\ndate: 2026-05-01\ndescription: A <b>bold</b> claim",
        "Body **text**.",
    )
    .page("old.md", "title: Undated", "");
    site.folio(&[
        "build",
        "--no-minify",
        "--base-url",
        "https://me.example/portfolio/",
    ])
    .ok();
    let atom = site.read("public/atom.xml");
    assert!(atom.contains("<title>Fresh &amp; new</title>"), "{atom}");
    assert!(atom.contains("https://me.example/portfolio/p/"), "{atom}");
    assert!(atom.contains("2026-05-01"), "{atom}");
    assert!(
        !atom.contains("Undated"),
        "only dated pages in the feed: {atom}"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://me.example/portfolio/p/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<lastmod>2026-05-01</lastmod>"),
        "{sitemap}"
    );
    let robots = site.read("public/robots.txt");
    assert!(
        robots.contains("Sitemap: https://me.example/portfolio/sitemap.xml"),
        "{robots}"
    );
    let page = site.read("public/p/index.html");
    assert!(
        page.contains("href=\"/portfolio/style.css\""),
        "base path in asset links: {page}"
    );
    assert!(
        page.contains("A &lt;b&gt;bold&lt;&#x2F;b&gt; claim")
            || page.contains("A &lt;b&gt;bold&lt;/b&gt; claim"),
        "escaped: {page}"
    );
}

#[test]
fn aliases_redirect_to_the_page() {
    let site = TestSite::new();
    site.page("new.md", "title: New\naliases: [/old/url/]", "");
    site.build().ok();
    let redirect = site.read("public/old/url/index.html");
    assert!(
        redirect.contains("url=https://example.org/new/"),
        "{redirect}"
    );
}

#[test]
fn site_templates_override_the_theme_and_read_data() {
    let site = TestSite::new();
    site.file("templates/page.html", "{% extends \"base.html\" %}{% block content %}<p class=custom>{% set team = get_data(name=\"team\") %}{{ page.title }} by {{ team.lead }}</p>{% endblock %}")
        .file("data/team.yaml", "lead: Mariam\n")
        .page("x.md", "title: <Tricky>", "");
    site.build().ok();
    let html = site.read("public/x/index.html");
    assert!(
        html.contains("<p class=custom>&lt;Tricky&gt; by Mariam</p>"),
        "{html}"
    );
    // The rest of the theme still applies.
    assert!(html.contains("<html lang=\"en\""));
}

#[test]
fn a_page_can_pick_its_template() {
    let site = TestSite::new();
    site.file("templates/wide.html", "WIDE {{ page.title }}")
        .page("x.md", "title: X\ntemplate: wide.html", "");
    site.build().ok();
    assert_eq!(site.read("public/x/index.html"), "WIDE X");
}

#[test]
fn bom_crlf_and_empty_body_build_normally() {
    let site = TestSite::new();
    site.bytes(
        "content/bom.md",
        b"\xEF\xBB\xBF---\ntitle: With BOM\n---\nHello.\n",
    )
    .file(
        "content/crlf.md",
        "---\r\ntitle: Windows\r\ntags: [crlf]\r\n---\r\n# Heading\r\n\r\nText.\r\n",
    )
    .file(
        "content/empty-body.md",
        "---\ntitle: Only front matter\n---",
    );
    site.build().ok();
    assert!(site.read("public/bom/index.html").contains("With BOM"));
    let crlf = site.read("public/crlf/index.html");
    assert!(crlf.contains("<h1 id=\"heading\">"), "{crlf}");
    assert!(
        site.read("public/empty-body/index.html")
            .contains("Only front matter")
    );
}

#[test]
fn a_site_without_a_home_page_still_has_one() {
    let site = TestSite::empty();
    site.file("site.yaml", "title: Bare\n")
        .page("x.md", "title: X", "");
    site.build().ok();
    assert!(site.read("public/index.html").contains("Bare"));
}

/// Listings show cards through `card(…)`, which renders the site's own `page_card`.
#[test]
fn listings_show_the_sites_own_page_card_and_a_card_calling_card_is_an_error() {
    const MACROS: &str = include_str!("../../themes/default/templates/macros.html");
    let site = TestSite::new();
    site.page("notes/_index.md", "title: Notes", "")
        .page(
            "notes/a.md",
            "title: Перша\ndate: 2026-01-01\ntags: [план]",
            "",
        )
        .page(
            "notes/b.md",
            "title: Second\ndate: 2026-02-01\ntags: [план]",
            "",
        );
    let mine = MACROS.replace(
        "<article class=\"card card-{{",
        "<article data-mine=\"{{ level }}\" class=\"card card-{{",
    );
    assert_ne!(mine, MACROS);
    site.file("templates/macros.html", &mine);
    site.build().ok();
    let section = site.read("public/notes/index.html");
    let section = main_of(&section);
    assert_eq!(section.matches("data-mine=\"3\"").count(), 2, "{section}");
    assert!(section.contains(">Перша<"), "{section}");
    let term = site.read("public/tags/план/index.html");
    let term = main_of(&term);
    assert_eq!(term.matches("data-mine=\"2\"").count(), 2, "{term}");

    let before = site.snapshot("public");
    let calls_card = MACROS.replace(
        "<article class=\"card card-{{",
        "{{ card(page=page, lang=lang, level=level) | safe }}<article class=\"card card-{{",
    );
    site.file("templates/macros.html", &calls_card);
    let err = site.build().fails();
    assert!(err.contains("never end"), "{err}");
    assert_eq!(site.snapshot("public"), before, "the output is untouched");
}
