//! Output safety: no content file name, symlink, manifest line or `-o` path makes folio
//! write, copy or delete anything outside the output; a build killed midway leaves the
//! previous output whole.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::TestSite;

/// Every file under `dir` except the output `public/` and the build cache
/// `.folio-cache/` (which is the site's, not the content's), with its bytes.
fn outside_public(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    site.snapshot("")
        .into_iter()
        .filter(|(f, _)| !f.starts_with("public/") && !f.starts_with(".folio-cache/"))
        .collect()
}

#[test]
fn a_content_symlink_to_a_file_outside_the_site_is_not_published() {
    let secret_dir = tempfile::tempdir().unwrap();
    let secret = secret_dir.path().join("passwd");
    std::fs::write(&secret, "root:x:0:0:secret").unwrap();
    let site = TestSite::new();
    site.page("post/index.md", "title: Post", "![x](photo.png)");
    site.bytes("content/post/photo.png", b"png");
    symlink(&secret, site.path("content/post/passwd")).unwrap();
    symlink(secret_dir.path(), site.path("content/post/outside-dir")).unwrap();
    symlink(&secret, site.path("content/leak.md")).unwrap();
    // A link that stays inside the site is fine.
    symlink(
        site.path("content/post/photo.png"),
        site.path("content/post/same.png"),
    )
    .unwrap();

    let run = site.build().ok();
    let warnings = run.stderr();
    for link in [
        "content/post/passwd",
        "content/post/outside-dir",
        "content/leak.md",
    ] {
        assert!(
            warnings.contains(link) && warnings.contains("points outside the site"),
            "no warning for {link}: {warnings}"
        );
    }
    let published = site.tree("public");
    assert!(
        published
            .iter()
            .all(|f| !f.contains("passwd") && !f.contains("outside-dir") && !f.contains("leak")),
        "{published:?}"
    );
    for (file, bytes) in site.snapshot("public") {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("root:x:0:0"),
            "the secret leaked into {file}"
        );
    }
    assert!(site.exists("public/post/photo.png"));
    assert!(site.exists("public/post/same.png"));
}

#[test]
fn a_page_cannot_take_the_search_page_url() {
    let site = TestSite::new();
    site.page("find.md", "title: Find\nslug: search", "");
    let err = site.build().fails();
    assert!(err.contains("content/find.md"), "{err}");
    assert!(err.contains("duplicate URL `/search/`"), "{err}");
    assert!(err.contains("search page"), "{err}");
    // With search off the URL is free.
    site.file(
        "site.yaml",
        "title: Test site\nbase_url: https://example.org\nsearch: false\n",
    );
    site.build().ok();
    assert!(site.read("public/search/index.html").contains("Find"));
}

#[test]
fn bundle_file_names_stay_inside_the_output() {
    let site = TestSite::new();
    site.page("post/index.md", "title: Post", "Files.");
    let names = [
        "..\\..\\evil.txt",
        "a:b.txt",
        "-rf",
        " spaced .txt",
        "line\nbreak.txt",
        "Фото звіту.png",
        "%2e%2e%2fescape.txt",
    ];
    for name in names {
        site.bytes(&format!("content/post/{name}"), name.as_bytes());
    }
    let before = outside_public(&site);
    let run = site.build();
    // Whatever it says about odd names, it writes nowhere but public/.
    assert_eq!(
        outside_public(&site),
        before,
        "files changed outside the output: {}",
        run.stderr()
    );
    if run.code() == 0 {
        for name in names {
            let copied = site.path("public/post").join(name);
            if copied.exists() {
                assert_eq!(std::fs::read(&copied).unwrap(), name.as_bytes());
            }
        }
        assert!(site.exists("public/post/Фото звіту.png"));
    }
}

#[test]
fn a_doctored_manifest_deletes_nothing_outside_the_output() {
    let site = TestSite::new();
    site.page("a.md", "title: A", "");
    site.build().ok();
    site.file("victim.txt", "keep me");
    site.file("public-sibling/victim.txt", "keep me too");
    let outside = tempfile::tempdir().unwrap();
    let absolute = outside.path().join("victim.txt");
    std::fs::write(&absolute, "and me").unwrap();
    let manifest = site.read("public/.folio-manifest");
    site.file(
        "public/.folio-manifest",
        &format!(
            "{manifest}../victim.txt\n../public-sibling/victim.txt\nx/../../victim.txt\n{}\n",
            absolute.display()
        ),
    );
    site.build().ok();
    assert_eq!(site.read("victim.txt"), "keep me");
    assert_eq!(site.read("public-sibling/victim.txt"), "keep me too");
    assert_eq!(std::fs::read_to_string(&absolute).unwrap(), "and me");
}

