//! The typed kinds of content — jobs, SWOT analyses, campaigns, case studies,
//! calendars, showcases: their front matter (parse stage) and its validation into
//! checked data (model stage).

pub mod calendar;
pub mod campaign;
pub mod case_study;
pub mod job;
pub mod showcase;
pub mod swot;
pub mod values;

use std::path::Path;

use chrono::NaiveDate;

use crate::content::meta::{KINDS, PageMeta};
use crate::error::{Diagnostic, nearest};
use crate::yaml::{self, Fragment};

/// What kind a page is, with its checked data.
#[derive(Debug, Clone)]
pub enum Kind {
    Page,
    Job(Box<job::Job>),
    Swot(Box<swot::Swot>),
    Campaign(Box<campaign::Campaign>),
    CaseStudy(Box<case_study::CaseStudy>),
    Calendar(Box<calendar::Calendar>),
    Showcase(Box<showcase::Showcase>),
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Job(_) => "job",
            Kind::Swot(_) => "swot",
            Kind::Campaign(_) => "campaign",
            Kind::CaseStudy(_) => "case_study",
            Kind::Calendar(_) => "calendar",
            Kind::Showcase(_) => "showcase",
        }
    }

    /// The default template of the kind.
    pub fn template(&self) -> &'static str {
        match self {
            Kind::Page => "page.html",
            Kind::Job(_) => "job.html",
            Kind::Swot(_) => "swot.html",
            Kind::Campaign(_) => "campaign.html",
            Kind::CaseStudy(_) => "case_study.html",
            Kind::Calendar(_) => "calendar.html",
            Kind::Showcase(_) => "showcase.html",
        }
    }
}

/// Where a page's front matter is, to place errors on the line of the key concerned.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    pub file: &'a Path,
    pub front_matter: &'a str,
}

impl Origin<'_> {
    fn fragment(&self) -> Fragment<'_> {
        Fragment {
            text: self.front_matter,
            first_line: 2,
        }
    }

    /// The line of a key path such as `["salary", "min"]` (or its nearest ancestor).
    pub fn line(&self, path: &[&str]) -> usize {
        yaml::key_path_line(self.fragment(), path).unwrap_or(1)
    }

    pub fn error(&self, path: &[&str], message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.file, message).at_line(self.line(path))
    }

    pub fn warning(&self, path: &[&str], message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.file, message).at_line(self.line(path))
    }
}

/// Keys that only one kind (or two) may use.
const OWNED_KEYS: [(&str, &[&str]); 38] = [
    ("valid_through", &["job"]),
    ("employment_type", &["job"]),
    ("company", &["job"]),
    ("location", &["job"]),
    ("salary", &["job"]),
    ("department", &["job"]),
    ("seniority", &["job"]),
    ("apply", &["job"]),
    ("responsibilities", &["job"]),
    ("qualifications", &["job"]),
    ("nice_to_have", &["job"]),
    ("benefits", &["job"]),
    ("subject", &["swot"]),
    ("strengths", &["swot"]),
    ("weaknesses", &["swot"]),
    ("opportunities", &["swot"]),
    ("threats", &["swot"]),
    ("strategies", &["swot"]),
    ("client", &["campaign", "case_study"]),
    ("status", &["campaign"]),
    ("start", &["campaign"]),
    ("end", &["campaign"]),
    ("budget", &["campaign"]),
    ("objectives", &["campaign"]),
    ("audience", &["campaign"]),
    ("kpis", &["campaign"]),
    ("role", &["case_study"]),
    ("period", &["case_study", "calendar"]),
    ("cover", &["case_study"]),
    ("summary", &["case_study"]),
    ("challenge", &["case_study"]),
    ("approach", &["case_study"]),
    ("results", &["case_study"]),
    ("testimonial", &["case_study"]),
    ("related", &["case_study"]),
    ("timezone", &["calendar"]),
    ("entries", &["calendar"]),
    ("items", &["showcase"]),
];

/// Checks a page's front matter for its kind and returns the checked data, with
/// warnings; errors mean the page cannot be rendered.
pub fn classify(
    kind: &str,
    meta: &PageMeta,
    origin: Origin<'_>,
    today: NaiveDate,
) -> (Option<Kind>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    if !KINDS.contains(&kind) {
        let d = origin.error(&["kind"], format!("unknown kind `{kind}`"));
        let d = if let Some(s) = nearest(kind, KINDS) {
            d.with_help(format!("did you mean `{s}`?"))
        } else {
            d.with_help(format!("expected one of {}", KINDS.join(", ")))
        };
        return (None, vec![d]);
    }
    for key in yaml::top_level_keys(origin.fragment()) {
        let owners = OWNED_KEYS.iter().find(|(k, _)| *k == key);
        if let Some((_, owners)) = owners
            && !owners.contains(&kind)
        {
            problems.push(
                origin
                    .error(
                        &[key],
                        format!(
                            "`{key}` is a key of kind {}, not of kind {kind}",
                            owners.join(" and ")
                        ),
                    )
                    .with_help(format!(
                        "set `kind: {}` or move the value under `extra`",
                        owners[0]
                    )),
            );
        }
    }
    if !problems.is_empty() {
        return (None, problems);
    }
    let (kind, found) = match kind {
        "job" => boxed(job::validate(meta, origin, today), |j| {
            Kind::Job(Box::new(j))
        }),
        "swot" => boxed(swot::validate(meta, origin), |s| Kind::Swot(Box::new(s))),
        "campaign" => boxed(campaign::validate(meta, origin, today), |c| {
            Kind::Campaign(Box::new(c))
        }),
        "case_study" => boxed(case_study::validate(meta, origin), |c| {
            Kind::CaseStudy(Box::new(c))
        }),
        "calendar" => boxed(calendar::validate(meta, origin), |c| {
            Kind::Calendar(Box::new(c))
        }),
        "showcase" => boxed(showcase::validate(meta, origin), |s| {
            Kind::Showcase(Box::new(s))
        }),
        _ => (Some(Kind::Page), Vec::new()),
    };
    problems.extend(found);
    (kind, problems)
}

/// The outcome of checking one kind: the data when there was no error, and every
/// error and warning found.
pub type Checked<T> = (Option<T>, Vec<Diagnostic>);

/// `value` unless `problems` holds an error.
pub fn checked<T>(value: T, problems: Vec<Diagnostic>) -> Checked<T> {
    if problems.iter().any(Diagnostic::is_error) {
        (None, problems)
    } else {
        (Some(value), problems)
    }
}

fn boxed<T>(checked: Checked<T>, wrap: impl FnOnce(T) -> Kind) -> Checked<Kind> {
    (checked.0.map(wrap), checked.1)
}
