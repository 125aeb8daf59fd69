//! Résumés: a JSON Resume document in front matter or in a JSON file becomes a CV
//! page in the reader's language, its `resume.json` beside it (the document as
//! given), and the site's one `Person` with the résumé's facts; a missing file, a file
//! that is not JSON and a document the schema refuses are errors at their place,
//! and the output is left as it was.

use serde_json::Value;

use crate::harness::{TODAY, TestSite, json_ld_of, main_of};

/// A résumé in YAML, as written under `resume:` (indented by two spaces).
const RESUME: &str = "resume:
  basics:
    name: Olena Kovalenko
    label: Social-media manager
    location: {city: Kyiv, countryCode: UA}
  work:
    - name: Independent practice
      position: Social-media strategist
      startDate: \"2022-02\"
      highlights: [Took a studio to an EU audience]
    - name: Kyiv retail group
      url: https://retail.example.org
      position: Head of social media
      startDate: \"2019-03\"
      endDate: \"2022-01-31\"
  education:
    - {institution: Kyiv University, studyType: Master, area: Journalism, startDate: \"2015\", endDate: \"2017\"}
  certificates:
    - {name: Meta Certified Digital Marketing Associate, issuer: Meta, date: \"2026-03-12\"}
  skills:
    - {name: Content strategy, keywords: [audits, calendars]}
    - {name: Paid social}";

fn site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {title: Т}, ar: {title: ت}}\nauthor: {name: Olena Kovalenko, job_title: Social-media manager}\n",
    );
    site
}

/// The document under `resume:` of [`RESUME`], as JSON.
fn resume_as_json() -> Value {
    let yaml: serde_yaml::Value = serde_yaml::from_str(RESUME).expect("the résumé is YAML");
    serde_json::to_value(&yaml["resume"]).expect("as JSON")
}

#[test]
fn work_shows_with_its_dates_in_the_readers_language() {
    let site = site();
    site.page("cv.md", &format!("title: CV\nkind: resume\n{RESUME}"), "");
    site.page(
        "cv.uk.md",
        &format!("title: Резюме\nkind: resume\n{RESUME}"),
        "",
    );
    site.build_on(TODAY).ok();

    let en = site.read("public/cv/index.html");
    let en = main_of(&en);
    for text in [
        "Work experience",
        "Social-media strategist",
        "<time datetime=\"2022-02\">Feb 2022</time> – present",
        "<time datetime=\"2019-03\">Mar 2019</time> – <time datetime=\"2022-01-31\">January 31, 2022</time>",
        "<time datetime=\"2015\">2015</time>",
        "Kyiv, Ukraine",
        "audits and calendars",
        "March 12, 2026",
    ] {
        assert!(en.contains(text), "`{text}` missing from the English CV");
    }
    let uk = site.read("public/uk/cv/index.html");
    let uk = main_of(&uk);
    for text in [
        "Досвід роботи",
        "Освіта",
        "Навички",
        "Сертифікати",
        "лют. 2022\u{202f}р.</time> – дотепер",
        "бер. 2019\u{202f}р.",
        "31 січня 2022\u{202f}р.",
        "Kyiv, Україна",
        "audits і calendars",
    ] {
        assert!(uk.contains(text), "`{text}` missing from the Ukrainian CV");
    }
    for english in ["Work experience", "present", "Education", "Skills"] {
        assert!(!uk.contains(english), "`{english}` on the Ukrainian CV");
    }
}

#[test]
fn places_and_degrees_are_joined_with_the_languages_comma() {
    let site = site();
    site.page(
        "cv.ar.md",
        &format!("title: سيرة\nkind: resume\n{RESUME}"),
        "",
    );
    site.build_on(TODAY).ok();
    let ar = site.read("public/ar/cv/index.html");
    let ar = main_of(&ar);
    // The Arabic comma, not the Latin one, between city and country and between a
    // degree and its field.
    assert!(
        ar.contains("Kyiv، أوكرانيا"),
        "city and country on the Arabic CV"
    );
    assert!(
        ar.contains("Master، Journalism"),
        "the degree on the Arabic CV"
    );
    assert!(!ar.contains("Kyiv, "), "a Latin comma on the Arabic CV");
}

#[test]
fn resume_json_is_published_beside_the_page_and_linked() {
    let site = site();
    site.page("cv.md", &format!("title: CV\nkind: resume\n{RESUME}"), "");
    site.build_on(TODAY).ok();
    let published: Value =
        serde_json::from_str(&site.read("public/cv/resume.json")).expect("resume.json is JSON");
    assert_eq!(published, resume_as_json());
    let html = site.read("public/cv/index.html");
    assert!(
        html.contains(
            "<link rel=\"alternate\" type=\"application/json\" title=\"This CV as JSON Resume\" href=\"/cv/resume.json\">"
        ),
        "the page links its resume.json"
    );
}

