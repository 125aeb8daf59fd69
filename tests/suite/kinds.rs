//! The typed kinds: jobs, SWOT analyses, campaigns, case studies — rendering and
//! every validation error.

use crate::harness::{TODAY, TestSite, job_posting_of, main_of};

const JOB: &str = "title: Social Media Manager
kind: job
description: Run our channels
date: 2026-11-10
valid_through: 2099-01-15
employment_type: [FULL_TIME, PART_TIME]
company:
  name: Teplo Agency
  url: https://teplo.example.com
location:
  city: Kyiv
  country: UA
salary:
  currency: UAH
  min: 50000
  max: 70000
  unit: MONTH
department: Social
seniority: Middle
apply:
  url: https://teplo.example.com/apply
  email: jobs@teplo.example.com
responsibilities:
  - \"Run social campaigns, including\":
      - Plan content topics
      - Publish **images** and video
  - Report results to management
qualifications:
  - Two years of SMM
benefits:
  - Paid learning
skills: [copywriting]";

#[test]
fn job_page_json_ld_and_lists() {
    let site = TestSite::new();
    site.page("jobs/smm.md", JOB, "We are a **twelve-person** agency.");
    site.build_on(TODAY).ok();
    let html = site.read("public/jobs/smm/index.html");
    let main = main_of(&html);
    for text in [
        "Responsibilities",
        "Qualifications",
        "Benefits",
        "Plan content topics",
        "<strong>images</strong>",
        "50,000.00",
        "70,000.00",
        "Kyiv, Ukraine",
        "Full-time",
        "Part-time",
    ] {
        assert!(main.contains(text), "{text} missing in {main}");
    }
    assert!(
        main.contains("href=\"https://teplo.example.com/apply\""),
        "apply link: {main}"
    );
    let ld = job_posting_of(&html);
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["title"], "Social Media Manager");
    assert_eq!(ld["datePosted"], "2026-11-10");
    assert_eq!(ld["validThrough"], "2099-01-15T23:59:59");
    assert!(
        ld["description"]
            .as_str()
            .unwrap()
            .contains("<strong>twelve-person</strong>")
    );
    assert_eq!(ld["hiringOrganization"]["@type"], "Organization");
    assert_eq!(ld["hiringOrganization"]["name"], "Teplo Agency");
    assert_eq!(ld["jobLocation"]["address"]["addressLocality"], "Kyiv");
    assert_eq!(ld["jobLocation"]["address"]["addressCountry"], "UA");
    assert_eq!(
        ld["employmentType"],
        serde_json::json!(["FULL_TIME", "PART_TIME"])
    );
    assert_eq!(ld["baseSalary"]["@type"], "MonetaryAmount");
    assert_eq!(ld["baseSalary"]["currency"], "UAH");
    assert_eq!(ld["baseSalary"]["value"]["@type"], "QuantitativeValue");
    assert_eq!(ld["baseSalary"]["value"]["minValue"], 50000);
    assert_eq!(ld["baseSalary"]["value"]["maxValue"], 70000);
    assert_eq!(ld["baseSalary"]["value"]["unitText"], "MONTH");
    assert_eq!(ld["identifier"]["@type"], "PropertyValue");
    // The application is made on another site (`apply.url`): not direct.
    assert_eq!(ld["directApply"], false);
    // Sharing tags.
    assert!(
        html.contains("property=\"og:title\" content=\"Social Media Manager\""),
        "{html}"
    );
    assert!(html.contains("name=\"twitter:card\""), "{html}");
    // Machine-readable list and feed of open jobs.
    let jobs: serde_json::Value = serde_json::from_str(&site.read("public/jobs.json")).unwrap();
    assert_eq!(jobs["jobs"][0]["title"], "Social Media Manager");
    assert_eq!(jobs["jobs"][0]["lang"], "en");
    assert_eq!(jobs["jobs"][0]["url"], "https://example.org/jobs/smm/");
    assert!(
        site.read("public/jobs/atom.xml")
            .contains("Social Media Manager")
    );
}

#[test]
fn remote_job_is_telecommute_with_applicant_countries() {
    let site = TestSite::new();
    let remote = JOB.replace(
        "location:\n  city: Kyiv\n  country: UA",
        "location:\n  remote: true\n  applicant_countries: [UA, PL]",
    );
    site.page("jobs/remote.md", &remote, "");
    site.build_on(TODAY).ok();
    let ld = job_posting_of(&site.read("public/jobs/remote/index.html"));
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(ld["applicantLocationRequirements"][1]["@type"], "Country");
    assert_eq!(ld["applicantLocationRequirements"][1]["name"], "PL");
    assert!(ld.get("jobLocation").is_none());
    assert!(
        site.read("public/jobs/remote/index.html")
            .contains("Remote (Ukraine or Poland)")
    );
}

