//! Embeds load nothing from their platform before the reader asks: in Chromium, with
//! every host but 127.0.0.1 mapped to a local listener that counts the connections it
//! gets (and closes them: nothing leaves the machine), a page with facades makes no
//! third-party request until a facade is pressed; then its player's iframe is
//! inserted and exactly its host is tried. (Chromium's own calls to Google's sign-in
//! and update hosts, made whatever page is open, are trapped but not counted.)

use std::io::Read;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};

use crate::chromium::{Driver, browser_tools, open_session_with};
use crate::harness::{TODAY, TestSite};
use crate::search::serve_dir;

/// The hosts (read from the TLS handshake's server name) of the connections made to
/// the trap so far.
type Seen = Arc<Mutex<Vec<String>>>;

/// A listener every other host resolves to: it records which host each connection
/// was for and closes it.
fn trap() -> (u16, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Seen = Arc::default();
    let record = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut hello = vec![0; 4096];
            let n = stream.read(&mut hello).unwrap_or(0);
            let host = server_name(&hello[..n]);
            if !browser_own(&host) {
                record.lock().unwrap().push(host);
            }
        }
    });
    (port, seen)
}

/// Whether a host is one of Google's that Chromium itself calls (sign-in, updates),
/// whatever page is open: those are not the page's requests.
fn browser_own(host: &str) -> bool {
    ["google.com", "googleapis.com", "gstatic.com", "gvt1.com"]
        .iter()
        .any(|own| host == *own || host.ends_with(&format!(".{own}")))
}

/// The server name of a TLS ClientHello (its SNI extension), else the `Host` of a
/// plain HTTP request; `?` when there is neither.
fn server_name(bytes: &[u8]) -> String {
    sni(bytes)
        .or_else(|| {
            let text = String::from_utf8_lossy(bytes);
            let host = text.lines().find_map(|l| l.strip_prefix("Host: "))?;
            Some(host.split(':').next()?.to_string())
        })
        .unwrap_or_else(|| "?".to_string())
}

fn sni(b: &[u8]) -> Option<String> {
    let u16_at = |i: usize| Some(usize::from(*b.get(i)?) << 8 | usize::from(*b.get(i + 1)?));
    // Record header (5), handshake header (4), version (2), random (32).
    if b.first() != Some(&0x16) || b.get(5) != Some(&1) {
        return None;
    }
    let mut i = 5 + 4 + 2 + 32;
    i += 1 + usize::from(*b.get(i)?); // session id
    i += 2 + u16_at(i)?; // cipher suites
    i += 1 + usize::from(*b.get(i)?); // compression methods
    let end = i + 2 + u16_at(i)?;
    i += 2;
    while i + 4 <= end {
        let (kind, len) = (u16_at(i)?, u16_at(i + 2)?);
        if kind == 0 {
            // server_name list: length (2), type (1), name length (2), name.
            let name_len = u16_at(i + 7)?;
            return Some(String::from_utf8_lossy(b.get(i + 9..i + 9 + name_len)?).into_owned());
        }
        i += 4 + len;
    }
    None
}

const PLATFORMS: [(&str, &str, &str); 5] = [
    ("youtube", "id=\"dQw4w9WgXcQ\"", "www.youtube-nocookie.com"),
    ("vimeo", "id=\"76979871\"", "player.vimeo.com"),
    ("tiktok", "id=\"7212345678901234567\"", "www.tiktok.com"),
    ("instagram", "id=\"C5bIrChSaP1\"", "www.instagram.com"),
    (
        "linkedin",
        "id=\"urn:li:share:7123456789012345678\"",
        "www.linkedin.com",
    ),
];

async fn wait_for_hosts(seen: &Seen, at_least: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while seen.lock().unwrap().len() < at_least && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Whatever else the click set off, too.
    tokio::time::sleep(Duration::from_millis(500)).await;
    seen.lock().unwrap().clone()
}

