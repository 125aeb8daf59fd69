//! Render stage: machine-readable outputs — the Atom feed, the sitemap and robots.txt.

use std::collections::BTreeMap;

use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, Utc};

use crate::kinds::Kind;
use crate::markdown::Rendered;
use crate::site::{Page, Site};

/// How many of the newest pages the feed carries.
pub const FEED_ENTRIES: usize = 50;

/// The site's Atom feed: the newest dated pages with their full content.
pub fn atom(site: &Site, bodies: &BTreeMap<String, Rendered>) -> String {
    let pages: Vec<&Page> = site
        .pages_by_date()
        .into_iter()
        .filter(|p| p.date().is_some())
        .take(FEED_ENTRIES)
        .collect();
    atom_of(site, &pages, bodies, "/atom.xml", &site.config.title)
}

/// An Atom feed of `pages` (already chosen and ordered), served at `self_path`.
pub fn atom_of(
    site: &Site,
    pages: &[&Page],
    bodies: &BTreeMap<String, Rendered>,
    self_path: &str,
    title: &str,
) -> String {
    let updated_of = |p: &Page| p.meta.updated.or(p.date()).map(|d| d.0);
    let epoch = || DateTime::<Utc>::UNIX_EPOCH.fixed_offset();
    let newest = pages
        .iter()
        .filter_map(|p| updated_of(p))
        .max()
        .unwrap_or_else(epoch);
    let entries: Vec<Entry> = pages
        .iter()
        .map(|page| {
            let permalink = site.permalink(&page.path);
            let mut entry = Entry {
                title: Text::plain(page.meta.title.clone()),
                id: permalink.clone(),
                updated: updated_of(page).unwrap_or_else(epoch),
                published: page.date().map(|d| d.0),
                links: vec![link(&permalink, "alternate")],
                summary: page.meta.description.clone().map(Text::plain),
                ..Default::default()
            };
            if let Some(rendered) = bodies.get(&page.id) {
                // Links in the body are relative to the page (bundle images) or the
                // site root: xml:base lets feed readers resolve both.
                entry.content = Some(Content {
                    value: Some(rendered.html.clone()),
                    content_type: Some("html".into()),
                    base: Some(permalink.clone()),
                    ..Default::default()
                });
            }
            entry
        })
        .collect();
    let authors = site
        .config
        .author
        .as_ref()
        .map(|a| {
            vec![Person {
                name: a.name.clone(),
                email: a.email.clone(),
                ..Default::default()
            }]
        })
        .unwrap_or_default();
    let feed = Feed {
        title: Text::plain(title.to_string()),
        id: site.permalink(self_path),
        base: Some(site.permalink("/")),
        updated: newest,
        authors,
        links: vec![
            link(&site.permalink("/atom.xml"), "self"),
            link(&site.permalink("/"), "alternate"),
        ],
        subtitle: site.config.description.clone().map(Text::plain),
        lang: Some(site.config.default_language.clone()),
        entries,
        ..Default::default()
    };
    feed.to_string()
}

fn link(href: &str, rel: &str) -> Link {
    Link {
        href: href.to_string(),
        rel: rel.to_string(),
        ..Default::default()
    }
}

/// `sitemap.xml`: every page, section, taxonomy and term page, with `lastmod` where known.
pub fn sitemap(site: &Site) -> String {
    let mut urls: Vec<(String, Option<DateTime<FixedOffset>>)> = Vec::new();
    for section in site.sections.values() {
        urls.push((site.permalink(&section.path), None));
    }
    for page in site.pages.values() {
        urls.push((
            site.permalink(&page.path),
            page.meta.updated.or(page.date()).map(|d| d.0),
        ));
    }
    for taxonomy in &site.taxonomies {
        if taxonomy.terms.is_empty() {
            continue;
        }
        urls.push((site.permalink(&taxonomy.path), None));
        for term in taxonomy.terms.values() {
            urls.push((site.permalink(&term.path), None));
        }
    }
    urls.sort();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in urls {
        xml.push_str("  <url>\n    <loc>");
        xml.push_str(&crate::markdown::escape_html(&loc));
        xml.push_str("</loc>\n");
        if let Some(date) = lastmod {
            xml.push_str(&format!(
                "    <lastmod>{}</lastmod>\n",
                date.format("%Y-%m-%d")
            ));
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink("/sitemap.xml")
    )
}

/// A page that sends visitors of an old URL (an alias) to the new one.
pub fn redirect(to: &str) -> String {
    let to = crate::markdown::escape_html(to);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redirect</title>\
         <link rel=\"canonical\" href=\"{to}\"><meta name=\"robots\" content=\"noindex\">\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\"></head>\
         <body><a href=\"{to}\">{to}</a></body></html>\n"
    )
}

/// `jobs.json`: every open posting, in every language, for job boards.
pub fn jobs_json(site: &Site) -> String {
    let jobs: Vec<serde_json::Value> = site
        .pages_by_date()
        .into_iter()
        .filter(|p| matches!(&p.kind, Kind::Job(j) if !j.closed))
        .map(|p| {
            let m = &p.meta;
            serde_json::json!({
                "title": m.title,
                "url": site.permalink(&p.path),
                "lang": p.lang,
                "date_posted": m.date.map(|d| d.ymd()),
                "valid_through": m.valid_through.map(|d| d.ymd()),
                "company": m.company,
                "location": m.location,
                "employment_type": m.employment_type.0,
                "salary": m.salary,
                "department": m.department,
                "seniority": m.seniority,
                "apply": m.apply,
                "description": m.description,
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({"jobs": jobs})).unwrap_or_default()
}
