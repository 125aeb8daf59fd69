//! Content written by others, with `safe_html: true`: every known way to run script
//! through Markdown, raw HTML or front matter comes out harmless, wherever it is put.

use regex::Regex;

use crate::harness::{TODAY, TestSite, job_posting_of, main_of};

/// Vectors, each tried in a page body, a job's list item, a case study's summary and
/// testimonial, a SWOT's quadrants and strategies, and a job title (which also lands
/// in the JSON-LD).
const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\"/>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
    "<a href=\"&#106;avascript:alert(1)\">click</a>",
    "<a href=\" javascript:alert(1)\">click</a>",
    "[click](javascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "![img](javascript:alert(1))",
    "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">go</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "\"><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<a href=\"#\" onclick=\"alert(1)\" onmouseover=alert(1)>x</a>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<p class=\"anchor\" id=\"main\" role=\"button\" aria-hidden=\"false\">x</p>",
];

/// Dangerous markup in an HTML document: script elements, event handler attributes,
/// script or data URLs in attributes, and elements that load or submit elsewhere.
fn dangers(html: &str) -> Vec<String> {
    let patterns = [
        r"(?i)<script",
        r#"(?i)<[^>]*\son[a-z]+\s*="#,
        r#"(?i)(href|src|action|formaction|data|content)\s*=\s*["']?\s*(javascript|data|vbscript):"#,
        r"(?i)<(iframe|object|embed|form|meta|base|style|link|button|math|svg|noscript)\b",
    ];
    let mut found = Vec::new();
    for pattern in patterns {
        let re = Regex::new(pattern).unwrap();
        for m in re.find_iter(html) {
            found.push(m.as_str().to_string());
        }
    }
    found
}

