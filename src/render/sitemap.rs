//! `sitemap.xml`: every page, section, taxonomy and term page. The sitemap protocol
//! allows 50,000 URLs and 50 MB (uncompressed) a file; a larger site gets numbered
//! sitemaps (`sitemap-1.xml`, …) and `sitemap.xml` becomes their sitemap index, so
//! `robots.txt` names the same file either way.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};

use super::feeds::alternates;
use crate::markdown::escape_html;
use crate::site::Site;

/// What one sitemap file may hold.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub urls: usize,
    pub bytes: usize,
}

/// The protocol's limits.
pub(crate) const LIMITS: Limits = Limits {
    urls: 50_000,
    bytes: 50 * 1024 * 1024,
};

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// The sitemap files of `site`: (output path, XML).
pub(crate) fn sitemaps(site: &Site) -> Vec<(String, String)> {
    write_sitemaps(&url_entries(site), LIMITS, &|path| site.permalink(path))
}

/// Every URL of the site as a `<url>` element, sorted by location, with `lastmod`
/// where known and, for translated pages, an `xhtml:link` alternate per language.
fn url_entries(site: &Site) -> Vec<String> {
    struct Entry<'a> {
        loc: String,
        lastmod: Option<DateTime<FixedOffset>>,
        key: Option<&'a str>,
    }
    let mut urls: Vec<Entry<'_>> = Vec::new();
    for section in site.sections.values() {
        urls.push(Entry {
            loc: site.permalink(&section.path),
            lastmod: None,
            key: Some(&section.translation_key),
        });
    }
    for page in site.pages.values().filter(|p| p.listed()) {
        let lastmod = page.meta.updated.or(page.date()).map(|d| d.0);
        // A closed posting changed on the day it closed.
        let lastmod = lastmod.max(crate::kinds::job::closed_on(page));
        urls.push(Entry {
            loc: site.permalink(&page.path),
            lastmod,
            key: Some(&page.translation_key),
        });
    }
    for taxonomy in site.taxonomies.iter().filter(|t| !t.terms.is_empty()) {
        let terms = taxonomy.terms.values().map(|term| &term.path);
        for path in std::iter::once(&taxonomy.path).chain(terms) {
            urls.push(Entry {
                loc: site.permalink(path),
                lastmod: None,
                key: None,
            });
        }
    }
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    // An unlisted page is named nowhere in the sitemap, not even as an alternate.
    let unlisted: BTreeSet<String> = site
        .pages
        .values()
        .filter(|p| !p.listed())
        .map(|p| site.permalink(&p.path))
        .collect();
    urls.into_iter()
        .map(|entry| {
            let mut xml = format!("  <url>\n    <loc>{}</loc>\n", escape_html(&entry.loc));
            if let Some(date) = entry.lastmod {
                xml.push_str(&format!(
                    "    <lastmod>{}</lastmod>\n",
                    date.format("%Y-%m-%d")
                ));
            }
            let versions = entry.key.map(|k| alternates(site, k)).unwrap_or_default();
            for (lang, permalink) in versions.into_iter().filter(|(_, p)| !unlisted.contains(p)) {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>\n",
                    escape_html(&permalink)
                ));
            }
            xml.push_str("  </url>\n");
            xml
        })
        .collect()
}

/// The sitemap files of these `<url>` elements: `sitemap.xml` alone when they fit in
/// one file, else `sitemap-1.xml`, `sitemap-2.xml`, … each within `limits` and
/// `sitemap.xml` their index (`permalink` makes a file's absolute URL of its path).
pub(crate) fn write_sitemaps(
    urls: &[String],
    limits: Limits,
    permalink: &dyn Fn(&str) -> String,
) -> Vec<(String, String)> {
    let chunks = split(urls, limits);
    if chunks.len() <= 1 {
        return vec![("sitemap.xml".to_string(), urlset(urls))];
    }
    let mut files = Vec::with_capacity(chunks.len() + 1);
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in chunks.iter().enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!(
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>\n",
            escape_html(&permalink(&format!("/{name}")))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_string(), index));
    files
}

