//! Model stage: URL claims — which file produced each output path, so that two files
//! wanting the same URL, a refused alias or a file taking a URL folio makes itself
//! (taxonomy, term and search pages) are reported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::paths::{alias_path, output_file};
use super::{Page, Taxonomy};
use crate::config::SiteConfig;
use crate::error::Diagnostic;

/// Which file produced each output path, to report two files that want the same URL.
#[derive(Default)]
pub(super) struct Claims(BTreeMap<String, PathBuf>);

impl Claims {
    pub(super) fn claim(&mut self, path: &str, by: &Path, problems: &mut Vec<Diagnostic>) {
        let out = output_file(path);
        if let Some(first) = self.0.get(&out) {
            problems.push(
                Diagnostic::error(
                    by,
                    format!("duplicate URL `{path}`: {} has it too", first.display()),
                )
                .with_help("change `slug:` or the file name of one of them"),
            );
        } else {
            self.0.insert(out, by.to_path_buf());
        }
    }

    /// `path` belongs to a page folio makes itself (`what`): a file that took it is
    /// told so.
    fn reserve(&mut self, path: &str, what: &str, problems: &mut Vec<Diagnostic>) {
        if let Some(file) = self.0.get(&output_file(path)) {
            problems.push(
                Diagnostic::error(file, format!("duplicate URL `{path}`: it is {what}")).with_help(
                    "change `slug:` or the file name, or set `search: false` in site.yaml",
                ),
            );
        }
    }

    /// The list page of each taxonomy and the page of each of its terms.
    pub(super) fn claim_taxonomies(
        &mut self,
        taxonomies: &[Taxonomy],
        problems: &mut Vec<Diagnostic>,
    ) {
        for taxonomy in taxonomies {
            let origin = PathBuf::from("site.yaml");
            self.claim(&taxonomy.path, &origin, problems);
            for term in taxonomy.terms.values() {
                self.claim(&term.path, &origin, problems);
            }
        }
    }

    /// The search page of each language that has pages, and of the default one.
    pub(super) fn reserve_search_pages(
        &mut self,
        config: &SiteConfig,
        pages: &BTreeMap<String, Page>,
        problems: &mut Vec<Diagnostic>,
    ) {
        let mut langs: Vec<&str> = pages.values().map(|p| p.lang.as_str()).collect();
        langs.push(&config.default_language);
        langs.sort_unstable();
        langs.dedup();
        for lang in langs {
            let path = format!("{}/search/", config.lang_prefix(lang));
            self.reserve(
                &path,
                "the search page (`search: true` in site.yaml)",
                problems,
            );
        }
    }
}

/// Claims the output path of each alias, or reports why an alias is refused (at
/// `line`, the `aliases:` key).
pub(super) fn check_aliases(
    aliases: &[String],
    file: &Path,
    line: &dyn Fn() -> usize,
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) {
    for alias in aliases {
        match alias_path(alias) {
            Ok(path) => claims.claim(&path, file, problems),
            Err(why) => problems.push(
                Diagnostic::error(file, format!("alias `{alias}` refused: {why}")).at_line(line()),
            ),
        }
    }
}
