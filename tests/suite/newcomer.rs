//! A newcomer's first steps: `folio init`, `folio new` of every kind, build, check and
//! serve, with the files the commands write left as they are.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::harness::{TODAY, TestSite, raw_get, status_of};

/// `folio init site` with Ukrainian added, then `folio new` of every kind in English
/// and Ukrainian. Returns the printed paths of the new files.
fn site_with_every_kind() -> (TestSite, Vec<String>) {
    let site = TestSite::empty();
    site.folio(&["init", "site"]).ok();
    let config = site.read("site/site.yaml");
    site.file(
        "site/site.yaml",
        &format!("{config}languages:\n  uk:\n    title: Ваше ім'я\n"),
    );
    let mut written = Vec::new();
    for kind in folio::kind_names() {
        for lang in [None, Some("uk")] {
            let mut args = vec!["new", "-r", "site", "--today", TODAY, kind, "First step"];
            args.extend(lang.iter().flat_map(|l| ["--lang", *l]));
            let run = site.folio(&args).ok();
            let note = run.stderr();
            assert!(note.contains("Fill in") && note.contains("title"), "{note}");
            assert!(note.contains("draft: true"), "{note}");
            written.push(run.stdout().trim().to_string());
        }
    }
    (site, written)
}

#[test]
fn new_files_of_every_kind_build_at_once_as_drafts() {
    let (site, written) = site_with_every_kind();
    for file in &written {
        assert!(site.read(file).contains("\ndraft: true"), "{file}");
    }
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "-r", "site", "--today", TODAY, "-o", "out"];
        args.extend(extra);
        let run = site.folio(&args).ok();
        assert!(!run.stderr().contains("warning:"), "{}", run.stderr());
    };
    build(&[]);
    // Drafts stay out of a plain build…
    assert!(!site.exists("out/jobs/first-step/index.html"));
    assert!(!site.exists("out/uk/jobs/first-step/index.html"));
    // …and are rendered with --drafts, in both languages, with their example values.
    build(&["--drafts"]);
    let job = site.read("out/jobs/first-step/index.html");
    assert!(
        job.contains("Example Agency"),
        "the job page lacks its example company"
    );
    assert!(site.exists("out/uk/campaigns/first-step/index.html"));
    // The Ukrainian draft's example text is Ukrainian, on its page and in its file.
    let uk_job = site.read("out/uk/jobs/first-step/index.html");
    assert!(
        uk_job.contains("Агенція «Приклад»"),
        "the Ukrainian job page lacks its example company"
    );
    assert!(uk_job.contains("Опишіть роль тут."));
    assert!(!uk_job.contains("Example Agency") && !uk_job.contains("Describe the role"));
    // …and so are the home page and the sections `init` made, written by the first
    // `new --lang uk` into each.
    assert!(
        site.read("out/uk/jobs/index.html")
            .contains("Відкриті вакансії")
    );
    assert!(site.read("out/uk/index.html").contains("Вітаю!"));
    assert!(
        !site
            .read("out/uk/swot/index.html")
            .contains("SWOT analyses, newest first")
    );
    let uk_swot = site.read("site/content/swot/first-step.uk.md");
    assert!(uk_swot.contains("- Віддана аудиторія"), "{uk_swot}");
    let check = site.folio(&["check", "-r", "site", "--drafts", "--today", TODAY]);
    assert_eq!(check.code(), 0, "{}", check.stderr());
    assert!(!check.stderr().contains("warning:"), "{}", check.stderr());
}

#[test]
fn the_first_steps_end_with_a_served_site() {
    let (site, _) = site_with_every_kind();
    site.folio(&["build", "-r", "site", "--today", TODAY]).ok();
    assert!(site.exists("site/public/index.html"));
    site.folio(&["check", "-r", "site", "--today", TODAY]).ok();
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["serve", "--port", "0", "--drafts", "--today", TODAY, "-r"])
        .arg(site.path("site"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve exited").unwrap();
        if let Some(rest) = line.strip_prefix("Serving at http://") {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let get = |target: &str| {
        let (bytes, _) = raw_get(&addr, &addr, target, Duration::from_secs(20));
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let home = get("/");
    let draft = get("/uk/swot/first-step/");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status_of(&home), 200, "{home}");
    assert_eq!(status_of(&draft), 200, "{draft}");
    assert!(
        draft.contains("Віддана аудиторія"),
        "the Ukrainian draft lacks its example"
    );
}

#[test]
fn new_in_a_language_the_site_lacks_says_how_to_add_it() {
    let site = TestSite::new();
    let run = site.folio(&["new", "job", "Менеджер", "--lang", "lv"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let said = run.stderr();
    assert!(
        said.contains("`lv` is not a language of this site"),
        "{said}"
    );
    assert!(said.contains("its languages: en"), "{said}");
    assert!(said.contains("languages:\n      lv:\n"), "{said}");
    assert!(!site.exists("content/jobs"), "a file was written");
    let run = site.folio(&["new", "page", "Notes", "--lang", "v2"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("not a language code"),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_file_in_a_language_the_site_lacks_is_an_error_at_that_file() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {}}\n",
    );
    site.page("about.lv.md", "title: Par mums", "Teksts.");
    let said = site.build_on(TODAY).fails();
    assert!(said.contains("content/about.lv.md:1"), "{said}");
    assert!(
        said.contains("`lv` is not a language of this site (its languages: en, uk)"),
        "{said}"
    );
    assert!(!site.exists("public"), "a failed build wrote the site");
    // Dots that are not language codes stay part of the page's name.
    std::fs::remove_file(site.path("content/about.lv.md")).unwrap();
    site.page("report.v2.md", "title: Report", "R.");
    site.page("notes.final.md", "title: Notes", "N.");
    site.build_on(TODAY).ok();
    assert!(site.exists("public/report-v2/index.html"));
    assert!(site.exists("public/notes-final/index.html"));
}

#[test]
fn an_empty_text_for_an_optional_key_means_not_given() {
    let site = TestSite::new();
    site.page(
        "jobs/smm.md",
        "title: SMM\nkind: job\ndate: 2026-11-01\nvalid_through: 2027-01-15\n\
         company: {name: Teplo, url: \"\"}\nlocation: {city: Kyiv, country: UA}\n\
         department: ''\napply:\n  url: \"\"\n  email: jobs@teplo.example\n\
         extra: {note: \"\"}",
        "",
    );
    site.build_on(TODAY).ok();
    let page = site.read("public/jobs/smm/index.html");
    assert!(
        page.contains("mailto:jobs@teplo.example"),
        "the email is not offered"
    );
}

#[test]
fn init_keeps_the_build_output_out_of_git() {
    let site = TestSite::empty();
    site.folio(&["init", "fresh"]).ok();
    let ignore = site.read("fresh/.gitignore");
    assert!(ignore.lines().any(|l| l == "public/"), "{ignore}");
    assert!(ignore.lines().any(|l| l == ".folio-cache/"), "{ignore}");
    // A folder that already has a .gitignore keeps its lines, with ours added once.
    site.file("cloned/.gitignore", "/public\nnode_modules/");
    site.folio(&["init", "cloned"]).ok();
    assert_eq!(
        site.read("cloned/.gitignore"),
        "/public\nnode_modules/\n.folio-cache/\n"
    );
}
