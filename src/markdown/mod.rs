//! Render stage: Markdown to HTML with heading anchors, a table of contents, `@/` links
//! and highlighted code, as one pass of adapters over pulldown-cmark's events.

pub(crate) mod cache;
pub(crate) mod contrast;
pub(crate) mod footnotes;
pub(crate) mod highlight;
pub(crate) mod sanitize;
pub(crate) mod toc;

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use highlight::Highlighter;
pub(crate) use toc::Heading;

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
    /// It holds an embed's facade (a shortcode's), so its page loads the embed script.
    pub embeds: bool,
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

pub(crate) fn parser_options() -> Options {
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
    let mut walk = Walk {
        file,
        body,
        first_line,
        options,
        out: Rendered::default(),
        // About one event per 16 bytes of Markdown: few regrowths of the list.
        events: Vec::with_capacity(body.len() / 16),
        ids: toc::Ids::default(),
        flat_toc: Vec::new(),
        heading: None,
        code: None,
        notes: footnotes::Footnotes::default(),
        task_label: false,
    };
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        if let Some(event) = walk.event(event, &range) {
            walk.push(event);
        }
    }
    walk.finish()
}

/// Whether `event` ends the inline text of a task-list item (its label): the end of
/// its paragraph or item, or the start of a block inside it (a nested list).
fn ends_task_label(event: &Event<'_>) -> bool {
    match event {
        Event::End(TagEnd::Paragraph | TagEnd::Item) => true,
        Event::Start(tag) => !matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        Event::Html(_) | Event::Rule => true,
        _ => false,
    }
}

/// One body's events on their way to HTML: code blocks highlighted, headings given
/// ids and anchors, links resolved, footnotes gathered at the end.
struct Walk<'a, 'o> {
    file: &'o Path,
    body: &'a str,
    first_line: usize,
    options: &'o MarkdownOptions<'o>,
    out: Rendered,
    events: Vec<Event<'a>>,
    ids: toc::Ids,
    flat_toc: Vec<Heading>,
    heading: Option<OpenHeading<'a>>,
    /// An open code block: its info string and text so far.
    code: Option<(String, String)>,
    notes: footnotes::Footnotes<'a>,
    /// A task-list item's `<label>` is open: its checkbox is named by the text that
    /// follows, up to the item's first block boundary.
    task_label: bool,
}

impl<'a> Walk<'a, '_> {
    /// The event to keep, changed where needed; `None` when it was taken in (the text
    /// of a code block, a heading's start and end, a footnote definition's bounds).
    fn event(&mut self, event: Event<'a>, range: &std::ops::Range<usize>) -> Option<Event<'a>> {
        if self.task_label && ends_task_label(&event) {
            self.task_label = false;
            self.push(Event::Html("</label>".into()));
        }
        let event = match event {
            Event::TaskListMarker(checked) => {
                // The checkbox inside a label with the item's text: it has an
                // accessible name, and clicking the text does not toggle it (disabled).
                self.task_label = true;
                let checked = if checked { " checked" } else { "" };
                Event::Html(
                    format!("<label class=\"task\"><input type=\"checkbox\" disabled{checked}> ")
                        .into(),
                )
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, String::new()));
                return None;
            }
            Event::End(TagEnd::CodeBlock) => {
                let (info, text) = self.code.take().unwrap_or_default();
                Event::Html(self.options.highlighter.highlight(&info, &text).into())
            }
            Event::Text(text) if self.code.is_some() => {
                if let Some((_, buf)) = self.code.as_mut() {
                    buf.push_str(&text);
                }
                return None;
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(OpenHeading {
                    level,
                    explicit_id: id.map(|s| s.to_string()),
                    text: String::new(),
                    inner: Vec::new(),
                });
                return None;
            }
            Event::End(TagEnd::Heading(_)) => {
                self.close_heading();
                return None;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: self.resolve(dest_url, range),
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
                dest_url: self.resolve(dest_url, range),
                title,
                id,
            }),
            Event::Html(ref html) | Event::InlineHtml(ref html)
                if crate::shortcodes::placeholder_token(html).is_some() =>
            {
                let token = crate::shortcodes::placeholder_token(html).unwrap_or_default();
                Event::Html(token.into())
            }
            Event::FootnoteReference(label) => Event::Html(self.notes.reference(&label).into()),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.notes.start_definition(&label);
                return None;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                self.notes.end_definition();
                return None;
            }
            other => other,
        };
        Some(event)
    }

    fn resolve(&mut self, dest: CowStr<'a>, range: &std::ops::Range<usize>) -> CowStr<'a> {
        let (file, body, line) = (self.file, self.body, self.first_line);
        resolve(dest, range, file, body, line, self.options, &mut self.out)
    }

    /// A heading's end: its id (unique in the page, any script), its anchor, its
    /// entry in the table of contents.
    fn close_heading(&mut self) {
        let Some(open) = self.heading.take() else {
            return;
        };
        let id = self.ids.assign(
            open.explicit_id.as_deref(),
            open.text.trim(),
            self.options.slugify,
        );
        let level = open.level as u8;
        self.events.push(Event::Html(
            format!("<h{level} id=\"{}\">", escape_html(&id)).into(),
        ));
        self.events.extend(open.inner);
        self.events.push(Event::Html(
            format!(
                " <a class=\"anchor\" href=\"#{}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{level}>\n",
                escape_html(&id)
            )
            .into(),
        ));
        self.flat_toc.push(Heading {
            level,
            id,
            title: open.text.trim().to_string(),
            children: Vec::new(),
        });
    }

    /// Keeps an event: in the open heading, the open footnote, or the body; its words
    /// counted.
    fn push(&mut self, event: Event<'a>) {
        if let Event::Text(text) | Event::Code(text) = &event {
            self.out.word_count += count_words(text);
            if let Some(open) = self.heading.as_mut() {
                open.text.push_str(text);
            }
        }
        match self.heading.as_mut() {
            Some(open) => open.inner.push(event),
            None if self.notes.is_open() => self.notes.push(event),
            None => self.events.push(event),
        }
    }

    fn finish(mut self) -> Rendered {
        self.notes.append_to(&mut self.events);
        let mut out = self.out;
        out.html.reserve(self.body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut out.html, self.events.into_iter());
        if self.options.safe_html {
            out.html = sanitize::sanitize(&out.html);
        }
        out.toc = toc::nest(self.flat_toc);
        out
    }
}

/// The `word_count` that [`render`] gives `body`, without rendering it: words of text
/// and inline code, not of code blocks nor of raw HTML tags.
pub(crate) fn word_count(body: &str) -> usize {
    let mut in_code = false;
    let mut words = 0;
    for event in Parser::new_ext(body, parser_options()) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) | Event::Code(text) if !in_code => {
                words += count_words(&text);
            }
            _ => {}
        }
    }
    words
}

/// How many words `text` has, as `text.split_whitespace().count()` counts them, with
/// a byte loop for ASCII text (most text events, and a few percent of a build's time).
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // `char::is_whitespace` of the ASCII range: tab to carriage return, and space.
    let space = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5;
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    // A word starts at the first byte unless it is a space, and at every byte that is
    // not a space after one that is (a branch-free loop the compiler vectorises).
    let starts: usize = bytes
        .iter()
        .zip(&bytes[1..])
        .map(|(&a, &b)| usize::from(space(a) & !space(b)))
        .sum();
    usize::from(!space(first)) + starts
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
pub(crate) fn escape_html(text: &str) -> String {
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
