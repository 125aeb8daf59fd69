//! HTML validity: every HTML file of the demo output passes the Nu HTML Checker (the
//! W3C validator; `vnu-jar` from npm, run with Java) with no error.
//!
//! Skipped with a SKIPPED line when Java or the checker is missing, unless
//! `FOLIO_REQUIRE_BROWSER=1` (set by CI, which installs both).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::demo::build_demo;
use crate::harness::TODAY;

/// The checker's jar and a `java` that runs, or why the test cannot run.
fn checker() -> Result<PathBuf, String> {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() {
        return Err(format!(
            "{} not found (run `npm ci --ignore-scripts`)",
            jar.display()
        ));
    }
    match Command::new("java").arg("-version").output() {
        Ok(run) if run.status.success() => Ok(jar),
        _ => Err("no `java` to run the Nu HTML Checker (Debian: default-jre-headless)".into()),
    }
}

/// The checker's error messages on every HTML file under `dir`, one line each.
fn errors_in(jar: &Path, dir: &Path) -> Vec<String> {
    let run = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--skip-non-html", "--errors-only", "--format", "json"])
        .arg(dir)
        .output()
        .expect("the Nu HTML Checker runs");
    // It reports on stderr, and exits 1 when it found errors.
    let report: serde_json::Value = serde_json::from_slice(&run.stderr).unwrap_or_else(|e| {
        panic!(
            "the checker's report is JSON ({e}): {}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    report["messages"]
        .as_array()
        .expect("a list of messages")
        .iter()
        .map(|m| {
            let file = m["url"].as_str().unwrap_or_default();
            let file = file
                .rsplit_once(dir.to_str().unwrap())
                .map_or(file, |(_, f)| f);
            format!(
                "{file}:{}: {}",
                m["lastLine"],
                m["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn every_page_of_the_demo_is_valid_html() {
    let jar = match checker() {
        Ok(jar) => jar,
        Err(why) if std::env::var("FOLIO_REQUIRE_BROWSER").is_ok_and(|v| v == "1") => {
            panic!("FOLIO_REQUIRE_BROWSER=1 but {why}")
        }
        Err(why) => {
            eprintln!("SKIPPED HTML validity test: {why}");
            return;
        }
    };
    let (_out, public) = build_demo(TODAY, &[]);
    let errors = errors_in(&jar, &public);
    assert!(
        errors.is_empty(),
        "{} HTML errors:\n{}",
        errors.len(),
        errors.join("\n")
    );

    // The checker does find errors: a page with a stray end tag and a duplicate id.
    let bad = public.join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("index.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>\
         <body><p id=\"a\">one</p><p id=\"a\">two</p></div></body></html>",
    )
    .unwrap();
    let errors = errors_in(&jar, &bad);
    assert!(
        errors.iter().any(|e| e.contains("Duplicate ID")),
        "{errors:?}"
    );
}
