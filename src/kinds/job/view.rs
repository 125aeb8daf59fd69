//! What templates get of a job posting: `page.job` ([`JobView`]) on its page, and
//! the fields a listing shows of it ([`JobSummary`]).

use serde::Serialize;

use super::details::{Experience, places, workplace_of};
use super::filters::{JobFilters, department_anchor};
use super::{EmploymentType, Job, Location, Salary};
use crate::error::Diagnostic;
use crate::kinds::values::{ListItem, Number};
use crate::kinds::view::{ListItemView, ViewContext};
use crate::render::format::Format;
use crate::render::locale::ListKind;
use crate::site::Page;
use crate::slugify::SlugMode;

/// `page.job`: a job posting as its page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct JobView {
    /// The day it was posted (the page's `date`), `YYYY-MM-DD`.
    pub date_posted: Option<String>,
    /// The last day applications are taken, `YYYY-MM-DD`; `null` when open-ended.
    pub valid_through: Option<String>,
    /// Past `valid_through`: the page says the posting is closed.
    pub closed: bool,
    /// The schema.org employment types (`FULL_TIME`, …), as written.
    pub employment_type: Vec<EmploymentType>,
    /// The employment types in the page's language (`Full-time`), in the same order.
    pub employment_type_labels: Vec<String>,
    /// The employment types as one phrase in the page's language (`Full-time or
    /// Part-time`).
    pub employment_type_label: String,
    /// `date_posted` in the page's language.
    pub date_posted_display: Option<String>,
    /// `valid_through` in the page's language.
    pub valid_through_display: Option<String>,
    /// The hiring company.
    pub company: Option<CompanyView>,
    /// Where the work is (the first place of `locations`); `null` when none is given.
    pub location: Option<LocationView>,
    /// Every place of `locations` (or the one `location`).
    pub locations: Vec<LocationView>,
    /// All places in one line, in the page's language (`Kyiv, Ukraine or Lviv, Ukraine`).
    pub location_label: String,
    /// Where the work is done: `onsite`, `hybrid` or `remote`.
    pub workplace: &'static str,
    /// `workplace` in the page's language (`Hybrid`).
    pub workplace_label: String,
    /// The experience asked for in the page's language (`2 years`), or the text written.
    pub experience: Option<String>,
    /// The experience in months, when written as a number.
    pub experience_months: Option<i64>,
    /// The education asked for (`bachelor_degree`).
    pub education: Option<String>,
    /// The education in the page's language (`Bachelor's degree`).
    pub education_label: Option<String>,
    /// The first working day, `YYYY-MM-DD`.
    pub start_date: Option<String>,
    /// `start_date` in the page's language.
    pub start_date_display: Option<String>,
    /// The working hours, as written.
    pub hours: Option<String>,
    /// How many people are hired.
    pub openings: Option<i64>,
    /// `openings` as the page's language writes numbers.
    pub openings_display: Option<String>,
    /// The pay, formatted; `null` when not given.
    pub salary: Option<SalaryView>,
    /// The team, as written.
    pub department: Option<String>,
    /// The level (`Senior`), as written.
    pub seniority: Option<String>,
    /// The values of the jobs page's filters; `null` once the posting closed.
    pub filters: Option<JobFilters>,
    /// How to apply.
    pub apply: ApplyView,
    /// The posting's reference, shared by its translations (`jobs/smm`).
    pub reference: String,
    /// The URL of the QR code (an SVG file beside the page) of the page's address,
    /// for the printed page; `null` once the posting closed.
    pub qr_code: Option<String>,
    /// What the role does, each entry rendered from Markdown.
    pub responsibilities: Vec<ListItemView>,
    /// What the role asks for.
    pub qualifications: Vec<ListItemView>,
    /// What helps but is not required.
    pub nice_to_have: Vec<ListItemView>,
    /// What the company offers.
    pub benefits: Vec<ListItemView>,
}

/// `page.job.company`.
#[derive(Debug, Serialize)]
pub(crate) struct CompanyView {
    /// The company's name.
    pub name: String,
    /// Its web site, an absolute http(s) URL.
    pub url: Option<String>,
    /// The URL of its logo (a file of the page's bundle, or as written).
    pub logo: Option<String>,
}

/// `page.job.salary`.
#[derive(Debug, Serialize)]
pub(crate) struct SalaryView {
    /// The ISO 4217 code, upper case (`UAH`).
    pub currency: String,
    /// The lower end of a range, a number.
    pub min: Option<Number>,
    /// The upper end of a range, a number.
    pub max: Option<Number>,
    /// A single amount, when there is no range.
    pub value: Option<Number>,
    /// What the amount is paid for: `HOUR`, `DAY`, `WEEK`, `MONTH` or `YEAR`.
    pub unit: String,
    /// The unit in the page's language (`per month`).
    pub unit_label: String,
    /// The amount or range as money in the page's language (`50 000 ₴ – 70 000 ₴`).
    pub amount_display: String,
    /// `amount_display` followed by `unit_label`.
    pub display: String,
}

