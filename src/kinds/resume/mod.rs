//! `kind: resume`: a CV in the JSON Resume format (<https://jsonresume.org/schema>) —
//! `resume:` holds the document itself (the format's keys in YAML) or the path of a
//! JSON Resume file in the site's folder. It is validated against the format's schema,
//! shipped with folio (`check.rs`, `schema.json`), read into typed data (`model.rs`),
//! shown as a CV in the reader's language (`view.rs`), published beside the page as
//! `resume.json`, and adds its facts to the site's one `Person` (`json_ld.rs`).

mod check;
mod json_ld;
pub(crate) mod model;
mod sections;
pub(crate) mod view;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::view::{plain_text, to_json};
use super::{CheckInput, Checked, KindData, KindSpec, TypedKind, ViewContext};
use crate::error::Diagnostic;
use crate::markdown::Rendered;
use crate::render::format::Format;
use crate::site::{Page, Site};
use model::Document;

/// The file published beside a résumé's page.
pub(crate) const JSON_FILE: &str = "resume.json";

pub(crate) struct Spec;

/// The keys of a résumé.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    /// A JSON Resume document as a mapping, or the path of a JSON Resume file
    /// relative to the site's folder (`data/resume.json`).
    pub resume: Value,
}

/// A checked résumé: the document as given and as typed data.
#[derive(Debug, Clone)]
pub(crate) struct Resume {
    /// The JSON Resume document, published as `resume.json`.
    pub json: Value,
    pub doc: Document,
}

impl TypedKind for Spec {
    const NAME: &'static str = "resume";
    const FOLDER: &'static str = "cv";
    const TEMPLATE: &'static str = "resume.html";
    type FrontMatter = FrontMatter;
    type Data = Resume;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Resume> {
        check::validate(fm, input)
    }

    fn scaffold(today: NaiveDate) -> String {
        let year = today.format("%Y");
        format!(
            "description: \"My work, education and skills.\"\n# A JSON Resume document (https://jsonresume.org/schema), or the path of one:\n# resume: data/resume.json\nresume:\n  basics:\n    name: A. Candidate\n    label: Social-media manager\n    email: a.candidate@example.org\n    summary: \"Who I am and what I do, in two sentences.\"\n    location: {{city: Kyiv, countryCode: UA}}\n  work:\n    - name: Example Agency\n      position: Content lead\n      startDate: \"{year}-01\"       # YYYY, YYYY-MM or YYYY-MM-DD; no endDate: to the present\n      highlights:\n        - \"What changed because of my work.\"\n  education:\n    - institution: Example University\n      studyType: Bachelor\n      area: Journalism\n      startDate: \"2015\"\n      endDate: \"2019\"\n  skills:\n    - name: Content strategy\n      keywords: [planning, copywriting]\n  languages:\n    - {{language: Ukrainian, fluency: Native speaker}}\n---\n\nA word before the CV, if any.\n"
        )
    }
}

impl KindData for Resume {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        let _ = problems;
        Some(to_json(&view::ResumeView::new(cx, page, self)))
    }

    fn description(&self) -> Option<String> {
        self.doc.basics.summary.as_deref().map(plain_text)
    }

    /// The candidate's label (`Social-media manager`).
    fn card_figure(&self, f: Format<'_>) -> Option<String> {
        let _ = f;
        self.doc.basics.label.clone()
    }

    fn card_byline(&self) -> Option<&str> {
        self.doc.basics.name.as_deref()
    }

    fn json_ld(&self, site: &Site, page: &Page, body: &Rendered) -> Option<String> {
        let _ = body;
        Some(json_ld::person(site, &page.lang, self))
    }

    fn files(&self, site: &Site, page: &Page, f: Format<'_>) -> Vec<(&'static str, String)> {
        let _ = (site, page, f);
        let text = serde_json::to_string_pretty(&self.json).unwrap_or_default();
        vec![(JSON_FILE, text + "\n")]
    }
}
