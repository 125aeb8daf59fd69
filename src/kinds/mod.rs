//! The kinds of content — free pages, jobs, SWOT analyses, campaigns, case studies,
//! calendars, showcases, résumés. Each kind is one module that owns everything about it: its
//! front matter (parsed after the common keys), its validation into checked, typed
//! data, its view for templates, its structured data, its images and its scaffold.
//! [`registry`] lists them; the shared stages ask a kind, they never match on one.
//!
//! A kind's view — what templates get as `page.<kind name>` — is a `Serialize` struct
//! of the kind (`kinds/<name>/view.rs`, or in `kinds/<name>.rs` for a small kind),
//! built with the shared [`ViewContext`] of [`view`]. Its fields are the contract
//! between folio and the templates.
//!
//! Adding a kind: write `kinds/<name>.rs` (or `kinds/<name>/mod.rs` with `check.rs`
//! and `view.rs` beside it) with a `Spec` implementing [`KindSpec`] and a checked
//! type implementing [`KindData`], add one line to [`registry::KINDS`], and ship
//! `<name>.html` in the default theme.

pub(crate) mod calendar;
pub(crate) mod campaign;
pub(crate) mod case_study;
pub(crate) mod job;
pub(crate) mod page;
pub(crate) mod registry;
pub(crate) mod resume;
pub(crate) mod showcase;
pub(crate) mod swot;
pub(crate) mod values;
pub(crate) mod view;

use std::any::Any;
use std::fmt::Debug;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::content::dates::Date;
use crate::content::front_matter::FIRST_LINE;
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::markdown::Rendered;
use crate::render::format::Format;
use crate::site::{Page, Site};
use crate::yaml::{self, Fragment};
pub use registry::KindSpec;
pub(crate) use registry::TypedKind;
pub(crate) use view::ViewContext;

/// A page's kind with its checked data, shared by the model and the renderer.
pub(crate) type Kind = Arc<dyn KindData>;

/// The checked data of any kind as `Any`, for the few site-wide outputs of one kind
/// (the open jobs, the campaigns' timeline): see [`data_of`].
pub trait AsAny: Any {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What the shared stages ask of a page's checked kind data.
pub trait KindData: Debug + Send + Sync + AsAny {
    /// The kind this data is of.
    fn spec(&self) -> &'static dyn KindSpec;

    /// The date the page is ordered by when it has no `date`.
    fn date(&self) -> Option<Date> {
        None
    }

    /// The view templates get as `page.<kind name>`; `None` for free pages.
    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        let _ = (cx, page, problems);
        None
    }

    /// Values added to the page's summary in listings (a job's location, …).
    fn summary(&self, site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
        let _ = (site, page, f);
        Map::new()
    }

    /// A plain-text description of the page when it has no `description`.
    fn description(&self) -> Option<String> {
        None
    }

    /// The page's schema.org JSON-LD, when the kind has one.
    fn json_ld(&self, site: &Site, page: &Page, body: &Rendered) -> Option<String> {
        let _ = (site, page, body);
        None
    }

    /// The figure a page's social card shows under its title, in the page's language
    /// (a campaign's best KPI against its target, a job's place and salary).
    fn card_figure(&self, f: Format<'_>) -> Option<String> {
        let _ = f;
        None
    }

    /// Who the page is for or by, shown on its social card instead of the site's
    /// author (a job's company, a campaign's client).
    fn card_byline(&self) -> Option<&str> {
        None
    }

    /// The image shared as `og:image`, as written in front matter.
    fn share_image(&self) -> Option<&str> {
        None
    }

    /// The images named in front matter, each in its slot.
    fn images(&self) -> Vec<(Slot, &str)> {
        Vec::new()
    }

    /// The `@/` links to other pages given in front matter (a case study's `related`).
    fn related(&self) -> &[String] {
        &[]
    }

    /// Whether the page shows an embedded post as a facade (and so loads its script).
    fn has_embeds(&self) -> bool {
        false
    }
    /// Whether the page counts as open: a job posting before its `valid_through`.
    fn is_open_job(&self) -> bool {
        false
    }

    /// Files written beside the page, by name, with their text (a calendar's
    /// `calendar.ics`).
    fn files(&self, site: &Site, page: &Page, f: Format<'_>) -> Vec<(&'static str, String)> {
        let _ = (site, page, f);
        Vec::new()
    }
}

/// The checked data of a page when it is of kind `T`.
pub(crate) fn data_of<T: KindData>(page: &Page) -> Option<&T> {
    // Through the trait object: `Arc<dyn KindData>` is itself `Any`.
    let data: &dyn KindData = page.kind.as_ref();
    data.as_any().downcast_ref::<T>()
}

/// What a kind's check gets: the page's front matter and where it is, and the day
/// dates are judged against.
#[derive(Clone, Copy)]
pub struct CheckInput<'a> {
    pub origin: Origin<'a>,
    pub meta: &'a crate::content::meta::PageMeta,
    /// The site's taxonomies (keys every page may have).
    pub taxonomies: &'a [String],
    pub today: NaiveDate,
    /// The site's folder, for files the front matter names (a résumé's JSON file).
    pub root: &'a Path,
}

/// Where a page's front matter is, to place errors on the key concerned.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    pub file: &'a Path,
    pub front_matter: &'a str,
}

impl Origin<'_> {
    pub fn fragment(&self) -> Fragment<'_> {
        Fragment {
            text: self.front_matter,
            first_line: FIRST_LINE,
        }
    }

    /// The line of a path of keys and list indices such as `["salary", "min"]` or
    /// `["entries", "2", "time"]` (or of its nearest ancestor).
    pub fn line(&self, path: &[&str]) -> usize {
        self.fragment().position(path).map_or(1, |p| p.line)
    }

    pub fn error(&self, path: &[&str], message: impl Into<String>) -> Diagnostic {
        self.place(Diagnostic::error(self.file, message), path)
    }

    pub fn warning(&self, path: &[&str], message: impl Into<String>) -> Diagnostic {
        self.place(Diagnostic::warning(self.file, message), path)
    }

    /// An error at the top-level key `key` itself (a key that should not be there).
    pub fn key_error(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::error(self.file, message);
        match self.fragment().key_position(&[key]) {
            Some(at) => d.at(at.line, at.column),
            None => d.at_line(1),
        }
    }

    fn place(&self, d: Diagnostic, path: &[&str]) -> Diagnostic {
        match self.fragment().position(path) {
            Some(at) => d.at(at.line, at.column),
            None => d.at_line(1),
        }
    }

    /// The kind's own keys of the front matter, parsed into `T` (the common keys and
    /// the site's taxonomies left out).
    pub fn parse_kind_keys<T: serde::de::DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        let own = yaml::fields_of::<T>();
        let skip = |key: &str| !own.contains(&key);
        yaml::parse_without(self.file, self.fragment(), &skip)
    }
}

/// The outcome of checking one kind: the data when there was no error, and every
/// error and warning found.
pub(crate) type Checked<T> = (Option<T>, Vec<Diagnostic>);

/// `value` unless `problems` holds an error.
pub(crate) fn checked<T>(value: T, problems: Vec<Diagnostic>) -> Checked<T> {
    if problems.iter().any(Diagnostic::is_error) {
        (None, problems)
    } else {
        (Some(value), problems)
    }
}

/// Checks a page's front matter for the kind named `kind` and returns the checked
/// data, with warnings; errors mean the page cannot be rendered.
pub fn classify(kind: &str, input: CheckInput<'_>) -> Checked<Kind> {
    registry::classify(kind, input)
}
