//! Model stage: resolving `@/path.md` references to the URLs of pages and sections.

use std::collections::BTreeSet;

use super::Site;
use crate::markdown::{Highlighter, LinkResolver, MarkdownOptions};

/// Resolves `@/` links against the site: pages and sections by content id.
pub(crate) struct SiteLinks<'a> {
    pub site: &'a Site,
    /// Every Markdown file found, even those that failed to parse: a link to a file
    /// with its own error is not reported a second time.
    pub failed: Option<&'a BTreeSet<String>>,
}

impl SiteLinks<'_> {
    /// The Markdown options of the site, resolving `@/` links through `self`.
    pub(crate) fn markdown_options<'b>(
        &'b self,
        highlighter: &'b Highlighter,
    ) -> MarkdownOptions<'b> {
        MarkdownOptions {
            slugify: self.site.config.slugify,
            safe_html: self.site.config.safe_html,
            highlighter,
            links: self,
        }
    }
}

impl LinkResolver for SiteLinks<'_> {
    fn resolve(&self, target: &str) -> Option<String> {
        if let Some(page) = self.site.pages.get(target) {
            return Some(self.site.url(&page.path));
        }
        if let Some(section) = self.site.sections.get(target) {
            return Some(self.site.url(&section.path));
        }
        self.failed
            .is_some_and(|ids| ids.contains(target))
            .then(|| "#".to_string())
    }
}
