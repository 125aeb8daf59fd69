//! `kind: swot`: strengths, weaknesses, opportunities and threats, and the optional
//! TOWS strategies built from them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::values::ListItem;
use super::view::{ListItemView, to_json};
use super::{CheckInput, Checked, KindData, KindSpec, Origin, TypedKind, ViewContext, checked};
use crate::error::Diagnostic;
use crate::site::Page;

pub(crate) struct Spec;

/// The keys of a SWOT analysis.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
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
}

/// The TOWS matrix: strategies pairing internal and external factors.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Strategies {
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

/// A checked SWOT analysis: at least one quadrant given.
#[derive(Debug, Clone)]
pub(crate) struct Swot {
    pub fm: FrontMatter,
}

impl TypedKind for Spec {
    const NAME: &'static str = "swot";
    const FOLDER: &'static str = "swot";
    const TEMPLATE: &'static str = "swot.html";
    type FrontMatter = FrontMatter;
    type Data = Swot;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Swot> {
        validate(fm, input.origin)
    }

    fn scaffold(today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        format!(
            "description: \"What the analysis is about, in one sentence.\"\ndate: {date}\nsubject: Example Agency, 2027\nstrengths:\n  - A loyal audience\nweaknesses:\n  - One person makes all the content\nopportunities:\n  - Short video is growing\nthreats:\n  - Ad prices rise\nstrategies:            # optional TOWS matrix\n  so: []\n  wo: []\n  st: []\n  wt: []\n---\n\nNotes on the analysis.\n"
        )
    }
}

impl KindData for Swot {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    /// What is analysed, as written.
    fn card_figure(&self, f: crate::render::format::Format<'_>) -> Option<String> {
        let subject = self.fm.subject.as_deref()?.trim();
        (!subject.is_empty()).then(|| format!("{} {subject}", f.word("swot_subject")))
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(to_json(&SwotView::new(cx, page, self, problems)))
    }
}

/// `page.swot`: a SWOT analysis as its page shows it, every entry rendered from
/// Markdown. A quadrant the front matter leaves out is an empty list.
#[derive(Debug, Serialize)]
pub(crate) struct SwotView {
    /// What is analysed, as written.
    pub subject: Option<String>,
    /// Internal helpful factors.
    pub strengths: Vec<ListItemView>,
    /// Internal harmful factors.
    pub weaknesses: Vec<ListItemView>,
    /// External helpful factors.
    pub opportunities: Vec<ListItemView>,
    /// External harmful factors.
    pub threats: Vec<ListItemView>,
    /// The TOWS matrix; `null` when the front matter has no `strategies`.
    pub strategies: Option<StrategiesView>,
}

/// `page.swot.strategies`: the four cells of the TOWS matrix.
#[derive(Debug, Serialize)]
pub(crate) struct StrategiesView {
    /// Strengths used to seize opportunities.
    pub so: Vec<ListItemView>,
    /// Opportunities used to overcome weaknesses.
    pub wo: Vec<ListItemView>,
    /// Strengths used to counter threats.
    pub st: Vec<ListItemView>,
    /// Defences where weaknesses meet threats.
    pub wt: Vec<ListItemView>,
}

impl SwotView {
    pub(crate) fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        swot: &Swot,
        problems: &mut Vec<Diagnostic>,
    ) -> SwotView {
        let m = &swot.fm;
        let mut quadrant = |key: &str, items: &Option<Vec<ListItem>>| {
            cx.items(page, &[key], items.as_deref().unwrap_or_default(), problems)
        };
        let strengths = quadrant("strengths", &m.strengths);
        let weaknesses = quadrant("weaknesses", &m.weaknesses);
        let opportunities = quadrant("opportunities", &m.opportunities);
        let threats = quadrant("threats", &m.threats);
        let strategies = m.strategies.as_ref().map(|s| {
            let mut cell = |key: &str, items: &[ListItem]| {
                cx.items(page, &["strategies", key], items, problems)
            };
            StrategiesView {
                so: cell("so", &s.so),
                wo: cell("wo", &s.wo),
                st: cell("st", &s.st),
                wt: cell("wt", &s.wt),
            }
        });
        SwotView {
            subject: m.subject.clone(),
            strengths,
            weaknesses,
            opportunities,
            threats,
            strategies,
        }
    }
}

pub(crate) const QUADRANTS: [&str; 4] = ["strengths", "weaknesses", "opportunities", "threats"];

fn validate(fm: FrontMatter, origin: Origin<'_>) -> Checked<Swot> {
    let quadrants = [
        &fm.strengths,
        &fm.weaknesses,
        &fm.opportunities,
        &fm.threats,
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
    checked(Swot { fm }, problems)
}
