//! Model stage: turning parsed files into the site tree, with every placement checked.
//!
//! This file holds the whole pass ([`assemble`]), the in-place update of one edited
//! page ([`patch_page`]) and the pager count of sections; the steps live in
//! `sections` (sections, their languages, links and order), `place` (pages, their
//! language, slug and kind, and bundle files) and `claims` (URLs and aliases).

use std::collections::BTreeMap;
use std::path::Path;

use super::claims::Claims;
use super::place::{place_assets, place_page, place_pages};
use super::sections::{add_language_sections, link_sections, list_pages, place_sections};
use super::taxonomy::collect_taxonomies;
use super::{Page, Section, Site};
use crate::config::SiteConfig;
use chrono::NaiveDate;

use crate::content::parse::{Meta, ParsedFile};
use crate::error::Diagnostic;

/// Places parsed files into a [`Site`]. Drafts are left out unless `drafts` is set.
/// Problems are returned alongside a site that holds everything that could be placed.
pub(crate) fn assemble(
    config: SiteConfig,
    files: Vec<ParsedFile>,
    assets: Vec<String>,
    content_dir: &Path,
    drafts: bool,
    today: NaiveDate,
) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut claims = Claims::default();

    let (section_files, page_files): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| matches!(f.meta, Meta::Section(_)));

    // Sections first: pages need to know which folder has one.
    let mut sections = place_sections(section_files, &config, drafts, &mut claims, &mut problems);
    add_language_sections(
        &mut sections,
        &page_files,
        &config,
        &mut claims,
        &mut problems,
    );
    link_sections(&mut sections, &config);

    let (pages, bundles) = place_pages(
        page_files,
        &config,
        &sections,
        drafts,
        (today, content_dir.parent().unwrap_or(content_dir)),
        &mut claims,
        &mut problems,
    );
    list_pages(&mut sections, &pages, &mut claims, &mut problems);
    let translations = translations(&pages, &sections);

    let (taxonomies, found) = collect_taxonomies(&config, &pages);
    problems.extend(found);
    claims.claim_taxonomies(&taxonomies, &mut problems);
    if config.search {
        claims.reserve_search_pages(&config, &pages, &mut problems);
    }

    let assets = place_assets(assets, content_dir, &bundles, &config);
    let site = Site {
        config,
        today,
        pages,
        sections,
        taxonomies,
        assets,
        pictures: BTreeMap::new(),
        svg_sizes: BTreeMap::new(),
        translations,
    };
    (site, problems)
}

/// The content ids of the versions of each page or section that has more than one,
/// by translation key.
fn translations(
    pages: &BTreeMap<String, Page>,
    sections: &BTreeMap<String, Section>,
) -> BTreeMap<String, Vec<String>> {
    let mut translations: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for page in pages.values() {
        translations
            .entry(page.translation_key.clone())
            .or_default()
            .push(page.id.clone());
    }
    for section in sections.values() {
        translations
            .entry(section.translation_key.clone())
            .or_default()
            .push(section.id.clone());
    }
    translations.retain(|_, ids| ids.len() > 1);
    translations
}

/// Replaces one page in place when an edit leaves the site's structure as it was:
/// the same URL, section, language, kind, date, aliases and terms (the common edit:
/// body, title, description). Returns the page it replaced and the new page's
/// warnings, or `None` when the whole site must be assembled again.
pub(crate) fn patch_page(
    site: &mut Site,
    file: &ParsedFile,
    drafts: bool,
    root: &Path,
) -> Option<(Page, Vec<Diagnostic>)> {
    let old = site.pages.get(&file.id)?;
    let Meta::Page(meta) = &file.meta else {
        return None;
    };
    if meta.draft && !drafts {
        return None;
    }
    let mut problems = Vec::new();
    let page = place_page(
        file,
        &site.config,
        &site.sections,
        (site.today, root),
        &mut problems,
    )?;
    let same_terms = site
        .taxonomies
        .iter()
        .all(|t| page.meta.terms(&t.name) == old.meta.terms(&t.name));
    let same = page.path == old.path
        && page.section == old.section
        && page.lang == old.lang
        && page.kind.spec().name() == old.kind.spec().name()
        && page.date() == old.date()
        && page.meta.aliases == old.meta.aliases
        && page.meta.unlisted == old.meta.unlisted
        && same_terms
        && !problems.iter().any(Diagnostic::is_error);
    if !same {
        return None;
    }
    let reorder = page.meta.weight != old.meta.weight || page.meta.title != old.meta.title;
    let section = page.section.clone();
    let old = site.pages.insert(file.id.clone(), page)?;
    if reorder && let Some(s) = site.sections.get_mut(&section) {
        resort(s, &site.pages);
    }
    Some((old, problems))
}

/// Puts a section's pages in order again (after a page's title or weight changed).
pub(crate) fn resort(section: &mut Section, pages: &BTreeMap<String, Page>) {
    let by = section.meta.sort_by;
    super::sections::sort_pages(&mut section.pages, by, pages);
}

/// Number of listing pages of a section (1 when it is not paginated).
pub(crate) fn pager_count(section: &Section) -> usize {
    match section.meta.paginate_by {
        Some(n) if n > 0 => section.pages.len().div_ceil(n).max(1),
        _ => 1,
    }
}
