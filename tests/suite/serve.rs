//! `folio serve` without a browser: incremental rebuilds equal full builds, failed
//! rebuilds keep the last good pages, and no request path reaches outside the output.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use folio::BuildOptions;
use folio::{Change, DevSite, Outcome};

use crate::harness::{TestSite, raw_get, status_of};

fn options(site: &TestSite) -> BuildOptions {
    let mut options = BuildOptions::new(site.root());
    options.base_url = Some("http://127.0.0.1:1111".into());
    options.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // What the preview serves: pages as the templates made them, plain names.
    options.minify = false;
    options
}

/// A full build of the site as it is on disk now, in memory.
fn full(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    let (dev, outcome) = DevSite::new(options(site));
    assert_eq!(
        outcome,
        Outcome::Reload,
        "full build failed: {:?}",
        dev.errors
    );
    dev.served.snapshot()
}

fn assert_same(
    step: &str,
    incremental: &BTreeMap<String, Vec<u8>>,
    full: &BTreeMap<String, Vec<u8>>,
) {
    let only_inc: Vec<&String> = incremental
        .keys()
        .filter(|k| !full.contains_key(*k))
        .collect();
    let only_full: Vec<&String> = full
        .keys()
        .filter(|k| !incremental.contains_key(*k))
        .collect();
    assert!(
        only_inc.is_empty() && only_full.is_empty(),
        "{step}: files differ: stale {only_inc:?}, missing {only_full:?}"
    );
    for (path, bytes) in full {
        if incremental[path] != *bytes {
            let (inc, full) = (
                String::from_utf8_lossy(&incremental[path]),
                String::from_utf8_lossy(bytes),
            );
            let (a, b) = inc
                .lines()
                .zip(full.lines())
                .find(|(a, b)| a != b)
                .unwrap_or(("(length differs)", ""));
            panic!("{step}: {path} differs from a full build\nincremental: {a}\nfull:        {b}");
        }
    }
}

fn rich_site() -> TestSite {
    let site = TestSite::new();
    site.file("site.yaml", "title: T\nbase_url: https://example.org\nlanguages: {uk: {title: Т}}\n")
        .page("notes/_index.md", "title: Notes\npaginate_by: 2", "")
        .page("notes/a.md", "title: A\ndate: 2026-01-01\ntags: [x, y]", "See [b](@/notes/b.md).")
        .page("notes/b.md", "title: B\ndate: 2026-02-01\ntags: [y]\naliases: [/old-b/]", "Bee.\n\n{{ kpi(value=3, label=\"bees\") }}\n")
        .page("notes/c.md", "title: C\ndate: 2026-03-01\ntags: [z]", "Sea.")
        .page("notes/c.uk.md", "title: Ц\ndate: 2026-03-01", "Море.")
        .page("jobs/_index.md", "title: Jobs\npage_kind: job", "")
        .page(
            "jobs/smm.md",
            "title: SMM\ndate: 2026-11-01\nvalid_through: 2099-01-01\ncompany: {name: Teplo}\nlocation: {city: Kyiv, country: UA}\napply: {email: a@b.c}",
            "Role.",
        )
        .page("work/_index.md", "title: Work", "")
        .page("work/launch.md", "title: Launch\nkind: campaign\nstart: 2026-02-01\nend: 2026-03-01\nkpis: [{name: Reach, target: 10, actual: 12}]", "")
        .page("work/story.md", "title: Story\nkind: case_study\nrelated: [\"@/work/launch.md\"]", "")
        .file("data/team.yaml", "lead: Olena\n")
        .file("static/site.css", "body{}\n");
    site
}

#[test]
fn the_preview_serves_what_build_no_minify_writes() {
    let site = rich_site();
    let served = full(&site);
    let mut build = options(&site);
    build.output = site.path("public");
    folio::build(&build).expect("build --no-minify");
    let mut compared = 0;
    for (path, bytes) in &served {
        if path.ends_with(".html") || path.ends_with(".css") || path.ends_with(".xml") {
            let written = std::fs::read(site.path("public").join(path)).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(bytes),
                "{path}"
            );
            compared += 1;
        }
    }
    assert!(compared > 20, "{compared} files compared");
}

