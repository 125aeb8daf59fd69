//! Parse stage: one content file's bytes to typed front matter and a Markdown body.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::front_matter::{FIRST_LINE, split};
use super::meta::{PageMeta, SectionMeta, common_keys};
use super::source::decode;
use crate::error::Diagnostic;
use crate::shortcodes::figures::{FigureImage, figure_images};
use crate::yaml;

/// Front matter of either shape.
#[derive(Debug, Clone)]
pub enum Meta {
    Page(Arc<PageMeta>),
    Section(Arc<SectionMeta>),
}

/// A content file, read and parsed but not yet placed in the site.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// Path under `content/` with `/` separators: `"jobs/smm.md"`.
    pub id: String,
    /// Path shown in errors: `"content/jobs/smm.md"`.
    pub file: PathBuf,
    pub meta: Meta,
    /// The YAML text, kept to find the line of a key for later errors.
    pub front_matter: Arc<str>,
    pub body: Arc<str>,
    pub body_first_line: usize,
    /// The images a page's `figure` shortcodes show, found before its body is dropped.
    pub figures: Arc<[FigureImage]>,
}

impl ParsedFile {
    /// The 1-based line of a top-level front matter key, or the first line of the file.
    pub fn key_line(&self, key: &str) -> usize {
        let fragment = yaml::Fragment {
            text: &self.front_matter,
            first_line: FIRST_LINE,
        };
        fragment.key_line(key).unwrap_or(1)
    }
}

/// Decodes and parses one file. `_index.md` files are sections, the rest pages, whose
/// keys named in `taxonomies` are read as lists of terms.
pub fn parse_file(
    id: &str,
    file: PathBuf,
    bytes: Vec<u8>,
    taxonomies: &[String],
) -> Result<ParsedFile, Diagnostic> {
    let text = decode(&file, bytes)?;
    let parts = split(&file, &text)?;
    if parts.front_matter.text.trim().is_empty() {
        return Err(
            Diagnostic::error(&file, "the front matter is empty: `title` is required")
                .at(2, 1)
                .with_help("add `title: …` between the `---` lines"),
        );
    }
    let name = id.rsplit('/').next().unwrap_or(id);
    // `_index.md`, or a translation such as `_index.uk.md`.
    let is_section = name.starts_with("_index.") && name.ends_with(".md");
    let meta = if is_section {
        Meta::Section(Arc::new(yaml::parse(&file, parts.front_matter)?))
    } else {
        let common = common_keys();
        let skip = |key: &str| !common.contains(&key);
        let (mut meta, rest) = yaml::parse_split::<PageMeta>(&file, parts.front_matter, &skip)
            .map_err(|d| misspelt_title(&file, parts.front_matter, d))?;
        meta.rest = rest;
        if let Some((key, message)) = meta.take_terms(taxonomies).into_iter().next() {
            let d = Diagnostic::error(&file, message);
            return Err(match parts.front_matter.position(&[&key]) {
                Some(at) => d.at(at.line, at.column),
                None => d,
            });
        }
        Meta::Page(Arc::new(meta))
    };
    let figures = match meta {
        Meta::Page(_) => figure_images(parts.body, parts.body_first_line).into(),
        Meta::Section(_) => Arc::from([]),
    };
    Ok(ParsedFile {
        id: id.to_string(),
        figures,
        front_matter: parts.front_matter.text.into(),
        body: parts.body.into(),
        body_first_line: parts.body_first_line,
        file,
        meta,
    })
}

/// "missing field `title`" when the title is there under a misspelt key (`titel:`):
/// the error names that key instead, with the fix.
fn misspelt_title(file: &Path, fragment: yaml::Fragment<'_>, error: Diagnostic) -> Diagnostic {
    #[derive(serde::Deserialize)]
    struct Nothing {}
    if !error.message.contains("missing field `title`") {
        return error;
    }
    let common = common_keys();
    let skip = |key: &str| !common.contains(&key);
    let Ok((Nothing {}, rest)) = yaml::parse_split::<Nothing>(file, fragment, &skip) else {
        return error;
    };
    let near = rest
        .keys()
        .find(|key| crate::error::nearest(key, common.iter().copied()) == Some("title"));
    let Some(key) = near else {
        return error;
    };
    let d = Diagnostic::error(file, format!("unknown field `{key}`"))
        .with_help("did you mean `title`?");
    match fragment.key_position(&[key]) {
        Some(at) => d.at(at.line, at.column),
        None => d,
    }
}

/// The Markdown body of a file parsed before (its front matter is not parsed again),
/// and the line it starts on.
pub(crate) fn body_of(file: &Path, bytes: Vec<u8>) -> Result<(String, usize), Diagnostic> {
    let text = decode(file, bytes)?;
    let parts = split(file, &text)?;
    Ok((parts.body.to_string(), parts.body_first_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ParsedFile, Diagnostic> {
        parse_file(
            "a.md",
            PathBuf::from("content/a.md"),
            text.as_bytes().to_vec(),
            &["tags".to_string()],
        )
    }

    #[test]
    fn page_with_everything() {
        let p = parse("---\ntitle: Hi\ndate: 2026-01-02\ntags: [a, b]\ntoc: true\n---\nbody\n")
            .unwrap();
        let Meta::Page(meta) = p.meta else {
            panic!("not a page")
        };
        assert_eq!(meta.title, "Hi");
        assert_eq!(meta.terms("tags"), ["a", "b"]);
        assert!(meta.toc);
        assert_eq!(&*p.body, "body\n");
    }

    #[test]
    fn a_misspelt_title_is_named_with_the_fix() {
        let err = parse("---\ndescription: x\ntitel: Hi\n---\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(1)), "{err}");
        assert!(err.message.contains("unknown field `titel`"), "{err}");
        assert_eq!(err.help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn missing_title_is_named() {
        let err = parse("---\ndescription: x\n---\n").unwrap_err();
        assert!(
            err.message.contains("missing field `title`"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn misspelt_title_is_named_rather_than_missing() {
        let err = parse("---\ndescription: x\ntitel: Hi\n---\n").unwrap_err();
        assert_eq!(err.message, "unknown field `titel`");
        assert_eq!(err.help.as_deref(), Some("did you mean `title`?"));
        assert_eq!((err.line, err.column), (Some(3), Some(1)));
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let err = parse("---\ntitle: x\ndraft: maybe\n---\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("draft"), "{}", err.message);
    }

    #[test]
    fn bad_date_explains_the_format() {
        let err = parse("---\ntitle: x\ndate: tomorrow\n---\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert_eq!(err.message, "`tomorrow` is not a date (`date`)");
        assert!(err.help.unwrap().contains("YYYY-MM-DD"));
    }

    #[test]
    fn empty_front_matter_asks_for_title() {
        let err = parse("---\n---\nbody").unwrap_err();
        assert!(err.message.contains("title"), "{}", err.message);
    }
}
