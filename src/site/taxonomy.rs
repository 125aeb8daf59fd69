//! Model stage: taxonomies (tags, skills, platforms, industries) and their terms.

use std::collections::{BTreeMap, HashMap};

use super::Page;
use crate::config::SiteConfig;
use crate::error::Diagnostic;
use crate::slugify::slugify_lang;

/// One taxonomy with its terms, keyed by slug.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
    pub lang: String,
    /// `/tags/`
    pub path: String,
    pub terms: BTreeMap<String, Term>,
}

/// A term and the pages that carry it, newest first.
#[derive(Debug, Clone)]
pub struct Term {
    /// As first written in front matter ("Social media").
    pub name: String,
    pub slug: String,
    /// `/tags/social-media/`
    pub path: String,
    pub pages: Vec<String>,
}

/// Builds every configured taxonomy in every language that has pages (`/tags/…` for
/// the default language, `/uk/tags/…` for Ukrainian). Names that slugify alike
/// ("SEO", "seo") are one term.
/// Two different names that slugify alike (not just in case: "Social-media" and
/// "Social media" do, "SEO" and "seo" are one term) are an error naming both files.
pub(crate) fn collect_taxonomies(
    config: &SiteConfig,
    pages: &BTreeMap<String, Page>,
) -> (Vec<Taxonomy>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut by_date: Vec<&Page> = pages.values().filter(|p| p.listed()).collect();
    by_date.sort_by(|a, b| b.date().cmp(&a.date()).then_with(|| a.id.cmp(&b.id)));
    let mut langs: Vec<&str> = vec![config.default_language.as_str()];
    langs.extend(
        config
            .languages
            .keys()
            .map(String::as_str)
            .filter(|l| *l != config.default_language),
    );
    let mut slugs: HashMap<(&str, &str), String> = HashMap::new();
    let mut all = Vec::new();
    for lang in langs {
        let prefix = config.lang_prefix(lang);
        for name in &config.taxonomies {
            let path = format!("{prefix}/{name}/");
            let mut terms: BTreeMap<String, Term> = BTreeMap::new();
            for page in by_date.iter().filter(|p| p.lang == lang) {
                for term_name in page.meta.terms(name) {
                    let slug = slugs
                        .entry((term_name.as_str(), lang))
                        .or_insert_with(|| slugify_lang(term_name, config.slugify, Some(lang)))
                        .clone();
                    if slug.is_empty() {
                        continue;
                    }
                    let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                        name: term_name.clone(),
                        path: format!("{path}{slug}/"),
                        slug: slug.clone(),
                        pages: Vec::new(),
                    });
                    if term.name.to_lowercase() != term_name.to_lowercase() {
                        let first = term
                            .pages
                            .first()
                            .and_then(|id| pages.get(id))
                            .map(|p| p.file.display().to_string());
                        problems.push(
                            Diagnostic::error(
                                &page.file,
                                format!(
                                    "{name} `{term_name}` and `{}` ({}) both become `{slug}` in URLs",
                                    term.name,
                                    first.unwrap_or_default()
                                ),
                            )
                            .with_help("spell the term the same way on both pages"),
                        );
                        continue;
                    }
                    // Pages come one at a time: a repeat can only be this page's own.
                    if term.pages.last() != Some(&page.id) {
                        term.pages.push(page.id.clone());
                    }
                }
            }
            all.push(Taxonomy {
                name: name.clone(),
                lang: lang.to_string(),
                path,
                terms,
            });
        }
    }
    (all, problems)
}

impl Taxonomy {
    /// "tags" → "Tags", for headings.
    pub fn title(&self) -> String {
        let mut chars = self.name.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}
