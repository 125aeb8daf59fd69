//! Parse stage: dates in front matter (`2026-03-01`, `2026-03-01 09:30`, RFC 3339).

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer};

/// A date from front matter, kept with its offset (UTC when none is given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub DateTime<FixedOffset>);

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
            return Some(Date(dt));
        }
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
            .or_else(|_| {
                NaiveDate::parse_from_str(text, "%Y-%m-%d").map(|d| d.and_time(NaiveTime::MIN))
            })
            .ok()?;
        Some(Date(Utc.from_utc_datetime(&naive).fixed_offset()))
    }

    /// `2026-03-01`, for `<time datetime>` and templates.
    pub fn ymd(&self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }

    pub fn rfc3339(&self) -> String {
        self.0.to_rfc3339()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ymd())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, so the error is raised while the YAML parser still knows the
        // value's position.
        deserializer.deserialize_str(DateVisitor)
    }
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date: YYYY-MM-DD, `YYYY-MM-DD HH:MM` or RFC 3339")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
        Date::parse(text).ok_or_else(|| {
            E::custom(format!(
                "`{text}` is not a date: expected YYYY-MM-DD, `YYYY-MM-DD HH:MM` or RFC 3339"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_forms() {
        for text in [
            "2026-03-01",
            "2026-03-01 09:30",
            "2026-03-01T09:30:00+02:00",
            "2026-03-01T09:30:00Z",
        ] {
            assert_eq!(Date::parse(text).unwrap().ymd(), "2026-03-01", "{text}");
        }
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("next week").is_none());
    }
}
