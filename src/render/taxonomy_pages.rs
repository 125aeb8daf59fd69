//! Render stage: taxonomy pages — the list page of each taxonomy and the page of
//! each selected term.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::{Map, Value, json};

use super::structured_data;
use super::{Renderer, context};
use crate::error::Diagnostic;
use crate::site::Taxonomy;
use crate::site::paths::output_file;

const LIST_TEMPLATE: &str = "taxonomy_list.html";
const TERM_TEMPLATE: &str = "taxonomy_term.html";

/// One taxonomy output to render: its path, template, variables, language and, for a
/// term, its pages (summarised when the page renders, not all at once).
type Job<'t> = (
    String,
    &'static str,
    Map<String, Value>,
    &'t str,
    &'t [String],
);

impl Renderer<'_> {
    /// The list page of each taxonomy and the page of each term.
    pub(crate) fn taxonomies(&self, terms_wanted: &BTreeSet<(String, String)>) -> Vec<Diagnostic> {
        let site = self.site;
        let origin = PathBuf::from("site.yaml");
        let mut jobs: Vec<Job<'_>> = Vec::new();
        for taxonomy in site.taxonomies.iter().filter(|t| !t.terms.is_empty()) {
            self.taxonomy_jobs(taxonomy, terms_wanted, &mut jobs);
        }
        jobs.into_par_iter()
            .filter_map(|(path, template, mut extra, lang, pages)| {
                if template == TERM_TEMPLATE {
                    let pages = Value::Array(self.views.summaries_of(pages));
                    extra.insert("pages".into(), pages);
                }
                extra.extend(self.i18n(lang, None));
                let ctx = self.views.context(site, lang, &path, extra);
                self.templates
                    .render(template, &ctx, &origin)
                    .and_then(|html| self.write(&output_file(&path), html.as_bytes(), &origin))
                    .err()
            })
            .collect()
    }

    /// The jobs of one taxonomy: its list page, then the wanted terms' pages.
    fn taxonomy_jobs<'t>(
        &self,
        taxonomy: &'t Taxonomy,
        terms_wanted: &BTreeSet<(String, String)>,
        jobs: &mut Vec<Job<'t>>,
    ) {
        let site = self.site;
        let tax_view = context::taxonomy_view(site, taxonomy);
        let mut terms: Vec<&crate::site::Term> = taxonomy.terms.values().collect();
        terms.sort_by_key(|t| t.name.to_lowercase());
        let key = format!("taxonomy_{}", taxonomy.name);
        let title = match self.views.strings.get(&taxonomy.lang, &key) {
            found if found == key => taxonomy.title(),
            found => found.to_string(),
        };
        let list_crumb = (title, taxonomy.path.clone());
        let mut extra = Map::new();
        extra.insert("taxonomy".into(), tax_view.clone());
        extra.insert(
            "structured_data".into(),
            structured_data::trail(site, &taxonomy.lang, vec![list_crumb.clone()]),
        );
        extra.insert(
            "terms".into(),
            json!(
                terms
                    .iter()
                    .map(|t| context::term_view(site, t))
                    .collect::<Vec<_>>()
            ),
        );
        jobs.push((
            taxonomy.path.clone(),
            LIST_TEMPLATE,
            extra,
            &taxonomy.lang,
            &[],
        ));
        for term in terms {
            if !terms_wanted.contains(&(taxonomy.path.clone(), term.slug.clone())) {
                continue;
            }
            let mut extra = Map::new();
            extra.insert("taxonomy".into(), tax_view.clone());
            extra.insert("term".into(), context::term_view(site, term));
            let crumbs = vec![list_crumb.clone(), (term.name.clone(), term.path.clone())];
            extra.insert(
                "structured_data".into(),
                structured_data::trail(site, &taxonomy.lang, crumbs),
            );
            jobs.push((
                term.path.clone(),
                TERM_TEMPLATE,
                extra,
                &taxonomy.lang,
                &term.pages,
            ));
        }
    }
}
