//! The repository is its own demo site: it must build, and show what the README promises.

use std::path::Path;
use std::process::Command;

use crate::harness::main_of;

#[test]
fn the_demo_site_builds_and_shows_its_features() {
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
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
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
    // A showcase of six posts, each with WebP thumbnails.
    let showcase = read("showcase/hlyna-autumn-posts/index.html");
    assert_eq!(showcase.matches("class=\"showcase-card ").count(), 6);
    assert_eq!(showcase.matches("<source type=\"image/webp\"").count(), 6);
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

    let check = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["check", "-r", repo.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
