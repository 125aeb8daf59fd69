//! Render stage helper: dates, numbers, percentages and money formatted for a page's
//! language by ICU4X with its compiled CLDR data, and the words CLDR has for it: plural
//! categories, lists (`A, B і C`), country and language names. Formatters are built
//! once per language and shared between threads.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{Datelike, NaiveDate};
use fixed_decimal::Decimal;
use icu::calendar::{Date, Gregorian};
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::{YM, YMD};
use icu::decimal::DecimalFormatter;
use icu::list::ListFormatter;
use icu::locale::Locale;
use icu::plurals::{PluralCategory, PluralRules};
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::displaynames::multi::{LanguageDisplayNames, RegionDisplayNames};

/// The formatters of one language.
struct Formats {
    locale: Locale,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    month: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    month_long: Option<FixedCalendarDateTimeFormatter<Gregorian, YM>>,
    number: Option<DecimalFormatter>,
    plurals: Option<PluralRules>,
    and_list: Option<ListFormatter>,
    or_list: Option<ListFormatter>,
    regions: Option<RegionDisplayNames>,
    languages: Option<LanguageDisplayNames>,
}

impl Formats {
    fn new(locale: Locale) -> Formats {
        Formats {
            date: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long()).ok(),
            month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::medium()).ok(),
            month_long: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::long()).ok(),
            number: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            plurals: PluralRules::try_new_cardinal((&locale).into()).ok(),
            and_list: ListFormatter::try_new_and((&locale).into(), Default::default()).ok(),
            or_list: ListFormatter::try_new_or((&locale).into(), Default::default()).ok(),
            regions: RegionDisplayNames::try_new((&locale).into(), Default::default()).ok(),
            languages: LanguageDisplayNames::try_new((&locale).into(), Default::default()).ok(),
            locale,
        }
    }
}

/// How the items of a list go together: `A, B and C` or `A, B or C`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    And,
    Or,
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
        let formats = Arc::new(Formats::new(locale));
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

impl Localizer {
    /// The plural category of `n` in `lang` (cardinal): `few` for 22 in Ukrainian.
    pub fn plural(&self, lang: &str, n: f64) -> PluralCategory {
        let f = self.formats(lang);
        match &f.plurals {
            Some(rules) => rules.category_for(&to_decimal(n)),
            None => PluralCategory::Other,
        }
    }

    /// The plural categories `lang` distinguishes, by their CLDR names, in CLDR's
    /// order (`zero`, `one`, `two`, `few`, `many`, `other`).
    pub fn plural_categories(&self, lang: &str) -> Vec<&'static str> {
        let f = self.formats(lang);
        let mut used: Vec<&'static str> = match &f.plurals {
            Some(rules) => rules.categories().map(category_name).collect(),
            None => vec!["other"],
        };
        used.sort_by_key(|c| CATEGORIES.iter().position(|k| k == c));
        used
    }

    /// The items as one phrase in `lang`: `Київ, Львів і Одеса`, `A، B و C`.
    pub fn list<S: AsRef<str>>(&self, lang: &str, items: &[S], kind: ListKind) -> String {
        let f = self.formats(lang);
        let formatter = match kind {
            ListKind::And => &f.and_list,
            ListKind::Or => &f.or_list,
        };
        let items = items.iter().map(AsRef::as_ref);
        match formatter {
            Some(formatter) => formatter.format_to_string(items),
            None => items.collect::<Vec<_>>().join(", "),
        }
    }

    /// The name of the country with ISO 3166-1 code `code` in `lang` (`Україна` for
    /// `UA` in `uk`); the English name where CLDR has none; `None` for an unknown code.
    pub fn country(&self, lang: &str, code: &str) -> Option<String> {
        let code = code.to_ascii_uppercase();
        // ISO 3166 says which codes are countries (CLDR names `ZZ` too).
        let english = rust_iso3166::from_alpha2(&code)?.name;
        let region = icu::locale::subtags::Region::try_from_str(&code).ok();
        let f = self.formats(lang);
        let local = region.and_then(|r| f.regions.as_ref()?.of(r));
        Some(local.unwrap_or(english).to_string())
    }

    /// A language's name in itself, as a menu shows it: `Українська`, `ქართული`; the
    /// code where CLDR has no name.
    pub fn language_name(&self, lang: &str) -> String {
        let f = self.formats(lang);
        let language = f.locale.id.language;
        let Some(name) = f.languages.as_ref().and_then(|n| n.of(language)) else {
            return lang.to_string();
        };
        let mut options = icu::casemap::options::TitlecaseOptions::default();
        options.trailing_case = Some(icu::casemap::options::TrailingCase::Unchanged);
        icu::casemap::TitlecaseMapper::new()
            .titlecase_segment_to_string(name, &f.locale.id, options)
            .into_owned()
    }
}

