//! Render stage: the site-wide files — the 404 page, the Atom feeds (the site's and
//! each section's open jobs), the search pages, `jobs.json`, the sitemap,
//! `robots.txt`, and the redirect pages of aliases.

use std::path::{Path, PathBuf};

use serde_json::{Map, json};

use super::format::Format;
use super::{Renderer, feeds};
use crate::error::Diagnostic;
use crate::kinds::data_of;
use crate::kinds::job::{Job, xml_feed};
use crate::site::paths::{alias_path, output_file};
use crate::site::{Page, ROOT};

/// The feed of the open jobs kept at the top of `content/` (not the site's feed).
const ROOT_JOBS_FEED: &str = "/jobs/atom.xml";

impl Renderer<'_> {
    /// The HTML of a page's body for a feed, if it has one.
    fn html_of(&self, page: &Page) -> Option<String> {
        match self.bodies.get(&page.id) {
            Some(body) if !body.deferred => Some(body.html.clone()),
            _ if self.fresh.is_some() => Some(self.body_of(page).into_owned().html),
            _ => None,
        }
    }

    /// 404 page, feed, sitemap and robots.txt.
    pub(crate) fn extras(&self) -> Vec<Diagnostic> {
        let site = self.site;
        let origin = PathBuf::from("site.yaml");
        let mut problems = Vec::new();
        self.not_found_page(&origin, &mut problems);
        if site.config.feeds {
            self.site_feeds(&origin, &mut problems);
        }
        if site.config.search {
            self.search_pages(&origin, &mut problems);
        }
        if site.pages.values().any(|p| data_of::<Job>(p).is_some()) {
            problems.extend(
                self.write("jobs.json", feeds::jobs_json(site).as_bytes(), &origin)
                    .err(),
            );
        }
        if site.config.feeds {
            self.job_feeds(&mut problems);
            self.xml_job_feeds(&origin, &mut problems);
        }
        for (path, xml) in super::sitemap::sitemaps(site) {
            problems.extend(self.write(&path, xml.as_bytes(), &origin).err());
        }
        problems.extend(
            self.write("robots.txt", feeds::robots(site).as_bytes(), &origin)
                .err(),
        );
        problems
    }

    /// `404.html`, in the default language.
    fn not_found_page(&self, origin: &Path, problems: &mut Vec<Diagnostic>) {
        let site = self.site;
        let ctx = self
            .views
            .context(site, &site.config.default_language, "/404.html", Map::new());
        match self
            .templates
            .render("404.html", &ctx, Path::new("404.html"))
        {
            Ok(html) => problems.extend(self.write("404.html", html.as_bytes(), origin).err()),
            Err(d) => problems.push(d),
        }
    }

    /// The Atom feed of each language.
    fn site_feeds(&self, origin: &Path, problems: &mut Vec<Diagnostic>) {
        let site = self.site;
        for lang in feeds::feed_languages(site) {
            let atom = feeds::atom(site, &|p| self.html_of(p), &lang);
            let path = feeds::feed_path(site, &lang);
            problems.extend(
                self.write(path.trim_start_matches('/'), atom.as_bytes(), origin)
                    .err(),
            );
        }
    }

    /// The search page of each language.
    fn search_pages(&self, origin: &Path, problems: &mut Vec<Diagnostic>) {
        let site = self.site;
        for lang in feeds::feed_languages(site) {
            let path = format!("{}/search/", site.config.lang_prefix(&lang));
            let mut extra = self.i18n(&lang, None);
            extra.insert("og".into(), json!({"type": "website", "title": site.config.title, "url": site.permalink(&path), "image": null, "site_name": site.config.title, "description": site.config.description}));
            let ctx = self.views.context(site, &lang, &path, extra);
            match self
                .templates
                .render("search.html", &ctx, Path::new("search.html"))
            {
                Ok(html) => problems.extend(
                    self.write(&output_file(&path), html.as_bytes(), origin)
                        .err(),
                ),
                Err(d) => problems.push(d),
            }
        }
    }

    /// The Atom feed of the open jobs of each section that lists any.
    fn job_feeds(&self, problems: &mut Vec<Diagnostic>) {
        let site = self.site;
        for section in site.sections.values() {
            let open_jobs = feeds::open_jobs(site, section);
            if open_jobs.is_empty() {
                continue;
            }
            let path = if section.id == ROOT {
                ROOT_JOBS_FEED.to_string()
            } else {
                format!("{}atom.xml", section.path)
            };
            let head = feeds::jobs_head(site, section, path.clone());
            let feed = feeds::atom_of(site, &open_jobs, &|p| self.html_of(p), &head);
            problems.extend(
                self.write(path.trim_start_matches('/'), feed.as_bytes(), &section.file)
                    .err(),
            );
        }
    }

    /// The XML job feed of each language that has postings.
    fn xml_job_feeds(&self, origin: &Path, problems: &mut Vec<Diagnostic>) {
        let site = self.site;
        for lang in xml_feed::feed_languages(site) {
            let f = Format {
                locale: &self.views.locale,
                strings: &self.views.strings,
                lang: &lang,
            };
            let xml = xml_feed::xml_feed(site, &lang, f, &|p| self.html_of(p));
            let path = xml_feed::feed_path(site, &lang);
            problems.extend(
                self.write(path.trim_start_matches('/'), xml.as_bytes(), origin)
                    .err(),
            );
        }
    }

    /// The redirect pages of a page's or section's aliases to `target`.
    pub(super) fn aliases(
        &self,
        aliases: &[String],
        target: &str,
        file: &Path,
    ) -> Result<(), Diagnostic> {
        let to = self.site.permalink(target);
        for alias in aliases {
            // Refused aliases were reported when the site was assembled.
            if let Ok(path) = alias_path(alias) {
                self.write(&output_file(&path), feeds::redirect(&to).as_bytes(), file)?;
            }
        }
        Ok(())
    }
}
