//! The repository is its own demo site: it must build, and show what the README promises.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{TODAY, main_of};

/// Builds the repository's site as on `today` into a temp dir (with `extra` flags);
/// the dir and its `public/`.
pub(crate) fn build_demo(today: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let run = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args([
            "build",
            "-r",
            repo.to_str().unwrap(),
            "-o",
            public.to_str().unwrap(),
            "--today",
            today,
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (out, public)
}

/// The URLs of the postings in `jobs.json`.
fn open_job_urls(public: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(public.join("jobs.json")).unwrap();
    let jobs: serde_json::Value = serde_json::from_str(&text).unwrap();
    jobs["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["url"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_demo_site_builds_and_shows_its_features() {
    // The social-media-manager posting closes after 2027-01-15: the demo is built as on
    // a day it is open.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_out, public) = build_demo(TODAY, &["--no-minify"]);
    let read = |rel: &str| {
        std::fs::read_to_string(public.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };

    let strategy = read("strategy/social-media-strategy-2026/index.html");
    let main = main_of(&strategy);
    assert!(main.contains("class=\"toc\""), "toc: true shows contents");
    assert!(main.contains("<table>"), "a table");
    assert!(main.contains("class=\"footnotes\""), "footnotes");
    assert!(
        main.contains("<pre class=\"code\" data-lang="),
        "highlighted code"
    );
    assert!(
        main.contains("id=\"цільова-аудиторія\""),
        "a Cyrillic heading anchor"
    );
    assert!(main.contains("href=\"/about/\""), "an @/ link resolved");

    assert!(
        public
            .join("strategy/kyiv-coffee-launch/reach-chart.svg")
            .is_file(),
        "bundle file copied"
    );
    assert!(
        public.join("notes/page/2/index.html").is_file(),
        "notes are paginated"
    );

    // A month of posts across four platforms, in English, Ukrainian and Arabic.
    let calendar = read("calendars/hlyna-november-2026/index.html");
    for platform in ["instagram", "facebook", "tiktok", "linkedin"] {
        assert!(
            calendar.contains(&format!("cal-entry platform-{platform}")),
            "{platform}"
        );
    }
    let ics: icalendar::Calendar = read("calendars/hlyna-november-2026/calendar.ics")
        .parse()
        .expect("the demo's .ics parses");
    assert_eq!(ics.events().count(), 20);
    assert!(read("uk/calendars/hlyna-november-2026/index.html").contains("листопад 2026"));
    assert!(read("ar/calendars/hlyna-november-2026/index.html").contains("dir=\"rtl\""));
    // A showcase of six posts: four images with WebP thumbnails, a TikTok shown as a
    // facade on its poster and a video of its own.
    let showcase = read("showcase/hlyna-autumn-posts/index.html");
    assert_eq!(showcase.matches("class=\"showcase-card ").count(), 6);
    assert_eq!(showcase.matches("<source type=\"image/webp\"").count(), 4);
    assert!(
        showcase.contains("data-embed-src=\"https://www.tiktok.com/embed/v2/7301234567890123456\"")
    );
    assert!(showcase.contains(
        "<source src=\"/showcase/hlyna-autumn-posts/glaze-tests.mp4\" type=\"video/mp4\">"
    ));
    assert!(
        public
            .join("showcase/hlyna-autumn-posts/glaze-tests.mp4")
            .is_file()
    );
    // The spring campaign shows its Reel as a facade, in both languages.
    for rel in [
        "campaigns/spring-glaze-launch/index.html",
        "uk/campaigns/spring-glaze-launch/index.html",
    ] {
        assert!(
            read(rel).contains("data-embed-src=\"https://www.instagram.com/p/C5bIrChSaP1/embed/\""),
            "{rel}"
        );
    }
    assert!(
        public
            .join("showcase/hlyna-autumn-posts/birch-glaze-320w.webp")
            .is_file()
    );
    for file in [
        "index.html",
        "about/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "tags/index.html",
    ] {
        assert!(public.join(file).is_file(), "{file}");
    }
    // The typed kinds, and a job posting in Ukrainian and Georgian.
    let job = read("jobs/social-media-manager/index.html");
    assert!(job.contains("application/ld+json"), "open job has JSON-LD");
    assert!(!job.contains("This position is closed"));
    assert!(read("uk/jobs/social-media-manager/index.html").contains("<html lang=\"uk\""));
    assert!(read("ka/jobs/social-media-manager/index.html").contains("<html lang=\"ka\""));
    assert!(read("jobs/content-creator-intern/index.html").contains("This position is closed"));
    assert!(main_of(&read("campaigns/spring-glaze-launch/index.html")).contains("<svg"));
    assert!(main_of(&read("campaigns/index.html")).contains("timeline-bar"));
    assert!(main_of(&read("swot/hlyna-social-presence/index.html")).contains("Strengths"));
    assert!(
        public
            .join("case-studies/hlyna-eu-growth/cover.svg")
            .is_file()
    );
    // A change in percentage points is said in the page's language.
    let georgian = read("ka/case-studies/hlyna-eu-growth/index.html");
    assert!(georgian.contains(">+0,3 პ. პ.<"), "points in Georgian");
    assert!(read("case-studies/hlyna-eu-growth/index.html").contains(">+0.3 pts<"));
    let jobs: serde_json::Value = serde_json::from_str(&read("jobs.json")).unwrap();
    let langs: Vec<&str> = jobs["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|j| j["lang"].as_str())
        .collect();
    assert!(
        langs.contains(&"uk") && langs.contains(&"ka") && langs.contains(&"en"),
        "{langs:?}"
    );
    let urls = open_job_urls(&public);
    assert!(
        urls.iter()
            .any(|u| u.ends_with("/jobs/social-media-manager/")),
        "{urls:?}"
    );

    let check = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["check", "-r", repo.to_str().unwrap(), "--today", TODAY])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn the_demo_job_posting_is_closed_the_day_after_its_valid_through() {
    // `valid_through: 2027-01-15`: open that whole day, closed from the next.
    let (_out, public) = build_demo("2027-01-16", &["--no-cache"]);
    for prefix in ["", "uk/", "ka/", "am/", "ar/"] {
        let rel = format!("{prefix}jobs/social-media-manager/index.html");
        let html = std::fs::read_to_string(public.join(&rel)).unwrap();
        assert!(
            html.contains("class=\"page job job-closed\""),
            "{rel} is not shown closed"
        );
        assert!(
            !html.contains("\"@type\": \"JobPosting\""),
            "{rel} has a JobPosting"
        );
    }
    let en = std::fs::read_to_string(public.join("jobs/social-media-manager/index.html")).unwrap();
    assert!(en.contains("This position is closed"));
    let urls = open_job_urls(&public);
    assert!(
        !urls.iter().any(|u| u.contains("social-media-manager")),
        "a closed posting is listed in jobs.json: {urls:?}"
    );

    let (_out, public) = build_demo("2027-01-15", &["--no-cache"]);
    let urls = open_job_urls(&public);
    assert_eq!(
        urls.iter()
            .filter(|u| u.contains("/jobs/social-media-manager/"))
            .count(),
        5,
        "open on its last day, in en, uk, ka, am and ar: {urls:?}"
    );
}
