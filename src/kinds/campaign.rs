//! `kind: campaign`: dates, budget, status, objectives and KPIs.

use chrono::NaiveDate;
use serde::Deserialize;

use super::values::{Better, Number};
use super::{Checked, Origin, checked};
use crate::content::meta::PageMeta;

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

pub const STATUSES: [&str; 3] = ["planned", "running", "completed"];

/// A checked campaign.
#[derive(Debug, Clone)]
pub struct Campaign {
    pub status: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Campaign {
    /// Whole days from start to end, both counted.
    pub fn duration_days(&self) -> Option<i64> {
        self.end.map(|end| (end - self.start).num_days() + 1)
    }
}

pub fn validate(meta: &PageMeta, origin: Origin<'_>, today: NaiveDate) -> Checked<Campaign> {
    let mut problems = Vec::new();
    let start = match meta.start {
        Some(d) => d.0.date_naive(),
        None => {
            problems.push(origin.error(&["title"], "a campaign needs `start` (its first day)"));
            today
        }
    };
    let end = meta.end.map(|d| d.0.date_naive());
    if let Some(end) = end
        && end < start
    {
        problems.push(origin.error(
            &["end"],
            format!("`end` ({end}) is before `start` ({start})"),
        ));
    }
    let status = meta
        .status
        .clone()
        .unwrap_or_else(|| derived_status(start, end, today).to_string());
    if !STATUSES.contains(&status.as_str()) {
        let d = origin.error(&["status"], format!("unknown status `{status}`"));
        problems.push(match crate::error::nearest(&status, STATUSES) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help("expected planned, running or completed"),
        });
    } else if meta.status.is_some() {
        let expected = derived_status(start, end, today);
        if expected != status {
            problems.push(origin.warning(
                &["status"],
                format!("status `{status}` contradicts the dates ({start} – {}): by them it is {expected}", end.map_or("open".to_string(), |e| e.to_string())),
            ));
        }
    }
    if let Some(budget) = &meta.budget
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
    checked(Campaign { status, start, end }, problems)
}

/// What the dates say the status is.
fn derived_status(start: NaiveDate, end: Option<NaiveDate>, today: NaiveDate) -> &'static str {
    if today < start {
        "planned"
    } else if end.is_some_and(|end| today > end) {
        "completed"
    } else {
        "running"
    }
}
