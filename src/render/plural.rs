//! A UI string as the theme and `site.yaml` give it: a text, or a text per CLDR plural
//! category (`{one: "{n} сторінка", few: "{n} сторінки", many: …, other: …}`) that
//! `t(key=…, n=…)` picks from by the number; and the check of the plural forms
//! `site.yaml` gives against the categories of their language.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::locale::{CATEGORIES, Localizer};
use crate::error::Diagnostic;
use crate::yaml::Fragment;

/// One UI string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UiText {
    /// The same text for every number.
    Plain(String),
    /// The text by plural category name (`one`, `few`, `other` …).
    Plural(BTreeMap<String, String>),
}

impl UiText {
    /// The text where no number is given: the plain text, or the `other` form.
    pub fn text(&self) -> &str {
        match self {
            UiText::Plain(text) => text,
            UiText::Plural(forms) => forms
                .get("other")
                .or_else(|| forms.values().next())
                .map_or("", String::as_str),
        }
    }

    /// The form for plural category `category`, else the `other` form.
    pub fn form(&self, category: &str) -> &str {
        match self {
            UiText::Plural(forms) => forms
                .get(category)
                .map_or_else(|| self.text(), String::as_str),
            UiText::Plain(text) => text,
        }
    }
}

impl<'de> Deserialize<'de> for UiText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<UiText, D::Error> {
        deserializer.deserialize_any(UiTextVisitor)
    }
}

struct UiTextVisitor;

