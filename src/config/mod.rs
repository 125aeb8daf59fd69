//! `site.yaml`: the site's configuration (load stage).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;
use crate::render::plural::{self, UiText};
use crate::slugify::SlugMode;
use crate::yaml::{self, Fragment};

mod brand;
pub(crate) mod languages;

pub(crate) use brand::BrandConfig;

/// The taxonomies of a site that does not declare its own (`taxonomies:` in
/// `site.yaml` may name any others).
pub(crate) const KNOWN_TAXONOMIES: [&str; 4] = ["tags", "skills", "platforms", "industries"];

/// The parsed `site.yaml`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub default_language: String,
    #[serde(default)]
    pub languages: BTreeMap<String, LanguageConfig>,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_taxonomies")]
    pub taxonomies: Vec<String>,
    #[serde(default)]
    pub author: Option<Author>,
    #[serde(default)]
    pub slugify: SlugMode,
    #[serde(default)]
    pub highlight: HighlightConfig,
    #[serde(default = "yes")]
    pub search: bool,
    #[serde(default = "yes")]
    pub feeds: bool,
    #[serde(default)]
    pub safe_html: bool,
    #[serde(default)]
    pub brand: BrandConfig,
    /// Social cards: an `og:image` drawn for every page without an image of its own.
    #[serde(default = "yes")]
    pub cards: bool,
    #[serde(default)]
    pub images: ImagesConfig,
    #[serde(default)]
    pub translations: BTreeMap<String, BTreeMap<String, UiText>>,
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The author's name as written in this language (`author.name` otherwise): on
    /// its pages' footer, social cards, feeds and structured data.
    #[serde(default)]
    pub author_name: Option<String>,
    /// The author's headline in this language (`author.headline` otherwise): on its
    /// home page and as its `Person`'s description.
    #[serde(default)]
    pub author_headline: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// What they do, as schema.org's `jobTitle`.
    #[serde(default)]
    pub job_title: Option<String>,
    /// A photo: a path in `static/` or a URL (the `Person`'s `image`).
    #[serde(default)]
    pub image: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub name: String,
    pub url: String,
}

/// `images:`: what published images keep.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImagesConfig {
    /// Publish photos with their EXIF and XMP metadata (GPS position, camera serial).
    #[serde(default)]
    pub keep_metadata: bool,
}

/// Code highlighting: a syntect theme for light mode and one for dark mode.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HighlightConfig {
    #[serde(default = "default_light_theme")]
    pub theme: String,
    #[serde(default = "default_dark_theme")]
    pub dark_theme: String,
}

impl Default for HighlightConfig {
    fn default() -> Self {
        HighlightConfig {
            theme: default_light_theme(),
            dark_theme: default_dark_theme(),
        }
    }
}

