//! Typed YAML parsing with errors placed in the enclosing file (parse stage helper).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Diagnostic, nearest};

/// Where a YAML fragment sits in its file, so errors point into the file itself.
#[derive(Debug, Clone, Copy)]
pub struct Fragment<'a> {
    pub text: &'a str,
    /// 1-based line of the file on which `text` starts.
    pub first_line: usize,
}

/// Deserializes `fragment` into `T`; any error names the line and column in the file,
/// and an unknown key comes with the nearest known key.
pub fn parse<T: DeserializeOwned>(file: &Path, fragment: Fragment<'_>) -> Result<T, Diagnostic> {
    serde_yaml::from_str(fragment.text).map_err(|err| to_diagnostic(file, fragment, &err))
}

fn to_diagnostic(file: &Path, fragment: Fragment<'_>, err: &serde_yaml::Error) -> Diagnostic {
    let raw = err.to_string();
    let own = err
        .location()
        .map(|l| format!(" at line {} column {}", l.line(), l.column()));
    let message = match own.as_deref().and_then(|own| raw.strip_suffix(own)) {
        Some(stripped) => stripped,
        None => &raw,
    };
    let message = shift_positions(message, fragment.first_line - 1);
    // The help names the nearest key (or all of them); serde's full list is noise.
    let short = match message.find("unknown field `") {
        Some(_) => message.split(", expected").next().unwrap_or(&message),
        None => &message,
    };
    let mut diagnostic = Diagnostic::error(file, describe(short));
    if let Some(loc) = err.location() {
        diagnostic = diagnostic.at(loc.line() + fragment.first_line - 1, loc.column());
    } else {
        diagnostic = diagnostic.at_line(fragment.first_line);
    }
    if let Some(help) = unknown_field_help(&message) {
        diagnostic = diagnostic.with_help(help);
    }
    diagnostic
}

/// libyaml mentions other places ("while scanning a quoted scalar at line 2 column 16")
/// counted in the fragment: count them in the file instead.
fn shift_positions(message: &str, lines_before: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("at line ") {
        let (head, tail) = rest.split_at(i + "at line ".len());
        out.push_str(head);
        let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match tail[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + lines_before).to_string()),
            Err(_) => out.push_str(&tail[..digits]),
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// Rewords serde's terse messages where a writer would not understand them.
fn describe(message: &str) -> String {
    if message.contains("invalid type: unit value") {
        return message.replace("invalid type: unit value", "empty value");
    }
    if message.contains("recursion limit exceeded") {
        return message.replace(
            "recursion limit exceeded",
            "the front matter nests too deep (lists and maps go about 60 levels deep at most)",
        );
    }
    message.to_string()
}

/// "unknown field `titel`, expected one of `title`, `date`" → "did you mean `title`?".
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|k| !k.is_empty())
        .collect();
    match nearest(field, known.iter().copied()) {
        Some(suggestion) => Some(format!("did you mean `{suggestion}`?")),
        None if !known.is_empty() => Some(format!(
            "known keys: {}; free-form data goes under `extra`",
            known.join(", ")
        )),
        None => None,
    }
}

/// Finds the 1-based line of a top-level key in a YAML fragment (for semantic errors
/// that arise after parsing, such as a slug that tries `..`).
pub fn key_line(fragment: Fragment<'_>, key: &str) -> Option<usize> {
    fragment.text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        rest.trim_start()
            .starts_with(':')
            .then_some(i + fragment.first_line)
    })
}

/// Finds the line of a nested key (`["salary", "min"]`) in block-style YAML: the first
/// key of that name indented under its parent. Falls back to the nearest found ancestor.
pub fn key_path_line(fragment: Fragment<'_>, path: &[&str]) -> Option<usize> {
    let lines: Vec<&str> = fragment.text.lines().collect();
    let mut from = 0;
    let mut min_indent = 0;
    let mut found = None;
    for (depth, key) in path.iter().enumerate() {
        let hit = (from..lines.len())
            .take_while(|&i| {
                depth == 0 || indent(lines[i]) >= min_indent || lines[i].trim().is_empty()
            })
            .find(|&i| {
                let line = lines[i];
                let body = line.trim_start().trim_start_matches("- ");
                (depth > 0 || indent(line) == 0)
                    && body
                        .strip_prefix(key)
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
            });
        match hit {
            Some(i) => {
                found = Some(i + fragment.first_line);
                min_indent = indent(lines[i]) + 1;
                from = i + 1;
            }
            None => break,
        }
    }
    found
}

