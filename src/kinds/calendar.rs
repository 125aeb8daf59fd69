//! `kind: calendar`: an editorial calendar — a period, a time zone and the planned
//! entries, each checked against the period and the known formats and statuses.

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::values::bad_link;
use super::{Checked, Origin, checked};
use crate::content::dates::Date;
use crate::content::meta::PageMeta;
use crate::error::{Diagnostic, nearest};

/// What an entry is published as.
pub const FORMATS: [&str; 7] = [
    "post", "story", "reel", "video", "article", "email", "event",
];

/// Where an entry stands.
pub const STATUSES: [&str; 4] = ["idea", "draft", "scheduled", "published"];

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
    pub format: String,
    pub status: String,
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

pub fn validate(meta: &PageMeta, origin: Origin<'_>) -> Checked<Calendar> {
    let mut problems = Vec::new();
    let mut period_known = true;
    let (start, end) = match &meta.period {
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
    let timezone = match meta.timezone.as_deref() {
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
    for (index, e) in meta.entries.iter().enumerate() {
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
        let format = e.format.trim().to_lowercase();
        if !FORMATS.contains(&format.as_str()) {
            problems.push(one_of(
                at("format", format!("unknown format `{}`", e.format)),
                &format,
                &FORMATS,
            ));
        }
        let status = e.status.trim().to_lowercase();
        if !STATUSES.contains(&status.as_str()) {
            problems.push(one_of(
                at("status", format!("unknown status `{}`", e.status)),
                &status,
                &STATUSES,
            ));
        }
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
    let fragment = crate::yaml::Fragment {
        text: origin.front_matter,
        first_line: 2,
    };
    let d = Diagnostic::error(origin.file, message);
    match crate::yaml::item_key_position(fragment, list, index, key) {
        Some((line, column)) => d.at(line, column),
        None => d.at_line(origin.line(&[list])),
    }
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