#[test]
fn a_json_resume_file_is_read_and_published_as_written() {
    let site = site();
    let file = r#"{
  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
  "basics": {"name": "Olena Kovalenko", "label": "Social-media manager"},
  "work": [{"name": "Kyiv retail group", "position": "Head of social media", "startDate": "2019-03", "endDate": "2022-01"}],
  "languages": [{"language": "Ukrainian", "fluency": "Native speaker"}]
}
"#;
    site.file("data/resume.json", file);
    site.page(
        "cv.md",
        "title: CV\nkind: resume\nresume: data/resume.json",
        "",
    );
    site.build_on(TODAY).ok();
    let published: Value = serde_json::from_str(&site.read("public/cv/resume.json")).unwrap();
    assert_eq!(published, serde_json::from_str::<Value>(file).unwrap());
    let html = site.read("public/cv/index.html");
    let main = main_of(&html);
    assert!(main.contains("Head of social media"));
    assert!(main.contains("Mar 2019</time> – <time datetime=\"2022-01\">Jan 2022</time>"));
    assert!(main.contains("Native speaker"));
}

#[test]
fn the_cv_adds_its_facts_to_the_sites_one_person() {
    let site = site();
    site.page("cv.md", &format!("title: CV\nkind: resume\n{RESUME}"), "");
    site.build_on(TODAY).ok();
    let home = json_ld_of(&site.read("public/index.html"));
    let cv = json_ld_of(&site.read("public/cv/index.html"));
    let person = |objects: &[Value]| {
        objects
            .iter()
            .find(|o| o["@type"] == "Person")
            .cloned()
            .expect("a Person")
    };
    let (home, cv) = (person(&home), person(&cv));
    assert_eq!(cv["@id"], "https://example.org/#person");
    assert_eq!(cv["@id"], home["@id"], "one Person, by its @id");
    assert_eq!(cv["jobTitle"], "Social-media manager");
    // Only the work without an end is current.
    assert_eq!(cv["worksFor"]["name"], "Independent practice");
    assert_eq!(cv["alumniOf"]["@type"], "EducationalOrganization");
    assert_eq!(cv["alumniOf"]["name"], "Kyiv University");
    assert_eq!(
        cv["knowsAbout"],
        serde_json::json!(["Content strategy", "Paid social"])
    );
    assert_eq!(
        cv["hasCredential"]["name"],
        "Meta Certified Digital Marketing Associate"
    );
    assert_eq!(cv["hasCredential"]["recognizedBy"]["name"], "Meta");
}

/// Builds a good CV, then breaks it with `files`: the build fails with `place` and
/// `message` in its errors, and the output is as the good build left it.
fn refused(files: &[(&str, &str)], place: &str, message: &str) {
    let site = site();
    site.page("cv.md", &format!("title: CV\nkind: resume\n{RESUME}"), "");
    site.build_on(TODAY).ok();
    let before = site.snapshot("public");
    for (path, text) in files {
        site.file(path, text);
    }
    let err = site.build_on(TODAY).fails();
    assert!(err.contains(place), "expected {place} in:\n{err}");
    assert!(err.contains(message), "expected `{message}` in:\n{err}");
    assert_eq!(site.snapshot("public"), before, "the output is untouched");
}

#[test]
fn a_missing_resume_file_is_an_error_at_its_key() {
    refused(
        &[(
            "content/cv.md",
            "---\ntitle: CV\nkind: resume\nresume: data/nowhere.json\n---\n",
        )],
        "content/cv.md:4:9",
        "the résumé file `data/nowhere.json` does not exist",
    );
}

#[test]
fn a_resume_file_outside_the_site_folder_is_refused_at_its_key() {
    refused(
        &[(
            "content/cv.md",
            "---\ntitle: CV\nkind: resume\nresume: ../secrets/resume.json\n---\n",
        )],
        "content/cv.md:4:9",
        "the résumé file `../secrets/resume.json` is not in the site's folder",
    );
}

#[test]
fn a_resume_file_that_is_not_json_is_an_error_at_its_line_and_column() {
    refused(
        &[
            (
                "data/resume.json",
                "{\n  \"basics\": {\n    \"name\": Olena\n  }\n}\n",
            ),
            (
                "content/cv.md",
                "---\ntitle: CV\nkind: resume\nresume: data/resume.json\n---\n",
            ),
        ],
        "data/resume.json:3:13",
        "not JSON: expected value",
    );
}

#[test]
fn a_resume_file_the_schema_refuses_names_the_first_failing_path() {
    let file = "{\n  \"basics\": {\"name\": \"O\"},\n  \"work\": [\n    {\"name\": \"A\", \"startDate\": \"2019-03\"},\n    {\"name\": \"B\", \"startDate\": \"March 2020\"}\n  ],\n  \"skills\": \"many\"\n}\n";
    refused(
        &[
            ("data/resume.json", file),
            (
                "content/cv.md",
                "---\ntitle: CV\nkind: resume\nresume: data/resume.json\n---\n",
            ),
        ],
        "data/resume.json:5:32",
        "`work[1].startDate` is not a date: \"March 2020\"",
    );
}

#[test]
fn a_resume_in_yaml_the_schema_refuses_is_an_error_at_its_key() {
    let bad = RESUME.replace("startDate: \"2019-03\"", "startDate: 2019");
    refused(
        &[(
            "content/cv.md",
            &format!("---\ntitle: CV\nkind: resume\n{bad}\n---\n"),
        )],
        "content/cv.md:17:18",
        "`resume.work[1].startDate` is a number, not a date: 2019",
    );
    refused(
        &[(
            "content/cv.md",
            &format!("---\ntitle: CV\nkind: resume\n{RESUME}\n  experience: lots\n---\n"),
        )],
        "content/cv.md:26:15",
        "`resume`: unknown key `experience` in a JSON Resume",
    );
}
