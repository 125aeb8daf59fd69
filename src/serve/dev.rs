//! Live preview: the site kept in memory, rebuilt by the smallest step a change needs.
//! A failed rebuild leaves every served file as it was and reports its errors.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, RwLock};

use rayon::prelude::*;
use serde_json::Value;

use super::dirty;
use super::watch::Change;
use crate::build::{BuildOptions, load_config, read_content, render_markdown};
use crate::config::SiteConfig;
use crate::content::data::load_data;
use crate::content::discover::discover;
use crate::content::parse::ParsedFile;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{Highlighter, Rendered};
use crate::output::MemoryOutput;
use crate::render::context::Views;
use crate::render::{RenderInput, Renderer, Selection, Templates, functions, prepare};
use crate::site::assemble::patch_page;
use crate::site::images::has_resized_images;
use crate::site::{Site, SiteLinks, assemble};

/// The files being served, by output path.
#[derive(Default)]
pub struct Served {
    files: RwLock<HashMap<String, Arc<[u8]>>>,
}

impl Served {
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        self.files.read().ok()?.get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.read().is_ok_and(|f| f.contains_key(path))
    }

    /// A copy of every file, for comparing with a full build.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let files = self.files.read().map(|f| f.clone()).unwrap_or_default();
        files.into_iter().map(|(k, v)| (k, v.to_vec())).collect()
    }

    /// Adds files (a search index built off the reload path).
    pub fn add(&self, staged: MemoryOutput) {
        self.apply(&BTreeSet::new(), staged);
    }

    fn replace_all(&self, staged: MemoryOutput) {
        let files = staged.files.into_inner().unwrap_or_default();
        if let Ok(mut served) = self.files.write() {
            *served = files.into_iter().map(|(k, v)| (k, Arc::from(v))).collect();
        }
    }

    fn apply(&self, stale: &BTreeSet<String>, staged: MemoryOutput) {
        let files = staged.files.into_inner().unwrap_or_default();
        if let Ok(mut served) = self.files.write() {
            for path in stale {
                served.remove(path);
            }
            served.extend(files.into_iter().map(|(k, v)| (k, Arc::from(v))));
        }
    }
}

/// What a rebuild did, for the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Pages changed: reload.
    Reload,
    /// Only these stylesheets changed: swap them in place.
    Css(Vec<String>),
    /// The site has errors; every page keeps its last good version.
    Errors(Vec<Diagnostic>),
    /// Nothing served changed.
    Unchanged,
}

struct Good {
    site: Site,
    bodies: BTreeMap<String, Rendered>,
    /// `None` after a failed incremental render left them half updated: the next
    /// rebuild computes them again.
    views: Option<Views>,
}

/// How much a batch of changes requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    /// Only content pages: re-render what they touch.
    Pages,
    /// Templates or data: render everything again, reusing the rendered Markdown.
    RenderAll,
    /// The configuration: everything from scratch.
    Full,
}

/// The site as the dev server holds it: the inputs as they are on disk now, the last
/// good build, and what is served.
pub struct DevSite {
    pub options: BuildOptions,
    config: Result<SiteConfig, Vec<Diagnostic>>,
    templates: Result<Templates, Vec<Diagnostic>>,
    highlighter: Result<Highlighter, Diagnostic>,
    parsed: BTreeMap<String, Result<ParsedFile, Diagnostic>>,
    assets: Vec<String>,
    discover_problems: Vec<Diagnostic>,
    data: (BTreeMap<String, Value>, Vec<Diagnostic>),
    good: Option<Good>,
    /// Edits since the last good build: a failed rebuild's changes are not lost.
    pending: Pending,
    pub served: Arc<Served>,
    /// The errors of the last rebuild (empty when it succeeded).
    pub errors: Vec<Diagnostic>,
}

#[derive(Default)]
struct Pending {
    scope: Option<Scope>,
    pages: BTreeSet<String>,
    statics: bool,
}

impl DevSite {
    /// The taxonomies content files are parsed with: the site's, or the default ones
    /// while `site.yaml` is broken.
    fn taxonomies(&self) -> Vec<String> {
        match &self.config {
            Ok(config) => config.taxonomies.clone(),
            Err(_) => crate::config::KNOWN_TAXONOMIES.map(String::from).to_vec(),
        }
    }

