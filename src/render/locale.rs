//! Render stage helper: dates, numbers, percentages and money formatted for a page's
//! language by ICU4X with its compiled CLDR data. Formatters are built once per
//! language and shared between threads.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{Datelike, NaiveDate};
use fixed_decimal::Decimal;
use icu::calendar::{Date, Gregorian};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{YM, YMD};
use icu::decimal::DecimalFormatter;
use icu::locale::Locale;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;

/// The formatters of one language.
struct Formats {
    locale: Locale,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    month: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    month_long: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    number: Option<DecimalFormatter>,
}

/// Formats values for any language the site uses; builds each language's formatters
/// on first use.
#[derive(Default, Clone)]
pub struct Localizer {
    cache: Arc<RwLock<HashMap<String, Arc<Formats>>>>,
}

impl Localizer {
    fn formats(&self, lang: &str) -> Arc<Formats> {
        if let Some(f) = self.cache.read().ok().and_then(|c| c.get(lang).cloned()) {
            return f;
        }
        let locale: Locale = lang
            .parse()
            .unwrap_or_else(|_| "en".parse().expect("en is a locale"));
        let formats = Arc::new(Formats {
            date: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMD::long()).ok(),
            month: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YM::medium())
                .ok(),
            month_long: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YM::long())
                .ok(),
            number: DecimalFormatter::try_new(locale.clone().into(), Default::default()).ok(),
            locale,
        });
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(lang.to_string(), formats.clone());
        }
        formats
    }

    /// `22 листопада 2026 р.`, `22 ნოემბერი, 2026`, `November 22, 2026`.
    pub fn date(&self, lang: &str, date: NaiveDate) -> String {
        let f = self.formats(lang);
        match (
            &f.date,
            Date::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8),
        ) {
            (Some(formatter), Ok(d)) => formatter.format(&d).to_string(),
            _ => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A month of a year by name, short where the language has a short name:
    /// `бер. 2026 р.` (uk), `Mar 2026` (en), `März 2026` (de, whose short form is
    /// numeric).
    pub fn month(&self, lang: &str, year: i32, month: u32) -> String {
        let f = self.formats(lang);
        let Some(date) = u8::try_from(month)
            .ok()
            .and_then(|m| Date::try_new_gregorian(year, m, 1).ok())
        else {
            return format!("{year:04}-{month:02}");
        };
        let format = |formatter: &Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>| {
            formatter.as_ref().map(|f| f.format(&date).to_string())
        };
        format(&f.month)
            .filter(|text| text.chars().any(char::is_alphabetic))
            .or_else(|| format(&f.month_long))
            .unwrap_or_else(|| format!("{year:04}-{month:02}"))
    }

    /// `40 000` (uk), `40,000` (en), up to two decimals.
    pub fn number(&self, lang: &str, n: f64) -> String {
        let f = self.formats(lang);
        let decimal = to_decimal(n);
        match &f.number {
            Some(formatter) => formatter.format(&decimal).to_string(),
            None => decimal.to_string(),
        }
    }

    /// A whole percentage: `84%`, `84 %` (uk), `٨٤٪` style where the locale says so.
    pub fn percent(&self, lang: &str, n: i64) -> String {
        let number = self.number(lang, n as f64);
        // CLDR's percent pattern is `#,##0%` for most of our languages and `#,##0 %`
        // for some (uk, bg, lv, de, fr, pl …): follow it for the ones we ship.
        match lang.split(['-', '_']).next().unwrap_or(lang) {
            "uk" | "bg" | "lv" | "de" | "fr" | "pl" | "es" | "ka" => format!("{number}\u{a0}%"),
            _ => format!("{number}%"),
        }
    }

    /// An amount of money in a currency: `50 000,00 ₴`, `€2,700.00`.
    pub fn money(&self, lang: &str, amount: f64, currency: &str) -> String {
        let f = self.formats(lang);
        let Ok(code) = CurrencyType::try_from_str(&currency.to_ascii_lowercase()) else {
            return format!("{} {currency}", self.number(lang, amount));
        };
        match CurrencyFormatter::try_new_symbol((&f.locale).into(), code, Default::default()) {
            Ok(formatter) => formatter
                .format_fixed_decimal(&to_decimal(amount))
                .to_string(),
            Err(_) => format!(
                "{} {}",
                self.number(lang, amount),
                currency.to_ascii_uppercase()
            ),
        }
    }
}

/// A value rounded to two decimals, trailing zeros dropped.
fn to_decimal(n: f64) -> Decimal {
    let text = format!("{:.2}", (n * 100.0).round() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.parse().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_our_languages() {
        let l = Localizer::default();
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for (lang, expected) in [
            ("en", "November 22, 2026"),
            ("uk", "22 листопада 2026\u{202f}р."),
            ("ka", "22 ნოემბერი, 2026"),
            ("lv", "2026. gada 22. novembris"),
        ] {
            assert_eq!(l.date(lang, d), expected, "{lang}");
        }
        assert!(l.date("am", d).contains("ኖቬምበር"), "{}", l.date("am", d));
        assert_eq!(l.month("en", 2026, 3), "Mar 2026");
        assert!(
            l.month("uk", 2026, 3).starts_with("бер"),
            "{}",
            l.month("uk", 2026, 3)
        );
        assert!(
            l.month("de", 2026, 3).contains("März"),
            "{}",
            l.month("de", 2026, 3)
        );
    }

    #[test]
    fn numbers_and_money() {
        let l = Localizer::default();
        assert_eq!(l.number("en", 40000.0), "40,000");
        assert_eq!(l.number("uk", 40000.0), "40\u{a0}000");
        assert_eq!(l.number("en", 3.5), "3.5");
        assert_eq!(l.number("uk", 3.5), "3,5");
        assert_eq!(l.percent("en", 84), "84%");
        let eur = l.money("en", 2700.0, "EUR");
        assert!(eur.contains("€") && eur.contains("2,700"), "{eur}");
        let uah = l.money("uk", 50000.0, "UAH");
        assert!(
            uah.contains("50\u{a0}000") && (uah.contains("₴") || uah.contains("грн")),
            "{uah}"
        );
    }
}
