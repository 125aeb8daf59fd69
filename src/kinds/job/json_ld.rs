//! The schema.org `JobPosting` of an open job, for search engines' job listings.

use serde_json::{Map, Value, json};

use super::{Company, Job, Location, Salary};
use crate::kinds::view::{asset_url, script_safe};
use crate::markdown::Rendered;
use crate::site::{Page, Site};

/// The `JobPosting` of an open job, as JSON safe to put inside `<script>`; `None` for
/// a closed posting or one without a company.
pub(super) fn job_posting(site: &Site, page: &Page, job: &Job, body: &Rendered) -> Option<String> {
    if job.closed {
        return None;
    }
    let m = &job.fm;
    let common = &page.meta;
    let company = m.company.as_ref()?;
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org/"));
    ld.insert("@type".into(), json!("JobPosting"));
    ld.insert("title".into(), json!(common.title));
    // schema.org reads `description` as HTML: plain front matter text is escaped.
    let description = if body.html.trim().is_empty() {
        crate::markdown::escape_html(common.description.as_deref().unwrap_or(&common.title))
    } else {
        body.html.clone()
    };
    ld.insert("description".into(), json!(description));
    ld.insert(
        "datePosted".into(),
        json!(job.posted.format("%Y-%m-%d").to_string()),
    );
    if let Some(until) = m.valid_through {
        ld.insert(
            "validThrough".into(),
            json!(format!("{}T23:59:59", until.ymd())),
        );
    }
    let types = &job.employment_types;
    if types.len() == 1 {
        ld.insert("employmentType".into(), json!(types[0]));
    } else if !types.is_empty() {
        ld.insert("employmentType".into(), json!(types));
    }
    ld.insert(
        "hiringOrganization".into(),
        organization(site, page, company),
    );
    if let Some(l) = &m.location {
        location(l, &mut ld);
    }
    if let Some(s) = &m.salary {
        ld.insert("baseSalary".into(), base_salary(s));
    }
    ld.insert(
        "identifier".into(),
        json!({"@type": "PropertyValue", "name": company.name, "value": page.id}),
    );
    let direct = m.apply.as_ref().is_some_and(|a| a.url.is_some());
    ld.insert("directApply".into(), json!(direct));
    ld.insert("url".into(), json!(site.permalink(&page.path)));
    let skills = common.terms("skills");
    if !skills.is_empty() {
        ld.insert("skills".into(), json!(skills.join(", ")));
    }
    Some(script_safe(&Value::Object(ld)))
}

/// The hiring `Organization`: name, web site and logo (an absolute URL).
fn organization(site: &Site, page: &Page, company: &Company) -> Value {
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(company.name));
    if let Some(url) = &company.url {
        org.insert("sameAs".into(), json!(url));
    }
    if let Some(logo) = &company.logo {
        let url = asset_url(site, page, logo);
        let absolute = if url.contains("://") {
            url
        } else {
            format!("{}{}", site.origin(), url)
        };
        org.insert("logo".into(), json!(absolute));
    }
    Value::Object(org)
}

/// `jobLocation` with its `PostalAddress`, and for remote work `jobLocationType` and
/// the countries applicants may live in.
fn location(l: &Location, ld: &mut Map<String, Value>) {
    if l.city.is_some() || l.region.is_some() || l.country.is_some() {
        let mut address = Map::new();
        address.insert("@type".into(), json!("PostalAddress"));
        let fields = [
            ("streetAddress", &l.street),
            ("addressLocality", &l.city),
            ("addressRegion", &l.region),
            ("postalCode", &l.postal_code),
        ];
        for (key, value) in fields {
            if let Some(v) = value {
                address.insert(key.into(), json!(v));
            }
        }
        if let Some(c) = &l.country {
            address.insert("addressCountry".into(), json!(c.to_ascii_uppercase()));
        }
        ld.insert(
            "jobLocation".into(),
            json!({"@type": "Place", "address": address}),
        );
    }
    if l.remote {
        ld.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        let countries: Vec<Value> = l
            .applicant_countries
            .iter()
            .map(|c| json!({"@type": "Country", "name": c.to_ascii_uppercase()}))
            .collect();
        if !countries.is_empty() {
            ld.insert("applicantLocationRequirements".into(), json!(countries));
        }
    }
}

/// `baseSalary`: a `MonetaryAmount` of one value or a range, per unit.
fn base_salary(s: &Salary) -> Value {
    let mut value = Map::new();
    value.insert("@type".into(), json!("QuantitativeValue"));
    match (s.min, s.max, s.value) {
        (None, None, Some(v)) => {
            value.insert("value".into(), json!(v));
        }
        (min, max, _) => {
            if let Some(min) = min {
                value.insert("minValue".into(), json!(min));
            }
            if let Some(max) = max {
                value.insert("maxValue".into(), json!(max));
            }
        }
    }
    value.insert("unitText".into(), json!(s.unit));
    json!({"@type": "MonetaryAmount", "currency": s.currency.to_ascii_uppercase(), "value": value})
}
