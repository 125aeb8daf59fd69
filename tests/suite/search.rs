//! Full-text search: `folio build` writes a Pagefind index per language into
//! `public/pagefind/`, and in headless Chromium typing a word of any script into
//! Pagefind's UI finds its page.
//!
//! The browser test needs Chromium and ChromeDriver, found as in `browser.rs`
//! (`/usr/bin/chromium`, `/usr/bin/chromedriver`, or `CHROMIUM` and `CHROMEDRIVER`);
//! without them it says it was skipped and passes, unless `FOLIO_REQUIRE_BROWSER=1`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::chromium::{Driver, Tools, browser_tools, open_session};
use crate::harness::TestSite;

/// Every language of the site: (code, title of its page, body, a word only on that
/// page, the page's URL).
const PAGES: [(&str, &str, &str, &str, &str); 7] = [
    (
        "en",
        "Audience strategy",
        "Our reachability plan for the coffee brand grows the audience every week.",
        "reachability",
        "/strategy/",
    ),
    (
        "uk",
        "Стратегія аудиторії",
        "План охоплення для бренду «Смородина» з Києва: аудиторія росте щотижня.",
        "смородина",
        "/uk/strategy/",
    ),
    (
        "bg",
        "Стратегия за аудиторията",
        "Планът за марката „Планина“ разширява аудиторията всяка седмица.",
        "планина",
        "/bg/strategy/",
    ),
    (
        "lv",
        "Auditorijas stratēģija",
        "Zīmola “Dzērvene” sasniedzamības plāns katru nedēļu paplašina auditoriju.",
        "dzērvene",
        "/lv/strategy/",
    ),
    (
        "ka",
        "აუდიტორიის სტრატეგია",
        "ბრენდ „მაყვალის“ მიღწევადობის გეგმა ყოველ კვირას ზრდის აუდიტორიას.",
        "მაყვალის",
        "/ka/strategy/",
    ),
    (
        "am",
        "የታዳሚ ስትራቴጂ",
        "እንጆሪ ብራንድ የተደራሽነት እቅድ በየሳምንቱ ታዳሚውን ያሳድጋል። ሰላም፡ዓለም፡ቡና።",
        "እንጆሪ",
        "/am/strategy/",
    ),
    (
        "ar",
        "استراتيجية الجمهور",
        "خطة الوصول لعلامة «توت» التجارية تنمّي الجمهور كل أسبوع.",
        "توت",
        "/ar/strategy/",
    ),
];

/// A site with one page in each language of [`PAGES`], and an alias.
fn multilingual_site(search: bool) -> TestSite {
    let site = TestSite::empty();
    site.file(
        "site.yaml",
        &format!(
            "title: Search test\nbase_url: https://example.org\nsearch: {search}\n\
             languages:\n  uk: {{title: Пошук}}\n  bg: {{title: Търсене}}\n  \
             lv: {{title: Meklēšana}}\n  ka: {{title: ძიება}}\n  am: {{title: ፍለጋ}}\n  \
             ar: {{title: بحث}}\n"
        ),
    );
    site.page("_index.md", "title: Home", "Welcome.\n");
    for (lang, title, body, _, _) in PAGES {
        let file = if lang == "en" {
            "strategy.md".to_string()
        } else {
            format!("strategy.{lang}.md")
        };
        let aliases = if lang == "en" {
            "\naliases: [/old-strategy/]"
        } else {
            ""
        };
        site.page(
            &file,
            &format!("title: {title}{aliases}"),
            &format!("{body}\n"),
        );
    }
    site
}

/// `pagefind-entry.json`'s languages with their page counts.
fn entry_languages(site: &TestSite) -> HashMap<String, u64> {
    let entry: Value = serde_json::from_str(&site.read("public/pagefind/pagefind-entry.json"))
        .expect("pagefind-entry.json is JSON");
    entry["languages"]
        .as_object()
        .expect("a languages object")
        .iter()
        .map(|(lang, meta)| (lang.clone(), meta["page_count"].as_u64().unwrap_or(0)))
        .collect()
}