/// The CLDR plural categories, in CLDR's order.
pub(crate) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

pub(crate) fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
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

    #[test]
    fn plural_categories_of_our_languages() {
        let l = Localizer::default();
        for lang in [
            "en", "uk", "bg", "lv", "ka", "am", "de", "fr", "es", "pl", "ar",
        ] {
            println!("{lang}: {:?}", l.plural_categories(lang));
        }
        assert_eq!(l.plural_categories("uk"), ["one", "few", "many", "other"]);
        assert_eq!(l.plural_categories("ar"), CATEGORIES);
        let uk: Vec<&str> = [1.0, 2.0, 5.0, 21.0, 22.0, 25.0, 11.0, 1.5]
            .map(|n| category_name(l.plural("uk", n)))
            .to_vec();
        assert_eq!(
            uk,
            ["one", "few", "many", "one", "few", "many", "many", "other"]
        );
        let ar: Vec<&str> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0]
            .map(|n| category_name(l.plural("ar", n)))
            .to_vec();
        assert_eq!(ar, ["zero", "one", "two", "few", "many", "other"]);
        let lv: Vec<&str> = [0.0, 1.0, 2.0, 21.0, 11.0]
            .map(|n| category_name(l.plural("lv", n)))
            .to_vec();
        assert_eq!(lv, ["zero", "one", "other", "one", "zero"]);
    }

    #[test]
    fn lists_in_our_languages() {
        let l = Localizer::default();
        let three = ["A", "B", "C"];
        assert_eq!(l.list("en", &three, ListKind::And), "A, B, and C");
        assert_eq!(l.list("en", &three[..2], ListKind::Or), "A or B");
        assert_eq!(l.list("uk", &three, ListKind::And), "A, B і C");
        assert_eq!(l.list("uk", &three[..2], ListKind::Or), "A або B");
        assert_eq!(l.list("ar", &three, ListKind::And), "A وB وC");
        assert_eq!(l.list("de", &three, ListKind::And), "A, B und C");
        assert_eq!(l.list("ka", &three[..2], ListKind::And), "A და B");
        assert_eq!(l.list("en", &["A"], ListKind::Or), "A");
    }

    #[test]
    fn country_and_language_names() {
        let l = Localizer::default();
        assert_eq!(l.country("uk", "UA").as_deref(), Some("Україна"));
        assert_eq!(l.country("ka", "ua").as_deref(), Some("უკრაინა"));
        assert_eq!(l.country("ar", "PL").as_deref(), Some("بولندا"));
        assert_eq!(l.country("en", "GE").as_deref(), Some("Georgia"));
        assert_eq!(l.country("uk", "ZZ"), None);
        for (lang, name) in [
            ("en", "English"),
            ("uk", "Українська"),
            ("ka", "ქართული"),
            ("lv", "Latviešu"),
            ("ar", "العربية"),
            ("am", "አማርኛ"),
        ] {
            assert_eq!(l.language_name(lang), name);
        }
    }
}
