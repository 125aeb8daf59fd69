//! `kind: job`: a job posting's front matter and its checks (currency and country codes,
//! salary range, dates, employment types, a way to apply, a place to work).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::values::{Number, is_http_url};
use super::{Checked, Origin, checked};
use crate::content::meta::PageMeta;
use crate::error::nearest;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub remote: bool,
    /// ISO 3166-1 alpha-2 codes of where remote applicants may live.
    #[serde(default)]
    pub applicant_countries: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// ISO 4217.
    pub currency: String,
    #[serde(default)]
    pub min: Option<Number>,
    #[serde(default)]
    pub max: Option<Number>,
    #[serde(default)]
    pub value: Option<Number>,
    pub unit: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

pub const EMPLOYMENT_TYPES: [&str; 8] = [
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];

pub const SALARY_UNITS: [&str; 5] = ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"];

/// A checked job posting. The posting's values stay in the page's front matter; this
/// holds what was derived from them.
#[derive(Debug, Clone)]
pub struct Job {
    pub posted: NaiveDate,
    /// Past `valid_through`: the page stays, says so, and leaves every list of open jobs.
    pub closed: bool,
}

/// English name of an ISO 3166-1 alpha-2 code.
pub fn country_name(code: &str) -> Option<&'static str> {
    rust_iso3166::from_alpha2(&code.to_ascii_uppercase()).map(|c| c.name)
}

pub fn validate(meta: &PageMeta, origin: Origin<'_>, today: NaiveDate) -> Checked<Job> {
    let mut problems = Vec::new();
    let posted = match meta.date {
        Some(date) => date.0.date_naive(),
        None => {
            problems.push(origin.error(
                &["title"],
                "a job posting needs `date`: the day it was posted",
            ));
            today
        }
    };
    if let Some(until) = meta.valid_through
        && until.0.date_naive() < posted
    {
        problems.push(origin.error(
            &["valid_through"],
            format!("`valid_through` ({until}) is before the posting date ({posted})"),
        ));
    }
    for kind in &meta.employment_type.0 {
        if !EMPLOYMENT_TYPES.contains(&kind.as_str()) {
            let mut d = origin.error(
                &["employment_type"],
                format!("unknown employment type `{kind}`"),
            );
            d = match nearest(
                &kind.to_ascii_uppercase().replace([' ', '-'], "_"),
                EMPLOYMENT_TYPES,
            ) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!("expected one of {}", EMPLOYMENT_TYPES.join(", "))),
            };
            problems.push(d);
        }
    }
    if meta.company.is_none() {
        problems.push(
            origin
                .error(
                    &["title"],
                    "a job posting needs `company` with at least `name`",
                )
                .with_help("company: {name: Example Agency, url: https://example.com}"),
        );
    }
    check_location(meta.location.as_ref(), origin, &mut problems);
    if let Some(salary) = &meta.salary {
        check_salary(salary, origin, &mut problems);
    }
    let apply = meta.apply.clone().unwrap_or_default();
    if apply.url.as_deref().is_none_or(str::is_empty)
        && apply.email.as_deref().is_none_or(str::is_empty)
    {
        problems.push(
            origin
                .error(
                    &["apply"],
                    "a job posting needs a way to apply: `apply.url` or `apply.email`",
                )
                .with_help("apply: {url: https://example.com/apply, email: jobs@example.com}"),
        );
    }
    let company_url = meta.company.as_ref().and_then(|c| c.url.as_ref());
    for (path, url) in [
        (&["apply", "url"], apply.url.as_ref()),
        (&["company", "url"], company_url),
    ] {
        if let Some(url) = url
            && !is_http_url(url)
        {
            problems.push(
                origin
                    .error(path, format!("`{url}` is not an absolute http(s) URL"))
                    .with_help("write the full address, e.g. https://example.com/jobs"),
            );
        }
    }
    if let Some(email) = &apply.email
        && !email.contains('@')
    {
        problems.push(origin.error(
            &["apply", "email"],
            format!("`{email}` is not an email address"),
        ));
    }
    let closed = meta.valid_through.is_some_and(|d| today > d.0.date_naive());
    checked(Job { posted, closed }, problems)
}

fn check_location(
    location: Option<&Location>,
    origin: Origin<'_>,
    problems: &mut Vec<super::Diagnostic>,
) {
    let Some(location) = location else {
        problems.push(
            origin
                .error(
                    &["title"],
                    "a job posting needs a `location`, or `location: {remote: true}`",
                )
                .with_help("location: {city: Kyiv, country: UA}"),
        );
        return;
    };
    let has_place =
        location.city.is_some() || location.region.is_some() || location.country.is_some();
    if !has_place && !location.remote {
        problems.push(
            origin
                .error(
                    &["location"],
                    "the location has no city, region or country and is not remote",
                )
                .with_help("add `country: UA` (and `city`), or `remote: true`"),
        );
    }
    let country_error = |code: &str, key: &str| {
        origin
            .error(&["location", key], format!("unknown country code `{code}`"))
            .with_help("expected an ISO 3166-1 alpha-2 code such as UA, GE, ET, PL, DE, US")
    };
    if let Some(code) = &location.country
        && country_name(code).is_none()
    {
        problems.push(country_error(code, "country"));
    }
    for code in &location.applicant_countries {
        if country_name(code).is_none() {
            problems.push(country_error(code, "applicant_countries"));
        }
    }
}

fn check_salary(salary: &Salary, origin: Origin<'_>, problems: &mut Vec<super::Diagnostic>) {
    if iso_currency::Currency::from_code(&salary.currency.to_ascii_uppercase()).is_none() {
        problems.push(
            origin
                .error(
                    &["salary", "currency"],
                    format!("unknown currency code `{}`", salary.currency),
                )
                .with_help("expected an ISO 4217 code such as UAH, EUR, USD, GEL, ETB"),
        );
    }
    if !SALARY_UNITS.contains(&salary.unit.as_str()) {
        let d = origin.error(
            &["salary", "unit"],
            format!("unknown salary unit `{}`", salary.unit),
        );
        problems.push(
            match nearest(&salary.unit.to_ascii_uppercase(), SALARY_UNITS) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!("expected one of {}", SALARY_UNITS.join(", "))),
            },
        );
    }
    if let (Some(min), Some(max)) = (salary.min, salary.max)
        && min.0 > max.0
    {
        problems.push(origin.error(
            &["salary", "min"],
            format!("salary `min` ({}) is greater than `max` ({})", min.0, max.0),
        ));
    }
    if salary.min.is_none() && salary.max.is_none() && salary.value.is_none() {
        problems.push(origin.error(
            &["salary"],
            "the salary has no amount: give `min` and `max`, or `value`",
        ));
    }
    for (key, n) in [
        ("min", salary.min),
        ("max", salary.max),
        ("value", salary.value),
    ] {
        if n.is_some_and(|n| n.0 < 0.0) {
            problems.push(origin.error(&["salary", key], format!("salary `{key}` is negative")));
        }
    }
}
