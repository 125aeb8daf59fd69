//! Parse stage: the typed front matter of pages and sections.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::dates::Date;

/// Front matter of a `kind: page` file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub platforms: Vec<String>,
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub extra: Map<String, Value>,
}

impl PageMeta {
    /// The terms of one taxonomy (`tags`, `skills`, …) given on this page.
    pub fn terms(&self, taxonomy: &str) -> &[String] {
        match taxonomy {
            "tags" => &self.tags,
            "skills" => &self.skills,
            "platforms" => &self.platforms,
            "industries" => &self.industries,
            _ => &[],
        }
    }
}

/// Front matter of a section (`_index.md`).
#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
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

/// The kinds of content the SPEC names; this version renders `page`.
pub const KINDS: [&str; 7] = [
    "page",
    "job",
    "swot",
    "campaign",
    "case_study",
    "calendar",
    "showcase",
];

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
