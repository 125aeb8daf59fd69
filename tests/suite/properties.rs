//! Property tests: a slug of any text is a safe path segment, and no relative path
//! joined to the output root leaves it.

use std::path::{Component, Path};

use folio::fuzzing::{MAX_SLUG_BYTES, SlugMode, is_safe_segment, safe_join, slugify, slugify_lang};
use proptest::prelude::*;

/// Text in the scripts folio's users write, with punctuation, separators, dots,
/// controls and the odd emoji or combining mark mixed in.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\p{Cyrillic}\\p{Latin}\\p{Georgian}\\p{Ethiopic}\\p{Arabic}\\p{Hebrew}0-9 .,:;!?/\\\\\\x00-\\x1f\\u{7f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{0300}-\\u{036f}\\u{1f600}-\\u{1f64f}-]{0,400}",
        "(\\.|\\.\\.|/|\\\\|~|-| )*",
    ]
}

fn assert_safe(slug: &str, input: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        slug.is_empty() || is_safe_segment(slug),
        "{slug:?} from {input:?}"
    );
    prop_assert!(!slug.contains(['/', '\\', '\0']), "{slug:?}");
    prop_assert!(slug != "." && slug != "..", "{slug:?}");
    prop_assert!(
        !slug.chars().any(char::is_control),
        "{slug:?} from {input:?}"
    );
    prop_assert!(slug.len() <= MAX_SLUG_BYTES, "{} bytes", slug.len());
    prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug:?}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn slugs_are_safe_path_segments(input in text()) {
        for mode in [SlugMode::Unicode, SlugMode::Transliterate] {
            assert_safe(&slugify(&input, mode), &input)?;
            for lang in [Some("uk"), Some("bg"), Some("lv"), Some("ka"), Some("am"), Some("ar"), None] {
                let slug = slugify_lang(&input, mode, lang);
                assert_safe(&slug, &input)?;
                if mode == SlugMode::Transliterate {
                    prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{slug:?}");
                }
            }
        }
    }

    #[test]
    fn safe_join_never_leaves_the_root(rel in prop_oneof![
        any::<String>(),
        "(\\.\\.|\\.|/|\\\\|a|b|\\x00|C:|~)*",
        "(/?(\\.\\.|[a-zа-я]{1,3})){0,8}/?",
    ]) {
        let root = Path::new("/srv/site/public");
        if let Ok(joined) = safe_join(root, &rel) {
            prop_assert!(joined.starts_with(root), "{rel:?} -> {}", joined.display());
            let below = joined.strip_prefix(root).unwrap();
            prop_assert!(
                below.components().all(|c| matches!(c, Component::Normal(_))),
                "{rel:?} -> {}", joined.display()
            );
            prop_assert!(!joined.to_string_lossy().contains('\0'));
        }
    }
}

#[test]
fn long_titles_make_bounded_slugs() {
    let long = "Стратегія ".repeat(100);
    let slug = slugify(&long, SlugMode::Unicode);
    assert!(
        slug.len() <= MAX_SLUG_BYTES && slug.len() > MAX_SLUG_BYTES - 30,
        "{}",
        slug.len()
    );
    assert!(slug.starts_with("стратегія-стратегія"));
    assert!(!slug.ends_with('-'));
}
