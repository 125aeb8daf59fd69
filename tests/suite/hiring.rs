//! Job postings in full: many places, where the work is done, the experience,
//! education, start, hours and openings asked for — on the page in the reader's
//! language and in the `JobPosting` JSON-LD — and every bad value placed in its file.

use crate::harness::{TODAY, TestSite, job_posting_of, main_of};

/// A posting in two cities, hybrid, with every detail; `{lang}` fills nothing.
const POSTING: &str = "title: Event Producer
kind: job
date: 2026-11-10
valid_through: 2099-01-15
employment_type: FULL_TIME
company: {name: Dim Kultury}
locations:
  - {city: Kyiv, country: UA}
  - {city: Lviv, country: UA}
workplace: hybrid
experience: 24
education: bachelor_degree
start_date: 2027-03-01
hours: Tuesday to Saturday
openings: 2
occupation: 13-1121.00
apply: {email: people@example.org}
benefits: [Free entry to every event]";

fn site_in_two_languages() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {title: Т}}\n",
    );
    site
}

#[test]
fn every_detail_shows_in_the_readers_language() {
    let site = site_in_two_languages();
    site.page("jobs/producer.md", POSTING, "");
    site.page("jobs/producer.uk.md", POSTING, "");
    site.build_on(TODAY).ok();
    let en = site.read("public/jobs/producer/index.html");
    let en = main_of(&en);
    for text in [
        "Kyiv, Ukraine or Lviv, Ukraine",
        "Workplace",
        "Hybrid",
        "2 years",
        "Bachelor&#39;s degree",
        "March 1, 2027",
        "Tuesday to Saturday",
        "Openings",
    ] {
        assert!(en.contains(text), "{text} missing from the English page");
    }
    let uk = site.read("public/uk/jobs/producer/index.html");
    let uk = main_of(&uk);
    for text in [
        "Kyiv, Україна або Lviv, Україна",
        "Формат роботи",
        "Гібридний",
        "Досвід",
        "2 роки",
        "Бакалавр",
        "Початок роботи",
        "1 березня 2027",
        "Кількість вакансій",
    ] {
        assert!(uk.contains(text), "{text} missing from the Ukrainian page");
    }
    // The occupation code is for search engines only.
    assert!(
        !en.contains("13-1121"),
        "the occupation code shows on the page"
    );
}

#[test]
fn json_ld_carries_the_recommended_properties() {
    let site = TestSite::new();
    site.page("jobs/producer.md", POSTING, "");
    site.build_on(TODAY).ok();
    let ld = job_posting_of(&site.read("public/jobs/producer/index.html"));
    let places = ld["jobLocation"].as_array().expect("one Place per city");
    assert_eq!(places.len(), 2);
    assert_eq!(places[1]["address"]["addressLocality"], "Lviv");
    assert_eq!(places[1]["address"]["addressCountry"], "UA");
    assert!(ld.get("jobLocationType").is_none(), "hybrid is not remote");
    assert_eq!(ld["experienceRequirements"]["monthsOfExperience"], 24);
    assert_eq!(
        ld["educationRequirements"]["credentialCategory"],
        "bachelor degree"
    );
    assert_eq!(ld["jobStartDate"], "2027-03-01");
    assert_eq!(ld["workHours"], "Tuesday to Saturday");
    assert_eq!(ld["totalJobOpenings"], 2);
    assert_eq!(ld["jobBenefits"], "Free entry to every event");
    assert_eq!(ld["occupationalCategory"], "13-1121.00");
    assert_eq!(ld["directApply"], true, "an e-mail application is direct");
}

#[test]
fn direct_apply_only_on_this_site_or_by_email() {
    let cases = [
        ("apply: {email: people@example.org}", true),
        (
            "apply: {url: https://ats.example.com/jobs/1, email: people@example.org}",
            false,
        ),
        ("apply: {url: https://example.org/apply/}", true),
        (
            "apply: {url: https://ats.example.com/jobs/1, direct: true}",
            true,
        ),
        ("apply: {email: people@example.org, direct: false}", false),
    ];
    for (apply, direct) in cases {
        let site = TestSite::new();
        let posting = POSTING.replace("apply: {email: people@example.org}", apply);
        site.page("jobs/producer.md", &posting, "");
        site.build_on(TODAY).ok();
        let ld = job_posting_of(&site.read("public/jobs/producer/index.html"));
        assert_eq!(ld["directApply"], direct, "{apply}");
    }
}

#[test]
fn remote_in_a_place_means_remote_work() {
    let site = TestSite::new();
    let posting = POSTING.replace("workplace: hybrid\n", "").replace(
        "  - {city: Lviv, country: UA}",
        "  - {remote: true, applicant_countries: [UA, PL]}",
    );
    site.page("jobs/producer.md", &posting, "");
    site.build_on(TODAY).ok();
    let html = site.read("public/jobs/producer/index.html");
    assert!(main_of(&html).contains("Remote"), "workplace label");
    let ld = job_posting_of(&html);
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(ld["applicantLocationRequirements"][1]["name"], "PL");
    assert_eq!(ld["jobLocation"]["address"]["addressLocality"], "Kyiv");
}

/// Builds the posting with `from` replaced by `to`: the build fails, writes nothing,
/// and its message is at `place` (file:line:column).
fn posting_error(from: &str, to: &str, place: &str, message: &str) {
    let site = TestSite::new();
    assert!(POSTING.contains(from), "{from}");
    site.page("jobs/bad.md", &POSTING.replace(from, to), "");
    let err = site.build_on(TODAY).fails();
    assert!(err.contains(place), "{to}: expected {place} in {err}");
    assert!(err.contains(message), "{to}: expected `{message}` in {err}");
    assert!(!site.exists("public"), "{to}: a failed build wrote files");
}

#[test]
fn bad_details_are_errors_at_their_key() {
    let at = |line: u32, column: u32| format!("content/jobs/bad.md:{line}:{column}");
    posting_error(
        "workplace: hybrid",
        "workplace: hybird",
        &at(11, 12),
        "unknown workplace `hybird`",
    );
    posting_error(
        "openings: 2",
        "openings: -2",
        &at(16, 11),
        "must be a positive whole number",
    );
    posting_error(
        "experience: 24",
        "experience: [24, 36]",
        &at(12, 13),
        "expected a number of months (e.g. 24) or a text",
    );
    posting_error(
        "experience: 24",
        "experience: -6",
        &at(12, 13),
        "cannot be negative",
    );
    posting_error(
        "occupation: 13-1121.00",
        "occupation: events",
        &at(17, 13),
        "neither an ISCO-08 nor an O*NET-SOC code",
    );
    posting_error(
        "education: bachelor_degree",
        "education: bachelors",
        &at(13, 12),
        "unknown education `bachelors`",
    );
    posting_error(
        "locations:",
        "location: {city: Odesa, country: UA}\nlocations:",
        &at(9, 1),
        "`location` and `locations` are both given",
    );
    posting_error(
        "  - {city: Lviv, country: UA}",
        "  - {city: Lviv, country: UA, remote: true}",
        &at(10, 39),
        "`remote: true` disagrees with `workplace: hybrid`",
    );
}
