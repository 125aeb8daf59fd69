//! What templates get of an editorial calendar: `page.calendar` ([`CalendarView`]) —
//! one grid per month (weeks starting on the locale's first weekday, month and
//! weekday names from ICU4X), the chronological list, the platforms' legend and the
//! iCalendar link.

use chrono::NaiveDate;
use serde::Serialize;

use super::grid::{self, MonthView, WeekdayView};
use super::names::Names;
use super::platform::{platform_class, platform_label};
use super::{Calendar, Entry, Format, ICS_FILE, Status, entry_error};
use crate::error::Diagnostic;
use crate::kinds::Origin;
use crate::kinds::view::ViewContext;
use crate::render::format::Format as Formatter;
use crate::site::{Page, Site};

/// `page.calendar`: a calendar as its page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct CalendarView {
    /// The IANA time zone entries' times are in (`Europe/Kyiv`; `UTC` by default).
    pub timezone: &'static str,
    /// The period's first day, `YYYY-MM-DD`.
    pub start: String,
    /// The period's last day, `YYYY-MM-DD`.
    pub end: String,
    /// `start` in the page's language.
    pub start_display: String,
    /// `end` in the page's language.
    pub end_display: String,
    /// The URL of the calendar's iCalendar file, beside the page.
    pub ics_url: String,
    /// The seven weekday headers of the grids, from the locale's first weekday.
    pub weekdays: Vec<WeekdayView>,
    /// Every month the period touches, each a grid.
    pub months: Vec<MonthView>,
    /// The days that have entries, in order: the list view.
    pub days: Vec<ListDayView>,
    /// Every entry, by date and time.
    pub entries: Vec<EntryView>,
    /// How many entries there are.
    pub entry_count: usize,
    /// The platforms entries are for, in order of first use: the legend.
    pub platforms: Vec<PlatformView>,
}

/// A day of the list view, `page.calendar.days`.
#[derive(Debug, Serialize)]
pub(crate) struct ListDayView {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date in the page's language.
    pub date_display: String,
    /// The weekday's full name in the page's language.
    pub weekday: String,
    /// The day's entries.
    pub entries: Vec<EntryView>,
}

/// A planned publication.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntryView {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date in the page's language.
    pub date_display: String,
    /// `HH:MM`, 24-hour, in the calendar's time zone; `null` for all day.
    pub time: Option<String>,
    /// The time as the page's locale writes it (`9:30 AM`).
    pub time_display: Option<String>,
    /// The platform, lower case (`instagram`).
    pub platform: String,
    /// The platform's name (`Instagram`).
    pub platform_label: String,
    /// The CSS class of the platform's colour (`platform-instagram`, `platform-other`).
    pub platform_class: String,
    /// `post`, `story`, `reel`, `video`, `article`, `email` or `event`.
    pub format: Format,
    /// The format in the page's language.
    pub format_label: String,
    /// `idea`, `draft`, `scheduled` or `published`.
    pub status: Status,
    /// The status in the page's language.
    pub status_label: String,
    /// What the publication is about, as written.
    pub topic: String,
    /// Who is responsible, as written.
    pub owner: Option<String>,
    /// Where it is (an `@/` link resolved to its page's URL); `null` for none or a
    /// broken `@/` link.
    pub link: Option<String>,
}

/// A platform of the legend, `page.calendar.platforms`.
#[derive(Debug, Serialize)]
pub(crate) struct PlatformView {
    /// The platform, lower case.
    pub platform: String,
    /// Its name (`TikTok`).
    pub label: String,
    /// The CSS class of its colour.
    pub class: String,
    /// How many entries are for it.
    pub count: usize,
    /// `count` in the page's digits.
    pub count_display: String,
}

