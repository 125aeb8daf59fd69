//! Markdown as it reaches the page: anchors, contents, links, code, footnotes.

use crate::harness::{TestSite, main_of};

#[test]
fn strategy_document_features() {
    let site = TestSite::new();
    site.page("about.md", "title: About", "")
        .page(
            "plan.md",
            "title: Plan\ntoc: true",
            "## Цільова аудиторія\n\n### მიზნები\n\n## የዘመቻ ግቦች\n\n| Channel | Cadence |\n|---|---|\n| TikTok | daily |\n\nReach grew[^src].\n\n[^src]: Internal report.\n\n```python\nrate = engagements / reach\n```\n\nMore [about me](@/about.md#bio) and [home](@/_index.md).\n",
        );
    site.folio(&[
        "build",
        "--no-minify",
        "--base-url",
        "https://x.example/sub",
    ])
    .ok();
    let html = site.read("public/plan/index.html");
    let main = main_of(&html);
    assert!(main.contains("<h2 id=\"цільова-аудиторія\">"), "{main}");
    assert!(main.contains("<h3 id=\"მიზნები\">"), "{main}");
    assert!(main.contains("<h2 id=\"የዘመቻ-ግቦች\">"), "{main}");
    // The table of contents links to the same ids, nested by level.
    let toc_start = main.find("class=\"toc\"").expect("a table of contents");
    let toc = &main[toc_start..];
    assert!(
        toc.find("href=\"#цільова-аудиторія\"").unwrap() < toc.find("href=\"#მიზნები\"").unwrap()
    );
    assert!(
        main.contains("<table>") && main.contains("<td>TikTok</td>"),
        "{main}"
    );
    assert!(main.contains("footnote-definition"), "{main}");
    assert!(
        main.contains("<pre class=\"code\" data-lang=\"python\" tabindex=\"0\">"),
        "{main}"
    );
    assert!(main.contains("class=\"hl-"), "{main}");
    assert!(main.contains("href=\"/sub/about/#bio\""), "{main}");
    assert!(main.contains("href=\"/sub/\""), "{main}");
    let css = site.read("public/highlight.css");
    assert!(css.contains(".hl-") && css.contains("prefers-color-scheme: dark"));
}

#[test]
fn toc_only_when_asked() {
    let site = TestSite::new();
    site.page("plain.md", "title: Plain", "## One\n\n## Two\n");
    site.build().ok();
    let html = site.read("public/plain/index.html");
    assert!(!html.contains("class=\"toc\""), "{html}");
    assert!(html.contains("<h2 id=\"one\">"));
}

#[test]
fn front_matter_values_are_escaped() {
    let site = TestSite::new();
    site.page(
        "x.md",
        "title: \"<script>alert('t')</script>\"\ndescription: \"\\\" onmouseover=\\\"x\"",
        "",
    );
    site.build().ok();
    let html = site.read("public/x/index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("\" onmouseover=\"x"), "{html}");
}
