//! Render stage: the theme's UI strings in every shipped language ("Apply", "Salary",
//! "Strengths" …), compiled in, overridable from `site.yaml` `translations`, with
//! English as the fallback.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use serde_json::Value;

use crate::config::SiteConfig;
use crate::error::Diagnostic;

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
static SHIPPED_TABLES: LazyLock<HashMap<String, HashMap<String, String>>> = LazyLock::new(|| {
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
    tables: HashMap<String, HashMap<String, String>>,
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
    /// the key itself.
    pub fn get<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        [lang, primary, "en"]
            .iter()
            .find_map(|l| self.tables.get(*l).and_then(|t| t.get(key)))
            .map_or(key, String::as_str)
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

/// Registers `t(key=…, lang=…, n=…)`: the UI string, with `{n}` replaced by `n`.
pub(crate) fn register(tera: &mut tera::Tera, strings: Arc<Strings>) {
    tera.register_function(
        "t",
        move |args: &std::collections::HashMap<String, Value>| {
            let key = args
                .get("key")
                .and_then(Value::as_str)
                .ok_or_else(|| tera::Error::msg("`t` needs a string argument `key`"))?;
            let lang = args.get("lang").and_then(Value::as_str).unwrap_or("en");
            let text = strings.get(lang, key);
            Ok(Value::String(match args.get("n") {
                Some(Value::String(n)) => text.replace("{n}", n),
                Some(n) => text.replace("{n}", &n.to_string()),
                None => text.to_string(),
            }))
        },
    );
}