/// `page.job.location`.
#[derive(Debug, Serialize)]
pub(crate) struct LocationView {
    /// The street address, as written.
    pub street: Option<String>,
    /// The city, as written.
    pub city: Option<String>,
    /// The region, as written.
    pub region: Option<String>,
    /// The postal code, as written.
    pub postal_code: Option<String>,
    /// The ISO 3166-1 alpha-2 code, upper case.
    pub country: Option<String>,
    /// The country's name in the page's language (English where CLDR has none).
    pub country_name: Option<String>,
    /// Whether the work can be done remotely.
    pub remote: bool,
    /// Where remote applicants may live.
    pub applicant_countries: Vec<CountryView>,
    /// The place in one line, in the page's language (`Kyiv, Ukraine or remote`,
    /// `Remote (Ukraine or Poland)`).
    pub label: String,
}

/// A country remote applicants may live in.
#[derive(Debug, Serialize)]
pub(crate) struct CountryView {
    /// The ISO 3166-1 alpha-2 code, upper case.
    pub code: String,
    /// The country's name in the page's language (English where CLDR has none).
    pub name: Option<String>,
}

/// `page.job.apply`.
#[derive(Debug, Serialize)]
pub(crate) struct ApplyView {
    /// The application form's URL.
    pub url: Option<String>,
    /// The address applications are mailed to.
    pub email: Option<String>,
    /// `mailto:` the `email`, with the subject `Title (ref. reference)`.
    pub mailto: Option<String>,
    /// Where the apply button goes: `url`, else `mailto`.
    pub href: Option<String>,
}

/// What a listing shows of a job posting, besides every page's summary.
#[derive(Debug, Serialize)]
pub(crate) struct JobSummary {
    /// Past `valid_through`.
    pub closed: bool,
    /// The last day applications are taken, `YYYY-MM-DD`.
    pub valid_through: Option<String>,
    /// `valid_through` in the page's language.
    pub valid_through_display: Option<String>,
    /// The hiring company's name.
    pub company_name: Option<String>,
    /// The place in one line, as `page.job.location.label`.
    pub location_label: Option<String>,
    /// The employment types in the page's language.
    pub employment_type_labels: Vec<String>,
    /// The employment types as one phrase, as `page.job.employment_type_label`.
    pub employment_type_label: String,
    /// The schema.org employment types.
    pub employment_type: Vec<EmploymentType>,
    /// The department, as written.
    pub department: Option<String>,
    /// The id of the department's group on the jobs page (`department-events`,
    /// `department-other` without a department).
    pub department_anchor: String,
}

impl JobView {
    pub(crate) fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        job: &Job,
        problems: &mut Vec<Diagnostic>,
    ) -> JobView {
        let m = &job.fm;
        let f = cx.format(page);
        let apply = m.apply.clone().unwrap_or_default();
        let reference = super::apply::reference(page);
        let mailto = apply
            .email
            .as_ref()
            .map(|e| super::apply::mailto(e, &page.meta.title, &reference));
        let href = apply.url.clone().or_else(|| mailto.clone());
        let mut items = |key: &str, list: &[ListItem]| cx.items(page, &[key], list, problems);
        JobView {
            date_posted: page.meta.date.map(|d| d.ymd()),
            valid_through: m.valid_through.map(|d| d.ymd()),
            closed: job.closed,
            employment_type: job.employment_types.clone(),
            employment_type_labels: employment_type_labels(job, f),
            employment_type_label: f.list(&employment_type_labels(job, f), ListKind::Or),
            date_posted_display: page.meta.date.map(|d| f.date(d.0.date_naive())),
            valid_through_display: m.valid_through.map(|d| f.date(d.0.date_naive())),
            company: m.company.as_ref().map(|c| CompanyView {
                name: c.name.clone(),
                url: c.url.clone(),
                logo: c.logo.as_ref().map(|l| cx.asset_url(page, l)),
            }),
            location: LocationView::all(job, f).into_iter().next(),
            locations: LocationView::all(job, f),
            location_label: location_label(job, f),
            workplace: workplace_of(m).as_str(),
            workplace_label: f.word(&format!("workplace_{}", workplace_of(m))),
            experience: JobView::experience_text(job, f),
            experience_months: match m.experience {
                Some(Experience::Months(n)) => Some(n),
                _ => None,
            },
            education: m.education.clone(),
            education_label: m
                .education
                .as_ref()
                .map(|e| f.word(&format!("education_{e}"))),
            start_date: m.start_date.map(|d| d.ymd()),
            start_date_display: m.start_date.map(|d| f.date(d.0.date_naive())),
            hours: m.hours.clone(),
            openings: m.openings,
            openings_display: m.openings.map(|n| f.number(n as f64)),
            salary: m.salary.as_ref().map(|s| SalaryView::new(s, f)),
            department: m.department.clone(),
            seniority: m.seniority.clone(),
            filters: JobFilters::new(job, f),
            apply: ApplyView {
                url: apply.url,
                email: apply.email,
                mailto,
                href,
            },
            reference,
            qr_code: (!job.closed).then(|| {
                cx.site
                    .url(&format!("{}{}", page.path, super::apply::QR_FILE))
            }),
            responsibilities: items("responsibilities", &m.responsibilities),
            qualifications: items("qualifications", &m.qualifications),
            nice_to_have: items("nice_to_have", &m.nice_to_have),
            benefits: items("benefits", &m.benefits),
        }
    }
}

