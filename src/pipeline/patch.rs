//! The incremental pipeline's quick path: one page edited in place.

use std::collections::BTreeSet;

use super::bodies::{self, Which};
use super::dirty;
use super::incremental::{Good, Outcome, Pipeline, Sink};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use crate::output::MemoryOutput;
use crate::render::{Fresh, Renderer, Selection, functions};
use crate::site::SiteLinks;
use crate::site::assemble::patch_page;
use crate::site::images::has_resized_images;

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
        let all_ids = self.inputs.all_ids();
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
        let links = SiteLinks {
            site,
            failed: Some(&all_ids),
        };
        let fresh = Fresh {
            options: links.markdown_options(highlighter),
            cache: None,
            reload_from: None,
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
            Selection {
                pages: only.clone(),
                extras: crate::render::feeds::shows_in_extras(site, id),
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
        sink.apply(&BTreeSet::new(), staged);
        self.errors.clear();
        Some(Outcome::Reload)
    }
}
