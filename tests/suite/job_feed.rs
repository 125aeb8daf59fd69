//! The XML job feed job aggregators ingest, parsed back: one per language, the open
//! postings only, one `<job>` per place with every element, linked from the jobs
//! page and from `jobs.json`.

use crate::harness::{TODAY, TestSite};

const POSTING: &str = "title: Event Producer
kind: job
date: 2026-11-10
valid_through: 2099-01-15
employment_type: [FULL_TIME, PART_TIME]
company: {name: Dim Kultury}
locations:
  - {city: Kyiv, region: Kyiv City, postal_code: \"01001\", country: UA}
  - {city: Lviv, country: UA}
workplace: hybrid
experience: 24
education: bachelor_degree
department: Events
salary: {currency: UAH, min: 45000, max: 55000, unit: MONTH}
apply: {email: people@example.org}";

/// Every element of each `<job>` of the feed at `rel`, by name.
fn jobs_of(site: &TestSite, rel: &str) -> Vec<Vec<(String, String)>> {
    let text = site.read(rel);
    let doc = roxmltree::Document::parse(&text).expect("the feed is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "source");
    for name in ["publisher", "publisherurl", "lastBuildDate"] {
        let found = root.children().find(|n| n.has_tag_name(name));
        assert!(
            found.is_some_and(|n| n.text().is_some_and(|t| !t.is_empty())),
            "{name}"
        );
    }
    root.children()
        .filter(|n| n.has_tag_name("job"))
        .map(|job| {
            job.children()
                .filter(|n| n.is_element())
                .map(|n| {
                    let name = n.tag_name().name().to_string();
                    (name, n.text().unwrap_or("").to_string())
                })
                .collect()
        })
        .collect()
}

fn value<'a>(job: &'a [(String, String)], name: &str) -> &'a str {
    let found = job.iter().find(|(n, _)| n == name);
    found
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[test]
fn the_feed_lists_each_open_posting_per_place_in_its_language() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Site\nbase_url: https://example.org\nlanguages: {uk: {title: Сайт}}\n",
    );
    site.page("jobs/_index.md", "title: Jobs", "");
    site.page("jobs/_index.uk.md", "title: Вакансії", "");
    site.page(
        "jobs/producer.md",
        POSTING,
        "We run <two> venues & a festival ]]> yes.",
    );
    site.page(
        "jobs/producer.uk.md",
        &POSTING.replace("{name: Dim Kultury}", "{name: \"Дім ]]> культури\"}"),
        "Два майданчики.",
    );
    let closed = POSTING
        .replace("Event Producer", "Old role")
        .replace("2099-01-15", "2026-11-20");
    site.page("jobs/old.md", &closed, "");
    site.build_on(TODAY).ok();

    let jobs = jobs_of(&site, "public/jobs/feed.xml");
    assert_eq!(
        jobs.len(),
        2,
        "one <job> per place; the closed posting left out"
    );
    let required = [
        "title",
        "date",
        "referencenumber",
        "url",
        "company",
        "city",
        "state",
        "country",
        "postalcode",
        "description",
        "salary",
        "education",
        "jobtype",
        "category",
        "experience",
        "remotetype",
    ];
    for job in &jobs {
        let names: Vec<&str> = job.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, required);
        assert_eq!(value(job, "title"), "Event Producer");
        assert_eq!(value(job, "url"), "https://example.org/jobs/producer/");
        assert_eq!(value(job, "date"), "Tue, 10 Nov 2026 00:00:00 +0000");
        assert_eq!(value(job, "company"), "Dim Kultury");
        assert_eq!(value(job, "country"), "UA");
        assert_eq!(value(job, "jobtype"), "fulltime, parttime");
        assert_eq!(value(job, "category"), "Events");
        assert_eq!(value(job, "remotetype"), "Hybrid remote");
        assert_eq!(value(job, "education"), "Bachelor's degree");
        assert_eq!(value(job, "experience"), "2 years");
        assert!(value(job, "salary").contains("per month"));
        // Text in CDATA comes back exactly, `]]>` included.
        // The body's HTML comes back as written, though it holds `]]>`.
        let description = value(job, "description");
        assert_eq!(
            description,
            "<p>We run <two> venues &amp; a festival ]]&gt; yes.</p>\n"
        );
    }
    assert_eq!(value(&jobs[0], "city"), "Kyiv");
    assert_eq!(value(&jobs[0], "state"), "Kyiv City");
    assert_eq!(value(&jobs[0], "postalcode"), "01001");
    assert_eq!(value(&jobs[0], "referencenumber"), "jobs/producer-1");
    assert_eq!(value(&jobs[1], "city"), "Lviv");
    assert_eq!(value(&jobs[1], "referencenumber"), "jobs/producer-2");

    let uk = jobs_of(&site, "public/uk/jobs/feed.xml");
    assert_eq!(uk.len(), 2);
    assert_eq!(value(&uk[0], "education"), "Бакалавр");
    assert_eq!(value(&uk[0], "experience"), "2 роки");
    assert!(value(&uk[0], "salary").contains("на місяць"));
    assert_eq!(
        value(&uk[0], "url"),
        "https://example.org/uk/jobs/producer/"
    );
    // `]]>` in a text is split across two CDATA sections and reads back whole.
    assert_eq!(value(&uk[0], "company"), "Дім ]]> культури");

    // Linked from each jobs page and from jobs.json.
    assert!(site.read("public/jobs/index.html").contains(
        "<link rel=\"alternate\" type=\"application/xml\" title=\"Job feed (XML)\" href=\"/jobs/feed.xml\">"
    ));
    assert!(
        site.read("public/uk/jobs/index.html")
            .contains("href=\"/uk/jobs/feed.xml\"")
    );
    let json: serde_json::Value = serde_json::from_str(&site.read("public/jobs.json")).unwrap();
    assert_eq!(
        json["xml_feeds"]["uk"],
        "https://example.org/uk/jobs/feed.xml"
    );
    assert_eq!(json["xml_feeds"]["en"], "https://example.org/jobs/feed.xml");
}

#[test]
fn a_feed_stays_when_every_posting_closed() {
    let site = TestSite::new();
    site.page("jobs/producer.md", POSTING, "");
    site.build_on("2099-02-01").ok();
    assert!(jobs_of(&site, "public/jobs/feed.xml").is_empty());
    assert!(!site.read("public/jobs.json").contains("Event Producer"));
}
