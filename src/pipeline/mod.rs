//! The pipeline both `folio build` and `folio serve` run: inputs (load and parse) →
//! site model → Markdown bodies → views → output.
//!
//! [`inputs`] reads the site's files and keeps each with its errors; [`model`] places
//! them in a [`Site`]; [`bodies`] renders their Markdown; the render stage
//! (`crate::render`) makes the views and writes the pages. A build runs the stages
//! once, into the staging folder ([`load`], [`render`]); the live preview keeps every
//! stage's result in an [`incremental::Pipeline`] and applies a set of changed paths
//! to it, redoing only what they touch, into memory.

pub(crate) mod bodies;
pub(crate) mod dirty;
pub(crate) mod incremental;
pub(crate) mod inputs;
pub(crate) mod model;
mod patch;
mod rebuild;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;

use crate::build::BuildOptions;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::cache::MarkdownCache;
use crate::markdown::{Highlighter, Rendered};
use crate::output::Output;
use crate::output::minify::Minifying;
use crate::render::theme_assets::ThemeAssets;
use crate::render::{Fresh, RenderInput, Templates, render_site};
use crate::shortcodes::Shortcodes;
use crate::site::{Site, SiteLinks};
use bodies::Which;
use inputs::Inputs;

/// Everything loaded, modelled and outlined for one build.
pub(crate) struct Loaded {
    pub root: PathBuf,
    pub site: Site,
    /// Sections and the pages feeds carry, rendered; the other pages `deferred`, to be
    /// rendered as they are written.
    pub bodies: BTreeMap<String, Rendered>,
    pub data: BTreeMap<String, Value>,
    pub templates: Templates,
    pub highlighter: Highlighter,
    /// Every Markdown file found, parsed or not (links to them are not reported again).
    pub all_ids: BTreeSet<String>,
    pub cache: Option<MarkdownCache>,
    /// The theme's stylesheets and scripts, minified under hashed names, when the
    /// build minifies; its pages are then minified as they are written.
    pub assets: Option<ThemeAssets>,
}

/// Loads, parses and models the site and renders the Markdown a build needs first,
/// going as far as it can so that every error is found in one run. `None` when
/// nothing can be rendered (no usable `site.yaml`, broken templates).
pub(crate) fn load(options: &BuildOptions) -> (Option<Loaded>, Diagnostics) {
    let inputs = Inputs::load(options, false);
    let mut diagnostics = inputs.problems();
    let Some((site, problems)) = model::model(&inputs, options) else {
        return (None, diagnostics);
    };
    diagnostics.extend(problems);
    let all_ids = inputs.all_ids();
    let Inputs {
        root,
        templates,
        highlighter,
        data,
        words,
        ..
    } = inputs;
    let (Ok(templates), Ok(highlighter)) = (templates, highlighter) else {
        return (None, diagnostics);
    };
    let cache = options.cache.then(|| MarkdownCache::new(&root));
    let bodies = {
        let links = SiteLinks {
            site: &site,
            failed: Some(&all_ids),
        };
        let shortcodes = Shortcodes::new(templates.shortcodes(), &site, &root);
        let fresh = Fresh {
            options: links.markdown_options(&highlighter),
            cache: cache.as_ref(),
            reload_from: Some(&root),
            root: &root,
            shortcodes: Some(&shortcodes),
        };
        bodies::render(&site, &fresh, Which::Outline(&words))
    };
    for body in bodies.values() {
        diagnostics.extend(body.problems.iter().cloned());
    }
    let assets = options.minify.then(|| {
        let css = highlighter.stylesheet();
        let (assets, problems) = ThemeAssets::collect(&root, &site.config.theme, css);
        diagnostics.extend(problems);
        assets
    });
    let loaded = Loaded {
        root,
        site,
        bodies,
        data,
        templates,
        highlighter,
        all_ids,
        cache,
        assets,
    };
    (Some(loaded), diagnostics)
}

/// Renders a loaded site into `out`: every page, listing and file of the site.
pub(crate) fn render(loaded: &mut Loaded, out: &dyn Output) -> Vec<Diagnostic> {
    let links = SiteLinks {
        site: &loaded.site,
        failed: Some(&loaded.all_ids),
    };
    let shortcodes = Shortcodes::new(loaded.templates.shortcodes(), &loaded.site, &loaded.root);
    let fresh = Fresh {
        options: links.markdown_options(&loaded.highlighter),
        cache: loaded.cache.as_ref(),
        reload_from: Some(&loaded.root),
        root: &loaded.root,
        shortcodes: Some(&shortcodes),
    };
    let input = RenderInput {
        root: &loaded.root,
        site: &loaded.site,
        bodies: &loaded.bodies,
        highlighter: &loaded.highlighter,
        data: loaded.data.clone(),
        fresh: Some(&fresh),
        assets: loaded.assets.as_ref(),
    };
    let minifying = Minifying { inner: out };
    let out: &dyn Output = match loaded.assets {
        Some(_) => &minifying,
        None => out,
    };
    render_site(input, &mut loaded.templates, out)
}
