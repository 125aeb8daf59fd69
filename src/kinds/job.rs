//! `kind: job`: a job posting's front matter and its checks (currency and country codes,
//! salary range, dates, employment types, a way to apply, a place to work).

use std::any::Any;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::values::{ListItem, Number, OneOrMany, is_http_url, keywords};
use super::{CheckInput, Checked, Kind, KindData, KindSpec, Origin, ViewContext, checked};
use crate::content::meta::PageMeta;
use crate::error::{Diagnostic, nearest};
use crate::images::Slot;
use crate::markdown::Rendered;
use crate::render::format::Format;
use crate::site::{Page, Site};

pub struct Spec;

/// The keys of a job posting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(default)]
    pub valid_through: Option<crate::content::dates::Date>,
    #[serde(default)]
    pub employment_type: OneOrMany,
    #[serde(default)]
    pub company: Option<Company>,
    #[serde(default)]
    pub location: Option<Location>,
    #[serde(default)]
    pub salary: Option<Salary>,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub seniority: Option<String>,
    #[serde(default)]
    pub apply: Option<Apply>,
    #[serde(default)]
    pub responsibilities: Vec<ListItem>,
    #[serde(default)]
    pub qualifications: Vec<ListItem>,
    #[serde(default)]
    pub nice_to_have: Vec<ListItem>,
    #[serde(default)]
    pub benefits: Vec<ListItem>,
}

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

keywords! {
    /// schema.org's employment types.
    EmploymentType {
        FullTime = "FULL_TIME",
        PartTime = "PART_TIME",
        Contractor = "CONTRACTOR",
        Temporary = "TEMPORARY",
        Intern = "INTERN",
        Volunteer = "VOLUNTEER",
        PerDiem = "PER_DIEM",
        Other = "OTHER",
    }
}

keywords! {
    /// What a salary amount is paid for.
    SalaryUnit {
        Hour = "HOUR",
        Day = "DAY",
        Week = "WEEK",
        Month = "MONTH",
        Year = "YEAR",
    }
}

/// A checked job posting.
#[derive(Debug, Clone)]
pub struct Job {
    pub fm: FrontMatter,
    pub posted: NaiveDate,
    /// Past `valid_through`: the page stays, says so, and leaves every list of open jobs.
    pub closed: bool,
    pub employment_types: Vec<EmploymentType>,
}

impl KindSpec for Spec {
    fn name(&self) -> &'static str {
        "job"
    }

    fn folder(&self) -> &'static str {
        "jobs"
    }

    fn template(&self) -> &'static str {
        "job.html"
    }

    fn keys(&self) -> &'static [&'static str] {
        crate::yaml::fields_of::<FrontMatter>()
    }

    fn check(&self, input: CheckInput<'_>) -> Checked<Kind> {
        let fm = match input.origin.parse_kind_keys::<FrontMatter>() {
            Ok(fm) => fm,
            Err(d) => return (None, vec![d]),
        };
        let (job, problems) = validate(fm, input.meta, input.origin, input.today);
        (job.map(|j| Arc::new(j) as Kind), problems)
    }

    fn scaffold(&self, today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let later = (today + chrono::Days::new(30)).format("%Y-%m-%d");
        format!(
            "description: \"\"\ndate: {date}\nvalid_through: {later}\nemployment_type: [FULL_TIME]\ncompany:\n  name: \"\"\n  url: \"\"\nlocation:\n  city: \"\"\n  country: UA          # ISO 3166 alpha-2; or remote: true with applicant_countries\nsalary:\n  currency: UAH        # ISO 4217\n  min: 0\n  max: 0\n  unit: MONTH          # HOUR, DAY, WEEK, MONTH or YEAR\ndepartment: \"\"\nseniority: \"\"\napply:\n  url: \"\"\n  email: \"\"\nresponsibilities:\n  - \"\"\nqualifications:\n  - \"\"\nnice_to_have: []\nbenefits: []\nskills: []\nplatforms: []\n---\n\nDescribe the role here.\n"
        )
    }
}

impl KindData for Job {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(cx.job(page, self, problems))
    }

    fn summary(&self, site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
        let _ = (site, page);
        crate::render::kinds::job_summary(self, f)
    }

    fn json_ld(&self, site: &Site, page: &Page, body: &Rendered) -> Option<String> {
        crate::render::kinds::job_posting_json_ld(site, page, self, body)
    }

    fn share_image(&self) -> Option<&str> {
        self.fm.company.as_ref()?.logo.as_deref()
    }

    fn images(&self) -> Vec<(Slot, &str)> {
        let logo = self.fm.company.as_ref().and_then(|c| c.logo.as_deref());
        logo.map(|l| (Slot::Logo, l)).into_iter().collect()
    }

    fn is_open_job(&self) -> bool {
        !self.closed
    }
}

/// English name of an ISO 3166-1 alpha-2 code.
pub fn country_name(code: &str) -> Option<&'static str> {
    rust_iso3166::from_alpha2(&code.to_ascii_uppercase()).map(|c| c.name)
}

fn validate(
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
    check_location(fm.location.as_ref(), origin, &mut problems);
    if let Some(salary) = &fm.salary {
        check_salary(salary, origin, &mut problems);
    }
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
    let closed = fm.valid_through.is_some_and(|d| today > d.0.date_naive());
    let job = Job {
        fm,
        posted,
        closed,
        employment_types,
    };
    checked(job, problems)
}

fn check_location(location: Option<&Location>, origin: Origin<'_>, problems: &mut Vec<Diagnostic>) {
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
