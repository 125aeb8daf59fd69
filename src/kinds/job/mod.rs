//! `kind: job`: a job posting's front matter, its checks (`check.rs`: currency and
//! country codes, salary range, dates, employment types, a way to apply, a place to
//! work), its view (`view.rs`) and its schema.org `JobPosting` (`json_ld.rs`).

pub(crate) mod apply;
mod check;
pub(crate) mod details;
pub(crate) mod filters;
mod json_ld;
pub(crate) mod view;
pub(crate) mod xml_feed;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::values::{ListItem, Number, OneOrMany, keywords};
use super::view::{to_json, to_map};
use super::{CheckInput, Checked, KindData, KindSpec, TypedKind, ViewContext};
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::markdown::Rendered;
use crate::render::format::Format;
use crate::site::{Page, Site};

pub(crate) struct Spec;

/// The keys of a job posting.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    #[serde(default)]
    pub valid_through: Option<crate::content::dates::Date>,
    #[serde(default)]
    pub employment_type: OneOrMany,
    #[serde(default)]
    pub company: Option<Company>,
    #[serde(default)]
    pub location: Option<Location>,
    /// Several places (the many-place form of `location`).
    #[serde(default)]
    pub locations: Option<Vec<Location>>,
    /// `onsite`, `hybrid` or `remote`.
    #[serde(default)]
    pub workplace: Option<String>,
    /// A number of months, or a text.
    #[serde(default)]
    pub experience: Option<details::Experience>,
    /// One of [`details::Education`].
    #[serde(default)]
    pub education: Option<String>,
    #[serde(default)]
    pub start_date: Option<crate::content::dates::Date>,
    /// The working hours, as written.
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub openings: Option<i64>,
    /// An ISCO-08 or O*NET-SOC code, for the JSON-LD only.
    #[serde(default)]
    pub occupation: Option<String>,
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

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Company {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Location {
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

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Salary {
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

#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Apply {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Whether applying happens without leaving for another site: by default, when
    /// there is no `url` (an e-mail application) or the `url` is on this site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct: Option<bool>,
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
pub(crate) struct Job {
    pub fm: FrontMatter,
    pub posted: NaiveDate,
    /// Past `valid_through`: the page stays, says so, and leaves every list of open jobs.
    pub closed: bool,
    pub employment_types: Vec<EmploymentType>,
}

impl TypedKind for Spec {
    const NAME: &'static str = "job";
    const FOLDER: &'static str = "jobs";
    const TEMPLATE: &'static str = "job.html";
    type FrontMatter = FrontMatter;
    type Data = Job;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Job> {
        check::validate(fm, input.meta, input.origin, input.today)
    }

    fn scaffold(today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let later = (today + chrono::Days::new(30)).format("%Y-%m-%d");
        format!(
            "description: \"What the role is and who it suits, in one sentence.\"\ndate: {date}\nvalid_through: {later}    # the posting closes after this day\nemployment_type: [FULL_TIME]\ncompany:\n  name: Example Agency\n  url: https://example.com\nlocation:\n  city: Kyiv\n  country: UA          # ISO 3166 alpha-2; or remote: true with applicant_countries\nsalary:\n  currency: UAH        # ISO 4217\n  min: 40000\n  max: 60000\n  unit: MONTH          # HOUR, DAY, WEEK, MONTH or YEAR\nworkplace: onsite      # onsite, hybrid or remote\nexperience: 12         # months, or a text\n# education: bachelor_degree   # high_school, associate_degree, professional_certificate, postgraduate_degree\n# start_date: {date}\n# hours: \"\"\nopenings: 1\n# occupation: \"2431\"  # ISCO-08 or O*NET-SOC code, for search engines\ndepartment: \"\"         # optional: \"\" or no line means not given\nseniority: \"\"\napply:\n  url: https://example.com/jobs/apply\n  email: \"\"            # or an address, or both\nresponsibilities:\n  - Plan and publish the content calendar\nqualifications:\n  - Two years of social-media work\nnice_to_have: []\nbenefits: []\nskills: []\nplatforms: []\n---\n\nDescribe the role here.\n"
        )
    }
}

impl KindData for Job {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(to_json(&view::JobView::new(cx, page, self, problems)))
    }

    fn summary(&self, site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
        let _ = page;
        to_map(&view::JobSummary::new(self, f, site.config.slugify))
    }

    fn json_ld(&self, site: &Site, page: &Page, body: &Rendered) -> Option<String> {
        json_ld::job_posting(site, page, self, body)
    }

    /// The place and the salary range, as `Kyiv, Ukraine · 40 000 – 55 000 UAH per month`.
    fn card_figure(&self, f: Format<'_>) -> Option<String> {
        let place = Some(view::location_label(self, f)).filter(|l| !l.is_empty());
        let salary = self
            .fm
            .salary
            .as_ref()
            .map(|s| view::SalaryView::new(s, f).display);
        let parts: Vec<String> = place.into_iter().chain(salary).collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    fn card_byline(&self) -> Option<&str> {
        Some(self.fm.company.as_ref()?.name.as_str())
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

    /// The QR code of the posting's address, for its printed page (written for a
    /// closed posting too, which no longer shows it: a page's files do not change
    /// with the day).
    fn files(&self, site: &Site, page: &Page, f: Format<'_>) -> Vec<(&'static str, String)> {
        let _ = f;
        apply::qr_svg(&site.permalink(&page.path))
            .map(|svg| (apply::QR_FILE, svg))
            .into_iter()
            .collect()
    }
}

/// The day a closed posting's page changed to say so (the day after its
/// `valid_through`), for the sitemap's `lastmod`; `None` for an open posting or
/// another kind.
pub(crate) fn closed_on(page: &Page) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let job = super::data_of::<Job>(page).filter(|j| j.closed)?;
    let until = job.fm.valid_through?.0;
    Some(until + chrono::Days::new(1))
}

/// English name of an ISO 3166-1 alpha-2 code.
pub(crate) fn country_name(code: &str) -> Option<&'static str> {
    rust_iso3166::from_alpha2(&code.to_ascii_uppercase()).map(|c| c.name)
}
