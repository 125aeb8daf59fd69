//! The incremental pipeline's quick path: one page edited in place.

use std::collections::{BTreeMap, BTreeSet};

use super::bodies::{self, Which};
use super::dirty;
use super::incremental::{Good, Outcome, Pipeline, Sink};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{MarkdownOptions, Rendered};
use crate::output::MemoryOutput;
use crate::render::context::Views;
use crate::render::{Fresh, Renderer, Selection, functions};
use crate::site::assemble::patch_page;
use crate::site::images::has_processed_images;
use crate::site::{Page, Site, SiteLinks};

impl Pipeline {
    /// The quick path for the most common edit: one page changed without moving in
    /// the site (same URL, section, date, terms). The page is replaced in place, its
    /// Markdown rendered again, and only what shows it rendered. `None` when the
    /// edit needs the full path.
    pub(super) fn rebuild_patched(
        &mut self,
        changed: &BTreeSet<String>,
        sink: &dyn Sink,
    ) -> Option<Outcome> {
        let [id] = changed.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        let inputs_ok = self.inputs.all_ok();
        let (Ok(highlighter), Ok(templates), Some(Ok(file)), Some(good)) = (
            &self.inputs.highlighter,
            &mut self.inputs.templates,
            self.inputs.parsed.get(id),
            self.good.as_mut(),
        ) else {
            return None;
        };
        if !inputs_ok || good.views.is_none() {
            return None;
        }
        let (before, mut problems) =
            patch_page(&mut good.site, file, self.options.drafts, &self.inputs.root)?;
        // Resized and measured images take the full path, which processes them and
        // writes their thumbnails.
        if has_processed_images(&before)
            || good.site.pages.get(id).is_some_and(has_processed_images)
        {
            good.put_back(&before);
            return None;
        }
        let site = &good.site;
        let only = BTreeSet::from([id.clone()]);
        // Taken here, after the checks that send an edit down the full path.
        let all_ids: BTreeSet<String> = self.inputs.parsed.keys().cloned().collect();
        let links = SiteLinks {
            site,
            failed: Some(&all_ids),
        };
        let shortcodes =
            crate::shortcodes::Shortcodes::new(templates.shortcodes(), site, &self.inputs.root);
        let fresh = Fresh {
            options: links.markdown_options(highlighter),
            cache: None,
            reload_from: None,
            root: &self.inputs.root,
            shortcodes: Some(&shortcodes),
        };
        let body = bodies::render(site, &fresh, Which::Only(&only)).remove(id);
        let old_body = match body {
            Some(body) => {
                problems.extend(body.problems.iter().cloned());
                good.bodies.insert(id.clone(), body)
            }
            None => None,
        };
        if let Some(page) = site.pages.get(id) {
            problems.extend(crate::site::images::check_page(page, &self.inputs.root));
        }
        let undo = |good: &mut Good, old_body: Option<Rendered>| {
            good.put_back(&before);
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
        let links = SiteLinks { site, failed: None };
        let markdown = links.markdown_options(highlighter);
        let selection = refresh_views(views, site, &good.bodies, &before, &markdown, &mut problems);
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
        sink.apply(&BTreeSet::new(), staged);
        self.errors.clear();
        Some(Outcome::Reload)
    }
}

/// Brings the views up to date after the page `before` was edited in place; what to
/// render: the page alone when its summary and kind view did not change (no listing
/// shows anything new), else it and every page that shows it.
fn refresh_views(
    views: &mut Views,
    site: &Site,
    bodies: &BTreeMap<String, Rendered>,
    before: &Page,
    markdown: &MarkdownOptions<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Selection {
    let id = &before.id;
    let only = BTreeSet::from([id.clone()]);
    let old = (
        views.summaries.get(id).cloned(),
        views.kinds.get(id).cloned(),
    );
    problems.extend(views.refresh(site, bodies, markdown, &only));
    if (views.summaries.get(id), views.kinds.get(id)) == (old.0.as_ref(), old.1.as_ref()) {
        return Selection {
            pages: only,
            extras: crate::render::feeds::shows_in_extras(site, id),
            ..Selection::default()
        };
    }
    let selection = dirty::selection_patched(site, before, bodies);
    problems.extend(views.refresh(site, bodies, markdown, &selection.pages));
    selection
}

impl Good {
    /// Puts the page `before` back in place of its edited version.
    fn put_back(&mut self, before: &Page) {
        self.site.pages.insert(before.id.clone(), before.clone());
        if let Some(s) = self.site.sections.get_mut(&before.section) {
            crate::site::assemble::resort(s, &self.site.pages);
        }
    }
}