/// Presses the `n`th facade of the open page; the hosts tried before and after, and
/// the iframe's `src`.
async fn press(client: &Client, seen: &Seen, n: usize) -> (Vec<String>, Vec<String>, String) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = seen.lock().unwrap().clone();
    let buttons = client
        .find_all(Locator::Css("button[data-embed-src]"))
        .await
        .unwrap();
    // In the middle of the window, clear of the sticky header.
    let arg = serde_json::to_value(&buttons[n]).unwrap();
    let centre = "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});";
    client.execute(centre, vec![arg]).await.unwrap();
    buttons[n].click().await.unwrap();
    let after = wait_for_hosts(seen, before.len() + 1).await;
    let src = client
        .execute("const f = document.querySelectorAll('iframe.facade-iframe'); return f.length ? f[f.length - 1].src : '';", Vec::new())
        .await
        .unwrap();
    let tried = after[before.len()..].to_vec();
    (before, tried, src.as_str().unwrap_or_default().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facades_load_nothing_before_a_click() {
    let Some(tools) = browser_tools("facades_load_nothing_before_a_click") else {
        return;
    };
    let site = TestSite::new();
    let body: String = PLATFORMS
        .iter()
        .map(|(name, id, _)| format!("{{{{ {name}({id}, title=\"A {name} post\") }}}}\n\n"))
        .collect();
    site.page("embeds.md", "title: Embeds", &body);
    site.build_on(TODAY).ok();
    let (_demo, demo) = crate::demo::build_demo(TODAY, &[]);
    let (port, seen) = trap();
    let driver = Driver::start(&tools);
    let rules = format!("--host-resolver-rules=MAP * 127.0.0.1:{port}, EXCLUDE 127.0.0.1");
    let (client, _) = open_session_with(&tools, &driver, &[rules]).await;

    let url = serve_dir(&site.path("public"));
    let mut report = Vec::new();
    for (n, (name, _, host)) in PLATFORMS.iter().enumerate() {
        client.goto(&format!("{url}/embeds/")).await.unwrap();
        let (before, tried, src) = press(&client, &seen, n).await;
        assert!(before.is_empty(), "requests before any click: {before:?}");
        assert!(src.contains(host), "{name}: the iframe loads {src:?}");
        assert!(
            !tried.is_empty() && tried.iter().all(|h| h == host),
            "{name}: tried {tried:?}"
        );
        report.push(format!(
            "{name}: 0 before, {} after ({})",
            tried.len(),
            tried.join(", ")
        ));
        seen.lock().unwrap().clear();
    }
    let demo_url = serve_dir(&demo);
    for (page, host) in [
        ("/campaigns/spring-glaze-launch/", "www.instagram.com"),
        ("/uk/campaigns/spring-glaze-launch/", "www.instagram.com"),
        ("/showcase/hlyna-autumn-posts/", "www.tiktok.com"),
    ] {
        client.goto(&format!("{demo_url}{page}")).await.unwrap();
        let (before, tried, src) = press(&client, &seen, 0).await;
        assert!(
            before.is_empty(),
            "{page}: requests before the click: {before:?}"
        );
        assert!(src.contains(host), "{page}: the iframe loads {src:?}");
        assert!(
            !tried.is_empty() && tried.iter().all(|h| h == host),
            "{page}: tried {tried:?}"
        );
        report.push(format!(
            "{page}: 0 before, {} after ({})",
            tried.len(),
            tried.join(", ")
        ));
        seen.lock().unwrap().clear();
    }
    // A page without a facade loads no script at all.
    client.goto(&format!("{demo_url}/about/")).await.unwrap();
    let scripts = client
        .execute("return document.scripts.length - document.querySelectorAll('script[type=\"application/ld+json\"]').length;", Vec::new())
        .await
        .unwrap();
    assert_eq!(scripts, 0, "a page without embeds runs no script");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        seen.lock().unwrap().is_empty(),
        "{:?}",
        seen.lock().unwrap()
    );
    eprintln!("third-party connections per facade:\n{}", report.join("\n"));
    let _ = client.close().await;
}
