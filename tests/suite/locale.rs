//! The words CLDR gives a page in its language: country and language names, plural
//! forms of counts (and their errors in `site.yaml`), lists joined as the language
//! joins them.

use crate::harness::{TODAY, TestSite, main_of};

const JOB: &str = "title: SMM
kind: job
date: 2026-11-10
employment_type: [FULL_TIME, PART_TIME]
location: {city: Kyiv, country: UA}
company: {name: Teplo}
apply: {email: jobs@example.com}";

const REMOTE: &str = "title: Remote SMM
kind: job
date: 2026-11-10
location: {remote: true, applicant_countries: [UA, PL, GE]}
company: {name: Teplo}
apply: {email: jobs@example.com}";

fn jobs_site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: P\nbase_url: https://example.org\nlanguages: {uk: {title: П}, ka: {title: პ}, ar: {title: م}}\n",
    );
    for suffix in ["", ".uk", ".ka", ".ar"] {
        site.page(&format!("jobs/_index{suffix}.md"), "title: Jobs", "");
        site.page(&format!("jobs/smm{suffix}.md"), JOB, "").page(
            &format!("jobs/remote{suffix}.md"),
            REMOTE,
            "",
        );
    }
    site
}

#[test]
fn job_places_name_countries_in_the_page_language_and_join_lists_as_it_does() {
    let site = jobs_site();
    site.build_on(TODAY).ok();
    let page = |path: &str| main_of(&site.read(&format!("public/{path}/index.html"))).to_string();
    let en = page("jobs/smm");
    assert!(en.contains("Kyiv, Ukraine"), "{en}");
    assert!(en.contains("Full-time or Part-time"), "{en}");
    let uk = page("uk/jobs/smm");
    assert!(uk.contains("Kyiv, Україна"), "{uk}");
    assert!(!uk.contains("Ukraine"), "{uk}");
    assert!(
        uk.contains("Повна зайнятість або Часткова зайнятість"),
        "{uk}"
    );
    let ka = page("ka/jobs/smm");
    assert!(ka.contains("Kyiv, უკრაინა"), "{ka}");
    assert!(ka.contains("სრული განაკვეთი ან ნახევარი განაკვეთი"), "{ka}");
    // Arabic takes its own comma between the parts of an address.
    let ar = page("ar/jobs/smm");
    assert!(ar.contains("Kyiv، أوكرانيا"), "{ar}");
    assert!(ar.contains("دوام كامل أو دوام جزئي"), "{ar}");

    let remote = |path: &str| page(path);
    assert!(remote("jobs/remote").contains("Remote (Ukraine, Poland, or Georgia)"));
    let uk = remote("uk/jobs/remote");
    assert!(
        uk.contains("Віддалено (Україна, Польща або Грузія)"),
        "{uk}"
    );
    let ka = remote("ka/jobs/remote");
    assert!(ka.contains("(უკრაინა, პოლონეთი ან საქართველო)"), "{ka}");
    // The job listing shows the same place.
    let listing = site.read("public/uk/jobs/index.html");
    assert!(listing.contains("Kyiv, Україна"), "{listing}");
}

#[test]
fn the_language_switcher_names_each_language_in_itself() {
    let site = jobs_site();
    site.build_on(TODAY).ok();
    let html = site.read("public/uk/jobs/smm/index.html");
    for name in ["English", "Українська", "ქართული", "العربية"] {
        assert!(html.contains(&format!(">{name}</")), "{name} in {html}");
    }
}

fn tagged_site(tags: &[&str]) -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: P\nbase_url: https://example.org\nlanguages: {uk: {title: П}, ar: {title: م}, lv: {title: L}}\n",
    );
    for lang in ["", ".uk", ".ar", ".lv"] {
        site.page(
            &format!("notes/a{lang}.md"),
            &format!("title: A\ndate: 2026-11-01\ntags: [{}]", tags.join(", ")),
            "",
        );
    }
    site
}

#[test]
fn counts_take_the_plural_form_of_their_language() {
    for (tags, uk, ar, lv) in [
        (&["a"][..], "1 елемент", "عنصر واحد", "1 vienums"),
        (&["a", "b"][..], "2 елементи", "عنصران", "2 vienumi"),
        (
            &["a", "b", "c", "d", "e"][..],
            "5 елементів",
            "5 عناصر",
            "5 vienumi",
        ),
    ] {
        let site = tagged_site(tags);
        site.build_on(TODAY).ok();
        let list = |lang: &str| site.read(&format!("public/{lang}tags/index.html"));
        assert!(list("uk/").contains(uk), "{uk}: {}", list("uk/"));
        assert!(list("ar/").contains(ar), "{ar}: {}", list("ar/"));
        assert!(list("lv/").contains(lv), "{lv}: {}", list("lv/"));
        let en = if tags.len() == 1 {
            "1 term<"
        } else {
            " terms<"
        };
        assert!(list("").contains(en), "{}", list(""));
    }
}

#[test]
fn site_plural_forms_override_the_theme_and_are_checked() {
    let site = tagged_site(&["a", "b"]);
    site.file(
        "site.yaml",
        "title: P\nlanguages: {uk: {title: П}, ar: {}, lv: {}}\ntranslations:\n  uk:\n    n_terms: {one: \"{n} тег\", few: \"{n} теги\", many: \"{n} тегів\", other: \"{n} тега\"}\n",
    );
    site.build_on(TODAY).ok();
    assert!(site.read("public/uk/tags/index.html").contains("2 теги"));

    site.file(
        "site.yaml",
        "title: P\nlanguages: {uk: {title: П}, ar: {}, lv: {}}\ntranslations:\n  uk:\n    n_terms:\n      one: \"{n} тег\"\n      fwe: \"{n} теги\"\n      many: \"{n} тегів\"\n      other: \"{n} тега\"\n",
    );
    let err = site.build_on(TODAY).fails();
    assert!(
        err.contains("`fwe` is not a plural category (in `n_terms`)"),
        "{err}"
    );
    assert!(err.contains("site.yaml:7:7"), "{err}");
    assert!(
        err.contains("`n_terms` lacks the plural form(s) few for `uk`"),
        "{err}"
    );
    assert!(err.contains("site.yaml:5:5"), "{err}");
    assert!(
        err.contains("`uk` uses the forms one, few, many, other"),
        "{err}"
    );
}
