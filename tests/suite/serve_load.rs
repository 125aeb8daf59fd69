//! `folio serve` under load and from other hosts: the bind address and its warning,
//! DNS-rebinding requests refused, a page loaded during a rebuild still reloads, and
//! 10,000 requests from concurrent clients while files change, with every response
//! whole and one reload message for every rebuild.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::harness::{TestSite, raw_get, status_of};

struct Server {
    child: Child,
    /// `host:port` to connect to.
    addr: String,
    /// What the server printed before it listened (warnings included).
    banner: Vec<String>,
}

impl Server {
    fn start(site: &TestSite, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["serve", "--port", "0", "-r"])
            .arg(site.root())
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut banner = Vec::new();
        let addr = loop {
            let line = lines
                .next()
                .expect("serve exited before listening")
                .unwrap();
            banner.push(line.clone());
            if let Some(rest) = line.strip_prefix("Serving at http://") {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            addr,
            banner,
        }
    }

    /// GET `path` with the given Host header; the status and the whole response.
    fn get_as(&self, host: &str, path: &str) -> (u16, String) {
        let (response, read) = raw_get(&self.addr, host, path, Duration::from_secs(20));
        read.unwrap();
        let text = String::from_utf8(response).expect("a UTF-8 response");
        (status_of(&text), text)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.get_as(&self.addr, path)
    }

