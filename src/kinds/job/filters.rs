//! What a posting gives the jobs page: the values of its Pagefind filters
//! (department, location, workplace, employment type, seniority, in the page's
//! language) and the anchor of its department's group on the jobs page.

use serde::Serialize;

use super::Job;
use super::view::LocationView;
use crate::render::format::Format;
use crate::slugify::{SlugMode, slugify_lang};

/// `page.job.filters`: the filter values of an open posting; `null` once it closed,
/// so a closed posting is in no filter of the jobs page.
#[derive(Debug, Serialize)]
pub(crate) struct JobFilters {
    /// The department, as written.
    pub department: Option<String>,
    /// Each place of work as its town and country (`Kyiv, Ukraine`); for a remote posting
    /// without a place, the countries its applicants may live in.
    pub location: Vec<String>,
    /// The workplace in the page's language (`Hybrid`).
    pub workplace: String,
    /// The employment types in the page's language (`Full-time`).
    pub employment_type: Vec<String>,
    /// The seniority, as written.
    pub seniority: Option<String>,
}

impl JobFilters {
    /// The filters of `job`, or `None` when it is closed.
    pub(crate) fn new(job: &Job, f: Format<'_>) -> Option<JobFilters> {
        if job.closed {
            return None;
        }
        let m = &job.fm;
        let workplace = super::details::workplace_of(m);
        Some(JobFilters {
            department: m.department.clone().filter(|d| !d.trim().is_empty()),
            location: places(job, f),
            workplace: f.word(&format!("workplace_{workplace}")),
            employment_type: job
                .employment_types
                .iter()
                .map(|t| f.employment_type(t.as_str()))
                .collect(),
            seniority: m.seniority.clone().filter(|s| !s.trim().is_empty()),
        })
    }
}

/// Each place as `City, Country` (the region where no city is given), without the
/// remote note; the applicant
/// countries of a place that names none; each value once.
fn places(job: &Job, f: Format<'_>) -> Vec<String> {
    let separator = f.word("list_separator");
    let mut values: Vec<String> = Vec::new();
    for place in LocationView::all(job, f) {
        let town = place.city.as_deref().or(place.region.as_deref());
        let parts: Vec<&str> = [town, place.country_name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
        let found: Vec<String> = if parts.is_empty() {
            place
                .applicant_countries
                .into_iter()
                .filter_map(|c| c.name)
                .collect()
        } else {
            vec![parts.join(&separator)]
        };
        for value in found {
            if !values.contains(&value) {
                values.push(value);
            }
        }
    }
    values
}

/// The id of a department's group on the jobs page: `department-` and the
/// department's slug (the site's slug rule), `department-other` for postings
/// without one.
pub(crate) fn department_anchor(department: Option<&str>, mode: SlugMode, lang: &str) -> String {
    let slug = department
        .map(|d| slugify_lang(d, mode, Some(lang)))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "other".to_string());
    format!("department-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_of_departments() {
        let uk = department_anchor(Some("Соцмережі та контент"), SlugMode::Unicode, "uk");
        assert_eq!(uk, "department-соцмережі-та-контент");
        let ascii = department_anchor(Some("Соцмережі"), SlugMode::Transliterate, "uk");
        assert_eq!(ascii, "department-sotsmerezhi");
        assert_eq!(
            department_anchor(None, SlugMode::Unicode, "en"),
            "department-other"
        );
        assert_eq!(
            department_anchor(Some("!!"), SlugMode::Unicode, "en"),
            "department-other"
        );
    }
}
