//! Parse stage: the typed front matter of pages and sections.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::dates::Date;
use crate::kinds::calendar::EntryMeta;
use crate::kinds::campaign::{Budget, Kpi};
use crate::kinds::case_study::{CaseResult, Period, Testimonial};
use crate::kinds::job::{Apply, Company, Location, Salary};
use crate::kinds::showcase::ItemMeta;
use crate::kinds::swot::Strategies;
use crate::kinds::values::{ListItem, OneOrMany};

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

    // kind: job
    #[serde(default)]
    pub valid_through: Option<Date>,
    #[serde(default)]
    pub employment_type: OneOrMany,
    #[serde(default)]
    pub company: Option<Company>,
    #[serde(default)]
    pub location: Option<Location>,
    #[serde(default)]
    pub salary: Option<Salary>,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub seniority: Option<String>,
    #[serde(default)]
    pub apply: Option<Apply>,
    #[serde(default)]
    pub responsibilities: Vec<ListItem>,
    #[serde(default)]
    pub qualifications: Vec<ListItem>,
    #[serde(default)]
    pub nice_to_have: Vec<ListItem>,
    #[serde(default)]
    pub benefits: Vec<ListItem>,

    // kind: swot
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub strengths: Option<Vec<ListItem>>,
    #[serde(default)]
    pub weaknesses: Option<Vec<ListItem>>,
    #[serde(default)]
    pub opportunities: Option<Vec<ListItem>>,
    #[serde(default)]
    pub threats: Option<Vec<ListItem>>,
    #[serde(default)]
    pub strategies: Option<Strategies>,

    // kind: campaign (and `client` for case studies)
    #[serde(default)]
    pub client: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub start: Option<Date>,
    #[serde(default)]
    pub end: Option<Date>,
    #[serde(default)]
    pub budget: Option<Budget>,
    #[serde(default)]
    pub objectives: Vec<ListItem>,
    #[serde(default)]
    pub audience: Option<String>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,

    // kind: case_study
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub cover: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub challenge: Option<String>,
    #[serde(default)]
    pub approach: Option<String>,
    #[serde(default)]
    pub results: Vec<CaseResult>,
    #[serde(default)]
    pub testimonial: Option<Testimonial>,
    #[serde(default)]
    pub related: Vec<String>,

    // kind: calendar (and `period`)
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub entries: Vec<EntryMeta>,

    // kind: showcase
    #[serde(default)]
    pub items: Vec<ItemMeta>,
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

/// The kinds of content the SPEC names.
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
