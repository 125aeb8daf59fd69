use std::collections::BTreeMap;
use std::path::Path;

use super::*;

struct Links(BTreeMap<&'static str, &'static str>);

impl LinkResolver for Links {
    fn resolve(&self, target: &str) -> Option<String> {
        self.0.get(target).map(|s| s.to_string())
    }
}

fn md(body: &str, safe_html: bool) -> Rendered {
    let highlighter = Highlighter::new("InspiredGitHub", "base16-ocean.dark").unwrap();
    let links = Links(BTreeMap::from([("jobs/smm.md", "/jobs/smm/")]));
    let options = MarkdownOptions {
        slugify: SlugMode::Unicode,
        safe_html,
        highlighter: &highlighter,
        links: &links,
    };
    render(Path::new("content/a.md"), body, 5, &options)
}

#[test]
fn extensions_are_on() {
    let r = md(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] ~~gone~~ \"quoted\"\n\n- [x] done\n\n[^1]: A note.\n",
        false,
    );
    assert!(r.html.contains("<table>"), "{}", r.html);
    assert!(r.html.contains("footnote-definition"), "{}", r.html);
    assert!(r.html.contains("<del>gone</del>"), "{}", r.html);
    assert!(r.html.contains("\u{201c}quoted\u{201d}"), "{}", r.html);
    assert!(r.html.contains("type=\"checkbox\""), "{}", r.html);
}

#[test]
fn headings_get_anchors_and_toc_in_any_script() {
    let r = md("## Мета кампанії\n\n### მიზნები\n\n## ዓላማዎች\n", false);
    assert!(
        r.html.contains(
            "<h2 id=\"мета-кампанії\">Мета кампанії <a class=\"anchor\" href=\"#мета-кампанії\""
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h3 id=\"მიზნები\">"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"ዓላማዎች\">"), "{}", r.html);
    assert_eq!(r.toc.len(), 2);
    assert_eq!(r.toc[0].children[0].title, "მიზნები");
}

#[test]
fn internal_links_resolve_and_broken_ones_are_placed() {
    let r = md(
        "See [the job](@/jobs/smm.md#apply).\n\nAnd [gone](@/jobs/nope.md).\n",
        false,
    );
    assert!(r.html.contains("href=\"/jobs/smm/#apply\""), "{}", r.html);
    assert_eq!(r.links, ["jobs/smm.md"]);
    assert_eq!(r.problems.len(), 1);
    let p = &r.problems[0];
    assert_eq!((p.line, p.column), (Some(7), Some(5)));
    assert!(p.message.contains("@/jobs/nope.md"));
}

#[test]
fn code_is_highlighted() {
    let r = md("```python\nprint('hi')\n```\n", false);
    assert!(r.html.contains("data-lang=\"python\""), "{}", r.html);
    assert!(r.html.contains("hl-"), "{}", r.html);
}

#[test]
fn safe_html_sanitises_raw_html() {
    let raw = md(
        "<script>alert(1)</script>\n\nHi <b onclick=\"x\">there</b> [a](javascript:alert(1))\n\n## Плани\n",
        true,
    );
    assert!(!raw.html.contains("<script"), "{}", raw.html);
    assert!(!raw.html.contains("onclick"), "{}", raw.html);
    assert!(!raw.html.contains("javascript:"), "{}", raw.html);
    assert!(raw.html.contains("<b>there</b>"), "{}", raw.html);
    assert!(raw.html.contains("<h2 id=\"плани\">"), "{}", raw.html);
    let trusted = md("Hi <b onclick=\"x\">there</b>\n", false);
    assert!(trusted.html.contains("<b onclick=\"x\">there</b>"));
}

