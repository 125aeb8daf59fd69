//! The incremental pipeline of the live preview: every stage's last good result kept
//! (inputs, site model, Markdown bodies, views), and a batch of changed paths applied
//! to it by redoing only what they touch — the inputs they change, then the smallest
//! of three scopes (the pages edited, everything rendered again, everything from
//! scratch). What is written goes to a [`Sink`] (the dev server's files in memory); a
//! failed rebuild writes nothing and keeps the edits for the next try.

use std::collections::{BTreeMap, BTreeSet};

use super::inputs::Inputs;
use crate::build::BuildOptions;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use crate::output::MemoryOutput;
use crate::render::context::Views;
use crate::site::Site;

/// What a change to one path affects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `site.yaml`: everything.
    Config,
    /// A Markdown file under `content/`, by content id (`jobs/smm.md`).
    Content(String),
    /// Another file under `content/` (a bundle's image).
    ContentAsset(String),
    /// A template of the site or its theme.
    Template,
    /// A file under `static/` or the theme's `static/`, by output path; `css` when it
    /// is a stylesheet the browser can swap without reloading.
    Static { output: String, css: bool },
    /// A file under `data/`.
    Data,
}

/// Where a rebuild's files go.
pub(crate) trait Sink {
    /// Every file of a full build: the old ones all go.
    fn replace_all(&self, staged: MemoryOutput);
    /// Some files: `stale` outputs go, the staged ones are added or replaced.
    fn apply(&self, stale: &BTreeSet<String>, staged: MemoryOutput);
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

/// The last good build.
pub(super) struct Good {
    pub(super) site: Site,
    pub(super) bodies: BTreeMap<String, Rendered>,
    /// `None` after a failed incremental render left them half updated: the next
    /// rebuild computes them again.
    pub(super) views: Option<Views>,
}

/// How much a batch of changes requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Scope {
    /// Only content pages: re-render what they touch.
    Pages,
    /// Templates or data: render everything again, reusing the rendered Markdown.
    RenderAll,
    /// The configuration: everything from scratch.
    Full,
}

/// The site's stages as the live preview holds them.
pub(crate) struct Pipeline {
    pub options: BuildOptions,
    pub(super) inputs: Inputs,
    pub(super) good: Option<Good>,
    /// Edits since the last good build: a failed rebuild's changes are not lost.
    pending: Pending,
    /// The errors of the last rebuild (empty when it succeeded).
    pub errors: Vec<Diagnostic>,
}

#[derive(Default)]
struct Pending {
    scope: Option<Scope>,
    pages: BTreeSet<String>,
    statics: bool,
}

impl Pipeline {
    /// Loads and builds the whole site into `sink`.
    pub(crate) fn new(options: BuildOptions, sink: &dyn Sink) -> (Pipeline, Outcome) {
        let inputs = Inputs::load(&options, true);
        let mut pipeline = Pipeline {
            options,
            inputs,
            good: None,
            pending: Pending::default(),
            errors: Vec::new(),
        };
        let outcome = pipeline.rebuild(Scope::Full, &BTreeSet::new(), false, sink);
        (pipeline, outcome)
    }

    pub(crate) fn search_enabled(&self) -> bool {
        self.inputs.config.as_ref().is_ok_and(|c| c.search)
    }

    pub(crate) fn theme(&self) -> &str {
        self.inputs
            .config
            .as_ref()
            .map_or("default", |c| c.theme.as_str())
    }

    /// The text of every shortcode template, to tell whether an edit changed one.
    fn shortcode_texts(&self) -> Option<Vec<String>> {
        let templates = self.inputs.templates.as_ref().ok()?;
        Some(
            templates
                .shortcodes()
                .iter()
                .map(|s| s.text.clone())
                .collect(),
        )
    }

    /// Applies a batch of changes and rebuilds what they touch.
    pub(crate) fn apply(&mut self, changes: &[Change], sink: &dyn Sink) -> Outcome {
        let mut scope = None;
        let mut pages = BTreeSet::new();
        let mut statics = Vec::new();
        let mut only_css = true;
        for change in changes {
            match change {
                Change::Config => {
                    self.inputs.reload_config();
                    self.inputs.rediscover(true);
                    self.inputs.reload_data();
                    scope = scope.max(Some(Scope::Full));
                }
                Change::Template => {
                    let before = self.shortcode_texts();
                    self.inputs.reload_templates();
                    // Rendered bodies hold their shortcodes' output: a changed
                    // shortcode renders them all again.
                    let changed = before != self.shortcode_texts();
                    let needs = if changed {
                        Scope::Full
                    } else {
                        Scope::RenderAll
                    };
                    scope = scope.max(Some(needs));
                }
                Change::Data => {
                    self.inputs.reload_data();
                    scope = scope.max(Some(Scope::RenderAll));
                }
                Change::Static { output, css } => {
                    statics.push(output.clone());
                    only_css &= *css;
                }
                Change::ContentAsset(id) => {
                    self.inputs.rediscover(false);
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
                    self.inputs.reread(id);
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
            Some(scope) => self.rebuild(scope, &pages, any_static, sink),
            None if any_static => self.refresh_static(statics, only_css, sink),
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

    /// Fails, keeping the rendered Markdown of the last good build for the next try;
    /// bodies rendered for this failed state are dropped, so they are rendered again.
    pub(super) fn fail_keeping(
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

    pub(super) fn fail(&mut self, problems: Diagnostics) -> Outcome {
        self.errors = problems
            .into_sorted()
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        Outcome::Errors(self.errors.clone())
    }
}
