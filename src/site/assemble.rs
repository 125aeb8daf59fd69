//! Model stage: turning parsed files into the site tree, with every placement checked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::paths::{alias_path, check_slug, dir_path, output_file, split_id};
use super::taxonomy::collect_taxonomies;
use super::{Asset, Page, ROOT, Section, Site};
use crate::config::SiteConfig;
use chrono::NaiveDate;

use crate::content::meta::{SectionMeta, SortBy};
use crate::content::parse::{Meta, ParsedFile};
use crate::error::Diagnostic;
use crate::kinds::{CheckInput, Origin, classify};
use crate::slugify::slugify_lang;

/// Places parsed files into a [`Site`]. Drafts are left out unless `drafts` is set.
/// Problems are returned alongside a site that holds everything that could be placed.
pub fn assemble(
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
    let mut sections = BTreeMap::new();
    for file in section_files {
        let aliases_line = file.key_line("aliases");
        let Meta::Section(meta) = file.meta else {
            continue;
        };
        if meta.draft && !drafts {
            continue;
        }
        let (dir, name) = split_id(&file.id);
        let (_, lang) = split_lang(name, &config);
        let path = format!(
            "{}{}",
            config.lang_prefix(&lang),
            dir_path(dir, config.slugify)
        );
        claims.claim(&path, &file.file, &mut problems);
        check_aliases(
            &meta.aliases,
            &file.file,
            aliases_line,
            &mut claims,
            &mut problems,
        );
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
                meta,
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
    sections.entry(ROOT.to_string()).or_insert_with(|| Section {
        translation_key: ROOT.to_string(),
        id: ROOT.to_string(),
        file: PathBuf::from("content/_index.md"),
        meta: Arc::new(SectionMeta::implicit(&config.title)),
        front_matter: "".into(),
        body: "".into(),
        body_first_line: 1,
        lang: config.default_language.clone(),
        path: "/".to_string(),
        parent: None,
        subsections: Vec::new(),
        pages: Vec::new(),
    });
    add_language_sections(
        &mut sections,
        &page_files,
        &config,
        &mut claims,
        &mut problems,
    );
    link_sections(&mut sections, &config);

    let mut pages = BTreeMap::new();
    let mut bundles = BTreeMap::new();
    for file in page_files {
        let Meta::Page(meta) = &file.meta else {
            continue;
        };
        if meta.draft && !drafts {
            continue;
        }
        let Some(page) = place_page(&file, &config, &sections, today, &mut problems) else {
            continue;
        };
        claims.claim(&page.path, &page.file, &mut problems);
        let aliases_line = file.key_line("aliases");
        check_aliases(
            &page.meta.aliases,
            &page.file,
            aliases_line,
            &mut claims,
            &mut problems,
        );
        // Bundle files sit beside the default-language page (translations share them).
        if let Some(bundle_dir) = page.id.strip_suffix("/index.md") {
            bundles.insert(bundle_dir.to_string(), page.path.clone());
        }
        pages.insert(page.id.clone(), page);
    }

    for page in pages.values() {
        if let Some(section) = sections.get_mut(&page.section) {
            section.pages.push(page.id.clone());
        }
    }
    for section in sections.values_mut() {
        sort_pages(&mut section.pages, section.meta.sort_by, &pages);
        for n in 2..=pager_count(section) {
            let path = format!("{}page/{n}/", section.path);
            claims.claim(&path, &section.file, &mut problems);
        }
    }

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

    let (taxonomies, found) = collect_taxonomies(&config, &pages);
    problems.extend(found);
    for taxonomy in &taxonomies {
        let origin = PathBuf::from("site.yaml");
        claims.claim(&taxonomy.path, &origin, &mut problems);
        for term in taxonomy.terms.values() {
            claims.claim(&term.path, &origin, &mut problems);
        }
    }

    if config.search {
        let mut langs: Vec<&str> = pages.values().map(|p| p.lang.as_str()).collect();
        langs.push(&config.default_language);
        langs.sort_unstable();
        langs.dedup();
        for lang in langs {
            let path = format!("{}/search/", config.lang_prefix(lang));
            claims.reserve(
                &path,
                "the search page (`search: true` in site.yaml)",
                &mut problems,
            );
        }
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
        translations,
    };
    (site, problems)
}

/// Replaces one page in place when an edit leaves the site's structure as it was:
/// the same URL, section, language, kind, date, aliases and terms (the common edit:
/// body, title, description). Returns the page it replaced and the new page's
/// warnings, or `None` when the whole site must be assembled again.
pub fn patch_page(
    site: &mut Site,
    file: &ParsedFile,
    drafts: bool,
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
        site.today,
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
pub fn resort(section: &mut Section, pages: &BTreeMap<String, Page>) {
    let by = section.meta.sort_by;
    sort_pages(&mut section.pages, by, pages);
}

/// Number of listing pages of a section (1 when it is not paginated).
pub fn pager_count(section: &Section) -> usize {
    match section.meta.paginate_by {
        Some(n) if n > 0 => section.pages.len().div_ceil(n).max(1),
        _ => 1,
    }
}

fn place_page(
    file: &ParsedFile,
    config: &SiteConfig,
    sections: &BTreeMap<String, Section>,
    today: NaiveDate,
    problems: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let Meta::Page(meta) = &file.meta else {
        return None;
    };
    let (dir, file_name) = split_id(&file.id);
    let (base_name, lang) = split_lang(file_name, config);
    // A bundle `jobs/smm/index.md` lives in `jobs` and is named `smm`.
    let (dir, name) = if base_name == "index.md" && !dir.is_empty() {
        split_id(dir)
    } else {
        (dir, base_name.strip_suffix(".md").unwrap_or(&base_name))
    };
    let section = nearest_section(dir, &lang, config, sections);
    let slug = match &meta.slug {
        Some(slug) => {
            if let Err(why) = check_slug(slug) {
                problems.push(Diagnostic::error(&file.file, why).at_line(file.key_line("slug")));
                return None;
            }
            slug.clone()
        }
        None => {
            let slug = slugify_lang(name, config.slugify, Some(&lang));
            if slug.is_empty() {
                problems.push(
                    Diagnostic::error(
                        &file.file,
                        format!("no slug can be made of the file name `{name}`"),
                    )
                    .at_line(1)
                    .with_help("set `slug:` in the front matter"),
                );
                return None;
            }
            slug
        }
    };
    let kind_name = meta
        .kind
        .clone()
        .or_else(|| {
            sections
                .get(&section)
                .and_then(|s| s.meta.page_kind.clone())
        })
        // A translation without a section in its language takes the folder's kind.
        .or_else(|| {
            let default = nearest_section(dir, &config.default_language, config, sections);
            sections
                .get(&default)
                .and_then(|s| s.meta.page_kind.clone())
        })
        .unwrap_or_else(|| "page".to_string());
    let origin = Origin {
        file: &file.file,
        front_matter: &file.front_matter,
    };
    let input = CheckInput {
        origin,
        meta,
        taxonomies: &config.taxonomies,
        today,
    };
    let (kind, found) = classify(&kind_name, input);
    problems.extend(found);
    let translation_key = if dir.is_empty() {
        base_name.clone()
    } else {
        format!("{}/{base_name}", split_id(&file.id).0)
    };
    Some(Page {
        translation_key,
        id: file.id.clone(),
        file: file.file.clone(),
        meta: Arc::clone(meta),
        kind: kind?,
        front_matter: file.front_matter.clone(),
        body: file.body.clone(),
        body_first_line: file.body_first_line,
        path: format!(
            "{}{}{slug}/",
            config.lang_prefix(&lang),
            dir_path(dir, config.slugify)
        ),
        lang,
        section,
    })
}

/// Gives every language that has pages in a folder a section there (and a home page),
/// mirroring the default language's `_index.md` where no `_index.<lang>.md` exists, so
/// that its pages are listed, paginated and fed per language.
fn add_language_sections(
    sections: &mut BTreeMap<String, Section>,
    page_files: &[ParsedFile],
    config: &SiteConfig,
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) {
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
    for (id, lang) in wanted {
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
        sections.insert(
            id.clone(),
            Section {
                translation_key: key,
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
            },
        );
    }
}

/// `smm.uk.md` → (`smm.md`, `uk`) when `uk` is one of the site's other languages;
/// any other name is in the default language.
pub fn split_lang(name: &str, config: &SiteConfig) -> (String, String) {
    if let Some(stem) = name.strip_suffix(".md")
        && let Some((base, code)) = stem.rsplit_once('.')
        && code != config.default_language
        && config.languages.contains_key(code)
    {
        return (format!("{base}.md"), code.to_string());
    }
    (name.to_string(), config.default_language.clone())
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
fn nearest_section(
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

fn link_sections(sections: &mut BTreeMap<String, Section>, config: &SiteConfig) {
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

fn sort_pages(ids: &mut Vec<String>, by: SortBy, pages: &BTreeMap<String, Page>) {
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

fn check_aliases(
    aliases: &[String],
    file: &Path,
    line: usize,
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) {
    for alias in aliases {
        match alias_path(alias) {
            Ok(path) => claims.claim(&path, file, problems),
            Err(why) => problems.push(
                Diagnostic::error(file, format!("alias `{alias}` refused: {why}")).at_line(line),
            ),
        }
    }
}

fn place_assets(
    assets: Vec<String>,
    content_dir: &Path,
    bundles: &BTreeMap<String, String>,
    config: &SiteConfig,
) -> Vec<Asset> {
    assets
        .into_iter()
        .map(|id| {
            let source = content_dir.join(&id);
            // Inside a bundle (at any depth): beside the bundle's page.
            let mut dir = split_id(&id).0;
            while !dir.is_empty() {
                if let Some(page_path) = bundles.get(dir) {
                    let rest = &id[dir.len() + 1..];
                    return Asset {
                        source,
                        dest: format!("{}{rest}", page_path.trim_start_matches('/')),
                    };
                }
                dir = split_id(dir).0;
            }
            let (dir, name) = split_id(&id);
            Asset {
                source,
                dest: format!(
                    "{}{name}",
                    dir_path(dir, config.slugify).trim_start_matches('/')
                ),
            }
        })
        .collect()
}

/// Which file produced each output path, to report two files that want the same URL.
#[derive(Default)]
struct Claims(BTreeMap<String, PathBuf>);

impl Claims {
    fn claim(&mut self, path: &str, by: &Path, problems: &mut Vec<Diagnostic>) {
        let out = output_file(path);
        if let Some(first) = self.0.get(&out) {
            problems.push(
                Diagnostic::error(
                    by,
                    format!("duplicate URL `{path}`: {} has it too", first.display()),
                )
                .with_help("change `slug:` or the file name of one of them"),
            );
        } else {
            self.0.insert(out, by.to_path_buf());
        }
    }

    /// `path` belongs to a page folio makes itself (`what`): a file that took it is
    /// told so.
    fn reserve(&mut self, path: &str, what: &str, problems: &mut Vec<Diagnostic>) {
        if let Some(file) = self.0.get(&output_file(path)) {
            problems.push(
                Diagnostic::error(file, format!("duplicate URL `{path}`: it is {what}")).with_help(
                    "change `slug:` or the file name, or set `search: false` in site.yaml",
                ),
            );
        }
    }
}
