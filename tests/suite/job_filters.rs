//! The jobs page's filters: in Chromium, choosing a department, a workplace or an
//! employment type narrows the open postings to the right ones, in English and in
//! Ukrainian, and a closed posting is never among them nor among the choices;
//! without search (`search: false`) the page is the postings grouped by department,
//! each group linkable, with no script.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value;

use crate::chromium::browser_tools;
use crate::harness::{TODAY, TestSite, main_of};
use crate::search::{Browser, PATIENCE, serve_dir};

/// A posting: its file, title, department, place, workplace, employment type,
/// seniority and last day.
struct Posting {
    file: &'static str,
    title: &'static str,
    department: &'static str,
    place: &'static str,
    workplace: &'static str,
    employment: &'static str,
    seniority: &'static str,
    until: &'static str,
}

const fn posting(
    file: &'static str,
    title: &'static str,
    [department, place, workplace, employment, seniority, until]: [&'static str; 6],
) -> Posting {
    Posting {
        file,
        title,
        department,
        place,
        workplace,
        employment,
        seniority,
        until,
    }
}

const REMOTE: &str = "{remote: true, applicant_countries: [UA, PL]}";
const KYIV: &str = "{city: Kyiv, country: UA}";
const LVIV: &str = "{city: Lviv, country: UA}";

/// Three open postings in two departments, and a closed one in a department of its own.
const POSTINGS: [Posting; 8] = [
    posting(
        "designer",
        "Motion Designer",
        [
            "Design",
            REMOTE,
            "remote",
            "CONTRACTOR",
            "Senior",
            "2099-01-31",
        ],
    ),
    posting(
        "writer",
        "Copywriter",
        [
            "Design",
            LVIV,
            "hybrid",
            "PART_TIME",
            "Middle",
            "2099-01-31",
        ],
    ),
    posting(
        "producer",
        "Event Producer",
        [
            "Events",
            KYIV,
            "onsite",
            "FULL_TIME",
            "Middle",
            "2099-01-31",
        ],
    ),
    posting(
        "archivist",
        "Archivist",
        [
            "Archive",
            KYIV,
            "onsite",
            "PART_TIME",
            "Middle",
            "2026-11-01",
        ],
    ),
    posting(
        "designer.uk",
        "Моушн-дизайнер",
        [
            "Дизайн",
            REMOTE,
            "remote",
            "CONTRACTOR",
            "Senior",
            "2099-01-31",
        ],
    ),
    posting(
        "writer.uk",
        "Копірайтер",
        [
            "Дизайн",
            LVIV,
            "hybrid",
            "PART_TIME",
            "Middle",
            "2099-01-31",
        ],
    ),
    posting(
        "producer.uk",
        "Продюсер подій",
        ["Події", KYIV, "onsite", "FULL_TIME", "Middle", "2099-01-31"],
    ),
    posting(
        "archivist.uk",
        "Архіваріус",
        ["Архів", KYIV, "onsite", "PART_TIME", "Middle", "2026-11-01"],
    ),
];

fn jobs_site(search: bool) -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        &format!(
            "title: Site\nbase_url: https://example.org\nsearch: {search}\n\
             languages: {{uk: {{title: Сайт}}}}\n"
        ),
    );
    site.page("jobs/_index.md", "title: Jobs", "")
        .page("jobs/_index.uk.md", "title: Вакансії", "");
    for p in &POSTINGS {
        let front = format!(
            "title: {}\nkind: job\ndate: 2026-10-01\nvalid_through: {}\n\
             employment_type: [{}]\ncompany: {{name: Teplo}}\nlocation: {}\n\
             workplace: {}\ndepartment: {}\nseniority: {}\n\
             apply: {{email: jobs@example.org}}",
            p.title, p.until, p.employment, p.place, p.workplace, p.department, p.seniority
        );
        site.page(&format!("jobs/{}.md", p.file), &front, "The role.");
    }
    site.build_on(TODAY).ok();
    site
}

