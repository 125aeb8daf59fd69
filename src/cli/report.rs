//! Printing diagnostics the way compilers do: file, line, column, the offending line
//! with a marker, and the help.

use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{Config, emit_into_string, emit_to_write_style};
use folio::{Diagnostic, Error, Severity};

/// Prints every diagnostic to stderr, in the order given (sorted by file).
pub fn print_diagnostics(root: &Path, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprint!("{}", render(root, d));
    }
}

/// The error and its causes, each once: a cause whose message the text already
/// holds (an error that shows its cause, as a search failure does) ends the chain.
pub fn print_error(err: &Error) {
    eprintln!("{}", error_text(err));
}

fn error_text(err: &Error) -> String {
    let mut text = format!("error: {err}");
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        let message = s.to_string();
        if text.contains(&message) {
            break;
        }
        text.push_str(&format!(": {message}"));
        source = s.source();
    }
    text
}

/// One diagnostic as text, with the source line when the file can be read.
pub fn render(root: &Path, d: &Diagnostic) -> String {
    let mut report = match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_message(&d.message);
    if let Some(help) = &d.help {
        report = report.with_notes(vec![help.clone()]);
    }
    let name = d.file.display().to_string();
    let source = d.line.and_then(|_| std::fs::read(root.join(&d.file)).ok());
    if let (Some(line), Some(bytes)) = (d.line, source) {
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        if let Some(range) = span(&text, line, d.column) {
            let file = SimpleFile::new(name.clone(), text.as_str());
            let report = report.with_labels(vec![Label::primary((), range)]);
            if let Some(out) = emit(&file, &report) {
                return out;
            }
        }
    }
    // No line to show: name the file (and line) in the header.
    let mut place = name;
    if let Some(line) = d.line {
        place.push_str(&format!(":{line}"));
    }
    let kind = match (d.severity, super::terminal::colored()) {
        (Severity::Error, false) => "error",
        (Severity::Warning, false) => "warning",
        // Bold bright red and yellow, as codespan-reporting colours its headers.
        (Severity::Error, true) => "\x1b[1m\x1b[38;5;9merror\x1b[0m",
        (Severity::Warning, true) => "\x1b[1m\x1b[38;5;11mwarning\x1b[0m",
    };
    let mut out = format!("{kind}: {}\n  ┌─ {place}\n", d.message);
    if let Some(help) = &d.help {
        out.push_str(&format!("  = {help}\n"));
    }
    out.push('\n');
    out
}

/// The report as text, coloured when the terminal wants colours.
fn emit(file: &SimpleFile<String, &str>, report: &Report<()>) -> Option<String> {
    if !super::terminal::colored() {
        return emit_into_string(&Config::default(), file, report).ok();
    }
    let mut buffer = Buffer::ansi();
    emit_to_write_style(&mut buffer, &Config::default(), file, report).ok()?;
    String::from_utf8(buffer.into_inner()).ok()
}

/// The byte range to underline: from the column to the end of its word, or the whole
/// line when there is no column.
fn span(text: &str, line: usize, column: Option<usize>) -> Option<std::ops::Range<usize>> {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let line_text = text.split_inclusive('\n').nth(line - 1).unwrap_or("");
    let line_text = line_text.trim_end_matches('\n');
    if start_of_line > text.len() {
        return None;
    }
    let Some(column) = column else {
        return Some(start_of_line..start_of_line + line_text.len());
    };
    let offset: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    let rest = &line_text[offset..];
    let word = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '}' | ']'))
        .filter(|n| *n > 0)
        .unwrap_or(rest.len());
    let start = start_of_line + offset;
    Some(start..start + word)
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::path::Path;

    use folio::SearchError;

    use super::*;

    #[test]
    fn an_error_prints_its_causes() {
        let err = Error::output(
            Path::new("out"),
            "cannot commit",
            io::Error::other("lock poisoned"),
        );
        assert_eq!(error_text(&err), "error: cannot commit: out: lock poisoned");
    }

    #[test]
    fn a_cause_the_message_shows_is_not_repeated() {
        let err = Error::Search {
            path: "out".into(),
            source: SearchError::LayOut {
                path: "a/index.html".into(),
                source: io::Error::other("disk full"),
            },
        };
        assert_eq!(
            error_text(&err),
            "error: search index: cannot lay out a/index.html: disk full: out"
        );
    }
}
