//! `brand:` in site.yaml: the accent colours, logo and fonts reach the pages as CSS
//! custom properties, and a colour that would not read, or a logo that is not there,
//! is an error at its line.

use crate::harness::{TODAY, TestSite};

/// A site whose `site.yaml` ends with `brand` (indented lines under `brand:`).
fn branded(brand: &str) -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        &format!("title: Test site\nbase_url: https://example.org\nbrand:\n{brand}"),
    );
    site
}

/// The `--brand-*` properties written into a page's `<style>`.
fn brand_properties(html: &str) -> Vec<(String, String)> {
    let start = html.find("<style>:root{").expect("a brand <style>") + "<style>:root{".len();
    let end = start + html[start..].find("}</style>").unwrap();
    html[start..end]
        .split(';')
        .filter_map(|p| p.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn hex(text: &str) -> [u8; 3] {
    let byte = |i: usize| u8::from_str_radix(&text[i..i + 2], 16).unwrap();
    [byte(1), byte(3), byte(5)]
}

/// WCAG 2.x contrast ratio.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let luminance = |rgb: [u8; 3]| {
        let [r, g, b] = rgb.map(|c| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        });
        0.2126 * r + 0.7152 * g + 0.0722 * b
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn the_brand_reaches_every_page_as_custom_properties_with_the_logo_in_the_header() {
    let site = branded(
        "  accent: \"#0D7377\"\n  logo: /brand/mark.svg\n  font_heading: 'Georgia, \"Noto Serif\", serif'\n",
    );
    site.file(
        "static/brand/mark.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"/>",
    );
    site.page("about.md", "title: About", "Hello.");
    site.build_on(TODAY).ok();
    for page in ["public/index.html", "public/about/index.html"] {
        let html = site.read(page);
        let properties = brand_properties(&html);
        let get = |name: &str| {
            properties
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("no {name} in {properties:?}"))
        };
        assert_eq!(get("--brand-accent"), "#0d7377");
        assert_eq!(
            get("--brand-font-heading"),
            "Georgia, \"Noto Serif\", serif"
        );
        // No accent_dark given: the derived one reads on the dark page and its boxes.
        let dark = get("--brand-accent-dark");
        for background in [[0x15, 0x17, 0x1b], [0x1d, 0x20, 0x26]] {
            assert!(
                contrast(hex(dark), background) >= 4.5,
                "derived {dark} is too dark"
            );
        }
        assert!(contrast(hex(get("--brand-tag-fg")), hex(get("--brand-tag-bg"))) >= 4.5);
        assert!(
            html.contains(
                "<img class=\"site-logo\" src=\"/brand/mark.svg\" width=\"8\" height=\"8\" alt=\"\">Test site</a>"
            ),
            "{html}"
        );
    }
    assert!(site.exists("public/brand/mark.svg"));
    let css = site.read("public/style.css");
    assert!(
        css.contains("--accent: var(--brand-accent, "),
        "light accent"
    );
    assert!(
        css.contains("--accent: var(--brand-accent-dark, "),
        "dark accent"
    );
    assert!(
        css.contains("--chart-actual: var(--brand-accent, "),
        "the chart's bars"
    );
}

#[test]
fn a_site_without_a_brand_has_no_brand_style() {
    let site = TestSite::new();
    site.build_on(TODAY).ok();
    let html = site.read("public/index.html");
    assert!(!html.contains("--brand-"), "{html}");
    assert!(!html.contains("site-logo"), "{html}");
}

#[test]
fn colours_that_are_not_hex_or_do_not_read_are_errors_at_their_lines() {
    let site = branded("  accent: \"#7fb3ff\"\n  accent_dark: \"royalblue\"\n");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains("site.yaml:4:11"), "{err}");
    assert!(
        err.contains(
            "accent #7fb3ff has a contrast of 2.10:1 against the light background #fdfdfc \
             and 1.94:1 against its boxes #f3f4f6 (needs 4.5:1); the nearest passing shade is #"
        ),
        "{err}"
    );
    let suggested = err.split("nearest passing shade is ").nth(1).unwrap();
    for background in [[0xfd, 0xfd, 0xfc], [0xf3, 0xf4, 0xf6]] {
        assert!(contrast(hex(&suggested[..7]), background) >= 4.5, "{err}");
    }
    assert!(err.contains("site.yaml:5:16"), "{err}");
    assert!(
        err.contains("accent_dark `royalblue` is not a CSS hex colour"),
        "{err}"
    );

    let site = branded("  accent: \"#0d7377\"\n  accent_dark: \"#234\"\n");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains("site.yaml:5:16"), "{err}");
    assert!(
        err.contains("accent_dark #234 has a contrast of 1.")
            && err.contains("dark background #15171b"),
        "{err}"
    );
}

#[test]
fn an_unquoted_colour_is_a_comment_and_is_reported_not_ignored() {
    let site = branded("  accent: #0d7377\n");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains("site.yaml:4:"), "{err}");
    assert!(err.contains("brand accent is empty"), "{err}");
    assert!(err.contains("an unquoted # starts a YAML comment"), "{err}");
}

#[test]
fn a_font_stack_that_could_break_out_of_the_style_is_an_error() {
    let site = branded("  font_body: \"x}</style><script>alert(1)</script>\"\n");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains("site.yaml:4:14"), "{err}");
    assert!(err.contains("is not a CSS font stack"), "{err}");
}

#[test]
fn a_logo_that_is_missing_or_not_an_image_is_an_error_at_its_line() {
    let site = branded("  accent: \"#0d7377\"\n  logo: logo.svg\n");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains("site.yaml:5:9"), "{err}");
    assert!(
        err.contains("brand logo `logo.svg` is not a file under static/"),
        "{err}"
    );

    site.file("static/logo.svg", "Our logo, to be drawn.\n");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains("site.yaml:5:9"), "{err}");
    assert!(
        err.contains("brand logo `logo.svg` is not an image"),
        "{err}"
    );

    site.bytes("static/logo.svg", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    site.build_on(TODAY).ok();
}
