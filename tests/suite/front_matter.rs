//! A page's front matter is read in two steps: the keys every page has, then the keys
//! of its kind. A key that is neither (nor a taxonomy of the site) is an error on that
//! key; a bad value is an error on the value, inside `{…}` and `[…]` too.

use crate::harness::TestSite;

/// A job posting with everything it needs; each test adds one line to it.
const JOB: &str = "title: Editor
kind: job
date: 2026-11-10
valid_through: 2099-01-15
company: {name: Teplo}
location: {city: Kyiv, country: UA}
apply: {email: jobs@teplo.example.com}";

/// `file:line:column` of the first `needle` in `text` (the whole file), as an error
/// placed on it prints it; the column counts characters from 1.
fn place(file: &str, text: &str, needle: &str) -> String {
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in {text}"));
    let column = line[..line.find(needle).unwrap()].chars().count() + 1;
    format!("{file}:{}:{column}", index + 1)
}

/// Writes `content/<rel>` with this front matter, builds, and returns stderr of the
/// failed build with the `file:line:column` of `needle`.
fn fails_at(site: &TestSite, rel: &str, front_matter: &str, needle: &str) -> (String, String) {
    let text = format!("---\n{front_matter}\n---\nBody.\n");
    site.file(&format!("content/{rel}"), &text);
    let err = site.build().fails();
    assert!(!site.exists("public"), "a failed build writes nothing");
    assert!(!err.contains("panicked"), "{err}");
    (err, place(&format!("content/{rel}"), &text, needle))
}

#[test]
fn a_misspelt_key_of_a_job_suggests_the_kinds_key() {
    let site = TestSite::new();
    let front_matter =
        format!("{JOB}\nsalray:\n  currency: EUR\n  min: 4000\n  max: 5000\n  unit: MONTH");
    let (err, at) = fails_at(&site, "jobs/editor.md", &front_matter, "salray:");
    assert_eq!(at, "content/jobs/editor.md:9:1");
    assert!(err.contains(&at), "{err}");
    assert!(
        err.contains("unknown field `salray`: not a key of kind job"),
        "{err}"
    );
    assert!(err.contains("did you mean `salary`?"), "{err}");
    assert!(err.contains("salray:"), "shows the line: {err}");
    assert!(err.contains("Build failed with 1 error(s)"), "{err}");
}

#[test]
fn a_key_of_another_kind_names_the_kind_it_belongs_to() {
    let site = TestSite::new();
    let front_matter = format!("{JOB}\nkpis:\n  - name: Reach\n    target: 1000");
    let (err, at) = fails_at(&site, "jobs/editor.md", &front_matter, "kpis:");
    assert_eq!(at, "content/jobs/editor.md:9:1");
    assert!(err.contains(&at), "{err}");
    assert!(
        err.contains("`kpis` is a key of kind campaign, not of kind job"),
        "{err}"
    );
    assert!(err.contains("set `kind: campaign`"), "{err}");
}

#[test]
fn a_misspelt_title_is_named_rather_than_missing() {
    // Step one keeps keys it does not know aside, so `title` alone would be "missing";
    // the misspelling is what to fix.
    let site = TestSite::new();
    let (err, at) = fails_at(&site, "x.md", "description: D\ntitel: X", "titel:");
    assert!(err.contains(&at), "{err}");
    assert!(err.contains("unknown field `titel`"), "{err}");
    assert!(err.contains("did you mean `title`?"), "{err}");
    assert!(!err.contains("missing field"), "{err}");
}

#[test]
fn a_flow_style_period_is_placed_on_its_end_value() {
    let site = TestSite::new();
    let (err, at) = fails_at(
        &site,
        "case.md",
        "title: Case\nkind: case_study\nclient: Hlyna\nperiod: {start: 2026-03-01, end: 2026-02-01}",
        "2026-02-01",
    );
    assert_eq!(at, "content/case.md:5:34");
    assert!(err.contains(&at), "{err}");
    assert!(
        err.contains("`period.end` (2026-02-01) is before `period.start` (2026-03-01)"),
        "{err}"
    );
}

#[test]
fn a_flow_style_salary_is_placed_on_its_min_value() {
    let site = TestSite::new();
    let front_matter =
        format!("{JOB}\nsalary: {{currency: EUR, min: 9000, max: 5000, unit: MONTH}}");
    let (err, at) = fails_at(&site, "jobs/editor.md", &front_matter, "9000");
    assert_eq!(at, "content/jobs/editor.md:9:30");
    assert!(err.contains(&at), "{err}");
    assert!(
        err.contains("salary `min` (9000) is greater than `max` (5000)"),
        "{err}"
    );
}

#[test]
fn a_flow_style_calendar_entry_is_placed_on_its_format() {
    let site = TestSite::new();
    let (err, at) = fails_at(
        &site,
        "plan.md",
        "title: Plan\nkind: calendar\nperiod: {start: 2026-11-01, end: 2026-11-30}\nentries:\n  - {date: 2026-11-01, platform: tiktok, format: video, topic: a, status: draft}\n  - {date: 2026-11-02, platform: instagram, format: carousel, topic: x, status: idea}",
        "carousel",
    );
    assert_eq!(at, "content/plan.md:7:53");
    assert!(err.contains(&at), "{err}");
    assert!(err.contains("unknown format `carousel`"), "{err}");
}

#[test]
fn a_taxonomy_the_site_does_not_declare_says_where_to_declare_it() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\ntaxonomies: [tags]\n",
    );
    site.page("fine.md", "title: Fine\ntags: [x]", "");
    let (err, at) = fails_at(&site, "x.md", "title: X\nskills: [x]", "skills:");
    assert!(err.contains(&at), "{err}");
    assert!(err.contains("unknown field `skills`"), "{err}");
    assert!(
        err.contains(
            "`skills` is not a taxonomy of this site: add it to `taxonomies:` in site.yaml"
        ),
        "{err}"
    );
    assert!(err.contains("Build failed with 1 error(s)"), "{err}");
}
