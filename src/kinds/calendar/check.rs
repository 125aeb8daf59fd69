//! The checks of a calendar: its period, its time zone, and each entry — inside the
//! period, a time of day, a known format and status, a link that may be followed.

use chrono::{NaiveDate, NaiveTime};

use super::{Calendar, Entry, EntryMeta, Format, FrontMatter, Status, entry_error};
use crate::error::{Diagnostic, nearest};
use crate::kinds::values::bad_link;
use crate::kinds::{Checked, Origin, checked};

pub(super) fn validate(fm: &FrontMatter, origin: Origin<'_>) -> Checked<Calendar> {
    let mut problems = Vec::new();
    let Some((start, end, period_known)) = period(fm, origin, &mut problems) else {
        return (None, problems);
    };
    let timezone = timezone(fm, origin, &mut problems);
    let period = period_known.then_some((start, end));
    let mut entries: Vec<Entry> = fm
        .entries
        .iter()
        .enumerate()
        .map(|(index, e)| entry(index, e, period, origin, &mut problems))
        .collect();
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

/// The first and last day, and whether the last is known (`end` was given); `None`
/// without a `period`.
fn period(
    fm: &FrontMatter,
    origin: Origin<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(NaiveDate, NaiveDate, bool)> {
    let Some(p) = &fm.period else {
        problems.push(
            origin
                .error(&["kind"], "a calendar needs a `period`")
                .with_help("period: {start: 2026-11-01, end: 2026-11-30}"),
        );
        return None;
    };
    let mut period_known = true;
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
    Some((start, end, period_known))
}

/// The IANA time zone entries' times are in; UTC when not given.
fn timezone(fm: &FrontMatter, origin: Origin<'_>, problems: &mut Vec<Diagnostic>) -> chrono_tz::Tz {
    let Some(name) = fm.timezone.as_deref() else {
        return chrono_tz::UTC;
    };
    match name.parse::<chrono_tz::Tz>() {
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
    }
}

/// Entry `index` checked; `period` is `None` when its end is unknown.
fn entry(
    index: usize,
    e: &EntryMeta,
    period: Option<(NaiveDate, NaiveDate)>,
    origin: Origin<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Entry {
    let at = |key: &str, message: String| entry_error(origin, index, key, message);
    let date = e.date.0.date_naive();
    if let Some((start, end)) = period
        && (date < start || date > end)
    {
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
    Entry {
        index,
        date,
        time,
        platform: e.platform.trim().to_lowercase(),
        format,
        status,
        topic: e.topic.clone(),
        owner: e.owner.clone(),
        link: e.link.clone().filter(|l| !l.trim().is_empty()),
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