#[test]
fn build_writes_an_index_per_language() {
    let site = multilingual_site(true);
    site.build().ok();
    let languages = entry_languages(&site);
    for (lang, ..) in PAGES {
        let pages = languages.get(lang).copied().unwrap_or(0);
        assert!(pages >= 1, "no pages indexed for {lang}: {languages:?}");
    }
    let files = site.tree("public/pagefind");
    for file in [
        "pagefind.js",
        "pagefind-ui.js",
        "pagefind-ui.css",
        "pagefind-component-ui.js",
        "pagefind-component-ui.css",
        "pagefind-entry.json",
        "wasm.unknown.pagefind",
        "wasm.en.pagefind",
        "wasm.ar.pagefind",
    ] {
        assert!(files.iter().any(|f| f == file), "{file} missing: {files:?}");
    }
    // One metadata file per language, and index chunks.
    let metas = files.iter().filter(|f| f.ends_with(".pf_meta")).count();
    assert_eq!(metas, PAGES.len(), "{files:?}");
    assert!(files.iter().any(|f| f.starts_with("index/")), "{files:?}");
    assert!(
        files.iter().any(|f| f.starts_with("fragment/")),
        "{files:?}"
    );
    // The redirect of the alias is not a search result: every fragment is a real page.
    for fragment in files.iter().filter(|f| f.starts_with("fragment/")) {
        let bytes = std::fs::read(site.path("public/pagefind").join(fragment)).unwrap();
        let text = gunzip(&bytes);
        assert!(!text.contains("old-strategy"), "{fragment}: {text}");
    }
    // Written through the output like every file: the manifest lists it.
    let manifest = site.read("public/.folio-manifest");
    assert!(
        manifest
            .lines()
            .any(|l| l == "pagefind/pagefind-entry.json")
    );
}

#[test]
fn a_rebuild_writes_the_same_index_and_leaves_no_scratch_files() {
    let site = multilingual_site(true);
    site.build().ok();
    let first = site.snapshot("public/pagefind");
    // Pagefind reads the pages from a tree laid out in the staging folder; none of it
    // reaches the output, and staging folders are gone after the build.
    let public = site.tree("public");
    assert!(public.iter().all(|f| !f.contains("scratch")), "{public:?}");
    let beside: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".folio-staging"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    std::fs::remove_dir_all(site.path("public")).unwrap();
    site.build().ok();
    assert_eq!(site.snapshot("public/pagefind"), first);
}

#[test]
fn search_false_writes_no_index_and_removes_the_old_one() {
    let site = multilingual_site(true);
    site.build().ok();
    assert!(site.exists("public/pagefind/pagefind.js"));
    site.file(
        "site.yaml",
        &site
            .read("site.yaml")
            .replace("search: true", "search: false"),
    );
    site.build().ok();
    assert!(!site.exists("public/pagefind"), "{:?}", site.tree("public"));
}

/// Pagefind's files are gzip streams; the tests read them with the system's `gzip`.
fn gunzip(bytes: &[u8]) -> String {
    let mut child = Command::new("gzip")
        .args(["-dc"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gzip -dc");
    let mut stdin = child.stdin.take().expect("gzip stdin");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("gzip output");
    writer.join().unwrap().expect("write to gzip");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Index size and time of a site given in `FOLIO_SEARCH_BENCH_SITE` (the demo site, a
/// generated one), built through the library into a temp dir:
/// `FOLIO_SEARCH_BENCH_SITE=/tmp/s1000 cargo test --release --test suite search_bench -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement; set FOLIO_SEARCH_BENCH_SITE"]
fn search_bench() {
    let root = std::env::var_os("FOLIO_SEARCH_BENCH_SITE").expect("FOLIO_SEARCH_BENCH_SITE");
    let out = tempfile::tempdir().expect("temp dir");
    let mut options = folio::BuildOptions::new(PathBuf::from(root));
    options.output = out.path().join("public");
    let report = folio::build(&options).unwrap_or_else(|e| panic!("build failed: {e:?}"));
    let search = report.search.expect("search: true in site.yaml");
    eprintln!(
        "build {} ms; {} pages indexed ({} HTML files skipped) in {} ms; languages {:?}; \
         {} files, {} bytes ({} bytes of index)",
        report.elapsed.as_millis(),
        search.pages,
        search.skipped,
        search.elapsed.as_millis(),
        search.languages,
        search.files,
        search.bytes,
        search.index_bytes,
    );
}

// ---------------------------------------------------------------------------------------
// In the browser
// ---------------------------------------------------------------------------------------

/// How long a search may take to show its results.
pub(crate) const PATIENCE: Duration = Duration::from_secs(15);

/// Serves the files under `root` over HTTP on 127.0.0.1 from a thread, for as long as
/// the test binary runs, at `/` and at `/sub/` (a site under a `base_url` path);
/// returns `http://127.0.0.1:PORT`.
pub(crate) fn serve_dir(root: &Path) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the file server");
    let url = format!("http://{}", listener.local_addr().expect("local address"));
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = answer(stream, &root);
            });
        }
    });
    url
}

