//! `kind: case_study`: the story of a piece of work and its measured results.

use serde::Deserialize;

use super::values::{Better, Number};
use super::{Checked, Origin, checked};
use crate::content::dates::Date;
use crate::content::meta::PageMeta;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Date,
    #[serde(default)]
    pub end: Option<Date>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseResult {
    pub metric: String,
    pub before: Number,
    pub after: Number,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub better: Better,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Testimonial {
    pub quote: String,
    pub author: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// A checked case study. `related` links are resolved when the site is assembled;
/// `cover` is filled in when the images are processed (raster covers only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseStudy {
    pub cover: Option<crate::images::Picture>,
}

pub fn validate(meta: &PageMeta, origin: Origin<'_>) -> Checked<CaseStudy> {
    let mut problems = Vec::new();
    if let Some(period) = &meta.period
        && let Some(end) = period.end
        && end < period.start
    {
        problems.push(origin.error(
            &["period", "end"],
            format!(
                "`period.end` ({end}) is before `period.start` ({})",
                period.start
            ),
        ));
    }
    for link in &meta.related {
        if !link.starts_with("@/") {
            problems.push(
                origin
                    .error(
                        &["related"],
                        format!("related link `{link}` is not an `@/` link"),
                    )
                    .with_help("name the file under content/, e.g. \"@/campaigns/spring.md\""),
            );
        }
    }
    checked(CaseStudy::default(), problems)
}
