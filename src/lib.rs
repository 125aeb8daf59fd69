//! folio: a static site generator for portfolios and strategy documents.
//!
//! The data flows one way: load (`content::discover`, `content::source`) → parse
//! (`content::parse`) → model (`site`) → render (`markdown`, `render`) → write
//! (`output`). `build` runs the pipeline; the CLI and the dev server call it.

pub mod build;
pub mod config;
pub mod content;
pub mod error;
pub mod images;
pub mod kinds;
pub mod markdown;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod slugify;
pub mod yaml;

pub use build::{BuildOptions, BuildReport, build, check};
pub use error::{Diagnostic, Error, Severity};
