//! Render stage: every output file of the site from the model and the rendered
//! Markdown, through Tera templates, in parallel. Each kind of output has its own
//! function so that a rebuild can re-render only what a change touches.
//!
//! This file holds the entry points ([`render_site`], [`prepare`]), what they read
//! ([`RenderInput`], [`Fresh`]) and the [`Renderer`] with its shared helpers; the
//! outputs themselves are written by `pages` (single pages), `listings` (sections,
//! their pagers and the home page), `taxonomy_pages`, `site_files` (404, feeds,
//! search, sitemap, robots, redirects) and `static_files`.

pub(crate) mod body_images;
pub(crate) mod cards;
pub(crate) mod charts;
pub(crate) mod context;
pub(crate) mod feeds;
pub(crate) mod format;
pub(crate) mod functions;
pub(crate) mod host_files;
pub(crate) mod locale;
pub(crate) mod picture;
pub(crate) mod plural;
pub(crate) mod sharing;
pub(crate) mod sitemap;
pub(crate) mod strings;
pub(crate) mod structured_data;
pub(crate) mod summary;
pub(crate) mod templates;
pub(crate) mod theme_assets;

mod i18n;
mod listings;
mod pages;
mod site_files;
mod static_files;
mod taxonomy_pages;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde_json::Value;

use crate::error::{Diagnostic, nearest};
use crate::markdown::cache::MarkdownCache;
use crate::markdown::{Highlighter, MarkdownOptions, Rendered};
use crate::output::Output;
use crate::shortcodes::{Scope, Shortcodes};
use crate::site::{Page, Site};
use context::{Summary, Views};
pub(crate) use templates::Templates;

/// Everything rendering reads, computed by the earlier stages.
pub(crate) struct RenderInput<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub bodies: &'a BTreeMap<String, Rendered>,
    pub highlighter: &'a Highlighter,
    pub data: BTreeMap<String, Value>,
    /// Renders the bodies left `deferred` in `bodies`; `None` when all are there.
    pub fresh: Option<&'a Fresh<'a>>,
    /// The theme's stylesheets and scripts under hashed names (a production build);
    /// `None` publishes them as they are, under their plain names.
    pub assets: Option<&'a theme_assets::ThemeAssets>,
}

/// Renders a page's Markdown when the page is written rather than beforehand, so that
/// a build holds the HTML of one page per thread, not of the whole site.
pub(crate) struct Fresh<'a> {
    pub options: MarkdownOptions<'a>,
    /// Rendered Markdown of earlier builds, on disk.
    pub cache: Option<&'a MarkdownCache>,
    /// The site's folder, when pages were loaded without their bodies (a build keeps
    /// no page's Markdown in memory): each is read again from `content/` to render it.
    pub reload_from: Option<&'a Path>,
    /// The site's folder: the images a body places are measured there.
    pub root: &'a Path,
    /// The site's shortcodes; `None` when its templates are broken.
    pub shortcodes: Option<&'a Shortcodes>,
}

