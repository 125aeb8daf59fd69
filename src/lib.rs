//! folio: a static site generator for portfolios and strategy documents.
//!
//! The data flows one way: load → parse → model → render → write (ARCHITECTURE.md
//! tells where each stage lives). The public surface is small: [`build`] and
//! [`check`] with their [`BuildOptions`], the live preview ([`serve`], [`DevSite`]),
//! the scaffolds of `folio init` and `folio new`, and the registry of kinds.

#![warn(unreachable_pub)]

mod build;
mod color;
mod config;
mod content;
mod error;
mod images;
mod kinds;
mod markdown;
mod output;
mod pipeline;
pub mod progress;
mod render;
mod scaffold;
pub mod schema;
mod search;
mod serve;
mod shortcodes;
mod site;
mod slugify;
mod social;
mod yaml;

pub use build::{BuildOptions, BuildReport, build, check};
pub use error::{Diagnostic, Error, Severity};
pub use kinds::KindSpec;
pub use kinds::registry::KINDS;
pub use scaffold::deploy::{Host, default_folio_git, deploy_config};
pub use scaffold::{
    check_new_language, init, keys_to_fill, new_content, slug_mode, write_section_translations,
};
pub use search::{SearchError, SearchReport};
pub use serve::dev::{Change, DevSite, Outcome};
pub use serve::{Reporter, ServeOptions, serve};
pub use slugify::SlugMode;

/// The kind named `name` (`job`, `case_study`, …).
pub fn kind(name: &str) -> Option<&'static dyn KindSpec> {
    kinds::registry::find(name)
}

/// The names of every kind, in the registry's order.
pub fn kind_names() -> impl Iterator<Item = &'static str> {
    kinds::registry::names()
}

/// Internals that the fuzz targets and the property tests drive directly. Not an API:
/// anything here may change with any release.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::content::parse::{Meta, parse_file};
    pub use crate::kinds::{CheckInput, Origin, classify};
    pub use crate::markdown::{
        Highlighter, LinkResolver, MarkdownOptions, render, render_fragment,
    };
    pub use crate::output::safe_join;
    pub use crate::serve::paths::{Resolved, resolve};
    pub use crate::slugify::{MAX_SLUG_BYTES, SlugMode, is_safe_segment, slugify, slugify_lang};
}
