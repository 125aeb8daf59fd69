//! Printing follows the reader's paper: Chromium's print-to-PDF of the demo's pages on
//! A4 and on US Letter gives pages of that size (the theme forces none); a posting
//! and a CV fit on one or two of them.
//!
//! Skipped with a SKIPPED line when Chromium is missing, unless `FOLIO_REQUIRE_BROWSER=1`.

use base64::Engine;
use serde_json::json;

use crate::browser::webdriver;
use crate::chromium::browser_tools;
use crate::search::{Browser, serve_dir};

/// A paper: its name, its size in cm and in PDF points (Chromium
/// rounds the cm to its own units: a point either way).
struct Paper {
    name: &'static str,
    cm: (f64, f64),
    points: (u32, u32),
}

const A4: Paper = Paper {
    name: "A4",
    cm: (21.0, 29.7),
    points: (595, 842),
};
const LETTER: Paper = Paper {
    name: "Letter",
    cm: (21.59, 27.94),
    points: (612, 792),
};

/// The open page printed on `paper` as a reader's browser does: a size the page's CSS
/// asks for (`@page { size }`) wins over the paper chosen. The PDF's bytes.
fn print(browser: &Browser, paper: &Paper) -> Vec<u8> {
    let path = format!("/session/{}/goog/cdp/execute", browser.session);
    const CM_PER_INCH: f64 = 2.54;
    let body = json!({
        "cmd": "Page.printToPDF",
        "params": {
            "paperWidth": paper.cm.0 / CM_PER_INCH,
            "paperHeight": paper.cm.1 / CM_PER_INCH,
            "preferCSSPageSize": true,
            "printBackground": true,
        },
    });
    let answer = webdriver(browser.driver.port, "POST", &path, Some(&body))
        .unwrap_or_else(|e| panic!("cannot print on {}: {e}", paper.name));
    let encoded = answer["value"]["data"]
        .as_str()
        .unwrap_or_else(|| panic!("Chromium did not print: {answer}"));
    base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("a base64 PDF")
}

/// The page objects of a PDF and the size of each, in whole points.
fn pages(pdf: &[u8]) -> Vec<(u32, u32)> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/Type /Page")
        .skip(1)
        .filter(|object| !object.starts_with('s'))
        .map(|object| {
            let object = &object[..object.find("endobj").unwrap_or(object.len())];
            let numbers: Vec<f64> = object
                .split("/MediaBox [")
                .nth(1)
                .and_then(|b| b.split(']').next())
                .map(|b| {
                    b.split_whitespace()
                        .filter_map(|n| n.parse().ok())
                        .collect()
                })
                .unwrap_or_default();
            match numbers[..] {
                [_, _, width, height] => (width.round() as u32, height.round() as u32),
                _ => panic!("a page without a MediaBox: {object}"),
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_prints_on_a4_and_letter_without_a_forced_size() {
    let Some(tools) = browser_tools("the_demo_prints_on_a4_and_letter_without_a_forced_size")
    else {
        return;
    };
    let (_out, public) = crate::demo::build_demo(crate::harness::TODAY, &[]);
    let url = serve_dir(&public);
    let browser = Browser::start(&tools).await;
    // The most pages each may print on, whatever the paper.
    let documents = [
        ("job posting", "/jobs/social-media-manager/", 2),
        // Georgian sets taller lines than English: the same posting, on two pages too.
        ("Georgian job posting", "/ka/jobs/social-media-manager/", 2),
        ("SWOT", "/swot/hlyna-social-presence/", 3),
        ("case study", "/case-studies/hlyna-eu-growth/", 4),
        ("CV", "/cv/", 2),
        ("Ukrainian CV", "/uk/cv/", 2),
    ];
    for (what, path, most) in documents {
        browser
            .client
            .goto(&format!("{url}{path}"))
            .await
            .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
        for paper in [&A4, &LETTER] {
            let found = pages(&print(&browser, paper));
            assert!(
                (1..=most).contains(&found.len()),
                "the {what} prints on {} {} pages, expected 1 to {most}",
                found.len(),
                paper.name
            );
            assert!(
                found
                    .iter()
                    .all(|&(w, h)| w.abs_diff(paper.points.0) <= 1
                        && h.abs_diff(paper.points.1) <= 1),
                "the {what} printed on {} gave pages of {found:?} points, not {:?}",
                paper.name,
                paper.points
            );
            eprintln!("{what} on {}: {} pages", paper.name, found.len());
        }
    }
}
