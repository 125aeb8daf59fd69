//! Render stage: the day and month arithmetic of the timeline, by chrono — dates
//! as day numbers and back, and month indexes.

use chrono::{Datelike, NaiveDate};

/// Days since 0001-01-01 (day 1) of a date.
pub(super) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date of a [`day_number`], clamped to the dates chrono can hold.
pub(super) fn date_of(day: i64) -> NaiveDate {
    let day = i32::try_from(day).unwrap_or(if day < 0 { i32::MIN } else { i32::MAX });
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(if day < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Months since year 0: `year * 12 + month - 1`.
pub(super) fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// The year and month (1–12) of a [`month_index`].
pub(super) fn year_month(month: i64) -> (i32, u32) {
    (month.div_euclid(12) as i32, month.rem_euclid(12) as u32 + 1)
}

/// Day number of the first day of a [`month_index`].
pub(super) fn month_start(month: i64) -> i64 {
    let (year, month) = year_month(month);
    NaiveDate::from_ymd_opt(year, month, 1).map_or(
        if year < 0 { i64::MIN / 2 } else { i64::MAX / 2 },
        day_number,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_and_months() {
        assert_eq!(
            day_number(ymd(2024, 3, 1)) - day_number(ymd(2024, 2, 28)),
            2
        );
        assert_eq!(
            day_number(ymd(2026, 3, 1)) - day_number(ymd(2026, 2, 28)),
            1
        );
        assert_eq!(
            day_number(ymd(2026, 1, 1)) - day_number(ymd(2025, 1, 1)),
            365
        );
        for date in [ymd(1970, 1, 1), ymd(2000, 2, 29), ymd(2026, 12, 31)] {
            assert_eq!(date_of(day_number(date)), date);
        }
        assert_eq!(year_month(month_index(ymd(2026, 1, 1))), (2026, 1));
        assert_eq!(year_month(month_index(ymd(2025, 12, 1)) + 1), (2026, 1));
        assert_eq!(
            month_start(month_index(ymd(2026, 3, 17))),
            day_number(ymd(2026, 3, 1))
        );
    }
}
