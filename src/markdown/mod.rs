//! Render stage: Markdown to HTML with heading anchors, a table of contents, `@/` links
//! and highlighted code, as one pass of adapters over pulldown-cmark's events.

pub mod cache;
pub mod contrast;
pub mod footnotes;
pub mod highlight;
pub mod sanitize;
pub mod toc;

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use highlight::{HighlightError, Highlighter};
pub use toc::Heading;

use crate::error::{Diagnostic, line_col};
use crate::slugify::SlugMode;

/// Turns the target of an `@/` link (`"jobs/smm.md"`) into a URL.
pub trait LinkResolver: Sync {
    fn resolve(&self, target: &str) -> Option<String>;
}

/// Switches that hold for a whole build.
pub struct MarkdownOptions<'a> {
    pub slugify: SlugMode,
    /// Raw HTML is sanitised (scripts, event handlers, `javascript:` URLs removed)
    /// instead of passed through as written.
    pub safe_html: bool,
    pub highlighter: &'a Highlighter,
    pub links: &'a dyn LinkResolver,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    pub word_count: usize,
    /// Content ids this body links to with `@/` (for incremental rebuilds).
    pub links: Vec<String>,
    pub problems: Vec<Diagnostic>,
    /// Only `word_count` is known: the HTML was not kept, and the page renders its
    /// Markdown when it is written (a build streams pages to disk this way).
    pub deferred: bool,
}

impl Rendered {
    /// What listings need of a body rendered later: its word count.
    pub fn deferred(word_count: usize) -> Rendered {
        Rendered {
            word_count,
            deferred: true,
            ..Rendered::default()
        }
    }
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body`, which starts on line `first_line` of `file`.
pub fn render(
    file: &Path,
    body: &str,
    first_line: usize,
    options: &MarkdownOptions<'_>,
) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut ids = toc::Ids::default();
    let mut flat_toc = Vec::new();
    let mut heading: Option<OpenHeading<'_>> = None;
    let mut code: Option<(String, String)> = None;
    let mut notes = footnotes::Footnotes::default();

    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, String::new()));
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {
                let (info, text) = code.take().unwrap_or_default();
                Event::Html(options.highlighter.highlight(&info, &text).into())
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, buf)) = code.as_mut() {
                    buf.push_str(&text);
                }
                continue;
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(OpenHeading {
                    level,
                    explicit_id: id.map(|s| s.to_string()),
                    text: String::new(),
                    inner: Vec::new(),
                });
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some(open) = heading.take() else { continue };
                let id = ids.assign(
                    open.explicit_id.as_deref(),
                    open.text.trim(),
                    options.slugify,
                );
                let level = open.level as u8;
                events.push(Event::Html(
                    format!("<h{level} id=\"{}\">", escape_html(&id)).into(),
                ));
                events.extend(open.inner);
                events.push(Event::Html(
                    format!(
                        " <a class=\"anchor\" href=\"#{}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{level}>\n",
                        escape_html(&id)
                    )
                    .into(),
                ));
                flat_toc.push(Heading {
                    level,
                    id,
                    title: open.text.trim().to_string(),
                    children: Vec::new(),
                });
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: resolve(dest_url, &range, file, body, first_line, options, &mut out),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: resolve(dest_url, &range, file, body, first_line, options, &mut out),
                title,
                id,
            }),
            Event::FootnoteReference(label) => Event::Html(notes.reference(&label).into()),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                notes.start_definition(&label);
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                notes.end_definition();
                continue;
            }
            other => other,
        };
        if let Event::Text(text) | Event::Code(text) = &event {
            out.word_count += text.split_whitespace().count();
            if let Some(open) = heading.as_mut() {
                open.text.push_str(text);
            }
        }
        match heading.as_mut() {
            Some(open) => open.inner.push(event),
            None if notes.is_open() => notes.push(event),
            None => events.push(event),
        }
    }
    notes.append_to(&mut events);

    out.html.reserve(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    if options.safe_html {
        out.html = sanitize::sanitize(&out.html);
    }
    out.toc = toc::nest(flat_toc);
    out
}

/// The `word_count` that [`render`] gives `body`, without rendering it: words of text
/// and inline code, not of code blocks nor of raw HTML tags.
pub fn word_count(body: &str) -> usize {
    let mut in_code = false;
    let mut words = 0;
    for event in Parser::new_ext(body, parser_options()) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) | Event::Code(text) if !in_code => {
                words += text.split_whitespace().count();
            }
            _ => {}
        }
    }
    words
}

struct OpenHeading<'a> {
    level: HeadingLevel,
    explicit_id: Option<String>,
    text: String,
    inner: Vec<Event<'a>>,
}

/// Renders a short Markdown value from front matter (a list item, a summary). A single
/// paragraph loses its `<p>` so the value can sit inline. `line` is where the value is
/// in the file, for errors.
pub fn render_fragment(
    file: &Path,
    text: &str,
    line: usize,
    options: &MarkdownOptions<'_>,
) -> Rendered {
    let mut rendered = render(file, text, line, options);
    for problem in &mut rendered.problems {
        // Positions inside a YAML string are not columns of the file.
        problem.line = Some(line);
        problem.column = None;
    }
    let html = rendered.html.trim_end();
    if let Some(inner) = html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        && !inner.contains("<p>")
    {
        rendered.html = inner.to_string();
    }
    rendered
}

/// Resolves `@/path.md#anchor`; other URLs pass through. A missing target is an error
/// placed on the link's line in the file.
fn resolve<'a>(
    dest: CowStr<'a>,
    range: &Range<usize>,
    file: &Path,
    body: &str,
    first_line: usize,
    options: &MarkdownOptions<'_>,
    out: &mut Rendered,
) -> CowStr<'a> {
    let Some(target) = dest.strip_prefix("@/") else {
        return dest;
    };
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (target, None),
    };
    match options.links.resolve(path) {
        Some(url) => {
            out.links.push(path.to_string());
            match fragment {
                Some(f) => format!("{url}#{f}").into(),
                None => url.into(),
            }
        }
        None => {
            let (line, column) = line_col(body, range.start);
            out.problems.push(
                Diagnostic::error(file, format!("broken internal link `@/{target}`: no such content file"))
                    .at(line + first_line - 1, column)
                    .with_help(format!("an `@/` link names a file under content/, e.g. `@/about.md`; `content/{path}` does not exist")),
            );
            dest
        }
    }
}

/// Escapes text for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
