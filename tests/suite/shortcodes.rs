//! Shortcodes in Markdown: the shipped ones render under `safe_html` while raw HTML is
//! still sanitised, code is never expanded, a site's own shortcodes win, and every
//! mistake is reported at its place in the .md file.

use crate::harness::{TestSite, main_of};

fn safe_site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Test site\nbase_url: https://example.org\nsafe_html: true\nlanguages:\n  uk: {}\n",
    );
    site.bytes("content/reel/poster.jpg", b"not checked: shown as it is");
    site.bytes("content/reel/clip.mp4", b"a video file");
    site
}

#[test]
fn shipped_shortcodes_render_under_safe_html() {
    let site = safe_site();
    site.page(
        "reel/index.md",
        "title: Reel",
        concat!(
            "Before.\n\n",
            "{{ instagram(id=\"C5bIrChSaP1\", title=\"Glaze \\\"reel\\\"\", poster=\"poster.jpg\") }}\n\n",
            "Inline {{ kpi(value=12500.5, target=10000, label=\"Reach\") }} here.\n\n",
            "{% quote(author=\"Ann\", role=\"Buyer\") %}\nLovely *glaze*. <script>alert(1)</script>\n{% end %}\n\n",
            "{{ video(src=\"clip.mp4\", poster=\"poster.jpg\", title=\"Kiln\", autoplay=true) }}\n\n",
            "<iframe src=\"https://evil.example\"></iframe><b onclick=\"x()\">raw</b>\n",
        ),
    );
    site.build_on(crate::harness::TODAY).ok();
    let html = site.read("public/reel/index.html");
    let main = main_of(&html);
    // The facade: a button that names its platform, the poster, a plain link; no iframe.
    assert!(
        main.contains("data-embed-src=\"https://www.instagram.com/p/C5bIrChSaP1/embed/\""),
        "{main}"
    );
    assert!(
        main.contains("data-embed-title=\"Glaze &quot;reel&quot;\""),
        "{main}"
    );
    assert!(main.contains("src=\"/reel/poster.jpg\""), "{main}");
    assert!(
        main.contains("href=\"https://www.instagram.com/p/C5bIrChSaP1/\""),
        "{main}"
    );
    assert!(
        !main.contains("<iframe"),
        "raw HTML iframes are sanitised away: {main}"
    );
    assert!(
        !main.contains("onclick") && !main.contains("alert(1)"),
        "{main}"
    );
    assert!(main.contains("<b>raw</b>"), "{main}");
    // A block shortcode is not wrapped in a paragraph; an inline one stays inline.
    assert!(!main.contains("<p><figure"), "{main}");
    assert!(
        main.contains("Inline <span class=\"kpi-figure kpi-figure-met\">"),
        "{main}"
    );
    assert!(main.contains("12,500.5"), "the figure in English: {main}");
    assert!(
        main.contains("<em>glaze</em>") && main.contains("<cite>Ann</cite>"),
        "{main}"
    );
    // Autoplay only muted, with controls.
    assert!(
        main.contains("controls") && main.contains("autoplay muted playsinline"),
        "{main}"
    );
    assert!(
        main.contains("<source src=\"/reel/clip.mp4\" type=\"video/mp4\">"),
        "{main}"
    );
    // The one script, only here.
    assert!(
        html.contains("<script src=\"/embeds.js\" defer></script>"),
        "{html}"
    );
    assert!(site.exists("public/embeds.js"));
    let home = site.read("public/index.html");
    assert!(
        !home.contains("<script src="),
        "a page without a facade loads no script"
    );
}

#[test]
fn figures_follow_the_page_language() {
    let site = safe_site();
    site.page(
        "k.uk.md",
        "title: К",
        "{{ kpi(value=12500.5, target=10000, label=\"Охоплення\") }}\n",
    );
    site.page("k.md", "title: K", "Text.\n");
    site.build_on(crate::harness::TODAY).ok();
    let main = site.read("public/uk/k/index.html");
    assert!(main.contains("12\u{a0}500,5"), "{main}");
    assert!(main.contains("ціль 10\u{a0}000"), "{main}");
}

#[test]
fn code_is_never_expanded() {
    let site = safe_site();
    site.page(
        "code.md",
        "title: Code",
        "Write `{{ youtube(id=\"x\") }}` like this:\n\n```\n{{ kpi(value=1) }}\n```\n\n    {% quote() %}\n",
    );
    site.build_on(crate::harness::TODAY).ok();
    let main = site.read("public/code/index.html");
    assert!(
        main.contains("<code>{{ youtube(id=\"x\") }}</code>"),
        "{main}"
    );
    assert!(main.contains("{{ kpi(value=1) }}"), "{main}");
    assert!(main.contains("<code>{% quote() %}\n</code>"), "{main}");
    assert!(
        !main.contains("class=\"facade") && !main.contains("class=\"kpi-figure"),
        "{main}"
    );
}

#[test]
fn a_site_shortcode_overrides_and_extends_the_theme() {
    let site = safe_site();
    site.file(
        "templates/shortcodes/kpi.html",
        "{# args: value:number #}<strong class=\"mine\">{{ value }}</strong>",
    );
    site.file(
        "templates/shortcodes/note.html",
        "<aside class=\"note\">{{ body | safe }} ({{ lang }})</aside>",
    );
    site.page(
        "own.md",
        "title: Own",
        "{{ kpi(value=3) }}\n\n{% note() %}\nA *note*.\n{% end %}\n",
    );
    site.build_on(crate::harness::TODAY).ok();
    let main = site.read("public/own/index.html");
    assert!(main.contains("<strong class=\"mine\">3</strong>"), "{main}");
    assert!(
        main.contains("<aside class=\"note\"><p>A <em>note</em>.</p>\n (en)</aside>"),
        "{main}"
    );
}

#[test]
fn mistakes_are_reported_where_they_are() {
    let site = safe_site();
    site.page(
        "bad.md",
        "title: Bad",
        concat!(
            "Intro.\n\n",
            "{{ youtub(id=\"dQw4w9WgXcQ\", title=\"x\") }}\n",
            "{{ youtube(id=\"dQw4w9WgXc\", title=\"x\") }}\n",
            "{{ vimeo(title=\"x\") }}\n",
            "{{ tiktok(id=\"7212345678901234567\", title=\"t\", colour=\"red\") }}\n",
            "{{ instagram(id=\"C5bIrChSaP1\", title=\"t\", poster=\"missing.jpg\") }}\n",
            "{{ kpi(value=\"many\", label=\"x\") }}\n",
            "{{ quote(author=\"A) }}\n",
        ),
    );
    let err = site.build_on(crate::harness::TODAY).fails();
    let expect = [
        ("content/bad.md:6:4", "unknown shortcode `youtub`"),
        ("content/bad.md:7:15", "malformed youtube id `dQw4w9WgXc`"),
        (
            "content/bad.md:8:4",
            "shortcode `vimeo` needs the argument `id`",
        ),
        (
            "content/bad.md:9:48",
            "unknown argument `colour` of shortcode `tiktok`",
        ),
        (
            "content/bad.md:10:50",
            "poster file `missing.jpg` not found",
        ),
        ("content/bad.md:11:14", "`value`: expected a number"),
        ("content/bad.md:12:17", "this string has no closing quote"),
    ];
    for (place, message) in expect {
        assert!(err.contains(place), "{place} missing:\n{err}");
        assert!(err.contains(message), "{message} missing:\n{err}");
    }
    assert!(err.contains("did you mean `youtube`?"), "{err}");
}
