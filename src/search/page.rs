//! What a page gives the index: whether it is indexed at all, its language, and the
//! text handed to Pagefind.

use super::BUNDLE_DIR;

/// The HTML of a page as Pagefind is to read it (Ethiopic words spaced).
pub(crate) fn page_text(bytes: Vec<u8>) -> String {
    let html = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    space_ethiopic_words(html)
}

/// The language Pagefind files a page under: its `<html lang>`, lowercased, or
/// `unknown`. (Language tags are ASCII.)
pub(crate) fn page_language(html: &str) -> String {
    let head = &html[..html.find("<body").unwrap_or(html.len())];
    let lower = head.to_ascii_lowercase();
    tags(&lower, "html")
        .next()
        .and_then(|tag| attribute(tag, "lang"))
        .map(str::trim)
        .filter(|lang| !lang.is_empty())
        .map_or_else(|| "unknown".to_string(), str::to_string)
}

/// Whether the page at `path` with this HTML belongs in the index: an `.html` file
/// outside `pagefind/`, not `404.html`, not a redirect (`http-equiv="refresh"`), not
/// marked `noindex` for robots, and not a search page (one that loads Pagefind's UI).
pub(crate) fn should_index(path: &str, html: &[u8]) -> bool {
    if !is_html(path) || path == "404.html" || path.starts_with(&format!("{BUNDLE_DIR}/")) {
        return false;
    }
    let text = String::from_utf8_lossy(html);
    let lower = text.to_ascii_lowercase();
    let head_end = lower.find("</head").unwrap_or(lower.len());
    let head = &lower[..head_end];
    let refresh = tags(head, "meta")
        .any(|tag| attribute(tag, "http-equiv").is_some_and(|v| v.trim() == "refresh"));
    let noindex = tags(head, "meta").any(|tag| {
        attribute(tag, "name").is_some_and(|v| v.trim() == "robots")
            && attribute(tag, "content").is_some_and(|v| v.contains("noindex"))
    });
    let search_page = tags(&lower, "script").any(|tag| {
        attribute(tag, "src").is_some_and(|src| {
            let file = src.split(['?', '#']).next().unwrap_or(src);
            [
                "pagefind-ui.js",
                "pagefind-component-ui.js",
                "pagefind-modular-ui.js",
            ]
            .iter()
            .any(|ui| file.ends_with(ui))
        })
    });
    !(refresh || noindex || search_page)
}

pub(crate) fn is_html(path: &str) -> bool {
    path.ends_with(".html")
}

/// The text of every `<name …>` start tag in `html` (lowercase), without `<` and `>`.
fn tags<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = from + html[from..].find('<')?;
            from = at + 1;
            let rest = &html[at + 1..];
            let is_tag = rest.starts_with(name)
                && rest[name.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
            if is_tag {
                return Some(&rest[..rest.find('>').unwrap_or(rest.len())]);
            }
        }
    })
}

/// The value of attribute `name` in a start tag's text (quoted or not).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before = tag[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let rest = tag[at + name.len()..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        return Some(match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let value = &rest[1..];
                &value[..value.find(q).unwrap_or(value.len())]
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == '/')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        });
    }
    None
}

/// Pagefind splits words at whitespace only. Amharic (and Ge'ez, Tigrinya) text may
/// separate words with the Ethiopic wordspace `፡` and no space; a space after each
/// one in the text (not inside tags) makes those words searchable one by one.
pub(crate) const ETHIOPIC_WORDSPACE: char = '\u{1361}';

pub(crate) fn space_ethiopic_words(html: String) -> String {
    const WORDSPACE: char = ETHIOPIC_WORDSPACE;
    if !html.contains(WORDSPACE) {
        return html;
    }
    let mut spaced = String::with_capacity(html.len() + 64);
    let mut in_tag = false;
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        spaced.push(c);
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            WORDSPACE if !in_tag && chars.peek().is_some_and(|n| !n.is_whitespace()) => {
                spaced.push(' ');
            }
            _ => {}
        }
    }
    spaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: &str) -> Vec<u8> {
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>T</title></head>\
             <body><main id=\"main\"><h1>T</h1></main></body></html>"
        )
        .into_bytes()
    }

    #[test]
    fn what_is_indexed() {
        let plain = page("en");
        assert!(should_index("notes/x/index.html", &plain));
        assert!(should_index("index.html", &plain));
        assert!(!should_index("404.html", &plain));
        assert!(!should_index("style.css", &plain));
        assert!(!should_index("pagefind/x.html", &plain));
        let redirect = crate::render::feeds::redirect("/new/");
        assert!(!should_index("old/index.html", redirect.as_bytes()));
        let refresh = b"<html><head><META HTTP-EQUIV='Refresh' content='0; url=/x/'></head></html>";
        assert!(!should_index("old/index.html", refresh));
        let noindex = b"<html><head><meta content=\"noindex, nofollow\" name=robots></head></html>";
        assert!(!should_index("x/index.html", noindex));
        let search = b"<html><head></head><body><main></main>\
            <script src=\"/base/pagefind/pagefind-ui.js?v=1\"></script></body></html>";
        assert!(!should_index("uk/search/index.html", search));
        // Only real tags count, not text about them.
        let text = b"<html><head></head><body><main><p>&lt;script src=\"pagefind-ui.js\"&gt; \
            and name=\"robots\" content=\"noindex\"</p></main></body></html>";
        assert!(should_index("x/index.html", text));
        let data_name =
            b"<html><head><meta data-name=\"robots\" content=\"noindex\"></head></html>";
        assert!(should_index("x/index.html", data_name));
    }

    #[test]
    fn ethiopic_wordspace_separates_words() {
        let html = "<p title=\"ሰላም፡ዓለም\">ሰላም፡ዓለም፡ ነው።</p>".to_string();
        assert_eq!(
            space_ethiopic_words(html),
            "<p title=\"ሰላም፡ዓለም\">ሰላም፡ ዓለም፡ ነው።</p>"
        );
    }

    #[test]
    fn attributes() {
        let tag = "meta name=\"robots\" content='noindex' data-x=y";
        assert_eq!(attribute(tag, "name"), Some("robots"));
        assert_eq!(attribute(tag, "content"), Some("noindex"));
        assert_eq!(attribute(tag, "data-x"), Some("y"));
        assert_eq!(attribute(tag, "x"), None);
    }

    #[test]
    fn languages_as_pagefind_reads_them() {
        let text = |lang: &str| String::from_utf8(page(lang)).unwrap();
        assert_eq!(page_language(&text("uk")), "uk");
        assert_eq!(page_language(&text("pt-BR")), "pt-br");
        assert_eq!(page_language(&text("")), "unknown");
        assert_eq!(
            page_language("<html><body lang=\"de\"></body></html>"),
            "unknown"
        );
    }
}
