//! Parse stage helper: an empty quoted string given for a key (`url: ""`) means the
//! key is not given. The quotes are replaced by two spaces, which leaves the value
//! empty (YAML's null) and every position after it unchanged: an optional key is then
//! `None`, a text that must be given is still an empty text for its check.
//!
//! Free-form data (`extra:` of a page) keeps its empty strings, and so does a list item
//! (`- ""` is an entry, not a key).

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// The top-level key under which values are free-form and kept as written.
const FREE_FORM: &str = "extra";

/// `text` with the empty quoted strings of mapping values replaced by two spaces.
pub(super) fn as_null(text: &str) -> Cow<'_, str> {
    // The common case pays one search; only text with an empty quoted string is parsed.
    if !text.contains("\"\"") && !text.contains("''") {
        return Cow::Borrowed(text);
    }
    let spots = empty_values(text);
    if spots.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for at in byte_offsets(text, &spots) {
        if matches!(&out[at..at + 2], "\"\"" | "''") {
            out.replace_range(at..at + 2, "  ");
        }
    }
    Cow::Owned(out)
}

/// One open map or list while walking the events.
enum Open {
    /// A map; `true` when the next scalar is a value, with the key it belongs to.
    Map {
        expects_value: bool,
        key: String,
    },
    List,
}

/// The character offsets of the empty quoted scalars that are values of a map, outside
/// the free-form subtree. Text that is not YAML has none (the parse reports it).
fn empty_values(text: &str) -> Vec<usize> {
    let mut stack: Vec<Open> = Vec::new();
    let mut spots = Vec::new();
    let mut free_depth: Option<usize> = None;
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else {
            return Vec::new();
        };
        let is_value = matches!(
            stack.last(),
            Some(Open::Map {
                expects_value: true,
                ..
            })
        );
        match event {
            Event::Scalar(value, style, ..) => {
                let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
                if is_value && quoted && value.is_empty() && free_depth.is_none() {
                    spots.push(span.start.index());
                }
                advance(&mut stack, Some(&value));
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let entering_free = stack.len() == 1
                    && matches!(stack.last(), Some(Open::Map { expects_value: true, key }) if key == FREE_FORM);
                if entering_free {
                    free_depth = Some(stack.len());
                }
                stack.push(match event {
                    Event::MappingStart(..) => Open::Map {
                        expects_value: false,
                        key: String::new(),
                    },
                    _ => Open::List,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                if free_depth == Some(stack.len()) {
                    free_depth = None;
                }
                advance(&mut stack, None);
            }
            Event::Alias(_) => advance(&mut stack, None),
            _ => {}
        }
    }
    spots
}

/// A node ended in the innermost open map or list: a map's next scalar switches
/// between key and value.
fn advance(stack: &mut [Open], scalar: Option<&str>) {
    if let Some(Open::Map { expects_value, key }) = stack.last_mut() {
        if !*expects_value {
            *key = scalar.unwrap_or_default().to_string();
        }
        *expects_value = !*expects_value;
    }
}

/// The byte offsets of sorted character offsets.
fn byte_offsets(text: &str, chars: &[usize]) -> Vec<usize> {
    let mut wanted = chars.iter().peekable();
    let mut out = Vec::with_capacity(chars.len());
    for (n, (byte, _)) in text.char_indices().enumerate() {
        while wanted.peek() == Some(&&n) {
            out.push(byte);
            wanted.next();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_values_become_null_in_place() {
        let text = "title: x\napply:\n  url: \"\"\n  email: ''\nlist:\n  - \"\"\n";
        assert_eq!(
            as_null(text),
            "title: x\napply:\n  url:   \n  email:   \nlist:\n  - \"\"\n"
        );
    }

    #[test]
    fn flow_maps_keys_and_free_form_data_are_handled() {
        assert_eq!(as_null("a: {b: \"\", c: d}\n"), "a: {b:   , c: d}\n");
        assert_eq!(as_null("\"\": x\n"), "\"\": x\n");
        let free = "extra:\n  note: \"\"\n  deep: {x: ''}\nafter: \"\"\n";
        assert_eq!(
            as_null(free),
            "extra:\n  note: \"\"\n  deep: {x: ''}\nafter:   \n"
        );
    }

    #[test]
    fn text_with_other_letters_keeps_its_offsets() {
        let text = "заголовок: \"Менеджер\"\nопис: \"\"\n";
        assert_eq!(as_null(text), "заголовок: \"Менеджер\"\nопис:   \n");
        assert_eq!(as_null("a: 'it''s'\n"), "a: 'it''s'\n");
    }
}

#[cfg(test)]
mod typed {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Doc {
        title: String,
        #[serde(default)]
        url: Option<String>,
        #[serde(default)]
        end: Option<u32>,
    }

    #[test]
    fn optional_keys_are_not_given_and_texts_stay_empty() {
        let text = super::as_null("title: \"\"\nurl: \"\"\nend: ''\n");
        let doc: Doc = serde_yaml::from_str(&text).unwrap();
        let expected = Doc {
            title: String::new(),
            url: None,
            end: None,
        };
        assert_eq!(doc, expected);
        let flow: Doc = serde_yaml::from_str(&super::as_null("{title: a, url: \"\"}")).unwrap();
        assert_eq!(flow.url, None);
    }
}
