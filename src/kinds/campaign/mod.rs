//! `kind: campaign`: dates, budget, status, objectives and KPIs; checked in
//! `check.rs`, shown by `view.rs`.

mod check;
pub(crate) mod view;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::values::{Better, ListItem, Number, keywords};
use super::view::{to_json, to_map};
use super::{CheckInput, Checked, KindData, KindSpec, TypedKind, ViewContext};
use crate::content::dates::Date;
use crate::error::Diagnostic;
use crate::render::format::Format;
use crate::site::{Page, Site};

pub(crate) struct Spec;

/// The keys of a campaign.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
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
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Budget {
    pub amount: Number,
    pub currency: String,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Kpi {
    pub name: String,
    pub target: Number,
    #[serde(default)]
    pub actual: Option<Number>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub better: Better,
}

keywords! {
    /// Where a campaign stands.
    Status {
        Planned = "planned",
        Running = "running",
        Completed = "completed",
    }
}

/// A checked campaign.
#[derive(Debug, Clone)]
pub(crate) struct Campaign {
    pub fm: FrontMatter,
    pub status: Status,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl TypedKind for Spec {
    const NAME: &'static str = "campaign";
    const FOLDER: &'static str = "campaigns";
    const TEMPLATE: &'static str = "campaign.html";
    type FrontMatter = FrontMatter;
    type Data = Campaign;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Campaign> {
        check::validate(fm, input.origin, input.today)
    }

    fn scaffold(today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let later = (today + chrono::Days::new(30)).format("%Y-%m-%d");
        format!(
            "description: \"What the campaign set out to do, in one sentence.\"\nclient: Example Agency\nstart: {date}\nend: {later}\n# status: planned, running or completed; left out, it follows from the dates\nbudget:\n  amount: 50000\n  currency: UAH\nplatforms: []\nobjectives:\n  - Grow the audience\naudience: \"\"           # optional: \"\" or no line means not given\nkpis:\n  - name: Reach\n    target: 100000\n    # actual: 80000    # the result, once known\n    unit: \"\"\n    better: higher     # or lower (cost per click, say)\n---\n\nWhat the campaign did.\n"
        )
    }
}

impl KindData for Campaign {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn date(&self) -> Option<Date> {
        self.fm.start
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(to_json(&view::CampaignView::new(cx, page, self, problems)))
    }

    fn summary(&self, site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
        let _ = (site, page);
        to_map(&view::CampaignSummary::new(self, f))
    }

    fn card_byline(&self) -> Option<&str> {
        self.fm.client.as_deref()
    }

    fn card_figure(&self, f: Format<'_>) -> Option<String> {
        self.best_kpi(f)
    }
}

impl Campaign {
    /// The KPI nearest to or furthest past its target, as `Reach: 120 000 · target 100 000`.
    fn best_kpi(&self, f: Format<'_>) -> Option<String> {
        let reached = |k: &Kpi| {
            let actual = k.actual?.0;
            let ratio = match k.better {
                crate::kinds::values::Better::Higher => actual / k.target.0,
                crate::kinds::values::Better::Lower => k.target.0 / actual,
            };
            ratio.is_finite().then_some(ratio)
        };
        let best = self
            .fm
            .kpis
            .iter()
            .filter_map(|k| Some((reached(k)?, k)))
            .max_by(|a, b| a.0.total_cmp(&b.0))?
            .1;
        let unit = best.unit.as_deref();
        let target = f
            .word("chart_target_value")
            .replace("{value}", &f.with_unit(best.target.0, unit));
        let actual = f.with_unit(best.actual?.0, unit);
        Some(format!("{}: {actual} · {target}", best.name))
    }

    /// Whole days from start to end, both counted.
    pub(crate) fn duration_days(&self) -> Option<i64> {
        self.end.map(|end| (end - self.start).num_days() + 1)
    }
}
