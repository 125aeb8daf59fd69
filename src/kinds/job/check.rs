//! The checks of a job posting: dates, employment types, the company, a place to
//! work, the salary (currency, unit, range), a way to apply and its addresses.

use chrono::NaiveDate;

use super::{EmploymentType, FrontMatter, Job, Location, Salary, SalaryUnit, country_name};
use crate::content::meta::PageMeta;
use crate::error::{Diagnostic, nearest};
use crate::kinds::values::is_http_url;
use crate::kinds::{Checked, Origin, checked};

pub(super) fn validate(
    fm: FrontMatter,
    meta: &PageMeta,
    origin: Origin<'_>,
    today: NaiveDate,
) -> Checked<Job> {
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
    if let Some(until) = fm.valid_through
        && until.0.date_naive() < posted
    {
        problems.push(origin.error(
            &["valid_through"],
            format!("`valid_through` ({until}) is before the posting date ({posted})"),
        ));
    }
    let employment_types = employment_types(&fm, origin, &mut problems);
    if fm.company.is_none() {
        problems.push(
            origin
                .error(
                    &["title"],
                    "a job posting needs `company` with at least `name`",
                )
                .with_help("company: {name: Example Agency, url: https://example.com}"),
        );
    }
    check_locations(&fm, origin, &mut problems);
    super::details::check_details(&fm, origin, &mut problems);
    if let Some(salary) = &fm.salary {
        check_salary(salary, origin, &mut problems);
    }
    check_apply(&fm, origin, &mut problems);
    let closed = fm.valid_through.is_some_and(|d| today > d.0.date_naive());
    if let Some(until) = fm.valid_through
        && !closed
    {
        problems.extend(closing_soon(until.0.date_naive(), today, origin));
    }
    let job = Job {
        fm,
        posted,
        closed,
        employment_types,
    };
    checked(job, problems)
}

/// How many days an open posting has left before it closes, within which the owner
/// is warned.
const CLOSING_SOON_DAYS: i64 = 7;

/// A warning for an open posting that closes within [`CLOSING_SOON_DAYS`]: it closes
/// at the first build after `until`, so the site must be rebuilt on that day.
fn closing_soon(until: NaiveDate, today: NaiveDate, origin: Origin<'_>) -> Option<Diagnostic> {
    let left = (until - today).num_days();
    if left >= CLOSING_SOON_DAYS {
        return None;
    }
    let when = match left {
        0 => "its last day is today".to_string(),
        1 => "1 day left".to_string(),
        n => format!("{n} days left"),
    };
    Some(
        origin
            .warning(
                &["valid_through"],
                format!("this posting closes after {until} ({when})"),
            )
            .with_help(
                "extend `valid_through` to keep it open; it shows as closed only once the site is rebuilt after that day",
            ),
    )
}

/// The employment types written, each a schema.org keyword.
fn employment_types(
    fm: &FrontMatter,
    origin: Origin<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<EmploymentType> {
    let mut employment_types = Vec::new();
    for kind in &fm.employment_type.0 {
        if let Some(t) = EmploymentType::parse(kind) {
            employment_types.push(t);
        } else {
            let mut d = origin.error(
                &["employment_type"],
                format!("unknown employment type `{kind}`"),
            );
            d = match nearest(
                &kind.to_ascii_uppercase().replace([' ', '-'], "_"),
                EmploymentType::NAMES.iter().copied(),
            ) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!(
                    "expected one of {}",
                    EmploymentType::NAMES.join(", ")
                )),
            };
            problems.push(d);
        }
    }
    employment_types
}

/// A way to apply, and the company's and the application's addresses.
fn check_apply(fm: &FrontMatter, origin: Origin<'_>, problems: &mut Vec<Diagnostic>) {
    let apply = fm.apply.clone().unwrap_or_default();
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
    let company_url = fm.company.as_ref().and_then(|c| c.url.as_ref());
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
}

/// A place to work: `location:` or `locations:` (not both), each with a city, region
/// or country (known codes), or remote.
fn check_locations(fm: &FrontMatter, origin: Origin<'_>, problems: &mut Vec<Diagnostic>) {
    match (&fm.location, &fm.locations) {
        (Some(_), Some(_)) => problems.push(
            origin
                .key_error("locations", "`location` and `locations` are both given")
                .with_help("keep `locations:` (a list of places), or `location:` for one place"),
        ),
        (None, Some(list)) if list.is_empty() => problems.push(
            origin
                .error(&["locations"], "`locations` is an empty list")
                .with_help(
                    "locations:\n  - {city: Kyiv, country: UA}\n  - {city: Lviv, country: UA}",
                ),
        ),
        (None, Some(list)) => {
            for (i, place) in list.iter().enumerate() {
                check_location(place, &["locations", &i.to_string()], origin, problems);
            }
        }
        (Some(place), None) => check_location(place, &["location"], origin, problems),
        (None, None) => problems.push(
            origin
                .error(
                    &["title"],
                    "a job posting needs a `location`, or `location: {remote: true}`",
                )
                .with_help("location: {city: Kyiv, country: UA}"),
        ),
    }
}

fn check_location(
    location: &Location,
    at: &[&str],
    origin: Origin<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let path = |key: &'static str| -> Vec<&str> {
        let mut p = at.to_vec();
        if !key.is_empty() {
            p.push(key);
        }
        p
    };
    let has_place =
        location.city.is_some() || location.region.is_some() || location.country.is_some();
    if !has_place && !location.remote {
        problems.push(
            origin
                .error(
                    &path(""),
                    "the location has no city, region or country and is not remote",
                )
                .with_help("add `country: UA` (and `city`), or `remote: true`"),
        );
    }
    let country_error = |code: &str, key: &'static str| {
        origin
            .error(&path(key), format!("unknown country code `{code}`"))
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

fn check_salary(salary: &Salary, origin: Origin<'_>, problems: &mut Vec<Diagnostic>) {
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
    if SalaryUnit::parse(&salary.unit).is_none() {
        let d = origin.error(
            &["salary", "unit"],
            format!("unknown salary unit `{}`", salary.unit),
        );
        problems.push(
            match nearest(
                &salary.unit.to_ascii_uppercase(),
                SalaryUnit::NAMES.iter().copied(),
            ) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!("expected one of {}", SalaryUnit::NAMES.join(", "))),
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
