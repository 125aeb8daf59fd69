//! Render stage: machine-readable outputs — the Atom feed and robots.txt (the sitemap is
//! in `sitemap.rs`).

use std::collections::{BTreeMap, BTreeSet};

use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Utc};

use crate::kinds::data_of;
use crate::kinds::job::Job;
use crate::site::{Page, Section, Site};

/// How many of the newest pages the feed carries.
pub(crate) const FEED_ENTRIES: usize = 50;

/// The HTML of a page's body, for the feed's content.
pub(crate) type BodyHtml<'a> = dyn Fn(&Page) -> Option<String> + 'a;

/// The Atom feed of one language: its newest dated pages with their full content.
pub(crate) fn atom(site: &Site, bodies: &BodyHtml<'_>, lang: &str) -> String {
    let pages = feed_pages(site, lang);
    atom_of(site, &pages, bodies, &site_head(site, lang))
}

/// What a feed says of itself: its language, title, subtitle and links.
pub(crate) struct FeedHead {
    pub lang: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// The feed's own path (`/uk/atom.xml`), its `rel="self"` link and id.
    pub self_path: String,
    /// The page the feed follows (`/uk/`, `/uk/jobs/`), its `rel="alternate"` link.
    pub alternate_path: String,
}

/// The site's name in `lang`: `languages.<lang>.title`, else the site's title.
fn site_title(site: &Site, lang: &str) -> String {
    site.config
        .languages
        .get(lang)
        .and_then(|l| l.title.clone())
        .unwrap_or_else(|| site.config.title.clone())
}

/// The site's description in `lang`: `languages.<lang>.description`, else the site's
/// own for the default language; other languages without one get none (a subtitle in
/// another language than the feed's would be misread).
fn site_description(site: &Site, lang: &str) -> Option<String> {
    let own = site
        .config
        .languages
        .get(lang)
        .and_then(|l| l.description.clone());
    if lang == site.config.default_language {
        own.or_else(|| site.config.description.clone())
    } else {
        own
    }
}

/// The head of a language's site feed, which follows the language's home page.
pub(crate) fn site_head(site: &Site, lang: &str) -> FeedHead {
    FeedHead {
        lang: lang.to_string(),
        title: site_title(site, lang),
        subtitle: site_description(site, lang),
        self_path: feed_path(site, lang),
        alternate_path: format!("{}/", site.config.lang_prefix(lang)),
    }
}

/// The head of the feed at `self_path` of a section's open jobs, in the section's
/// language, titled with the site's and the section's names.
pub(crate) fn jobs_head(site: &Site, section: &Section, self_path: String) -> FeedHead {
    let lang = section.lang.as_str();
    let site_title = site_title(site, lang);
    let title = if section.meta.title.is_empty() || section.meta.title == site_title {
        site_title
    } else {
        format!("{site_title}: {}", section.meta.title)
    };
    FeedHead {
        lang: lang.to_string(),
        title,
        subtitle: site_description(site, lang),
        self_path,
        alternate_path: section.path.clone(),
    }
}

/// The pages of a language's feed: its newest dated pages.
pub(crate) fn feed_pages<'a>(site: &'a Site, lang: &str) -> Vec<&'a Page> {
    site.pages_by_date()
        .into_iter()
        .filter(|p| p.lang == lang && p.date().is_some())
        .take(FEED_ENTRIES)
        .collect()
}

/// The open job postings listed in a section, for its jobs feed.
pub(crate) fn open_jobs<'a>(site: &'a Site, section: &Section) -> Vec<&'a Page> {
    section
        .pages
        .iter()
        .filter_map(|id| site.pages.get(id))
        .filter(|p| p.kind.is_open_job())
        .collect()
}

/// The pages whose whole body some feed carries (a build keeps their HTML).
pub(crate) fn pages_in_feeds(site: &Site) -> BTreeSet<String> {
    if !site.config.feeds {
        return BTreeSet::new();
    }
    let by_date = site.pages_by_date();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut per_lang: BTreeMap<&str, usize> = BTreeMap::new();
    for page in by_date.iter().filter(|p| p.date().is_some()) {
        let n = per_lang.entry(page.lang.as_str()).or_default();
        if *n < FEED_ENTRIES {
            *n += 1;
            ids.insert(page.id.clone());
        }
    }
    for section in site.sections.values() {
        ids.extend(open_jobs(site, section).into_iter().map(|p| p.id.clone()));
    }
    ids
}

/// `/atom.xml` for the default language, `/uk/atom.xml` for Ukrainian.
pub(crate) fn feed_path(site: &Site, lang: &str) -> String {
    format!("{}/atom.xml", site.config.lang_prefix(lang))
}

/// The languages that have pages: each gets a feed (the default language always).
pub(crate) fn feed_languages(site: &Site) -> Vec<String> {
    let mut langs: Vec<String> = site.pages.values().map(|p| p.lang.clone()).collect();
    langs.push(site.config.default_language.clone());
    langs.sort();
    langs.dedup();
    langs
}

