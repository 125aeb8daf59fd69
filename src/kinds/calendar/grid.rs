//! The month grids of a calendar's view: weekday headers in the locale's order and
//! one grid of weeks per month, each day with its entries.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::Calendar;
use super::names::Names;
use super::view::{ByDate, EntryView};
use crate::render::format::Format as Formatter;

/// A weekday header of the month grids.
#[derive(Debug, Serialize)]
pub(crate) struct WeekdayView {
    /// Its short name in the page's language (`Mon`).
    pub short: String,
    /// Its full name (`Monday`).
    pub long: String,
    /// Saturday or Sunday.
    pub weekend: bool,
}

/// One month of `page.calendar.months`.
#[derive(Debug, Serialize)]
pub(crate) struct MonthView {
    /// `YYYY-MM`, for anchors.
    pub id: String,
    /// The month and year in the page's language (`November 2026`).
    pub title: String,
    /// Its weeks, each seven cells; a cell outside the month is `null`.
    pub weeks: Vec<Vec<Option<DayView>>>,
    /// How many entries fall in the month.
    pub entry_count: usize,
}

/// A day cell of a month grid.
#[derive(Debug, Serialize)]
pub(crate) struct DayView {
    /// The day of the month, a number.
    pub day: u32,
    /// The day of the month in the page's digits.
    pub day_display: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date in the page's language.
    pub date_display: String,
    /// Whether the day is inside the calendar's period.
    pub in_period: bool,
    /// The day's entries.
    pub entries: Vec<EntryView>,
}

/// The weekday headers, in the locale's order.
pub(super) fn weekdays(names: &Names) -> Vec<WeekdayView> {
    let first = names.first_weekday();
    // 2024-01-01 was a Monday.
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    (0..7)
        .map(|i| {
            let offset = (first.num_days_from_monday() + i) % 7;
            let date = monday + Duration::days(i64::from(offset));
            let (short, long) = names.weekday(date);
            WeekdayView {
                short,
                long,
                weekend: offset >= 5,
            }
        })
        .collect()
}

/// A grid for every month the period touches.
pub(super) fn months(
    calendar: &Calendar,
    by_date: &ByDate<'_>,
    f: Formatter<'_>,
    names: &Names,
) -> Vec<MonthView> {
    let first = names.first_weekday();
    let mut months = Vec::new();
    let mut month_start = calendar.start.with_day(1).expect("day 1 exists");
    while month_start <= calendar.end {
        let next = add_month(month_start);
        let lead =
            (month_start.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7;
        let mut weeks: Vec<Vec<Option<DayView>>> = Vec::new();
        let mut week: Vec<Option<DayView>> = (0..lead).map(|_| None).collect();
        let mut day = month_start;
        while day < next {
            week.push(Some(DayView {
                day: day.day(),
                day_display: f.number(f64::from(day.day())),
                date: day.format("%Y-%m-%d").to_string(),
                date_display: f.date(day),
                in_period: day >= calendar.start && day <= calendar.end,
                entries: by_date.on(day),
            }));
            if week.len() == 7 {
                weeks.push(std::mem::take(&mut week));
            }
            day += Duration::days(1);
        }
        if !week.is_empty() {
            week.resize_with(7, || None);
            weeks.push(week);
        }
        let count = calendar
            .entries
            .iter()
            .filter(|e| e.date >= month_start && e.date < next)
            .count();
        months.push(MonthView {
            id: month_start.format("%Y-%m").to_string(),
            title: names.month(month_start.year(), month_start.month()),
            weeks,
            entry_count: count,
        });
        month_start = next;
    }
    months
}

fn add_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("day 1 exists")
}
