//! The checks of a campaign: its dates, its status against them, its budget's currency.

use chrono::NaiveDate;

use super::{Campaign, FrontMatter, Status};
use crate::kinds::{Checked, Origin, checked};

pub(super) fn validate(fm: FrontMatter, origin: Origin<'_>, today: NaiveDate) -> Checked<Campaign> {
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
