//! Parse stage helper: the YAML mistakes writers make most, explained. The parser's
//! words ("mapping values are not allowed in this context") become what went wrong in
//! the writer's terms, with a help line that shows the fix; the place is said once, in
//! the diagnostic's location, never again in its message.

use super::Fragment;
use crate::error::Diagnostic;

/// `diagnostic` (an error from parsing `fragment`) in a writer's words, where its
/// message is one of the mistakes known here.
pub(super) fn explain(diagnostic: Diagnostic, fragment: Fragment<'_>) -> Diagnostic {
    let mut d = diagnostic;
    d.message = without_own_place(&d.message, d.line, d.column);
    let line = d
        .line
        .and_then(|n| n.checked_sub(fragment.first_line))
        .and_then(|i| fragment.text.lines().nth(i))
        .unwrap_or_default();
    let before = d
        .line
        .and_then(|n| n.checked_sub(fragment.first_line))
        .map(|i| previous_lines(fragment.text, i))
        .unwrap_or_default();
    let Some((message, help)) = mistake(&d.message, line, &before) else {
        return d;
    };
    d.message = message;
    d.with_help(help)
}

/// The message and help of a known mistake on `line` (with the lines before it).
fn mistake(message: &str, line: &str, before: &[&str]) -> Option<(String, String)> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    if line[..indent].contains('\t') {
        return Some((
            "a tab in the indent".into(),
            "YAML indents with spaces only: replace the tab with spaces".into(),
        ));
    }
    if line.trim_start().starts_with("- ") && message.contains("did not find expected") {
        return Some(list_item(indent, before));
    }
    if message.starts_with("mapping values are not allowed") {
        return Some(match quoted_rewrite(line) {
            Some((key, fixed)) => (
                format!("the value of `{key}` contains `: `, which YAML reads as a new key"),
                format!("put the value in quotes: {fixed}"),
            ),
            None => over_indented(line, before)?,
        });
    }
    if let Some((value, _)) = message.split_once(" is not a date: ") {
        let key = message.split_once(": `").map(|(key, _)| key);
        let value = value.rsplit(": ").next().unwrap_or(value);
        let message = match key {
            Some(key) if !key.contains('`') => format!("{value} is not a date (`{key}`)"),
            _ => format!("{value} is not a date"),
        };
        return Some((
            message,
            "write the day as YYYY-MM-DD (2026-11-23), with a time as `2026-11-23 09:30`, or in RFC 3339".into(),
        ));
    }
    None
}

/// `title: SMM: the role we need` → (`title`, `title: "SMM: the role we need"`).
fn quoted_rewrite(line: &str) -> Option<(String, String)> {
    let indent = &line[..line.len() - line.trim_start().len()];
    let rest = line.trim_start();
    let (lead, rest) = match rest.strip_prefix("- ") {
        Some(item) => ("- ", item),
        None => ("", rest),
    };
    let (key, value) = rest.split_once(": ")?;
    let value = value.trim();
    if key.is_empty() || key.contains(' ') || !value.contains(": ") {
        return None;
    }
    if value.starts_with(['"', '\'', '[', '{', '|', '>']) {
        return None;
    }
    let (value, comment) = match value.split_once(" #") {
        Some((value, comment)) => (value.trim_end(), format!(" #{comment}")),
        None => (value, String::new()),
    };
    let quoted = serde_json::to_string(value).ok()?;
    Some((
        key.to_string(),
        format!("{indent}{lead}{key}: {quoted}{comment}"),
    ))
}

/// A key indented under a key that already has a value (`description: x` then
/// `  tags: [a]`).
fn over_indented(line: &str, before: &[&str]) -> Option<(String, String)> {
    let indent = line.len() - line.trim_start().len();
    let above = before.iter().rev().find(|l| !l.trim().is_empty())?;
    let above_indent = above.len() - above.trim_start().len();
    let (above_key, above_value) = above.trim_start().split_once(':')?;
    if indent <= above_indent || above_value.trim().is_empty() {
        return None;
    }
    Some((
        format!("this line is indented under `{above_key}`, which already has a value"),
        format!("indent it like `{above_key}` ({above_indent} spaces) to make it a key of its own"),
    ))
}