impl Fresh<'_> {
    /// A body's HTML: its shortcodes expanded around the (cached) Markdown rendering.
    pub(crate) fn render(
        &self,
        file: &Path,
        body: &str,
        first_line: usize,
        scope: Scope<'_>,
    ) -> Rendered {
        let prepared = self
            .shortcodes
            .map(|s| s.prepare(file, body, first_line, scope, &self.options));
        let text = prepared.as_ref().map_or(body, |p| &p.text);
        let mut rendered = match self.cache {
            Some(cache) => cache.render(file, text, first_line, &self.options),
            None => crate::markdown::render(file, text, first_line, &self.options),
        };
        if let Some(prepared) = prepared {
            prepared.finish(&mut rendered);
        }
        rendered
    }

    /// The body of the page or section `scope` names, its images measured.
    pub(crate) fn render_body(
        &self,
        file: &Path,
        body: &str,
        first_line: usize,
        scope: Scope<'_>,
    ) -> Rendered {
        let mut rendered = self.render(file, body, first_line, scope);
        let html = std::mem::take(&mut rendered.html);
        rendered.html = body_images::with_sizes(html, self.root, scope.id);
        rendered
    }

    /// A page's body, read again from its file first if it was not kept.
    pub(crate) fn render_page(&self, page: &Page) -> Rendered {
        let scope = Scope {
            lang: &page.lang,
            path: &page.path,
            id: &page.id,
        };
        let Some(root) = self.reload_from else {
            return self.render_body(&page.file, &page.body, page.body_first_line, scope);
        };
        let path = root.join("content").join(&page.id);
        let body = std::fs::read(&path)
            .map_err(|e| Diagnostic::error(&page.file, format!("cannot read: {e}")))
            .and_then(|bytes| crate::content::parse::body_of(&page.file, bytes));
        match body {
            Ok((body, first_line)) => self.render_body(&page.file, &body, first_line, scope),
            Err(problem) => Rendered {
                problems: vec![problem],
                ..Rendered::default()
            },
        }
    }
}

/// A page's summary made when its body was rendered, by content id.
type Fresher = (String, Summary);

/// Renders and writes the whole site; returns every problem met.
pub(crate) fn render_site(
    input: RenderInput<'_>,
    templates: &mut Templates,
    out: &dyn Output,
) -> Vec<Diagnostic> {
    let (mut views, mut problems) = prepare(&input, templates);
    let mut everything = Selection::all(input.site);
    if input.fresh.is_some() {
        // Pages first, each rendering its Markdown: then their summaries (reading time)
        // are known for the listings, which follow.
        let mut r = Renderer::new(input.site, input.bodies, &views, templates, out);
        r.fresh = input.fresh;
        r.assets = input.assets;
        problems.extend(r.write_static(input.root, input.highlighter));
        crate::progress::stage("rendering pages", everything.pages.len());
        let done: Vec<(Vec<Diagnostic>, Option<Fresher>)> = everything
            .pages
            .par_iter()
            .filter(|id| input.site.pages.contains_key(*id))
            .map(|id| {
                let done = r.page_and_summary(id);
                crate::progress::step();
                done
            })
            .collect();
        crate::progress::stage("rendering listings", 0);
        let summaries = Arc::make_mut(&mut views.summaries);
        for (found, summary) in done {
            problems.extend(found);
            if let Some((id, summary)) = summary {
                summaries.insert(id, summary);
            }
        }
        everything.pages.clear();
        let r = Renderer::new(input.site, input.bodies, &views, templates, out);
        problems.extend(r.render(&everything));
        return problems;
    }
    let mut r = Renderer::new(input.site, input.bodies, &views, templates, out);
    r.assets = input.assets;
    problems.extend(r.write_static(input.root, input.highlighter));
    problems.extend(r.render(&everything));
    problems
}

/// Computes the views of a build and hands templates their functions.
pub(crate) fn prepare(
    input: &RenderInput<'_>,
    templates: &mut Templates,
) -> (Views, Vec<Diagnostic>) {
    let links = crate::site::SiteLinks {
        site: input.site,
        failed: None,
    };
    let markdown = links.markdown_options(input.highlighter);
    // A build renders its deferred pages before any listing, and summarizes them then;
    // only `get_page` may ask for a summary earlier.
    let summarize_deferred = input.fresh.is_none() || templates.uses_lookups();
    let (mut views, problems) = Views::new(input.site, input.bodies, &markdown, summarize_deferred);
    views.site_root = Some(input.root.to_path_buf());
    // A build without the Markdown cache (`--no-cache`, `check`) keeps no cards either.
    views.card_cache = input.fresh.is_none_or(|fresh| fresh.cache.is_some());
    functions::register(
        &mut templates.tera,
        input.site,
        &views,
        input.bodies,
        input.data.clone(),
        input.assets.map(|a| a.names()).unwrap_or_default(),
    );
    (views, problems)
}