impl JobView {
    /// The experience asked for, in the page's language.
    pub(crate) fn experience_text(job: &Job, f: Format<'_>) -> Option<String> {
        job.fm.experience.as_ref().map(|e| experience_label(e, f))
    }
}

impl SalaryView {
    pub(crate) fn new(s: &Salary, f: Format<'_>) -> SalaryView {
        let money = |n: f64| f.money(n, &s.currency);
        let amount = match (s.min, s.max, s.value) {
            (Some(min), Some(max), _) => format!("{} – {}", money(min.0), money(max.0)),
            (Some(min), None, _) => format!("{} {}", f.word("salary_from"), money(min.0)),
            (None, Some(max), _) => format!("{} {}", f.word("salary_up_to"), money(max.0)),
            (None, None, Some(v)) => money(v.0),
            _ => String::new(),
        };
        SalaryView {
            currency: s.currency.to_ascii_uppercase(),
            min: s.min,
            max: s.max,
            value: s.value,
            unit: s.unit.clone(),
            unit_label: f.per_unit(&s.unit),
            display: format!("{amount} {}", f.per_unit(&s.unit)),
            amount_display: amount,
        }
    }
}

impl LocationView {
    /// The job's places, in the order written.
    pub(crate) fn all(job: &Job, f: Format<'_>) -> Vec<LocationView> {
        places(&job.fm)
            .into_iter()
            .map(|l| LocationView::new(l, f))
            .collect()
    }

    fn new(l: &Location, f: Format<'_>) -> LocationView {
        let country = l.country.as_ref().map(|c| c.to_ascii_uppercase());
        let country_label = country.as_deref().and_then(|c| f.country(c));
        let place: Vec<&str> = [l.city.as_deref(), l.region.as_deref()]
            .into_iter()
            .flatten()
            .chain(country_label.as_deref())
            .collect();
        let applicants: Vec<CountryView> = l
            .applicant_countries
            .iter()
            .map(|c| CountryView {
                code: c.to_ascii_uppercase(),
                name: f.country(c),
            })
            .collect();
        let names: Vec<&str> = applicants
            .iter()
            .filter_map(|c| c.name.as_deref())
            .collect();
        // The parts of an address are not a list: they take the language's comma.
        let place = place.join(&f.word("list_separator"));
        let label = match (place.is_empty(), l.remote) {
            (false, true) => format!("{place} {}", f.word("or_remote")),
            (false, false) => place,
            (true, _) if names.is_empty() => f.word("remote"),
            (true, _) => format!("{} ({})", f.word("remote"), f.list(&names, ListKind::Or)),
        };
        LocationView {
            street: l.street.clone(),
            city: l.city.clone(),
            region: l.region.clone(),
            postal_code: l.postal_code.clone(),
            country,
            country_name: country_label,
            remote: l.remote,
            applicant_countries: applicants,
            label,
        }
    }
}

impl JobSummary {
    pub(crate) fn new(job: &Job, f: Format<'_>, slugs: SlugMode) -> JobSummary {
        let m = &job.fm;
        let department = m.department.clone().filter(|d| !d.trim().is_empty());
        JobSummary {
            closed: job.closed,
            valid_through: m.valid_through.map(|d| d.ymd()),
            valid_through_display: m.valid_through.map(|d| f.date(d.0.date_naive())),
            company_name: m.company.as_ref().map(|c| c.name.clone()),
            location_label: Some(location_label(job, f)).filter(|l| !l.is_empty()),
            employment_type_labels: employment_type_labels(job, f),
            employment_type_label: f.list(&employment_type_labels(job, f), ListKind::Or),
            employment_type: job.employment_types.clone(),
            department_anchor: department_anchor(department.as_deref(), slugs, f.lang),
            department,
        }
    }
}

/// Every place of the job in one line, in the page's language.
pub(super) fn location_label(job: &Job, f: Format<'_>) -> String {
    let labels: Vec<String> = LocationView::all(job, f)
        .into_iter()
        .map(|l| l.label)
        .collect();
    f.list(&labels, ListKind::Or)
}

/// The experience asked for: whole years as years, else months, or the text.
fn experience_label(e: &Experience, f: Format<'_>) -> String {
    match *e {
        Experience::Months(n) if n >= 12 && n % 12 == 0 => {
            let years = (n / 12) as f64;
            f.strings.counted(
                f.locale,
                f.lang,
                "experience_years",
                years,
                &f.number(years),
            )
        }
        Experience::Months(n) => f.strings.counted(
            f.locale,
            f.lang,
            "experience_months",
            n as f64,
            &f.number(n as f64),
        ),
        Experience::Text(ref text) => text.clone(),
    }
}

/// The employment types in the page's language.
fn employment_type_labels(job: &Job, f: Format<'_>) -> Vec<String> {
    let types = job.employment_types.iter();
    types.map(|t| f.employment_type(t.as_str())).collect()
}
