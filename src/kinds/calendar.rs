//! `kind: calendar`: an editorial calendar — a period, a time zone and the planned
//! entries, each checked against the period and the known formats and statuses.

use std::any::Any;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Deserialize;
use serde_json::Value;

use super::case_study::Period;
use super::values::{bad_link, keywords};
use super::{CheckInput, Checked, Kind, KindData, KindSpec, Origin, ViewContext, checked};
use crate::content::dates::Date;
use crate::error::{Diagnostic, nearest};
use crate::site::Page;

pub struct Spec;

/// The keys of a calendar.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryMeta {
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
pub struct Entry {
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
pub struct Calendar {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub timezone: chrono_tz::Tz,
    pub entries: Vec<Entry>,
}

impl KindSpec for Spec {
    fn name(&self) -> &'static str {
        "calendar"
    }

    fn folder(&self) -> &'static str {
        "calendars"
    }

    fn template(&self) -> &'static str {
        "calendar.html"
    }

    fn keys(&self) -> &'static [&'static str] {
        crate::yaml::fields_of::<FrontMatter>()
    }

    fn check(&self, input: CheckInput<'_>) -> Checked<Kind> {
        let fm = match input.origin.parse_kind_keys::<FrontMatter>() {
            Ok(fm) => fm,
            Err(d) => return (None, vec![d]),
        };
        let (calendar, problems) = validate(&fm, input.origin);
        (calendar.map(|c| Arc::new(c) as Kind), problems)
    }

    fn scaffold(&self, today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        let first = today.with_day(1).unwrap_or(today);
        let last = (first + chrono::Months::new(1)).pred_opt().unwrap_or(first);
        format!(
            "description: \"\"\ndate: {date}\nperiod: {{start: {}, end: {}}}\ntimezone: Europe/Kyiv     # IANA name; times are in it\nplatforms: []\nentries:\n  - date: {date}\n    time: \"09:30\"        # HH:MM, 24-hour; leave out for all day\n    platform: instagram\n    format: post         # post, story, reel, video, article, email, event\n    topic: \"\"\n    status: idea         # idea, draft, scheduled, published\n    owner: \"\"\n    link: \"\"            # a URL or an @/ path; or leave out\n---\n\nNotes on the plan.\n",
            first.format("%Y-%m-%d"),
            last.format("%Y-%m-%d"),
        )
    }
}

impl KindData for Calendar {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(crate::render::calendar::view(
            cx.site,
            page,
            self,
            cx.format(page),
            problems,
        ))
    }
}

fn validate(fm: &FrontMatter, origin: Origin<'_>) -> Checked<Calendar> {
    let mut problems = Vec::new();
    let mut period_known = true;
    let (start, end) = match &fm.period {
        Some(p) => {
            let start = p.start.0.date_naive();
            let end = match p.end {
                Some(end) => end.0.date_naive(),
                None => {
                    problems.push(
                        origin
                            .error(&["period"], "a calendar's `period` needs an `end`")
                            .with_help("period: {start: 2026-11-01, end: 2026-11-30}"),
                    );
                    period_known = false;
                    start
                }
            };
            if end < start {
                problems.push(origin.error(
                    &["period", "end"],
                    format!("`period.end` ({end}) is before `period.start` ({start})"),
                ));
            }
            (start, end)
        }
        None => {
            problems.push(
                origin
                    .error(&["kind"], "a calendar needs a `period`")
                    .with_help("period: {start: 2026-11-01, end: 2026-11-30}"),
            );
            return (None, problems);
        }
    };
    let timezone = match fm.timezone.as_deref() {
        None => chrono_tz::UTC,
        Some(name) => match name.parse::<chrono_tz::Tz>() {
            Ok(tz) => tz,
            Err(_) => {
                let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
                let help = match nearest(name, names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "an IANA time zone name, e.g. Europe/Kyiv or America/New_York".into(),
                };
                problems.push(
                    origin
                        .error(&["timezone"], format!("unknown time zone `{name}`"))
                        .with_help(help),
                );
                chrono_tz::UTC
            }
        },
    };
    let mut entries = Vec::new();
    for (index, e) in fm.entries.iter().enumerate() {
        let at = |key: &str, message: String| entry_error(origin, index, key, message);
        let date = e.date.0.date_naive();
        if period_known && (date < start || date > end) {
            problems.push(
                at(
                    "date",
                    format!(
                        "entry {} on {date} is outside the calendar's period {start} – {end}",
                        index + 1
                    ),
                )
                .with_help("move the entry into the period, or widen `period`"),
            );
        }
        let time = match e.time.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => match parse_time(text) {
                Some(t) => Some(t),
                None => {
                    problems.push(
                        at("time", format!("`{text}` is not a time of day"))
                            .with_help("write 24-hour time as HH:MM, e.g. \"09:30\" or \"18:00\""),
                    );
                    None
                }
            },
        };
        let written = e.format.trim().to_lowercase();
        let format = Format::parse(&written).unwrap_or_else(|| {
            problems.push(one_of(
                at("format", format!("unknown format `{}`", e.format)),
                &written,
                Format::NAMES,
            ));
            Format::Post
        });
        let written = e.status.trim().to_lowercase();
        let status = Status::parse(&written).unwrap_or_else(|| {
            problems.push(one_of(
                at("status", format!("unknown status `{}`", e.status)),
                &written,
                Status::NAMES,
            ));
            Status::Idea
        });
        problems.extend(bad_link(e.link.as_deref(), at));
        entries.push(Entry {
            index,
            date,
            time,
            platform: e.platform.trim().to_lowercase(),
            format,
            status,
            topic: e.topic.clone(),
            owner: e.owner.clone(),
            link: e.link.clone().filter(|l| !l.trim().is_empty()),
        });
    }
    entries.sort_by_key(|e| (e.date, e.time, e.index));
    checked(
        Calendar {
            start,
            end,
            timezone,
            entries,
        },
        problems,
    )
}

/// An error on the line of `entries[index].key`.
pub fn entry_error(origin: Origin<'_>, index: usize, key: &str, message: String) -> Diagnostic {
    list_error(origin, "entries", index, key, message)
}

/// An error on the value of `key` in item `index` of the list `list`.
pub fn list_error(
    origin: Origin<'_>,
    list: &str,
    index: usize,
    key: &str,
    message: String,
) -> Diagnostic {
    origin.error(&[list, &index.to_string(), key], message)
}

fn one_of(d: Diagnostic, value: &str, known: &[&str]) -> Diagnostic {
    match nearest(value, known.iter().copied()) {
        Some(s) => d.with_help(format!(
            "did you mean `{s}`? expected one of {}",
            known.join(", ")
        )),
        None => d.with_help(format!("expected one of {}", known.join(", "))),
    }
}

/// `09:30`, `9:30`, `18:00:00`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        for bad in ["25:00", "9.30", "noon", "12:60", "9am"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