/// Answers one GET request with the file it names (`index.html` for a folder).
fn answer(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = path.strip_prefix("/sub/").unwrap_or(path);
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut file = root.to_path_buf();
    let mut safe = true;
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        safe &= segment != ".." && !segment.contains('\\');
        file.push(segment);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let mut stream = stream;
    match std::fs::read(&file) {
        Ok(body) if safe => {
            let mime = mime_guess::from_path(&file).first_or_octet_stream();
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\
                 Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)?;
        }
        _ => {
            let body = b"not found";
            write!(
                stream,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(body)?;
        }
    }
    stream.flush()
}

/// Headless Chromium behind its own chromedriver; the session ends on drop.
pub(crate) struct Browser {
    pub(crate) client: Client,
    pub(crate) session: String,
    pub(crate) driver: Driver,
}

impl Browser {
    pub(crate) async fn start(tools: &Tools) -> Browser {
        let driver = Driver::start(tools);
        let (client, session) = open_session(tools, &driver).await;
        Browser {
            client,
            session,
            driver,
        }
    }

    /// Opens `url` and makes sure its stylesheets applied: a page measured without them
    /// (a request lost on a loaded machine) is opened again, twice at most.
    pub(crate) async fn open_styled(&self, url: &str) {
        const STYLED: &str = "return [...document.styleSheets].filter(s => s.href && !s.media.mediaText)\
             .every(s => { try { return s.cssRules.length > 0; } catch (e) { return false; } });";
        for _ in 0..3 {
            self.client
                .goto(url)
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
            let styled = self.client.execute(STYLED, Vec::new()).await;
            if styled.is_ok_and(|v| v == Value::Bool(true)) {
                return;
            }
        }
        panic!("{url}: its stylesheets did not load in three tries");
    }

    /// The hrefs of the search results shown, or what the page says instead.
    pub(crate) async fn results(&self) -> Result<Vec<String>, String> {
        // Links to pages, not to sections of them (sub-results end in `#id`).
        let script = "return [...document.querySelectorAll('.pagefind-ui__result-link')]\
                      .map(a => a.getAttribute('href')).filter(h => !h.includes('#'));";
        match self.client.execute(script, Vec::new()).await {
            Ok(Value::Array(links)) => Ok(links
                .into_iter()
                .filter_map(|l| l.as_str().map(str::to_string))
                .collect()),
            Ok(other) => Err(format!("unexpected answer {other}")),
            Err(e) => Err(format!("script failed: {e}")),
        }
    }

    /// The page's visible text, for failure messages.
    pub(crate) async fn text(&self) -> String {
        self.client
            .execute(
                "return document.body ? document.body.innerText : '';",
                Vec::new(),
            )
            .await
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .unwrap_or_else(|e| e.to_string())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Quit Chromium through chromedriver: killing chromedriver would leave it running.
        let path = format!("/session/{}", self.session);
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.driver.port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = write!(
                stream,
                "DELETE {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\n\
                 Connection: close\r\n\r\n",
                self.driver.port
            );
            let mut reply = [0u8; 512];
            let _ = stream.read(&mut reply);
        }
    }
}

/// The strings the theme's search page asks `t` for, as the engine will provide them.
fn ui_string(key: &str, lang: &str) -> String {
    match (key, lang) {
        ("search", "uk") => "Пошук".into(),
        ("search_placeholder", "uk") => "Шукати на сайті".into(),
        ("search", "ka") => "ძიება".into(),
        ("search_placeholder", "ka") => "საიტზე ძიება".into(),
        ("search", "am") => "ፍለጋ".into(),
        ("search_placeholder", "am") => "በጣቢያው ውስጥ ይፈልጉ".into(),
        ("search", _) => "Search".into(),
        ("search_placeholder", _) => "Search this site".into(),
        _ => panic!("search.html asked t() for an unexpected key {key:?}"),
    }
}

