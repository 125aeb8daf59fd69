//! Model stage: URL paths of pages and sections, and the checks that keep them inside the output.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::slugify::{SlugMode, is_safe_segment, slugify};

/// Characters left as they are in a path segment of a link; everything else,
/// letters of other scripts included, is percent-encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The URL path of a content folder: `"case studies/2026"` → `"/case-studies/2026/"`.
pub(crate) fn dir_path(dir: &str, mode: SlugMode) -> String {
    let mut path = String::from("/");
    for part in dir.split('/').filter(|p| !p.is_empty()) {
        let slug = slugify(part, mode);
        let slug = if slug.is_empty() {
            part.to_string()
        } else {
            slug
        };
        path.push_str(&slug);
        path.push('/');
    }
    path
}

/// Splits a content id into its folder and file name: `"a/b/c.md"` → `("a/b", "c.md")`.
pub(crate) fn split_id(id: &str) -> (&str, &str) {
    id.rsplit_once('/').unwrap_or(("", id))
}

/// Percent-encodes each segment of a URL path for use in `href` and the sitemap.
pub(crate) fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| utf8_percent_encode(seg, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The output file for a URL path: `"/a/b/"` → `"a/b/index.html"`.
pub(crate) fn output_file(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else {
        format!("{trimmed}/index.html")
    }
}

/// Why an alias or a slug is refused: it would not stay one path inside the output.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum PathError {
    /// An alias with a scheme (`https://…`).
    #[error("an alias is a path on this site, not a full URL")]
    AliasIsUrl,
    /// An alias of no segments (`/`).
    #[error("an alias cannot be the site root")]
    AliasIsRoot,
    /// A segment of an alias that is `..` or `.`, or holds `\`, `:` or NUL.
    #[error(
        "the segment `{segment}` could leave the output directory (no `..`, `.`, `\\`, `:` or NUL)"
    )]
    UnsafeSegment { segment: String },
    /// A slug that is not one safe path segment.
    #[error("the slug `{slug}` is not one safe path segment (no `/`, `\\`, `..`, `:` or NUL)")]
    UnsafeSlug { slug: String },
}

/// Checks an alias (`/old/url/`) and returns its URL path, or why it is refused.
pub(crate) fn alias_path(alias: &str) -> Result<String, PathError> {
    if alias.contains("://") {
        return Err(PathError::AliasIsUrl);
    }
    let segments: Vec<&str> = alias.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() {
        return Err(PathError::AliasIsRoot);
    }
    if let Some(bad) = segments.iter().find(|s| !is_safe_segment(s)) {
        return Err(PathError::UnsafeSegment {
            segment: bad.to_string(),
        });
    }
    Ok(format!("/{}/", segments.join("/")))
}

/// Checks a `slug:` value: one safe path segment.
pub(crate) fn check_slug(slug: &str) -> Result<(), PathError> {
    if is_safe_segment(slug) {
        Ok(())
    } else {
        Err(PathError::UnsafeSlug {
            slug: slug.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_paths_are_slugified() {
        assert_eq!(dir_path("", SlugMode::Unicode), "/");
        assert_eq!(
            dir_path("Case Studies/2026", SlugMode::Unicode),
            "/case-studies/2026/"
        );
    }

    #[test]
    fn links_are_percent_encoded() {
        assert_eq!(
            encode_path("/блог/a b/"),
            "/%D0%B1%D0%BB%D0%BE%D0%B3/a%20b/"
        );
    }

    #[test]
    fn aliases_cannot_escape() {
        assert_eq!(alias_path("/old/url").unwrap(), "/old/url/");
        for bad in [
            "../../etc",
            "/a/../../b",
            "https://evil.example/",
            "/",
            "a\\..\\b",
            "C:/x",
        ] {
            assert!(alias_path(bad).is_err(), "{bad}");
        }
        assert_eq!(
            alias_path("https://evil.example/"),
            Err(PathError::AliasIsUrl)
        );
        assert_eq!(alias_path("/"), Err(PathError::AliasIsRoot));
        let err = alias_path("/a/../b").unwrap_err();
        assert_eq!(
            err,
            PathError::UnsafeSegment {
                segment: "..".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "the segment `..` could leave the output directory (no `..`, `.`, `\\`, `:` or NUL)"
        );
    }

    #[test]
    fn slugs_are_one_safe_segment() {
        assert_eq!(check_slug("coffee"), Ok(()));
        let err = check_slug("a/b").unwrap_err();
        assert_eq!(err, PathError::UnsafeSlug { slug: "a/b".into() });
        assert_eq!(
            err.to_string(),
            "the slug `a/b` is not one safe path segment (no `/`, `\\`, `..`, `:` or NUL)"
        );
    }

    #[test]
    fn output_files() {
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(output_file("/a/b/"), "a/b/index.html");
    }
}
