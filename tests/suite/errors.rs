//! Bad input: every case of the SPEC's "Errors and safety" names the file, line and
//! column, shows the line, exits 1 and writes nothing.

use crate::harness::TestSite;

/// Builds a site with one bad file and returns stderr, checking exit 1 and no output.
fn build_fails(site: &TestSite) -> String {
    let stderr = site.build().fails();
    assert!(
        !site.exists("public"),
        "a failed first build must not create the output"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn malformed_yaml_points_into_the_md_file() {
    let site = TestSite::new();
    site.file(
        "content/bad.md",
        "---\ntitle: Fine\ndescription: [unclosed\n---\nbody\n",
    );
    let err = build_fails(&site);
    assert!(err.contains("content/bad.md:"), "{err}");
    // The YAML block starts on line 2; the error is on line 3 of the .md file or after.
    assert!(
        err.contains("content/bad.md:3:") || err.contains("content/bad.md:4:"),
        "{err}"
    );
    assert!(
        err.contains("description: [unclosed"),
        "shows the offending line: {err}"
    );
}

#[test]
fn missing_closing_fence() {
    let site = TestSite::new();
    site.file("content/open.md", "---\ntitle: Never closed\n\nBody text\n");
    let err = build_fails(&site);
    assert!(err.contains("content/open.md:1:1"), "{err}");
    assert!(err.contains("never closed"), "{err}");
    assert!(
        err.contains("add a line `---`"),
        "says what is expected: {err}"
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    let site = TestSite::new();
    site.file(
        "content/typo.md",
        "---\ntitle: Typo\ndescripton: oops\n---\n",
    );
    let err = build_fails(&site);
    assert!(err.contains("content/typo.md:3:1"), "{err}");
    assert!(err.contains("unknown field `descripton`"), "{err}");
    assert!(err.contains("did you mean `description`?"), "{err}");
    assert!(err.contains("descripton: oops"), "{err}");
}

#[test]
fn unknown_key_in_site_yaml() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\ntaxonomys: [tags]\n",
    );
    let err = build_fails(&site);
    assert!(err.contains("site.yaml:3:1"), "{err}");
    assert!(err.contains("did you mean `taxonomies`?"), "{err}");
}

#[test]
fn wrong_types_name_the_key_and_line() {
    let site = TestSite::new();
    site.file(
        "content/types.md",
        "---\ntitle: Types\nweight: heavy\n---\n",
    )
    .file(
        "content/date.md",
        "---\ntitle: Date\ndate: 31/12/2026\n---\n",
    );
    let err = build_fails(&site);
    assert!(err.contains("content/types.md:3:"), "{err}");
    assert!(err.contains("weight"), "{err}");
    assert!(err.contains("content/date.md:3:"), "{err}");
    assert!(err.contains("as YYYY-MM-DD (2026-11-23)"), "{err}");
}

#[test]
fn missing_title() {
    let site = TestSite::new();
    site.file("content/untitled.md", "---\ndescription: no title\n---\n");
    let err = build_fails(&site);
    assert!(err.contains("content/untitled.md:2:"), "{err}");
    assert!(err.contains("missing field `title`"), "{err}");
}

#[test]
fn non_utf8_bytes() {
    let site = TestSite::new();
    site.bytes("content/latin1.md", b"---\ntitle: Caf\xE9\n---\n");
    let err = build_fails(&site);
    assert!(err.contains("content/latin1.md:2:11"), "{err}");
    assert!(err.contains("not valid UTF-8 (byte 0xE9)"), "{err}");
}

#[test]
fn empty_file_and_file_without_front_matter() {
    let site = TestSite::new();
    site.file("content/empty.md", "")
        .file("content/plain.md", "# Just markdown\n");
    let err = build_fails(&site);
    assert!(err.contains("content/empty.md"), "{err}");
    assert!(err.contains("the file is empty"), "{err}");
    assert!(err.contains("content/plain.md:1:1"), "{err}");
    assert!(err.contains("no front matter"), "{err}");
}

#[test]
fn duplicate_urls_name_both_files() {
    let site = TestSite::new();
    site.page("about.md", "title: About", "")
        .page("about/index.md", "title: About bundle", "")
        .page("other.md", "title: Other\nslug: about", "");
    let err = build_fails(&site);
    assert!(err.contains("duplicate URL `/about/`"), "{err}");
    assert!(err.contains("content/about.md"), "{err}");
    assert!(err.contains("content/about/index.md"), "{err}");
    assert!(err.contains("content/other.md"), "{err}");
}

#[test]
fn slug_and_alias_cannot_climb_out() {
    let site = TestSite::new();
    site.page("evil.md", "title: Evil\nslug: ../../escape", "")
        .page(
            "evil2.md",
            "title: Evil 2\naliases:\n  - /fine/\n  - ../../../etc/cron.d/x",
            "",
        )
        .page("evil3.md", "title: Evil 3\nslug: /etc", "");
    let err = build_fails(&site);
    assert!(err.contains("content/evil.md:3"), "{err}");
    assert!(err.contains("slug `../../escape`"), "{err}");
    assert!(err.contains("content/evil2.md:3"), "{err}");
    assert!(
        err.contains("alias `../../../etc/cron.d/x` refused"),
        "{err}"
    );
    assert!(err.contains("content/evil3.md:3"), "{err}");
    let parent = site.root().parent().unwrap();
    assert!(!parent.join("escape").exists());
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let site = TestSite::new();
    site.page("blog/post.md", "title: Post", "");
    std::os::unix::fs::symlink("..", site.path("content/blog/loop")).unwrap();
    let err = build_fails(&site);
    assert!(err.contains("symlink loop"), "{err}");
    assert!(err.contains("content/blog/loop"), "{err}");
}

#[test]
fn template_syntax_error_names_template_line_and_column() {
    let site = TestSite::new();
    site.file(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{% if %}</p>\n{% endblock %}\n",
    )
    .page("x.md", "title: X", "");
    let err = build_fails(&site);
    assert!(err.contains("templates/page.html:3:"), "{err}");
    assert!(err.contains("template syntax error"), "{err}");
    assert!(err.contains("<p>{% if %}</p>"), "shows the line: {err}");

    // Every broken template is reported in one build, not only the first.
    site.file("templates/section.html", "ok\n{{ unclosed \n");
    let err = build_fails(&site);
    assert!(err.contains("templates/page.html:3:"), "{err}");
    assert!(err.contains("templates/section.html:3:1"), "{err}");
    // With an unreadable template too: all three together.
    site.bytes("templates/taxonomy_list.html", b"{{ x }} \xff\xff");
    let err = build_fails(&site);
    assert!(err.contains("templates/page.html:3:"), "{err}");
    assert!(err.contains("templates/section.html:3:1"), "{err}");
    assert!(err.contains("templates/taxonomy_list.html"), "{err}");
}

#[test]
fn missing_template() {
    let site = TestSite::new();
    site.page("x.md", "title: X\ntemplate: fancy.html", "");
    let err = build_fails(&site);
    assert!(err.contains("content/x.md:3"), "{err}");
    assert!(err.contains("template `fancy.html` not found"), "{err}");
}

#[test]
fn template_runtime_error_names_template_and_page() {
    let site = TestSite::new();
    site.file("templates/page.html", "{{ page.no_such_field }}")
        .page("x.md", "title: X", "");
    let err = build_fails(&site);
    assert!(err.contains("templates/page.html"), "{err}");
    assert!(err.contains("content/x.md"), "{err}");
    assert!(err.contains("no_such_field"), "{err}");
}

#[test]
fn broken_internal_link_names_file_and_line() {
    let site = TestSite::new();
    site.page(
        "x.md",
        "title: X",
        "Intro.\n\nSee [the plan](@/plans/missing.md) now.\n",
    );
    let err = build_fails(&site);
    assert!(err.contains("content/x.md:6:5"), "{err}");
    assert!(
        err.contains("broken internal link `@/plans/missing.md`"),
        "{err}"
    );
}

#[test]
fn unknown_kind_and_a_calendar_without_its_period() {
    let site = TestSite::new();
    site.page("a.md", "title: A\nkind: pgae", "")
        .page("b.md", "title: B\nkind: calendar", "");
    let err = build_fails(&site);
    assert!(
        err.contains("content/a.md:3") && err.contains("did you mean `page`?"),
        "{err}"
    );
    assert!(
        err.contains("content/b.md:3") && err.contains("a calendar needs a `period`"),
        "{err}"
    );
}

#[test]
fn all_errors_come_together_sorted_by_file() {
    let site = TestSite::new();
    site.file("content/zeta.md", "---\ntitel: Z\n---\n")
        .file("content/alpha.md", "")
        .file("content/mid.md", "---\ntitle: M\ndate: never\n---\n")
        .file("templates/section.html", "{% if %}");
    let err = build_fails(&site);
    let at = |s: &str| err.find(s).unwrap_or_else(|| panic!("{s} not in {err}"));
    assert!(at("content/alpha.md") < at("content/mid.md"));
    assert!(at("content/mid.md") < at("content/zeta.md"));
    assert!(at("content/zeta.md") < at("templates/section.html"));
    assert!(err.contains("Build failed with 4 error(s)"), "{err}");
}

#[test]
fn no_site_yaml_is_a_clear_error() {
    let site = TestSite::empty();
    let err = site.build().fails();
    assert!(err.contains("site.yaml"), "{err}");
    assert!(err.contains("cannot read the site configuration"), "{err}");
}

#[test]
fn unknown_highlight_theme_suggests() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nhighlight:\n  theme: InspiredGithub\n",
    );
    let err = build_fails(&site);
    assert!(err.contains("did you mean `InspiredGitHub`?"), "{err}");
    assert!(err.contains("site.yaml:2"), "{err}");
}
