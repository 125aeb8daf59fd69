//! Postings close on time: the owner is warned in the last week, the build day comes
//! from `--today` or `SOURCE_DATE_EPOCH`, and the sitemap says when a page changed.

use crate::harness::TestSite;

const POSTING: &str = "title: Producer
kind: job
date: 2026-11-10
valid_through: 2026-11-26
company: {name: Dim Kultury}
location: {city: Kyiv, country: UA}
apply: {email: people@example.org}";

fn site() -> TestSite {
    let site = TestSite::new();
    site.page("jobs/producer.md", POSTING, "");
    site
}

#[test]
fn open_postings_warn_in_their_last_week() {
    let site = site();
    for (day, left) in [
        ("2026-11-23", "3 days left"),
        ("2026-11-25", "1 day left"),
        ("2026-11-26", "its last day is today"),
    ] {
        for command in ["check", "build"] {
            let run = site.folio(&[command, "--today", day]).ok();
            let err = run.stderr();
            assert!(
                err.contains("this posting closes after 2026-11-26")
                    && err.contains(left)
                    && err.contains("content/jobs/producer.md:5:16"),
                "{command} on {day}: {err}"
            );
        }
    }
    // A week ahead: no warning; past its day: closed, and no warning either.
    for day in ["2026-11-19", "2026-11-27"] {
        let err = site.folio(&["check", "--today", day]).ok().stderr();
        assert!(!err.contains("closes after"), "{day}: {err}");
    }
    site.build_on("2026-11-27").ok();
    assert!(
        site.read("public/jobs/producer/index.html")
            .contains("job-closed")
    );
}

#[test]
fn source_date_epoch_sets_the_build_day() {
    let site = site();
    // 2026-11-27T10:00:00Z: the posting is closed that day.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("build")
        .env("SOURCE_DATE_EPOCH", "1795773600")
        .current_dir(site.root())
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(
        site.read("public/jobs/producer/index.html")
            .contains("job-closed")
    );
    // `--today` wins over it.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", "--today", "2026-11-20"])
        .env("SOURCE_DATE_EPOCH", "1795773600")
        .current_dir(site.root())
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(
        !site
            .read("public/jobs/producer/index.html")
            .contains("job-closed")
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("check")
        .env("SOURCE_DATE_EPOCH", "last tuesday")
        .current_dir(site.root())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("SOURCE_DATE_EPOCH"));
}

/// The `<lastmod>` of `loc` in the sitemap.
fn lastmod(site: &TestSite, loc: &str) -> String {
    let sitemap = site.read("public/sitemap.xml");
    let at = sitemap.find(&format!("<loc>{loc}</loc>")).expect(loc);
    let rest = &sitemap[at..sitemap[at..].find("</url>").unwrap() + at];
    let start = rest.find("<lastmod>").expect("a lastmod") + "<lastmod>".len();
    rest[start..start + 10].to_string()
}

#[test]
fn the_sitemap_dates_a_posting_by_when_it_last_changed() {
    let site = site();
    site.build_on("2026-11-23").ok();
    let url = "https://example.org/jobs/producer/";
    assert_eq!(lastmod(&site, url), "2026-11-10", "open: its posting date");
    site.build_on("2026-12-01").ok();
    assert_eq!(
        lastmod(&site, url),
        "2026-11-27",
        "closed: the day it closed"
    );
}

#[test]
fn the_apply_mail_names_the_posting_and_the_print_has_a_qr_code() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {title: Т}}\n",
    );
    let uk = POSTING
        .replace("title: Producer", "title: Продюсерка подій")
        .replace("2026-11-26", "2099-01-01");
    site.page("jobs/producer.md", &uk, "");
    site.page("jobs/producer.uk.md", &uk, "");
    site.build_on("2026-11-23").ok();
    let html = site.read("public/uk/jobs/producer/index.html");
    let subject = "mailto:people@example.org?subject=%D0%9F%D1%80%D0%BE%D0%B4%D1%8E%D1%81%D0%B5%D1%80%D0%BA%D0%B0%20%D0%BF%D0%BE%D0%B4%D1%96%D0%B9%20%28ref.%20jobs%2Fproducer%29";
    assert!(html.contains(&format!("href=\"{subject}\"")), "{html}");
    assert!(html.contains("<figure class=\"job-qr\">"), "a QR code");
    assert!(html.contains("<img class=\"qr-code\" src=\"/uk/jobs/producer/qr.svg\""));
    let qr = site.read("public/uk/jobs/producer/qr.svg");
    assert!(qr.contains("<svg") && qr.contains("<path"), "{qr}");
    assert!(html.contains("Відскануйте, щоб відкрити вакансію онлайн"));
    // Hidden on screen, shown on paper.
    let screen = site.read("public/style.css");
    let paper = site.read("public/print.css");
    assert!(screen.contains(".job-qr {\n  display: none;"));
    assert!(paper.contains(".job-qr {\n  display: block;"));
}