#[test]
fn incremental_rebuilds_equal_full_builds() {
    let site = rich_site();
    let (mut dev, outcome) = DevSite::new(options(&site));
    assert_eq!(outcome, Outcome::Reload, "{:?}", dev.errors);
    let content = |id: &str| Change::Content(id.to_string());
    type Edit = (&'static str, Box<dyn Fn(&TestSite)>, Vec<Change>);
    let edits: Vec<Edit> = vec![
        (
            "edit a body",
            Box::new(|s| {
                s.page(
                    "notes/a.md",
                    "title: A\ndate: 2026-01-01\ntags: [x, y]",
                    "New words here. See [b](@/notes/b.md).",
                );
            }),
            vec![content("notes/a.md")],
        ),
        (
            "retitle a page others link to",
            Box::new(|s| {
                s.page(
                    "notes/b.md",
                    "title: Bee renamed\ndate: 2026-02-01\ntags: [y]\naliases: [/old-b/]",
                    "Bee.\n\n{{ kpi(value=3, label=\"bees\") }}\n",
                );
            }),
            vec![content("notes/b.md")],
        ),
        (
            "move a page in the order",
            Box::new(|s| {
                s.page(
                    "notes/c.md",
                    "title: C\ndate: 2025-01-01\ntags: [z]",
                    "Sea.",
                );
            }),
            vec![content("notes/c.md")],
        ),
        (
            "change tags: a term goes, one comes",
            Box::new(|s| {
                s.page(
                    "notes/c.md",
                    "title: C\ndate: 2025-01-01\ntags: [w]",
                    "Sea.",
                );
            }),
            vec![content("notes/c.md")],
        ),
        (
            "add a page",
            Box::new(|s| {
                s.page(
                    "notes/d.md",
                    "title: D\ndate: 2026-04-01\ntags: [x]",
                    "Dee.",
                );
            }),
            vec![content("notes/d.md")],
        ),
        (
            "delete a page (a pager goes)",
            Box::new(|s| {
                std::fs::remove_file(s.path("content/notes/d.md")).unwrap();
                std::fs::remove_file(s.path("content/notes/a.md")).unwrap();
            }),
            vec![content("notes/d.md"), content("notes/a.md")],
        ),
        (
            "change a slug and an alias",
            Box::new(|s| {
                s.page("notes/b.md", "title: Bee renamed\ndate: 2026-02-01\ntags: [y]\nslug: bee\naliases: [/older-b/]", "Bee.\n\n{{ kpi(value=3, label=\"bees\") }}\n");
            }),
            vec![content("notes/b.md")],
        ),
        (
            "close the job",
            Box::new(|s| {
                s.page("jobs/smm.md", "title: SMM\ndate: 2026-01-01\nvalid_through: 2026-02-01\ncompany: {name: Teplo}\nlocation: {city: Kyiv, country: UA}\napply: {email: a@b.c}", "Role.");
            }),
            vec![content("jobs/smm.md")],
        ),
        (
            "retitle a related campaign",
            Box::new(|s| {
                s.page("work/launch.md", "title: Big launch\nkind: campaign\nstart: 2026-02-01\nend: 2026-03-01\nkpis: [{name: Reach, target: 10, actual: 8}]", "");
            }),
            vec![content("work/launch.md")],
        ),
        (
            "edit a section",
            Box::new(|s| {
                s.page(
                    "notes/_index.md",
                    "title: Field notes\npaginate_by: 1",
                    "Intro.",
                );
            }),
            vec![content("notes/_index.md")],
        ),
        (
            "edit a translation",
            Box::new(|s| {
                s.page("notes/c.uk.md", "title: Це\ndate: 2026-03-01", "Море!");
            }),
            vec![content("notes/c.uk.md")],
        ),
        (
            "change a template",
            Box::new(|s| {
                s.file("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ page.content | safe }}{% endblock %}");
            }),
            vec![Change::Template],
        ),
        (
            "change a shortcode a body uses",
            Box::new(|s| {
                s.file(
                    "templates/shortcodes/kpi.html",
                    "<b>{{ value }} {{ label }}</b>",
                );
            }),
            vec![Change::Template],
        ),
        (
            "change data",
            Box::new(|s| {
                s.file("data/team.yaml", "lead: Iryna\n");
            }),
            vec![Change::Data],
        ),
        (
            "change a stylesheet",
            Box::new(|s| {
                s.file("static/site.css", "body{color:red}\n");
            }),
            vec![Change::Static {
                output: "site.css".into(),
                css: true,
            }],
        ),
        (
            "change the configuration",
            Box::new(|s| {
                s.file(
                    "site.yaml",
                    "title: Renamed\nbase_url: https://example.org\nlanguages: {uk: {title: Т}}\n",
                );
            }),
            vec![Change::Config],
        ),
    ];
    for (step, edit, changes) in edits {
        edit(&site);
        let outcome = dev.apply(&changes);
        assert!(
            matches!(outcome, Outcome::Reload | Outcome::Css(_)),
            "{step}: {outcome:?}"
        );
        assert_same(step, &dev.served.snapshot(), &full(&site));
    }
}

#[test]
fn a_broken_edit_keeps_the_last_good_pages_and_a_fix_recovers() {
    let site = rich_site();
    let (mut dev, _) = DevSite::new(options(&site));
    let before = dev.served.snapshot();
    site.file("content/notes/a.md", "---\ntitel: A\n---\n");
    let outcome = dev.apply(&[Change::Content("notes/a.md".into())]);
    let Outcome::Errors(errors) = outcome else {
        panic!("expected errors, got {outcome:?}")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file.to_string_lossy(), "content/notes/a.md");
    assert_eq!((errors[0].line, errors[0].column), (Some(2), Some(1)));
    assert_eq!(dev.served.snapshot(), before, "nothing served changes");
    // Another edit while broken: still errors, still the old pages.
    site.page(
        "notes/b.md",
        "title: B2\ndate: 2026-02-01\ntags: [y]\naliases: [/old-b/]",
        "Bee.",
    );
    assert!(matches!(
        dev.apply(&[Change::Content("notes/b.md".into())]),
        Outcome::Errors(_)
    ));
    assert_eq!(dev.served.snapshot(), before);
    // A template error is reported the same way.
    site.page(
        "notes/a.md",
        "title: A fixed\ndate: 2026-01-01\ntags: [x, y]",
        "Fixed.",
    );
    site.file("templates/page.html", "{% if %}");
    let Outcome::Errors(errors) =
        dev.apply(&[Change::Content("notes/a.md".into()), Change::Template])
    else {
        panic!()
    };
    assert!(
        errors[0]
            .file
            .to_string_lossy()
            .contains("templates/page.html"),
        "{errors:?}"
    );
    std::fs::remove_file(site.path("templates/page.html")).unwrap();
    assert_eq!(dev.apply(&[Change::Template]), Outcome::Reload);
    assert_same("after the fix", &dev.served.snapshot(), &full(&site));
}

/// A running `folio serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(site: &TestSite) -> Server {
        Server::start_with(site, &[])
    }

    /// `folio serve` with more flags.
    fn start_with(site: &TestSite, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["serve", "--port", "0", "-r"])
            .arg(site.root())
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let addr = loop {
            let line = lines
                .next()
                .expect("serve exited before listening")
                .unwrap();
            if let Some(rest) = line.strip_prefix("Serving at http://") {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    /// Sends `target` exactly as given (no client-side normalisation) and returns
    /// the status code and body.
    fn get_raw(&self, target: &str) -> (u16, String) {
        let (response, _) = raw_get(&self.addr, &self.addr, target, Duration::from_secs(10));
        let text = String::from_utf8_lossy(&response).into_owned();
        (status_of(&text), text)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_judges_job_postings_by_the_today_flag() {
    let site = TestSite::new();
    site.page(
        "jobs/smm.md",
        "title: SMM\nkind: job\ndate: 2026-11-01\nvalid_through: 2027-01-15\n\
         company: {name: Teplo}\nlocation: {city: Kyiv, country: UA}\napply: {email: a@b.c}",
        "",
    );
    for (day, closed) in [("2027-01-15", false), ("2027-01-16", true)] {
        let server = Server::start_with(&site, &["--today", day]);
        let (status, page) = server.get_raw("/jobs/smm/");
        assert_eq!(status, 200, "{page}");
        assert_eq!(page.contains("This position is closed"), closed, "{day}");
        let (_, jobs) = server.get_raw("/jobs.json");
        assert_eq!(
            !jobs.contains("\"title\": \"SMM\""),
            closed,
            "{day}: {jobs}"
        );
    }
}

#[test]
fn serves_pages_with_the_reload_script_and_right_types() {
    let site = rich_site();
    let server = Server::start(&site);
    let (status, page) = server.get_raw("/notes/b/");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.to_ascii_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{page}"
    );
    assert!(
        page.contains(
            "<script src=\"/__folio/livereload.js\" data-build=\"1\" defer></script></body>"
        ),
        "{page}"
    );
    let (status, css) = server.get_raw("/site.css");
    assert_eq!(status, 200);
    assert!(
        css.to_ascii_lowercase().contains("content-type: text/css"),
        "{css}"
    );
    assert!(!css.contains("livereload"), "only HTML gets the script");
    let (status, json) = server.get_raw("/jobs.json");
    assert_eq!(status, 200);
    assert!(
        json.to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{json}"
    );
    let (status, redirect) = server.get_raw("/notes");
    assert_eq!(status, 301);
    assert!(
        redirect.contains("location: /notes/") || redirect.contains("Location: /notes/"),
        "{redirect}"
    );
    let (status, missing) = server.get_raw("/no/such/page/");
    assert_eq!(status, 404);
    assert!(
        missing.contains("livereload.js"),
        "the 404 page is live too"
    );
}

#[cfg(unix)]
#[test]
fn nothing_outside_the_output_is_served() {
    let site = rich_site();
    let secret_dir = tempfile::tempdir().unwrap();
    let secret = secret_dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET").unwrap();
    std::fs::write(site.path("private.txt"), "TOP-SECRET").unwrap();
    std::os::unix::fs::symlink(&secret, site.path("static/linked.txt")).unwrap();
    let server = Server::start(&site);
    assert_eq!(
        server.get_raw("/notes/b/").0,
        200,
        "the site itself is served"
    );
    let secret_path = secret.to_string_lossy().into_owned();
    let attempts = [
        "/../private.txt".to_string(),
        "/../../../../etc/passwd".into(),
        "/%2e%2e/private.txt".into(),
        "/%2E%2E/%2E%2E/etc/passwd".into(),
        "/notes/..%2f..%2fprivate.txt".into(),
        "/..%5cprivate.txt".into(),
        "/private.txt%00.html".into(),
        format!("/{}", "a/".repeat(5000)),
        format!("/{secret_path}"),
        format!("//{secret_path}"),
        format!("http://evil.example{secret_path}"),
        "/site.yaml".into(),
        "/content/notes/a.md".into(),
        "/linked.txt".into(),
    ];
    for target in &attempts {
        let (status, body) = server.get_raw(target);
        assert!(matches!(status, 400 | 404), "{target}: status {status}");
        assert!(!body.contains("TOP-SECRET"), "{target} leaked a file");
        assert!(!body.contains("root:x:0:0"), "{target} leaked /etc/passwd");
        assert!(!body.contains("base_url"), "{target} leaked site.yaml");
    }
}

#[test]
fn live_reload_socket_refuses_other_origins() {
    let site = rich_site();
    let server = Server::start(&site);
    let handshake = |origin: &str| {
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "GET /__folio/ws HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            server.addr
        )
        .unwrap();
        let mut buf = [0u8; 256];
        let n = stream.read(&mut buf).unwrap_or(0);
        String::from_utf8_lossy(&buf[..n]).into_owned()
    };
    assert!(
        handshake(&format!("http://{}", server.addr)).starts_with("HTTP/1.1 101"),
        "same origin upgrades"
    );
    assert!(
        handshake("http://evil.example").starts_with("HTTP/1.1 403"),
        "other origins are refused"
    );
}

#[test]
fn image_and_calendar_edits_rebuild_incrementally_like_full_builds() {
    use crate::planning::image_bytes;
    use image::ImageFormat::{Jpeg, Png};
    let site = TestSite::new();
    site.file("site.yaml", "title: T\nbase_url: https://example.org\nsearch: false\n")
        .page("about.md", "title: About", "Me.")
        .page(
            "work/autumn/index.md",
            "title: Autumn\nkind: showcase\nitems:\n  - platform: instagram\n    image: a.png\n    metrics: {reach: 10}",
            "Samples.",
        )
        .page(
            "plan.md",
            "title: Plan\nkind: calendar\nperiod: {start: 2026-11-01, end: 2026-11-30}\ntimezone: Europe/Kyiv\nentries:\n  - {date: 2026-11-02, time: \"09:30\", platform: tiktok, format: video, topic: Wheel, status: draft}",
            "",
        )
        .page(
            "cases/c/index.md",
            "title: Case\nkind: case_study\ncover: cover.jpg",
            "",
        )
        .bytes("content/work/autumn/a.png", &image_bytes(700, 350, Png))
        .bytes("content/work/autumn/b.jpg", &image_bytes(400, 400, Jpeg))
        .bytes("content/cases/c/cover.jpg", &image_bytes(900, 300, Jpeg));
    let (mut dev, outcome) = DevSite::new(options(&site));
    assert_eq!(outcome, Outcome::Reload, "{:?}", dev.errors);
    let asset = |id: &str| Change::ContentAsset(id.to_string());
    let content = |id: &str| Change::Content(id.to_string());
    type Edit = (
        &'static str,
        Box<dyn Fn(&TestSite)>,
        Vec<Change>,
        &'static str,
    );
    let edits: Vec<Edit> = vec![
        (
            "replace a showcase image",
            Box::new(|s| {
                s.bytes("content/work/autumn/a.png", &image_bytes(500, 500, Png));
            }),
            vec![asset("work/autumn/a.png")],
            "work/autumn/a-500w.png",
        ),
        (
            "replace a cover",
            Box::new(|s| {
                s.bytes("content/cases/c/cover.jpg", &image_bytes(1400, 700, Jpeg));
            }),
            vec![asset("cases/c/cover.jpg")],
            "cases/c/cover-1280w.webp",
        ),
        (
            "add an item with an image that was already there",
            Box::new(|s| {
                s.page(
                    "work/autumn/index.md",
                    "title: Autumn\nkind: showcase\nitems:\n  - platform: instagram\n    image: a.png\n  - platform: tiktok\n    image: b.jpg",
                    "Samples.",
                );
            }),
            vec![content("work/autumn/index.md")],
            "work/autumn/b-400w.webp",
        ),
        (
            "edit a calendar entry",
            Box::new(|s| {
                s.page(
                    "plan.md",
                    "title: Plan\nkind: calendar\nperiod: {start: 2026-11-01, end: 2026-11-30}\ntimezone: Europe/Kyiv\nentries:\n  - {date: 2026-11-03, time: \"10:00\", platform: tiktok, format: reel, topic: Wheel, status: scheduled}",
                    "",
                );
            }),
            vec![content("plan.md")],
            "plan/calendar.ics",
        ),
    ];
    for (step, edit, changes, expect) in edits {
        edit(&site);
        let outcome = dev.apply(&changes);
        assert_eq!(outcome, Outcome::Reload, "{step}: {:?}", dev.errors);
        let served = dev.served.snapshot();
        assert!(served.contains_key(expect), "{step}: {expect} not served");
        assert_same(step, &served, &full(&site));
    }
    let ics = String::from_utf8(dev.served.snapshot()["plan/calendar.ics"].clone()).unwrap();
    assert!(
        ics.contains("DTSTART;TZID=Europe/Kyiv:20261103T100000"),
        "{ics}"
    );

    // A broken image: the error, the last good pages kept; fixing it recovers.
    site.file("content/work/autumn/b.jpg", "broken");
    let outcome = dev.apply(&[asset("work/autumn/b.jpg")]);
    let Outcome::Errors(errors) = outcome else {
        panic!("expected errors, got {outcome:?}");
    };
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("image `b.jpg` cannot be used")),
        "{errors:?}"
    );
    assert!(dev.served.contains("work/autumn/b-400w.webp"));
    site.bytes("content/work/autumn/b.jpg", &image_bytes(300, 600, Jpeg));
    assert_eq!(dev.apply(&[asset("work/autumn/b.jpg")]), Outcome::Reload);
    assert_same("fixed image", &dev.served.snapshot(), &full(&site));
}