#[test]
fn closed_job_stays_online_but_leaves_every_open_list() {
    let site = TestSite::new();
    let closed = JOB
        .replace("valid_through: 2099-01-15", "valid_through: 2026-06-30")
        .replace("date: 2026-11-10", "date: 2026-05-01");
    site.page("jobs/_index.md", "title: Jobs\npage_kind: job", "")
        .page(
            "jobs/old.md",
            &closed.replace("title: Social Media Manager", "title: Old role"),
            "",
        )
        .page("jobs/new.md", JOB, "");
    site.build_on(TODAY).ok();
    let html = site.read("public/jobs/old/index.html");
    assert!(html.contains("This position is closed"), "{html}");
    assert!(
        !html.contains("\"@type\": \"JobPosting\""),
        "no JobPosting for a closed posting"
    );
    assert!(
        !main_of(&html).contains("href=\"https://teplo.example.com/apply\""),
        "no apply button"
    );
    let jobs = site.read("public/jobs.json");
    assert!(
        jobs.contains("Social Media Manager") && !jobs.contains("Old role"),
        "{jobs}"
    );
    let feed = site.read("public/jobs/atom.xml");
    assert!(!feed.contains("Old role"), "{feed}");
    let section = main_of(&site.read("public/jobs/index.html")).to_string();
    let open = section.find("Social Media Manager").unwrap();
    let old = section.find("Old role").unwrap();
    assert!(open < old, "open postings first: {section}");
    let home = site.read("public/index.html");
    assert!(
        main_of(&home).contains("Social Media Manager"),
        "home lists open jobs"
    );
}

#[test]
fn json_ld_cannot_be_broken_out_of() {
    let site = TestSite::new();
    let hostile = JOB.replace(
        "title: Social Media Manager",
        "title: \"</script><script>alert(1)</script>\"",
    );
    site.page("jobs/x.md", &hostile, "");
    site.build_on(TODAY).ok();
    let html = site.read("public/jobs/x/index.html");
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert_eq!(
        job_posting_of(&html)["title"],
        "</script><script>alert(1)</script>"
    );
}

/// Builds a job with `from` replaced by `to` and returns stderr of the failed build.
fn job_error(from: &str, to: &str) -> String {
    let site = TestSite::new();
    assert!(JOB.contains(from), "{from}");
    site.page("jobs/bad.md", &JOB.replace(from, to), "");
    site.build().fails()
}

#[test]
fn job_validation_errors_name_the_line() {
    let cases = [
        (
            "min: 50000",
            "min: 90000",
            "content/jobs/bad.md:16",
            "salary `min` (90000) is greater than `max` (70000)",
        ),
        (
            "currency: UAH",
            "currency: UAX",
            "content/jobs/bad.md:15",
            "unknown currency code `UAX`",
        ),
        (
            "country: UA",
            "country: XX",
            "content/jobs/bad.md:13",
            "unknown country code `XX`",
        ),
        (
            "valid_through: 2099-01-15",
            "valid_through: 2026-01-15",
            "content/jobs/bad.md:6",
            "`valid_through` (2026-01-15) is before the posting date",
        ),
        (
            "[FULL_TIME, PART_TIME]",
            "[FULL_TIME, FULLTIME]",
            "content/jobs/bad.md:7",
            "unknown employment type `FULLTIME`",
        ),
        (
            "unit: MONTH",
            "unit: MONTHLY",
            "content/jobs/bad.md:18",
            "unknown salary unit `MONTHLY`",
        ),
        (
            "min: 50000",
            "min: lots",
            "content/jobs/bad.md:16",
            "`lots` is not a number",
        ),
    ];
    for (from, to, place, message) in cases {
        let err = job_error(from, to);
        assert!(err.contains(place), "{to}: expected {place} in {err}");
        assert!(err.contains(message), "{to}: expected {message} in {err}");
    }
    let err = job_error("[FULL_TIME, PART_TIME]", "[FULL_TIME, FULLTIME]");
    assert!(err.contains("did you mean `FULL_TIME`?"), "{err}");
}

