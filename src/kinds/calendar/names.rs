//! Month, weekday and time names of one language, and the first day of its week,
//! from ICU4X's CLDR data.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use icu::calendar::week::WeekInformation;
use icu::calendar::{Date, Gregorian};
use icu::datetime::fieldsets::{E, T, YM};
use icu::datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu::locale::Locale;

/// Month, weekday and time names of one language, from ICU4X's CLDR data.
pub(crate) struct Names {
    month: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    weekday_long: Option<FixedCalendarDateTimeFormatter<Gregorian, E>>,
    weekday_short: Option<FixedCalendarDateTimeFormatter<Gregorian, E>>,
    time: Option<NoCalendarFormatter<T>>,
    first_weekday: Weekday,
}

impl Names {
    pub(crate) fn new(lang: &str) -> Names {
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
    pub(crate) fn month(&self, year: i32, month: u32) -> String {
        match (
            &self.month,
            icu_date(NaiveDate::from_ymd_opt(year, month, 1)),
        ) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => format!("{year}-{month:02}"),
        }
    }

    /// `(short, long)` weekday names of a date: `("Mon", "Monday")`.
    pub(crate) fn weekday(&self, date: NaiveDate) -> (String, String) {
        let d = icu_date(Some(date));
        let name = |f: &Option<FixedCalendarDateTimeFormatter<Gregorian, E>>| match (f, &d) {
            (Some(f), Some(d)) => f.format(d).to_string(),
            _ => date.format("%a").to_string(),
        };
        (name(&self.weekday_short), name(&self.weekday_long))
    }

    /// `09:30`, `9:30 AM`, as the locale writes times.
    pub(crate) fn time(&self, time: NaiveTime) -> String {
        let t = icu::time::Time::try_new(time.hour() as u8, time.minute() as u8, 0, 0);
        match (&self.time, t) {
            (Some(f), Ok(t)) => f.format(&t).to_string(),
            _ => time.format("%H:%M").to_string(),
        }
    }

    pub(crate) fn first_weekday(&self) -> Weekday {
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
}