fn yaml_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn job(title: &str, item: &str) -> String {
    format!(
        "title: {}
kind: job
date: 2026-11-10
valid_through: 2099-01-15
employment_type: FULL_TIME
company: {{name: Teplo, url: https://teplo.example.com}}
location: {{city: Kyiv, country: UA}}
apply: {{url: https://teplo.example.com/apply}}
responsibilities:
  - {}
  - Plain item",
        yaml_quoted(title),
        yaml_quoted(item)
    )
}

fn case_study(text: &str) -> String {
    format!(
        "title: Case
kind: case_study
date: 2026-09-01
client: Hlyna
summary: {0}
challenge: {0}
approach: {0}
results:
  - metric: Orders
    before: 100
    after: 150
testimonial:
  quote: {0}
  author: Iryna",
        yaml_quoted(text)
    )
}

fn swot(text: &str) -> String {
    format!(
        "title: Swot
kind: swot
subject: {0}
strengths:
  - {0}
  - {{{0}: [{0}]}}
weaknesses: [{0}]
opportunities: [{0}]
threats: [{0}]
strategies:
  so: [{0}]",
        yaml_quoted(text)
    )
}

#[test]
fn every_vector_is_harmless_in_every_place() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nsafe_html: true\n",
    );
    site.page("plain.md", "title: Plain", "Nothing to see.");
    site.page("jobs/plain.md", &job("Plain job", "Plain item"), "Body.");
    site.page("case-plain.md", &case_study("Plain case"), "");
    site.page("swot-plain.md", &swot("Plain swot"), "");
    for (i, vector) in VECTORS.iter().enumerate() {
        site.page(
            &format!("body-{i}.md"),
            "title: Body",
            &format!("Before\n\n{vector}\n\nInline {vector} too.\n"),
        );
        site.page(&format!("jobs/job-{i}.md"), &job(vector, vector), vector);
        site.page(&format!("case-{i}.md"), &case_study(vector), "");
        site.page(&format!("swot-{i}.md"), &swot(vector), "");
    }
    // The postings must be open, to carry JSON-LD.
    site.build_on(TODAY).ok();

    // The theme's own scripts: a hostile page may have no more `<script` than these.
    let scripts = |html: &str| html.matches("<script").count();
    let plain_page = scripts(&site.read("public/plain/index.html"));
    let plain_job = scripts(&site.read("public/jobs/plain/index.html"));
    // Case studies and SWOT analyses also carry their Article.
    let plain_case = scripts(&site.read("public/case-plain/index.html"));
    let plain_swot = scripts(&site.read("public/swot-plain/index.html"));

    let mut failures = Vec::new();
    for (i, vector) in VECTORS.iter().enumerate() {
        for (place, file, theme_scripts) in [
            (
                "page body",
                format!("public/body-{i}/index.html"),
                plain_page,
            ),
            ("job", format!("public/jobs/job-{i}/index.html"), plain_job),
            (
                "case study",
                format!("public/case-{i}/index.html"),
                plain_case,
            ),
            ("swot", format!("public/swot-{i}/index.html"), plain_swot),
        ] {
            let html = site.read(&file);
            let found = dangers(main_of(&html));
            if !found.is_empty() {
                failures.push(format!("{vector:?} in {place}: {found:?}"));
            }
            if scripts(&html) != theme_scripts {
                failures.push(format!("{vector:?} in {place}: an extra <script> element"));
            }
        }
        let job_html = site.read(&format!("public/jobs/job-{i}/index.html"));
        let ld = job_posting_of(&job_html);
        if ld["title"] != *vector {
            failures.push(format!(
                "{vector:?}: JSON-LD title reads back as {}",
                ld["title"]
            ));
        }
        let description = ld["description"].as_str().unwrap_or_default();
        let found = dangers(description);
        if !found.is_empty() {
            failures.push(format!("{vector:?}: JSON-LD description carries {found:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn safe_markup_survives_sanitising() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nsafe_html: true\n",
    );
    site.page(
        "x.md",
        "title: X",
        "## Плани {#plans}\n\n<b>bold</b> <a href=\"https://example.com\">out</a> [in](@/y.md)\n\n\
         - [x] done\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The note.\n\n\
         ```rust\nfn main() {}\n```\n",
    )
    .page("y.md", "title: Y", "");
    site.build().ok();
    let html = site.read("public/x/index.html");
    let main = main_of(&html);
    for kept in [
        "<h2 id=\"plans\">",
        "class=\"anchor\"",
        "<b>bold</b>",
        "href=\"https://example.com\" rel=\"noopener noreferrer\"",
        "href=\"/y/\"",
        "type=\"checkbox\"",
        "text-align:right",
        "href=\"#fn:1\"",
        "role=\"doc-endnotes\"",
        "class=\"hl-",
        "data-lang=\"rust\"",
    ] {
        assert!(main.contains(kept), "lost {kept}: {main}");
    }
}

#[test]
fn without_safe_html_raw_html_is_trusted() {
    let site = TestSite::new();
    site.page("x.md", "title: X", "<b onclick=\"go()\">trusted</b>\n");
    site.build().ok();
    let html = site.read("public/x/index.html");
    assert!(html.contains("<b onclick=\"go()\">trusted</b>"), "{html}");
}

#[test]
fn a_company_url_must_be_http() {
    let site = TestSite::new();
    site.page(
        "jobs/x.md",
        &job("X", "item").replace("https://teplo.example.com}", "'javascript:alert(1)'}"),
        "",
    );
    let err = site.build().fails();
    assert!(err.contains("content/jobs/x.md:7"), "{err}");
    assert!(err.contains("not an absolute http(s) URL"), "{err}");
}

#[test]
fn calendar_and_showcase_texts_are_harmless_and_script_links_refused() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nsafe_html: true\n",
    );
    let entries: String = VECTORS
        .iter()
        .enumerate()
        .map(|(i, v)| {
            format!(
                "  - {{date: 2026-11-{:02}, platform: {q}, format: post, topic: {q}, status: idea, owner: {q}}}\n",
                i % 28 + 1,
                q = yaml_quoted(v)
            )
        })
        .collect();
    site.page(
        "plan.md",
        &format!(
            "title: Plan\nkind: calendar\nperiod: {{start: 2026-11-01, end: 2026-11-30}}\nentries:\n{entries}"
        ),
        "",
    );
    let items: String = VECTORS
        .iter()
        .map(|v| {
            format!(
                "  - {{platform: {q}, image: p.png, caption: {q}, date: 2026-11-02, metrics: {{reach: 1}}}}\n",
                q = yaml_quoted(v)
            )
        })
        .collect();
    site.page(
        "posts/index.md",
        &format!("title: Posts\nkind: showcase\nitems:\n{items}"),
        "",
    );
    site.bytes(
        "content/posts/p.png",
        &crate::planning::image_bytes(40, 40, image::ImageFormat::Png),
    );
    site.build().ok();
    for file in ["public/plan/index.html", "public/posts/index.html"] {
        let html = site.read(file);
        let found = dangers(main_of(&html));
        assert!(found.is_empty(), "{file}: {found:?}");
    }
    // The .ics carries the texts as plain text, and every entry still parses back.
    let ics: icalendar::Calendar = site.read("public/plan/calendar.ics").parse().unwrap();
    assert_eq!(ics.events().count(), VECTORS.len());

    // A link that would run script is refused where it is written.
    site.page(
        "posts/index.md",
        "title: Posts\nkind: showcase\nitems:\n  - {platform: x, image: p.png, caption: c, date: 2026-11-02, link: 'javascript://%0Aalert(1)'}",
        "",
    );
    let err = site.build().fails();
    assert!(err.contains("posts/index.md:5"), "{err}");
    assert!(err.contains("is neither an http(s) URL"), "{err}");
}