/// A list item indented differently from the items before it.
fn list_item(indent: usize, before: &[&str]) -> (String, String) {
    let first = before
        .iter()
        .rev()
        .take_while(|l| l.trim().is_empty() || l.starts_with([' ', '-']))
        .filter(|l| l.trim_start().starts_with("- "))
        .last()
        .map(|l| l.len() - l.trim_start().len());
    let help = match first {
        Some(n) if n != indent => format!(
            "indent every `- ` item of a list alike: the items above are indented {n} spaces, this one {indent}"
        ),
        _ => "indent every `- ` item of a list alike, under its key".to_string(),
    };
    ("a list item at the wrong indent".to_string(), help)
}

/// The lines of `text` before the 0-based line `index`.
fn previous_lines(text: &str, index: usize) -> Vec<&str> {
    text.lines().take(index).collect()
}

/// The message without " at line L column C" when that is the diagnostic's own place
/// (libyaml's `while scanning … at line 2 column 16` names another place and stays).
fn without_own_place(message: &str, line: Option<usize>, column: Option<usize>) -> String {
    let (Some(line), Some(column)) = (line, column) else {
        return message.to_string();
    };
    message.replace(&format!(" at line {line} column {column}"), "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(text: &str, line: usize, column: usize, message: &str) -> Diagnostic {
        let d = Diagnostic::error("a.md", message).at(line, column);
        explain(
            d,
            Fragment {
                text,
                first_line: 2,
            },
        )
    }

    #[test]
    fn a_colon_in_a_value_gets_the_line_quoted() {
        let text = "kind: job\ntitle: SMM: the role we need   # for spring\n";
        let d = explained(
            text,
            3,
            11,
            "mapping values are not allowed in this context",
        );
        assert!(d.message.contains("`title` contains `: `"), "{}", d.message);
        assert_eq!(
            d.help.as_deref(),
            Some("put the value in quotes: title: \"SMM: the role we need\" # for spring")
        );
        let item = "list:\n  - name: Reach: total\n";
        let d = explained(
            item,
            3,
            13,
            "mapping values are not allowed in this context",
        );
        assert_eq!(
            d.help.as_deref(),
            Some("put the value in quotes:   - name: \"Reach: total\"")
        );
    }

    #[test]
    fn a_tab_in_an_indent_is_named_once() {
        let message = "found character that cannot start any token at line 4 column 1, while scanning for the next token";
        let d = explained("title: T\ntags:\n\t- a\n", 4, 1, message);
        assert_eq!(d.message, "a tab in the indent");
        assert!(d.help.unwrap().contains("spaces"));
    }

    #[test]
    fn a_list_item_out_of_line_and_an_over_indented_key() {
        let text = "title: T\nitems:\n  - a\n - b\n";
        let message = "did not find expected key at line 5 column 2, while parsing a block mapping";
        let d = explained(text, 5, 2, message);
        assert_eq!(d.message, "a list item at the wrong indent");
        assert!(d.help.unwrap().contains("indented 2 spaces, this one 1"));
        let text = "title: T\ndescription: x\n  tags: [a]\n";
        let d = explained(text, 4, 7, "mapping values are not allowed in this context");
        assert!(d.message.contains("under `description`"), "{}", d.message);
    }

    #[test]
    fn a_date_that_is_not_one_gets_the_format() {
        let message =
            "date: `next week` is not a date: expected YYYY-MM-DD, `YYYY-MM-DD HH:MM` or RFC 3339";
        let d = explained("date: next week\n", 2, 7, message);
        assert_eq!(d.message, "`next week` is not a date (`date`)");
        assert!(d.help.unwrap().contains("2026-11-23"));
    }

    #[test]
    fn other_places_in_a_message_stay() {
        let message = "found unexpected end of stream at line 4 column 1, while scanning a quoted scalar at line 3 column 16";
        let d = explained("title: x\nvalid_through: \"a\n", 4, 1, message);
        assert_eq!(
            d.message,
            "found unexpected end of stream, while scanning a quoted scalar at line 3 column 16"
        );
    }
}
