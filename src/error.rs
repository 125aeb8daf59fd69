//! Diagnostics shared by every stage: what went wrong, where, and how to print it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a diagnostic is. Errors fail the build; warnings only inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the site, with its place in a file where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file, relative to the site root when it lies inside it.
    pub file: PathBuf,
    /// 1-based line in `file`.
    pub line: Option<usize>,
    /// 1-based column (in characters) in `line`.
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
    /// What was expected or how to fix it, e.g. "did you mean `title`?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&Path, usize, usize, Severity) {
        (
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

/// All the diagnostics of one build, errors and warnings together.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub(crate) fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Sorted by file, then position, errors before warnings at one place.
    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Why a build or check did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site has problems; every one is listed, sorted by file.
    #[error("{} error(s) in the site", .0.iter().filter(|d| d.is_error()).count())]
    Site(Vec<Diagnostic>),
    /// The output directory could not be written or is not ours to write.
    #[error("{message}: {}", path.display())]
    Output {
        path: PathBuf,
        message: String,
        #[source]
        source: Option<std::io::Error>,
    },
    /// The search index of the site to write at `path` could not be made or staged.
    /// The message is the search error's, which shows its own cause.
    #[error("{source}: {}", path.display())]
    Search {
        path: PathBuf,
        #[source]
        source: crate::search::SearchError,
    },
}

impl Error {
    pub fn output(path: &Path, message: impl Into<String>, source: std::io::Error) -> Self {
        Error::Output {
            path: path.to_path_buf(),
            message: message.into(),
            source: Some(source),
        }
    }
}

/// Turns a byte offset in `text` into a 1-based (line, column in chars).
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Suggests the closest of `known` to a misspelt `word`, if any is close enough.
pub(crate) fn nearest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(word, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let text = "---\ntitle: Київ x\n";
        let offset = text.find('x').unwrap();
        assert_eq!(line_col(text, offset), (2, 13));
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let known = ["title", "valid_through", "description"];
        assert_eq!(nearest("valid_thruogh", known), Some("valid_through"));
        assert_eq!(nearest("titel", known), Some("title"));
        assert_eq!(nearest("zzz", known), None);
    }

    #[test]
    fn diagnostics_sort_by_file_then_line() {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error("b.md", "x").at(1, 1));
        d.push(Diagnostic::error("a.md", "y").at(9, 1));
        d.push(Diagnostic::error("a.md", "z").at(2, 1));
        let sorted: Vec<_> = d.into_sorted().into_iter().map(|d| d.message).collect();
        assert_eq!(sorted, ["z", "y", "x"]);
    }
}
