//! What templates get of a résumé: `page.resume` ([`ResumeView`]) — the basics, the
//! dated sections (work, education, projects, …) as entries with their dates in the
//! page's language, the skills, languages, interests and references, and the URL of
//! the published `resume.json`.

use serde::Serialize;

use super::model::{Basics, Interest, Language, Profile, Reference, Skill};
use super::{JSON_FILE, Resume};
use crate::kinds::view::ViewContext;
use crate::render::format::Format;
use crate::site::Page;

/// `page.resume`: a résumé as its page shows it. Texts are as written.
#[derive(Debug, Serialize)]
pub(crate) struct ResumeView {
    pub basics: BasicsView,
    /// The dated sections that have entries, in the order a CV reads: `work`,
    /// `education`, `projects`, `certificates`, `awards`, `publications`,
    /// `volunteer`. The heading's UI string is `resume_<id>`.
    pub sections: Vec<SectionView>,
    pub skills: Vec<Skill>,
    pub languages: Vec<Language>,
    pub interests: Vec<Interest>,
    pub references: Vec<Reference>,
    /// The URL of the résumé as a JSON Resume file, published beside the page.
    pub json_url: String,
}

/// `page.resume.basics`.
#[derive(Debug, Serialize)]
pub(crate) struct BasicsView {
    pub name: Option<String>,
    /// What they do (`Social-media manager`).
    pub label: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub summary: Option<String>,
    /// City, region and country (its name in the page's language), joined.
    pub location: Option<String>,
    pub profiles: Vec<Profile>,
}

/// One of `page.resume.sections`.
#[derive(Debug, Serialize)]
pub(crate) struct SectionView {
    /// `work`, `education`, …: the JSON Resume key.
    pub id: &'static str,
    pub entries: Vec<EntryView>,
}

/// An entry of a dated section: a job, a school, a project, a certificate, …
#[derive(Debug, Default, Serialize)]
pub(crate) struct EntryView {
    /// The position, the degree and field, the project's or award's name.
    pub title: Option<String>,
    /// The employer, school, issuer, awarder or publisher.
    pub organization: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    /// The first date as written (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), for `datetime`.
    pub start: Option<String>,
    /// The last date as written.
    pub end: Option<String>,
    /// `start` in the page's language (`Mar 2022`, `бер. 2022 р.`).
    pub start_display: Option<String>,
    /// `end` in the page's language.
    pub end_display: Option<String>,
    /// Whether it runs to the present (a start and no end, in a section of periods).
    pub ongoing: bool,
    pub summary: Option<String>,
    pub highlights: Vec<String>,
    /// Courses, keywords or roles.
    pub keywords: Vec<String>,
}

impl ResumeView {
    pub(crate) fn new(cx: &ViewContext<'_>, page: &Page, resume: &Resume) -> ResumeView {
        let f = cx.format(page);
        let doc = &resume.doc;
        let sections = super::sections::dated(doc, f)
            .into_iter()
            .filter(|(_, entries)| !entries.is_empty())
            .map(|(id, entries)| SectionView { id, entries })
            .collect();
        ResumeView {
            basics: basics(&doc.basics, f),
            sections,
            skills: doc.skills.clone(),
            languages: doc.languages.clone(),
            interests: doc.interests.clone(),
            references: doc.references.clone(),
            json_url: format!("{}{JSON_FILE}", cx.site.url(&page.path)),
        }
    }
}

fn basics(b: &Basics, f: Format<'_>) -> BasicsView {
    let location = b.location.as_ref().and_then(|l| {
        let country = l
            .country_code
            .as_deref()
            .map(|code| f.country(code).unwrap_or_else(|| code.to_string()));
        let parts: Vec<String> = [l.city.clone(), l.region.clone(), country]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(&f.word("list_separator")))
    });
    BasicsView {
        name: b.name.clone(),
        label: b.label.clone(),
        email: b.email.clone(),
        phone: b.phone.clone(),
        url: b.url.clone(),
        summary: b.summary.clone(),
        location,
        profiles: b.profiles.clone(),
    }
}
