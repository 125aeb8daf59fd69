//! The `VTIMEZONE` of an iCalendar file, from the IANA database that
//! chrono-tz compiles in, so that calendar apps without their own copy of the zone
//! (Outlook among them) place timed events right. Each offset change in the years the
//! calendar covers becomes one `STANDARD` or `DAYLIGHT` part, without recurrence
//! rules: exact for those years whatever the zone's rules are.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One offset of the zone, from `start` (UTC) on.
struct Span {
    start: DateTime<Utc>,
    from: i32,
    to: i32,
    name: String,
    daylight: bool,
}

fn offset_at(tz: Tz, at: DateTime<Utc>) -> (i32, String, bool) {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    let seconds = offset.fix().local_minus_utc();
    // Zones without a letter abbreviation (Asia/Tbilisi) are named by their offset,
    // as the IANA database writes it: `+04`, `+0530`.
    let name = offset
        .abbreviation()
        .map_or_else(|| offset_name(seconds), str::to_string);
    (seconds, name, !offset.dst_offset().is_zero())
}

/// `+04` for whole hours, else `+0530`.
fn offset_name(seconds: i32) -> String {
    let text = offset_text(seconds);
    match text.strip_suffix("00") {
        Some(hours) => hours.to_string(),
        None => text,
    }
}

/// The offsets of `tz` from 1 January of `from`'s year to the end of `to`'s year.
fn spans(tz: Tz, from: NaiveDate, to: NaiveDate) -> Vec<Span> {
    let first = Utc
        .with_ymd_and_hms(from.year(), 1, 1, 0, 0, 0)
        .single()
        .expect("1 January exists");
    let last = Utc
        .with_ymd_and_hms(to.year() + 1, 1, 1, 0, 0, 0)
        .single()
        .expect("1 January exists");
    let (offset, name, daylight) = offset_at(tz, first);
    // The first part starts at local midnight of 1 January.
    let mut spans = vec![Span {
        start: first - Duration::seconds(i64::from(offset)),
        from: offset,
        to: offset,
        name,
        daylight,
    }];
    let mut day = first;
    while day < last {
        let next = day + Duration::hours(6);
        let before = offset_at(tz, day).0;
        if offset_at(tz, next).0 != before {
            // The change lies in (day, next]: narrow it to the whole minute.
            let (mut lo, mut hi) = (0i64, 6 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset_at(tz, day + Duration::minutes(mid)).0 == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = day + Duration::minutes(hi);
            let (to, name, daylight) = offset_at(tz, hi);
            spans.push(Span {
                start: hi,
                from: before,
                to,
                name,
                daylight,
            });
        }
        day = next;
    }
    spans
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

/// The `VTIMEZONE` component of `tz` for a calendar from `from` to `to`, with CRLF line
/// ends.
pub(super) fn vtimezone(tz: Tz, from: NaiveDate, to: NaiveDate) -> String {
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    for span in spans(tz, from, to) {
        let kind = if span.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        // DTSTART is the local time of the change, as the clock showed before it.
        let local = span.start.naive_utc() + Duration::seconds(i64::from(span.from));
        out.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{}\r\nEND:{kind}\r\n",
            local.format("%Y%m%dT%H%M%S"),
            offset_text(span.from),
            offset_text(span.to),
            span.name,
        ));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn new_york_2026_changes_twice() {
        let text = vtimezone(
            chrono_tz::America::New_York,
            date(2026, 11, 1),
            date(2026, 11, 30),
        );
        assert!(text.starts_with("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
        // Clocks go forward on 8 March at 2:00 and back on 1 November at 2:00.
        assert!(
            text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n"),
            "{text}"
        );
        assert!(
            text.contains("BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n"),
            "{text}"
        );
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 2, "{text}");
    }

    #[test]
    fn zones_without_changes_and_half_hours() {
        let kyiv = vtimezone(chrono_tz::Europe::Kyiv, date(2026, 1, 1), date(2026, 1, 31));
        assert!(
            kyiv.contains("DTSTART:20260329T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300"),
            "{kyiv}"
        );
        let utc = vtimezone(chrono_tz::UTC, date(2026, 1, 1), date(2026, 1, 31));
        assert_eq!(utc.matches("BEGIN:STANDARD").count(), 1, "{utc}");
        assert!(utc.contains("TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000"));
        let kolkata = vtimezone(
            chrono_tz::Asia::Kolkata,
            date(2026, 1, 1),
            date(2026, 1, 31),
        );
        assert!(kolkata.contains("TZOFFSETTO:+0530"), "{kolkata}");
        assert!(kolkata.contains("TZNAME:IST"), "{kolkata}");
    }

    #[test]
    fn zones_without_abbreviations_are_named_by_their_offset() {
        let tbilisi = vtimezone(
            chrono_tz::Asia::Tbilisi,
            date(2026, 1, 1),
            date(2026, 1, 31),
        );
        assert!(
            tbilisi.contains("TZOFFSETTO:+0400\r\nTZNAME:+04\r\n"),
            "{tbilisi}"
        );
        let kathmandu = vtimezone(
            chrono_tz::Asia::Kathmandu,
            date(2026, 1, 1),
            date(2026, 1, 31),
        );
        assert!(kathmandu.contains("TZNAME:+0545\r\n"), "{kathmandu}");
    }
}
