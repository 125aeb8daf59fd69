//! Model stage: pages and sections placed in a tree, with URLs, order and taxonomies.
//!
//! Everything is keyed by content id (`"jobs/smm.md"`), so one changed file can be
//! found, replaced and re-rendered without rebuilding the rest.

pub(crate) mod assemble;
mod claims;
pub(crate) mod images;
pub(crate) mod links;
pub(crate) mod paths;
mod place;
mod sections;
pub(crate) mod taxonomy;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::content::meta::{PageMeta, SectionMeta};
use crate::kinds::Kind;
pub(crate) use assemble::assemble;
pub(crate) use links::SiteLinks;
pub(crate) use taxonomy::{Taxonomy, Term};

/// A page of the site (`kind: page`).
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    /// Shown in errors: `content/jobs/smm.md`.
    pub file: PathBuf,
    /// Shared with the parsed file, so the dev server can re-assemble cheaply.
    pub meta: Arc<PageMeta>,
    /// The id its translations share: the default-language file's id (`jobs/smm.md`).
    pub translation_key: String,
    /// Its kind, with the checked data of that kind.
    pub kind: Kind,
    pub front_matter: Arc<str>,
    pub body: Arc<str>,
    pub body_first_line: usize,
    /// The images its `figure` shortcodes show (slot `Slot::Figure(n)` for the n-th).
    pub figures: Arc<[crate::shortcodes::figures::FigureImage]>,
    pub lang: String,
    /// URL path without the base path: `/jobs/smm/`.
    pub path: String,
    /// The section it is listed in; `""` for a translation whose language has no section there.
    pub section: String,
}

impl Page {
    /// The page's date for ordering and feeds: `date`, else a campaign's `start`, else
    /// a case study's `period.start`.
    pub fn date(&self) -> Option<crate::content::dates::Date> {
        self.meta.date.or_else(|| self.kind.date())
    }

    /// Whether the page is listed: in its section, taxonomies, feeds, the sitemap,
    /// `jobs.json`, search and the previous/next links. An `unlisted: true` page is
    /// only reachable by its URL.
    pub fn listed(&self) -> bool {
        !self.meta.unlisted
    }
}

/// A section (`_index.md`), or the implicit home page when `content/_index.md` is absent.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    /// The id its translations share (`jobs/_index.md`).
    pub translation_key: String,
    pub file: PathBuf,
    pub meta: Arc<SectionMeta>,
    pub front_matter: Arc<str>,
    pub body: Arc<str>,
    pub body_first_line: usize,
    pub lang: String,
    pub path: String,
    pub parent: Option<String>,
    pub subsections: Vec<String>,
    /// Its pages, in the order of `sort_by`.
    pub pages: Vec<String>,
}

/// A file copied to the output as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    /// Path in the output, relative, with `/` separators.
    pub dest: String,
}

/// The whole site, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// The day the build judges dates against (closed jobs, campaign status).
    pub today: chrono::NaiveDate,
    pub pages: BTreeMap<String, Page>,
    pub sections: BTreeMap<String, Section>,
    pub taxonomies: Vec<Taxonomy>,
    pub assets: Vec<Asset>,
    /// The thumbnails of the images pages name, by page id and slot.
    pub pictures: BTreeMap<(String, crate::images::Slot), crate::images::Picture>,
    /// The size in pixels of the SVG images pages show as they are, by page id and slot.
    pub svg_sizes: BTreeMap<(String, crate::images::Slot), (u32, u32)>,
    /// Content ids of the versions of each translated page or section, by translation key.
    pub translations: BTreeMap<String, Vec<String>>,
}

/// The id of the home page's section.
pub(crate) const ROOT: &str = "_index.md";

impl Site {
    /// The public URL path of an internal path: base path prepended, percent-encoded.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path(), paths::encode_path(path))
    }

    /// The absolute URL of an internal path.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.origin(), self.url(path))
    }

    /// `https://example.org` of a `base_url` `https://example.org/folio`.
    pub fn origin(&self) -> &str {
        let base = &self.config.base_url;
        &base[..base.len() - self.config.base_path().len()]
    }

    /// The page before and after `id` in its section's order.
    pub fn neighbours(&self, id: &str) -> (Option<&Page>, Option<&Page>) {
        let Some(page) = self.pages.get(id) else {
            return (None, None);
        };
        let Some(section) = self.sections.get(&page.section) else {
            return (None, None);
        };
        let Some(i) = section.pages.iter().position(|p| p == id) else {
            return (None, None);
        };
        let before = i.checked_sub(1).and_then(|j| section.pages.get(j));
        let after = section.pages.get(i + 1);
        (
            before.and_then(|p| self.pages.get(p)),
            after.and_then(|p| self.pages.get(p)),
        )
    }

    /// All pages, newest first (undated last), for feeds and the home page.
    pub fn pages_by_date(&self) -> Vec<&Page> {
        let mut pages: Vec<&Page> = self.pages.values().filter(|p| p.listed()).collect();
        pages.sort_by(|a, b| b.date().cmp(&a.date()).then_with(|| a.id.cmp(&b.id)));
        pages
    }
}
