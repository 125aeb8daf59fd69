//! Output ready for production: `folio build` minifies pages, stylesheets and scripts
//! and publishes the theme's stylesheets and scripts under content-hashed names that
//! every page references and `_headers` caches for a year; `--no-minify` writes what
//! the templates made, under plain names.

use crate::harness::{TODAY, TestSite};

/// A site with a code block, a theme script and a stylesheet of its own in `static/`.
fn site() -> TestSite {
    let site = TestSite::new();
    site.page(
        "notes/code.md",
        "title: Code\ndate: 2026-01-05",
        "Some   words.\n\n```rust\nfn main() {\n    let  x = 1;\n}\n```\n",
    );
    site.file(
        "themes/default/static/js/menu.js",
        "function toggle(menu) {\n  var open = menu.getAttribute('aria-expanded') === 'true';\n  menu.setAttribute('aria-expanded', String(!open));\n}\nwindow.toggleMenu = toggle;\n",
    );
    site.file("static/extra.css", "body {\n  margin: 0px;\n}\n");
    site
}

/// The published file whose name is `stem.XXXXXXXX.ext` under `public/`.
fn hashed(site: &TestSite, stem: &str, ext: &str) -> String {
    let found: Vec<String> = site
        .tree("public")
        .into_iter()
        .filter(|f| {
            let f = f.replace('\\', "/");
            let Some(hash) = f
                .strip_prefix(&format!("{stem}."))
                .and_then(|rest| rest.strip_suffix(&format!(".{ext}")))
            else {
                return false;
            };
            hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
        .collect();
    assert_eq!(found.len(), 1, "one {stem}.HASH.{ext} in {found:?}");
    found[0].replace('\\', "/")
}

#[test]
fn every_page_references_the_hashed_stylesheets_and_headers_cache_them() {
    let site = site();
    site.folio(&["build", "--today", TODAY, "--host-files"])
        .ok();
    let style = hashed(&site, "style", "css");
    let print = hashed(&site, "print", "css");
    let highlight = hashed(&site, "highlight", "css");
    let script = hashed(&site, "js/menu", "js");
    let pages: Vec<String> = site
        .tree("public")
        .into_iter()
        .filter(|f| f.ends_with(".html") && !f.starts_with("pagefind"))
        .collect();
    assert!(pages.len() >= 3, "{pages:?}");
    for page in &pages {
        let html = site.read(&format!("public/{page}"));
        for name in [&style, &print, &highlight] {
            // Minified: the quotes around the URL may go.
            assert!(html.contains(&format!("/{name}")), "{page} lacks {name}");
        }
        assert!(
            !html.contains("/style.css"),
            "{page} names the plain style.css"
        );
    }
    // The site's own static files and Pagefind's keep their names.
    assert!(site.exists("public/extra.css"));
    assert_eq!(site.read("public/extra.css"), "body {\n  margin: 0px;\n}\n");
    assert!(site.exists("public/pagefind/pagefind-ui.js"));
    // Templates that name /style.css directly still find it.
    assert_eq!(
        site.read("public/style.css"),
        site.read(&format!("public/{style}"))
    );
    let headers = site.read("public/_headers");
    let year = "\n  Cache-Control: public, max-age=31536000, immutable";
    for name in [&style, &print, &highlight, &script] {
        assert!(headers.contains(&format!("/{name}{year}")), "{headers}");
    }
    assert!(!headers.contains("/style.css\n"), "{headers}");
}

#[test]
fn minified_output_is_smaller_and_keeps_code_blocks() {
    let site = site();
    site.folio(&["build", "--today", TODAY, "--no-minify", "-o", "plain"])
        .ok();
    site.folio(&["build", "--today", TODAY]).ok();
    let style = hashed(&site, "style", "css");
    let (small_css, plain_css) = (
        site.read(&format!("public/{style}")),
        site.read("plain/style.css"),
    );
    assert!(
        small_css.len() * 10 < plain_css.len() * 8,
        "style.css barely shrank"
    );
    assert!(!small_css.contains("\n  "));
    let (small, plain) = (
        site.read("public/notes/code/index.html"),
        site.read("plain/notes/code/index.html"),
    );
    assert!(small.len() < plain.len());
    assert!(small.contains("Some words."));
    // The code block keeps its lines and indents (the highlighter's spans between).
    let code = small.split("<pre").nth(1).expect("a code block");
    assert!(code.contains("\n    "), "{code}");
    let script = site.read(&format!("public/{}", hashed(&site, "js/menu", "js")));
    assert!(
        script.len() < site.read("plain/js/menu.js").len(),
        "{script}"
    );
    assert!(script.contains("toggleMenu"));
}

#[test]
fn no_minify_writes_plain_names_and_the_templates_text() {
    let site = site();
    site.folio(&["build", "--today", TODAY, "--no-minify"]).ok();
    let page = site.read("public/notes/code/index.html");
    assert!(page.contains("href=\"/style.css\""), "{page}");
    assert!(page.contains("<!DOCTYPE html>\n<html lang=\"en\""));
    let css = site.read("public/style.css");
    assert!(css.contains("\n  "), "style.css is minified");
    assert!(
        !site
            .tree("public")
            .iter()
            .any(|f| f.starts_with("style.") && f != "style.css")
    );
}

#[test]
fn the_hashed_name_changes_with_the_stylesheet() {
    let site = site();
    site.folio(&["build", "--today", TODAY]).ok();
    let before = hashed(&site, "style", "css");
    let script_before = hashed(&site, "js/menu", "js");
    site.file(
        "themes/default/static/style.css",
        "body {\n  color: rebeccapurple;\n}\n",
    );
    site.folio(&["build", "--today", TODAY]).ok();
    let after = hashed(&site, "style", "css");
    assert_ne!(before, after);
    assert_eq!(script_before, hashed(&site, "js/menu", "js"));
    assert_eq!(site.read(&format!("public/{after}")), "body{color:#639}");
    let home = site.read("public/index.html");
    assert!(home.contains(&format!("/{after}")), "{home}");
    assert!(!site.exists(&format!("public/{before}")), "old name kept");
}

/// The stylesheets and scripts a page loads, by the path its `href` or `src` gives.
fn loaded_assets(html: &str) -> Vec<String> {
    let re = regex::Regex::new(
        r#"<(?:link|script)\b[^>]*?\s(?:href|src)=["']?([^"'\s>]+\.(?:css|js))[\s"'>]"#,
    )
    .unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

#[test]
fn every_demo_page_loads_the_theme_files_by_their_hashed_names() {
    let (_out, public) = crate::demo::build_demo(TODAY, &[]);
    let files = crate::demo_output::files_under(&public);
    let pages = files
        .iter()
        .filter(|f| f.ends_with(".html") && !f.starts_with("pagefind/"));
    let theme = ["style.css", "print.css", "highlight.css", "embeds.js"];
    let mut loaded = std::collections::BTreeSet::new();
    for page in pages {
        let html = std::fs::read_to_string(public.join(page)).unwrap();
        for url in loaded_assets(&html) {
            let path = url.trim_start_matches('/');
            assert!(
                files.iter().any(|f| f == path),
                "{page} loads {url}: missing"
            );
            assert!(!theme.contains(&path), "{page} loads the plain {url}");
            loaded.insert(path.to_string());
        }
    }
    // Each theme file under its hashed name (embeds.js only on pages with a facade),
    // Pagefind's under its own.
    for name in theme {
        let (stem, ext) = name.split_once('.').unwrap();
        let hashed = loaded.iter().find(|l| {
            let hash = l
                .strip_prefix(&format!("{stem}."))
                .and_then(|r| r.strip_suffix(&format!(".{ext}")));
            hash.is_some_and(|h| h.len() == 8)
        });
        assert!(
            hashed.is_some(),
            "no page loads {name} by a hashed name: {loaded:?}"
        );
    }
    assert!(loaded.contains("pagefind/pagefind-ui.js"), "{loaded:?}");
}
