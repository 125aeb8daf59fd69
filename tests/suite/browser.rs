//! `folio serve` in a real browser: headless Chromium driven over WebDriver
//! (chromedriver + fantoccini) watches pages update as the site's files change.
//!
//! The tests need Chromium and ChromeDriver (`/usr/bin/chromium`, `/usr/bin/chromedriver`,
//! or the paths in `CHROMIUM` and `CHROMEDRIVER`). Without them each test says it was
//! skipped and passes, unless `FOLIO_REQUIRE_BROWSER=1` makes that an error.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::chromium::{Driver, STARTUP, Tools, browser_tools, open_session};
use crate::harness::TestSite;

// ---------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------

/// How long a page may take to show an edit.
const PATIENCE: Duration = Duration::from_secs(10);

/// Runs `probe` until it returns `Ok`, every 50 ms for at most [`PATIENCE`]; `Err` carries
/// what the probe saw, for the panic message when time runs out.
async fn eventually<T>(what: &str, mut probe: impl AsyncFnMut() -> Result<T, String>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        match probe().await {
            Ok(value) => return value,
            Err(seen) if Instant::now() >= deadline => {
                panic!("waited {PATIENCE:?} for {what}; last seen:\n{seen}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// One blocking WebDriver request to chromedriver, outside fantoccini: for Chrome's own
/// commands, and for cleaning up in `Drop` (no async there).
pub(crate) fn webdriver(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<Value, String> {
    let fail = |e: std::io::Error| format!("{method} {path}: {e}");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(fail)?;
    // Printing a long page to PDF takes Chromium tens of seconds on a loaded machine.
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(fail)?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(fail)?;
    // chromedriver answers with a Content-Length but keeps the connection open a while.
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).map_err(fail)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().map_err(|e| format!("{path}: {e}"))?;
        }
    }
    let mut bytes = vec![0; length];
    reader.read_exact(&mut bytes).map_err(fail)?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{method} {path}: {e}"))
}

/// Runs before every document's own scripts: remembers the WebSockets the page opens, so
/// a test can wait until the live-reload connection is up before it edits a file.
const SOCKET_SPY: &str = r#"
(() => {
  const Native = window.WebSocket;
  const sockets = [];
  window.__folioSockets = sockets;
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); sockets.push(this); }
  };
})();
"#;

/// Headless Chromium behind its own chromedriver, with a fresh profile.
struct Browser {
    client: Client,
    session: String,
    driver: Driver,
}

impl Browser {
    async fn start(tools: &Tools) -> Browser {
        let driver = Driver::start(tools);
        let (client, session) = open_session(tools, &driver).await;
        let browser = Browser {
            client,
            session,
            driver,
        };
        // Chrome's own command: the spy runs in every document the tab loads from now on.
        browser.chrome_command(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": SOCKET_SPY }),
        );
        browser
    }

    /// Runs one of Chrome's DevTools commands in the tab (through chromedriver).
    fn chrome_command(&self, cmd: &str, params: Value) {
        let path = format!("/session/{}/goog/cdp/execute", self.session);
        let body = json!({ "cmd": cmd, "params": params });
        match webdriver(self.driver.port, "POST", &path, Some(&body)) {
            Ok(answer) if answer["value"].get("error").is_none() => {}
            Ok(answer) => panic!("Chrome refused {cmd}: {answer}"),
            Err(e) => panic!("Chrome command {cmd}: {e}"),
        }
    }

    /// Opens `url` and waits until its live-reload WebSocket is connected: an edit
    /// saved before that could not reach the page.
    async fn open(&self, url: &str) {
        self.goto(url).await;
        eventually(
            &format!("the live-reload WebSocket of {url} to open"),
            async || {
                let open = self
                    .js("return (window.__folioSockets || []).some(s => \
                         s.url.includes('/__folio/ws?build=') && s.readyState === 1);")
                    .await?;
                if open == Value::Bool(true) {
                    Ok(())
                } else {
                    Err(format!("no open socket; page text:\n{}", self.text().await))
                }
            },
        )
        .await;
    }

