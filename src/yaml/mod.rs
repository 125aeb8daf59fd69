//! Typed YAML parsing with errors placed in the enclosing file (parse stage helper).

use std::path::Path;

mod empty;
mod fields;
mod filtered;
mod hints;
mod positions;

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, DeserializeSeed};

pub(crate) use fields::of as fields_of;
pub(crate) use positions::Position;

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
/// An empty quoted string given for a key means the key is not given (see
/// [`empty`]).
pub(crate) fn parse<T: DeserializeOwned>(
    file: &Path,
    fragment: Fragment<'_>,
) -> Result<T, Diagnostic> {
    let text = empty::as_null(fragment.text);
    serde_yaml::from_str(&text).map_err(|err| to_diagnostic(file, fragment, &err))
}

/// Free-form data (a file of `data/`): [`parse`] with every value kept as written.
pub(crate) fn parse_data<T: DeserializeOwned>(
    file: &Path,
    fragment: Fragment<'_>,
) -> Result<T, Diagnostic> {
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
    hints::explain(diagnostic, fragment)
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

impl Fragment<'_> {
    /// Where the value at `path` (keys and list indices, see [`positions::locate`]) is
    /// in the file.
    pub fn position(&self, path: &[&str]) -> Option<Position> {
        positions::locate(self.text, self.first_line, path)
    }

    /// Where the key at the end of `path` is (for a key that should not be there).
    pub fn key_position(&self, path: &[&str]) -> Option<Position> {
        positions::locate_key(self.text, self.first_line, path)
    }

    /// The line of the value at `path`, for semantic errors found after parsing.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        self.key_position(&[key]).map(|p| p.line)
    }
}

/// Deserializes the top-level map of `fragment` into `T`, leaving out the keys for
/// which `skip` is true (they belong to another type: the common keys of a page when
/// `T` is the front matter of its kind). Errors are placed as by [`parse`].
pub(crate) fn parse_without<T: DeserializeOwned>(
    file: &Path,
    fragment: Fragment<'_>,
    skip: &dyn Fn(&str) -> bool,
) -> Result<T, Diagnostic> {
    let text = empty::as_null(fragment.text);
    let deserializer = serde_yaml::Deserializer::from_str(&text);
    filtered::Without::<T>::new(skip, None)
        .deserialize(deserializer)
        .map_err(|err| to_diagnostic(file, fragment, &err))
}

/// [`parse_without`], keeping the values of the keys left out, by key.
pub(crate) fn parse_split<T: DeserializeOwned>(
    file: &Path,
    fragment: Fragment<'_>,
    skip: &dyn Fn(&str) -> bool,
) -> Result<(T, BTreeMap<String, serde_yaml::Value>), Diagnostic> {
    let text = empty::as_null(fragment.text);
    let deserializer = serde_yaml::Deserializer::from_str(&text);
    let mut rest = BTreeMap::new();
    let value = filtered::Without::<T>::new(skip, Some(&mut rest))
        .deserialize(deserializer)
        .map_err(|err| to_diagnostic(file, fragment, &err))?;
    Ok((value, rest))
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
}
