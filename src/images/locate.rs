//! Where an image named in front matter lives: the one rule for checking, resizing and
//! the live preview. A full URL is left alone; `/path` is under `static/`; any other
//! name is a file beside the page in its bundle.

use std::path::{Path, PathBuf};

/// Which image of a page, as its kind names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// A case study's `cover`.
    Cover,
    /// A job's `company.logo`.
    Logo,
    /// The image of item `n` of a showcase's `items`.
    Item(usize),
    /// A page's `image:`, shared as its social card.
    Shared,
    /// The image of the `n`-th `figure` shortcode of a page's body.
    Figure(usize),
}

impl Slot {
    /// The path of its value in front matter, for error positions.
    pub fn path(self) -> Vec<String> {
        match self {
            Slot::Cover => vec!["cover".into()],
            Slot::Logo => vec!["company".into(), "logo".into()],
            Slot::Item(i) => vec!["items".into(), i.to_string(), "image".into()],
            Slot::Shared => vec!["image".into()],
            // Named in the body, not in front matter: placed by its `Use`.
            Slot::Figure(_) => Vec::new(),
        }
    }

    /// Whether an image `name` in this slot is resized into thumbnails: showcase
    /// images always, covers unless vector, figures unless vector or animated (a GIF
    /// is shown as it is), logos never.
    pub fn is_resized(self, name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        match self {
            Slot::Item(_) => !is_url(name),
            Slot::Cover => !is_url(name) && !lower.ends_with(".svg"),
            Slot::Figure(_) => {
                !is_url(name) && !lower.ends_with(".svg") && !lower.ends_with(".gif")
            }
            Slot::Logo | Slot::Shared => false,
        }
    }
}

impl Slot {
    /// Whether an image `name` in this slot is an SVG file whose size folio reads to
    /// give its `<img>` a `width` and `height` (a logo has a fixed size; a figure's
    /// shortcode measures its own image).
    pub fn is_measured(self, name: &str) -> bool {
        !matches!(self, Slot::Logo | Slot::Shared | Slot::Figure(_))
            && !is_url(name)
            && name.to_ascii_lowercase().ends_with(".svg")
    }
}

/// Where an image is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    /// A full URL: not checked, not copied.
    Url,
    /// A file: under `static/` for a `/path`, else in the page's bundle.
    File(PathBuf),
    /// Nowhere to be found; the help says where it should be.
    Missing(&'static str),
}

pub(crate) fn is_url(name: &str) -> bool {
    name.contains("://")
}

/// Finds the image `name` given on the page with content id `page_id`
/// (`work/coffee/index.md`), in the site whose folder is `root`.
pub(crate) fn locate(root: &Path, page_id: &str, name: &str) -> Location {
    if is_url(name) {
        return Location::Url;
    }
    let (dir, file_name) = page_id.rsplit_once('/').unwrap_or(("", page_id));
    let in_bundle = file_name.starts_with("index.");
    let found = match name.strip_prefix('/') {
        Some(rooted) => crate::output::safe_join(&root.join("static"), rooted).ok(),
        None if in_bundle => crate::output::safe_join(&root.join("content").join(dir), name).ok(),
        None => None,
    };
    match found.filter(|p| p.is_file()) {
        Some(path) => Location::File(path),
        None if in_bundle || name.starts_with('/') => Location::Missing(
            "put the image beside the page's index.md (a page bundle), or give a /path under static/ or a full URL",
        ),
        None => Location::Missing(
            "images need a page bundle: move this page to <name>/index.md and put the image beside it",
        ),
    }
}

/// Whether the bundle file `asset` (a content id, `work/a/reel.jpg`) is the image
/// `name` given on the page `page_id`.
pub(crate) fn names_asset(page_id: &str, name: &str, asset: &str) -> bool {
    let (dir, _) = page_id.rsplit_once('/').unwrap_or(("", page_id));
    let name = name.trim_start_matches("./");
    match dir {
        "" => name == asset,
        dir => asset.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) == Some(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_every_image() {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        std::fs::create_dir_all(r.join("content/work/a")).unwrap();
        std::fs::create_dir_all(r.join("static/img")).unwrap();
        std::fs::write(r.join("content/work/a/reel.jpg"), b"x").unwrap();
        std::fs::write(r.join("static/img/logo.svg"), b"x").unwrap();
        assert_eq!(
            locate(r, "work/a/index.md", "reel.jpg"),
            Location::File(r.join("content/work/a/reel.jpg"))
        );
        assert_eq!(
            locate(r, "jobs/x.md", "/img/logo.svg"),
            Location::File(r.join("static/img/logo.svg"))
        );
        assert_eq!(locate(r, "jobs/x.md", "https://e.org/l.png"), Location::Url);
        assert!(
            matches!(locate(r, "jobs/x.md", "reel.jpg"), Location::Missing(h) if h.contains("bundle"))
        );
        assert!(matches!(
            locate(r, "work/a/index.md", "../../../etc/passwd"),
            Location::Missing(_)
        ));
        assert!(names_asset(
            "work/a/index.md",
            "./reel.jpg",
            "work/a/reel.jpg"
        ));
        assert!(!names_asset(
            "work/a/index.md",
            "reel.jpg",
            "work/b/reel.jpg"
        ));
    }
}
