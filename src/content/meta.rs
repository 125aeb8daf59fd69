//! Parse stage: the typed front matter of pages and sections.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::dates::Date;

/// The keys every page may have, whatever its kind: the first step of parsing a
/// page's front matter. The other keys are kept aside (`rest`) until the page's kind
/// is known; then they are the site's taxonomies (lists of terms) or the kind's own
/// keys, parsed by the kind (`crate::kinds`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct PageMeta {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub draft: bool,
    /// Built and reachable by its URL, but left out of every listing.
    #[serde(default)]
    pub unlisted: bool,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub toc: bool,
    /// The image the page is shared with (`og:image`), cut to 1200×630.
    #[serde(default)]
    pub image: Option<super::image_ref::ImageRef>,
    #[serde(default)]
    pub extra: Map<String, Value>,
    /// Every other top-level key, by name; its value is read again, with positions,
    /// by the step that owns it.
    #[serde(skip)]
    pub rest: BTreeMap<String, serde_yaml::Value>,
    /// The terms of each taxonomy given, filled in by [`PageMeta::take_terms`].
    #[serde(skip)]
    pub terms: BTreeMap<String, Vec<String>>,
}

/// The common keys of a page, as written in front matter.
pub(crate) fn common_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| crate::yaml::fields_of::<PageMeta>().to_vec())
}

impl PageMeta {
    /// The terms of one taxonomy (`tags`, `skills`, …) given on this page.
    pub fn terms(&self, taxonomy: &str) -> &[String] {
        self.terms.get(taxonomy).map_or(&[], Vec::as_slice)
    }

    /// Moves the site's taxonomies out of `rest` into `terms`. A value that is not a
    /// list of terms is returned as the name of its key, with what went wrong.
    pub fn take_terms(&mut self, taxonomies: &[String]) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        for name in taxonomies {
            let Some(value) = self.rest.remove(name) else {
                continue;
            };
            match serde_yaml::from_value::<Vec<String>>(value) {
                Ok(terms) => {
                    self.terms.insert(name.clone(), terms);
                }
                Err(e) => problems.push((name.clone(), format!("`{name}`: {e}"))),
            }
        }
        problems
    }
}

/// Front matter of a section (`_index.md`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionMeta {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub sort_by: SortBy,
    #[serde(default)]
    pub paginate_by: Option<usize>,
    #[serde(default)]
    pub page_kind: Option<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub toc: bool,
    #[serde(default)]
    pub extra: Map<String, Value>,
}

/// Order of the pages of a section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first; undated pages last.
    #[default]
    Date,
    /// Lightest first.
    Weight,
    /// Alphabetical.
    Title,
}

impl SectionMeta {
    /// The home section when the site has no `content/_index.md`.
    pub fn implicit(title: &str) -> SectionMeta {
        SectionMeta {
            title: title.to_string(),
            description: None,
            sort_by: SortBy::Date,
            paginate_by: None,
            page_kind: None,
            template: None,
            weight: None,
            draft: false,
            aliases: Vec::new(),
            toc: false,
            extra: Map::new(),
        }
    }
}
