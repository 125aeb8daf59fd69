//! Load stage: walking `content/` for Markdown files and the files beside them.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::Diagnostic;

/// What lies under `content/`, as paths relative to it with `/` separators.
#[derive(Debug, Default)]
pub(crate) struct Discovered {
    pub markdown: Vec<String>,
    /// Other files (images, PDFs …): copied beside the page or section they belong to.
    pub assets: Vec<String>,
    pub problems: Vec<Diagnostic>,
}

/// Walks `content_dir` (following symlinks, refusing loops). `display_root` is what
/// errors show paths relative to (the site root).
pub(crate) fn discover(content_dir: &Path, display_root: &Path) -> Discovered {
    let mut found = Discovered::default();
    if !content_dir.is_dir() {
        return found;
    }
    let site_root = std::fs::canonicalize(display_root).ok();
    let mut walker = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_string_lossy().as_ref()));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.problems.push(walk_error(&err, display_root));
                continue;
            }
        };
        if entry.path_is_symlink() && !points_inside(entry.path(), site_root.as_deref()) {
            found.problems.push(
                Diagnostic::warning(
                    display(entry.path(), display_root),
                    "this symlink points outside the site's folder; it is not published",
                )
                .with_help("copy the file into the site instead of linking to it"),
            );
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(content_dir) else {
            continue;
        };
        let Some(rel) = to_id(rel) else {
            found.problems.push(Diagnostic::error(
                display(entry.path(), display_root),
                "the file name is not valid UTF-8; rename the file",
            ));
            continue;
        };
        if rel.ends_with(".md") {
            found.markdown.push(rel);
        } else {
            found.assets.push(rel);
        }
    }
    found
}

/// Whether a symlink resolves to a place inside the site's folder `root`.
fn points_inside(link: &Path, root: Option<&Path>) -> bool {
    match (root, std::fs::canonicalize(link)) {
        (Some(root), Ok(target)) => target.starts_with(root),
        _ => false,
    }
}

/// Hidden files and editors' temporary files are not content.
fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.starts_with('#')
}

fn to_id(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn walk_error(err: &walkdir::Error, display_root: &Path) -> Diagnostic {
    let path = err
        .path()
        .map(|p| display(p, display_root))
        .unwrap_or_default();
    if let Some(ancestor) = err.loop_ancestor() {
        return Diagnostic::error(
            path,
            format!(
                "symlink loop: this link points back to its ancestor {}",
                display(ancestor, display_root).display()
            ),
        )
        .with_help("remove the link or point it outside the content folder's own ancestors");
    }
    let reason = err
        .io_error()
        .map_or_else(|| err.to_string(), ToString::to_string);
    Diagnostic::error(path, format!("cannot read: {reason}"))
}

/// `path` relative to `root` when it lies inside it.
pub(crate) fn display(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_hidden_and_temporary_files() {
        assert!(is_ignored(".DS_Store"));
        assert!(is_ignored("post.md~"));
        assert!(is_ignored(".post.md.swp"));
        assert!(!is_ignored("post.md"));
    }
}
