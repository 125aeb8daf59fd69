//! The schema.org `JobPosting` of an open job, for search engines' job listings.

use serde_json::{Map, Value, json};

use super::details::{Experience, Workplace, places, workplace_of};
use super::{Company, FrontMatter, Job, Salary};
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
    location(m, &mut ld);
    details(m, &mut ld);
    if let Some(s) = &m.salary {
        ld.insert("baseSalary".into(), base_salary(s));
    }
    ld.insert(
        "identifier".into(),
        json!({"@type": "PropertyValue", "name": company.name, "value": page.id}),
    );
    ld.insert("directApply".into(), json!(direct_apply(site, m)));
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

/// Whether applying happens on this site or by e-mail, not on another site (an
/// applicant-tracking system): `apply.direct` when written.
fn direct_apply(site: &Site, m: &FrontMatter) -> bool {
    let Some(apply) = &m.apply else {
        return false;
    };
    apply.direct.unwrap_or_else(|| match &apply.url {
        Some(url) => url.starts_with(&format!("{}/", site.origin())),
        None => apply.email.is_some(),
    })
}

/// `jobLocation`: a `Place` with its `PostalAddress` per place (a list for several);
/// for remote work `jobLocationType` and the countries applicants may live in.
fn location(m: &FrontMatter, ld: &mut Map<String, Value>) {
    let all = places(m);
    let located: Vec<Value> = all
        .iter()
        .filter(|l| l.city.is_some() || l.region.is_some() || l.country.is_some())
        .map(|l| {
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
            json!({"@type": "Place", "address": address})
        })
        .collect();
    match located.len() {
        0 => {}
        1 => {
            ld.insert("jobLocation".into(), located[0].clone());
        }
        _ => {
            ld.insert("jobLocation".into(), json!(located));
        }
    }
    if workplace_of(m) == Workplace::Remote {
        ld.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        let mut codes: Vec<String> = all
            .iter()
            .flat_map(|l| &l.applicant_countries)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        codes.dedup();
        let countries: Vec<Value> = codes
            .iter()
            .map(|c| json!({"@type": "Country", "name": c}))
            .collect();
        if !countries.is_empty() {
            ld.insert("applicantLocationRequirements".into(), json!(countries));
        }
    }
}

/// Google's recommended details: experience, education, start date, hours, openings,
/// benefits and the occupation code.
fn details(m: &FrontMatter, ld: &mut Map<String, Value>) {
    match &m.experience {
        Some(Experience::Months(months)) => {
            ld.insert(
                "experienceRequirements".into(),
                json!({"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}),
            );
        }
        Some(Experience::Text(text)) => {
            ld.insert("experienceRequirements".into(), json!(text));
        }
        None => {}
    }
    if let Some(e) = m
        .education
        .as_deref()
        .and_then(super::details::Education::parse)
    {
        ld.insert(
            "educationRequirements".into(),
            json!({"@type": "EducationalOccupationalCredential", "credentialCategory": e.credential_category()}),
        );
    }
    if let Some(start) = m.start_date {
        ld.insert("jobStartDate".into(), json!(start.ymd()));
    }
    if let Some(hours) = &m.hours {
        ld.insert("workHours".into(), json!(hours));
    }
    if let Some(n) = m.openings {
        ld.insert("totalJobOpenings".into(), json!(n));
    }
    if !m.benefits.is_empty() {
        let texts: Vec<String> = m.benefits.iter().map(plain_item).collect();
        ld.insert("jobBenefits".into(), json!(texts.join("\n")));
    }
    if let Some(code) = &m.occupation {
        ld.insert("occupationalCategory".into(), json!(code));
    }
}

/// A list item as one line of text, its sub-items after a colon.
fn plain_item(item: &crate::kinds::values::ListItem) -> String {
    if item.children.is_empty() {
        return item.text.clone();
    }
    let children: Vec<String> = item.children.iter().map(plain_item).collect();
    format!(
        "{}: {}",
        item.text.trim_end_matches(':'),
        children.join("; ")
    )
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
