//! Model stage: turning parsed files into the site tree, with every placement checked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::paths::{alias_path, check_slug, dir_path, output_file, split_id};
use super::taxonomy::collect_taxonomies;
use super::{Asset, Page, ROOT, Section, Site};
use crate::config::SiteConfig;
use crate::content::meta::{KINDS, SectionMeta, SortBy};
use crate::content::parse::{Meta, ParsedFile};
use crate::error::{Diagnostic, nearest};
use crate::slugify::slugify;

/// Places parsed files into a [`Site`]. Drafts are left out unless `drafts` is set.
/// Problems are returned alongside a site that holds everything that could be placed.
pub fn assemble(
    config: SiteConfig,
    files: Vec<ParsedFile>,
    assets: Vec<String>,
    content_dir: &Path,
    drafts: bool,
) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut claims = Claims::default();
    let lang = config.default_language.clone();

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
        let (dir, _) = split_id(&file.id);
        let dir = if file.id == ROOT { "" } else { dir };
        let path = dir_path(dir, config.slugify);
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
                id: file.id,
                file: file.file,
                meta: *meta,
                front_matter: file.front_matter,
                body: file.body,
                body_first_line: file.body_first_line,
                lang: lang.clone(),
                path,
                parent: None,
                subsections: Vec::new(),
                pages: Vec::new(),
            },
        );
    }
    sections.entry(ROOT.to_string()).or_insert_with(|| Section {
        id: ROOT.to_string(),
        file: PathBuf::from("content/_index.md"),
        meta: SectionMeta::implicit(&config.title),
        front_matter: String::new(),
        body: String::new(),
        body_first_line: 1,
        lang: lang.clone(),
        path: "/".to_string(),
        parent: None,
        subsections: Vec::new(),
        pages: Vec::new(),
    });
    link_sections(&mut sections);

    let mut pages = BTreeMap::new();
    let mut bundles = BTreeMap::new();
    for file in page_files {
        let Meta::Page(meta) = &file.meta else {
            continue;
        };
        if meta.draft && !drafts {
            continue;
        }
        let Some(page) = place_page(&file, &config, &sections, &mut problems) else {
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

    let taxonomies = collect_taxonomies(&config, &pages);
    for taxonomy in &taxonomies {
        let origin = PathBuf::from("site.yaml");
        claims.claim(&taxonomy.path, &origin, &mut problems);
        for term in taxonomy.terms.values() {
            claims.claim(&term.path, &origin, &mut problems);
        }
    }

    let assets = place_assets(assets, content_dir, &bundles, &config);
    let site = Site {
        config,
        pages,
        sections,
        taxonomies,
        assets,
    };
    (site, problems)
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
    problems: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let Meta::Page(meta) = &file.meta else {
        return None;
    };
    // A bundle `jobs/smm/index.md` lives in `jobs` and is named `smm`.
    let (dir, name) = match file.id.strip_suffix("/index.md") {
        Some(bundle) => split_id(bundle),
        None => {
            let (dir, name) = split_id(&file.id);
            (dir, name.strip_suffix(".md").unwrap_or(name))
        }
    };
    let section = nearest_section(dir, sections);
    let slug = match &meta.slug {
        Some(slug) => {
            if let Err(why) = check_slug(slug) {
                problems.push(Diagnostic::error(&file.file, why).at_line(file.key_line("slug")));
                return None;
            }
            slug.clone()
        }
        None => {
            let slug = slugify(name, config.slugify);
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
    let kind = meta
        .kind
        .clone()
        .or_else(|| {
            sections
                .get(&section)
                .and_then(|s| s.meta.page_kind.clone())
        })
        .unwrap_or_else(|| "page".to_string());
    if kind != "page" {
        let mut d = Diagnostic::error(&file.file, format!("unknown kind `{kind}`"))
            .at_line(file.key_line("kind"));
        if KINDS.contains(&kind.as_str()) {
            d.message = format!("kind `{kind}` is not supported by this version of folio yet");
            d = d.with_help("use `kind: page` for now");
        } else if let Some(s) = nearest(&kind, KINDS) {
            d = d.with_help(format!("did you mean `{s}`?"));
        } else {
            d = d.with_help(format!("expected one of {}", KINDS.join(", ")));
        }
        problems.push(d);
        return None;
    }
    Some(Page {
        id: file.id.clone(),
        file: file.file.clone(),
        meta: (**meta).clone(),
        front_matter: file.front_matter.clone(),
        body: file.body.clone(),
        body_first_line: file.body_first_line,
        lang: config.default_language.clone(),
        path: format!("{}{slug}/", dir_path(dir, config.slugify)),
        section,
    })
}

/// The section a folder belongs to: its own `_index.md`, else the nearest ancestor's.
fn nearest_section(dir: &str, sections: &BTreeMap<String, Section>) -> String {
    let mut dir = dir;
    loop {
        if dir.is_empty() {
            return ROOT.to_string();
        }
        let id = format!("{dir}/_index.md");
        if sections.contains_key(&id) {
            return id;
        }
        dir = split_id(dir).0;
    }
}

fn link_sections(sections: &mut BTreeMap<String, Section>) {
    let ids: Vec<String> = sections.keys().filter(|id| *id != ROOT).cloned().collect();
    for id in ids {
        let dir = split_id(split_id(&id).0).0;
        let parent = nearest_section(dir, sections);
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

fn sort_pages(ids: &mut [String], by: SortBy, pages: &BTreeMap<String, Page>) {
    ids.sort_by(|a, b| {
        let (a, b) = (&pages[a], &pages[b]);
        let title = || {
            a.meta
                .title
                .to_lowercase()
                .cmp(&b.meta.title.to_lowercase())
        };
        match by {
            // Newest first, undated last (None sorts before Some, hence reversed).
            SortBy::Date => b.meta.date.cmp(&a.meta.date).then_with(title),
            SortBy::Weight => a
                .meta
                .weight
                .unwrap_or(0)
                .cmp(&b.meta.weight.unwrap_or(0))
                .then_with(title),
            SortBy::Title => title(),
        }
        .then_with(|| a.id.cmp(&b.id))
    });
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
}
