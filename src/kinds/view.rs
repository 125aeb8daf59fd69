//! What a kind's view is built with — [`ViewContext`]: the site, the Markdown options
//! for values that hold Markdown, and the locale of the page — and what every kind's
//! view shares: lists of Markdown items, URLs of files named in front matter, plain
//! text of Markdown, JSON safe inside `<script>`.
//!
//! A kind's view is a `#[derive(Serialize)]` struct in `kinds/<kind>/view.rs` (or in
//! the kind's file): it is the contract between folio and the templates, which get
//! it as `page.<kind name>`. Its fields are the keys templates read.

use serde::Serialize;
use serde_json::{Map, Value};

use super::Origin;
use super::values::ListItem;
use crate::error::Diagnostic;
use crate::markdown::{MarkdownOptions, Rendered, render_fragment};
use crate::render::format::Format;
use crate::render::locale::Localizer;
use crate::render::strings::Strings;
use crate::site::{Page, Site};

/// Builds kind views; Markdown inside front matter values is rendered here.
pub struct ViewContext<'a> {
    pub site: &'a Site,
    pub markdown: &'a MarkdownOptions<'a>,
    pub locale: &'a Localizer,
    pub strings: &'a Strings,
}

/// A list entry of front matter (a responsibility, a strength, an objective) as
/// templates get it.
#[derive(Debug, Clone, Serialize)]
pub struct ListItemView {
    /// The entry's inline Markdown, rendered to HTML.
    pub html: String,
    /// Its sub-items, each shaped like this one; empty when it has none.
    pub children: Vec<ListItemView>,
}

impl ViewContext<'_> {
    /// `("job", {...})` for a job page, and problems met (broken `@/` links in values).
    pub fn view(&self, page: &Page) -> (Option<(&'static str, Value)>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let view = page.kind.view(self, page, &mut problems);
        (view.map(|v| (page.kind.spec().name(), v)), problems)
    }

    /// Formatting in the page's language.
    pub fn format<'p>(&'p self, page: &'p Page) -> Format<'p> {
        Format {
            locale: self.locale,
            strings: self.strings,
            lang: &page.lang,
        }
    }

    /// Where the page's front matter is, to place problems on a key.
    pub fn origin<'p>(&self, page: &'p Page) -> Origin<'p> {
        Origin {
            file: &page.file,
            front_matter: &page.front_matter,
        }
    }

    /// The Markdown `text` of the value at `path` in the page's front matter, as HTML.
    pub fn markdown(
        &self,
        page: &Page,
        path: &[&str],
        text: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let line = self.origin(page).line(path);
        let Rendered {
            html,
            problems: found,
            ..
        } = render_fragment(&page.file, text, line, self.markdown);
        problems.extend(found);
        html
    }

    /// The list at `path` in the page's front matter, each entry rendered.
    pub fn items(
        &self,
        page: &Page,
        path: &[&str],
        items: &[ListItem],
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<ListItemView> {
        items
            .iter()
            .map(|item| ListItemView {
                html: self.markdown(page, path, &item.text, problems),
                children: self.items(page, path, &item.children, problems),
            })
            .collect()
    }

    /// A file named relative to a page (a bundle's `cover.svg`) as a URL path.
    pub fn asset_url(&self, page: &Page, path: &str) -> String {
        asset_url(self.site, page, path)
    }
}

/// A view as JSON, for `KindData::view`.
pub(crate) fn to_json<T: Serialize>(view: &T) -> Value {
    serde_json::to_value(view).expect("a view serialises: every map key is a string")
}

/// A listing summary's fields as a JSON map, for `KindData::summary`.
pub(crate) fn to_map<T: Serialize>(summary: &T) -> Map<String, Value> {
    match to_json(summary) {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A file named in front matter as a URL: absolute URLs and `/paths` stay, other
/// paths are relative to the page's bundle.
pub(crate) fn asset_url(site: &Site, page: &Page, path: &str) -> String {
    if path.contains("://") || path.starts_with('/') {
        path.to_string()
    } else {
        let base = site.url(&page.path);
        format!("{base}{}", crate::site::paths::encode_path(path))
    }
}

/// Markdown reduced to its text, for summaries and meta descriptions.
pub(crate) fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(_) if !text.ends_with(' ') => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// JSON that cannot end a `<script>` element or open a comment: `<`, `>` and `&`
/// become `\u` escapes, which JSON parsers read back as the same characters.
pub(crate) fn script_safe(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