#[test]
fn job_without_apply_or_location() {
    let err = job_error(
        "apply:\n  url: https://teplo.example.com/apply\n  email: jobs@teplo.example.com\n",
        "",
    );
    assert!(err.contains("needs a way to apply"), "{err}");
    let err = job_error("location:\n  city: Kyiv\n  country: UA\n", "");
    assert!(err.contains("needs a `location`"), "{err}");
    let err = job_error(
        "location:\n  city: Kyiv\n  country: UA\n",
        "location:\n  remote: false\n",
    );
    assert!(err.contains("content/jobs/bad.md:11"), "{err}");
    assert!(err.contains("not remote"), "{err}");
}

#[test]
fn a_key_of_another_kind_is_an_error() {
    let site = TestSite::new();
    site.page(
        "x.md",
        "title: X\nsalary:\n  currency: EUR\n  value: 1\n  unit: HOUR",
        "",
    );
    let err = site.build().fails();
    assert!(err.contains("content/x.md:3"), "{err}");
    assert!(
        err.contains("`salary` is a key of kind job, not of kind page"),
        "{err}"
    );
}

const SWOT: &str = "title: Hlyna on social
kind: swot
subject: Hlyna ceramics
strengths:
  - Loyal community
  - \"Workshop video\":
      - Reels reach 3x more
weaknesses:
  - Slow replies
opportunities:
  - EU buyers
threats:
  - Ad costs rise
strategies:
  so: [Use video to reach EU buyers]
  wt: [Answer within a day]";

#[test]
fn swot_grid_and_tows() {
    let site = TestSite::new();
    site.page("swot/hlyna.md", SWOT, "Notes.");
    site.build().ok();
    let main = main_of(&site.read("public/swot/hlyna/index.html")).to_string();
    let at = |s: &str| {
        main.find(s)
            .unwrap_or_else(|| panic!("{s} missing in {main}"))
    };
    // Internal over external: strengths, weaknesses, then opportunities, threats.
    assert!(at("Loyal community") < at("Slow replies"));
    assert!(at("Slow replies") < at("EU buyers"));
    assert!(at("EU buyers") < at("Ad costs rise"));
    assert!(main.contains("Reels reach 3x more"));
    assert!(main.contains("Use video to reach EU buyers"));
    for quadrant in ["Strengths", "Weaknesses", "Opportunities", "Threats"] {
        assert!(
            main.contains(&format!(">{quadrant}</h2>")),
            "{quadrant} heading in {main}"
        );
    }
    assert!(
        main.matches("aria-labelledby=").count() >= 4,
        "each quadrant a labelled region"
    );
}

