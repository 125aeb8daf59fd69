//! Parse stage: splitting a content file into its YAML front matter and Markdown body.

use std::path::Path;

use crate::error::Diagnostic;
use crate::yaml::Fragment;

/// A content file cut in two; both halves know where they start in the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Split<'a> {
    pub front_matter: Fragment<'a>,
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts.
    pub body_first_line: usize,
}

/// The line of a content file on which its front matter starts (after the `---`).
pub(crate) const FIRST_LINE: usize = 2;

const EXAMPLE: &str = "start the file with front matter, e.g.\n---\ntitle: My page\n---";

/// Splits `text` at the `---` fences. The opening fence must be the first line.
pub(crate) fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(file, "the file is empty")
            .at(1, 1)
            .with_help(EXAMPLE));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if !is_fence(first) {
        return Err(Diagnostic::error(file, "the file has no front matter")
            .at(1, 1)
            .with_help(EXAMPLE));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if is_fence(line) {
            let body_start = offset + line.len();
            return Ok(Split {
                front_matter: Fragment {
                    text: &text[yaml_start..offset],
                    first_line: FIRST_LINE,
                },
                body: &text[body_start..],
                body_first_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(file, "the front matter opened on line 1 is never closed")
            .at(1, 1)
            .with_help("add a line `---` after the last key of the front matter"),
    )
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split(Path::new("a.md"), "---\ntitle: x\n---\nbody\n").unwrap();
        assert_eq!(s.front_matter.text, "title: x\n");
        assert_eq!(s.front_matter.first_line, 2);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_first_line, 4);
    }

    #[test]
    fn only_front_matter_is_fine() {
        let s = split(Path::new("a.md"), "---\ntitle: x\n---").unwrap();
        assert_eq!(s.body, "");
    }

    #[test]
    fn missing_fences_are_errors() {
        assert!(
            split(Path::new("a.md"), "")
                .unwrap_err()
                .message
                .contains("empty")
        );
        assert!(
            split(Path::new("a.md"), "# hi\n")
                .unwrap_err()
                .message
                .contains("no front matter")
        );
        let open = split(Path::new("a.md"), "---\ntitle: x\nbody\n").unwrap_err();
        assert!(open.message.contains("never closed"), "{}", open.message);
    }
}
