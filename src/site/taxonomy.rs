//! Model stage: taxonomies (tags, skills, platforms, industries) and their terms.

use std::collections::BTreeMap;

use super::Page;
use crate::config::SiteConfig;
use crate::slugify::slugify;

/// One taxonomy with its terms, keyed by slug.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
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

/// Builds every configured taxonomy. Names that slugify alike ("SEO", "seo") are one term.
pub fn collect_taxonomies(config: &SiteConfig, pages: &BTreeMap<String, Page>) -> Vec<Taxonomy> {
    let mut by_date: Vec<&Page> = pages.values().collect();
    by_date.sort_by(|a, b| b.date().cmp(&a.date()).then_with(|| a.id.cmp(&b.id)));
    config
        .taxonomies
        .iter()
        .map(|name| {
            let path = format!("/{name}/");
            let mut terms: BTreeMap<String, Term> = BTreeMap::new();
            for page in &by_date {
                for term_name in page.meta.terms(name) {
                    let slug = slugify(term_name, config.slugify);
                    if slug.is_empty() {
                        continue;
                    }
                    let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                        name: term_name.clone(),
                        path: format!("{path}{slug}/"),
                        slug,
                        pages: Vec::new(),
                    });
                    // Pages come one at a time: a repeat can only be this page's own.
                    if term.pages.last() != Some(&page.id) {
                        term.pages.push(page.id.clone());
                    }
                }
            }
            Taxonomy {
                name: name.clone(),
                path,
                terms,
            }
        })
        .collect()
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