/// `urls` in runs that each fit in one sitemap file.
fn split(urls: &[String], limits: Limits) -> Vec<&[String]> {
    let room = limits
        .bytes
        .saturating_sub(URLSET_OPEN.len() + URLSET_CLOSE.len());
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, url) in urls.iter().enumerate() {
        let full = i - start >= limits.urls || bytes + url.len() > room;
        if full && i > start {
            chunks.push(&urls[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += url.len();
    }
    if start < urls.len() || chunks.is_empty() {
        chunks.push(&urls[start..]);
    }
    chunks
}

fn urlset(urls: &[String]) -> String {
    let size: usize = urls.iter().map(String::len).sum();
    let mut xml = String::with_capacity(URLSET_OPEN.len() + size + URLSET_CLOSE.len());
    xml.push_str(URLSET_OPEN);
    for url in urls {
        xml.push_str(url);
    }
    xml.push_str(URLSET_CLOSE);
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(count: usize) -> Vec<String> {
        (0..count)
            .map(|i| format!("  <url>\n    <loc>https://example.org/p/{i:06}/</loc>\n  </url>\n"))
            .collect()
    }

    fn permalink(path: &str) -> String {
        format!("https://example.org{path}")
    }

    /// The `<loc>` values of a sitemap file, read with an XML parser.
    fn locs(xml: &str) -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let (mut locs, mut in_loc) = (Vec::new(), false);
        loop {
            match reader.read_event().expect("well-formed XML") {
                quick_xml::events::Event::Start(e) => in_loc = e.name().as_ref() == b"loc",
                quick_xml::events::Event::Text(t) if in_loc => {
                    locs.push(t.decode().expect("text").into_owned());
                }
                quick_xml::events::Event::End(_) => in_loc = false,
                quick_xml::events::Event::Eof => return locs,
                _ => {}
            }
        }
    }

    #[test]
    fn a_site_within_the_limits_has_one_sitemap() {
        let files = write_sitemaps(&urls(50_000), LIMITS, &permalink);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].0, "sitemap.xml");
        assert!(files[0].1.contains("<urlset "));
        assert_eq!(locs(&files[0].1).len(), 50_000);
    }

    #[test]
    fn a_hundred_thousand_urls_get_a_sitemap_index() {
        let all = urls(100_000);
        let files = write_sitemaps(&all, LIMITS, &permalink);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        let (_, index) = &files[0];
        assert!(index.contains("<sitemapindex "), "{index}");
        assert_eq!(
            locs(index),
            [
                "https://example.org/sitemap-1.xml",
                "https://example.org/sitemap-2.xml"
            ]
        );
        // Every URL once, in order, no file over the limits.
        let mut listed = Vec::new();
        for (_, xml) in &files[1..] {
            let locs = locs(xml);
            assert!(locs.len() <= 50_000, "{}", locs.len());
            assert!(xml.len() <= LIMITS.bytes);
            listed.extend(locs);
        }
        let expected: Vec<String> = (0..100_000)
            .map(|i| format!("https://example.org/p/{i:06}/"))
            .collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn a_sitemap_over_the_size_limit_is_split_too() {
        // 1,000 URLs of 62 bytes (62 kB) in files of at most 20,000 bytes.
        let limits = Limits {
            urls: 50_000,
            bytes: 20_000,
        };
        let all = urls(1_000);
        let files = write_sitemaps(&all, limits, &permalink);
        assert_eq!(files.len(), 1 + 4, "an index and four sitemaps");
        let mut count = 0;
        for (name, xml) in &files[1..] {
            assert!(xml.len() <= limits.bytes, "{name}: {} bytes", xml.len());
            count += locs(xml).len();
        }
        assert_eq!(count, 1_000);
    }
}
