//! Render stage: the theme's own stylesheets and scripts for production — the
//! built-in `style.css` and `print.css`, the highlighting stylesheet and every `.css`
//! and `.js` of the theme's `static/` folder — minified and published under names
//! that change with their content (`style.3f9a1c2b.css`), so that hosts can cache
//! them for a year. `get_url(path="style.css")` gives the new name. Each is also
//! written under its plain name, for templates that name it directly. A file of the
//! site's own `static/` with the same name wins and keeps its name, like every file
//! there.

use std::collections::BTreeMap;
use std::path::Path;

use super::templates::DEFAULT_STATIC;
use crate::error::Diagnostic;
use crate::output::minify;

/// One stylesheet or script of the theme, ready to write.
pub(crate) struct ThemeAsset {
    /// Its plain name (`style.css`), as templates ask for it.
    pub name: String,
    /// Its content-hashed name (`style.3f9a1c2b.css`).
    pub hashed: String,
    pub bytes: Vec<u8>,
    /// Where it came from, for messages.
    pub source: String,
}

/// The theme's stylesheets and scripts of one build.
#[derive(Default)]
pub(crate) struct ThemeAssets {
    pub files: Vec<ThemeAsset>,
}

/// Whether a file of the theme is one of its stylesheets or scripts.
pub(crate) fn is_theme_asset(name: &str) -> bool {
    name.ends_with(".css") || name.ends_with(".js")
}

impl ThemeAssets {
    /// Reads, minifies and names them. A file that cannot be minified is published as
    /// it is, with a warning.
    pub(crate) fn collect(
        root: &Path,
        theme: &str,
        highlight_css: String,
    ) -> (ThemeAssets, Vec<Diagnostic>) {
        let mut sources: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (name, text) in DEFAULT_STATIC.iter().filter(|(n, _)| is_theme_asset(n)) {
            let origin = format!("(built-in theme)/{name}");
            sources.insert(name.to_string(), (origin, text.to_string()));
        }
        let highlight = ("site.yaml (highlight)".to_string(), highlight_css);
        sources.insert("highlight.css".into(), highlight);
        let mut problems = Vec::new();
        let theme_static = root.join("themes").join(theme).join("static");
        for (name, path) in files_under(&theme_static) {
            let shown = crate::content::discover::display(&path, root);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    sources.insert(name, (shown.display().to_string(), text));
                }
                Err(e) => problems.push(Diagnostic::error(shown, format!("cannot read: {e}"))),
            }
        }
        sources.retain(|name, _| !root.join("static").join(name).is_file());
        let files = sources
            .into_iter()
            .map(|(name, (source, text))| {
                let (bytes, problem) = minified(&name, &source, text);
                problems.extend(problem);
                ThemeAsset {
                    hashed: hashed_name(&name, &bytes),
                    name,
                    bytes,
                    source,
                }
            })
            .collect();
        (ThemeAssets { files }, problems)
    }

    /// Plain name → published name, for `get_url`.
    pub(crate) fn names(&self) -> BTreeMap<String, String> {
        let pairs = self
            .files
            .iter()
            .map(|f| (f.name.clone(), f.hashed.clone()));
        pairs.collect()
    }

    /// Whether `name` is one of them (and so not copied as it is).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.files.iter().any(|f| f.name == name)
    }
}

/// A stylesheet or script minified, or as it is with a warning saying why not.
fn minified(name: &str, source: &str, text: String) -> (Vec<u8>, Option<Diagnostic>) {
    let done = match name.ends_with(".js") {
        true => minify::js(&text),
        false => minify::css(name, &text),
    };
    match done {
        Ok(small) => (small.into_bytes(), None),
        Err(why) => {
            let warning = Diagnostic::warning(
                source,
                format!("cannot be minified, published as it is: {why}"),
            );
            (text.into_bytes(), Some(warning))
        }
    }
}

/// `style.css` → `style.3f9a1c2b.css`: the first 8 hex digits of the BLAKE3 hash of
/// the content, before the extension.
pub(crate) fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let short = &hash.as_str()[..8];
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{short}.{ext}"),
        None => format!("{name}.{short}"),
    }
}

/// The stylesheets and scripts under `dir` (none when it is missing), by their path
/// relative to it with `/` separators.
fn files_under(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            is_theme_asset(&rel).then(|| (rel, e.path().to_path_buf()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_follow_the_content() {
        let a = hashed_name("style.css", b"body{color:red}");
        assert!(
            a.starts_with("style.") && a.ends_with(".css") && a.len() == 18,
            "{a}"
        );
        assert_eq!(a, hashed_name("style.css", b"body{color:red}"));
        assert_ne!(a, hashed_name("style.css", b"body{color:blue}"));
        let nested = hashed_name("js/app.js", b"x");
        assert!(nested.starts_with("js/app.") && nested.ends_with(".js"));
    }
}