fn default_base_url() -> String {
    "http://localhost:1111".into()
}
fn default_language() -> String {
    "en".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_taxonomies() -> Vec<String> {
    KNOWN_TAXONOMIES.iter().map(|s| s.to_string()).collect()
}
fn default_light_theme() -> String {
    "InspiredGitHub".into()
}
fn default_dark_theme() -> String {
    "base16-ocean.dark".into()
}
fn yes() -> bool {
    true
}

impl SiteConfig {
    /// The author's name in language `lang`: its `languages.<lang>.author_name`, else
    /// `author.name`; `None` when the site has no author.
    pub fn author_name(&self, lang: &str) -> Option<&str> {
        let author = self.author.as_ref()?;
        let own = self
            .languages
            .get(lang)
            .and_then(|l| l.author_name.as_deref());
        Some(own.unwrap_or(&author.name))
    }

    /// The author's headline in language `lang`: its `languages.<lang>.author_headline`,
    /// else `author.headline`.
    pub fn author_headline(&self, lang: &str) -> Option<&str> {
        let own = self
            .languages
            .get(lang)
            .and_then(|l| l.author_headline.as_deref());
        own.or(self.author.as_ref()?.headline.as_deref())
    }

    /// Parses `site.yaml` text; `file` names it in errors.
    pub fn parse(file: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        let fragment = Fragment {
            text,
            first_line: 1,
        };
        let mut config: SiteConfig = yaml::parse(file, fragment).map_err(|d| vec![d])?;
        config.base_url = config.base_url.trim_end_matches('/').to_string();
        let problems = config.validate(file, fragment);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    fn validate(&self, file: &Path, fragment: Fragment<'_>) -> Vec<Diagnostic> {
        let mut problems = self.brand.check(file, fragment);
        let line_of = |key| fragment.key_line(key).unwrap_or(1);
        for (index, name) in self.taxonomies.iter().enumerate() {
            let at = fragment
                .position(&["taxonomies", &index.to_string()])
                .map_or((line_of("taxonomies"), 1), |p| (p.line, p.column));
            if let Some(why) = taxonomy_name_problem(name) {
                problems.push(
                    Diagnostic::error(file, format!("taxonomy `{name}` {why}"))
                        .at(at.0, at.1)
                        .with_help(
                            "a taxonomy is a front matter key holding a list of terms, named in lowercase Latin letters, digits and `_` (e.g. tools)",
                        ),
                );
            } else if self.taxonomies[..index].contains(name) {
                problems.push(
                    Diagnostic::error(file, format!("taxonomy `{name}` is declared twice"))
                        .at(at.0, at.1),
                );
            }
        }
        if !(self.base_url.starts_with("http://") || self.base_url.starts_with("https://")) {
            problems.push(
                Diagnostic::error(
                    file,
                    format!("base_url `{}` is not an absolute URL", self.base_url),
                )
                .at_line(line_of("base_url"))
                .with_help("expected something like https://example.com"),
            );
        }
        problems.extend(plural::check_translations(
            &self.translations,
            file,
            fragment,
        ));
        problems
    }

    /// Checks what `site.yaml` names in the site's folder `root` (the brand's logo);
    /// `file` and `text` are `site.yaml`'s name and text, for the position.
    pub(crate) fn check_files(&mut self, root: &Path, file: &Path, text: &str) -> Vec<Diagnostic> {
        let fragment = Fragment {
            text,
            first_line: 1,
        };
        self.brand
            .check_logo(root, file, fragment)
            .into_iter()
            .collect()
    }

    /// The path part of `base_url` without a trailing slash: "" or "/folio".
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        after_scheme.find('/').map_or("", |i| &after_scheme[i..])
    }

    /// Where a language's pages live: `""` for the default language, `/uk` for Ukrainian.
    pub fn lang_prefix(&self, lang: &str) -> String {
        if lang == self.default_language {
            String::new()
        } else {
            format!("/{lang}")
        }
    }

    /// Writing direction of a language code.
    pub fn direction(lang: &str) -> &'static str {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        match primary {
            "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb" => "rtl",
            _ => "ltr",
        }
    }
}

/// Why `name` cannot be a taxonomy: it must be usable as a front matter key and a URL
/// folder, and not be a key pages already have.
fn taxonomy_name_problem(name: &str) -> Option<String> {
    let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid {
        return Some("is not a valid name".into());
    }
    if crate::content::meta::common_keys().contains(&name) {
        return Some("is a key every page has".into());
    }
    let owners = crate::kinds::registry::owners(name);
    if !owners.is_empty() {
        return Some(format!("is a key of kind {}", owners.join(" and ")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = SiteConfig::parse(
            Path::new("site.yaml"),
            "title: Demo\nbase_url: https://x.org/folio/\n",
        )
        .unwrap();
        assert_eq!(c.base_url, "https://x.org/folio");
        assert_eq!(c.base_path(), "/folio");
        assert_eq!(c.taxonomies, KNOWN_TAXONOMIES);
        assert!(c.feeds);
        assert!(!c.safe_html);
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let err = SiteConfig::parse(
            Path::new("site.yaml"),
            "title: D\nbase_ulr: https://x.org\n",
        )
        .unwrap_err();
        assert_eq!(err[0].line, Some(2));
        assert_eq!(err[0].help.as_deref(), Some("did you mean `base_url`?"));
    }

    #[test]
    fn rtl_languages() {
        assert_eq!(SiteConfig::direction("ar"), "rtl");
        assert_eq!(SiteConfig::direction("he-IL"), "rtl");
        assert_eq!(SiteConfig::direction("uk"), "ltr");
    }
}
