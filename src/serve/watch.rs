//! Live preview: what a changed path means for the site (a pure function, table-tested),
//! and the file watcher that reports changed paths in debounced batches.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

pub(crate) use crate::pipeline::incremental::Change;

/// Classifies a changed `path` of the site at `root`; `None` for paths that do not
/// matter (editor swap files, the output, anything outside the site's folders).
pub(crate) fn classify(root: &Path, theme: &str, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    let name = *parts.last()?;
    if is_noise(name) {
        return None;
    }
    match parts.as_slice() {
        ["site.yaml"] => Some(Change::Config),
        ["content", rest @ ..] if !rest.is_empty() => {
            let id = rest.join("/");
            if name.ends_with(".md") {
                Some(Change::Content(id))
            } else {
                Some(Change::ContentAsset(id))
            }
        }
        ["templates", rest @ ..] if !rest.is_empty() => Some(Change::Template),
        ["static", rest @ ..] if !rest.is_empty() => Some(static_change(rest)),
        ["data", _] => Some(Change::Data),
        ["themes", t, "templates", rest @ ..] if *t == theme && !rest.is_empty() => {
            Some(Change::Template)
        }
        ["themes", t, "static", rest @ ..] if *t == theme && !rest.is_empty() => {
            Some(static_change(rest))
        }
        _ => None,
    }
}

fn static_change(rest: &[&str]) -> Change {
    let output = rest.join("/");
    Change::Static {
        css: output.ends_with(".css"),
        output,
    }
}

/// Editors' swap, backup and lock files.
fn is_noise(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913" // vim's write test
}

/// Watches the site's folders and sends each debounced batch of changed paths.
pub(crate) struct Watcher {
    _debouncer: Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>,
}

impl Watcher {
    /// Watches `content/`, `templates/`, `static/`, `data/`, `themes/` and `site.yaml`.
    pub(crate) fn start(
        root: &Path,
        debounce: Duration,
        tx: Sender<Vec<PathBuf>>,
    ) -> std::io::Result<Watcher> {
        let mut debouncer = new_debouncer(
            debounce,
            Some(debounce / 2),
            move |result: DebounceEventResult| {
                if let Ok(events) = result {
                    let mut paths: Vec<PathBuf> = events
                        .into_iter()
                        .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                        .flat_map(|e| e.event.paths)
                        .collect();
                    paths.sort();
                    paths.dedup();
                    if !paths.is_empty() {
                        let _ = tx.send(paths);
                    }
                }
            },
        )
        .map_err(std::io::Error::other)?;
        for dir in ["content", "templates", "static", "data", "themes"] {
            let path = root.join(dir);
            if path.is_dir() {
                debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(std::io::Error::other)?;
            }
        }
        // The root itself, not recursively: site.yaml (editors replace it by rename).
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(std::io::Error::other)?;
        Ok(Watcher {
            _debouncer: debouncer,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let cases: [(&str, Option<Change>); 14] = [
            ("/site/site.yaml", Some(Change::Config)),
            (
                "/site/content/jobs/smm.md",
                Some(Change::Content("jobs/smm.md".into())),
            ),
            (
                "/site/content/jobs/smm.uk.md",
                Some(Change::Content("jobs/smm.uk.md".into())),
            ),
            (
                "/site/content/c/x/cover.png",
                Some(Change::ContentAsset("c/x/cover.png".into())),
            ),
            ("/site/templates/page.html", Some(Change::Template)),
            (
                "/site/themes/default/templates/base.html",
                Some(Change::Template),
            ),
            ("/site/themes/other/templates/base.html", None),
            (
                "/site/static/site.css",
                Some(Change::Static {
                    output: "site.css".into(),
                    css: true,
                }),
            ),
            (
                "/site/themes/default/static/img/a.png",
                Some(Change::Static {
                    output: "img/a.png".into(),
                    css: false,
                }),
            ),
            ("/site/data/team.yaml", Some(Change::Data)),
            ("/site/content/.smm.md.swp", None),
            ("/site/content/smm.md~", None),
            ("/site/public/index.html", None),
            ("/elsewhere/site.yaml", None),
        ];
        for (path, expected) in cases {
            assert_eq!(
                classify(root, "default", Path::new(path)),
                expected,
                "{path}"
            );
        }
    }
}
