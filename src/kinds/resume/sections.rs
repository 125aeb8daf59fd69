//! A résumé's dated sections as entries of one shape, and JSON Resume dates (`YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD`) in the page's language, as precise as written.

use chrono::NaiveDate;

use super::model::Document;
use super::view::EntryView;
use crate::render::format::Format;

/// The dated sections, in the order a CV reads, each with its entries.
pub(super) fn dated(doc: &Document, f: Format<'_>) -> Vec<(&'static str, Vec<EntryView>)> {
    let work = doc.work.iter().map(|w| EntryView {
        title: w.position.clone(),
        organization: w.name.clone(),
        location: w.location.clone(),
        url: w.url.clone(),
        summary: w.summary.clone().or_else(|| w.description.clone()),
        highlights: w.highlights.clone(),
        ..period(w.start_date.as_deref(), w.end_date.as_deref(), f)
    });
    // "Master, Journalism" with the language's comma ("، " in Arabic).
    let separator = f.word("list_separator");
    let education = doc.education.iter().map(|e| {
        let degree = [e.study_type.as_deref(), e.area.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(&separator);
        EntryView {
            title: (!degree.is_empty()).then_some(degree),
            organization: e.institution.clone(),
            url: e.url.clone(),
            summary: e.score.clone(),
            keywords: e.courses.clone(),
            ..period(e.start_date.as_deref(), e.end_date.as_deref(), f)
        }
    });
    let projects = doc.projects.iter().map(|p| EntryView {
        title: p.name.clone(),
        organization: p.entity.clone(),
        url: p.url.clone(),
        summary: p.description.clone(),
        highlights: p.highlights.clone(),
        keywords: p.roles.iter().chain(&p.keywords).cloned().collect(),
        ..period(p.start_date.as_deref(), p.end_date.as_deref(), f)
    });
    let certificates = doc.certificates.iter().map(|c| EntryView {
        title: c.name.clone(),
        organization: c.issuer.clone(),
        url: c.url.clone(),
        ..on(c.date.as_deref(), f)
    });
    let awards = doc.awards.iter().map(|a| EntryView {
        title: a.title.clone(),
        organization: a.awarder.clone(),
        summary: a.summary.clone(),
        ..on(a.date.as_deref(), f)
    });
    let publications = doc.publications.iter().map(|p| EntryView {
        title: p.name.clone(),
        organization: p.publisher.clone(),
        url: p.url.clone(),
        summary: p.summary.clone(),
        ..on(p.release_date.as_deref(), f)
    });
    let volunteer = doc.volunteer.iter().map(|v| EntryView {
        title: v.position.clone(),
        organization: v.organization.clone(),
        url: v.url.clone(),
        summary: v.summary.clone(),
        highlights: v.highlights.clone(),
        ..period(v.start_date.as_deref(), v.end_date.as_deref(), f)
    });
    vec![
        ("work", work.collect()),
        ("education", education.collect()),
        ("projects", projects.collect()),
        ("certificates", certificates.collect()),
        ("awards", awards.collect()),
        ("publications", publications.collect()),
        ("volunteer", volunteer.collect()),
    ]
}

/// The dates of a period: a start without an end runs to the present.
fn period(start: Option<&str>, end: Option<&str>, f: Format<'_>) -> EntryView {
    EntryView {
        start: start.map(str::to_string),
        end: end.map(str::to_string),
        start_display: start.map(|d| display(d, f)),
        end_display: end.map(|d| display(d, f)),
        ongoing: start.is_some() && end.is_none(),
        ..EntryView::default()
    }
}

/// The date of a thing that happened once (a certificate, an award).
fn on(date: Option<&str>, f: Format<'_>) -> EntryView {
    EntryView {
        start: date.map(str::to_string),
        start_display: date.map(|d| display(d, f)),
        ..EntryView::default()
    }
}

/// `2021` as itself, `2021-03` as a month (`Mar 2021`, `бер. 2021 р.`), a full date
/// as a date; anything else as written (the schema lets nothing else through).
pub(crate) fn display(date: &str, f: Format<'_>) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str| s.parse::<u32>().ok();
    match parts[..] {
        [y] if number(y).is_some() => y.to_string(),
        [y, m] => match (y.parse::<i32>(), number(m)) {
            (Ok(y), Some(m)) if (1..=12).contains(&m) => f.locale.month(f.lang, y, m),
            _ => date.to_string(),
        },
        [..] => NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(|d| f.date(d))
            .unwrap_or_else(|_| date.to_string()),
    }
}
