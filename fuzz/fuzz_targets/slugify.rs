//! Slugs of arbitrary text in both modes and every language hint: always a safe path
//! segment (or empty, which callers turn into an error or a fallback).
#![no_main]

use folio::fuzzing::{SlugMode, is_safe_segment, slugify, slugify_lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for mode in [SlugMode::Unicode, SlugMode::Transliterate] {
        let mut slugs = vec![slugify(text, mode)];
        for lang in [
            Some("uk"),
            Some("bg-BG"),
            Some("ka"),
            Some("am"),
            Some("lv"),
            None,
        ] {
            slugs.push(slugify_lang(text, mode, lang));
        }
        for slug in slugs {
            assert!(slug.is_empty() || is_safe_segment(&slug), "{slug:?}");
            assert!(!slug.chars().any(char::is_control), "{slug:?}");
            assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug:?}");
            if mode == SlugMode::Transliterate {
                assert!(
                    slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
                    "{slug:?}"
                );
            }
        }
    }
});
