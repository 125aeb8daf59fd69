//! The demo's KPI chart and campaign timeline in a real browser, on a phone and on a
//! desktop: inside the text column, text no smaller than 12 px, nothing wider than
//! the screen.

use serde_json::Value;

use crate::chromium::browser_tools;
use crate::harness::TODAY;
use crate::search::{Browser, serve_dir};

/// What the page reports about its chart, table and text column.
const MEASURE: &str = r#"
const doc = document.documentElement;
const column = document.querySelector('h1').parentElement.getBoundingClientRect();
const inside = el => { const r = el.getBoundingClientRect();
  return r.left >= column.left - 0.5 && r.right <= column.right + 0.5; };
const shown = [...document.querySelectorAll('figure.chart svg')]
  .filter(svg => getComputedStyle(svg).display !== 'none');
const sizes = shown.flatMap(svg => [...svg.querySelectorAll('text')].map(t =>
  parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a));
const boxes = [...document.querySelectorAll('figure.chart, .kpi-table-wrap')];
const table = document.querySelector('.kpi-table-wrap');
return {
  overflow: doc.scrollWidth - doc.clientWidth,
  charts: shown.length,
  texts: sizes.length,
  smallest: Math.min(...sizes),
  outside: boxes.filter(b => !inside(b)).map(b => b.className),
  table: table ? [table.tabIndex, table.getAttribute('role'),
    document.getElementById(table.getAttribute('aria-labelledby'))?.textContent] : null,
  words: shown.map(svg => svg.textContent).join(' '),
};
"#;

#[tokio::test(flavor = "multi_thread")]
async fn demo_charts_fit_the_column_and_stay_readable() {
    let Some(tools) = browser_tools("demo_charts_fit_the_column_and_stay_readable") else {
        return;
    };
    let (_out, public) = crate::demo::build_demo(TODAY, &["--no-cache"]);
    let url = serve_dir(&public);
    let browser = Browser::start(&tools).await;
    let pages = [
        ("/campaigns/spring-glaze-launch/", "en"),
        ("/uk/campaigns/spring-glaze-launch/", "uk"),
        ("/campaigns/", "en"),
        ("/uk/campaigns/", "uk"),
    ];
    for width in [390, 1280] {
        browser
            .client
            .set_window_size(width, 900)
            .await
            .expect("resize the window");
        for (path, lang) in pages {
            browser.open_styled(&format!("{url}{path}")).await;
            let m = browser
                .client
                .execute(MEASURE, Vec::new())
                .await
                .expect("measure the page");
            check(&m, path, lang, width);
        }
    }
}

fn check(m: &Value, path: &str, lang: &str, width: u32) {
    let at = format!("{path} at {width} px: {m}");
    assert_eq!(m["overflow"], 0, "the page is wider than the screen, {at}");
    assert_eq!(m["charts"], 1, "one layout of the chart is shown, {at}");
    assert!(m["texts"].as_u64() > Some(3), "{at}");
    assert!(
        m["smallest"].as_f64().is_some_and(|px| px >= 12.0),
        "chart text renders below 12 px, {at}"
    );
    assert_eq!(m["outside"], Value::Array(Vec::new()), "{at}");
    let words = m["words"].as_str().unwrap_or_default();
    if lang == "uk" {
        for english in [
            "target", "actual", "today", "missed", " of ", "Feb ", "Mar ",
        ] {
            assert!(!words.contains(english), "{english:?} in the chart, {at}");
        }
    }
    if path.ends_with("launch/") {
        assert_eq!(m["table"][0], 0, "the KPI table's box is focusable, {at}");
        assert_eq!(m["table"][1], "region", "{at}");
        assert!(
            m["table"][2].as_str().is_some_and(|n| !n.is_empty()),
            "{at}"
        );
    }
}
