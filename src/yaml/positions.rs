//! Parse stage helper: where a value of a YAML document is, by its path of keys and
//! list indices, read from the parser's events. Block and flow style alike
//! (`period: {start: …, end: …}`, `tags: [a, b]`), so a semantic error found after
//! parsing (a salary's `min` above its `max`) points at the exact line and column.
//!
//! Only errors need positions, so the document is parsed again only when one is
//! reported: a clean build pays nothing for this.

use saphyr_parser::{Event, Parser, Span};

/// A line and column in the enclosing file, both 1-based (the column in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The position of the node at `path` in `text` (which starts on line `first_line` of
/// its file): its value where the value starts on its key's line (a scalar, a flow
/// map or list), else its key (a block map or list under it). A path that goes further than the document gives the deepest node
/// found on it; `None` when not even its first key is there or the text is not YAML.
///
/// A path segment names a key of a map or, in a list, the 0-based index of an item:
/// `["entries", "2", "format"]`.
pub(super) fn locate(text: &str, first_line: usize, path: &[&str]) -> Option<Position> {
    find(text, first_line, path, false)
}

/// The position of the key at the end of `path` itself (for a key that should not be
/// there); for a list item, the item.
pub(super) fn locate_key(text: &str, first_line: usize, path: &[&str]) -> Option<Position> {
    find(text, first_line, path, true)
}

fn find(text: &str, first_line: usize, path: &[&str], key: bool) -> Option<Position> {
    let events = events(text)?;
    let root = events
        .iter()
        .position(|(e, _)| !matches!(e, Event::StreamStart | Event::DocumentStart(_)))?;
    let mut node = root;
    let mut found: Option<Span> = None;
    for segment in path {
        let hit = match &events[node].0 {
            Event::MappingStart(..) => find_key(&events, node, segment),
            Event::SequenceStart(..) => segment
                .parse::<usize>()
                .ok()
                .and_then(|index| find_item(&events, node, index)),
            _ => None,
        };
        let Some((key_span, value)) = hit else { break };
        node = value;
        let value_span = events[value].1;
        found = Some(
            match key || value_span.start.line() != key_span.start.line() {
                true => key_span,
                false => value_span,
            },
        );
    }
    let span = found?;
    Some(Position {
        line: span.start.line() + first_line - 1,
        column: span.start.col() + 1,
    })
}

fn events(text: &str) -> Option<Vec<(Event<'_>, Span)>> {
    let mut all = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let end = matches!(event, Event::StreamEnd);
        all.push((event, span));
        if end {
            break;
        }
    }
    Some(all)
}

/// The index of the event after the node starting at `at`.
fn skip(events: &[(Event<'_>, Span)], at: usize) -> usize {
    let mut depth = 0usize;
    let mut i = at;
    while i < events.len() {
        match events[i].0 {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
        if depth == 0 {
            break;
        }
    }
    i
}

/// In the map starting at `map`: the span of `key` and the index of its value.
fn find_key(events: &[(Event<'_>, Span)], map: usize, key: &str) -> Option<(Span, usize)> {
    let mut i = map + 1;
    while i < events.len() && !matches!(events[i].0, Event::MappingEnd) {
        let value = skip(events, i);
        if let Event::Scalar(name, ..) = &events[i].0
            && name == key
        {
            return Some((events[i].1, value));
        }
        i = skip(events, value);
    }
    None
}

/// In the list starting at `list`: the span and index of its `index`-th item.
fn find_item(events: &[(Event<'_>, Span)], list: usize, index: usize) -> Option<(Span, usize)> {
    let mut i = list + 1;
    let mut n = 0;
    while i < events.len() && !matches!(events[i].0, Event::SequenceEnd) {
        if n == index {
            return Some((events[i].1, i));
        }
        i = skip(events, i);
        n += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &[&str]) -> Option<(usize, usize)> {
        locate(text, 2, path).map(|p| (p.line, p.column))
    }

    #[test]
    fn block_keys_nested_and_scalars_at_their_value() {
        let text = "title: x\nmin: 0\nsalary:\n  currency: EUR\n  min: 5\n";
        assert_eq!(at(text, &["salary", "min"]), Some((6, 8)));
        // A map is placed at its key.
        assert_eq!(at(text, &["salary"]), Some((4, 1)));
        // The deepest node found.
        assert_eq!(at(text, &["salary", "nope"]), Some((4, 1)));
        assert_eq!(at(text, &["min"]), Some((3, 6)));
        assert_eq!(at(text, &["nope"]), None);
        let key = locate_key(text, 2, &["salary", "min"]).map(|p| (p.line, p.column));
        assert_eq!(key, Some((6, 3)));
    }

    #[test]
    fn flow_style_maps_and_lists() {
        let text = "title: x\nperiod: {start: 2026-03-01, end: 2026-02-01}\ntags: [a, bb]\n";
        assert_eq!(at(text, &["period", "end"]), Some((3, 34)));
        assert_eq!(at(text, &["tags", "1"]), Some((4, 11)));
        // A flow map is placed at its value, on the line of its key.
        assert_eq!(at(text, &["period"]), Some((3, 9)));
    }

    #[test]
    fn list_items_by_index() {
        let text = "entries:\n  - date: 2026-11-02\n    format: reel\n  - {date: 2026-11-03, format: bogus}\n";
        assert_eq!(at(text, &["entries", "0", "format"]), Some((4, 13)));
        assert_eq!(at(text, &["entries", "1", "format"]), Some((5, 32)));
        // A missing key: the item itself.
        assert_eq!(at(text, &["entries", "1", "time"]), Some((5, 5)));
        assert_eq!(at(text, &["entries", "7"]), Some((2, 1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "заголовок: x\nsalary: {min: 5}\nteam: {ім'я: Олена, роль: SMM}\n";
        assert_eq!(at(text, &["team", "роль"]), Some((4, 27)));
    }

    #[test]
    fn text_that_is_not_yaml_has_no_positions() {
        assert_eq!(at("title: [unclosed\n", &["title"]), None);
    }
}
