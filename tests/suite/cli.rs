//! The command line: exit codes and the machine-readable check.

use crate::harness::{TODAY, TestSite};

#[test]
fn usage_errors_exit_2() {
    let site = TestSite::new();
    assert_eq!(site.folio(&["build", "--no-such-flag"]).code(), 2);
    assert_eq!(site.folio(&["frobnicate"]).code(), 2);
    assert_eq!(site.folio(&["check", "--format", "xml"]).code(), 2);
}

#[test]
fn a_malformed_today_is_a_usage_error() {
    let site = TestSite::new();
    for command in ["build", "check", "serve", "new"] {
        for bad in ["23.11.2026", "2026-11-3", "2026-02-30", "tomorrow", ""] {
            let mut args = vec![command];
            if command == "new" {
                args.extend(["page", "Title"]);
            }
            args.extend(["--today", bad]);
            let run = site.folio(&args);
            assert_eq!(run.code(), 2, "{args:?}: {}", run.stderr());
            let err = run.stderr();
            assert!(err.contains("--today"), "{args:?}: {err}");
            assert!(err.contains("YYYY-MM-DD"), "{args:?}: {err}");
        }
    }
    assert!(
        site.folio(&["build", "--today", "2026-02-30"])
            .stderr()
            .contains("2026-02-30 is not a day of the calendar"),
    );
    assert!(!site.exists("public"));
    assert!(!site.exists("content/title.md"));
}

#[test]
fn today_sets_the_day_job_postings_close_after() {
    let site = TestSite::new();
    site.page(
        "jobs/smm.md",
        "title: SMM\nkind: job\ndate: 2026-11-01\nvalid_through: 2027-01-15\n\
         company: {name: Teplo}\nlocation: {city: Kyiv, country: UA}\napply: {email: a@b.c}",
        "",
    );
    site.build_on("2027-01-15").ok();
    assert!(site.read("public/jobs.json").contains("\"title\": \"SMM\""));
    site.build_on("2027-01-16").ok();
    assert!(
        site.read("public/jobs/smm/index.html")
            .contains("This position is closed")
    );
    assert!(!site.read("public/jobs.json").contains("SMM"));
    // `check` judges by the same day: a campaign's status against its dates.
    site.page(
        "c.md",
        "title: C\nkind: campaign\nstatus: running\nstart: 2026-11-01\nend: 2026-11-30",
        "",
    );
    let quiet = site.folio(&["check", "--today", "2026-11-23"]).ok();
    assert!(
        quiet.stderr().contains("0 warning(s)"),
        "{}",
        quiet.stderr()
    );
    let late = site.folio(&["check", "--today", "2026-12-01"]).ok();
    assert!(
        late.stderr().contains("by them it is completed"),
        "{}",
        late.stderr()
    );
}

#[test]
fn check_writes_nothing_and_reports_json() {
    let site = TestSite::new();
    site.file("content/typo.md", "---\ntitle: T\ntgas: [x]\n---\n")
        .page("link.md", "title: L", "[x](@/nope.md)");
    let run = site.folio(&["check", "--format", "json"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    let found: serde_json::Value = serde_json::from_str(&run.stdout()).expect("one JSON array");
    let items = found.as_array().unwrap();
    assert_eq!(items.len(), 2, "{found:#}");
    assert_eq!(items[0]["file"], "content/link.md");
    assert_eq!(items[0]["line"], 4);
    assert_eq!(items[0]["severity"], "error");
    assert_eq!(items[1]["file"], "content/typo.md");
    assert_eq!(items[1]["line"], 3);
    assert_eq!(items[1]["column"], 1);
    assert!(items[1]["message"].as_str().unwrap().contains("tgas"));
    assert!(!site.exists("public"));
}

#[test]
fn check_passes_a_good_site() {
    let site = TestSite::new();
    let run = site.folio(&["check"]).ok();
    assert!(run.stderr().contains("0 error(s)"), "{}", run.stderr());
    let json = site.folio(&["check", "--format", "json"]).ok();
    assert_eq!(json.stdout().trim(), "[]");
}

#[test]
fn root_flag() {
    let site = TestSite::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["build", "-r", site.root().to_str().unwrap()])
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(site.exists("public/index.html"));
}

#[test]
fn check_of_a_good_site_leaves_no_cache_behind() {
    let site = TestSite::new();
    site.page(
        "a.md",
        "title: A",
        "Some *text*.\n\n```rust\nfn main() {}\n```\n",
    );
    site.folio(&["check"]).ok();
    assert!(!site.exists("public"));
    assert!(!site.exists(".folio-cache"));
}

#[test]
fn deny_warnings_fails_on_a_warning_and_writes_nothing() {
    let site = TestSite::new();
    site.page(
        "s.md",
        "title: S\nkind: swot\nstrengths: [a]\nweaknesses: []\nopportunities: [b]\nthreats: [c]",
        "",
    );
    let check = site.folio(&["check", "--deny-warnings", "--today", TODAY]);
    assert_eq!(check.code(), 1, "{}", check.stderr());
    assert!(check.stderr().contains("`weaknesses` is empty"));
    let err = site
        .folio(&["build", "--deny-warnings", "--today", TODAY])
        .fails();
    assert!(err.contains("content/s.md:5:13"), "{err}");
    assert!(err.contains("1 warning(s) and --deny-warnings"), "{err}");
    assert!(!site.exists("public"));
    // Without the flag the same site builds, with its warning.
    site.build_on(TODAY).ok();
    assert!(site.exists("public/s/index.html"));
}

/// Output piped into a reader that is gone (`folio schema | head -1`, `folio
/// completions bash | true`): the command ends quietly, as Unix tools do, with no panic
/// on standard error.
#[cfg(unix)]
#[test]
fn output_cut_short_by_a_closed_pipe_ends_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let site = TestSite::new();
    for args in [
        vec!["schema", "-o", "schemas-out"],
        vec!["completions", "bash"],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(&args)
            .current_dir(site.root())
            .stdout(writer)
            .output()
            .expect("run folio");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(
            output.status.signal(),
            Some(libc::SIGPIPE),
            "{args:?}: {:?} {stderr}",
            output.status
        );
    }
}