/// An Atom feed of `pages` (already chosen and ordered), headed by `head`.
pub(crate) fn atom_of(
    site: &Site,
    pages: &[&Page],
    bodies: &BodyHtml<'_>,
    head: &FeedHead,
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
            if let Some(html) = bodies(page) {
                // Links in the body are relative to the page (bundle images) or the
                // site root: xml:base lets feed readers resolve both.
                entry.content = Some(Content {
                    value: Some(html),
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
                name: site
                    .config
                    .author_name(&head.lang)
                    .unwrap_or(&a.name)
                    .to_string(),
                email: a.email.clone(),
                ..Default::default()
            }]
        })
        .unwrap_or_default();
    let feed = Feed {
        title: Text::plain(head.title.clone()),
        id: site.permalink(&head.self_path),
        base: Some(site.permalink("/")),
        updated: newest,
        authors,
        links: vec![
            link(&site.permalink(&head.self_path), "self"),
            link(&site.permalink(&head.alternate_path), "alternate"),
        ],
        subtitle: head.subtitle.clone().map(Text::plain),
        lang: Some(head.lang.clone()),
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

/// `(lang, permalink)` of every version of a translated page or section.
pub(crate) fn alternates(site: &Site, key: &str) -> Vec<(String, String)> {
    let Some(ids) = site.translations.get(key) else {
        return Vec::new();
    };
    let mut all: Vec<(String, String)> = ids
        .iter()
        .filter_map(|id| {
            site.pages
                .get(id)
                .map(|p| (p.lang.clone(), site.permalink(&p.path)))
                .or_else(|| {
                    site.sections
                        .get(id)
                        .map(|s| (s.lang.clone(), site.permalink(&s.path)))
                })
        })
        .collect();
    all.sort();
    all
}

pub(crate) fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink("/sitemap.xml")
    )
}

/// A page that sends visitors of an old URL (an alias) to the new one.
pub(crate) fn redirect(to: &str) -> String {
    let to = crate::markdown::escape_html(to);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redirect</title>\
         <link rel=\"canonical\" href=\"{to}\"><meta name=\"robots\" content=\"noindex\">\
         <meta http-equiv=\"refresh\" content=\"0; url={to}\"></head>\
         <body><a href=\"{to}\">{to}</a></body></html>\n"
    )
}

/// `jobs.json`: every open posting, in every language, for job boards.
pub(crate) fn jobs_json(site: &Site) -> String {
    let jobs: Vec<serde_json::Value> = site
        .pages_by_date()
        .into_iter()
        .filter_map(|p| Some((p, data_of::<Job>(p).filter(|j| !j.closed)?)))
        .map(|(p, job)| {
            let m = &job.fm;
            serde_json::json!({
                "title": p.meta.title,
                "url": site.permalink(&p.path),
                "lang": p.lang,
                "date_posted": p.meta.date.map(|d| d.ymd()),
                "valid_through": m.valid_through.map(|d| d.ymd()),
                "company": m.company,
                "location": m.location,
                "employment_type": job.employment_types,
                "salary": m.salary,
                "department": m.department,
                "seniority": m.seniority,
                "apply": m.apply,
                "description": p.meta.description,
                "reference": crate::kinds::job::apply::reference(p),
                "locations": crate::kinds::job::details::places(m),
                "workplace": crate::kinds::job::details::workplace_of(m),
                "experience_months": match m.experience {
                    Some(crate::kinds::job::details::Experience::Months(n)) => Some(n),
                    _ => None,
                },
                "education": m.education,
                "start_date": m.start_date.map(|d| d.ymd()),
                "hours": m.hours,
                "openings": m.openings,
                "occupation": m.occupation,
            })
        })
        .collect();
    // The XML job feed of each language, for aggregators.
    let xml_feeds: serde_json::Map<String, serde_json::Value> = if site.config.feeds {
        crate::kinds::job::xml_feed::feed_languages(site)
            .into_iter()
            .map(|lang| {
                let url = site.permalink(&crate::kinds::job::xml_feed::feed_path(site, &lang));
                (lang, serde_json::Value::String(url))
            })
            .collect()
    } else {
        serde_json::Map::new()
    };
    serde_json::to_string_pretty(&serde_json::json!({"xml_feeds": xml_feeds, "jobs": jobs}))
        .unwrap_or_default()
}

/// Whether the site-wide files (feeds, `jobs.json`) show the page `id`, so that they
/// are written again after it changed: its body is in the site feed when it is among
/// the newest entries, and a job posting is in `jobs.json` and its section's feed.
pub(crate) fn shows_in_extras(site: &Site, id: &str) -> bool {
    let in_feed = site
        .pages_by_date()
        .iter()
        .filter(|p| p.date().is_some())
        .take(FEED_ENTRIES)
        .any(|p| p.id == id);
    in_feed
        || site
            .pages
            .get(id)
            .is_some_and(|p| data_of::<Job>(p).is_some())
}
