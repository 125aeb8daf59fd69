//! `kind: campaign`: dates, budget, status, objectives and KPIs.

use std::any::Any;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::values::{Better, ListItem, Number, keywords};
use super::{CheckInput, Checked, Kind, KindData, KindSpec, Origin, ViewContext, checked};
use crate::content::dates::Date;
use crate::error::Diagnostic;
use crate::render::format::Format;
use crate::site::{Page, Site};

pub struct Spec;

/// The keys of a campaign.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub amount: Number,
    pub currency: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
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
pub struct Campaign {
    pub fm: FrontMatter,
    pub status: Status,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl KindSpec for Spec {
    fn name(&self) -> &'static str {
        "campaign"
    }

    fn folder(&self) -> &'static str {
        "campaigns"
    }

    fn template(&self) -> &'static str {
        "campaign.html"
    }

    fn keys(&self) -> &'static [&'static str] {
        crate::yaml::fields_of::<FrontMatter>()
    }

    fn check(&self, input: CheckInput<'_>) -> Checked<Kind> {
        let fm = match input.origin.parse_kind_keys::<FrontMatter>() {
            Ok(fm) => fm,
            Err(d) => return (None, vec![d]),
        };
        let (campaign, problems) = validate(fm, input.origin, input.today);
        (campaign.map(|c| Arc::new(c) as Kind), problems)
    }

    fn scaffold(&self, today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let later = (today + chrono::Days::new(30)).format("%Y-%m-%d");
        format!(
            "description: \"\"\nclient: \"\"\nstatus: planned        # planned, running or completed\nstart: {date}\nend: {later}\nbudget:\n  amount: 0\n  currency: UAH\nplatforms: []\nobjectives:\n  - \"\"\naudience: \"\"\nkpis:\n  - name: Reach\n    target: 0\n    actual: 0\n    unit: \"\"\n    better: higher     # or lower (cost per click, say)\n---\n\nWhat the campaign did.\n"
        )
    }
}

impl KindData for Campaign {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn as_any(&self) -> &dyn Any {
        self
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
        Some(cx.campaign(page, self, problems))
    }

    fn summary(&self, site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
        let _ = (site, page);
        crate::render::kinds::campaign_summary(self, f)
    }
}

impl Campaign {
    /// Whole days from start to end, both counted.
    pub fn duration_days(&self) -> Option<i64> {
        self.end.map(|end| (end - self.start).num_days() + 1)
    }
}

fn validate(fm: FrontMatter, origin: Origin<'_>, today: NaiveDate) -> Checked<Campaign> {
    let mut problems = Vec::new();
    let start = match fm.start {
        Some(d) => d.0.date_naive(),
        None => {
            problems.push(origin.error(&["title"], "a campaign needs `start` (its first day)"));
            today
        }
    };
    let end = fm.end.map(|d| d.0.date_naive());
    if let Some(end) = end
        && end < start
    {
        problems.push(origin.error(
            &["end"],
            format!("`end` ({end}) is before `start` ({start})"),
        ));
    }
    let derived = derived_status(start, end, today);
    let status = match fm.status.as_deref() {
        None => derived,
        Some(text) => match Status::parse(text) {
            Some(status) => {
                if status != derived {
                    problems.push(origin.warning(
                        &["status"],
                        format!("status `{text}` contradicts the dates ({start} – {}): by them it is {}", end.map_or("open".to_string(), |e| e.to_string()), derived.as_str()),
                    ));
                }
                status
            }
            None => {
                let d = origin.error(&["status"], format!("unknown status `{text}`"));
                problems.push(
                    match crate::error::nearest(text, Status::NAMES.iter().copied()) {
                        Some(s) => d.with_help(format!("did you mean `{s}`?")),
                        None => d.with_help("expected planned, running or completed"),
                    },
                );
                derived
            }
        },
    };
    if let Some(budget) = &fm.budget
        && iso_currency::Currency::from_code(&budget.currency.to_ascii_uppercase()).is_none()
    {
        problems.push(
            origin
                .error(
                    &["budget", "currency"],
                    format!("unknown currency code `{}`", budget.currency),
                )
                .with_help("expected an ISO 4217 code such as UAH, EUR, USD"),
        );
    }
    let campaign = Campaign {
        fm,
        status,
        start,
        end,
    };
    checked(campaign, problems)
}

/// What the dates say the status is.
fn derived_status(start: NaiveDate, end: Option<NaiveDate>, today: NaiveDate) -> Status {
    if today < start {
        Status::Planned
    } else if end.is_some_and(|end| today > end) {
        Status::Completed
    } else {
        Status::Running
    }
}