    /// Loads and builds the whole site into memory.
    pub fn new(options: BuildOptions) -> (DevSite, Outcome) {
        let mut dev = DevSite {
            options,
            config: Err(Vec::new()),
            templates: Err(Vec::new()),
            highlighter: Err(Diagnostic::error("site.yaml", "not loaded")),
            parsed: BTreeMap::new(),
            assets: Vec::new(),
            discover_problems: Vec::new(),
            data: (BTreeMap::new(), Vec::new()),
            good: None,
            pending: Pending::default(),
            served: Arc::new(Served::default()),
            errors: Vec::new(),
        };
        dev.reload_config();
        dev.rediscover(true);
        dev.data = load_data(&dev.options.root.join("data"), &dev.options.root);
        let outcome = dev.rebuild(Scope::Full, &BTreeSet::new(), false);
        (dev, outcome)
    }

    pub fn search_enabled(&self) -> bool {
        self.config.as_ref().is_ok_and(|c| c.search)
    }

    pub fn theme(&self) -> &str {
        self.config.as_ref().map_or("default", |c| c.theme.as_str())
    }

    /// Applies a batch of changes and rebuilds what they touch.
    pub fn apply(&mut self, changes: &[Change]) -> Outcome {
        let mut scope = None;
        let mut pages = BTreeSet::new();
        let mut statics = Vec::new();
        let mut only_css = true;
        for change in changes {
            match change {
                Change::Config => {
                    self.reload_config();
                    self.rediscover(true);
                    self.data = load_data(&self.options.root.join("data"), &self.options.root);
                    scope = scope.max(Some(Scope::Full));
                }
                Change::Template => {
                    self.templates = Templates::load(&self.options.root, self.theme());
                    scope = scope.max(Some(Scope::RenderAll));
                }
                Change::Data => {
                    self.data = load_data(&self.options.root.join("data"), &self.options.root);
                    scope = scope.max(Some(Scope::RenderAll));
                }
                Change::Static { output, css } => {
                    statics.push(output.clone());
                    only_css &= *css;
                }
                Change::ContentAsset(id) => {
                    self.rediscover(false);
                    statics.push(String::new());
                    only_css = false;
                    // An image a page resizes: its thumbnails and the page change too.
                    if let Some(good) = &self.good {
                        let using = crate::site::images::pages_using(&good.site, id);
                        if !using.is_empty() {
                            pages.extend(using);
                            scope = scope.max(Some(Scope::Pages));
                        }
                    }
                }
                Change::Content(id) => {
                    let exists = self.options.root.join("content").join(id).is_file();
                    let known = self.parsed.contains_key(id);
                    if exists {
                        let taxonomies = self.taxonomies();
                        let file = read_content(&self.options.root, id, &taxonomies);
                        self.parsed.insert(id.clone(), file);
                    } else {
                        self.parsed.remove(id);
                    }
                    if exists != known {
                        self.rediscover(false);
                    }
                    pages.insert(id.clone());
                    scope = scope.max(Some(Scope::Pages));
                }
            }
        }
        // Carry the edits of failed rebuilds along until one succeeds.
        let scope = scope.max(self.pending.scope);
        pages.extend(self.pending.pages.iter().cloned());
        let any_static = !statics.is_empty() || self.pending.statics;
        let outcome = match scope {
            Some(scope) => self.rebuild(scope, &pages, any_static),
            None if any_static => self.refresh_static(statics, only_css),
            None => Outcome::Unchanged,
        };
        self.pending = match outcome {
            Outcome::Errors(_) => Pending {
                scope,
                pages,
                statics: any_static,
            },
            _ => Pending::default(),
        };
        outcome
    }

    fn reload_config(&mut self) {
        let root = &self.options.root;
        self.config = load_config(root, self.options.base_url.as_deref());
        self.templates = Templates::load(root, self.theme());
        self.highlighter = match &self.config {
            Ok(c) => Highlighter::new(&c.highlight.theme, &c.highlight.dark_theme)
                .map_err(|m| Diagnostic::error("site.yaml", m)),
            Err(_) => Err(Diagnostic::error(
                "site.yaml",
                "the configuration has errors",
            )),
        };
    }

    /// Walks `content/` again; with `reparse`, reads every Markdown file again too.
    fn rediscover(&mut self, reparse: bool) {
        let root = self.options.root.clone();
        let found = discover(&root.join("content"), &root);
        self.discover_problems = found.problems;
        self.assets = found.assets;
        let ids: BTreeSet<&String> = found.markdown.iter().collect();
        self.parsed.retain(|id, _| ids.contains(id));
        let missing: Vec<&String> = found
            .markdown
            .iter()
            .filter(|id| reparse || !self.parsed.contains_key(*id))
            .collect();
        let taxonomies = self.taxonomies();
        let read: Vec<(String, Result<ParsedFile, Diagnostic>)> = missing
            .par_iter()
            .map(|id| ((*id).clone(), read_content(&root, id, &taxonomies)))
            .collect();
        self.parsed.extend(read);
    }