/// Where the value of `key` in the `index`-th item of the top-level list `list` is:
/// `(line, column)` in the file (1-based; the column in characters), for errors about
/// one entry of a list such as `entries:` or `items:`. Falls back to the item's first
/// line, then to the list's key.
pub fn item_key_position(
    fragment: Fragment<'_>,
    list: &str,
    index: usize,
    key: &str,
) -> Option<(usize, usize)> {
    let lines: Vec<&str> = fragment.text.lines().collect();
    let start = lines.iter().position(|l| {
        indent(l) == 0
            && l.strip_prefix(list)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })?;
    let at = |i: usize| i + fragment.first_line;
    let mut item_indent = None;
    let mut item = None::<usize>;
    let mut item_line = None;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let ind = indent(line);
        let is_dash = body == "-" || body.starts_with("- ");
        if ind == 0 && !is_dash {
            break;
        }
        if is_dash && item_indent.is_none_or(|d| d == ind) {
            item_indent = Some(ind);
            item = Some(item.map_or(0, |n| n + 1));
            if item == Some(index) {
                item_line = Some(at(i));
            } else if item > Some(index) {
                break;
            }
        }
        if item != Some(index) {
            continue;
        }
        let Some(base) = item_indent else { continue };
        // The item's own keys sit two columns in from its dash.
        let (key_indent, rest) = match body.strip_prefix("- ") {
            Some(rest) if ind == base => (ind + 2 + indent(rest), rest.trim_start()),
            _ => (ind, body),
        };
        if key_indent != base + 2 {
            continue;
        }
        if let Some(value) = rest
            .strip_prefix(key)
            .and_then(|r| r.trim_start().strip_prefix(':'))
        {
            let before = line.len() - value.trim_start().len();
            let column = line[..before].chars().count() + 1;
            return Some((at(i), column));
        }
    }
    item_line.map(|l| (l, 1)).or(Some((at(start), 1)))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The keys of the top-level mapping, in order (block style).
pub fn top_level_keys(fragment: Fragment<'_>) -> Vec<&str> {
    fragment
        .text
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, _)| k.trim().trim_matches(['"', '\'']))
        })
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        valid_through: Option<String>,
    }

    fn frag(text: &str) -> Fragment<'_> {
        Fragment {
            text,
            first_line: 2,
        }
    }

    #[test]
    fn unknown_key_points_at_file_line_and_suggests() {
        let err =
            parse::<Doc>(Path::new("a.md"), frag("title: x\nvalid_thruogh: y\n")).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(err.column, Some(1));
        assert!(
            err.message.contains("unknown field `valid_thruogh`"),
            "{}",
            err.message
        );
        assert_eq!(err.help.as_deref(), Some("did you mean `valid_through`?"));
    }

    #[test]
    fn syntax_error_is_shifted_into_the_file() {
        let err = parse::<Doc>(
            Path::new("a.md"),
            frag("title: x\nvalid_through: \"unterminated\n"),
        )
        .unwrap_err();
        // libyaml stops at the end of the fragment and names where the quote opened.
        assert_eq!(err.line, Some(4), "{err}");
        assert!(
            err.message.contains("quoted scalar at line 3 column 16"),
            "{}",
            err.message
        );
    }

    #[test]
    fn key_path_line_finds_nested_keys() {
        let f = frag(
            "title: x\nmin: 0\nsalary:\n  currency: EUR\n  min: 5\nkpis:\n  - name: a\n    target: 1\n",
        );
        assert_eq!(key_path_line(f, &["salary", "min"]), Some(6));
        assert_eq!(key_path_line(f, &["salary"]), Some(4));
        assert_eq!(key_path_line(f, &["salary", "nope"]), Some(4));
        assert_eq!(key_path_line(f, &["kpis", "target"]), Some(9));
        assert_eq!(top_level_keys(f), ["title", "min", "salary", "kpis"]);
    }

    #[test]
    fn item_key_position_finds_keys_of_list_items() {
        let f = frag(
            "title: x\nentries:\n  - date: 2026-11-02\n    format: reel\n  - date: 2026-11-03\n    format: bogus # no\n  -\n    date: 2026-11-04\nnext: 1\n",
        );
        assert_eq!(item_key_position(f, "entries", 0, "format"), Some((5, 13)));
        assert_eq!(item_key_position(f, "entries", 1, "date"), Some((6, 11)));
        assert_eq!(item_key_position(f, "entries", 1, "format"), Some((7, 13)));
        assert_eq!(item_key_position(f, "entries", 2, "date"), Some((9, 11)));
        // A missing key: the item's first line.
        assert_eq!(item_key_position(f, "entries", 1, "time"), Some((6, 1)));
        // Items at the indentation of the list's key.
        let f = frag("items:\n- image: a.png\n- image: b.png\n");
        assert_eq!(item_key_position(f, "items", 1, "image"), Some((4, 10)));
    }

    #[test]
    fn key_line_finds_top_level_keys() {
        let f = frag("title: x\n  slug: nested\nslug : ../x\n");
        assert_eq!(key_line(f, "slug"), Some(4));
        assert_eq!(key_line(f, "missing"), None);
    }
}