/// The postings the open list shows now, by path.
async fn shown(browser: &Browser) -> Vec<String> {
    let script = "return [...document.querySelectorAll('li[data-job-url]')]\
                  .filter(li => li.offsetParent !== null).map(li => li.dataset.jobUrl);";
    match browser.client.execute(script, Vec::new()).await {
        Ok(Value::Array(urls)) => urls
            .into_iter()
            .filter_map(|u| u.as_str().map(str::to_string))
            .collect(),
        other => panic!("cannot read the list: {other:?}"),
    }
}

/// Waits until the open list shows exactly `expected` (in any order).
async fn expect_shown(browser: &Browser, expected: &[&str], after: &str) {
    let deadline = Instant::now() + PATIENCE;
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    loop {
        let mut found = shown(browser).await;
        found.sort();
        if found == want {
            return;
        }
        if Instant::now() >= deadline {
            panic!("after {after}: the list shows {found:?}, expected {want:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The choices of the filter `name`, as shown (`Design (2)`).
async fn choices(browser: &Browser, name: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll('select[name=\"{name}\"] option')]\
         .map(o => o.textContent);"
    );
    let found = browser.client.execute(&script, Vec::new()).await;
    let Ok(Value::Array(options)) = found else {
        panic!("no filter {name}: {found:?}");
    };
    options
        .into_iter()
        .filter_map(|o| o.as_str().map(str::to_string))
        .collect()
}

/// Opens the jobs page at `url` and waits until its filters are ready.
async fn open_filters(browser: &Browser, url: &str) {
    browser.open_styled(url).await;
    let deadline = Instant::now() + PATIENCE;
    while browser
        .client
        .find(Locator::Css("form.job-filters[data-ready]"))
        .await
        .is_err()
    {
        assert!(
            Instant::now() < deadline,
            "the filters of {url} did not appear:\n{}",
            browser.text().await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Chooses `value` in the filter `name`, as a reader does.
async fn choose(browser: &Browser, name: &str, value: &str) {
    let select = browser
        .client
        .find(Locator::Css(&format!("select[name=\"{name}\"]")))
        .await
        .unwrap_or_else(|e| panic!("no filter {name}: {e}"));
    select
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("cannot choose {value:?} in {name}: {e}"));
}

async fn reset(browser: &Browser) {
    let button = browser
        .client
        .find(Locator::Css(".job-filters-reset"))
        .await;
    button
        .expect("the reset button")
        .click()
        .await
        .expect("reset");
}

fn shots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts/job-filters");
    std::fs::create_dir_all(&dir).expect("the screenshots folder");
    dir
}

async fn shoot(browser: &Browser, name: &str) {
    for width in [390, 1280] {
        let png = crate::reader::full_page_shot(browser, width).await;
        std::fs::write(shots_dir().join(format!("{name}-{width}.png")), png).expect("a shot");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_a_filter_narrows_the_open_postings_in_two_languages() {
    let test = "choosing_a_filter_narrows_the_open_postings_in_two_languages";
    let Some(tools) = browser_tools(test) else {
        return;
    };
    let site = jobs_site(true);
    let url = serve_dir(&site.path("public"));
    let browser = Browser::start(&tools).await;

    open_filters(&browser, &format!("{url}/jobs/")).await;
    let all = ["/jobs/designer/", "/jobs/writer/", "/jobs/producer/"];
    expect_shown(&browser, &all, "opening the page").await;
    // Only open postings give choices: the closed posting's department is none.
    assert_eq!(
        choices(&browser, "department").await,
        ["Any", "Design (2)", "Events (1)"]
    );
    assert_eq!(
        choices(&browser, "workplace").await,
        ["Any", "Hybrid (1)", "On site (1)", "Remote (1)"]
    );
    choose(&browser, "department", "Design").await;
    expect_shown(&browser, &["/jobs/designer/", "/jobs/writer/"], "Design").await;
    // The emptied department's group goes with its postings.
    let events = browser
        .client
        .find(Locator::Css("#department-events"))
        .await;
    assert!(!events.expect("the group").is_displayed().await.unwrap());
    choose(&browser, "workplace", "Hybrid").await;
    expect_shown(&browser, &["/jobs/writer/"], "Design and Hybrid").await;
    shoot(&browser, "en-filtered").await;
    choose(&browser, "workplace", "On site").await;
    expect_shown(&browser, &[], "Design and On site").await;
    let none = browser.client.find(Locator::Css(".job-filters-none")).await;
    assert!(none.expect("the message").is_displayed().await.unwrap());
    reset(&browser).await;
    expect_shown(&browser, &all, "Show all").await;
    // The chosen values are in the address: a filtered list can be shared.
    open_filters(&browser, &format!("{url}/jobs/?department=Events")).await;
    expect_shown(&browser, &["/jobs/producer/"], "opening ?department=Events").await;

    open_filters(&browser, &format!("{url}/uk/jobs/")).await;
    assert_eq!(
        choices(&browser, "department").await,
        ["Будь-який", "Дизайн (2)", "Події (1)"]
    );
    choose(&browser, "department", "Дизайн").await;
    let design = ["/uk/jobs/designer/", "/uk/jobs/writer/"];
    expect_shown(&browser, &design, "Дизайн").await;
    choose(&browser, "employment_type", "Контракт").await;
    expect_shown(&browser, &["/uk/jobs/designer/"], "Дизайн and Контракт").await;
    shoot(&browser, "uk-filtered").await;
    // Part-time is also the closed posting's type: still only the open one shows.
    choose(&browser, "department", "").await;
    choose(&browser, "employment_type", "Часткова зайнятість").await;
    expect_shown(&browser, &["/uk/jobs/writer/"], "Часткова зайнятість").await;
}

#[test]
fn closed_postings_carry_no_filter_values() {
    let site = jobs_site(true);
    let open = site.read("public/uk/jobs/writer/index.html");
    for value in [
        "<span data-pagefind-filter=\"kind\">job</span>",
        "<span data-pagefind-filter=\"department\">Дизайн</span>",
        "<span data-pagefind-filter=\"location\">Lviv, Україна</span>",
        "<span data-pagefind-filter=\"workplace\">Гібридний</span>",
        "<span data-pagefind-filter=\"seniority\">Middle</span>",
    ] {
        assert!(open.contains(value), "{value} missing:\n{}", main_of(&open));
    }
    let closed = site.read("public/uk/jobs/archivist/index.html");
    assert!(!closed.contains("data-pagefind-filter"), "{closed}");
    // The jobs page loads the filters' script; a posting's page loads none.
    let jobs = site.read("public/jobs/index.html");
    assert!(jobs.contains("<script src=\"/job-filters.js\" defer></script>"));
    assert!(!open.contains("<script src="), "{open}");
}

/// The scripts of a page, not counting its JSON-LD.
fn scripts(html: &str) -> usize {
    html.matches("<script").count()
        - html
            .matches("<script type=\"application/ld+json\">")
            .count()
}

#[test]
fn without_search_the_postings_are_grouped_by_department_with_no_script() {
    let site = jobs_site(false);
    let html = site.read("public/jobs/index.html");
    let main = main_of(&html);
    assert!(main.contains(
        "<h3 class=\"job-group-title\" id=\"department-design-title\" dir=\"auto\">Design</h3>"
    ));
    // Each posting is in its department's group, the closed one in none.
    let group = |id: &str| {
        let at = main.find(&format!("id=\"{id}\"")).expect("the group");
        &main[at..at + main[at..].find("</section>").expect("its end")]
    };
    let (design, events) = (group("department-design"), group("department-events"));
    assert!(
        design.contains("data-job-url=\"/jobs/designer/\""),
        "{design}"
    );
    assert!(
        design.contains("data-job-url=\"/jobs/writer/\""),
        "{design}"
    );
    assert!(
        events.contains("data-job-url=\"/jobs/producer/\""),
        "{events}"
    );
    assert!(
        !main.contains("data-job-url=\"/jobs/archivist/\""),
        "{main}"
    );
    assert_eq!(scripts(&html), 0, "no script:\n{html}");
    assert!(!main.contains("job-filters"), "no filter form:\n{main}");

    // In Ukrainian, the groups' ids and headings are the language's.
    let uk = site.read("public/uk/jobs/index.html");
    assert!(
        uk.contains("id=\"department-дизайн-title\" dir=\"auto\">Дизайн</h3>"),
        "{}",
        main_of(&uk)
    );
    assert!(uk.contains("id=\"department-події\""));
    assert_eq!(scripts(&uk), 0, "no script:\n{uk}");
}