#[test]
fn swot_errors_and_warnings() {
    let site = TestSite::new();
    site.page("swot/none.md", "title: Empty\nkind: swot\nsubject: X", "");
    let err = site.build().fails();
    assert!(err.contains("content/swot/none.md"), "{err}");
    assert!(err.contains("needs at least one of strengths"), "{err}");

    let site = TestSite::new();
    site.page("swot/partial.md", "title: Partial\nkind: swot\nstrengths: [A]\nweaknesses: []\nopportunities: [B]\nthreats: [C]", "");
    let run = site.build().ok();
    assert!(
        run.stderr().contains("warning: `weaknesses` is empty"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("content/swot/partial.md:5"),
        "{}",
        run.stderr()
    );
}

const CAMPAIGN: &str = "title: Spring glaze launch
kind: campaign
client: Hlyna
status: completed
start: 2026-02-23
end: 2026-04-19
budget:
  amount: 2700
  currency: EUR
platforms: [Instagram]
objectives:
  - Sell the spring collection
audience: Design lovers in **Poland**
kpis:
  - name: Reach
    target: 100000
    actual: 120000
  - name: Cost per click
    target: 0.5
    actual: 0.42
    unit: EUR
    better: lower
  - name: Orders
    target: 300
    actual: 240";

#[test]
fn campaign_page_chart_and_table() {
    let site = TestSite::new();
    site.page(
        "campaigns/_index.md",
        "title: Campaigns\npage_kind: campaign",
        "",
    )
    .page(
        "campaigns/spring.md",
        &CAMPAIGN.replace("kind: campaign\n", ""),
        "Body.",
    );
    site.build_on(TODAY).ok();
    let html = site.read("public/campaigns/spring/index.html");
    let main = main_of(&html);
    assert!(main.contains("<svg"), "an inline chart: {main}");
    assert!(!main.contains("<script"), "no JavaScript");
    assert!(main.contains("<table"), "a data table beside the chart");
    assert!(
        main.contains("€2,700.00"),
        "budget as money in the page's locale: {main}"
    );
    assert!(
        main.contains("56"),
        "duration in days (23 Feb – 19 Apr, both counted): {main}"
    );
    assert!(main.contains("<strong>Poland</strong>"), "{main}");
    // Reach met (120%), cost per click met because lower is better (84%), orders missed (80%).
    assert!(
        main.contains("120%") && main.contains("84%") && main.contains("80%"),
        "{main}"
    );
    // Both layouts of the chart (wide and narrow) mark each bar.
    assert!(main.contains("chart-wide") && main.contains("chart-narrow"));
    assert_eq!(main.matches("chart-met").count(), 2 * 2, "{main}");
    assert_eq!(main.matches("chart-missed").count(), 2, "{main}");
    let section = site.read("public/campaigns/index.html");
    assert!(
        main_of(&section).contains("timeline-bar timeline-completed"),
        "campaign timeline: {section}"
    );
}

#[test]
fn campaign_errors_and_status_warning() {
    let site = TestSite::new();
    site.page(
        "c.md",
        &CAMPAIGN.replace("end: 2026-04-19", "end: 2026-01-01"),
        "",
    );
    let err = site.build().fails();
    assert!(err.contains("content/c.md:7"), "{err}");
    assert!(
        err.contains("`end` (2026-01-01) is before `start` (2026-02-23)"),
        "{err}"
    );

    let site = TestSite::new();
    site.page(
        "c.md",
        &CAMPAIGN.replace("actual: 240", "actual: \"about 240\""),
        "",
    );
    let err = site.build().fails();
    assert!(err.contains("content/c.md:26:13"), "{err}");
    assert!(err.contains("`about 240` is not a number"), "{err}");

    let site = TestSite::new();
    site.page(
        "c.md",
        &CAMPAIGN.replace("currency: EUR", "currency: EUX"),
        "",
    );
    let err = site.build().fails();
    assert!(
        err.contains("content/c.md:10") && err.contains("unknown currency code `EUX`"),
        "{err}"
    );

    let site = TestSite::new();
    site.page(
        "c.md",
        &CAMPAIGN.replace("status: completed", "status: planned"),
        "",
    );
    let run = site.build_on(TODAY).ok();
    assert!(
        run.stderr()
            .contains("warning: status `planned` contradicts the dates"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("content/c.md:5"), "{}", run.stderr());
}

const CASE: &str = "title: Hlyna EU growth
kind: case_study
date: 2026-09-01
client: Hlyna
role: Lead strategist
period:
  start: 2026-01-01
  end: 2026-08-31
cover: cover.svg
summary: EU revenue **up**.
challenge: Few EU buyers.
approach: Video first.
results:
  - metric: EU orders a month
    before: 100
    after: 150
  - metric: Cost per click
    before: 0.6
    after: 0.4
    unit: EUR
    better: lower
  - metric: Reply time
    before: 10
    after: 12
    unit: h
    better: lower
testimonial:
  quote: Olena changed how we sell.
  author: Iryna
  role: Founder
related: [\"@/campaigns/spring.md\"]";

#[test]
fn case_study_results_related_and_home() {
    let site = TestSite::new();
    site.page("campaigns/spring.md", CAMPAIGN, "")
        .page("case-studies/hlyna/index.md", CASE, "The story.")
        .file(
            "content/case-studies/hlyna/cover.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
    site.build().ok();
    let html = site.read("public/case-studies/hlyna/index.html");
    let main = main_of(&html);
    assert!(main.contains("+50%"), "orders up 50%: {main}");
    assert!(main.contains("-33%"), "cost down 33%: {main}");
    assert!(main.contains("EU revenue <strong>up</strong>."), "{main}");
    assert!(main.contains("Olena changed how we sell."), "{main}");
    assert!(
        main.contains("href=\"/campaigns/spring/\""),
        "related link: {main}"
    );
    assert!(
        main.contains("src=\"/case-studies/hlyna/cover.svg\""),
        "cover: {main}"
    );
    // Results: two improved (orders up, cost down), one worsened (reply time up with better: lower).
    assert_eq!(main.matches("result-card improved").count(), 2, "{main}");
    assert_eq!(main.matches("result-card worsened").count(), 1, "{main}");
    // An SVG cover is no image to share (LinkedIn and Facebook do not show SVG): the
    // page is shared with its drawn card.
    assert!(
        html.contains(
            "property=\"og:image\" content=\"https://example.org/case-studies/hlyna/social.png\""
        ),
        "{html}"
    );
    let home = main_of(&site.read("public/index.html")).to_string();
    assert!(
        home.contains("Hlyna EU growth"),
        "home features case studies: {home}"
    );
}

#[test]
fn case_study_broken_related_link_and_missing_cover() {
    let site = TestSite::new();
    site.page(
        "case.md",
        &CASE.replace("@/campaigns/spring.md", "@/campaigns/gone.md"),
        "",
    );
    let err = site.build().fails();
    assert!(err.contains("content/case.md:32"), "{err}");
    assert!(
        err.contains("broken related link `@/campaigns/gone.md`"),
        "{err}"
    );
    assert!(err.contains("content/case.md:10"), "{err}");
    assert!(err.contains("image `cover.svg` not found"), "{err}");
}

#[test]
fn init_site_builds_and_checks_clean() {
    let site = TestSite::empty();
    site.folio(&["init", "mysite"]).ok();
    // The example campaign ended on 2026-05-31 (`status: completed`) and the example
    // posting is open until 2027-06-30.
    let run = site
        .folio(&["build", "-r", "mysite", "--today", TODAY])
        .ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    for page in [
        "mysite/public/jobs/example-job/index.html",
        "mysite/public/swot/example-swot/index.html",
        "mysite/public/campaigns/example-campaign/index.html",
        "mysite/public/case-studies/example-case-study/index.html",
        "mysite/public/calendars/example-calendar/index.html",
        "mysite/public/calendars/example-calendar/calendar.ics",
        "mysite/public/showcase/example-showcase/index.html",
        "mysite/public/showcase/example-showcase/sample-640w.webp",
    ] {
        assert!(site.exists(page), "{page}");
    }
    let again = site.folio(&["init", "mysite"]);
    assert_eq!(again.code(), 1, "init refuses to overwrite");
}

#[test]
fn new_writes_a_file_of_each_kind() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Test site\nbase_url: https://example.org\nlanguages: {uk: {}}\n",
    );
    for (kind, path) in [
        ("job", "content/jobs/менеджер-соцмереж.uk.md"),
        ("swot", "content/swot/менеджер-соцмереж.uk.md"),
        ("campaign", "content/campaigns/менеджер-соцмереж.uk.md"),
        ("case_study", "content/case-studies/менеджер-соцмереж.uk.md"),
        ("calendar", "content/calendars/менеджер-соцмереж.uk.md"),
        ("showcase", "content/showcase/менеджер-соцмереж/index.uk.md"),
        ("page", "content/менеджер-соцмереж.uk.md"),
    ] {
        let run = site
            .folio(&["new", kind, "Менеджер соцмереж", "--lang", "uk"])
            .ok();
        assert!(run.stdout().contains(path), "{}", run.stdout());
        let text = site.read(path);
        assert!(text.contains("title: \"Менеджер соцмереж\""), "{text}");
        if kind != "page" {
            assert!(text.contains(&format!("kind: {kind}")), "{text}");
        }
    }
    assert_eq!(
        site.folio(&["new", "job", "Менеджер соцмереж", "--lang", "uk"])
            .code(),
        1,
        "no overwrite"
    );
    assert_eq!(
        site.folio(&["new", "jobb", "X"]).code(),
        2,
        "unknown kind is a usage error"
    );
}

#[test]
fn new_calendar_and_showcase_build_as_written() {
    let site = TestSite::new();
    site.folio(&["new", "calendar", "November plan", "--today", TODAY])
        .ok();
    site.folio(&["new", "showcase", "Autumn posts", "--today", TODAY])
        .ok();
    // `--today` sets the dates written: the day itself, and its month as the period.
    let calendar = site.read("content/calendars/november-plan.md");
    assert!(calendar.contains("\ndate: 2026-11-23\n"), "{calendar}");
    assert!(
        calendar.contains("period: {start: 2026-11-01, end: 2026-11-30}"),
        "{calendar}"
    );
    assert!(
        site.read("content/showcase/autumn-posts/index.md")
            .contains("date: 2026-11-23")
    );
    assert!(site.exists("content/showcase/autumn-posts/sample.png"));
    // New files are drafts until their `draft: true` line is deleted.
    site.folio(&["build", "--drafts"]).ok();
    assert!(site.exists("public/calendars/november-plan/calendar.ics"));
    assert!(site.exists("public/showcase/autumn-posts/sample-640w.png"));
}