/// Which outputs to render: everything for a build, what a change touched for a rebuild.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Selection {
    pub pages: BTreeSet<String>,
    pub sections: BTreeSet<String>,
    /// `(taxonomy path, term slug)` pairs; the taxonomies' list pages always come along.
    pub terms: BTreeSet<(String, String)>,
    /// Feeds, sitemap, `jobs.json` and the 404 page.
    pub extras: bool,
}

impl Selection {
    pub(crate) fn all(site: &Site) -> Selection {
        Selection {
            pages: site.pages.keys().cloned().collect(),
            sections: site.sections.keys().cloned().collect(),
            terms: site
                .taxonomies
                .iter()
                .flat_map(|t| t.terms.keys().map(|slug| (t.path.clone(), slug.clone())))
                .collect(),
            extras: true,
        }
    }
}

/// Renders single outputs; shared by the full build and partial rebuilds.
pub(crate) struct Renderer<'a> {
    pub site: &'a Site,
    pub bodies: &'a BTreeMap<String, Rendered>,
    pub views: &'a Views,
    pub templates: &'a Templates,
    pub out: &'a dyn Output,
    /// Renders the bodies `bodies` holds only as `deferred`.
    pub fresh: Option<&'a Fresh<'a>>,
    /// The theme's stylesheets and scripts, when published under hashed names.
    pub assets: Option<&'a theme_assets::ThemeAssets>,
    /// Each page's place in its section's order, computed at first use.
    positions: OnceLock<HashMap<&'a str, usize>>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(
        site: &'a Site,
        bodies: &'a BTreeMap<String, Rendered>,
        views: &'a Views,
        templates: &'a Templates,
        out: &'a dyn Output,
    ) -> Renderer<'a> {
        Renderer {
            site,
            bodies,
            views,
            templates,
            out,
            fresh: None,
            assets: None,
            positions: OnceLock::new(),
        }
    }

    /// The selected pages, sections and terms, then the taxonomy lists, feeds,
    /// sitemap and 404 page (these depend on everything and are cheap).
    pub(crate) fn render(&self, selection: &Selection) -> Vec<Diagnostic> {
        // Listings are few but large, pages many but small: run both sides at once.
        let (mut problems, rest) = rayon::join(
            || {
                let mut problems: Vec<Diagnostic> = selection
                    .pages
                    .par_iter()
                    .filter(|id| self.site.pages.contains_key(*id))
                    .flat_map_iter(|id| self.page(id))
                    .collect();
                problems.extend(self.taxonomies(&selection.terms));
                problems
            },
            || {
                let mut problems: Vec<Diagnostic> = selection
                    .sections
                    .par_iter()
                    .filter(|id| self.site.sections.contains_key(*id))
                    .flat_map_iter(|id| self.section(id))
                    .collect();
                if selection.extras {
                    problems.extend(self.extras());
                }
                problems
            },
        );
        problems.extend(rest);
        problems
    }

    /// The template a page asks for, or why it cannot have it.
    fn template_for(
        &self,
        asked: Option<&str>,
        default: &str,
        file: &Path,
        front_matter: &str,
    ) -> Result<String, Diagnostic> {
        let name = asked.unwrap_or(default);
        if self.templates.has(name) {
            return Ok(name.to_string());
        }
        let line = crate::yaml::Fragment {
            text: front_matter,
            first_line: crate::content::front_matter::FIRST_LINE,
        }
        .key_line("template")
        .unwrap_or(1);
        let mut d = Diagnostic::error(file, format!("template `{name}` not found")).at_line(line);
        d = match nearest(name, self.templates.names()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help("put it in templates/ or the theme's templates/"),
        };
        Err(d)
    }

    fn write(&self, path: &str, bytes: &[u8], file: &Path) -> Result<(), Diagnostic> {
        self.out
            .write(path, bytes)
            .map_err(|e| Diagnostic::error(file, format!("cannot write `{path}`: {e}")))
    }
}
