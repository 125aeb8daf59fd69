//! What a kind's view is built with: the site, the Markdown options for values that
//! hold Markdown, and the locale of the page.

pub use crate::render::kinds::KindViews as ViewContext;
