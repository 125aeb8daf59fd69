//! Render stage: the template view of an editorial calendar — one grid per month
//! (weeks starting on the locale's first weekday, month and weekday names from ICU4X),
//! the chronological list, the platforms' legend and the iCalendar link.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike, Weekday};
use icu::calendar::week::WeekInformation;
use icu::calendar::{Date, Gregorian};
use icu::datetime::fieldsets::{E, T, YM};
use icu::datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu::locale::Locale;
use serde_json::{Value, json};

use super::format::Format;
use crate::error::Diagnostic;
use crate::kinds::Origin;
use crate::kinds::calendar::{Calendar, Entry, entry_error};
use crate::site::{Page, Site};

/// The file written beside a calendar page.
pub const ICS_FILE: &str = "calendar.ics";

/// Month, weekday and time names of one language, from ICU4X's CLDR data.
pub struct Names {
    month: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    weekday_long: Option<FixedCalendarDateTimeFormatter<Gregorian, E>>,
    weekday_short: Option<FixedCalendarDateTimeFormatter<Gregorian, E>>,
    time: Option<NoCalendarFormatter<T>>,
    first_weekday: Weekday,
}

impl Names {
    pub fn new(lang: &str) -> Names {
        let locale: Locale = lang
            .parse()
            .unwrap_or_else(|_| "en".parse().expect("en is a locale"));
        let prefs = || (&locale).into();
        let first_weekday = WeekInformation::try_new((&locale).into())
            .map(|w| weekday(w.first_weekday))
            .unwrap_or(Weekday::Mon);
        Names {
            month: FixedCalendarDateTimeFormatter::try_new(prefs(), YM::long()).ok(),
            weekday_long: FixedCalendarDateTimeFormatter::try_new(prefs(), E::long()).ok(),
            weekday_short: FixedCalendarDateTimeFormatter::try_new(prefs(), E::short()).ok(),
            time: NoCalendarFormatter::try_new(prefs(), T::hm()).ok(),
            first_weekday,
        }
    }

    /// `листопад 2026 р.`, `November 2026`.
    pub fn month(&self, year: i32, month: u32) -> String {
        match (
            &self.month,
            icu_date(NaiveDate::from_ymd_opt(year, month, 1)),
        ) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => format!("{year}-{month:02}"),
        }
    }

    /// `(short, long)` weekday names of a date: `("Mon", "Monday")`.
    pub fn weekday(&self, date: NaiveDate) -> (String, String) {
        let d = icu_date(Some(date));
        let name = |f: &Option<FixedCalendarDateTimeFormatter<Gregorian, E>>| match (f, &d) {
            (Some(f), Some(d)) => f.format(d).to_string(),
            _ => date.format("%a").to_string(),
        };
        (name(&self.weekday_short), name(&self.weekday_long))
    }

    /// `09:30`, `9:30 AM`, as the locale writes times.
    pub fn time(&self, time: NaiveTime) -> String {
        let t = icu::time::Time::try_new(time.hour() as u8, time.minute() as u8, 0, 0);
        match (&self.time, t) {
            (Some(f), Ok(t)) => f.format(&t).to_string(),
            _ => time.format("%H:%M").to_string(),
        }
    }

    pub fn first_weekday(&self) -> Weekday {
        self.first_weekday
    }
}

fn icu_date(date: Option<NaiveDate>) -> Option<Date<Gregorian>> {
    let d = date?;
    Date::try_new_gregorian(d.year(), d.month() as u8, d.day() as u8).ok()
}

fn weekday(w: icu::calendar::types::Weekday) -> Weekday {
    use icu::calendar::types::Weekday as W;
    match w {
        W::Monday => Weekday::Mon,
        W::Tuesday => Weekday::Tue,
        W::Wednesday => Weekday::Wed,
        W::Thursday => Weekday::Thu,
        W::Friday => Weekday::Fri,
        W::Saturday => Weekday::Sat,
        W::Sunday => Weekday::Sun,
    }
}

