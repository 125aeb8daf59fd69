//! What the reader sees, in a real browser: every kind page and listing of the demo
//! site in English, Ukrainian, Georgian, Amharic and Arabic, at 390, 768 and 1280 px
//! wide — no English UI string on a page in another language (SVG text included), no
//! page wider than the screen, nothing reaching outside it (unless inside a scroll
//! container), no chart label under 12 px. Screenshots of each page at 390 and
//! 1280 px go to `target/test-artifacts/reader/`.
//!
//! Skipped with a SKIPPED line when Chromium is missing, unless
//! `FOLIO_REQUIRE_BROWSER=1`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::chromium::browser_tools;
use crate::search::{Browser, serve_dir};

/// Every kind of page and listing of the demo, by its path in the default language.
const PAGES: &[(&str, &str)] = &[
    ("home", "/"),
    ("page", "/about/"),
    ("page-toc", "/strategy/social-media-strategy-2026/"),
    ("job", "/jobs/social-media-manager/"),
    ("job-closed", "/jobs/content-creator-intern/"),
    ("jobs", "/jobs/"),
    ("swot", "/swot/hlyna-social-presence/"),
    ("swots", "/swot/"),
    ("campaign", "/campaigns/spring-glaze-launch/"),
    ("campaigns", "/campaigns/"),
    ("case-study", "/case-studies/hlyna-eu-growth/"),
    ("case-studies", "/case-studies/"),
    ("calendar", "/calendars/hlyna-november-2026/"),
    ("showcase", "/showcase/hlyna-autumn-posts/"),
    ("resume", "/cv/"),
    ("tags", "/tags/"),
    ("search", "/search/"),
];

const LANGUAGES: [&str; 5] = ["en", "uk", "ka", "am", "ar"];
const WIDTHS: [u32; 3] = [390, 768, 1280];
/// Widths kept as screenshots.
const SHOT_WIDTHS: [u32; 2] = [390, 1280];
/// The smallest chart text, in CSS pixels.
const MIN_CHART_TEXT_PX: f64 = 12.0;

/// The shipped UI strings of one language, flattened (a plural map gives each form).
fn strings(lang: &str) -> BTreeMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("themes/default/i18n")
        .join(format!("{lang}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let table: BTreeMap<String, serde_yaml::Value> =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let texts = |v: &serde_yaml::Value| -> Vec<String> {
        match v {
            serde_yaml::Value::String(s) => vec![s.clone()],
            serde_yaml::Value::Mapping(m) => m
                .values()
                .filter_map(|v| v.as_str().map(String::from))
                .collect(),
            _ => Vec::new(),
        }
    };
    table.iter().map(|(k, v)| (k.clone(), texts(v))).collect()
}