impl CalendarView {
    /// The view of a calendar; broken `@/` links in entries are reported.
    pub(crate) fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        calendar: &Calendar,
        problems: &mut Vec<Diagnostic>,
    ) -> CalendarView {
        let f = cx.format(page);
        let names = Names::new(&page.lang);
        let origin = cx.origin(page);
        let entries: Vec<EntryView> = calendar
            .entries
            .iter()
            .map(|e| EntryView::new(cx.site, origin, e, f, &names, problems))
            .collect();
        let by_date = ByDate {
            calendar,
            entries: &entries,
        };
        CalendarView {
            timezone: calendar.timezone.name(),
            start: calendar.start.format("%Y-%m-%d").to_string(),
            end: calendar.end.format("%Y-%m-%d").to_string(),
            start_display: f.date(calendar.start),
            end_display: f.date(calendar.end),
            ics_url: format!("{}{ICS_FILE}", cx.site.url(&page.path)),
            weekdays: grid::weekdays(&names),
            months: grid::months(calendar, &by_date, f, &names),
            days: list_days(calendar, &by_date, f, &names),
            entry_count: calendar.entries.len(),
            platforms: platforms(calendar, f),
            entries,
        }
    }
}

/// The entries' views, found by date.
pub(super) struct ByDate<'a> {
    calendar: &'a Calendar,
    entries: &'a [EntryView],
}

impl ByDate<'_> {
    pub(super) fn on(&self, date: NaiveDate) -> Vec<EntryView> {
        let all = self.calendar.entries.iter().zip(self.entries);
        all.filter(|(e, _)| e.date == date)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// The list view: days that have entries, in order.
fn list_days(
    calendar: &Calendar,
    by_date: &ByDate<'_>,
    f: Formatter<'_>,
    names: &Names,
) -> Vec<ListDayView> {
    let mut dates: Vec<NaiveDate> = calendar.entries.iter().map(|e| e.date).collect();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| ListDayView {
            date: date.format("%Y-%m-%d").to_string(),
            date_display: f.date(date),
            weekday: names.weekday(date).1,
            entries: by_date.on(date),
        })
        .collect()
}

/// The legend: each platform with its number of entries, in order of first use.
fn platforms(calendar: &Calendar, f: Formatter<'_>) -> Vec<PlatformView> {
    let mut platforms: Vec<(String, usize)> = Vec::new();
    for e in &calendar.entries {
        match platforms.iter_mut().find(|(p, _)| *p == e.platform) {
            Some((_, n)) => *n += 1,
            None => platforms.push((e.platform.clone(), 1)),
        }
    }
    platforms
        .into_iter()
        .map(|(p, n)| PlatformView {
            label: platform_label(&p),
            class: platform_class(&p),
            count: n,
            count_display: f.number(n as f64),
            platform: p,
        })
        .collect()
}

impl EntryView {
    fn new(
        site: &Site,
        origin: Origin<'_>,
        e: &Entry,
        f: Formatter<'_>,
        names: &Names,
        problems: &mut Vec<Diagnostic>,
    ) -> EntryView {
        EntryView {
            date: e.date.format("%Y-%m-%d").to_string(),
            date_display: f.date(e.date),
            time: e.time.map(|t| t.format("%H:%M").to_string()),
            time_display: e.time.map(|t| names.time(t)),
            platform: e.platform.clone(),
            platform_label: platform_label(&e.platform),
            platform_class: platform_class(&e.platform),
            format: e.format,
            format_label: f.word(&format!("format_{}", e.format)),
            status: e.status,
            status_label: f.word(&format!("status_{}", e.status)),
            topic: e.topic.clone(),
            owner: e.owner.clone(),
            link: link(site, origin, e, problems),
        }
    }
}

/// An entry's link: an `@/` link as its page's URL (with its anchor), others as
/// written; a link to no page is an error.
fn link(
    site: &Site,
    origin: Origin<'_>,
    e: &Entry,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let link = e.link.as_deref()?;
    let Some(id) = link.strip_prefix("@/") else {
        return Some(link.to_string());
    };
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
                entry_error(
                    origin,
                    e.index,
                    "link",
                    format!("broken link `{link}`: no such page"),
                )
                .with_help(format!(
                    "`content/{file}` does not exist; an `@/` link names a file under content/"
                )),
            );
            None
        }
    }
}
