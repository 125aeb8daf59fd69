//! The images pages name: each is found by [`locate`](super::locate::locate) (a missing
//! one is an error at its value in front matter), and the raster ones are resized in
//! parallel, through the cache. Results are returned by (page, slot); nothing here
//! knows of sites or kinds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::cache::Cache;
use super::locate::{Location, Slot, locate};
use super::resize::{ImageError, Thumbs, thumbnails};
use super::{Picture, Variant};
use crate::error::Diagnostic;
use crate::yaml::Fragment;

/// One image named in a page's front matter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Use<'a> {
    /// The page's content id (`work/coffee/index.md`).
    pub page: &'a str,
    pub slot: Slot,
    /// As written: `reel.jpg`, `/img/logo.svg`, a URL.
    pub name: &'a str,
    /// For errors: the page's file and its front matter.
    pub file: &'a Path,
    pub front_matter: Fragment<'a>,
    /// Where the image is named in the body (line, column), when not in front matter
    /// (a missing one is reported by what names it there).
    pub in_body: Option<(usize, usize)>,
}

impl Use<'_> {
    fn error(&self, message: String) -> Diagnostic {
        if let Some((line, column)) = self.in_body {
            return Diagnostic::error(self.file, message).at(line, column);
        }
        let path = self.slot.path();
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let d = Diagnostic::error(self.file, message);
        match self.front_matter.position(&path) {
            Some(at) => d.at(at.line, at.column),
            None => d.at_line(1),
        }
    }
}

/// What processing the images of a build did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stats {
    pub images: usize,
    /// Thumbnails made (the rest came from the cache).
    pub made: usize,
}

/// The outcome: thumbnails by (page, slot), the size of the vector images shown as
/// they are, the files to add to the output (cached thumbnail, output path), and the
/// problems found.
#[derive(Debug, Default)]
pub(crate) struct Processed {
    pub pictures: BTreeMap<(String, Slot), Picture>,
    /// The intrinsic size in pixels of the SVG images, by (page, slot).
    pub svg_sizes: BTreeMap<(String, Slot), (u32, u32)>,
    pub files: Vec<(PathBuf, String)>,
    pub stats: Stats,
    pub problems: Vec<Diagnostic>,
}

/// A resized image to make: which use, its source file and the output path of the
/// source (`work/coffee/reel.jpg`; the thumbnails go beside it).
struct Request<'a> {
    use_: &'a Use<'a>,
    source: PathBuf,
    dest: String,
}

/// Checks every image of `uses` and resizes the raster ones. `dest_of` gives the
/// output path of a file in a page bundle (copied there as an asset).
pub(crate) fn process(
    root: &Path,
    uses: &[Use<'_>],
    dest_of: &dyn Fn(&Path) -> Option<String>,
) -> Processed {
    let mut out = Processed::default();
    let mut requests = Vec::new();
    for u in uses {
        let source = match locate(root, u.page, u.name) {
            Location::Url => continue,
            Location::File(path) => path,
            // The shortcode that names it says so, at its place in the body.
            Location::Missing(_) if u.in_body.is_some() => continue,
            Location::Missing(help) => {
                out.problems.push(
                    u.error(format!("image `{}` not found", u.name))
                        .with_help(help),
                );
                continue;
            }
        };
        if !u.slot.is_resized(u.name) {
            if u.slot.is_measured(u.name)
                && let Some(size) = std::fs::read_to_string(&source)
                    .ok()
                    .and_then(|text| super::svg::size(&text))
            {
                out.svg_sizes.insert((u.page.to_string(), u.slot), size);
            }
            continue;
        }
        let dest = match u.name.strip_prefix('/') {
            Some(rooted) => Some(rooted.to_string()),
            None => dest_of(&source),
        };
        if let Some(dest) = dest {
            requests.push(Request {
                use_: u,
                source,
                dest,
            });
        }
    }
    let done = resize_all(root, &requests);
    for result in done.values().flatten() {
        out.stats.images += 1;
        out.stats.made += result.made;
    }
    let mut seen = std::collections::BTreeSet::new();
    for request in &requests {
        let thumbs = match done.get(&request.source) {
            Some(Ok(thumbs)) => thumbs,
            None => continue,
            Some(Err(why)) => {
                let name = request.use_.name;
                out.problems.push(
                    request
                        .use_
                        .error(format!("image `{name}` cannot be used: {why}"))
                        .with_help("save it again as a JPEG, PNG, WebP or GIF file"),
                );
                continue;
            }
        };
        let picture = picture(thumbs, &request.dest);
        for v in &picture.variants {
            if seen.insert(v.dest.clone()) {
                out.files.push((v.cached.clone(), v.dest.clone()));
            }
        }
        let key = (request.use_.page.to_string(), request.use_.slot);
        out.pictures.insert(key, picture);
    }
    out
}

/// Each source file once, in parallel.
fn resize_all<'r>(
    root: &Path,
    requests: &'r [Request<'_>],
) -> BTreeMap<&'r PathBuf, Result<Thumbs, ImageError>> {
    let cache = Cache::new(root);
    let mut sources: Vec<&PathBuf> = requests.iter().map(|r| &r.source).collect();
    sources.sort();
    sources.dedup();
    if !sources.is_empty() {
        crate::progress::stage("resizing images", sources.len());
    }
    sources
        .into_par_iter()
        .map(|source| {
            let result = std::fs::read(source)
                .map_err(|source| ImageError::Read { source })
                .and_then(|bytes| thumbnails(&bytes, &cache));
            crate::progress::step();
            (source, result)
        })
        .collect()
}

/// The thumbnails' output paths: `reel-640w.jpg` beside `reel.jpg`.
fn picture(thumbs: &Thumbs, dest: &str) -> Picture {
    let (dir, name) = match dest.rsplit_once('/') {
        Some((dir, name)) => (format!("{dir}/"), name),
        None => (String::new(), dest),
    };
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    Picture {
        width: thumbs.width,
        height: thumbs.height,
        fallback: thumbs.fallback,
        variants: thumbs
            .thumbs
            .iter()
            .map(|t| Variant {
                width: t.width,
                height: t.height,
                encoding: t.encoding,
                dest: format!("{dir}{stem}-{}w.{}", t.width, t.encoding.extension()),
                cached: t.cached.clone(),
            })
            .collect(),
    }
}
