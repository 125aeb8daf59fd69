//! Accessibility: every page type of the demo site passes axe-core (from npm,
//! `npm ci --ignore-scripts` puts it in node_modules/) in headless Chromium, in the
//! light and the dark colour scheme, with no serious or critical violation.
//!
//! Skipped with a SKIPPED line when Chromium or axe-core is missing, unless
//! `FOLIO_REQUIRE_BROWSER=1`.

use std::path::Path;

use serde_json::{Value, json};

use crate::browser::webdriver;
use crate::chromium::browser_tools;
use crate::search::{Browser, serve_dir};

/// One page of each type the theme has, in several languages and both directions.
const PAGES: &[(&str, &str)] = &[
    ("home", "/"),
    ("section", "/notes/"),
    ("page with toc", "/strategy/social-media-strategy-2026/"),
    ("page bundle", "/strategy/kyiv-coffee-launch/"),
    ("task list", "/strategy/brand-voice-guide/"),
    ("job", "/jobs/social-media-manager/"),
    ("closed job", "/jobs/content-creator-intern/"),
    ("job listing", "/jobs/"),
    ("swot", "/swot/hlyna-social-presence/"),
    ("campaign", "/campaigns/spring-glaze-launch/"),
    ("campaign listing", "/campaigns/"),
    ("case study", "/case-studies/hlyna-eu-growth/"),
    ("Ukrainian case study", "/uk/case-studies/hlyna-eu-growth/"),
    ("calendar", "/calendars/hlyna-november-2026/"),
    ("calendar (ar)", "/ar/calendars/hlyna-november-2026/"),
    ("showcase", "/showcase/hlyna-autumn-posts/"),
    ("CV", "/cv/"),
    ("Ukrainian CV", "/uk/cv/"),
    ("CV (ar)", "/ar/cv/"),
    ("taxonomy list", "/tags/"),
    ("taxonomy term", "/tags/strategy/"),
    ("search", "/search/"),
    ("404", "/404.html"),
    ("right-to-left (ar)", "/ar/about/"),
    ("Ukrainian (uk)", "/uk/"),
    ("Ukrainian job", "/uk/jobs/social-media-manager/"),
    ("Georgian (ka)", "/ka/about/"),
    ("Amharic (am)", "/am/about/"),
];

fn axe_source() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(_) if std::env::var("FOLIO_REQUIRE_BROWSER").is_ok_and(|v| v == "1") => {
            panic!(
                "FOLIO_REQUIRE_BROWSER=1 but {} is missing: run `npm ci --ignore-scripts`",
                path.display()
            )
        }
        Err(_) => {
            eprintln!(
                "SKIPPED accessibility test: {} not found (run `npm ci --ignore-scripts`)",
                path.display()
            );
            None
        }
    }
}

/// Runs axe on the open page; the serious and critical violations, one line each.
async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser
        .client
        .execute(axe, Vec::new())
        .await
        .expect("axe-core loads into the page");
    let run = "const done = arguments[arguments.length - 1];\
               axe.run(document, {resultTypes: ['violations']})\
                 .then(r => done(r.violations), e => done({error: String(e)}));";
    let result = browser
        .client
        .execute_async(run, Vec::new())
        .await
        .expect("axe.run finishes");
    if let Some(error) = result.get("error") {
        panic!("axe.run failed: {error}");
    }
    let Value::Array(found) = result else {
        panic!("axe.run answered {result}")
    };
    let mut lines = Vec::new();
    for violation in found {
        let impact = violation["impact"].as_str().unwrap_or_default();
        if !matches!(impact, "serious" | "critical") {
            continue;
        }
        for node in violation["nodes"].as_array().into_iter().flatten() {
            lines.push(format!(
                "{} ({impact}) at {}: {}",
                violation["id"].as_str().unwrap_or_default(),
                node["target"],
                node["failureSummary"]
                    .as_str()
                    .unwrap_or_default()
                    .replace('\n', " ")
            ));
        }
    }
    lines
}

fn color_scheme(browser: &Browser, scheme: &str) {
    let path = format!("/session/{}/goog/cdp/execute", browser.session);
    let body = json!({
        "cmd": "Emulation.setEmulatedMedia",
        "params": {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    });
    let answer = webdriver(browser.driver.port, "POST", &path, Some(&body))
        .unwrap_or_else(|e| panic!("cannot switch to {scheme}: {e}"));
    assert!(
        answer["value"].get("error").is_none(),
        "Chrome refused the {scheme} scheme: {answer}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_type_passes_axe_core_in_light_and_dark() {
    let Some(tools) = browser_tools("every_page_type_passes_axe_core_in_light_and_dark") else {
        return;
    };
    let Some(axe) = axe_source() else { return };

    // The demo's open posting closes after 2027-01-15.
    let (_out, public) = crate::demo::build_demo(crate::harness::TODAY, &[]);
    let url = serve_dir(&public);
    let browser = Browser::start(&tools).await;

    let mut failures = Vec::new();
    for scheme in ["light", "dark"] {
        color_scheme(&browser, scheme);
        for (kind, path) in PAGES {
            assert!(
                public.join(path.trim_start_matches('/')).exists(),
                "the demo site has no {kind} page at {path}"
            );
            browser
                .client
                .goto(&format!("{url}{path}"))
                .await
                .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
            for line in violations(&browser, &axe).await {
                failures.push(format!("{kind} {path} [{scheme}]: {line}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} serious or critical accessibility violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