impl<'de> Visitor<'de> for UiTextVisitor {
    type Value = UiText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text, or its plural forms (`{one: …, other: …}`)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<UiText, E> {
        Ok(UiText::Plain(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<UiText, E> {
        Ok(UiText::Plain(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<UiText, E> {
        Ok(UiText::Plain(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<UiText, E> {
        Ok(UiText::Plain(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<UiText, E> {
        Ok(UiText::Plain(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UiText, A::Error> {
        let mut forms = BTreeMap::new();
        while let Some((category, text)) = map.next_entry::<String, String>()? {
            forms.insert(category, text);
        }
        Ok(UiText::Plural(forms))
    }
}

/// Errors in the plural forms of `translations` in `site.yaml`: a category that does
/// not exist, one the language never picks (its text would never show), a missing one
/// the language uses.
pub(crate) fn check_translations(
    translations: &BTreeMap<String, BTreeMap<String, UiText>>,
    file: &Path,
    fragment: Fragment<'_>,
) -> Vec<Diagnostic> {
    let locale = Localizer::default();
    let mut problems = Vec::new();
    for (lang, table) in translations {
        for (key, text) in table {
            let UiText::Plural(forms) = text else {
                continue;
            };
            let used = locale.plural_categories(lang);
            let at = |path: &[&str]| {
                let mut full = vec!["translations", lang.as_str(), key.as_str()];
                full.extend_from_slice(path);
                fragment.key_position(&full).map(|p| (p.line, p.column))
            };
            let expected = format!("`{lang}` uses the forms {}", used.join(", "));
            for category in forms.keys() {
                let message = if used.contains(&category.as_str()) {
                    continue;
                } else if CATEGORIES.contains(&category.as_str()) {
                    format!("`{key}` gives a `{category}` form, which `{lang}` never uses")
                } else {
                    format!("`{category}` is not a plural category (in `{key}`)")
                };
                let d = Diagnostic::error(file, message);
                problems.push(placed(d, at(&[category])).with_help(expected.clone()));
            }
            let missing: Vec<&str> = used
                .iter()
                .copied()
                .filter(|c| !forms.contains_key(*c))
                .collect();
            if !missing.is_empty() {
                let d = Diagnostic::error(
                    file,
                    format!(
                        "`{key}` lacks the plural form(s) {} for `{lang}`",
                        missing.join(", ")
                    ),
                );
                problems.push(placed(d, at(&[])).with_help(expected.clone()));
            }
        }
    }
    problems
}

fn placed(d: Diagnostic, at: Option<(usize, usize)>) -> Diagnostic {
    match at {
        Some((line, column)) => d.at(line, column),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SiteConfig;
    use crate::render::strings::{SHIPPED, Strings};

    #[test]
    fn shipped_plural_forms_are_exactly_the_categories_of_their_language() {
        let locale = Localizer::default();
        for (lang, text) in SHIPPED {
            let table: BTreeMap<String, UiText> = serde_yaml::from_str(text).unwrap();
            for (key, text) in &table {
                if let UiText::Plural(forms) = text {
                    let given: Vec<&str> = forms.keys().map(String::as_str).collect();
                    let mut used = locale.plural_categories(lang);
                    used.sort();
                    assert_eq!(given, used, "{lang}: {key}");
                }
            }
        }
    }

    fn pages(strings: &Strings, lang: &str, counts: &[f64]) -> Vec<String> {
        let locale = Localizer::default();
        let shown = |n: f64| locale.number(lang, n);
        counts
            .iter()
            .map(|&n| strings.counted(&locale, lang, "n_pages", n, &shown(n)))
            .collect()
    }

    #[test]
    fn counts_take_the_form_of_their_number() {
        let config = SiteConfig::parse(Path::new("site.yaml"), "title: x\n").unwrap();
        let s = Strings::new(&config);
        let uk = pages(&s, "uk", &[1.0, 2.0, 5.0, 21.0, 22.0, 25.0, 11.0]);
        let words: Vec<&str> = uk.iter().map(|t| t.split(' ').nth(1).unwrap()).collect();
        assert_eq!(
            words,
            [
                "сторінка",
                "сторінки",
                "сторінок",
                "сторінка",
                "сторінки",
                "сторінок",
                "сторінок"
            ]
        );
        let ar = pages(&s, "ar", &[0.0, 1.0, 2.0, 3.0, 11.0, 100.0]);
        assert_eq!(ar[..3], ["لا توجد صفحات", "صفحة واحدة", "صفحتان"]);
        assert!(
            ar[3].ends_with(" صفحات") && ar[4].ends_with(" صفحة"),
            "{ar:?}"
        );
        assert!(ar[5].ends_with(" صفحة"), "{ar:?}");
        assert_eq!(
            pages(&s, "lv", &[0.0, 1.0, 2.0, 21.0]),
            ["0 lapu", "1 lapa", "2 lapas", "21 lapa"]
        );
        assert_eq!(pages(&s, "en", &[1.0, 1200.0]), ["1 page", "1,200 pages"]);
        // A language without the string takes English's text and English's rules.
        assert_eq!(pages(&s, "xx", &[1.0, 3.0]), ["1 page", "3 pages"]);
    }

    fn problems(yaml: &str) -> Vec<Diagnostic> {
        SiteConfig::parse(Path::new("site.yaml"), yaml).unwrap_err()
    }

    #[test]
    fn bad_plural_forms_in_site_yaml_are_errors_at_their_place() {
        let typo = problems(
            "title: x\ntranslations:\n  uk:\n    n_pages:\n      one: \"{n} сторінка\"\n      fwe: \"{n} сторінки\"\n      many: \"{n} сторінок\"\n      other: \"{n} сторінки\"\n",
        );
        assert_eq!(typo.len(), 2, "{typo:?}");
        assert_eq!(
            typo[0].message,
            "`fwe` is not a plural category (in `n_pages`)"
        );
        assert_eq!((typo[0].line, typo[0].column), (Some(6), Some(7)));
        assert_eq!(
            typo[0].help.as_deref(),
            Some("`uk` uses the forms one, few, many, other")
        );
        assert_eq!(
            typo[1].message,
            "`n_pages` lacks the plural form(s) few for `uk`"
        );
        assert_eq!((typo[1].line, typo[1].column), (Some(4), Some(5)));

        let flow = problems("title: x\ntranslations: {ar: {n_days: {one: a, other: b}}}\n");
        assert_eq!(flow.len(), 1, "{flow:?}");
        assert_eq!(
            flow[0].message,
            "`n_days` lacks the plural form(s) zero, two, few, many for `ar`"
        );
        assert_eq!(flow[0].line, Some(2));

        let unused =
            problems("title: x\ntranslations:\n  en:\n    n_pages: {one: a, few: b, other: c}\n");
        assert_eq!(
            unused[0].message,
            "`n_pages` gives a `few` form, which `en` never uses"
        );
        assert_eq!((unused[0].line, unused[0].column), (Some(4), Some(23)));
    }
}