/// A platform's name as its owner writes it; others as given.
pub fn platform_label(platform: &str) -> String {
    let known = match platform {
        "instagram" => "Instagram",
        "facebook" => "Facebook",
        "tiktok" => "TikTok",
        "linkedin" => "LinkedIn",
        "x" | "twitter" => "X",
        "youtube" => "YouTube",
        "threads" => "Threads",
        "pinterest" => "Pinterest",
        "telegram" => "Telegram",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        "newsletter" | "email" => return platform[..1].to_uppercase() + &platform[1..],
        _ => return platform.to_string(),
    };
    known.to_string()
}

/// Platforms the theme has a colour for; others get a neutral one.
const COLOURED: [&str; 12] = [
    "instagram",
    "facebook",
    "tiktok",
    "linkedin",
    "x",
    "twitter",
    "youtube",
    "threads",
    "pinterest",
    "telegram",
    "bluesky",
    "mastodon",
];

/// A CSS class safe name for a platform: `platform-instagram`, `platform-other`.
pub fn platform_class(platform: &str) -> String {
    if COLOURED.contains(&platform) {
        format!("platform-{platform}")
    } else {
        "platform-other".into()
    }
}

/// The `page.calendar` view; broken `@/` links in entries are reported.
pub fn view(
    site: &Site,
    page: &Page,
    calendar: &Calendar,
    f: Format<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Value {
    let names = Names::new(&page.lang);
    let origin = Origin {
        file: &page.file,
        front_matter: &page.front_matter,
    };
    let entries: Vec<Value> = calendar
        .entries
        .iter()
        .map(|e| entry_view(site, origin, e, f, &names, problems))
        .collect();
    let by_date = |date: NaiveDate| -> Vec<Value> {
        calendar
            .entries
            .iter()
            .zip(&entries)
            .filter(|(e, _)| e.date == date)
            .map(|(_, v)| v.clone())
            .collect()
    };

    // Weekday headers, in the locale's order.
    let first = names.first_weekday();
    // 2024-01-01 was a Monday.
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    let weekdays: Vec<Value> = (0..7)
        .map(|i| {
            let offset = (first.num_days_from_monday() + i) % 7;
            let date = monday + Duration::days(i64::from(offset));
            let (short, long) = names.weekday(date);
            json!({"short": short, "long": long, "weekend": offset >= 5})
        })
        .collect();

    let mut months = Vec::new();
    let mut month_start = calendar.start.with_day(1).expect("day 1 exists");
    while month_start <= calendar.end {
        let next = add_month(month_start);
        let lead =
            (month_start.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7;
        let mut weeks: Vec<Vec<Value>> = Vec::new();
        let mut week: Vec<Value> = vec![Value::Null; lead as usize];
        let mut day = month_start;
        while day < next {
            let in_period = day >= calendar.start && day <= calendar.end;
            week.push(json!({
                "day": day.day(),
                "day_display": f.number(f64::from(day.day())),
                "date": day.format("%Y-%m-%d").to_string(),
                "date_display": f.date(day),
                "in_period": in_period,
                "entries": by_date(day),
            }));
            if week.len() == 7 {
                weeks.push(std::mem::take(&mut week));
            }
            day += Duration::days(1);
        }
        if !week.is_empty() {
            week.resize(7, Value::Null);
            weeks.push(week);
        }
        let count = calendar
            .entries
            .iter()
            .filter(|e| e.date >= month_start && e.date < next)
            .count();
        months.push(json!({
            "id": month_start.format("%Y-%m").to_string(),
            "title": names.month(month_start.year(), month_start.month()),
            "weeks": weeks,
            "entry_count": count,
        }));
        month_start = next;
    }

    // The list view: days that have entries, in order.
    let mut days: Vec<Value> = Vec::new();
    let mut dates: Vec<NaiveDate> = calendar.entries.iter().map(|e| e.date).collect();
    dates.dedup();
    for date in dates {
        let (_, weekday) = names.weekday(date);
        days.push(json!({
            "date": date.format("%Y-%m-%d").to_string(),
            "date_display": f.date(date),
            "weekday": weekday,
            "entries": by_date(date),
        }));
    }

    let mut platforms: Vec<(String, usize)> = Vec::new();
    for e in &calendar.entries {
        match platforms.iter_mut().find(|(p, _)| *p == e.platform) {
            Some((_, n)) => *n += 1,
            None => platforms.push((e.platform.clone(), 1)),
        }
    }
    let platforms: Vec<Value> = platforms
        .into_iter()
        .map(|(p, n)| {
            json!({
                "platform": p,
                "label": platform_label(&p),
                "class": platform_class(&p),
                "count": n,
                "count_display": f.number(n as f64),
            })
        })
        .collect();

    json!({
        "timezone": calendar.timezone.name(),
        "start": calendar.start.format("%Y-%m-%d").to_string(),
        "end": calendar.end.format("%Y-%m-%d").to_string(),
        "start_display": f.date(calendar.start),
        "end_display": f.date(calendar.end),
        "ics_url": format!("{}{ICS_FILE}", site.url(&page.path)),
        "weekdays": weekdays,
        "months": months,
        "days": days,
        "entries": entries,
        "entry_count": calendar.entries.len(),
        "platforms": platforms,
    })
}

fn add_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("day 1 exists")
}

fn entry_view(
    site: &Site,
    origin: Origin<'_>,
    e: &Entry,
    f: Format<'_>,
    names: &Names,
    problems: &mut Vec<Diagnostic>,
) -> Value {
    let link = e.link.as_deref().and_then(|link| match link.strip_prefix("@/") {
        Some(id) => {
            let (file, anchor) = match id.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (id, None),
            };
            match site.pages.get(file) {
                Some(p) => Some(match anchor {
                    Some(a) => format!("{}#{a}", site.url(&p.path)),
                    None => site.url(&p.path),
                }),
                None => {
                    problems.push(
                        entry_error(origin, e.index, "link", format!("broken link `{link}`: no such page"))
                            .with_help(format!("`content/{file}` does not exist; an `@/` link names a file under content/")),
                    );
                    None
                }
            }
        }
        None => Some(link.to_string()),
    });
    json!({
        "date": e.date.format("%Y-%m-%d").to_string(),
        "date_display": f.date(e.date),
        "time": e.time.map(|t| t.format("%H:%M").to_string()),
        "time_display": e.time.map(|t| names.time(t)),
        "platform": e.platform,
        "platform_label": platform_label(&e.platform),
        "platform_class": platform_class(&e.platform),
        "format": e.format,
        "format_label": f.word(&format!("format_{}", e.format)),
        "status": e.status,
        "status_label": f.word(&format!("status_{}", e.status)),
        "topic": e.topic,
        "owner": e.owner,
        "link": link,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_locale() {
        let en = Names::new("en");
        assert_eq!(en.month(2026, 11), "November 2026");
        let monday = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(en.weekday(monday).1, "Monday");
        let uk = Names::new("uk");
        assert!(
            uk.month(2026, 11).contains("листопад"),
            "{}",
            uk.month(2026, 11)
        );
        assert_eq!(uk.weekday(monday).1, "понеділок");
        assert_eq!(uk.first_weekday(), Weekday::Mon);
        let ka = Names::new("ka");
        assert!(
            ka.month(2026, 11).contains("ნოემბერი"),
            "{}",
            ka.month(2026, 11)
        );
        let nine = NaiveTime::from_hms_opt(9, 30, 0).unwrap();
        assert_eq!(Names::new("uk").time(nine), "09:30");
    }

    #[test]
    fn platforms() {
        assert_eq!(platform_label("tiktok"), "TikTok");
        assert_eq!(platform_class("linkedin"), "platform-linkedin");
        assert_eq!(platform_class("<script>"), "platform-other");
    }
}
