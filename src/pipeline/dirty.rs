//! Live preview: which outputs an edit touches, and which outputs it leaves stale.
//! Both compare the site before and after the edit; the equality of an incremental
//! rebuild with a full build is tested in `tests/suite/serve.rs`.

use std::collections::{BTreeMap, BTreeSet};

use crate::kinds::data_of;
use crate::kinds::job::Job;
use crate::markdown::Rendered;
use crate::render::Selection;
use crate::site::assemble::pager_count;
use crate::site::paths::{alias_path, output_file};
use crate::site::{Page, ROOT, Site};

/// The outputs to render again after the content files `changed` were edited, added
/// or removed. An edited section re-renders everything (its title is in every page's
/// navigation).
pub(crate) fn selection(
    old: &Site,
    new: &Site,
    changed: &BTreeSet<String>,
    bodies: &BTreeMap<String, Rendered>,
) -> Selection {
    if changed
        .iter()
        .any(|id| old.sections.contains_key(id) || new.sections.contains_key(id))
    {
        return Selection::all(new);
    }
    let mut s = Selection {
        extras: true,
        ..Selection::default()
    };
    for id in changed {
        add_change(
            &mut s,
            (old, old.pages.get(id)),
            (new, new.pages.get(id)),
            id,
            bodies,
        );
    }
    s.pages.retain(|id| new.pages.contains_key(id));
    s.sections.retain(|id| new.sections.contains_key(id));
    s
}

/// The same after one page was replaced in place (see `patch_page`).
pub(crate) fn selection_patched(
    site: &Site,
    before: &Page,
    bodies: &BTreeMap<String, Rendered>,
) -> Selection {
    let mut s = Selection {
        extras: true,
        ..Selection::default()
    };
    add_change(
        &mut s,
        (site, Some(before)),
        (site, site.pages.get(&before.id)),
        &before.id,
        bodies,
    );
    s
}

/// Adds what showing one page before and after an edit touches.
fn add_change(
    s: &mut Selection,
    (old, before): (&Site, Option<&Page>),
    (new, after): (&Site, Option<&Page>),
    id: &str,
    bodies: &BTreeMap<String, Rendered>,
) {
    s.pages.insert(id.to_string());
    for (site, page) in [(old, before), (new, after)] {
        let Some(page) = page else { continue };
        let (prev, next) = site.neighbours(id);
        s.pages
            .extend(prev.into_iter().chain(next).map(|p| p.id.clone()));
        add_section_chain(site, &page.section, &mut s.sections);
        s.sections.insert(lang_home(site, &page.lang));
        for taxonomy in site.taxonomies.iter().filter(|t| t.lang == page.lang) {
            for name in page.meta.terms(&taxonomy.name) {
                let slug =
                    crate::slugify::slugify_lang(name, site.config.slugify, Some(&page.lang));
                s.terms.insert((taxonomy.path.clone(), slug));
            }
        }
    }
    let moved = match (before, after) {
        (Some(b), Some(a)) => {
            b.path != a.path
                || b.meta.title != a.meta.title
                || b.kind.spec().name() != a.kind.spec().name()
        }
        _ => true,
    };
    if moved {
        // Pages whose body links here, and case studies that list it as related.
        let target = format!("@/{id}");
        for page in new.pages.values() {
            let links_here = bodies
                .get(&page.id)
                .is_some_and(|b| b.links.iter().any(|l| l == id));
            if links_here
                || page
                    .kind
                    .related()
                    .iter()
                    .any(|r| r.split('#').next() == Some(target.as_str()))
            {
                s.pages.insert(page.id.clone());
            }
        }
    }
}

fn add_section_chain(site: &Site, start: &str, into: &mut BTreeSet<String>) {
    let mut current = Some(start.to_string());
    while let Some(id) = current {
        let Some(section) = site.sections.get(&id) else {
            break;
        };
        into.insert(id);
        current = section.parent.clone();
    }
}

fn lang_home(site: &Site, lang: &str) -> String {
    if lang == site.config.default_language {
        ROOT.to_string()
    } else {
        format!("_index.{lang}.md")
    }
}

/// Output paths the old site had and the new one does not produce. Of pages, only
/// the `changed` ones can have moved.
pub(crate) fn stale_outputs(
    old: &Site,
    new: &Site,
    changed: &BTreeSet<String>,
) -> BTreeSet<String> {
    let old_outputs = outputs(old, changed);
    let new_outputs = outputs(new, changed);
    old_outputs.difference(&new_outputs).cloned().collect()
}

/// The output paths of the `changed` pages, and of everything else that comes and
/// goes with content: pagers, aliases, taxonomy pages, machine-readable files.
fn outputs(site: &Site, changed: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let aliases = |aliases: &[String], out: &mut BTreeSet<String>| {
        for alias in aliases {
            if let Ok(path) = alias_path(alias) {
                out.insert(output_file(&path));
            }
        }
    };
    let card = |path: &str| {
        format!(
            "{}{}",
            path.trim_start_matches('/'),
            crate::social::FILE_NAME
        )
    };
    for page in changed.iter().filter_map(|id| site.pages.get(id)) {
        out.insert(output_file(&page.path));
        out.insert(card(&page.path));
        aliases(&page.meta.aliases, &mut out);
    }
    for section in site.sections.values() {
        out.insert(output_file(&section.path));
        out.insert(card(&section.path));
        for n in 2..=pager_count(section) {
            out.insert(output_file(&format!("{}page/{n}/", section.path)));
        }
        aliases(&section.meta.aliases, &mut out);
        if site.config.feeds
            && section
                .pages
                .iter()
                .any(|id| is_open_job(site.pages.get(id)))
        {
            let path = if section.id == ROOT {
                "/jobs/atom.xml".to_string()
            } else {
                format!("{}atom.xml", section.path)
            };
            out.insert(path.trim_start_matches('/').to_string());
        }
    }
    for taxonomy in site.taxonomies.iter().filter(|t| !t.terms.is_empty()) {
        out.insert(output_file(&taxonomy.path));
        for term in taxonomy.terms.values() {
            out.insert(output_file(&term.path));
        }
    }
    if site.pages.values().any(|p| data_of::<Job>(p).is_some()) {
        out.insert("jobs.json".into());
    }
    if site.config.search {
        for lang in crate::render::feeds::feed_languages(site) {
            out.insert(output_file(&format!(
                "{}/search/",
                site.config.lang_prefix(&lang)
            )));
        }
    }
    if site.config.feeds {
        for lang in crate::render::feeds::feed_languages(site) {
            out.insert(
                crate::render::feeds::feed_path(site, &lang)
                    .trim_start_matches('/')
                    .to_string(),
            );
        }
    }
    out
}

fn is_open_job(page: Option<&Page>) -> bool {
    page.is_some_and(|p| p.kind.is_open_job())
}
