//! The output directory: nothing lost, nothing half written, nothing deleted that
//! folio did not write.

use crate::harness::TestSite;

#[test]
fn a_failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let site = TestSite::new();
    site.page("a.md", "title: A", "first");
    site.build().ok();
    let before = site.snapshot("public");
    site.page("a.md", "title: A", "second version")
        .page("b.md", "titel: broken", "");
    site.build().fails();
    assert_eq!(
        site.snapshot("public"),
        before,
        "output changed by a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".folio-staging")
        })
        .collect();
    assert!(leftovers.is_empty(), "staging directory left behind");
}

#[test]
fn user_files_survive_and_stale_files_go() {
    let site = TestSite::new();
    site.page("old.md", "title: Old", "")
        .page("keep.md", "title: Keep", "");
    site.build().ok();
    site.file("public/CNAME", "folio.example.org\n");
    site.file("public/old/notes.txt", "mine");
    std::fs::remove_file(site.path("content/old.md")).unwrap();
    site.build().ok();
    assert_eq!(site.read("public/CNAME"), "folio.example.org\n");
    assert_eq!(
        site.read("public/old/notes.txt"),
        "mine",
        "a user's file in a stale folder stays"
    );
    assert!(
        !site.exists("public/old/index.html"),
        "the removed page's output is gone"
    );
    assert!(site.exists("public/keep/index.html"));
    let manifest = site.read("public/.folio-manifest");
    assert!(manifest.contains("keep/index.html"));
    assert!(!manifest.contains("CNAME"));
}

#[test]
fn empty_folders_of_removed_pages_are_cleaned() {
    let site = TestSite::new();
    site.page("deep/gone.md", "title: Gone", "");
    site.build().ok();
    assert!(site.exists("public/deep/gone/index.html"));
    std::fs::remove_file(site.path("content/deep/gone.md")).unwrap();
    site.build().ok();
    assert!(!site.exists("public/deep"), "{:?}", site.tree("public"));
}

#[test]
fn refuses_a_non_empty_directory_it_did_not_create() {
    let site = TestSite::new();
    site.file("precious/thesis.docx", "years of work");
    let err = site.folio(&["build", "-o", "precious"]).fails();
    assert!(
        err.contains("refusing to write into a non-empty directory"),
        "{err}"
    );
    assert_eq!(site.tree("precious"), ["thesis.docx"]);
    // An empty directory is fine, and so is one folio built before.
    std::fs::create_dir_all(site.path("fresh")).unwrap();
    site.folio(&["build", "-o", "fresh"]).ok();
    site.folio(&["build", "-o", "fresh"]).ok();
    assert!(site.exists("fresh/index.html"));
}

#[test]
fn refuses_the_site_root_as_output() {
    let site = TestSite::new();
    let err = site.folio(&["build", "-o", "."]).fails();
    assert!(err.contains("refusing"), "{err}");
    assert!(site.exists("content/_index.md"));
    assert!(!site.exists("index.html"));
}

#[test]
fn output_elsewhere() {
    let site = TestSite::new();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("nested/site");
    site.folio(&["build", "-o", target.to_str().unwrap()]).ok();
    assert!(target.join("index.html").is_file());
    assert!(!site.exists("public"));
}
