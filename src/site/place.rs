//! Model stage: placing pages — a page file's language, section, slug, kind and
//! translation key, then its URL; and the output place of bundle and content files.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::claims::{Claims, check_aliases};
use super::paths::{check_slug, dir_path, split_id};
use super::sections::nearest_section;
use super::{Asset, Page, Section};
use crate::config::SiteConfig;
use crate::content::meta::PageMeta;
use crate::content::parse::{Meta, ParsedFile};
use crate::error::Diagnostic;
use crate::kinds::{CheckInput, Origin, classify};
use crate::slugify::slugify_lang;

/// Places the page files (drafts left out unless `drafts` is set) and claims their
/// URLs and aliases. Returns the pages by id and, by bundle folder, the URLs of the
/// bundle's page in every language (the default language's first).
pub(super) fn place_pages(
    page_files: Vec<ParsedFile>,
    config: &SiteConfig,
    sections: &BTreeMap<String, Section>,
    drafts: bool,
    (today, root): (NaiveDate, &Path),
    claims: &mut Claims,
    problems: &mut Vec<Diagnostic>,
) -> (BTreeMap<String, Page>, BTreeMap<String, Vec<String>>) {
    let mut pages = BTreeMap::new();
    let mut bundles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in page_files {
        let Meta::Page(meta) = &file.meta else {
            continue;
        };
        if meta.draft && !drafts {
            continue;
        }
        if let Some(problem) = unknown_language(&file, config) {
            problems.push(problem);
            continue;
        }
        let Some(page) = place_page(&file, config, sections, (today, root), problems) else {
            continue;
        };
        claims.claim(&page.path, &page.file, problems);
        // The line is looked for only when an alias is refused.
        let aliases_line = || file.key_line("aliases");
        check_aliases(
            &page.meta.aliases,
            &page.file,
            &aliases_line,
            claims,
            problems,
        );
        // Bundle files are copied beside every language's page, so that the names
        // relative to the page (`cover: cover.svg`, `![](chart.png)`) work in each.
        if let Some(bundle_dir) = bundle_dir(&page.id, config) {
            let paths = bundles.entry(bundle_dir.to_string()).or_default();
            if page.lang == config.default_language {
                paths.insert(0, page.path.clone());
            } else {
                paths.push(page.path.clone());
            }
        }
        pages.insert(page.id.clone(), page);
    }
    (pages, bundles)
}

/// The bundle folder of a bundle's page (`work/a` of `work/a/index.uk.md`).
fn bundle_dir<'a>(id: &'a str, config: &SiteConfig) -> Option<&'a str> {
    let (dir, file_name) = split_id(id);
    (!dir.is_empty() && split_lang(file_name, config).0 == "index.md").then_some(dir)
}

/// One page of a page file, or `None` when it cannot be placed (the reason is in
/// `problems`).
pub(super) fn place_page(
    file: &ParsedFile,
    config: &SiteConfig,
    sections: &BTreeMap<String, Section>,
    (today, root): (NaiveDate, &Path),
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
    let slug = slug_of(file, meta, name, &lang, config, problems)?;
    let kind_name = kind_name_of(meta, &section, dir, config, sections);
    let origin = Origin {
        file: &file.file,
        front_matter: &file.front_matter,
    };
    let input = CheckInput {
        origin,
        meta,
        taxonomies: &config.taxonomies,
        today,
        root,
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
        figures: file.figures.clone(),
        path: format!(
            "{}{}{slug}/",
            config.lang_prefix(&lang),
            dir_path(dir, config.slugify)
        ),
        lang,
        section,
    })
}

/// A page's slug: its `slug:`, checked, else made of its file name `name`.
fn slug_of(
    file: &ParsedFile,
    meta: &PageMeta,
    name: &str,
    lang: &str,
    config: &SiteConfig,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    match &meta.slug {
        Some(slug) => {
            if let Err(why) = check_slug(slug) {
                problems.push(
                    Diagnostic::error(&file.file, why.to_string()).at_line(file.key_line("slug")),
                );
                return None;
            }
            Some(slug.clone())
        }
        None => {
            let slug = slugify_lang(name, config.slugify, Some(lang));
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
            Some(slug)
        }
    }
}

/// The kind a page names, else its section's `page_kind`, else `page`.
fn kind_name_of(
    meta: &PageMeta,
    section: &str,
    dir: &str,
    config: &SiteConfig,
    sections: &BTreeMap<String, Section>,
) -> String {
    meta.kind
        .clone()
        .or_else(|| sections.get(section).and_then(|s| s.meta.page_kind.clone()))
        // A translation without a section in its language takes the folder's kind.
        .or_else(|| {
            let default = nearest_section(dir, &config.default_language, config, sections);
            sections
                .get(&default)
                .and_then(|s| s.meta.page_kind.clone())
        })
        .unwrap_or_else(|| "page".to_string())
}

/// The error of a file whose name ends in a language code the site does not have
/// (`about.lv.md`): it would be published as a page of the default language.
pub(super) fn unknown_language(file: &ParsedFile, config: &SiteConfig) -> Option<Diagnostic> {
    let name = split_id(&file.id).1;
    let code = crate::config::languages::unknown_suffix(name, config)?;
    let languages = config.language_codes().join(", ");
    let help = format!(
        "add the language to site.yaml:\n{}\nor rename the file",
        crate::config::languages::lines_to_add(code)
    );
    Some(
        Diagnostic::error(
            &file.file,
            format!("`{code}` is not a language of this site (its languages: {languages})"),
        )
        .at_line(1)
        .with_help(help),
    )
}

/// `smm.uk.md` → (`smm.md`, `uk`) when `uk` is one of the site's other languages;
/// any other name is in the default language.
pub(super) fn split_lang(name: &str, config: &SiteConfig) -> (String, String) {
    if let Some(stem) = name.strip_suffix(".md")
        && let Some((base, code)) = stem.rsplit_once('.')
        && code != config.default_language
        && config.languages.contains_key(code)
    {
        return (format!("{base}.md"), code.to_string());
    }
    (name.to_string(), config.default_language.clone())
}

/// Where each content file that is not a page goes in the output: beside its
/// bundle's page in every language when it is inside a bundle (the default
/// language's copy first), else at its folder's URL.
pub(super) fn place_assets(
    assets: Vec<String>,
    content_dir: &Path,
    bundles: &BTreeMap<String, Vec<String>>,
    config: &SiteConfig,
) -> Vec<Asset> {
    assets
        .into_iter()
        .flat_map(|id| {
            let source = content_dir.join(&id);
            // Inside a bundle (at any depth): beside the bundle's pages.
            let mut dir = split_id(&id).0;
            while !dir.is_empty() {
                if let Some(page_paths) = bundles.get(dir) {
                    let rest = &id[dir.len() + 1..];
                    return page_paths
                        .iter()
                        .map(|page_path| Asset {
                            source: source.clone(),
                            dest: format!("{}{rest}", page_path.trim_start_matches('/')),
                        })
                        .collect();
                }
                dir = split_id(dir).0;
            }
            let (dir, name) = split_id(&id);
            vec![Asset {
                source: source.clone(),
                dest: format!(
                    "{}{name}",
                    dir_path(dir, config.slugify).trim_start_matches('/')
                ),
            }]
        })
        .collect()
}