    async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Runs `script` (a function body: `return` the result) in the page.
    async fn js(&self, script: &str) -> Result<Value, String> {
        self.client
            .execute(script, Vec::new())
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))
    }

    /// The text of the page's first `<h1>` (found again on each call: pages reload).
    async fn h1(&self) -> Result<String, String> {
        let h1 = self
            .client
            .find(Locator::Css("h1"))
            .await
            .map_err(|e| format!("no <h1>: {e}"))?;
        h1.text().await.map_err(|e| format!("<h1> went away: {e}"))
    }

    async fn title(&self) -> Result<String, String> {
        self.client
            .title()
            .await
            .map_err(|e| format!("no title: {e}"))
    }

    /// The page's visible text, shortened, for failure messages.
    async fn text(&self) -> String {
        match self
            .js("return document.body ? document.body.innerText : document.documentElement.outerHTML;")
            .await
        {
            Ok(Value::String(text)) => shorten(&text),
            Ok(other) => other.to_string(),
            Err(e) => e,
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let port = self.driver.port;
        let session = format!("/session/{}", self.session);
        if std::thread::panicking() {
            let url = webdriver(port, "GET", &format!("{session}/url"), None);
            let script = json!({
                "script": "return document.documentElement.outerHTML;",
                "args": [],
            });
            let source = webdriver(
                port,
                "POST",
                &format!("{session}/execute/sync"),
                Some(&script),
            );
            let show = |answer: Result<Value, String>| match answer {
                Ok(Value::Object(mut o)) => match o.remove("value") {
                    Some(Value::String(s)) => shorten(&s),
                    other => format!("{other:?}"),
                },
                Ok(other) => other.to_string(),
                Err(e) => e,
            };
            eprintln!(
                "--- the browser was at {}; its page:\n{}\n---",
                show(url),
                show(source)
            );
        }
        // Quit Chromium through chromedriver: killing chromedriver would leave it running.
        let _ = webdriver(port, "DELETE", &session, None);
    }
}

/// The last 3000 characters of `text` (the end of a page holds the overlay).
fn shorten(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    match chars.len().checked_sub(3000) {
        Some(cut) if cut > 0 => format!("…{}", chars[cut..].iter().collect::<String>()),
        _ => text.to_string(),
    }
}

/// `folio serve` on a test site; killed on drop.
struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    url: String,
    /// Every line printed to stderr so far.
    lines: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Runs `folio serve --port 0` on `site` and waits until it says where it serves.
    fn start(site: &TestSite) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["serve", "-r"])
            .arg(site.root())
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run folio serve");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("piped stderr");
        drain(stderr, lines.clone());
        let mut server = Server {
            child,
            url: String::new(),
            lines,
        };
        let deadline = Instant::now() + STARTUP;
        loop {
            let serving = server.stderr().iter().find_map(|line| {
                let rest = line.strip_prefix("Serving at ")?;
                Some(
                    rest.split_whitespace()
                        .next()?
                        .trim_end_matches('/')
                        .to_string(),
                )
            });
            if let Some(url) = serving {
                server.url = url;
                return server;
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!(
                    "folio serve exited ({status}):\n{}",
                    server.stderr().join("\n")
                );
            }
            assert!(
                Instant::now() < deadline,
                "folio serve did not say where it serves within {STARTUP:?}:\n{}",
                server.stderr().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The address of `path` (`/x/`) on this server.
    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    fn stderr(&self) -> Vec<String> {
        self.lines.lock().expect("stderr lines").clone()
    }

    /// How many lines of stderr contain `needle`.
    fn count(&self, needle: &str) -> usize {
        self.stderr().iter().filter(|l| l.contains(needle)).count()
    }
}

/// Keeps reading `stderr` into `lines` until the process ends.
fn drain(stderr: ChildStderr, lines: Arc<Mutex<Vec<String>>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Ok(mut lines) = lines.lock() {
                lines.push(line);
            }
        }
    });
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!(
                "--- folio serve printed:\n{}\n---",
                self.stderr().join("\n")
            );
        }
    }
}