#[test]
fn footnotes_are_numbered_gathered_and_linked_both_ways() {
    let r = md(
        "## Reach\n\nFirst[^reach], second[^b].\n\n[^b]: Bee.\n\nMiddle text.\n\n[^reach]: Reach note.\n",
        false,
    );
    let html = &r.html;
    assert!(html.contains("<h2 id=\"reach\">"), "{html}");
    assert!(
        html.contains("<sup class=\"footnote-reference\" id=\"fnref:1\"><a href=\"#fn:1\""),
        "{html}"
    );
    assert!(html.contains("id=\"fn:1\""), "{html}");
    assert!(html.contains("href=\"#fnref:2\""), "{html}");
    // Gathered at the end, in reference order, after the body text.
    let end = html
        .find("<section class=\"footnotes\"")
        .expect("footnotes section");
    assert!(html.find("Middle text").unwrap() < end);
    assert!(html.find("Reach note").unwrap() < html.find("Bee.").unwrap());
}

#[test]
fn fragments_are_inline_when_one_paragraph() {
    let highlighter = Highlighter::new("InspiredGitHub", "base16-ocean.dark").unwrap();
    let links = Links(BTreeMap::new());
    let options = MarkdownOptions {
        slugify: SlugMode::Unicode,
        safe_html: false,
        highlighter: &highlighter,
        links: &links,
    };
    let one = render_fragment(
        Path::new("a.md"),
        "Plan **topics** for [x](@/gone.md)",
        7,
        &options,
    );
    assert_eq!(
        one.html,
        "Plan <strong>topics</strong> for <a href=\"@/gone.md\">x</a>"
    );
    assert_eq!(one.problems[0].line, Some(7));
    let two = render_fragment(Path::new("a.md"), "One.\n\nTwo.", 1, &options);
    assert!(two.html.starts_with("<p>One.</p>"), "{}", two.html);
}

#[test]
fn word_count_without_rendering_matches_the_render() {
    let bodies = [
        "# Заголовок ბიუჯეტი\n\nText with `inline code` and **bold** words, [a link](@/jobs/smm.md).\n",
        "```rust\nfn main() { let words = 1; }\n```\n\n- one two\n- three\n\n> ሽያጭ ቡድን\n",
        "Raw <b>html here</b> and <div>block html</div>\n\nText[^1].\n\n[^1]: A note of five words.\n",
        "| a | b |\n|---|---|\n| 1 2 | 3 |\n\n    indented code is not counted\n\nDon't \"quote\" -- me...\n",
    ];
    for body in bodies {
        for safe in [false, true] {
            assert_eq!(
                word_count(body),
                md(body, safe).word_count,
                "{body:?} safe_html={safe}"
            );
        }
    }
}

mod cache {
    use super::*;
    use crate::markdown::cache::MarkdownCache;

    fn options<'a>(highlighter: &'a Highlighter, links: &'a Links) -> MarkdownOptions<'a> {
        MarkdownOptions {
            slugify: SlugMode::Unicode,
            safe_html: false,
            highlighter,
            links,
        }
    }

    const BODY: &str = "## Plan\n\nSee [the job](@/jobs/smm.md).\n\n```rust\nfn main() {}\n```\n";