    /// Copies changed static files (or all of them) into the served files.
    fn refresh_static(&mut self, outputs: Vec<String>, only_css: bool) -> Outcome {
        let Some(good) = &self.good else {
            return self.rebuild(Scope::Full, &BTreeSet::new(), true);
        };
        let Ok(highlighter) = &self.highlighter else {
            return Outcome::Errors(self.errors.clone());
        };
        let Ok(templates) = &self.templates else {
            return Outcome::Errors(self.errors.clone());
        };
        let staged = MemoryOutput::default();
        let no_views = Views::default();
        let renderer = Renderer::new(
            &good.site,
            &good.bodies,
            good.views.as_ref().unwrap_or(&no_views),
            templates,
            &staged,
        );
        let problems = renderer.write_static(&self.options.root, highlighter);
        if problems.iter().any(Diagnostic::is_error) {
            self.errors = problems.clone();
            return Outcome::Errors(problems);
        }
        // A deleted static file: its output goes when nothing writes it any more.
        let written: BTreeSet<String> = staged
            .files
            .lock()
            .map(|f| f.keys().cloned().collect())
            .unwrap_or_default();
        let gone: BTreeSet<String> = outputs
            .iter()
            .filter(|o| !o.is_empty() && !written.contains(*o))
            .cloned()
            .collect();
        self.served.apply(&gone, staged);
        if only_css && gone.is_empty() {
            Outcome::Css(outputs)
        } else {
            Outcome::Reload
        }
    }

    /// Rebuilds for `scope`; `changed` are the content ids edited (for `Scope::Pages`).
    fn rebuild(&mut self, scope: Scope, changed: &BTreeSet<String>, statics: bool) -> Outcome {
        if scope == Scope::Pages
            && !statics
            && let Some(outcome) = self.rebuild_patched(changed)
        {
            return outcome;
        }
        let mut problems = Diagnostics::default();
        if let Err(p) = &self.config {
            problems.extend(p.iter().cloned());
        }
        if let Err(p) = &self.templates {
            problems.extend(p.iter().cloned());
        }
        if let (Ok(_), Err(d)) = (&self.config, &self.highlighter) {
            problems.push(d.clone());
        }
        problems.extend(self.discover_problems.iter().cloned());
        problems.extend(self.data.1.iter().cloned());
        problems.extend(
            self.parsed
                .values()
                .filter_map(|r| r.as_ref().err().cloned()),
        );
        let (Ok(config), Ok(highlighter)) = (&self.config, &self.highlighter) else {
            return self.fail(problems);
        };
        let files: Vec<ParsedFile> = self
            .parsed
            .values()
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect();
        let content_dir = self.options.root.join("content");
        let (mut site, found) = assemble(
            config.clone(),
            files,
            self.assets.clone(),
            &content_dir,
            self.options.drafts,
            self.options.today,
        );
        problems.extend(found);
        problems.extend(crate::site::images::attach(&mut site, &self.options.root).1);
        // New or changed thumbnails are written with the static files.
        let statics = statics
            || self.good.as_ref().is_none_or(|g| {
                let dests = |s: &Site| s.assets.iter().map(|a| a.dest.clone()).collect::<Vec<_>>();
                dests(&g.site) != dests(&site)
                    || g.site
                        .assets
                        .iter()
                        .zip(&site.assets)
                        .any(|(a, b)| a.source != b.source)
            });
        let all_ids: BTreeSet<String> = self.parsed.keys().cloned().collect();

        // Rendered Markdown: reuse what the edit cannot have changed.
        let reuse = scope != Scope::Full;
        let mut redo = BTreeSet::new();
        let bodies = match self.good.as_mut().filter(|_| reuse) {
            Some(good) => {
                redo = bodies_to_redo(&good.site, &site, &good.bodies, changed);
                // Taken, not copied (they are large); put back if this rebuild fails.
                let mut bodies = std::mem::take(&mut good.bodies);
                bodies.retain(|id, _| {
                    !redo.contains(id)
                        && (site.pages.contains_key(id) || site.sections.contains_key(id))
                });
                bodies.extend(render_markdown(&site, highlighter, &all_ids, Some(&redo)));
                bodies
            }
            None => render_markdown(&site, highlighter, &all_ids, None),
        };
        for body in bodies.values() {
            problems.extend(body.problems.iter().cloned());
        }
        if problems.has_errors() {
            return self.fail_keeping(problems, bodies, &redo);
        }
        let Ok(templates) = &mut self.templates else {
            return self.fail_keeping(problems, bodies, &redo);
        };

        let staged = MemoryOutput::default();
        let input = RenderInput {
            root: &self.options.root,
            site: &site,
            bodies: &bodies,
            highlighter,
            data: self.data.0.clone(),
            fresh: None,
        };
        let incremental =
            scope == Scope::Pages && self.good.as_ref().is_some_and(|g| g.views.is_some());
        let (views, selection, stale) = match self.good.as_mut().filter(|_| incremental) {
            Some(good) => {
                let selection = dirty::selection(&good.site, &site, changed, &bodies);
                let mut stale = dirty::stale_outputs(&good.site, &site, changed);
                // Thumbnails of a replaced image that the new one does not have.
                let kept: BTreeSet<&str> = site.assets.iter().map(|a| a.dest.as_str()).collect();
                stale.extend(
                    good.site
                        .assets
                        .iter()
                        .filter(|a| !kept.contains(a.dest.as_str()))
                        .map(|a| a.dest.clone()),
                );
                let mut views = good.views.take().unwrap_or_else(Views::default);
                let links = SiteLinks {
                    site: &site,
                    failed: None,
                };
                let markdown = links.markdown_options(highlighter);
                let mut refresh: BTreeSet<String> = selection.pages.clone();
                refresh.extend(changed.iter().cloned());
                problems.extend(views.refresh(&site, &bodies, &markdown, &refresh));
                if templates.uses_lookups() {
                    functions::register_lookups(&mut templates.tera, &site, &views, &bodies);
                }
                (views, selection, Some(stale))
            }
            None => {
                let (views, found) = prepare(&input, templates);
                problems.extend(found);
                (views, Selection::all(&site), None)
            }
        };
        let renderer = Renderer::new(&site, &bodies, &views, templates, &staged);
        if stale.is_none() || statics {
            problems.extend(renderer.write_static(&self.options.root, highlighter));
        }
        problems.extend(renderer.render(&selection));
        if problems.has_errors() {
            return self.fail_keeping(problems, bodies, &redo);
        }
        match stale {
            Some(stale) => self.served.apply(&stale, staged),
            None => self.served.replace_all(staged),
        }
        self.good = Some(Good {
            site,
            bodies,
            views: Some(views),
        });
        self.errors.clear();
        Outcome::Reload
    }

