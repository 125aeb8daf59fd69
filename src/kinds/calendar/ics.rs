//! A calendar page's entries as an iCalendar file (RFC 5545) that
//! Google Calendar and Outlook import. Timed entries start at their time in the
//! calendar's IANA time zone (`DTSTART;TZID=Europe/Kyiv:…`) and last 30 minutes;
//! entries without a time are all-day events; a `VTIMEZONE` defines the zone for apps
//! that do not know it. UIDs and `DTSTAMP` depend only on the
//! content and the build date, so the file is the same from one build to the next.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use icalendar::{
    Calendar as Ical, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, EventStatus,
    Property,
};

use super::platform::platform_label;
use super::{Calendar, Entry, Status};
use crate::render::format::Format;
use crate::site::{Page, Site};

/// The file written beside a calendar page.
pub(crate) const ICS_FILE: &str = "calendar.ics";

/// How long a timed entry lasts in a calendar app.
const SLOT_MINUTES: i64 = 30;

/// The `calendar.ics` of a calendar page.
pub(crate) fn ics(site: &Site, page: &Page, calendar: &Calendar, f: Format<'_>) -> String {
    let tz = calendar.timezone.name();
    let host = site
        .config
        .base_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("folio.invalid");
    let page_key = blake3::hash(format!("{}:{}", page.translation_key, page.lang).as_bytes())
        .to_hex()
        .to_string();
    let stamp = site
        .today
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc();
    let mut ical = header(page, tz);
    for entry in &calendar.entries {
        let uid = format!("{}-{}@{host}", &page_key[..16], entry.index);
        ical.push(event(site, entry, f, &uid, stamp, tz));
    }
    let text = ical.done().to_string();
    // The zone's definition goes before the events that name it.
    let zone = super::vtimezone::vtimezone(calendar.timezone, calendar.start, calendar.end);
    let at = text
        .find("BEGIN:VEVENT")
        .or_else(|| text.find("END:VCALENDAR"))
        .unwrap_or(text.len());
    format!("{}{zone}{}", &text[..at], &text[at..])
}

/// The calendar's own properties: version, producer, name, time zone, description.
fn header(page: &Page, tz: &str) -> Ical {
    let mut ical = Ical::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        (
            "PRODID",
            concat!("-//folio//folio ", env!("CARGO_PKG_VERSION"), "//EN"),
        ),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        ical.append_property(Property::new(key, value));
    }
    ical.name(&page.meta.title).timezone(tz);
    if let Some(d) = &page.meta.description {
        ical.description(d);
    }
    ical
}

/// The event of one entry: `platform · format · topic`, its status, owner and link,
/// at its time in the zone `tz` (or all day).
fn event(
    site: &Site,
    entry: &Entry,
    f: Format<'_>,
    uid: &str,
    stamp: DateTime<Utc>,
    tz: &str,
) -> Event {
    let format = f.word(&format!("format_{}", entry.format));
    let summary = format!(
        "{} · {format} · {}",
        platform_label(&entry.platform),
        entry.topic
    );
    let mut event = Event::new();
    event
        .uid(uid)
        .timestamp(stamp)
        .summary(&summary)
        .add_property("CATEGORIES", platform_label(&entry.platform))
        .status(match entry.status {
            Status::Scheduled | Status::Published => EventStatus::Confirmed,
            Status::Idea | Status::Draft => EventStatus::Tentative,
        });
    let mut details = vec![format!(
        "{}: {}",
        f.word("status"),
        f.word(&format!("status_{}", entry.status))
    )];
    if let Some(owner) = &entry.owner {
        details.push(format!("{}: {owner}", f.word("owner")));
    }
    if let Some(url) = entry.link.as_deref().and_then(|link| url(site, link)) {
        event.url(&url);
        details.push(url);
    }
    event.description(&details.join("\n"));
    match entry.time {
        Some(time) => {
            let start = NaiveDateTime::new(entry.date, time);
            let at = |date_time: NaiveDateTime| {
                DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
                    date_time,
                    tzid: tz.to_string(),
                })
            };
            event
                .starts(at(start))
                .ends(at(start + Duration::minutes(SLOT_MINUTES)));
        }
        None => {
            // All day: DTEND is exclusive (RFC 5545 3.6.1), so the next day;
            // with DTEND equal to DTSTART some apps show a zero-length event.
            let next = entry.date.succ_opt().unwrap_or(entry.date);
            event.starts(entry.date).ends(next);
        }
    }
    event.done()
}

/// An entry's link as an absolute URL; `None` for an `@/` link to no page.
fn url(site: &Site, link: &str) -> Option<String> {
    match link.strip_prefix("@/") {
        Some(id) => site
            .pages
            .get(id.split('#').next().unwrap_or(id))
            .map(|p| site.permalink(&p.path)),
        None if link.starts_with('/') => Some(format!("{}{link}", site.origin())),
        None => Some(link.to_string()),
    }
}