    /// A live-reload socket as a page of build `build` opens it.
    fn socket(&self, build: Option<u64>) -> tungstenite::WebSocket<TcpStream> {
        let query = build.map(|b| format!("?build={b}")).unwrap_or_default();
        let url = format!("ws://{}/__folio/ws{query}", self.addr);
        let mut request = tungstenite::client::IntoClientRequest::into_client_request(url).unwrap();
        request
            .headers_mut()
            .insert("Origin", format!("http://{}", self.addr).parse().unwrap());
        let stream = TcpStream::connect(&self.addr).unwrap();
        let (socket, _) = tungstenite::client(request, stream).expect("the socket opens");
        socket
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The build number a served page carries.
fn build_of(response: &str) -> u64 {
    let start = response
        .find("data-build=\"")
        .expect("the live-reload script with its build")
        + "data-build=\"".len();
    let end = start + response[start..].find('"').unwrap();
    response[start..end].parse().unwrap()
}

fn small_site() -> TestSite {
    let site = TestSite::new();
    site.page("notes/_index.md", "title: Notes", "");
    for i in 0..5 {
        site.page(
            &format!("notes/p{i}.md"),
            &format!("title: Note {i}\ndate: 2026-01-0{}", i + 1),
            "First version.",
        );
    }
    site.file("static/site.css", "body { color: #222; }\n");
    site
}

#[test]
fn binds_to_loopback_by_default_and_warns_otherwise() {
    let site = small_site();
    let local = Server::start(&site, &[]);
    assert!(local.addr.starts_with("127.0.0.1:"), "{}", local.addr);
    assert!(
        !local.banner.iter().any(|l| l.contains("warning")),
        "{:?}",
        local.banner
    );
    drop(local);
    for bind in ["0.0.0.0", "::"] {
        let open = Server::start(&site, &["--bind", bind]);
        assert!(
            open.banner.iter().any(|l| l.contains("warning")
                && l.contains(bind)
                && l.contains("reachable from other machines")),
            "--bind {bind}: {:?}",
            open.banner
        );
        // Reachable, and from any host name: the user asked for it.
        let (status, _) = open.get_as("192.168.1.20", "/notes/p1/");
        assert_eq!(status, 200, "--bind {bind}");
    }
    let loopback6 = Server::start(&site, &["--bind", "::1"]);
    assert!(loopback6.addr.starts_with("[::1]:"), "{}", loopback6.addr);
    assert!(!loopback6.banner.iter().any(|l| l.contains("warning")));
    assert_eq!(loopback6.get("/notes/p1/").0, 200);
}

#[test]
fn a_loopback_server_answers_only_to_loopback_names() {
    let site = small_site();
    let server = Server::start(&site, &[]);
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(server.get_as(&host, "/notes/p1/").0, 200, "{host}");
    }
    // A rebinding attack: a DNS name of the attacker's that resolves to 127.0.0.1.
    for host in [
        format!("evil.example:{port}"),
        "localhost.evil.example".into(),
    ] {
        let (status, body) = server.get_as(&host, "/notes/p1/");
        assert_eq!(status, 421, "{host}");
        assert!(!body.contains("Note 1"), "{host} got the page");
    }
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    write!(
        stream,
        "GET /__folio/ws HTTP/1.1\r\nHost: evil.example:{port}\r\nOrigin: http://evil.example:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    .unwrap();
    let mut buf = [0u8; 64];
    let n = stream.read(&mut buf).unwrap();
    assert!(
        String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 421"),
        "{}",
        String::from_utf8_lossy(&buf[..n])
    );
}

#[test]
fn a_page_older_than_the_current_build_is_told_to_reload_when_it_connects() {
    let site = small_site();
    let server = Server::start(&site, &[]);
    let (_, page) = server.get("/notes/p1/");
    let built = build_of(&page);
    // Up to date: nothing to say.
    let mut fresh = server.socket(Some(built));
    fresh
        .get_mut()
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    assert!(fresh.read().is_err(), "an up-to-date page got a message");
    // A page rendered from the build before: reloaded at once, no rebuild needed.
    let mut stale = server.socket(Some(built - 1));
    stale
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let message = stale.read().expect("a message").into_text().unwrap();
    assert_eq!(message.as_str(), r#"{"type":"reload"}"#);
}

const CLIENTS: usize = 8;
const REQUESTS: usize = 10_000;
const EDITS: usize = 40;

#[test]
fn ten_thousand_requests_while_files_change_lose_nothing() {
    let site = small_site();
    let server = Arc::new(Server::start(&site, &[]));
    let (_, page) = server.get("/notes/p0/");
    let first_build = build_of(&page);

    // A page that stays open the whole time, counting reloads.
    let (reloads_tx, reloads) = mpsc::channel::<String>();
    let mut watcher = server.socket(Some(first_build));
    std::thread::spawn(move || {
        while let Ok(message) = watcher.read() {
            if let Ok(text) = message.into_text()
                && reloads_tx.send(text.to_string()).is_err()
            {
                return;
            }
        }
    });

    let editing = Arc::new(AtomicBool::new(true));
    let editor = {
        let root = site.root().to_path_buf();
        let editing = editing.clone();
        std::thread::spawn(move || {
            for n in 0..EDITS {
                let i = n % 5;
                // Written aside and renamed into place, as editors save: the server
                // never sees half a file (that would be an error, not a reload).
                let aside = root.join(format!("content/notes/.p{i}.md.tmp"));
                std::fs::write(
                    &aside,
                    format!(
                        "---\ntitle: Note {i}\ndate: 2026-01-0{}\n---\nEdit number {n}.\n",
                        i + 1
                    ),
                )
                .unwrap();
                std::fs::rename(&aside, root.join(format!("content/notes/p{i}.md"))).unwrap();
                std::thread::sleep(Duration::from_millis(60));
            }
            editing.store(false, Ordering::SeqCst);
        })
    };

    let paths = [
        "/",
        "/notes/",
        "/notes/p0/",
        "/notes/p3/",
        "/site.css",
        "/sitemap.xml",
    ];
    let done = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (server, done, failures) = (server.clone(), done.clone(), failures.clone());
            std::thread::spawn(move || {
                for r in 0..REQUESTS / CLIENTS {
                    let path = paths[(c + r) % paths.len()];
                    let (status, response) = server.get(path);
                    done.fetch_add(1, Ordering::Relaxed);
                    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
                    let whole = match path {
                        "/site.css" => body == "body { color: #222; }\n",
                        "/sitemap.xml" => body.trim_end().ends_with("</urlset>"),
                        _ => body.trim_end().ends_with("</html>") && body.contains("data-build=\""),
                    };
                    if !matches!(status, 200 | 304) || !whole {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{path}: status {status}, {} bytes", body.len()));
                    }
                }
            })
        })
        .collect();
    for client in clients {
        client.join().unwrap();
    }
    editor.join().unwrap();
    assert!(!editing.load(Ordering::SeqCst));
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} responses were wrong, e.g. {:?}",
        failures.len(),
        done.load(Ordering::Relaxed),
        &failures[..failures.len().min(5)]
    );
    assert_eq!(done.load(Ordering::Relaxed), REQUESTS);

    // Wait until the last rebuild is served: the build number stops moving.
    let mut last_build = build_of(&server.get("/notes/p0/").1);
    let mut stable_since = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(30);
    while stable_since.elapsed() < Duration::from_secs(1) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        let now = build_of(&server.get("/notes/p0/").1);
        if now != last_build {
            last_build = now;
            stable_since = Instant::now();
        }
    }
    let (_, page) = server.get(&format!("/notes/p{}/", (EDITS - 1) % 5));
    assert!(
        page.contains(&format!("Edit number {}.", EDITS - 1)),
        "the last edit is served"
    );
    let rebuilds = last_build - first_build;
    assert!(rebuilds >= 1, "no rebuild happened");

    let mut received = Vec::new();
    while (received.len() as u64) < rebuilds {
        match reloads.recv_timeout(Duration::from_secs(10)) {
            Ok(message) => received.push(message),
            Err(_) => break,
        }
    }
    // Nothing more comes after the last rebuild.
    if let Ok(extra) = reloads.recv_timeout(Duration::from_millis(500)) {
        received.push(extra);
    }
    assert!(
        received.iter().all(|m| m == r#"{"type":"reload"}"#),
        "{received:?}"
    );
    eprintln!(
        "load: {REQUESTS} responses from {CLIENTS} clients, {EDITS} edits, {rebuilds} rebuilds, {} reload messages",
        received.len()
    );
    assert_eq!(
        received.len() as u64,
        rebuilds,
        "{rebuilds} rebuilds, {} reload messages",
        received.len()
    );
}