    /// The quick path for the most common edit: one page changed without moving in
    /// the site (same URL, section, date, terms). The page is replaced in place, its
    /// Markdown rendered again, and only what shows it rendered. `None` when the
    /// edit needs the full path.
    fn rebuild_patched(&mut self, changed: &BTreeSet<String>) -> Option<Outcome> {
        let [id] = changed.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        let inputs_ok = self.config.is_ok()
            && self.highlighter.is_ok()
            && self.discover_problems.is_empty()
            && self.data.1.is_empty()
            && self.parsed.values().all(Result::is_ok);
        let (Ok(highlighter), Ok(templates), Some(Ok(file)), Some(good)) = (
            &self.highlighter,
            &mut self.templates,
            self.parsed.get(id),
            self.good.as_mut(),
        ) else {
            return None;
        };
        if !inputs_ok || good.views.is_none() {
            return None;
        }
        let (before, mut problems) = patch_page(&mut good.site, file, self.options.drafts)?;
        // Resized images take the full path, which processes them and writes their
        // thumbnails.
        if has_resized_images(&before) || good.site.pages.get(id).is_some_and(has_resized_images) {
            let section = before.section.clone();
            good.site.pages.insert(before.id.clone(), before);
            if let Some(s) = good.site.sections.get_mut(&section) {
                crate::site::assemble::resort(s, &good.site.pages);
            }
            return None;
        }
        let site = &good.site;
        let only = BTreeSet::from([id.clone()]);
        let all_ids: BTreeSet<String> = self.parsed.keys().cloned().collect();
        let body = render_markdown(site, highlighter, &all_ids, Some(&only)).remove(id);
        let old_body = match body {
            Some(body) => {
                problems.extend(body.problems.iter().cloned());
                good.bodies.insert(id.clone(), body)
            }
            None => None,
        };
        if let Some(page) = site.pages.get(id) {
            problems.extend(crate::site::images::check_page(page, &self.options.root));
        }
        let undo = |good: &mut Good, old_body: Option<Rendered>| {
            let section = before.section.clone();
            good.site.pages.insert(before.id.clone(), before.clone());
            if let Some(s) = good.site.sections.get_mut(&section) {
                crate::site::assemble::resort(s, &good.site.pages);
            }
            match old_body {
                Some(b) => good.bodies.insert(before.id.clone(), b),
                None => good.bodies.remove(&before.id),
            };
        };
        if problems.iter().any(Diagnostic::is_error) {
            undo(good, old_body);
            let mut all = Diagnostics::default();
            all.extend(problems);
            return Some(self.fail(all));
        }
        let views = good.views.as_mut()?;
        let (old_summary, old_kind) = (
            views.summaries.get(id).cloned(),
            views.kinds.get(id).cloned(),
        );
        let links = SiteLinks { site, failed: None };
        let markdown = links.markdown_options(highlighter);
        problems.extend(views.refresh(site, &good.bodies, &markdown, &only));
        // Unchanged summary and kind view: no listing shows anything new.
        let selection = if views.summaries.get(id) == old_summary.as_ref()
            && views.kinds.get(id) == old_kind.as_ref()
        {
            // The page's body is in the site feed if it is among its newest entries,
            // and a job is in jobs.json and its section's feed.
            let in_feed = site
                .pages_by_date()
                .iter()
                .filter(|p| p.date().is_some())
                .take(crate::render::feeds::FEED_ENTRIES)
                .any(|p| &p.id == id);
            let is_job = site
                .pages
                .get(id)
                .is_some_and(|p| crate::kinds::data_of::<crate::kinds::job::Job>(p).is_some());
            Selection {
                pages: only.clone(),
                extras: in_feed || is_job,
                ..Selection::default()
            }
        } else {
            let selection = dirty::selection_patched(site, &before, &good.bodies);
            problems.extend(views.refresh(site, &good.bodies, &markdown, &selection.pages));
            selection
        };
        if templates.uses_lookups() {
            functions::register_lookups(&mut templates.tera, site, views, &good.bodies);
        }
        let staged = MemoryOutput::default();
        let renderer = Renderer::new(site, &good.bodies, views, templates, &staged);
        problems.extend(renderer.render(&selection));
        if problems.iter().any(Diagnostic::is_error) {
            good.views = None;
            undo(good, old_body);
            let mut all = Diagnostics::default();
            all.extend(problems);
            return Some(self.fail(all));
        }
        self.served.apply(&BTreeSet::new(), staged);
        self.errors.clear();
        Some(Outcome::Reload)
    }