#[test]
fn a_symlink_inside_the_output_is_not_written_or_deleted_through() {
    let site = TestSite::new();
    site.page("jobs/old.md", "title: Old", "")
        .page("jobs/new.md", "title: New", "");
    site.build().ok();
    // Someone swaps public/jobs for a link to a folder of their own.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(elsewhere.path().join("old")).unwrap();
    std::fs::write(elsewhere.path().join("old/index.html"), "theirs").unwrap();
    std::fs::remove_dir_all(site.path("public/jobs")).unwrap();
    symlink(elsewhere.path(), site.path("public/jobs")).unwrap();
    std::fs::remove_file(site.path("content/jobs/old.md")).unwrap();

    let err = site.build().fails();
    assert!(err.contains("symlink"), "{err}");
    assert_eq!(
        std::fs::read_to_string(elsewhere.path().join("old/index.html")).unwrap(),
        "theirs",
        "deleted through the link"
    );
    assert!(
        !elsewhere.path().join("new").exists(),
        "written through the link"
    );
}

#[test]
fn output_path_edge_cases_refuse_and_touch_nothing() {
    let site = TestSite::new();
    site.page("a.md", "title: A", "");
    site.file("notes/todo.txt", "mine");
    symlink(site.path("notes"), site.path("notes-link")).unwrap();
    let before = site.snapshot("");
    for out in [
        ".",
        "./.",
        "content",
        "content/..",
        "notes",
        "notes-link",
        "notes/todo.txt",
        "..",
        "content/public",
        "static/out",
        "themes/default/site",
        "templates/../content/x",
        "/",
    ] {
        let run = site.folio(&["build", "-o", out]);
        assert_eq!(run.code(), 1, "-o {out:?} was accepted: {}", run.stderr());
        assert!(
            run.stderr().contains("refusing") || run.stderr().contains("cannot"),
            "-o {out:?}: {}",
            run.stderr()
        );
        assert_eq!(site.snapshot(""), before, "-o {out:?} changed files");
    }
    // A new folder whose parents do not exist yet is created.
    site.folio(&["build", "-o", "deep/er/out"]).ok();
    assert!(site.exists("deep/er/out/index.html"));
}

/// Enough pages that building takes long enough to be killed in the middle.
fn big_site(site: &TestSite, version: &str) {
    // No search index: it would only make the test slower.
    site.file(
        "site.yaml",
        "title: Big\nbase_url: https://example.org\nsearch: false\n",
    );
    let body = format!("{version}\n\n{}", "Words of a long page. ".repeat(100));
    for i in 0..1000 {
        site.page(
            &format!("posts/p{i:04}.md"),
            &format!("title: Post {i}\ndate: 2026-01-01\ntags: [t{}]", i % 40),
            &body,
        );
    }
}

fn staging_dirs(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".folio-staging"))
        .collect()
}

#[test]
fn a_build_killed_midway_leaves_the_previous_output_whole() {
    let site = TestSite::new();
    big_site(&site, "first version");
    site.build().ok();
    let before = site.snapshot("public");
    assert!(before.len() > 1000);

    big_site(&site, "second version");
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("build")
        .current_dir(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has started writing into its staging folder.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut killed_while_staging = false;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build finished ({status}) before it could be killed; make the site bigger");
        }
        let staged = staging_dirs(site.root()).iter().any(|d| {
            walkdir::WalkDir::new(site.path(d))
                .into_iter()
                .nth(20)
                .is_some()
        });
        if staged {
            // SIGKILL: no destructor, no cleanup runs.
            child.kill().unwrap();
            killed_while_staging = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait().unwrap();
    assert!(killed_while_staging, "no staging folder appeared");
    assert_eq!(
        site.snapshot("public"),
        before,
        "the previous output changed"
    );

    // The killed build's staging folder is still there; the next build succeeds and
    // clears it away.
    assert_eq!(staging_dirs(site.root()).len(), 1);
    site.build().ok();
    assert!(
        site.read("public/posts/p0000/index.html")
            .contains("second version")
    );
    assert_eq!(staging_dirs(site.root()), Vec::<String>::new());
}
