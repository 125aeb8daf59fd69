//! `kind: case_study`: the story of a piece of work and its measured results; shown
//! by `view.rs`.

pub(crate) mod view;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::values::{Better, Number};
use super::view::{plain_text, to_json, to_map};
use super::{CheckInput, Checked, KindData, KindSpec, Origin, TypedKind, ViewContext, checked};
use crate::content::dates::Date;
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::render::format::Format;
use crate::site::{Page, Site};

pub(crate) struct Spec;

/// The keys of a case study.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    #[serde(default)]
    pub client: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub cover: Option<crate::content::image_ref::ImageRef>,
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
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Period {
    pub start: Date,
    #[serde(default)]
    pub end: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseResult {
    pub metric: String,
    pub before: Number,
    pub after: Number,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub better: Better,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Testimonial {
    pub quote: String,
    pub author: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// A checked case study. `related` links are resolved when the site is assembled.
#[derive(Debug, Clone)]
pub(crate) struct CaseStudy {
    pub fm: FrontMatter,
}

impl TypedKind for Spec {
    const NAME: &'static str = "case_study";
    const FOLDER: &'static str = "case-studies";
    const TEMPLATE: &'static str = "case_study.html";
    type FrontMatter = FrontMatter;
    type Data = CaseStudy;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<CaseStudy> {
        validate(fm, input.origin)
    }

    fn scaffold(today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let later = (today + chrono::Days::new(30)).format("%Y-%m-%d");
        format!(
            "description: \"The result in one sentence.\"\ndate: {date}\nclient: Example Agency\nindustries: []\nrole: \"\"               # optional: \"\" or no line means not given\nperiod:\n  start: {date}\n  end: {later}\nsummary: \"What was done, for whom, with what result.\"\nchallenge: \"\"\napproach: \"\"\nresults:\n  - metric: Followers\n    before: 1000\n    after: 1500\n    unit: \"\"\n    better: higher\ntestimonial:\n  quote: \"They understood our audience.\"\n  author: A. Client\n  role: \"\"\nrelated: []            # e.g. \"@/campaigns/spring.md\"\n---\n\nThe story in full.\n"
        )
    }
}

impl KindData for CaseStudy {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn date(&self) -> Option<Date> {
        self.fm.period.as_ref().map(|p| p.start)
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(to_json(&view::CaseStudyView::new(cx, page, self, problems)))
    }

    fn summary(&self, site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
        let _ = f;
        to_map(&view::CaseStudySummary::new(site, page, self))
    }

    fn card_byline(&self) -> Option<&str> {
        self.fm.client.as_deref()
    }

    /// The first improved result (else the first), as `Leads: 40 → 95 (+138 %)`.
    fn card_figure(&self, f: Format<'_>) -> Option<String> {
        let results: Vec<view::ResultView> = self
            .fm
            .results
            .iter()
            .map(|r| view::ResultView::new(r, f))
            .collect();
        let top = results.iter().find(|r| r.improved).or(results.first())?;
        Some(format!(
            "{}: {} → {} ({})",
            top.metric, top.before_display, top.after_display, top.change_display
        ))
    }

    fn description(&self) -> Option<String> {
        self.fm.summary.as_deref().map(plain_text)
    }

    fn related(&self) -> &[String] {
        &self.fm.related
    }

    fn share_image(&self) -> Option<&str> {
        self.fm.cover.as_ref().map(|c| c.src())
    }

    fn images(&self) -> Vec<(Slot, &str)> {
        self.fm
            .cover
            .as_ref()
            .map(|c| (Slot::Cover, c.src()))
            .into_iter()
            .collect()
    }
}

fn validate(fm: FrontMatter, origin: Origin<'_>) -> Checked<CaseStudy> {
    let mut problems = Vec::new();
    if let Some(period) = &fm.period
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
    for link in &fm.related {
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
    checked(CaseStudy { fm }, problems)
}
