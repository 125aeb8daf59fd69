//! `kind: swot`: strengths, weaknesses, opportunities and threats, and the optional
//! TOWS strategies built from them.

use serde::Deserialize;

use super::values::ListItem;
use super::{Checked, Origin, checked};
use crate::content::meta::PageMeta;

/// The TOWS matrix: strategies pairing internal and external factors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategies {
    /// Strengths used to seize opportunities.
    #[serde(default)]
    pub so: Vec<ListItem>,
    /// Opportunities used to overcome weaknesses.
    #[serde(default)]
    pub wo: Vec<ListItem>,
    /// Strengths used to counter threats.
    #[serde(default)]
    pub st: Vec<ListItem>,
    /// Defences where weaknesses meet threats.
    #[serde(default)]
    pub wt: Vec<ListItem>,
}

/// A checked SWOT analysis (its lists stay in the front matter).
#[derive(Debug, Clone)]
pub struct Swot;

pub const QUADRANTS: [&str; 4] = ["strengths", "weaknesses", "opportunities", "threats"];

pub fn validate(meta: &PageMeta, origin: Origin<'_>) -> Checked<Swot> {
    let quadrants = [
        &meta.strengths,
        &meta.weaknesses,
        &meta.opportunities,
        &meta.threats,
    ];
    let mut problems = Vec::new();
    if quadrants.iter().all(|q| q.is_none()) {
        problems.push(
            origin
                .error(&["title"], "a SWOT analysis needs at least one of strengths, weaknesses, opportunities, threats")
                .with_help("strengths: [Loyal community]\nweaknesses: [Slow replies]"),
        );
        return (None, problems);
    }
    for (name, quadrant) in QUADRANTS.iter().zip(quadrants) {
        match quadrant {
            None => problems
                .push(origin.warning(&["title"], format!("the SWOT analysis has no `{name}`"))),
            Some(items) if items.is_empty() => {
                problems.push(origin.warning(&[name], format!("`{name}` is empty")));
            }
            Some(_) => {}
        }
    }
    checked(Swot, problems)
}
