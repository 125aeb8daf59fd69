//! Render stage helper: the images a Markdown body places (`![alt](chart.png)` in a
//! page bundle, `![alt](/img/team.jpg)` under `static/`) get the `width` and `height`
//! of their file, so the page does not jump while they load. A full URL, a file that
//! is not there or cannot be measured, and an `<img>` that already has a width are
//! left as they are (a missing image is the internal-links check's business).
//!
//! Done on the HTML after the Markdown (and its cache): a replaced image gets its new
//! size on the next render, without the cache having to know about files.

use std::path::Path;

use crate::images::locate::{Location, is_url, locate};

/// `html` with every local `<img>` that has no `width` given its file's size; `id` is
/// the content id of the page or section whose body it is, in the site at `root`.
pub(crate) fn with_sizes(html: String, root: &Path, id: &str) -> String {
    if !html.contains("<img") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<img") {
        let Some(len) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + len];
        out.push_str(&rest[..at + 4]);
        if let Some((w, h)) = size_for(tag, root, id) {
            out.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
        }
        rest = &rest[at + 4..];
    }
    out.push_str(rest);
    out
}

/// The size to give the image of one `<img …` tag (its `>` excluded), if it needs one.
fn size_for(tag: &str, root: &Path, id: &str) -> Option<(u32, u32)> {
    if attribute(tag, "width").is_some() || attribute(tag, "height").is_some() {
        return None;
    }
    let src = attribute(tag, "src")?;
    let src = src.split(['?', '#']).next().unwrap_or_default();
    if src.is_empty() || is_url(src) || src.starts_with("//") || src.starts_with("data:") {
        return None;
    }
    let name = percent_encoding::percent_decode_str(src)
        .decode_utf8()
        .ok()?
        .replace("&amp;", "&");
    let Location::File(path) = locate(root, id, name.trim_start_matches("./")) else {
        return None;
    };
    measure(&path)
}

/// The pixel size of an image file: read from an SVG's own `width`/`height` or
/// `viewBox`, from a raster image's header otherwise.
fn measure(path: &Path) -> Option<(u32, u32)> {
    let svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if svg {
        let text = std::fs::read_to_string(path).ok()?;
        return crate::images::svg::size(&text);
    }
    image::image_dimensions(path).ok()
}

/// The value of attribute `name` in a tag as the Markdown renderer and the sanitiser
/// write it (`name="value"`).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let before = tag[..at].chars().next_back();
        let value = tag[at + name.len()..].strip_prefix("=\"");
        if before.is_some_and(char::is_whitespace)
            && let Some(value) = value
        {
            return value.split('"').next();
        }
        from = at + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        std::fs::create_dir_all(r.join("content/work/a")).unwrap();
        std::fs::create_dir_all(r.join("static/img")).unwrap();
        let png = image::RgbImage::new(30, 20);
        png.save(r.join("content/work/a/chart.png")).unwrap();
        std::fs::write(
            r.join("static/img/logo.svg"),
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>"#,
        )
        .unwrap();
        root
    }

    #[test]
    fn local_images_get_the_size_of_their_file() {
        let root = site();
        let html = concat!(
            r#"<p><img src="chart.png" alt="A chart" /> and "#,
            r#"<img src="/img/logo.svg" alt="Logo" /></p>"#
        );
        let sized = with_sizes(html.to_string(), root.path(), "work/a/index.md");
        assert_eq!(
            sized,
            concat!(
                r#"<p><img width="30" height="20" src="chart.png" alt="A chart" /> and "#,
                r#"<img width="120" height="40" src="/img/logo.svg" alt="Logo" /></p>"#
            )
        );
    }

    #[test]
    fn urls_missing_files_and_given_sizes_are_left_alone() {
        let root = site();
        let html = concat!(
            r#"<img src="https://example.com/a.png" alt="" />"#,
            r#"<img src="gone.png" alt="" />"#,
            r#"<img src="chart.png" width="10" alt="" />"#,
            r#"<img src="chart.png" alt="" data-width="3" />"#,
        );
        let sized = with_sizes(html.to_string(), root.path(), "work/a/index.md");
        assert_eq!(
            sized,
            concat!(
                r#"<img src="https://example.com/a.png" alt="" />"#,
                r#"<img src="gone.png" alt="" />"#,
                r#"<img src="chart.png" width="10" alt="" />"#,
                r#"<img width="30" height="20" src="chart.png" alt="" data-width="3" />"#,
            )
        );
        // Outside a bundle a relative image is nowhere: nothing to measure.
        let plain = with_sizes(
            r#"<img src="chart.png" alt="" />"#.into(),
            root.path(),
            "work/a.md",
        );
        assert_eq!(plain, r#"<img src="chart.png" alt="" />"#);
    }
}
