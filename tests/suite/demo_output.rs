//! What a reader and a feed reader get from the whole demo output: feeds in their
//! language that link to themselves and their page, internal links that all lead to a
//! written file, images that all carry their size.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use atom_syndication::Feed;
use regex::Regex;

use crate::demo::build_demo;
use crate::harness::TODAY;

const ORIGIN: &str = "https://folio.example.org";

/// Every file under `dir`, as paths relative to it with `/` separators.
pub(crate) fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy();
                out.push(rel.replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn link_of<'a>(feed: &'a Feed, rel: &str) -> &'a str {
    let link = feed.links().iter().find(|l| l.rel() == rel);
    link.unwrap_or_else(|| panic!("no {rel} link")).href()
}

#[test]
fn every_feed_is_in_its_language_and_links_to_itself_and_its_page() {
    let (_out, public) = build_demo(TODAY, &[]);
    let feeds: Vec<String> = files_under(&public)
        .into_iter()
        .filter(|f| f.ends_with("atom.xml"))
        .collect();
    assert!(feeds.contains(&"uk/jobs/atom.xml".to_string()), "{feeds:?}");
    for rel in &feeds {
        let text = std::fs::read_to_string(public.join(rel)).unwrap();
        let feed: Feed = text.parse().unwrap_or_else(|e| panic!("{rel}: {e}"));
        let lang = match rel.split_once('/') {
            Some((first, _)) if first.len() == 2 => first,
            _ => "en",
        };
        assert_eq!(feed.lang(), Some(lang), "{rel}");
        assert_eq!(link_of(&feed, "self"), format!("{ORIGIN}/{rel}"), "{rel}");
        let page = format!("{ORIGIN}/{}", rel.trim_end_matches("atom.xml"));
        assert_eq!(link_of(&feed, "alternate"), page, "{rel}");
        // The page the feed follows was written.
        let page_file = public
            .join(rel.trim_end_matches("atom.xml"))
            .join("index.html");
        assert!(page_file.is_file(), "{rel}: {page_file:?}");
    }
    let uk: Feed = std::fs::read_to_string(public.join("uk/atom.xml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(uk.title().as_str(), "Олена Коваленко");
    assert!(
        uk.subtitle()
            .unwrap()
            .as_str()
            .starts_with("Портфоліо Олени"),
        "the language's description: {:?}",
        uk.subtitle()
    );
    let uk_jobs: Feed = std::fs::read_to_string(public.join("uk/jobs/atom.xml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(uk_jobs.title().as_str(), "Олена Коваленко: Вакансії");
    let en_jobs: Feed = std::fs::read_to_string(public.join("jobs/atom.xml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(en_jobs.title().as_str(), "Olena Kovalenko: Jobs");
    assert!(
        en_jobs
            .subtitle()
            .unwrap()
            .as_str()
            .starts_with("Portfolio of")
    );
}

/// The internal URLs (rooted or relative) of an HTML page's `href`, `src` and
/// `srcset` attributes.
fn internal_urls(html: &str) -> Vec<String> {
    let attr = Regex::new(r#"\s(href|src|srcset)="([^"]*)""#).unwrap();
    let mut urls = Vec::new();
    for found in attr.captures_iter(html) {
        let value = found[2].replace("&amp;", "&");
        let candidates: Vec<String> = if &found[1] == "srcset" {
            value
                .split(',')
                .filter_map(|c| c.split_whitespace().next().map(str::to_string))
                .collect()
        } else {
            vec![value]
        };
        for url in candidates {
            let url = url.strip_prefix(ORIGIN).unwrap_or(&url).to_string();
            let elsewhere = url.starts_with("//") || url.starts_with('#') || url.contains(':');
            if !url.is_empty() && !elsewhere {
                urls.push(url);
            }
        }
    }
    urls
}

/// The written file an internal URL of the page `page` (relative to the output)
/// leads to, if any.
fn target_of(public: &Path, page: &str, url: &str) -> Option<PathBuf> {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let folder = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut file = match decoded.strip_prefix('/') {
        Some(rooted) => public.join(rooted),
        None => public.join(folder).join(decoded.as_ref()),
    };
    if decoded.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

#[test]
fn every_internal_link_of_the_demo_leads_to_a_written_file() {
    let (_out, public) = build_demo(TODAY, &["--no-minify"]);
    let mut broken = BTreeSet::new();
    let mut checked = 0;
    for rel in files_under(&public)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        // Pagefind's own UI is loaded by script, not linked.
        .filter(|f| !f.starts_with("pagefind/"))
    {
        let html = std::fs::read_to_string(public.join(&rel)).unwrap();
        for url in internal_urls(&html) {
            checked += 1;
            if target_of(&public, &rel, &url).is_none() {
                broken.insert(format!("{rel}: {url}"));
            }
        }
    }
    assert!(checked > 1000, "links were found: {checked}");
    assert!(broken.is_empty(), "broken internal links:\n{broken:#?}");
}

#[test]
fn every_image_of_the_demo_has_its_width_and_height() {
    let (_out, public) = build_demo(TODAY, &["--no-minify"]);
    let img = Regex::new(r"<img\b[^>]*>").unwrap();
    let sized = Regex::new(r#"\swidth="[1-9][0-9]*"[^>]*\sheight="[1-9][0-9]*""#).unwrap();
    let mut without_size = Vec::new();
    let mut seen = 0;
    for rel in files_under(&public)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = std::fs::read_to_string(public.join(&rel)).unwrap();
        // Those placed from front matter and templates, and those a Markdown body names.
        for tag in img.find_iter(&html) {
            seen += 1;
            if !sized.is_match(tag.as_str()) {
                without_size.push(format!("{rel}: {}", tag.as_str()));
            }
        }
    }
    // The case study's SVG cover, in both languages, and its card.
    let cover =
        std::fs::read_to_string(public.join("uk/case-studies/hlyna-eu-growth/index.html")).unwrap();
    assert!(
        cover.contains(
            r#"src="/uk/case-studies/hlyna-eu-growth/cover-uk.svg" width="1200" height="630""#
        ),
        "the SVG cover's own size"
    );
    // An image of a Markdown body, in the page bundle, measured from its file.
    let strategy =
        std::fs::read_to_string(public.join("strategy/kyiv-coffee-launch/index.html")).unwrap();
    assert!(
        strategy.contains(r#"<img width="480" height="300" src="reach-chart.svg""#),
        "the body's chart has its size"
    );
    assert!(seen > 10, "images were found: {seen}");
    assert!(
        without_size.is_empty(),
        "images without a size:\n{without_size:#?}"
    );
}
