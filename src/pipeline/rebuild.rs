//! The incremental pipeline's rebuilds: static files alone, and a rebuild of the site
//! for a scope, reusing the Markdown and views the changes cannot have touched.

use std::collections::{BTreeMap, BTreeSet};

use super::bodies::{self, Which};
use super::dirty;
use super::incremental::{Good, Outcome, Pipeline, Scope, Sink};
use super::model::model;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::Highlighter;
use crate::markdown::Rendered;
use crate::output::MemoryOutput;
use crate::render::context::Views;
use crate::render::{Fresh, RenderInput, Renderer, Selection, Templates, functions, prepare};
use crate::site::{Site, SiteLinks};

impl Pipeline {
    /// Copies changed static files (or all of them) into the served files.
    pub(super) fn refresh_static(
        &mut self,
        outputs: Vec<String>,
        only_css: bool,
        sink: &dyn Sink,
    ) -> Outcome {
        let Some(good) = &self.good else {
            return self.rebuild(Scope::Full, &BTreeSet::new(), true, sink);
        };
        let Ok(highlighter) = &self.inputs.highlighter else {
            return Outcome::Errors(self.errors.clone());
        };
        let Ok(templates) = &self.inputs.templates else {
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
        let problems = renderer.write_static(&self.inputs.root, highlighter);
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
        sink.apply(&gone, staged);
        if only_css && gone.is_empty() {
            Outcome::Css(outputs)
        } else {
            Outcome::Reload
        }
    }

    /// Rebuilds for `scope`; `changed` are the content ids edited (for `Scope::Pages`).
    pub(super) fn rebuild(
        &mut self,
        scope: Scope,
        changed: &BTreeSet<String>,
        statics: bool,
        sink: &dyn Sink,
    ) -> Outcome {
        if scope == Scope::Pages
            && !statics
            && let Some(outcome) = self.rebuild_patched(changed, sink)
        {
            return outcome;
        }
        let mut problems = self.inputs.problems();
        let Some((site, found)) = model(&self.inputs, &self.options) else {
            return self.fail(problems);
        };
        let Ok(highlighter) = &self.inputs.highlighter else {
            return self.fail(problems);
        };
        problems.extend(found);
        // New or changed thumbnails are written with the static files.
        let statics = statics
            || self
                .good
                .as_ref()
                .is_none_or(|g| assets_moved(&g.site, &site));
        let all_ids = self.inputs.all_ids();
        let links = SiteLinks {
            site: &site,
            failed: Some(&all_ids),
        };
        let shortcodes =
            self.inputs.templates.as_ref().ok().map(|t| {
                crate::shortcodes::Shortcodes::new(t.shortcodes(), &site, &self.inputs.root)
            });
        let fresh = Fresh {
            options: links.markdown_options(highlighter),
            cache: None,
            reload_from: None,
            root: &self.inputs.root,
            shortcodes: shortcodes.as_ref(),
        };
        let reuse = self.good.as_mut().filter(|_| scope != Scope::Full);
        let (bodies, redo) = bodies_for(reuse, &site, &fresh, changed);
        for body in bodies.values() {
            problems.extend(body.problems.iter().cloned());
        }
        if problems.has_errors() {
            return self.fail_keeping(problems, bodies, &redo);
        }
        let Ok(templates) = &mut self.inputs.templates else {
            return self.fail_keeping(problems, bodies, &redo);
        };
        let staged = MemoryOutput::default();
        let incremental =
            scope == Scope::Pages && self.good.as_ref().is_some_and(|g| g.views.is_some());
        let refresh = Refresh {
            site: &site,
            bodies: &bodies,
            changed,
            highlighter,
        };
        let (views, selection, stale) = match self.good.as_mut().filter(|_| incremental) {
            Some(good) => {
                let (views, selection, stale) = refresh.apply(good, templates, &mut problems);
                (views, selection, Some(stale))
            }
            None => {
                let data = self.inputs.data.clone();
                let views = refresh.all(&self.inputs.root, data, templates, &mut problems);
                (views, Selection::all(&site), None)
            }
        };
        let renderer = Renderer::new(&site, &bodies, &views, templates, &staged);
        if stale.is_none() || statics {
            problems.extend(renderer.write_static(&self.inputs.root, highlighter));
        }
        problems.extend(renderer.render(&selection));
        if problems.has_errors() {
            return self.fail_keeping(problems, bodies, &redo);
        }
        match stale {
            Some(stale) => sink.apply(&stale, staged),
            None => sink.replace_all(staged),
        }
        self.good = Some(Good {
            site,
            bodies,
            views: Some(views),
        });
        self.errors.clear();
        Outcome::Reload
    }
}

/// Whether the files copied as they are (bundle files, thumbnails) differ.
fn assets_moved(old: &Site, new: &Site) -> bool {
    old.assets.len() != new.assets.len()
        || old
            .assets
            .iter()
            .zip(&new.assets)
            .any(|(a, b)| a.dest != b.dest || a.source != b.source)
}

/// The Markdown of `site`: reusing what `good` has that the edit cannot have changed
/// (taken, not copied: they are large; put back if the rebuild fails), else all of it.
/// Also the ids rendered again.
fn bodies_for(
    good: Option<&mut Good>,
    site: &Site,
    fresh: &Fresh<'_>,
    changed: &BTreeSet<String>,
) -> (BTreeMap<String, Rendered>, BTreeSet<String>) {
    let Some(good) = good else {
        return (bodies::render(site, fresh, Which::All), BTreeSet::new());
    };
    let redo = bodies_to_redo(&good.site, site, &good.bodies, changed);
    let mut bodies = std::mem::take(&mut good.bodies);
    bodies.retain(|id, _| {
        !redo.contains(id) && (site.pages.contains_key(id) || site.sections.contains_key(id))
    });
    bodies.extend(bodies::render(site, fresh, Which::Only(&redo)));
    (bodies, redo)
}

/// The views of the last good build brought up to date after pages changed.
struct Refresh<'a> {
    site: &'a Site,
    bodies: &'a BTreeMap<String, Rendered>,
    changed: &'a BTreeSet<String>,
    highlighter: &'a Highlighter,
}