    /// Fails, keeping the rendered Markdown of the last good build for the next try;
    /// bodies rendered for this failed state are dropped, so they are rendered again.
    fn fail_keeping(
        &mut self,
        problems: Diagnostics,
        mut bodies: BTreeMap<String, Rendered>,
        redo: &BTreeSet<String>,
    ) -> Outcome {
        if let Some(good) = &mut self.good {
            bodies.retain(|id, _| !redo.contains(id));
            good.bodies = bodies;
        }
        self.fail(problems)
    }

    fn fail(&mut self, problems: Diagnostics) -> Outcome {
        self.errors = problems
            .into_sorted()
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        Outcome::Errors(self.errors.clone())
    }
}

/// Markdown to render again: the edited files, new ones, those with problems (a
/// broken link may be mended now), and those linking to a page whose URL changed.
fn bodies_to_redo(
    old: &Site,
    new: &Site,
    old_bodies: &BTreeMap<String, Rendered>,
    changed: &BTreeSet<String>,
) -> BTreeSet<String> {
    let url_of = |site: &Site, id: &str| {
        site.pages
            .get(id)
            .map(|p| p.path.clone())
            .or_else(|| site.sections.get(id).map(|s| s.path.clone()))
    };
    let moved: BTreeSet<&String> = changed
        .iter()
        .filter(|id| url_of(old, id) != url_of(new, id))
        .collect();
    let mut redo: BTreeSet<String> = changed.clone();
    for id in new.pages.keys().chain(new.sections.keys()) {
        match old_bodies.get(id) {
            None => {
                redo.insert(id.clone());
            }
            Some(body)
                if !body.problems.is_empty() || body.links.iter().any(|l| moved.contains(l)) =>
            {
                redo.insert(id.clone());
            }
            Some(_) => {}
        }
    }
    redo
}