/// A site with `site.yaml`, a home page and `pages` (content path, text).
fn site(pages: &[(&str, &str)]) -> TestSite {
    let site = TestSite::empty();
    site.file("site.yaml", "title: T\nbase_url: https://example.org\n");
    site.file("content/_index.md", &page("Home", "Welcome."));
    for (rel, text) in pages {
        site.file(rel, text);
    }
    site
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n{body}\n")
}

/// Saves `text` the way many editors do: into a temp file, renamed over `rel`. The
/// watcher then sees one complete change, never a half-written file.
fn save(site: &TestSite, rel: &str, text: &str) {
    let path = site.path(rel);
    let name = path.file_name().expect("a file name").to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&temp, text).expect("write the temp file");
    std::fs::rename(&temp, &path).expect("rename over the file");
}

/// Everything a test needs, dropped browser first (its page is shown on failure), then
/// the server (its output is shown), then the site.
async fn start(test: &str, pages: &[(&str, &str)]) -> Option<(TestSite, Server, Browser)> {
    let tools = browser_tools(test)?;
    let site = site(pages);
    let server = Server::start(&site);
    let browser = Browser::start(&tools).await;
    Some((site, server, browser))
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn edit_shows_up_without_any_action() {
    let Some((site, server, browser)) = start(
        "edit_shows_up_without_any_action",
        &[("content/x.md", &page("First title", "First body."))],
    )
    .await
    else {
        return;
    };
    browser.open(&server.at("/x/")).await;
    assert_eq!(browser.h1().await.as_deref(), Ok("First title"));
    let script = browser
        .js(
            "const s = document.querySelector('script[src=\"/__folio/livereload.js\"]');\
             return s !== null && s.parentElement === document.body;",
        )
        .await;
    assert_eq!(
        script,
        Ok(Value::Bool(true)),
        "the served page should load the live-reload script in its <body>:\n{}",
        browser.text().await
    );

    // Written in place (truncate, then write), as most editors save.
    site.file("content/x.md", &page("Second title", "Second body."));
    eventually("the page to show the edit", async || {
        let h1 = browser.h1().await?;
        let text = browser.text().await;
        if h1 == "Second title" && text.contains("Second body.") {
            Ok(())
        } else {
            Err(format!("<h1> {h1:?}; page text:\n{text}"))
        }
    })
    .await;
    assert!(
        server.count("rebuilt") >= 1,
        "the terminal should report the rebuild:\n{}",
        server.stderr().join("\n")
    );
}

/// The error overlay, as `{role, places, messages}`, or `null` when there is none.
const OVERLAY: &str = "const o = document.getElementById('folio-overlay');\
    if (!o) return null;\
    return {\
      role: o.getAttribute('role'),\
      places: [...o.querySelectorAll('.folio-error-place')].map(e => e.textContent),\
      messages: [...o.querySelectorAll('.folio-error-message')].map(e => e.textContent),\
    };";

/// Waits until the page shows the overlay for the misspelt `titel` in `content/x.md`.
async fn wait_for_titel_overlay(browser: &Browser, what: &str) {
    eventually(what, async || {
        let overlay = browser.js(OVERLAY).await?;
        let has = |key: &str, wanted: &str| {
            overlay[key]
                .as_array()
                .is_some_and(|items| items.iter().any(|i| i.as_str() == Some(wanted)))
        };
        let mentions = |key: &str, wanted: &str| {
            overlay[key].as_array().is_some_and(|items| {
                items
                    .iter()
                    .any(|i| i.as_str().is_some_and(|s| s.contains(wanted)))
            })
        };
        if overlay["role"] == "alert"
            && has("places", "content/x.md:2:1")
            && mentions("messages", "unknown field `titel`")
            && mentions("messages", "did you mean `title`?")
        {
            Ok(())
        } else {
            Err(format!("overlay: {overlay}"))
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_front_matter_shows_overlay_then_fix_clears_it() {
    let Some((site, server, browser)) = start(
        "broken_front_matter_shows_overlay_then_fix_clears_it",
        &[("content/x.md", &page("Good title", "Good body."))],
    )
    .await
    else {
        return;
    };
    let broken = "---\ntitel: x\n---\nBroken body.\n";
    browser.open(&server.at("/x/")).await;
    assert_eq!(browser.h1().await.as_deref(), Ok("Good title"));

    save(&site, "content/x.md", broken);
    wait_for_titel_overlay(&browser, "the error overlay").await;
    assert_eq!(
        browser.h1().await.as_deref(),
        Ok("Good title"),
        "behind the overlay the page should be the last good version"
    );

    // A page opened while the site is broken gets the last good version, and the error.
    browser.open(&server.at("/x/")).await;
    wait_for_titel_overlay(&browser, "the error overlay after a reload").await;
    assert_eq!(browser.h1().await.as_deref(), Ok("Good title"));

    // Saving the same mistake again rebuilds, but does not repeat it in the terminal.
    let failures = server.count("build failed");
    save(&site, "content/x.md", broken);
    eventually("the second broken save to be rebuilt", async || {
        if server.count("build failed") > failures {
            Ok(())
        } else {
            Err(server.stderr().join("\n"))
        }
    })
    .await;
    assert_eq!(
        server.count("unknown field `titel`"),
        1,
        "the terminal should print an unchanged error once:\n{}",
        server.stderr().join("\n")
    );

    save(&site, "content/x.md", &page("Fixed title", "Fixed body."));
    eventually("the overlay to go and the fix to show", async || {
        let overlay = browser.js(OVERLAY).await?;
        let h1 = browser.h1().await?;
        if overlay.is_null() && h1 == "Fixed title" {
            Ok(())
        } else {
            Err(format!("<h1> {h1:?}; overlay: {overlay}"))
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn stylesheet_swaps_without_reload() {
    let Some((site, server, browser)) = start(
        "stylesheet_swaps_without_reload",
        // Replaces the theme's stylesheet of the same name, which every page links.
        &[
            ("content/x.md", &page("Styled", "Colourful.")),
            ("static/style.css", "body { color: rgb(1, 2, 3); }\n"),
        ],
    )
    .await
    else {
        return;
    };
    const COLOR: &str = "return getComputedStyle(document.body).color;";
    const LINKS: &str = "return [...document.querySelectorAll('link[rel=\"stylesheet\"]')]\
        .filter(l => new URL(l.href).pathname === '/style.css').length;";
    browser.open(&server.at("/x/")).await;
    assert_eq!(browser.js(COLOR).await, Ok(json!("rgb(1, 2, 3)")));
    browser
        .js("window.__marker = 42; return null;")
        .await
        .expect("set a marker");

    save(&site, "static/style.css", "body { color: rgb(4, 5, 6); }\n");
    eventually("the new colour", async || {
        let color = browser.js(COLOR).await?;
        let links = browser.js(LINKS).await?;
        // The old <link> goes once the new one has loaded.
        if color == "rgb(4, 5, 6)" && links == 1 {
            Ok(())
        } else {
            Err(format!("color {color}, {links} links to /style.css"))
        }
    })
    .await;
    assert_eq!(
        browser.js("return window.__marker === 42;").await,
        Ok(Value::Bool(true)),
        "the page should not have reloaded"
    );
    assert!(
        server.count("stylesheet swapped") >= 1,
        "the terminal should report the swap:\n{}",
        server.stderr().join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn new_page_and_deleted_page() {
    let Some((site, server, browser)) = start("new_page_and_deleted_page", &[]).await else {
        return;
    };
    let url = server.at("/new/");
    // From themes/default/templates/404.html.
    let not_found = async || {
        browser.goto(&url).await;
        let (title, h1) = (browser.title().await?, browser.h1().await?);
        if title == "Page not found · T" && h1 == "Page not found" {
            Ok(())
        } else {
            Err(format!("title {title:?}, <h1> {h1:?}"))
        }
    };
    eventually("/new/ to be the 404 page before it exists", not_found).await;

    site.file("content/new.md", &page("Brand new", "Fresh."));
    eventually("/new/ to show the new page", async || {
        browser.goto(&url).await;
        let (title, h1) = (browser.title().await?, browser.h1().await?);
        if title == "Brand new · T" && h1 == "Brand new" {
            Ok(())
        } else {
            Err(format!("title {title:?}, <h1> {h1:?}"))
        }
    })
    .await;

    std::fs::remove_file(site.path("content/new.md")).expect("delete the page");
    eventually("/new/ to be the 404 page again", not_found).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn arabic_pages_mirror_the_layout() {
    let Some(tools) = browser_tools("arabic_pages_mirror_the_layout") else {
        return;
    };
    let site = site(&[
        ("content/x.md", &page("Plan", "English text.")),
        ("content/x.ar.md", &page("خطة", "نص عربي عن الخطة.")),
    ]);
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {ar: {title: ملف}}\n",
    );
    let server = Server::start(&site);
    let browser = Browser::start(&tools).await;
    browser.open(&format!("{}/ar/x/", server.url)).await;
    let direction = browser
        .js("return getComputedStyle(document.documentElement).direction")
        .await;
    assert_eq!(direction, Ok(json!("rtl")));
    // The site title sits at the right edge, the start of a right-to-left line.
    let title_right = browser
        .js("const r = document.querySelector('.site-title').getBoundingClientRect(); return r.left > window.innerWidth / 2 || r.right > window.innerWidth * 0.6")
        .await;
    assert_eq!(title_right, Ok(json!(true)), "the header is mirrored");
    let h1_align = browser
        .js("return getComputedStyle(document.querySelector('h1')).textAlign")
        .await;
    assert!(
        matches!(
            h1_align.as_ref().ok().and_then(Value::as_str),
            Some("start" | "right")
        ),
        "{h1_align:?}"
    );
    // The switcher links the English version with its language marked.
    let switch = browser
        .js("return document.querySelector('a[hreflang=\"en\"]') !== null")
        .await;
    assert_eq!(switch, Ok(json!(true)));
    // A screenshot for people to look at: target/test-artifacts/rtl-ar.png.
    if let Ok(png) = browser.client.screenshot().await {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("rtl-ar.png"), png);
    }
}

/// Saves a screenshot of the whole page for people to look at, under
/// `target/test-artifacts/`.
async fn full_page_screenshot(browser: &Browser, name: &str, width: u32) {
    let height = browser
        .js("return Math.ceil(document.documentElement.scrollHeight)")
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(900)
        .clamp(600, 4000) as u32;
    let _ = browser.client.set_window_size(width, height + 120).await;
    if let Ok(png) = browser.client.screenshot().await {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(name), png);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn calendar_and_showcase_in_the_browser() {
    use crate::planning::image_bytes;
    let Some(tools) = browser_tools("calendar_and_showcase_in_the_browser") else {
        return;
    };
    let calendar = "---\ntitle: November plan\nkind: calendar\nperiod: {start: 2026-11-01, end: 2026-11-30}\ntimezone: Europe/Kyiv\nentries:\n  - {date: 2026-11-02, time: \"09:30\", platform: instagram, format: reel, topic: Kiln opening, status: published}\n  - {date: 2026-11-04, time: \"12:00\", platform: linkedin, format: article, topic: Fourteen countries, status: scheduled}\n  - {date: 2026-11-14, platform: facebook, format: event, topic: Studio open day, status: draft}\n  - {date: 2026-11-20, time: \"18:00\", platform: tiktok, format: video, topic: Trimming a bowl, status: idea}\n---\nThe plan.\n";
    let showcase = "---\ntitle: Autumn posts\nkind: showcase\nitems:\n  - {platform: instagram, image: a.jpg, caption: Kiln opening, date: 2026-11-02, link: \"https://example.com/1\", metrics: {reach: 18400, likes: 1320}}\n  - {platform: tiktok, image: b.png, caption: On the wheel, date: 2026-11-03, metrics: {views: 96500, shares: 530}}\n  - {platform: linkedin, image: a.jpg, caption: Fourteen countries, date: 2026-11-04, metrics: {impressions: 12800}}\n---\nSamples.\n";
    let site = site(&[
        ("content/plan.md", calendar),
        (
            "content/plan.ar.md",
            &calendar.replace("title: November plan", "title: خطة نوفمبر"),
        ),
        ("content/posts/index.md", showcase),
    ]);
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nsearch: false\nlanguages: {ar: {title: ملف}}\n",
    );
    site.bytes(
        "content/posts/a.jpg",
        &image_bytes(900, 900, image::ImageFormat::Jpeg),
    );
    site.bytes(
        "content/posts/b.png",
        &image_bytes(720, 1280, image::ImageFormat::Png),
    );
    let server = Server::start(&site);
    let browser = Browser::start(&tools).await;

    // Wide: the month grid with every entry on its day; the list is for narrow screens.
    browser.open(&server.at("/plan/")).await;
    let shown = browser
        .js("const grid = document.querySelector('.calendar-months'); const list = document.querySelector('.calendar-list'); \
             return [getComputedStyle(grid).display, getComputedStyle(list).display, grid.querySelectorAll('.cal-entry').length, \
             document.querySelector('time[datetime=\"2026-11-14\"]').closest('td').innerText]")
        .await;
    let shown = shown.expect("the calendar's layout");
    assert_ne!(shown[0], json!("none"), "grid shown on a wide screen");
    assert_eq!(shown[1], json!("none"), "list hidden on a wide screen");
    assert_eq!(shown[2], json!(4), "every entry in the grid");
    assert!(
        shown[3]
            .as_str()
            .is_some_and(|t| t.contains("Studio open day") && t.contains("Draft")),
        "{shown:?}"
    );
    full_page_screenshot(&browser, "calendar.png", 1200).await;

    // Narrow: the list instead of the grid.
    let _ = browser.client.set_window_size(420, 900).await;
    let narrow = browser
        .js(
            "return [getComputedStyle(document.querySelector('.calendar-months')).display, \
             getComputedStyle(document.querySelector('.calendar-list')).display]",
        )
        .await;
    assert_eq!(
        narrow,
        Ok(json!(["none", "block"])),
        "narrow screens get the list"
    );
    full_page_screenshot(&browser, "calendar-narrow.png", 420).await;

    // Arabic: mirrored, the grid's first column on the right.
    let _ = browser.client.set_window_size(1200, 900).await;
    browser.open(&server.at("/ar/plan/")).await;
    let mirrored = browser
        .js(
            "const cells = document.querySelectorAll('.calendar-grid thead th'); \
             return [getComputedStyle(document.documentElement).direction, \
             cells[0].getBoundingClientRect().left > cells[6].getBoundingClientRect().left]",
        )
        .await;
    assert_eq!(
        mirrored,
        Ok(json!(["rtl", true])),
        "the grid runs right to left"
    );
    full_page_screenshot(&browser, "calendar-ar.png", 1200).await;

    // Showcase: the browser picks a WebP thumbnail, sized for the card.
    let _ = browser.client.set_window_size(1200, 900).await;
    browser.open(&server.at("/posts/")).await;
    let picked = eventually("the first showcase image to load", async || {
        let v = browser
            .js("const img = document.querySelector('.showcase-image'); \
                 return img.complete && img.naturalWidth > 0 ? [img.currentSrc, img.naturalWidth] : null")
            .await?;
        if v.is_null() { Err("not loaded yet".into()) } else { Ok(v) }
    })
    .await;
    let src = picked[0].as_str().unwrap_or_default();
    assert!(
        src.contains("/posts/a-") && src.ends_with("w.webp"),
        "{picked:?}"
    );
    assert!(picked[1].as_u64().unwrap_or(0) <= 900, "{picked:?}");
    let cards = browser
        .js("const cards = [...document.querySelectorAll('.showcase-card')].map(c => c.getBoundingClientRect()); \
             return [cards.length, cards[0].top === cards[1].top]")
        .await;
    assert_eq!(
        cards,
        Ok(json!([3, true])),
        "cards side by side on a wide screen"
    );
    full_page_screenshot(&browser, "showcase.png", 1200).await;
}