    #[test]
    fn a_second_render_comes_from_disk_and_equals_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let highlighter = Highlighter::new("InspiredGitHub", "base16-ocean.dark").unwrap();
        let links = Links(BTreeMap::from([("jobs/smm.md", "/jobs/smm/")]));
        let options = options(&highlighter, &links);
        let cache = MarkdownCache::new(dir.path());
        let first = cache.render(Path::new("a.md"), BODY, 3, &options);
        assert_eq!(cache.counts(), (0, 1));
        cache.finish();
        let cache = MarkdownCache::new(dir.path());
        let second = cache.render(Path::new("a.md"), BODY, 3, &options);
        assert_eq!(cache.counts(), (1, 0), "read from the disk");
        assert_eq!(first.html, second.html);
        assert_eq!(first.toc, second.toc);
        assert_eq!(first.word_count, second.word_count);
        assert_eq!(first.links, second.links);
        assert!(first.html.contains("href=\"/jobs/smm/\""), "{}", first.html);
    }

    #[test]
    fn a_moved_link_target_or_other_options_miss_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let highlighter = Highlighter::new("InspiredGitHub", "base16-ocean.dark").unwrap();
        let cache = MarkdownCache::new(dir.path());
        let before = Links(BTreeMap::from([("jobs/smm.md", "/jobs/smm/")]));
        cache.render(Path::new("a.md"), BODY, 3, &options(&highlighter, &before));
        let after = Links(BTreeMap::from([("jobs/smm.md", "/work/smm/")]));
        let moved = cache.render(Path::new("a.md"), BODY, 3, &options(&highlighter, &after));
        assert!(moved.html.contains("href=\"/work/smm/\""), "{}", moved.html);
        let mut safe = options(&highlighter, &after);
        safe.safe_html = true;
        let raw = "<b onclick=\"steal()\">x</b>\n";
        let trusted = cache.render(Path::new("a.md"), raw, 3, &options(&highlighter, &after));
        assert!(trusted.html.contains("onclick"), "{}", trusted.html);
        let shown = cache.render(Path::new("a.md"), raw, 3, &safe);
        assert!(!shown.html.contains("onclick"), "{}", shown.html);
        assert!(shown.html.contains("<b>x</b>"), "{}", shown.html);
    }

    #[test]
    fn bodies_with_problems_are_not_stored_and_finishing_keeps_only_used_entries() {
        let dir = tempfile::tempdir().unwrap();
        let highlighter = Highlighter::new("InspiredGitHub", "base16-ocean.dark").unwrap();
        let links = Links(BTreeMap::new());
        let options = options(&highlighter, &links);
        let render = |body: &str| {
            let cache = MarkdownCache::new(dir.path());
            let rendered = cache.render(Path::new("a.md"), body, 3, &options);
            let counts = cache.counts();
            cache.finish();
            (rendered, counts)
        };
        let (broken, _) = render(BODY);
        assert_eq!(broken.problems.len(), 1);
        assert_eq!(render(BODY).1, (0, 1), "a body with problems is not stored");
        assert_eq!(render("old text\n").1, (0, 1));
        assert_eq!(render("old text\n").1, (1, 0));
        assert_eq!(render("new text\n").1, (0, 1));
        assert_eq!(render("new text\n").1, (1, 0));
        assert_eq!(
            render("old text\n").1,
            (0, 1),
            "dropped by the build before"
        );
    }
}

#[test]
fn task_list_checkboxes_are_labelled_by_their_item_text() {
    let r = md(
        "- [x] Brief **signed**\n- [ ] Launch\n  - [ ] Nested step\n\n1. [ ] Loose\n\n2. [x] Two\n",
        false,
    );
    let html = &r.html;
    assert!(
        html.contains(
            "<li><label class=\"task\"><input type=\"checkbox\" disabled checked> Brief <strong>signed</strong></label></li>"
        ),
        "{html}"
    );
    // A nested list stays outside the label of its item.
    assert!(
        html.contains(
            "<label class=\"task\"><input type=\"checkbox\" disabled> Launch</label>\n<ul>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<p><label class=\"task\"><input type=\"checkbox\" disabled> Loose</label></p>"
        ),
        "{html}"
    );
    assert_eq!(html.matches("<label").count(), 5, "{html}");
    assert_eq!(html.matches("</label>").count(), 5, "{html}");
    // The sanitiser keeps the label and the disabled checkbox.
    let safe = md("- [x] Done\n", true).html;
    assert!(
        safe.contains("<label class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\"> Done</label>"),
        "{safe}"
    );
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        "   ",
        "one",
        " two  words ",
        "tab\tvertical\x0Bform\x0Cfeed\rline\nend",
        "control\x1Fcharacters\x1Care not spaces",
        "Бюджет кампанії ბიუჯეტი ሽያጭ",
        "no\u{a0}break and\u{3000}ideographic",
    ] {
        assert_eq!(
            count_words(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn any_text_has_the_word_count_of_split_whitespace(text in "[ a-z\\t\\n\\x0B\\x0C\\r\\x1F.,\u{a0}ж]{0,40}") {
        proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
    }
}
