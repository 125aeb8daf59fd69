//! Model stage: the images the pages' kinds name, checked and resized by
//! `crate::images`; the thumbnails are kept in the site by (page, slot) and join its
//! assets, beside their source image.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Asset, Site};
use crate::content::front_matter::FIRST_LINE;
use crate::error::Diagnostic;
use crate::images::{Slot, Stats, Use, process};
use crate::yaml::Fragment;

/// Checks and resizes the images of every page, keeping the thumbnails in
/// `site.pictures` and adding them to `site.assets`. A missing, unreadable or broken
/// image is an error at its value in front matter.
pub(crate) fn attach(site: &mut Site, root: &Path) -> (Stats, Vec<Diagnostic>) {
    let uses: Vec<Use<'_>> = site.pages.values().flat_map(uses_of).collect();
    // A bundle file copied beside each language's page: its first copy (the default
    // language's) holds the thumbnails, which every language links to.
    let mut by_source: BTreeMap<&Path, &str> = BTreeMap::new();
    for asset in &site.assets {
        by_source
            .entry(asset.source.as_path())
            .or_insert(asset.dest.as_str());
    }
    let dest_of = |source: &Path| by_source.get(source).map(|d| d.to_string());
    let processed = process(root, &uses, &dest_of);
    let mut seen: std::collections::BTreeSet<String> =
        site.assets.iter().map(|a| a.dest.clone()).collect();
    let new: Vec<Asset> = processed
        .files
        .into_iter()
        .filter(|(_, dest)| seen.insert(dest.clone()))
        .map(|(source, dest)| Asset { source, dest })
        .collect();
    site.assets.extend(new);
    site.pictures = processed.pictures;
    site.svg_sizes = processed.svg_sizes;
    (processed.stats, processed.problems)
}

/// The problems of the images one page names that are not resized (a logo, an SVG
/// cover), for the live preview's quick path.
pub(crate) fn check_page(page: &super::Page, root: &Path) -> Vec<Diagnostic> {
    let uses: Vec<Use<'_>> = uses_of(page)
        .filter(|u| !u.slot.is_resized(u.name))
        .collect();
    process(root, &uses, &|_| None).problems
}

/// The images a page's kind names and its `figure` shortcodes show, each with where
/// to place its errors.
fn uses_of(page: &super::Page) -> impl Iterator<Item = Use<'_>> {
    let front_matter = Fragment {
        text: &page.front_matter,
        first_line: FIRST_LINE,
    };
    let shared = page.meta.image.as_ref().map(|i| (Slot::Shared, i.src()));
    let named = page
        .kind
        .images()
        .into_iter()
        .chain(shared)
        .map(move |(slot, name)| Use {
            page: &page.id,
            slot,
            name,
            file: &page.file,
            front_matter,
            in_body: None,
        });
    let figures = page.figures.iter().enumerate().map(move |(n, figure)| Use {
        page: &page.id,
        slot: Slot::Figure(n),
        name: &figure.src,
        file: &page.file,
        front_matter,
        in_body: Some((figure.line, figure.column)),
    });
    named.chain(figures)
}

/// Every image of a page by slot: those its kind names and its figures'.
fn slots_of(page: &super::Page) -> impl Iterator<Item = (Slot, &str)> {
    let figures = page
        .figures
        .iter()
        .enumerate()
        .map(|(n, figure)| (Slot::Figure(n), figure.src.as_str()));
    page.kind.images().into_iter().chain(figures)
}

/// Whether a page shows images folio resizes or measures (its edits in the live
/// preview take the full path, which processes images, writes their thumbnails and
/// reads the size of SVG images).
pub(crate) fn has_processed_images(page: &super::Page) -> bool {
    slots_of(page).any(|(slot, name)| slot.is_resized(name) || slot.is_measured(name))
}

/// The pages that show the bundle file `asset` (a content id, `work/a/reel.jpg`), for
/// the live preview to re-render after it changed.
pub(crate) fn pages_using(site: &Site, asset: &str) -> Vec<String> {
    site.pages
        .values()
        .filter(|page| {
            slots_of(page)
                .any(|(_, name)| crate::images::locate::names_asset(&page.id, name, asset))
                || page.meta.image.as_ref().is_some_and(|image| {
                    crate::images::locate::names_asset(&page.id, image.src(), asset)
                })
        })
        .map(|page| page.id.clone())
        .collect()
}