impl Refresh<'_> {
    /// Every view made anew, and the template functions given the new site.
    fn all(
        &self,
        root: &std::path::Path,
        data: BTreeMap<String, serde_json::Value>,
        templates: &mut Templates,
        problems: &mut Diagnostics,
    ) -> Views {
        let input = RenderInput {
            root,
            site: self.site,
            bodies: self.bodies,
            highlighter: self.highlighter,
            data,
            fresh: None,
            assets: None,
        };
        let (views, found) = prepare(&input, templates);
        problems.extend(found);
        views
    }

    /// The views, what to render and the outputs no longer written.
    fn apply(
        &self,
        good: &mut Good,
        templates: &mut Templates,
        problems: &mut Diagnostics,
    ) -> (Views, Selection, BTreeSet<String>) {
        let site = self.site;
        let selection = dirty::selection(&good.site, site, self.changed, self.bodies);
        let mut stale = dirty::stale_outputs(&good.site, site, self.changed);
        // Thumbnails of a replaced image that the new one does not have.
        let kept: BTreeSet<&str> = site.assets.iter().map(|a| a.dest.as_str()).collect();
        let gone = good
            .site
            .assets
            .iter()
            .filter(|a| !kept.contains(a.dest.as_str()));
        stale.extend(gone.map(|a| a.dest.clone()));
        let mut views = good.views.take().unwrap_or_default();
        let links = SiteLinks { site, failed: None };
        let markdown = links.markdown_options(self.highlighter);
        let mut refresh: BTreeSet<String> = selection.pages.clone();
        refresh.extend(self.changed.iter().cloned());
        problems.extend(views.refresh(site, self.bodies, &markdown, &refresh));
        if templates.uses_lookups() {
            functions::register_lookups(&mut templates.tera, site, &views, self.bodies);
        }
        (views, selection, stale)
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
