//! Taxonomies by name: `site.yaml` declares any (`taxonomies: [tags, tools]`), each a
//! front matter key holding a list of terms, with list and term pages in every
//! language, titled by the `taxonomy_<name>` string of `translations:`.

use crate::harness::{TestSite, main_of};

fn tools_site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Portfolio\nbase_url: https://example.org\ndefault_language: en\nlanguages:\n  uk: {title: Портфоліо}\ntaxonomies: [tags, tools]\ntranslations:\n  en: {taxonomy_tools: Tools}\n  uk: {taxonomy_tools: Інструменти}\n",
    )
    .page("_index.uk.md", "title: Головна", "")
    .page(
        "brand-kit.md",
        "title: Brand kit\ntags: [design]\ntools: [Figma, Canva]",
        "",
    )
    .page(
        "brand-kit.uk.md",
        "title: Брендбук\ntools: [Figma, Canva]",
        "",
    );
    site
}

#[test]
fn a_declared_taxonomy_has_list_and_term_pages_in_every_language() {
    let site = tools_site();
    site.build().ok();
    for file in [
        "public/tools/index.html",
        "public/tools/figma/index.html",
        "public/tools/canva/index.html",
        "public/uk/tools/index.html",
        "public/uk/tools/figma/index.html",
        "public/uk/tools/canva/index.html",
        "public/tags/design/index.html",
    ] {
        assert!(
            site.exists(file),
            "{file} missing; got {:?}",
            site.tree("public")
        );
    }
    let list = site.read("public/tools/index.html");
    assert!(main_of(&list).contains("<h1>Tools</h1>"), "{list}");
    assert!(list.contains("href=\"/tools/figma/\""), "{list}");
    assert!(list.contains("href=\"/tools/canva/\""), "{list}");
    let uk_list = site.read("public/uk/tools/index.html");
    assert!(
        main_of(&uk_list).contains("<h1>Інструменти</h1>"),
        "{uk_list}"
    );
    assert!(uk_list.contains("href=\"/uk/tools/figma/\""), "{uk_list}");

    let term = site.read("public/tools/figma/index.html");
    let main = main_of(&term);
    assert!(main.contains("href=\"/brand-kit/\""), "{main}");
    assert!(main.contains("Brand kit"), "{main}");
    assert!(
        !main.contains("Брендбук"),
        "only pages of its language: {main}"
    );
    let uk_term = site.read("public/uk/tools/figma/index.html");
    let uk_main = main_of(&uk_term);
    assert!(uk_main.contains("href=\"/uk/brand-kit/\""), "{uk_main}");
    assert!(uk_main.contains("Брендбук"), "{uk_main}");
    // No UI string shows as its key: the back link has the taxonomy's title when
    // the theme has no `all_tools` string.
    for html in [main, uk_main] {
        assert!(
            !html.contains("all_tools") && !html.contains("taxonomy_tools"),
            "{html}"
        );
    }
    assert!(main.contains(">Tools</a></p>"), "{main}");
    assert!(uk_main.contains(">Інструменти</a></p>"), "{uk_main}");
    // The page links its terms.
    let page = site.read("public/uk/brand-kit/index.html");
    assert!(page.contains("href=\"/uk/tools/canva/\""), "{page}");
}

#[test]
fn a_taxonomy_cannot_be_named_like_a_key_pages_have() {
    for (taxonomies, message) in [
        ("[tags, title]", "taxonomy `title` is a key every page has"),
        ("[tags, salary]", "taxonomy `salary` is a key of kind job"),
        (
            "[tags, \"Bad Name\"]",
            "taxonomy `Bad Name` is not a valid name",
        ),
    ] {
        let site = TestSite::new();
        site.file(
            "site.yaml",
            &format!("title: T\nbase_url: https://example.org\ntaxonomies: {taxonomies}\n"),
        );
        let err = site.build().fails();
        // On the name, inside the brackets.
        assert!(err.contains("site.yaml:3:20"), "{taxonomies}: {err}");
        assert!(err.contains(message), "{taxonomies}: {err}");
        assert!(!site.exists("public"));
    }
    // On its own line, the error is on that line.
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\ntaxonomies:\n  - tags\n  - salary\n",
    );
    let err = site.build().fails();
    assert!(err.contains("site.yaml:5:5"), "{err}");
    assert!(
        err.contains("taxonomy `salary` is a key of kind job"),
        "{err}"
    );
}
