//! Markdown bodies and front matter fragments through our extensions: heading ids and
//! the table of contents, footnotes, highlighted code, `@/` links, and the sanitiser.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use folio::fuzzing::{Highlighter, LinkResolver, MarkdownOptions, render, render_fragment};
use folio::fuzzing::SlugMode;
use libfuzzer_sys::fuzz_target;

static HIGHLIGHTER: LazyLock<Highlighter> =
    LazyLock::new(|| Highlighter::new("InspiredGitHub", "base16-ocean.dark").unwrap());

/// Two content files exist: `about.md` and `jobs/smm.md`.
struct Links;

impl LinkResolver for Links {
    fn resolve(&self, target: &str) -> Option<String> {
        match target {
            "about.md" => Some("/about/".into()),
            "jobs/smm.md" => Some("/jobs/smm/".into()),
            _ => None,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&switches, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let options = MarkdownOptions {
        slugify: if switches & 1 == 0 {
            SlugMode::Unicode
        } else {
            SlugMode::Transliterate
        },
        safe_html: switches & 2 != 0,
        highlighter: &HIGHLIGHTER,
        links: &Links,
    };
    let file = Path::new("content/a.md");
    let rendered = if switches & 4 == 0 {
        render(file, text, 5, &options)
    } else {
        render_fragment(file, text, 5, &options)
    };
    if options.safe_html {
        assert!(!rendered.html.contains("<script"), "{}", rendered.html);
    }
    for problem in &rendered.problems {
        assert!(problem.line.is_some_and(|l| l >= 5));
    }
});
