//! The YAML mistakes writers make most, as `folio build` explains them: what went
//! wrong in a writer's words, a help line with the fix, the place said once.

use crate::harness::{TODAY, TestSite};

fn said(front_matter: &str) -> String {
    let site = TestSite::new();
    site.file("content/a.md", &format!("---\n{front_matter}---\nText.\n"));
    site.build_on(TODAY).fails()
}

#[test]
fn a_colon_in_a_value_gets_the_line_rewritten_with_quotes() {
    let err = said("title: SMM: the role we need\n");
    assert!(err.contains("content/a.md:2:11"), "{err}");
    assert!(err.contains("the value of `title` contains `: `"), "{err}");
    assert!(
        err.contains("put the value in quotes: title: \"SMM: the role we need\""),
        "{err}"
    );
}

#[test]
fn a_tab_in_an_indent_says_to_use_spaces_and_its_place_once() {
    let err = said("title: T\ntags:\n\t- a\n");
    assert!(err.contains("error: a tab in the indent\n"), "{err}");
    assert!(err.contains("content/a.md:4:1"), "{err}");
    assert!(err.contains("replace the tab with spaces"), "{err}");
    assert!(
        !err.contains("at line 4"),
        "the place is said twice:\n{err}"
    );
}

#[test]
fn a_list_item_at_the_wrong_indent_is_named() {
    let err = said("title: T\ntags:\n  - a\n - b\n");
    assert!(
        err.contains("error: a list item at the wrong indent"),
        "{err}"
    );
    assert!(err.contains("content/a.md:5:2"), "{err}");
    assert!(err.contains("indented 2 spaces, this one 1"), "{err}");
}

#[test]
fn a_value_that_is_not_a_date_gets_the_format() {
    let err = said("title: T\nkind: campaign\nstart: next week\n");
    assert!(err.contains("`next week` is not a date (`start`)"), "{err}");
    assert!(err.contains("content/a.md:4:8"), "{err}");
    assert!(err.contains("write the day as YYYY-MM-DD"), "{err}");
}
