//! Shortcodes in Markdown, in Zola's syntax: `{{ name(arg=value) }}` inline and
//! `{% name(arg=value) %} … {% end %}` with a body, rendered by the template
//! `shortcodes/<name>.html` of the site's `templates/`, else of its theme, else of the
//! default theme (`youtube`, `vimeo`, `tiktok`, `instagram`, `linkedin`, `video`,
//! `figure`, `kpi`, `quote`).
//!
//! Shortcodes are the site's own templates, so their output is trusted even under
//! `safe_html`, while raw HTML in the Markdown stays sanitised: each shortcode is
//! replaced by a placeholder before the Markdown is rendered (`expand.rs`), and its
//! output takes the placeholder's place in the rendered, sanitised HTML.

pub(crate) mod args;
pub(crate) mod embeds;
mod expand;
pub(crate) mod figures;
pub(crate) mod scan;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;

use crate::error::Diagnostic;
use crate::images::Slot;
use crate::render::locale::Localizer;
use crate::render::picture::PictureView;
use crate::render::strings::Strings;
use crate::site::Site;
use args::Param;

pub(crate) use expand::placeholder_token;

/// The mark a facade's play button carries: a page with one loads the embed script.
pub(crate) const FACADE_MARK: &str = "data-embed-src";

/// The text of one shortcode template and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// Its name without `shortcodes/` and `.html`: `youtube`.
    pub name: String,
    pub text: String,
    pub origin: PathBuf,
}

/// A shortcode template: its declared arguments (`None`: any) or what is wrong
/// with the declaration.
struct Definition {
    params: Result<Option<Vec<Param>>, String>,
    origin: PathBuf,
}

/// The shortcodes of a site, ready to expand in any page of it.
pub(crate) struct Shortcodes {
    tera: Tera,
    definitions: BTreeMap<String, Definition>,
    /// Published content files by source path: their output paths.
    assets: HashMap<PathBuf, Vec<String>>,
    /// The thumbnails of figure images, by page id and `src` as written.
    pictures: HashMap<(String, String), PictureView>,
    root: PathBuf,
    base_path: String,
    /// A problem with the templates themselves, reported by every page that uses one.
    broken: Option<Diagnostic>,
}

/// Where a body is: its language, its URL path and its source file's folder.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub lang: &'a str,
    pub path: &'a str,
    /// The content id of the page or section (`notes/x.md`).
    pub id: &'a str,
}

impl Shortcodes {
    pub(crate) fn new(sources: &[Source], site: &Site, root: &Path) -> Shortcodes {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(crate::markdown::escape_html);
        let raw: Vec<(String, &str)> = sources
            .iter()
            .map(|s| (format!("{}.html", s.name), s.text.as_str()))
            .collect();
        let broken = tera.add_raw_templates(raw).err().map(|err| {
            Diagnostic::error(
                "templates/shortcodes",
                crate::render::templates::chain(&err),
            )
        });
        crate::render::strings::register(
            &mut tera,
            Arc::new(Strings::new(&site.config)),
            Localizer::default(),
        );
        // `_name.html` is a part the others include, not a shortcode.
        let definitions = sources
            .iter()
            .filter(|s| !s.name.starts_with('_'))
            .map(|s| {
                let definition = Definition {
                    params: args::declared(&s.text),
                    origin: s.origin.clone(),
                };
                (s.name.clone(), definition)
            })
            .collect();
        let mut assets: HashMap<PathBuf, Vec<String>> = HashMap::new();
        for asset in &site.assets {
            assets
                .entry(asset.source.clone())
                .or_default()
                .push(asset.dest.clone());
        }
        Shortcodes {
            tera,
            definitions,
            assets,
            pictures: figure_pictures(site),
            root: root.to_path_buf(),
            base_path: site.config.base_path().to_string(),
            broken,
        }
    }

    /// The URL and source of a file a shortcode names: `/x.jpg` in `static/`, else a
    /// file beside the body's source, published with the page; `None` when there is no
    /// such file.
    fn file_url(&self, scope: Scope<'_>, name: &str) -> Option<(String, PathBuf)> {
        let encoded = |path: &str| {
            format!(
                "{}/{}",
                self.base_path,
                crate::site::paths::encode_path(path.trim_start_matches('/'))
            )
        };
        if let Some(in_static) = name.strip_prefix('/') {
            let file = self.root.join("static").join(in_static);
            return file.is_file().then(|| (encoded(in_static), file));
        }
        let folder = Path::new(scope.id).parent().unwrap_or(Path::new(""));
        let source = self.root.join("content").join(folder).join(name);
        let dests = self.assets.get(&source)?;
        // The copy beside this language's page, else the first.
        let here = scope.path.trim_start_matches('/');
        let dest = dests
            .iter()
            .find(|d| d.starts_with(here))
            .unwrap_or(&dests[0]);
        Some((encoded(dest), source))
    }
}

/// The thumbnails of every page's figure images (slot `Slot::Figure(n)` is the page's
/// n-th figure), by page id and image name.
fn figure_pictures(site: &Site) -> HashMap<(String, String), PictureView> {
    let mut pictures = HashMap::new();
    for page in site.pages.values() {
        for (n, figure) in page.figures.iter().enumerate() {
            let key = (page.id.clone(), Slot::Figure(n));
            if let Some(picture) = site.pictures.get(&key) {
                let view = crate::render::picture::view(site, picture);
                pictures.insert((page.id.clone(), figure.src.clone()), view);
            }
        }
    }
    pictures
}

/// The size in pixels of an image file: an SVG's own size, else read from the header
/// of a JPEG, PNG, WebP or GIF.
fn image_size(path: &Path) -> Option<(u32, u32)> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
    {
        let text = std::fs::read_to_string(path).ok()?;
        return crate::images::svg::size(&text);
    }
    image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?
        .into_dimensions()
        .ok()
}

/// The shortcode templates among the site's templates (`shortcodes/<name>.html`).
pub(crate) fn sources<'a>(
    templates: impl Iterator<Item = (&'a String, &'a (String, PathBuf))>,
) -> Vec<Source> {
    templates
        .filter_map(|(name, (text, origin))| {
            let short = name.strip_prefix("shortcodes/")?.strip_suffix(".html")?;
            Some(Source {
                name: short.to_string(),
                text: text.clone(),
                origin: origin.clone(),
            })
        })
        .collect()
}
