//! Render stage: files copied as they are — the theme's static files (built-in,
//! then the theme's folder, then the site's `static/`), the highlighting stylesheet
//! and the files of page bundles.

use std::path::Path;

use rayon::prelude::*;

use super::{Renderer, templates};
use crate::content::discover::display;
use crate::error::Diagnostic;
use crate::markdown::Highlighter;

impl Renderer<'_> {
    /// Theme static files (built-in, then the theme's folder, then the site's
    /// `static/`), the highlighting stylesheet and the files of page bundles.
    pub(crate) fn write_static(&self, root: &Path, highlighter: &Highlighter) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let hashed = |name: &str| self.assets.is_some_and(|a| a.has(name));
        for (name, text) in templates::DEFAULT_STATIC {
            if hashed(name) {
                continue;
            }
            problems.extend(
                self.write(name, text.as_bytes(), Path::new("(built-in theme)"))
                    .err(),
            );
        }
        if !hashed("highlight.css") {
            let css = highlighter.stylesheet();
            problems.extend(
                self.write("highlight.css", css.as_bytes(), Path::new("site.yaml"))
                    .err(),
            );
        }
        for asset in self.assets.iter().flat_map(|a| &a.files) {
            for name in [&asset.hashed, &asset.name] {
                let source = Path::new(&asset.source);
                problems.extend(self.write(name, &asset.bytes, source).err());
            }
        }
        let theme_static = root
            .join("themes")
            .join(&self.site.config.theme)
            .join("static");
        self.copy_static_dir(root, &theme_static, &hashed, &mut problems);
        self.copy_static_dir(root, &root.join("static"), &|_| false, &mut problems);
        problems.extend(self.copy_assets(root));
        problems
    }

    /// Every file under `dir` (a missing folder has none) but those `skip` names, at
    /// the same place in the output; symlinks out of the site's folder are refused.
    fn copy_static_dir(
        &self,
        root: &Path,
        dir: &Path,
        skip: &dyn Fn(&str) -> bool,
        problems: &mut Vec<Diagnostic>,
    ) {
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(e) if e.file_type().is_file() => e,
                Ok(_) => continue,
                Err(err)
                    if err.io_error().map(|e| e.kind()) == Some(std::io::ErrorKind::NotFound) =>
                {
                    continue;
                }
                Err(err) => {
                    let path = err.path().map(|p| display(p, root)).unwrap_or_default();
                    problems.push(Diagnostic::error(
                        path,
                        format!("cannot copy static file: {err}"),
                    ));
                    continue;
                }
            };
            let Ok(rel) = entry.path().strip_prefix(dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if skip(&rel) {
                continue;
            }
            if !inside(root, entry.path()) {
                let shown = display(entry.path(), root);
                problems.push(
                    Diagnostic::warning(
                        shown,
                        "this symlink points outside the site's folder; it is not published",
                    )
                    .with_help("copy the file into static/ instead of linking to it"),
                );
                continue;
            }
            if let Err(e) = self.publish(&rel, entry.path()) {
                let shown = display(entry.path(), root);
                problems.push(Diagnostic::error(
                    shown,
                    format!("cannot copy static file: {e}"),
                ));
            }
        }
    }

    /// The files of page bundles and other content files, in parallel.
    fn copy_assets(&self, root: &Path) -> Vec<Diagnostic> {
        self.site
            .assets
            .par_iter()
            .filter_map(|asset| {
                self.publish(&asset.dest, &asset.source).err().map(|e| {
                    let shown = display(&asset.source, root);
                    Diagnostic::error(shown, format!("cannot copy: {e}"))
                })
            })
            .collect()
    }
}

impl Renderer<'_> {
    /// Copies a file to `dest`; a photo loses its EXIF and XMP metadata on the way
    /// unless `images.keep_metadata` is set.
    fn publish(&self, dest: &str, source: &Path) -> std::io::Result<()> {
        if self.site.config.images.keep_metadata || !crate::images::strip::is_photo(dest) {
            return self.out.copy(dest, source);
        }
        let bytes = std::fs::read(source)?;
        self.out.write(dest, &crate::images::strip::strip(&bytes))
    }
}

/// Whether `path`, symlinks resolved, lies inside the site's folder `root`.
fn inside(root: &Path, path: &Path) -> bool {
    match (std::fs::canonicalize(root), std::fs::canonicalize(path)) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}
