//! Checking a résumé: `resume:` is read (a mapping in the front matter, or the path
//! of a JSON file in the site's folder), validated against the JSON Resume schema
//! shipped with folio (`schema.json`), and the first failure in the document's order
//! is placed on its line and column — in the front matter, or in the JSON file.

use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use jsonschema::error::ValidationErrorKind;
use serde_json::Value;

use super::model::Document;
use super::{FrontMatter, Resume};
use crate::error::Diagnostic;
use crate::kinds::{CheckInput, Checked, Origin};
use crate::yaml::Fragment;

/// The JSON Resume schema, version 1.0.1 of the npm package `resume-schema` (MIT,
/// see `schema.LICENSE.md`). Draft 4, with local references only.
const SCHEMA: &str = include_str!("schema.json");

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the shipped schema is JSON");
    jsonschema::draft4::new(&schema).expect("the shipped schema compiles")
});

/// Where a résumé's document is written, to place its errors.
enum Place<'a> {
    /// Under `resume:` in the page's front matter.
    FrontMatter(Origin<'a>),
    /// A JSON file, by the path shown in errors, with its text.
    File(PathBuf, &'a str),
}

pub(super) fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Resume> {
    let origin = input.origin;
    let (json, file, text) = match fm.resume {
        Value::String(path) => match read(&path, input) {
            Ok((json, text)) => (json, Some(path), text),
            Err(d) => return (None, vec![d]),
        },
        Value::Object(_) => (fm.resume, None, String::new()),
        other => {
            let d = origin
                .error(&["resume"], format!("`resume` is {}", kind_of(&other)))
                .with_help("give the résumé as a mapping in the JSON Resume shape (`basics`, `work`, …) or the path of a JSON Resume file, e.g. `resume: data/resume.json`");
            return (None, vec![d]);
        }
    };
    let place = match &file {
        Some(path) => Place::File(PathBuf::from(path), &text),
        None => Place::FrontMatter(origin),
    };
    if let Some(d) = first_failure(&json, &place) {
        return (None, vec![d]);
    }
    match serde_json::from_value::<Document>(json.clone()) {
        Ok(doc) => (Some(Resume { json, doc }), Vec::new()),
        Err(e) => (None, vec![origin.error(&["resume"], e.to_string())]),
    }
}

/// The JSON Resume file at `path` (relative to the site's folder), parsed, with its
/// text for the positions of later errors.
fn read(path: &str, input: CheckInput<'_>) -> Result<(Value, String), Diagnostic> {
    let origin = input.origin;
    let relative = Path::new(path);
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if path.is_empty() || !inside {
        return Err(origin
            .error(&["resume"], format!("the résumé file `{path}` is not in the site's folder"))
            .with_help("name the JSON Resume file relative to the site's folder, e.g. `resume: data/resume.json`"));
    }
    let bytes = std::fs::read(input.root.join(relative)).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "does not exist".to_string(),
            _ => format!("cannot be read: {e}"),
        };
        origin
            .error(&["resume"], format!("the résumé file `{path}` {why}"))
            .with_help("the path is relative to the site's folder (where site.yaml is)")
    })?;
    let text = crate::content::source::decode(relative, bytes)?;
    let json = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        Diagnostic::error(relative, format!("not JSON: {message}"))
            .at(e.line().max(1), e.column().max(1))
            .with_help("a résumé file is a JSON Resume document (https://jsonresume.org/schema)")
    })?;
    Ok((json, text))
}

/// The schema's first complaint about `json`, in the document's order, placed.
fn first_failure(json: &Value, place: &Place<'_>) -> Option<Diagnostic> {
    VALIDATOR
        .iter_errors(json)
        .map(|e| {
            let path: Vec<String> = e.instance_path().iter().map(|s| s.to_string()).collect();
            // An unknown key is placed on its value, the other errors on theirs.
            let at = match e.kind() {
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    let key = unexpected.iter().take(1).cloned();
                    position(place, &path.iter().cloned().chain(key).collect::<Vec<_>>())
                }
                _ => position(place, &path),
            };
            (at, path, e)
        })
        .min_by_key(|(at, ..)| *at)
        .map(|(at, path, e)| {
            let shown = shown_path(place, &path);
            let (message, help) = describe(&e, &path, &shown);
            let file = match place {
                Place::FrontMatter(origin) => origin.file.to_path_buf(),
                Place::File(file, _) => file.clone(),
            };
            let d = Diagnostic::error(file, message).at(at.0, at.1);
            match help {
                Some(help) => d.with_help(help),
                None => d,
            }
        })
}

/// The line and column of the value at `path` (of the document's keys).
fn position(place: &Place<'_>, path: &[String]) -> (usize, usize) {
    let (fragment, path): (Fragment<'_>, Vec<&str>) = match place {
        Place::FrontMatter(origin) => (
            origin.fragment(),
            std::iter::once("resume")
                .chain(path.iter().map(String::as_str))
                .collect(),
        ),
        Place::File(_, text) => (
            Fragment {
                text,
                first_line: 1,
            },
            path.iter().map(String::as_str).collect(),
        ),
    };
    fragment
        .position(&path)
        .map_or((1, 1), |p| (p.line, p.column))
}

/// `resume.work[0].startDate` in front matter, `work[0].startDate` in a file.
fn shown_path(place: &Place<'_>, path: &[String]) -> String {
    let mut shown = match place {
        Place::FrontMatter(_) => "resume".to_string(),
        Place::File(..) => String::new(),
    };
    for segment in path {
        if segment.parse::<usize>().is_ok() {
            shown.push_str(&format!("[{segment}]"));
        } else {
            if !shown.is_empty() {
                shown.push('.');
            }
            shown.push_str(segment);
        }
    }
    if shown.is_empty() {
        shown.push_str("the document");
    }
    shown
}

/// The error's message and help, in a writer's words for the common mistakes.
fn describe(
    e: &jsonschema::ValidationError<'_>,
    path: &[String],
    shown: &str,
) -> (String, Option<String>) {
    let last = path.last().map(String::as_str).unwrap_or("");
    let is_date = last == "date" || last.ends_with("Date");
    match e.kind() {
        ValidationErrorKind::Pattern { .. } if is_date => (
            format!("`{shown}` is not a date: {}", e.instance()),
            Some("a JSON Resume date is YYYY, YYYY-MM or YYYY-MM-DD, e.g. \"2021-03\"".into()),
        ),
        ValidationErrorKind::Format { format } if is_date && format == "date" => (
            format!("`{shown}` is not a full date: {}", e.instance()),
            Some("this date is YYYY-MM-DD, e.g. \"2024-10-14\"".into()),
        ),
        ValidationErrorKind::Type { .. } if is_date && e.instance().is_number() => (
            format!("`{shown}` is a number, not a date: {}", e.instance()),
            Some(format!("quote the year: `{last}: \"{}\"`", e.instance())),
        ),
        ValidationErrorKind::AdditionalProperties { unexpected } => (
            format!(
                "`{shown}`: unknown key `{}` in a JSON Resume",
                unexpected.first().map(String::as_str).unwrap_or("")
            ),
            Some("the keys of a JSON Resume are listed at https://jsonresume.org/schema".into()),
        ),
        _ => (format!("`{shown}`: {e}"), None),
    }
}

/// What a value that is neither a mapping nor a path is, in words.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::Array(_) => "a list",
        _ => "not a mapping",
    }
}
