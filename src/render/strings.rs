//! Render stage: the theme's UI strings in every shipped language ("Apply", "Salary",
//! "Strengths" …), compiled in, overridable from `site.yaml` `translations`, with
//! English as the fallback; a string with a count has a form per plural category
//! (`plural.rs`), and `t()` picks it by the language's CLDR rules.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use serde_json::Value;

use super::locale::Localizer;
use super::plural::UiText;
use crate::config::SiteConfig;
use crate::error::Diagnostic;

type Table = HashMap<String, UiText>;

/// The shipped tables: `themes/default/i18n/<lang>.yaml`.
pub(crate) const SHIPPED: [(&str, &str); 11] = [
    ("en", include_str!("../../themes/default/i18n/en.yaml")),
    ("uk", include_str!("../../themes/default/i18n/uk.yaml")),
    ("bg", include_str!("../../themes/default/i18n/bg.yaml")),
    ("lv", include_str!("../../themes/default/i18n/lv.yaml")),
    ("ka", include_str!("../../themes/default/i18n/ka.yaml")),
    ("am", include_str!("../../themes/default/i18n/am.yaml")),
    ("de", include_str!("../../themes/default/i18n/de.yaml")),
    ("fr", include_str!("../../themes/default/i18n/fr.yaml")),
    ("es", include_str!("../../themes/default/i18n/es.yaml")),
    ("pl", include_str!("../../themes/default/i18n/pl.yaml")),
    ("ar", include_str!("../../themes/default/i18n/ar.yaml")),
];

/// The shipped tables, parsed once per process (every build and rebuild reads them).
static SHIPPED_TABLES: LazyLock<HashMap<String, Table>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|(lang, text)| {
            (
                lang.to_string(),
                serde_yaml::from_str(text).unwrap_or_default(),
            )
        })
        .collect()
});

/// UI strings by language, then key.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    tables: HashMap<String, Table>,
}

impl Strings {
    /// The shipped tables with the site's `translations` laid over them.
    pub fn new(config: &SiteConfig) -> Strings {
        let mut tables = SHIPPED_TABLES.clone();
        for (lang, overrides) in &config.translations {
            let table = tables.entry(lang.clone()).or_default();
            table.extend(overrides.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        Strings { tables }
    }

    /// The shipped tables alone.
    #[cfg(test)]
    pub(crate) fn shipped() -> Strings {
        Strings {
            tables: SHIPPED_TABLES.clone(),
        }
    }

    /// The string for `key` in `lang` (`uk-UA` falls back to `uk`), else English, else
    /// the key itself; of a string with plural forms, the `other` form.
    pub fn get<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        self.lookup(lang, key).map_or(key, |(_, text)| text.text())
    }

    /// The string for `key` and the language of the table it comes from (English when
    /// `lang` lacks it: its plural forms follow English rules).
    fn lookup<'a, 'l>(&'a self, lang: &'l str, key: &str) -> Option<(&'l str, &'a UiText)> {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        [lang, primary, "en"]
            .into_iter()
            .find_map(|l| Some((l, self.tables.get(l)?.get(key)?)))
    }

    /// The string for `key` with a count `n`: the form for `n` in its language, with
    /// `{n}` replaced by `shown` (`n` as the page shows it).
    pub fn counted(
        &self,
        locale: &Localizer,
        lang: &str,
        key: &str,
        n: f64,
        shown: &str,
    ) -> String {
        match self.lookup(lang, key) {
            Some((from, text)) => {
                let category = locale.plural(from, n);
                text.form(super::locale::category_name(category))
                    .replace("{n}", shown)
            }
            None => key.to_string(),
        }
    }

    /// Warnings for the site's languages that lack strings the English table has:
    /// they will show in English.
    pub fn missing(&self, config: &SiteConfig) -> Vec<Diagnostic> {
        let Some(english) = self.tables.get("en") else {
            return Vec::new();
        };
        let mut langs: Vec<&str> = config.languages.keys().map(String::as_str).collect();
        langs.push(&config.default_language);
        langs.sort();
        langs.dedup();
        let mut warnings = Vec::new();
        for lang in langs.into_iter().filter(|l| *l != "en") {
            let primary = lang.split(['-', '_']).next().unwrap_or(lang);
            let table = self.tables.get(lang).or_else(|| self.tables.get(primary));
            let mut missing: Vec<&str> = english
                .keys()
                .filter(|k| !table.is_some_and(|t| t.contains_key(*k)))
                .map(String::as_str)
                .collect();
            if missing.is_empty() {
                continue;
            }
            missing.sort();
            let shown: Vec<&str> = missing.iter().take(8).copied().collect();
            warnings.push(
                Diagnostic::warning(
                    "site.yaml",
                    format!(
                        "{} UI string(s) have no `{lang}` translation and will show in English: {}{}",
                        missing.len(),
                        shown.join(", "),
                        if missing.len() > shown.len() { ", …" } else { "" }
                    ),
                )
                .with_help(format!("add them under `translations: {{{lang}: {{key: text}}}}` in site.yaml")),
            );
        }
        warnings.extend(self.untitled_taxonomies(config));
        warnings
    }

    /// Warnings for taxonomies declared in `site.yaml` whose title (`taxonomy_<name>`)
    /// no language has: their pages would be headed by the key itself.
    fn untitled_taxonomies(&self, config: &SiteConfig) -> Vec<Diagnostic> {
        config
            .taxonomies
            .iter()
            .filter(|name| {
                let key = format!("taxonomy_{name}");
                !self.tables.values().any(|t| t.contains_key(&key))
            })
            .map(|name| {
                Diagnostic::warning(
                    "site.yaml",
                    format!("taxonomy `{name}` has no title: its pages will be headed `taxonomy_{name}`"),
                )
                .with_help(format!(
                    "give it one per language: translations: {{en: {{taxonomy_{name}: …}}, uk: {{taxonomy_{name}: …}}}}"
                ))
            })
            .collect()
    }
}

/// Registers `t(key=…, lang=…, n=…)`: the UI string — for a number `n`, its plural
/// form in `lang` with `{n}` replaced by `n` as the language writes numbers; any other
/// argument (`total=…`) replaces `{total}` the same way.
pub(crate) fn register(tera: &mut tera::Tera, strings: Arc<Strings>, locale: Localizer) {
    tera.register_function(
        "t",
        move |args: &std::collections::HashMap<String, Value>| {
            let key = args
                .get("key")
                .and_then(Value::as_str)
                .ok_or_else(|| tera::Error::msg("`t` needs a string argument `key`"))?;
            let lang = args.get("lang").and_then(Value::as_str).unwrap_or("en");
            let mut text = match args.get("n") {
                Some(n) => {
                    let shown = shown(&locale, lang, n);
                    let count = count_of(n).unwrap_or(f64::NAN);
                    strings.counted(&locale, lang, key, count, &shown)
                }
                None => strings.get(lang, key).to_string(),
            };
            for (name, value) in args {
                if !matches!(name.as_str(), "key" | "lang" | "n") {
                    text = text.replace(&format!("{{{name}}}"), &shown(&locale, lang, value));
                }
            }
            Ok(Value::String(text))
        },
    );
}

/// A number argument as a count; a numeric string counts too.
fn count_of(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An argument as the text shows it: numbers in the language's digits and grouping,
/// strings as given.
fn shown(locale: &Localizer, lang: &str, value: &Value) -> String {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |n| locale.number(lang, n)),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
