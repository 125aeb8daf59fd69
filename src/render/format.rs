//! Render stage helper: values as text in a page's language — numbers, percentages,
//! money, dates, lists and country names by ICU4X (`locale.rs`), words from the UI
//! strings (`strings.rs`).

use chrono::NaiveDate;

use super::charts::ChartText;
use super::locale::{ListKind, Localizer};
use super::strings::Strings;

/// Formatting for one language.
#[derive(Clone, Copy)]
pub struct Format<'a> {
    pub locale: &'a Localizer,
    pub strings: &'a Strings,
    pub lang: &'a str,
}

impl Format<'_> {
    pub fn number(&self, n: f64) -> String {
        self.locale.number(self.lang, n)
    }

    pub fn percent(&self, n: i64) -> String {
        self.locale.percent(self.lang, n)
    }

    pub fn money(&self, amount: f64, currency: &str) -> String {
        self.locale.money(self.lang, amount, currency)
    }

    pub fn date(&self, date: NaiveDate) -> String {
        self.locale.date(self.lang, date)
    }

    /// A value with its unit: `12 400`, `3,2 %`, `45 UAH`; a currency unit formats as money.
    pub fn with_unit(&self, n: f64, unit: Option<&str>) -> String {
        match unit {
            Some("%") if self.tight_percent() => format!("{}%", self.number(n)),
            Some("%") => format!("{}\u{a0}%", self.number(n)),
            Some(u)
                if u.len() == 3
                    && u.chars().all(|c| c.is_ascii_uppercase())
                    && iso_currency::Currency::from_code(u).is_some() =>
            {
                self.money(n, u)
            }
            Some(u) if !u.is_empty() => format!("{}\u{a0}{u}", self.number(n)),
            _ => self.number(n),
        }
    }

    fn tight_percent(&self) -> bool {
        self.percent(1).ends_with("1%")
    }

    /// `per month` for a schema.org salary unit.
    pub fn per_unit(&self, unit: &str) -> String {
        self.strings
            .get(self.lang, &format!("per_{}", unit.to_ascii_lowercase()))
            .to_string()
    }

    /// `Full-time` for `FULL_TIME`.
    pub fn employment_type(&self, code: &str) -> String {
        self.strings
            .get(
                self.lang,
                &format!("employment_{}", code.to_ascii_lowercase()),
            )
            .to_string()
    }

    /// A country's name (`Україна` for `UA` on a Ukrainian page).
    pub fn country(&self, code: &str) -> Option<String> {
        self.locale.country(self.lang, code)
    }

    /// Items as one phrase: `A, B і C` (`And`), `A, B або C` (`Or`).
    pub fn list<S: AsRef<str>>(&self, items: &[S], kind: ListKind) -> String {
        self.locale.list(self.lang, items, kind)
    }

    pub fn word(&self, key: &str) -> String {
        self.strings.get(self.lang, key).to_string()
    }
}

/// The charts' words and values, formatted like the tables beside them.
impl ChartText for Format<'_> {
    fn percent(&self, n: i64) -> String {
        Format::percent(self, n)
    }

    fn with_unit(&self, n: f64, unit: Option<&str>) -> String {
        Format::with_unit(self, n, unit)
    }

    fn date(&self, date: NaiveDate) -> String {
        Format::date(self, date)
    }

    fn month(&self, year: i32, month: u32) -> String {
        self.locale.month(self.lang, year, month)
    }

    fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.word(key);
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}
