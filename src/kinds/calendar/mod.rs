//! `kind: calendar`: an editorial calendar — a period, a time zone and the planned
//! entries, each checked against the period and the known formats and statuses
//! (`check.rs`); shown as month grids (`grid.rs`) and a list (`view.rs`), with the
//! locale's month and weekday names (`names.rs`) and the platforms' names and colours
//! (`platform.rs`, which showcases share); exported as an iCalendar file (`ics.rs`,
//! with the zone's definition from `vtimezone.rs`).

mod check;
pub(crate) mod grid;
pub(crate) mod ics;
pub(crate) mod names;
pub(crate) mod platform;
pub(crate) mod view;
mod vtimezone;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Deserialize;
use serde_json::Value;

use super::case_study::Period;
use super::values::keywords;
use super::view::to_json;
use super::{CheckInput, Checked, KindData, KindSpec, Origin, TypedKind, ViewContext};
use crate::content::dates::Date;
use crate::error::Diagnostic;
use crate::render::format::Format as Formatter;
use crate::site::{Page, Site};
pub(crate) use ics::ICS_FILE;

pub(crate) struct Spec;

/// The keys of a calendar.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub entries: Vec<EntryMeta>,
}

keywords! {
    /// What an entry is published as.
    Format {
        Post = "post",
        Story = "story",
        Reel = "reel",
        Video = "video",
        Article = "article",
        Email = "email",
        Event = "event",
    }
}

keywords! {
    /// Where an entry stands.
    Status {
        Idea = "idea",
        Draft = "draft",
        Scheduled = "scheduled",
        Published = "published",
    }
}

/// One entry as written in front matter.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntryMeta {
    pub date: Date,
    #[serde(default)]
    pub time: Option<String>,
    pub platform: String,
    pub format: String,
    pub topic: String,
    pub status: String,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
}

/// A checked entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// Its position in `entries`, for stable iCalendar UIDs and error places.
    pub index: usize,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Lowercased, for the platform's colour (`instagram`).
    pub platform: String,
    pub format: Format,
    pub status: Status,
    pub topic: String,
    pub owner: Option<String>,
    pub link: Option<String>,
}

/// A checked calendar: entries sorted by date and time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Calendar {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub timezone: chrono_tz::Tz,
    pub entries: Vec<Entry>,
}

impl TypedKind for Spec {
    const NAME: &'static str = "calendar";
    const FOLDER: &'static str = "calendars";
    const TEMPLATE: &'static str = "calendar.html";
    type FrontMatter = FrontMatter;
    type Data = Calendar;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Calendar> {
        check::validate(&fm, input.origin)
    }

    fn scaffold(today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let first = today.with_day(1).unwrap_or(today);
        let last = (first + chrono::Months::new(1)).pred_opt().unwrap_or(first);
        format!(
            "description: \"What the plan covers, in one sentence.\"\ndate: {date}\nperiod: {{start: {}, end: {}}}\ntimezone: Europe/Kyiv     # IANA name; times are in it\nplatforms: []\nentries:\n  - date: {date}\n    time: \"09:30\"        # HH:MM, 24-hour; leave out for all day\n    platform: instagram\n    format: post         # post, story, reel, video, article, email, event\n    topic: Introduce the team\n    status: idea         # idea, draft, scheduled, published\n    owner: \"\"            # optional: \"\" or no line means not given\n    link: \"\"             # a URL or an @/ path\n---\n\nNotes on the plan.\n",
            first.format("%Y-%m-%d"),
            last.format("%Y-%m-%d"),
        )
    }
}

impl KindData for Calendar {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    /// The period, as `1 March 2026 – 31 May 2026`.
    fn card_figure(&self, f: Formatter<'_>) -> Option<String> {
        Some(format!("{} – {}", f.date(self.start), f.date(self.end)))
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(to_json(&view::CalendarView::new(cx, page, self, problems)))
    }

    fn files(&self, site: &Site, page: &Page, f: Formatter<'_>) -> Vec<(&'static str, String)> {
        vec![(ICS_FILE, ics::ics(site, page, self, f))]
    }
}

/// An error on the line of `entries[index].key`.
pub(crate) fn entry_error(
    origin: Origin<'_>,
    index: usize,
    key: &str,
    message: String,
) -> Diagnostic {
    list_error(origin, "entries", index, key, message)
}

/// An error on the value of `key` in item `index` of the list `list`.
pub(crate) fn list_error(
    origin: Origin<'_>,
    list: &str,
    index: usize,
    key: &str,
    message: String,
) -> Diagnostic {
    origin.error(&[list, &index.to_string(), key], message)
}
