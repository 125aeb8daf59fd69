//! Big input builds without a stack overflow or quadratic time: a 20 MB Markdown file,
//! 10,000 headings (most of them alike), a list nested 100 levels deep. No timing
//! asserts: a quadratic step would take minutes, not seconds.

use crate::harness::{TestSite, main_of};

fn site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Big\nbase_url: https://example.org\nsearch: false\n",
    );
    site
}

#[test]
fn a_20_mb_markdown_file_builds() {
    let site = site();
    let paragraph = "Стратегія **соцмереж** для _бренду_ з [посиланням](https://example.com) і `кодом`. \
                     Sociālo mediju stratēģija. მარკეტინგის სტრატეგია. የማህበራዊ ሚዲያ ስልት።\n\n";
    let mut body = String::with_capacity(21 << 20);
    let mut n = 0;
    while body.len() < 20 << 20 {
        if n % 200 == 0 {
            body.push_str(&format!("## Розділ {n}\n\n"));
        }
        body.push_str(paragraph);
        n += 1;
    }
    site.page("big.md", "title: Big\ntoc: true", &body);
    site.build().ok();
    let html = site.read("public/big/index.html");
    assert!(html.len() > 20 << 20, "{} bytes", html.len());
    assert!(html.contains("id=\"розділ-0\""));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn ten_thousand_headings_get_unique_ids() {
    let site = site();
    let mut body = String::new();
    for i in 0..10_000 {
        // Mostly the same title, as in a long log: the repeat counter must not rescan.
        let title = if i % 10 == 0 {
            format!("Week {i}")
        } else {
            "Same".to_string()
        };
        body.push_str(&format!("{} {title}\n\nText.\n\n", "#".repeat(2 + i % 3)));
    }
    site.page("many.md", "title: Many\ntoc: true", &body);
    site.build().ok();
    let html = site.read("public/many/index.html");
    let main = main_of(&html);
    assert!(main.contains("id=\"same\""));
    assert!(main.contains("id=\"same-8999\""), "the 9,000th repeat");
    assert!(!main.contains("id=\"same-9000\""));
    let ids: Vec<&str> = main
        .match_indices(" id=\"")
        .map(|(i, _)| {
            let rest = &main[i + 5..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids");
    assert!(ids.len() >= 10_000);
}

#[test]
fn a_list_nested_100_levels_deep_builds() {
    let site = site();
    let mut body = String::new();
    for depth in 0..100 {
        body.push_str(&format!("{}- level {depth}\n", "  ".repeat(depth)));
    }
    let mut quotes = String::new();
    for depth in 1..=100 {
        quotes.push_str(&format!("{} quote {depth}\n", ">".repeat(depth)));
    }
    site.page("deep.md", "title: Deep", &format!("{body}\n\n{quotes}"));
    // The same depth in front matter, rendered by a job's list items.
    let mut yaml = String::from("responsibilities:\n");
    for depth in 0..100 {
        let pad = "  ".repeat(depth * 2);
        yaml.push_str(&format!("{pad}  - \"level {depth}\":\n"));
    }
    yaml.push_str(&format!("{}  - leaf\n", "  ".repeat(200)));
    site.page(
        "jobs/deep.md",
        &format!(
            "title: Deep job\nkind: job\ndate: 2026-11-10\nvalid_through: 2099-01-15\n\
             employment_type: FULL_TIME\ncompany: {{name: Teplo}}\nlocation: {{city: Kyiv, country: UA}}\n\
             apply: {{email: a@b.c}}\n{yaml}"
        ),
        "",
    );
    // Front matter this deep is refused with a clear error, not a crash.
    let err = site.build().fails();
    assert!(err.contains("content/jobs/deep.md:74:"), "{err}");
    assert!(err.contains("nests too deep"), "{err}");
    std::fs::remove_file(site.path("content/jobs/deep.md")).unwrap();
    site.build().ok();
    let html = site.read("public/deep/index.html");
    assert!(html.contains("level 99"));
    assert!(html.contains("quote 100"));
    assert_eq!(html.matches("<ul>").count(), 100);
}

#[test]
fn a_tag_of_300_characters_makes_a_short_enough_folder() {
    let site = site();
    let tag = "соцмережі ".repeat(30);
    site.page("a.md", &format!("title: A\ntags: [\"{tag}\"]"), "");
    site.build().ok();
    let term = site
        .tree("public/tags")
        .into_iter()
        .find(|f| f.ends_with("/index.html"))
        .expect("a term page");
    let folder = term.split('/').next().unwrap();
    assert!(folder.len() <= 200, "{} bytes", folder.len());
}
