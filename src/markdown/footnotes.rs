//! Render stage helper: footnotes numbered in order of first reference, gathered at
//! the end of the document, with links both ways. Their ids (`fn:1`, `fnref:1`) hold
//! a colon, which heading ids never do, so the two cannot clash.

use std::collections::HashMap;

use pulldown_cmark::Event;

/// Footnote references and definitions met while rendering one document.
#[derive(Default)]
pub(crate) struct Footnotes<'a> {
    numbers: HashMap<String, usize>,
    definitions: Vec<(String, Vec<Event<'a>>)>,
    open: Option<(String, Vec<Event<'a>>)>,
}

impl<'a> Footnotes<'a> {
    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label.to_string()).or_insert(next)
    }

    /// The HTML of a reference `[^label]`.
    pub(crate) fn reference(&mut self, label: &str) -> String {
        let first = !self.numbers.contains_key(label);
        let n = self.number(label);
        let id = if first {
            format!(" id=\"fnref:{n}\"")
        } else {
            String::new()
        };
        format!(
            "<sup class=\"footnote-reference\"{id}><a href=\"#fn:{n}\" role=\"doc-noteref\">{n}</a></sup>"
        )
    }

    pub(crate) fn start_definition(&mut self, label: &str) {
        self.open = Some((label.to_string(), Vec::new()));
    }

    pub(crate) fn end_definition(&mut self) {
        if let Some(def) = self.open.take() {
            self.definitions.push(def);
        }
    }

    pub(crate) fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub(crate) fn push(&mut self, event: Event<'a>) {
        if let Some((_, events)) = self.open.as_mut() {
            events.push(event);
        }
    }

    /// Appends the definitions, in reference order, as the document's last section.
    /// A definition nobody references still shows, after the others.
    pub(crate) fn append_to(mut self, events: &mut Vec<Event<'a>>) {
        if self.definitions.is_empty() {
            return;
        }
        let mut definitions = std::mem::take(&mut self.definitions);
        definitions
            .sort_by_key(|(label, _)| self.numbers.get(label).copied().unwrap_or(usize::MAX));
        events.push(Event::Html(
            "<section class=\"footnotes\" role=\"doc-endnotes\">\n".into(),
        ));
        for (label, body) in definitions {
            let referenced = self.numbers.contains_key(&label);
            let n = self.number(&label);
            events.push(Event::Html(
                format!("<div class=\"footnote-definition\" id=\"fn:{n}\"><sup class=\"footnote-definition-label\">{n}</sup>\n").into(),
            ));
            events.extend(body);
            if referenced {
                events.push(Event::Html(
                    format!("<a class=\"footnote-backref\" href=\"#fnref:{n}\" role=\"doc-backlink\" aria-label=\"Back to reference {n}\">↩</a>").into(),
                ));
            }
            events.push(Event::Html("</div>\n".into()));
        }
        events.push(Event::Html("</section>\n".into()));
    }
}
