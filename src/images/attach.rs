//! The images of a site's pages: each showcase item's `image` and each case study's
//! raster `cover`, resized (in parallel, through the cache) and handed to the page's
//! kind data; the thumbnails join the site's assets, beside the source image.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::cache::Cache;
use super::resize::{Thumbs, thumbnails};
use super::{Picture, Variant};
use crate::error::Diagnostic;
use crate::kinds::calendar::list_error;
use crate::kinds::{Kind, Origin};
use crate::site::{Asset, Site};

/// Which image of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Cover,
    Item(usize),
}

/// One image named in front matter, resolved to a file.
struct Request {
    page: String,
    slot: Slot,
    source: PathBuf,
    /// Output path of the source image (`work/coffee/reel.jpg`).
    dest: String,
}

/// What processing the images of a build did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub images: usize,
    /// Thumbnails made (the rest came from the cache).
    pub made: usize,
}

/// Resizes the images of every page, attaches the results to the pages' kinds and adds
/// the thumbnails to `site.assets`. A missing, unreadable or broken image is an error
/// on the line and column of its `image:` or `cover:` value.
pub fn attach(site: &mut Site, root: &Path) -> (Stats, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    let mut problems = Vec::new();
    let requests = requests(site, &content_dir, &mut problems);
    let cache = Cache::new(root);
    let mut sources: Vec<&PathBuf> = requests.iter().map(|r| &r.source).collect();
    sources.sort();
    sources.dedup();
    let done: BTreeMap<&PathBuf, Result<Thumbs, String>> = sources
        .into_par_iter()
        .map(|source| {
            let result = std::fs::read(source)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|bytes| thumbnails(&bytes, &cache));
            (source, result)
        })
        .collect();
    let mut stats = Stats::default();
    for result in done.values().flatten() {
        stats.images += 1;
        stats.made += result.made;
    }
    let mut seen: std::collections::BTreeSet<String> =
        site.assets.iter().map(|a| a.dest.clone()).collect();
    let mut new_assets = Vec::new();
    for request in &requests {
        let Some(page) = site.pages.get_mut(&request.page) else {
            continue;
        };
        let thumbs = match done.get(&request.source) {
            Some(Ok(thumbs)) => thumbs,
            None => continue,
            Some(Err(why)) => {
                let origin = Origin {
                    file: &page.file,
                    front_matter: &page.front_matter,
                };
                let name = image_name(page, request.slot);
                problems.push(
                    place(
                        origin,
                        request.slot,
                        format!("image `{name}` cannot be used: {why}"),
                    )
                    .with_help("save it again as a JPEG, PNG or WebP file"),
                );
                continue;
            }
        };
        let picture = picture(thumbs, &request.dest);
        for v in &picture.variants {
            if seen.insert(v.dest.clone()) {
                new_assets.push(Asset {
                    source: v.cached.clone(),
                    dest: v.dest.clone(),
                });
            }
        }
        match (&mut page.kind, request.slot) {
            (Kind::Showcase(s), Slot::Item(i)) => {
                if let Some(item) = s.items.get_mut(i) {
                    item.picture = Some(picture);
                }
            }
            (Kind::CaseStudy(c), Slot::Cover) => c.cover = Some(picture),
            _ => {}
        }
    }
    site.assets.extend(new_assets);
    (stats, problems)
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

fn image_name(page: &crate::site::Page, slot: Slot) -> String {
    match (&page.kind, slot) {
        (Kind::Showcase(s), Slot::Item(i)) => s.items.get(i).map(|i| i.image.clone()),
        _ => page.meta.cover.clone(),
    }
    .unwrap_or_default()
}

/// An error at the image's value in front matter.
fn place(origin: Origin<'_>, slot: Slot, message: String) -> Diagnostic {
    match slot {
        Slot::Item(i) => list_error(origin, "items", i, "image", message),
        Slot::Cover => {
            let line = origin.line(&["cover"]);
            let column = origin
                .front_matter
                .lines()
                .nth(line.saturating_sub(2))
                .and_then(|l| {
                    let value = l.strip_prefix("cover")?.trim_start().strip_prefix(':')?;
                    let at = l.len() - value.trim_start().len();
                    Some(l[..at].chars().count() + 1)
                })
                .unwrap_or(1);
            Diagnostic::error(origin.file, message).at(line, column)
        }
    }
}

/// Every raster image the pages name, resolved; names that lead nowhere are reported.
fn requests(site: &Site, content_dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<Request> {
    let by_source: BTreeMap<&Path, &str> = site
        .assets
        .iter()
        .map(|a| (a.source.as_path(), a.dest.as_str()))
        .collect();
    let mut requests = Vec::new();
    for page in site.pages.values() {
        let names: Vec<(Slot, &str)> = match &page.kind {
            Kind::Showcase(s) => s
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| (Slot::Item(i), item.image.as_str()))
                .collect(),
            Kind::CaseStudy(_) => match page.meta.cover.as_deref() {
                Some(c) if !c.contains("://") && !c.to_ascii_lowercase().ends_with(".svg") => {
                    vec![(Slot::Cover, c)]
                }
                _ => Vec::new(),
            },
            _ => continue,
        };
        let origin = Origin {
            file: &page.file,
            front_matter: &page.front_matter,
        };
        let (dir, file_name) = crate::site::paths::split_id(&page.id);
        let in_bundle = file_name.starts_with("index.");
        for (slot, name) in names {
            if name.contains("://") {
                continue; // reported by the kind's checks
            }
            let found = match name.strip_prefix('/') {
                Some(rooted) => {
                    let static_dir = content_dir.with_file_name("static");
                    crate::output::safe_join(&static_dir, rooted)
                        .ok()
                        .filter(|p| p.is_file())
                        .map(|p| (p, rooted.to_string()))
                }
                None if in_bundle => crate::output::safe_join(&content_dir.join(dir), name)
                    .ok()
                    .filter(|p| p.is_file())
                    .and_then(|p| {
                        let dest = by_source.get(p.as_path())?.to_string();
                        Some((p, dest))
                    }),
                None => None,
            };
            match found {
                Some((source, dest)) => requests.push(Request {
                    page: page.id.clone(),
                    slot,
                    source,
                    dest,
                }),
                None => {
                    let help = if in_bundle || name.starts_with('/') {
                        "put the image beside the page's index.md (a page bundle), or give a /path under static/"
                    } else {
                        "images need a page bundle: move this page to <name>/index.md and put the image beside it"
                    };
                    problems.push(
                        place(origin, slot, format!("image `{name}` not found")).with_help(help),
                    );
                }
            }
        }
    }
    requests
}

/// The pages that show the bundle file `asset` (a content id, `work/a/reel.jpg`) as a
/// showcase image or a cover, for the live preview to re-render after it changed.
pub fn pages_using(site: &Site, asset: &str) -> Vec<String> {
    site.pages
        .values()
        .filter(|page| {
            let names: Vec<&str> = match &page.kind {
                Kind::Showcase(s) => s.items.iter().map(|i| i.image.as_str()).collect(),
                Kind::CaseStudy(_) => page.meta.cover.as_deref().into_iter().collect(),
                _ => return false,
            };
            let (dir, _) = crate::site::paths::split_id(&page.id);
            names.iter().any(|name| {
                let name = name.trim_start_matches("./");
                match dir {
                    "" => name == asset,
                    dir => asset.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) == Some(name),
                }
            })
        })
        .map(|page| page.id.clone())
        .collect()
}