/// The English UI texts that must not show on a page in `lang`: those the language
/// translates (a string the language writes the same, such as "KPI" or a brand, is
/// not English there), without their placeholders, long enough to be told apart
/// from a name.
fn english_only(english: &BTreeMap<String, Vec<String>>, lang: &str) -> Vec<String> {
    let own = strings(lang);
    let mut found: Vec<String> = english
        .iter()
        .filter(|(key, en)| own.get(*key) != Some(*en))
        .flat_map(|(_, en)| en.iter())
        .flat_map(|text| text.split(['{', '}']).step_by(2).map(str::trim))
        .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .map(String::from)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Runs in the page; returns what is wrong with it: `{wide, outside, small, english}`.
const PROBE: &str = r#"
const [lang, english, minText] = arguments;
const width = window.innerWidth;
const report = {wide: null, outside: [], small: [], english: []};
const doc = document.documentElement;
if (doc.scrollWidth > width + 1) report.wide = doc.scrollWidth;
const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
  (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
  const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
for (const e of document.querySelectorAll('body *')) {
  if (!['P','H1','H2','H3','LI','TD','TH','TABLE','SVG','svg','IMG','FIGURE','DT','DD','A','SPAN'].includes(e.tagName)) continue;
  if (!shown(e) || e.closest('.visually-hidden, .sr-only, [hidden]')) continue;
  const r = e.getBoundingClientRect();
  if ((r.right > width + 1 || r.left < -1) && !scrolls(e)) report.outside.push(name(e) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
}
for (const svg of document.querySelectorAll('svg[viewBox]')) {
  const box = svg.viewBox.baseVal; const r = svg.getBoundingClientRect();
  if (!box || !box.width || !r.width) continue;
  const scale = r.width / box.width;
  for (const t of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (px < minText - 0.05) report.small.push((t.textContent || '').trim().slice(0, 40) + ' ' + px.toFixed(1) + 'px');
  }
}
if (lang !== 'en') {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const words = t => ' ' + t.replace(/\s+/g, ' ').trim() + ' ';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement; if (!el || el.closest('script, style, code, pre')) continue;
    const own = el.closest('[lang]'); if (own && own.getAttribute('lang') !== lang) continue;
    if (!el.getClientRects().length) continue;
    const text = words(n.textContent); if (text.trim() === '') continue;
    for (const en of english) {
      const i = text.indexOf(en);
      if (i < 0) continue;
      const before = text[i - 1], after = text[i + en.length];
      if (/[\p{L}\p{N}]/u.test(before || ' ') || /[\p{L}\p{N}]/u.test(after || ' ')) continue;
      report.english.push('"' + en + '" in ' + name(el) + ': ' + text.trim().slice(0, 60));
    }
  }
}
return report;
"#;

/// Loads every image of the page, lazy ones too, then answers (after 5 s at most).
const LOAD_IMAGES: &str = r#"
const done = arguments[arguments.length - 1];
const waits = [...document.images].map(img => {
  img.loading = 'eager';
  return img.complete ? null : new Promise(r => { img.onload = r; img.onerror = r; });
});
Promise.race([Promise.all(waits), new Promise(r => setTimeout(r, 5000))]).then(() => done(true));
"#;

fn shots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts/reader");
    std::fs::create_dir_all(&dir).expect("the screenshots folder");
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_reads_in_its_language_at_every_width() {
    let test = "every_page_reads_in_its_language_at_every_width";
    let Some(tools) = browser_tools(test) else {
        return;
    };
    let (_out, public) = crate::demo::build_demo(crate::harness::TODAY, &[]);
    let url = serve_dir(&public);
    let browser = Browser::start(&tools).await;
    let english = strings("en");
    let shots = shots_dir();

    let mut failures = Vec::new();
    let mut checked = 0;
    for lang in LANGUAGES {
        let avoid = english_only(&english, lang);
        for (kind, path) in PAGES {
            let path = match lang {
                "en" => path.to_string(),
                _ => format!("/{lang}{path}"),
            };
            assert!(
                public
                    .join(path.trim_start_matches('/'))
                    .join("index.html")
                    .is_file(),
                "the demo has no {kind} page at {path}"
            );
            for width in WIDTHS {
                browser
                    .client
                    .set_window_size(width, 900)
                    .await
                    .expect("window size");
                browser.open_styled(&format!("{url}{path}")).await;
                // Lazy images are loaded first: a layout must hold with them in place.
                browser
                    .client
                    .execute_async(LOAD_IMAGES, Vec::new())
                    .await
                    .unwrap_or_else(|e| panic!("{path}: images: {e}"));
                let args = vec![json!(lang), json!(avoid), json!(MIN_CHART_TEXT_PX)];
                let report = browser
                    .client
                    .execute(PROBE, args)
                    .await
                    .unwrap_or_else(|e| panic!("{path}: {e}"));
                checked += 1;
                failures.extend(problems(&report, &path, width));
                if SHOT_WIDTHS.contains(&width) {
                    let png = full_page_shot(&browser, width).await;
                    let name = format!("{lang}-{kind}-{width}.png");
                    std::fs::write(shots.join(name), png).expect("the screenshot file");
                }
            }
        }
    }
    assert_eq!(checked, PAGES.len() * WIDTHS.len() * LANGUAGES.len());
    assert!(
        failures.is_empty(),
        "{} problems a reader sees:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The whole page at `width`: the window is made as tall as the page first.
pub(crate) async fn full_page_shot(browser: &Browser, width: u32) -> Vec<u8> {
    /// Taller pages are cut (a calendar's list view runs long).
    const MAX_HEIGHT: u64 = 6000;
    let height = browser
        .client
        .execute("return document.documentElement.scrollHeight;", Vec::new())
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(900)
        .min(MAX_HEIGHT);
    let client = &browser.client;
    client
        .set_window_size(width, height as u32)
        .await
        .expect("window size");
    let png = client.screenshot().await.expect("a screenshot");
    client
        .set_window_size(width, 900)
        .await
        .expect("window size");
    png
}

/// One line per problem of a page at a width.
fn problems(report: &Value, path: &str, width: u32) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(wide) = report["wide"].as_u64() {
        lines.push(format!("{path} @{width}: the page is {wide} px wide"));
    }
    for (key, what) in [
        ("outside", "reaches outside the screen"),
        ("small", "chart text under 12 px"),
        ("english", "English UI text"),
    ] {
        for item in report[key].as_array().into_iter().flatten() {
            lines.push(format!(
                "{path} @{width}: {what}: {}",
                item.as_str().unwrap_or_default()
            ));
        }
    }
    lines
}