/// Renders the default theme's `search.html` for `lang` with Tera, over a minimal
/// `base.html` with the real one's frame (`<html lang dir>`, `head`, `<main id="main">`)
/// and `get_url`/`t` as the engine registers them, for a site at `base_path` (`""`
/// for the root, `"/sub"`).
pub(crate) fn render_search_page(lang: &str, base_path: &'static str) -> String {
    let base = "<!DOCTYPE html>\n<html lang=\"{{ lang }}\" dir=\"{{ dir }}\">\n<head>\
                <meta charset=\"utf-8\"><title>{% block title %}{% endblock title %}</title>\
                {% block head %}{% endblock head %}</head>\n<body><main id=\"main\">\
                {% block content %}{% endblock content %}</main></body></html>\n";
    let search = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/search.html"),
    )
    .expect("themes/default/templates/search.html");
    let mut tera = tera::Tera::default();
    tera.add_raw_templates(vec![("base.html", base), ("search.html", search.as_str())])
        .expect("search.html parses");
    tera.register_function("get_url", move |args: &HashMap<String, Value>| {
        let path = args["path"].as_str().unwrap_or_default();
        Ok(Value::String(format!(
            "{base_path}/{}",
            path.trim_start_matches('/')
        )))
    });
    tera.register_function("t", |args: &HashMap<String, Value>| {
        let key = args["key"].as_str().unwrap_or_default();
        let lang = args["lang"].as_str().unwrap_or_default();
        Ok(Value::String(ui_string(key, lang)))
    });
    let mut context = tera::Context::new();
    context.insert("lang", lang);
    context.insert("dir", if lang == "ar" { "rtl" } else { "ltr" });
    context.insert(
        "site",
        &json!({"title": "Search test", "base_path": base_path}),
    );
    tera.render("search.html", &context)
        .unwrap_or_else(|e| panic!("search.html does not render: {e:?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_a_word_finds_its_page_in_every_script() {
    let Some(tools) = browser_tools("typing_a_word_finds_its_page_in_every_script") else {
        return;
    };
    let site = multilingual_site(true);
    site.build().ok();
    // The theme's search page for each language, where the engine will put it.
    for (lang, ..) in PAGES {
        site.file(
            &format!("public/__search/{lang}/index.html"),
            &render_search_page(lang, ""),
        );
    }
    site.file(
        "public/__search/sub-ka/index.html",
        &render_search_page("ka", "/sub"),
    );
    let url = serve_dir(&site.path("public"));
    let browser = Browser::start(&tools).await;

    // `page` is the search page's path.
    let search = async |page: &str, word: &str| -> Vec<String> {
        results_for(&browser, &format!("{url}{page}"), word).await
    };

    for (lang, _, _, word, page_url) in PAGES {
        let found = search(&format!("/__search/{lang}/"), word).await;
        assert_eq!(
            found,
            [page_url],
            "typing {word:?} on the {lang} search page should find {page_url}"
        );
    }
    // The placeholder comes from `t(key="search_placeholder")`.
    let placeholder = browser
        .client
        .find(Locator::Css(".pagefind-ui__search-input"))
        .await
        .expect("search box")
        .attr("placeholder")
        .await
        .expect("placeholder");
    assert_eq!(placeholder.as_deref(), Some("Search this site"));
    // Each language searches its own index: the Georgian word is not on English pages.
    assert_eq!(
        search("/__search/en/", "მაყვალის").await,
        Vec::<String>::new()
    );
    // Ethiopic words separated by `፡` alone are found one by one.
    assert_eq!(search("/__search/am/", "ዓለም").await, ["/am/strategy/"]);
    // A word typed in part finds its page (Pagefind matches prefixes).
    assert_eq!(search("/__search/ka/", "მაყვ").await, ["/ka/strategy/"]);
    // A site under a path (`base_url: https://example.org/sub`): results link under it.
    assert_eq!(
        search("/sub/__search/sub-ka/", "მაყვალის").await,
        ["/sub/ka/strategy/"]
    );
}

/// Types `word` into the search page at `url`; the result links, once shown.
pub(crate) async fn results_for(browser: &Browser, url: &str, word: &str) -> Vec<String> {
    browser
        .client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    let deadline = Instant::now() + PATIENCE;
    let input = loop {
        match browser
            .client
            .find(Locator::Css(".pagefind-ui__search-input"))
            .await
        {
            Ok(input) => break input,
            Err(e) if Instant::now() >= deadline => panic!("no search box on {url}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    };
    input
        .send_keys(word)
        .await
        .unwrap_or_else(|e| panic!("cannot type {word:?}: {e}"));
    loop {
        let links = browser.results().await;
        let text = browser.text().await;
        match links {
            Ok(links) if !links.is_empty() => return links,
            // Pagefind's message that there are none, in English or Ukrainian.
            Ok(_) if text.contains("No results") || text.contains("Нічого не знайдено") =>
            {
                return Vec::new();
            }
            _ if Instant::now() >= deadline => {
                panic!("no results for {word:?} on {url} within {PATIENCE:?}: {links:?}\n{text}")
            }
            _ => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}
