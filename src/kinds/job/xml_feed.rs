//! The XML job feed job aggregators ingest (Indeed's format): one per language at
//! `/jobs/feed.xml` (`/uk/jobs/feed.xml`, …), the open postings of that language,
//! one `<job>` per place, every text in CDATA.

use chrono::{NaiveDate, NaiveTime};

use super::details::{Workplace, places, workplace_of};
use super::view::{JobView, SalaryView};
use super::{EmploymentType, Job, Location};
use crate::kinds::data_of;
use crate::render::format::Format;
use crate::site::{Page, Site};

/// The path of a language's job feed.
pub(crate) fn feed_path(site: &Site, lang: &str) -> String {
    format!("{}/jobs/feed.xml", site.config.lang_prefix(lang))
}

/// The languages that have job postings, open or closed: each gets a job feed (empty
/// once all its postings closed, so a job board never meets a missing feed).
pub(crate) fn feed_languages(site: &Site) -> Vec<String> {
    let mut langs: Vec<String> = site
        .pages
        .values()
        .filter(|p| data_of::<Job>(p).is_some())
        .map(|p| p.lang.clone())
        .collect();
    langs.sort();
    langs.dedup();
    langs
}

/// The feed of `lang`'s open postings, newest first; `body` gives a posting's body as
/// HTML.
pub(crate) fn xml_feed(
    site: &Site,
    lang: &str,
    f: Format<'_>,
    body: &dyn Fn(&Page) -> Option<String>,
) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<source>\n");
    let title = site
        .config
        .languages
        .get(lang)
        .and_then(|l| l.title.clone())
        .unwrap_or_else(|| site.config.title.clone());
    element(&mut xml, 1, "publisher", &title);
    element(
        &mut xml,
        1,
        "publisherurl",
        &site.permalink(&format!("{}/", site.config.lang_prefix(lang))),
    );
    element(&mut xml, 1, "lastBuildDate", &rfc2822(site.today));
    for page in site.pages_by_date() {
        let Some(job) = data_of::<Job>(page).filter(|j| !j.closed && page.lang == lang) else {
            continue;
        };
        let description = body(page)
            .filter(|html| !html.trim().is_empty())
            .or_else(|| page.meta.description.clone())
            .unwrap_or_default();
        let all = places(&job.fm);
        for (i, place) in all.iter().enumerate() {
            let mut reference = super::apply::reference(page);
            if all.len() > 1 {
                reference = format!("{reference}-{}", i + 1);
            }
            xml.push_str("  <job>\n");
            job_elements(
                &mut xml,
                site,
                page,
                job,
                place,
                &reference,
                &description,
                f,
            );
            xml.push_str("  </job>\n");
        }
    }
    xml.push_str("</source>\n");
    xml
}

/// The elements of one `<job>`: one place of a posting.
#[allow(clippy::too_many_arguments)]
fn job_elements(
    xml: &mut String,
    site: &Site,
    page: &Page,
    job: &Job,
    place: &Location,
    reference: &str,
    description: &str,
    f: Format<'_>,
) {
    let m = &job.fm;
    let salary = m.salary.as_ref().map(|s| SalaryView::new(s, f).display);
    let education = m
        .education
        .as_ref()
        .map(|e| f.word(&format!("education_{e}")));
    let experience = JobView::experience_text(job, f);
    let texts = [
        ("title", Some(page.meta.title.clone())),
        ("date", Some(rfc2822(job.posted))),
        ("referencenumber", Some(reference.to_string())),
        ("url", Some(site.permalink(&page.path))),
        ("company", m.company.as_ref().map(|c| c.name.clone())),
        ("city", place.city.clone()),
        ("state", place.region.clone()),
        (
            "country",
            place.country.as_ref().map(|c| c.to_ascii_uppercase()),
        ),
        ("postalcode", place.postal_code.clone()),
        ("description", Some(description.to_string())),
        ("salary", salary),
        ("education", education),
        ("jobtype", Some(job_types(&job.employment_types))),
        ("category", m.department.clone()),
        ("experience", experience),
        (
            "remotetype",
            remote_type(workplace_of(m)).map(str::to_string),
        ),
    ];
    for (name, value) in texts {
        element(xml, 2, name, value.as_deref().unwrap_or(""));
    }
}

/// `<name><![CDATA[text]]></name>` on its own line.
fn element(xml: &mut String, depth: usize, name: &str, text: &str) {
    // `]]>` would end the section: split it across two.
    let text = text.replace("]]>", "]]]]><![CDATA[>");
    xml.push_str(&"  ".repeat(depth));
    xml.push_str(&format!("<{name}><![CDATA[{text}]]></{name}>\n"));
}

/// A day as RFC 2822 at midnight UTC (`Mon, 23 Nov 2026 00:00:00 +0000`).
fn rfc2822(day: NaiveDate) -> String {
    day.and_time(NaiveTime::MIN).and_utc().to_rfc2822()
}

/// Indeed's job types (`fulltime, parttime`) for schema.org's employment types.
fn job_types(types: &[EmploymentType]) -> String {
    let words: Vec<&str> = types
        .iter()
        .map(|t| match t {
            EmploymentType::FullTime => "fulltime",
            EmploymentType::PartTime => "parttime",
            EmploymentType::Contractor => "contract",
            EmploymentType::Temporary => "temporary",
            EmploymentType::Intern => "internship",
            EmploymentType::Volunteer => "volunteer",
            EmploymentType::PerDiem => "perdiem",
            EmploymentType::Other => "other",
        })
        .collect();
    words.join(", ")
}

/// Indeed's remote types; none for work on site.
fn remote_type(workplace: Workplace) -> Option<&'static str> {
    match workplace {
        Workplace::Onsite => None,
        Workplace::Hybrid => Some("Hybrid remote"),
        Workplace::Remote => Some("Fully remote"),
    }
}
