//! Model stage: sections — placing `_index.md` files and the implicit home page,
//! giving other languages their sections, linking sections to their parents, and
//! listing and ordering each section's pages.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::assemble::pager_count;
use super::claims::{Claims, check_aliases};
use super::paths::{dir_path, split_id};
use super::place::split_lang;
use super::{Page, ROOT, Section};
use crate::config::SiteConfig;
use crate::content::meta::{SectionMeta, SortBy};
use crate::content::parse::{Meta, ParsedFile};
use crate::error::Diagnostic;

/// Places the section files (drafts left out unless `drafts` is set), and the
/// implicit home page when `content/_index.md` is absent.
pub(super) fn place_sections(
    section_files: Vec<ParsedFile>,
    config: &SiteConfig,
    drafts: bool,
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Section> {
    let mut sections = BTreeMap::new();
    for file in section_files {
        let aliases_line = || file.key_line("aliases");
        let Meta::Section(meta) = &file.meta else {
            continue;
        };
        if meta.draft && !drafts {
            continue;
        }
        if let Some(problem) = super::place::unknown_language(&file, config) {
            problems.push(problem);
            continue;
        }
        let (dir, name) = split_id(&file.id);
        let (_, lang) = split_lang(name, config);
        let path = format!(
            "{}{}",
            config.lang_prefix(&lang),
            dir_path(dir, config.slugify)
        );
        claims.claim(&path, &file.file, problems);
        check_aliases(&meta.aliases, &file.file, &aliases_line, claims, problems);
        sections.insert(
            file.id.clone(),
            Section {
                translation_key: format!(
                    "{}{}",
                    if dir.is_empty() {
                        String::new()
                    } else {
                        format!("{dir}/")
                    },
                    "_index.md"
                ),
                id: file.id,
                file: file.file,
                meta: Arc::clone(meta),
                front_matter: file.front_matter,
                body: file.body,
                body_first_line: file.body_first_line,
                lang,
                path,
                parent: None,
                subsections: Vec::new(),
                pages: Vec::new(),
            },
        );
    }
    sections.entry(ROOT.to_string()).or_insert_with(|| {
        bare_section(
            ROOT.to_string(),
            ROOT.to_string(),
            PathBuf::from("content/_index.md"),
            Arc::new(SectionMeta::implicit(&config.title)),
            config.default_language.clone(),
            "/".to_string(),
        )
    });
    sections
}

/// A section without a file of its own: no front matter, no body.
fn bare_section(
    id: String,
    translation_key: String,
    file: PathBuf,
    meta: Arc<SectionMeta>,
    lang: String,
    path: String,
) -> Section {
    Section {
        translation_key,
        id,
        file,
        meta,
        front_matter: "".into(),
        body: "".into(),
        body_first_line: 1,
        lang,
        path,
        parent: None,
        subsections: Vec::new(),
        pages: Vec::new(),
    }
}

/// Gives every language that has pages in a folder a section there (and a home page),
/// mirroring the default language's `_index.md` where no `_index.<lang>.md` exists, so
/// that its pages are listed, paginated and fed per language.
pub(super) fn add_language_sections(
    sections: &mut BTreeMap<String, Section>,
    page_files: &[ParsedFile],
    config: &SiteConfig,
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) {
    for (id, lang) in language_sections_wanted(page_files, config) {
        if sections.contains_key(&id) {
            continue;
        }
        let (dir, _) = split_id(&id);
        let dir = if id.contains('/') { dir } else { "" };
        let default_id = section_id(dir, &config.default_language, config);
        let (meta, file, key) = match sections.get(&default_id) {
            Some(d) => (d.meta.clone(), d.file.clone(), d.translation_key.clone()),
            None if dir.is_empty() => (
                Arc::new(SectionMeta::implicit(
                    config
                        .languages
                        .get(&lang)
                        .and_then(|l| l.title.as_deref())
                        .unwrap_or(&config.title),
                )),
                PathBuf::from("content/_index.md"),
                ROOT.to_string(),
            ),
            // A folder without a section in the default language has none in others.
            None => continue,
        };
        let path = format!(
            "{}{}",
            config.lang_prefix(&lang),
            dir_path(dir, config.slugify)
        );
        claims.claim(&path, &file, problems);
        sections.insert(id.clone(), bare_section(id, key, file, meta, lang, path));
    }
}

/// The section ids, with their language, that the pages in other languages than the
/// default want: their folder's and every ancestor's, up to the language's home page.
fn language_sections_wanted(
    page_files: &[ParsedFile],
    config: &SiteConfig,
) -> BTreeMap<String, String> {
    let mut wanted: BTreeMap<String, String> = BTreeMap::new();
    for file in page_files {
        let (dir, name) = split_id(&file.id);
        let (base, lang) = split_lang(name, config);
        if lang == config.default_language {
            continue;
        }
        let mut dir = if base == "index.md" {
            split_id(dir).0
        } else {
            dir
        };
        loop {
            wanted.insert(section_id(dir, &lang, config), lang.clone());
            if dir.is_empty() {
                break;
            }
            dir = split_id(dir).0;
        }
    }
    wanted
}

/// The id of a folder's section file in a language: `jobs/_index.md`, `jobs/_index.uk.md`.
fn section_id(dir: &str, lang: &str, config: &SiteConfig) -> String {
    let name = if lang == config.default_language {
        "_index.md".to_string()
    } else {
        format!("_index.{lang}.md")
    };
    if dir.is_empty() {
        name
    } else {
        format!("{dir}/{name}")
    }
}

/// The section a folder belongs to in a language: its own `_index.md`, else the
/// nearest ancestor's; `""` when a translation has no section in its language.
pub(super) fn nearest_section(
    dir: &str,
    lang: &str,
    config: &SiteConfig,
    sections: &BTreeMap<String, Section>,
) -> String {
    let mut dir = dir;
    loop {
        let id = section_id(dir, lang, config);
        if sections.contains_key(&id) {
            return id;
        }
        if dir.is_empty() {
            return if lang == config.default_language {
                ROOT.to_string()
            } else {
                String::new()
            };
        }
        dir = split_id(dir).0;
    }
}

/// Sets each section's parent, and lists its subsections by weight, then title.
pub(super) fn link_sections(sections: &mut BTreeMap<String, Section>, config: &SiteConfig) {
    let ids: Vec<String> = sections.keys().cloned().collect();
    for id in ids {
        let (dir, _) = split_id(&id);
        if !id.contains('/') {
            continue; // a home page: `_index.md` or `_index.uk.md`
        }
        let lang = sections[&id].lang.clone();
        let parent = nearest_section(split_id(dir).0, &lang, config, sections);
        if parent.is_empty() {
            continue;
        }
        if let Some(section) = sections.get_mut(&id) {
            section.parent = Some(parent.clone());
        }
        if let Some(parent) = sections.get_mut(&parent) {
            parent.subsections.push(id);
        }
    }
    let weights: BTreeMap<String, (i64, String)> = sections
        .iter()
        .map(|(id, s)| {
            (
                id.clone(),
                (s.meta.weight.unwrap_or(0), s.meta.title.to_lowercase()),
            )
        })
        .collect();
    for section in sections.values_mut() {
        section
            .subsections
            .sort_by(|a, b| weights[a].cmp(&weights[b]));
    }
}

/// Lists each page in its section, puts each section's pages in order, and claims
/// the URLs of the section's further pagers.
pub(super) fn list_pages(
    sections: &mut BTreeMap<String, Section>,
    pages: &BTreeMap<String, Page>,
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) {
    for page in pages.values().filter(|p| p.listed()) {
        if let Some(section) = sections.get_mut(&page.section) {
            section.pages.push(page.id.clone());
        }
    }
    for section in sections.values_mut() {
        sort_pages(&mut section.pages, section.meta.sort_by, pages);
        for n in 2..=pager_count(section) {
            let path = format!("{}page/{n}/", section.path);
            claims.claim(&path, &section.file, problems);
        }
    }
}

/// Puts page ids in the order `by` of a section.
pub(super) fn sort_pages(ids: &mut Vec<String>, by: SortBy, pages: &BTreeMap<String, Page>) {
    // Look each page up once, and lowercase each title once, not per comparison.
    let mut keyed: Vec<(&Page, String)> = ids
        .iter()
        .filter_map(|id| pages.get(id))
        .map(|p| (p, p.meta.title.to_lowercase()))
        .collect();
    keyed.sort_by(|(a, at), (b, bt)| {
        match by {
            // Newest first, undated last (None sorts before Some, hence reversed).
            SortBy::Date => b.date().cmp(&a.date()).then_with(|| at.cmp(bt)),
            SortBy::Weight => a
                .meta
                .weight
                .unwrap_or(0)
                .cmp(&b.meta.weight.unwrap_or(0))
                .then_with(|| at.cmp(bt)),
            SortBy::Title => at.cmp(bt),
        }
        .then_with(|| a.id.cmp(&b.id))
    });
    *ids = keyed.into_iter().map(|(p, _)| p.id.clone()).collect();
}
