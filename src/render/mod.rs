//! Render stage: every output file of the site from the model and the rendered
//! Markdown, through Tera templates, in parallel. Each kind of output has its own
//! function so that a rebuild can re-render only what a change touches.

pub mod cards;
pub mod charts;
pub mod context;
pub mod feeds;
pub mod format;
pub mod functions;
pub mod locale;
pub mod picture;
pub mod sharing;
pub mod strings;
pub mod summary;
pub mod templates;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde_json::{Map, Value, json};

use crate::error::{Diagnostic, nearest};
use crate::kinds::campaign::Campaign;
use crate::kinds::case_study::CaseStudy;
use crate::kinds::data_of;
use crate::kinds::job::Job;
use crate::markdown::cache::MarkdownCache;
use crate::markdown::{Highlighter, MarkdownOptions, Rendered};
use crate::output::Output;
use crate::site::assemble::pager_count;
use crate::site::paths::{alias_path, output_file};
use crate::site::{Page, ROOT, Section, Site};
use context::{Summary, Views};
pub use templates::Templates;

/// Everything rendering reads, computed by the earlier stages.
pub struct RenderInput<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub bodies: &'a BTreeMap<String, Rendered>,
    pub highlighter: &'a Highlighter,
    pub data: BTreeMap<String, Value>,
    /// Renders the bodies left `deferred` in `bodies`; `None` when all are there.
    pub fresh: Option<&'a Fresh<'a>>,
}

/// Renders a page's Markdown when the page is written rather than beforehand, so that
/// a build holds the HTML of one page per thread, not of the whole site.
pub struct Fresh<'a> {
    pub options: MarkdownOptions<'a>,
    /// Rendered Markdown of earlier builds, on disk.
    pub cache: Option<&'a MarkdownCache>,
    /// The site's folder, when pages were loaded without their bodies (a build keeps
    /// no page's Markdown in memory): each is read again from `content/` to render it.
    pub reload_from: Option<&'a Path>,
}

impl Fresh<'_> {
    pub fn render(&self, file: &Path, body: &str, first_line: usize) -> Rendered {
        match self.cache {
            Some(cache) => cache.render(file, body, first_line, &self.options),
            None => crate::markdown::render(file, body, first_line, &self.options),
        }
    }

    /// A page's body, read again from its file first if it was not kept.
    pub fn render_page(&self, page: &Page) -> Rendered {
        let Some(root) = self.reload_from else {
            return self.render(&page.file, &page.body, page.body_first_line);
        };
        let path = root.join("content").join(&page.id);
        let body = std::fs::read(&path)
            .map_err(|e| Diagnostic::error(&page.file, format!("cannot read: {e}")))
            .and_then(|bytes| crate::content::parse::body_of(&page.file, bytes));
        match body {
            Ok((body, first_line)) => self.render(&page.file, &body, first_line),
            Err(problem) => Rendered {
                problems: vec![problem],
                ..Rendered::default()
            },
        }
    }
}

/// A page's summary made when its body was rendered, by content id.
type Fresher = (String, Summary);

/// Renders and writes the whole site; returns every problem met.
pub fn render_site(
    input: RenderInput<'_>,
    templates: &mut Templates,
    out: &dyn Output,
) -> Vec<Diagnostic> {
    let (mut views, mut problems) = prepare(&input, templates);
    let mut everything = Selection::all(input.site);
    if input.fresh.is_some() {
        // Pages first, each rendering its Markdown: then their summaries (reading time)
        // are known for the listings, which follow.
        let mut r = Renderer::new(input.site, input.bodies, &views, templates, out);
        r.fresh = input.fresh;
        problems.extend(r.write_static(input.root, input.highlighter));
        let done: Vec<(Vec<Diagnostic>, Option<Fresher>)> = everything
            .pages
            .par_iter()
            .filter(|id| input.site.pages.contains_key(*id))
            .map(|id| r.page_and_summary(id))
            .collect();
        let summaries = Arc::make_mut(&mut views.summaries);
        for (found, summary) in done {
            problems.extend(found);
            if let Some((id, summary)) = summary {
                summaries.insert(id, summary);
            }
        }
        everything.pages.clear();
        let r = Renderer::new(input.site, input.bodies, &views, templates, out);
        problems.extend(r.render(&everything));
        return problems;
    }
    let r = Renderer::new(input.site, input.bodies, &views, templates, out);
    problems.extend(r.write_static(input.root, input.highlighter));
    problems.extend(r.render(&everything));
    problems
}

/// Computes the views of a build and hands templates their functions.
pub fn prepare(input: &RenderInput<'_>, templates: &mut Templates) -> (Views, Vec<Diagnostic>) {
    let links = crate::site::SiteLinks {
        site: input.site,
        failed: None,
    };
    let markdown = links.markdown_options(input.highlighter);
    let (views, problems) = Views::new(input.site, input.bodies, &markdown);
    functions::register(
        &mut templates.tera,
        input.site,
        &views,
        input.bodies,
        input.data.clone(),
    );
    (views, problems)
}

/// Which outputs to render: everything for a build, what a change touched for a rebuild.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Selection {
    pub pages: BTreeSet<String>,
    pub sections: BTreeSet<String>,
    /// `(taxonomy path, term slug)` pairs; the taxonomies' list pages always come along.
    pub terms: BTreeSet<(String, String)>,
    /// Feeds, sitemap, `jobs.json` and the 404 page.
    pub extras: bool,
}

impl Selection {
    pub fn all(site: &Site) -> Selection {
        Selection {
            pages: site.pages.keys().cloned().collect(),
            sections: site.sections.keys().cloned().collect(),
            terms: site
                .taxonomies
                .iter()
                .flat_map(|t| t.terms.keys().map(|slug| (t.path.clone(), slug.clone())))
                .collect(),
            extras: true,
        }
    }
}

/// Renders single outputs; shared by the full build and partial rebuilds.
pub struct Renderer<'a> {
    pub site: &'a Site,
    pub bodies: &'a BTreeMap<String, Rendered>,
    pub views: &'a Views,
    pub templates: &'a Templates,
    pub out: &'a dyn Output,
    /// Renders the bodies `bodies` holds only as `deferred`.
    pub fresh: Option<&'a Fresh<'a>>,
    /// Each page's place in its section's order, computed at first use.
    positions: OnceLock<HashMap<&'a str, usize>>,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        bodies: &'a BTreeMap<String, Rendered>,
        views: &'a Views,
        templates: &'a Templates,
        out: &'a dyn Output,
    ) -> Renderer<'a> {
        Renderer {
            site,
            bodies,
            views,
            templates,
            out,
            fresh: None,
            positions: OnceLock::new(),
        }
    }

    /// The pages before and after `page` in its section's order (a lookup, where
    /// searching the section for each page would make a build quadratic).
    fn neighbours(&self, page: &Page) -> (Option<&'a Page>, Option<&'a Page>) {
        let site = self.site;
        let positions = self.positions.get_or_init(|| {
            site.sections
                .values()
                .flat_map(|s| s.pages.iter().enumerate())
                .map(|(i, id)| (id.as_str(), i))
                .collect()
        });
        let Some(section) = site.sections.get(&page.section) else {
            return (None, None);
        };
        let Some(&i) = positions.get(page.id.as_str()) else {
            return (None, None);
        };
        if section.pages.get(i) != Some(&page.id) {
            return (None, None);
        }
        let before = i.checked_sub(1).and_then(|j| section.pages.get(j));
        let after = section.pages.get(i + 1);
        (
            before.and_then(|p| site.pages.get(p)),
            after.and_then(|p| site.pages.get(p)),
        )
    }

    /// A page's rendered body: kept from before, or rendered now when it was deferred.
    fn body_of(&self, page: &Page) -> Cow<'a, Rendered> {
        match (self.bodies.get(&page.id), self.fresh) {
            (Some(body), _) if !body.deferred => Cow::Borrowed(body),
            (_, Some(fresh)) => Cow::Owned(fresh.render_page(page)),
            (Some(body), None) => Cow::Borrowed(body),
            (None, None) => Cow::Owned(Rendered::default()),
        }
    }

    /// The HTML of a page's body for a feed, if it has one.
    fn html_of(&self, page: &Page) -> Option<String> {
        match self.bodies.get(&page.id) {
            Some(body) if !body.deferred => Some(body.html.clone()),
            _ if self.fresh.is_some() => Some(self.body_of(page).into_owned().html),
            _ => None,
        }
    }

    /// The selected pages, sections and terms, then the taxonomy lists, feeds,
    /// sitemap and 404 page (these depend on everything and are cheap).
    pub fn render(&self, selection: &Selection) -> Vec<Diagnostic> {
        // Listings are few but large, pages many but small: run both sides at once.
        let (mut problems, rest) = rayon::join(
            || {
                let mut problems: Vec<Diagnostic> = selection
                    .pages
                    .par_iter()
                    .filter(|id| self.site.pages.contains_key(*id))
                    .flat_map_iter(|id| self.page(id))
                    .collect();
                problems.extend(self.taxonomies(&selection.terms));
                problems
            },
            || {
                let mut problems: Vec<Diagnostic> = selection
                    .sections
                    .par_iter()
                    .filter(|id| self.site.sections.contains_key(*id))
                    .flat_map_iter(|id| self.section(id))
                    .collect();
                if selection.extras {
                    problems.extend(self.extras());
                }
                problems
            },
        );
        problems.extend(rest);
        problems
    }

    /// One page, and the redirects of its aliases; with the problems of its body when
    /// that is rendered now.
    pub fn page(&self, id: &str) -> Vec<Diagnostic> {
        self.page_and_summary(id).0
    }

    /// [`Renderer::page`], and the page's summary when its body was rendered now (the
    /// one in the views was made without the body's word count).
    fn page_and_summary(&self, id: &str) -> (Vec<Diagnostic>, Option<Fresher>) {
        let page = &self.site.pages[id];
        let body = self.body_of(page);
        let (mut problems, summary) = match &body {
            Cow::Owned(fresh) => {
                let format = format::Format {
                    locale: &self.views.locale,
                    strings: &self.views.strings,
                    lang: &page.lang,
                };
                let summary = context::page_summary(self.site, page, Some(fresh), format);
                (fresh.problems.clone(), Some(summary))
            }
            Cow::Borrowed(_) => (Vec::new(), None),
        };
        let view = summary.clone().unwrap_or_else(|| {
            self.views
                .summaries
                .get(id)
                .map(Summary::value)
                .unwrap_or_default()
        });
        problems.extend(self.page_with(page, &body, view).err());
        (
            problems,
            summary.map(|s| (id.to_string(), Summary::new(&s))),
        )
    }

    fn page_with(&self, page: &Page, body: &Rendered, summary: Value) -> Result<(), Diagnostic> {
        let site = self.site;
        let template = self.template_for(
            page.meta.template.as_deref(),
            page.kind.spec().template(),
            &page.file,
            &page.front_matter,
        )?;
        let section = site.sections.get(&page.section).filter(|s| s.id != ROOT);
        let mut extra = Map::new();
        extra.insert(
            "page".into(),
            context::page_view(site, self.views, page, body, summary, self.neighbours(page)),
        );
        extra.insert(
            "section".into(),
            section.map_or(
                Value::Null,
                |s| json!({"title": s.meta.title, "url": site.url(&s.path)}),
            ),
        );
        extra.insert("og".into(), sharing::open_graph(site, page));
        extra.insert("json_ld".into(), json!(page.kind.json_ld(site, page, body)));
        extra.extend(self.i18n(&page.lang, Some(&page.translation_key)));
        let ctx = self.views.context(site, &page.lang, &page.path, extra);
        let html = self.templates.render(&template, &ctx, &page.file)?;
        self.write(&output_file(&page.path), html.as_bytes(), &page.file)?;
        let f = format::Format {
            locale: &self.views.locale,
            strings: &self.views.strings,
            lang: &page.lang,
        };
        for (name, text) in page.kind.files(site, page, f) {
            let path = format!("{}{name}", page.path.trim_start_matches('/'));
            self.write(&path, text.as_bytes(), &page.file)?;
        }
        self.aliases(&page.meta.aliases, &page.path, &page.file)
    }

    /// Every listing page of a section (all its pagers), and its aliases.
    pub fn section(&self, id: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if let Err(d) = self.section_pagers(&self.site.sections[id]) {
            problems.push(d);
        }
        problems
    }

    fn section_pagers(&self, section: &Section) -> Result<(), Diagnostic> {
        let site = self.site;
        let default = if section.id == ROOT {
            "index.html"
        } else {
            "section.html"
        };
        let template = self.template_for(
            section.meta.template.as_deref(),
            default,
            &section.file,
            &section.front_matter,
        )?;
        let view = context::section_view(site, section, self.bodies.get(&section.id));
        let per_pager = section
            .meta
            .paginate_by
            .filter(|n| *n > 0)
            .unwrap_or(usize::MAX);
        let count = pager_count(section);
        let pager_path = |n: usize| {
            if n <= 1 {
                section.path.clone()
            } else {
                format!("{}page/{n}/", section.path)
            }
        };
        for n in 1..=count {
            let ids = section
                .pages
                .iter()
                .skip((n - 1).saturating_mul(per_pager))
                .take(per_pager);
            let mut paginator = json!({
                "current_index": n,
                "number_pagers": count,
                "total_pages": section.pages.len(),
                "first": site.url(&pager_path(1)),
                "last": site.url(&pager_path(count)),
                "previous": (n > 1).then(|| site.url(&pager_path(n - 1))),
                "next": (n < count).then(|| site.url(&pager_path(n + 1))),
            });
            // Moved in, not through `json!`, which would copy every summary.
            if let Value::Object(map) = &mut paginator {
                map.insert("pages".into(), Value::Array(self.views.summaries_of(ids)));
            }
            let mut extra = Map::new();
            extra.insert("section".into(), view.clone());
            extra.insert("paginator".into(), paginator);
            extra.insert("og".into(), section_og(site, section));
            extra.insert("timeline_svg".into(), json!(self.timeline(section)));
            if section.path == format!("{}/", site.config.lang_prefix(&section.lang)) {
                extra.extend(self.home_lists(&section.lang));
            }
            let path = pager_path(n);
            extra.extend(self.i18n(&section.lang, Some(&section.translation_key)));
            let ctx = self.views.context(site, &section.lang, &path, extra);
            let html = self.templates.render(&template, &ctx, &section.file)?;
            self.write(&output_file(&path), html.as_bytes(), &section.file)?;
        }
        self.aliases(&section.meta.aliases, &section.path, &section.file)
    }

    /// The language variables of a template: the translations of what it shows (with
    /// the current one marked), its language's home and search page.
    fn i18n(&self, lang: &str, key: Option<&str>) -> Map<String, Value> {
        let site = self.site;
        let translations: Vec<Value> = key
            .map(|k| feeds::alternates(site, k))
            .unwrap_or_default()
            .into_iter()
            .map(|(l, permalink)| {
                let url = permalink
                    .strip_prefix(site.origin())
                    .unwrap_or(&permalink)
                    .to_string();
                json!({
                    "lang": l,
                    "name": language_name(&l),
                    "url": url,
                    "permalink": permalink,
                    "current": l == lang,
                })
            })
            .collect();
        let root = site.config.lang_prefix(lang);
        let mut map = Map::new();
        map.insert("translations".into(), json!(translations));
        map.insert("lang_home".into(), json!(site.url(&format!("{root}/"))));
        map.insert(
            "search_url".into(),
            if site.config.search {
                json!(site.url(&format!("{root}/search/")))
            } else {
                Value::Null
            },
        );
        map
    }

    /// The lists of the home page: recent pages, featured case studies, open jobs.
    fn home_lists(&self, lang: &str) -> Map<String, Value> {
        let site = self.site;
        let in_lang: Vec<&crate::site::Page> = site
            .pages_by_date()
            .into_iter()
            .filter(|p| p.lang == lang)
            .collect();
        let dated = in_lang.iter().filter(|p| p.date().is_some());
        let recent = self.views.summaries_of(dated.take(10).map(|p| &p.id));
        let cases = in_lang
            .iter()
            .filter(|p| data_of::<CaseStudy>(p).is_some())
            .take(6);
        let jobs = in_lang.iter().filter(|p| p.kind.is_open_job()).take(10);
        let mut map = Map::new();
        map.insert("recent_pages".into(), Value::Array(recent));
        map.insert(
            "featured_case_studies".into(),
            Value::Array(self.views.summaries_of(cases.map(|p| &p.id))),
        );
        map.insert(
            "open_jobs".into(),
            Value::Array(self.views.summaries_of(jobs.map(|p| &p.id))),
        );
        map
    }

    /// The SVG timeline of a section's campaigns, if it lists any.
    fn timeline(&self, section: &Section) -> Option<String> {
        let items: Vec<charts::TimelineItem> = section
            .pages
            .iter()
            .filter_map(|id| self.site.pages.get(id))
            .filter_map(|p| {
                let c = data_of::<Campaign>(p)?;
                Some(charts::TimelineItem {
                    label: p.meta.title.clone(),
                    url: self.site.url(&p.path),
                    start: ymd(c.start),
                    end: c.end.map(ymd),
                    status: c.status.as_str().to_string(),
                })
            })
            .collect();
        let rtl = crate::config::SiteConfig::direction(&section.lang) == "rtl";
        let title = format!("{}: campaign timeline", section.meta.title);
        charts::timeline(&items, ymd(self.site.today), "timeline", &title, rtl)
    }

    /// The list page of each taxonomy and the page of each term.
    pub fn taxonomies(&self, terms_wanted: &BTreeSet<(String, String)>) -> Vec<Diagnostic> {
        let site = self.site;
        let origin = PathBuf::from("site.yaml");
        // The pages of a term are summarised when its page renders, not all at once.
        type Job<'t> = (
            String,
            &'static str,
            Map<String, Value>,
            &'t str,
            &'t [String],
        );
        let mut jobs: Vec<Job<'_>> = Vec::new();
        for taxonomy in site.taxonomies.iter().filter(|t| !t.terms.is_empty()) {
            let tax_view = context::taxonomy_view(site, taxonomy);
            let mut terms: Vec<&crate::site::Term> = taxonomy.terms.values().collect();
            terms.sort_by_key(|t| t.name.to_lowercase());
            let mut extra = Map::new();
            extra.insert("taxonomy".into(), tax_view.clone());
            extra.insert(
                "terms".into(),
                json!(
                    terms
                        .iter()
                        .map(|t| context::term_view(site, t))
                        .collect::<Vec<_>>()
                ),
            );
            jobs.push((
                taxonomy.path.clone(),
                "taxonomy_list.html",
                extra,
                &taxonomy.lang,
                &[],
            ));
            for term in terms {
                if !terms_wanted.contains(&(taxonomy.path.clone(), term.slug.clone())) {
                    continue;
                }
                let mut extra = Map::new();
                extra.insert("taxonomy".into(), tax_view.clone());
                extra.insert("term".into(), context::term_view(site, term));
                jobs.push((
                    term.path.clone(),
                    "taxonomy_term.html",
                    extra,
                    &taxonomy.lang,
                    &term.pages,
                ));
            }
        }
        jobs.into_par_iter()
            .filter_map(|(path, template, mut extra, lang, pages)| {
                if template == "taxonomy_term.html" {
                    let pages = Value::Array(self.views.summaries_of(pages));
                    extra.insert("pages".into(), pages);
                }
                extra.extend(self.i18n(lang, None));
                let ctx = self.views.context(site, lang, &path, extra);
                self.templates
                    .render(template, &ctx, &origin)
                    .and_then(|html| self.write(&output_file(&path), html.as_bytes(), &origin))
                    .err()
            })
            .collect()
    }

    /// 404 page, feed, sitemap and robots.txt.
    pub fn extras(&self) -> Vec<Diagnostic> {
        let site = self.site;
        let origin = PathBuf::from("site.yaml");
        let mut problems = Vec::new();
        let ctx = self
            .views
            .context(site, &site.config.default_language, "/404.html", Map::new());
        match self
            .templates
            .render("404.html", &ctx, Path::new("404.html"))
        {
            Ok(html) => problems.extend(self.write("404.html", html.as_bytes(), &origin).err()),
            Err(d) => problems.push(d),
        }
        if site.config.feeds {
            for lang in feeds::feed_languages(site) {
                let atom = feeds::atom(site, &|p| self.html_of(p), &lang);
                let path = feeds::feed_path(site, &lang);
                problems.extend(
                    self.write(path.trim_start_matches('/'), atom.as_bytes(), &origin)
                        .err(),
                );
            }
        }
        if site.config.search {
            for lang in feeds::feed_languages(site) {
                let path = format!("{}/search/", site.config.lang_prefix(&lang));
                let mut extra = self.i18n(&lang, None);
                extra.insert("og".into(), json!({"type": "website", "title": site.config.title, "url": site.permalink(&path), "image": null, "site_name": site.config.title, "description": site.config.description}));
                let ctx = self.views.context(site, &lang, &path, extra);
                match self
                    .templates
                    .render("search.html", &ctx, Path::new("search.html"))
                {
                    Ok(html) => problems.extend(
                        self.write(&output_file(&path), html.as_bytes(), &origin)
                            .err(),
                    ),
                    Err(d) => problems.push(d),
                }
            }
        }
        if site.pages.values().any(|p| data_of::<Job>(p).is_some()) {
            problems.extend(
                self.write("jobs.json", feeds::jobs_json(site).as_bytes(), &origin)
                    .err(),
            );
        }
        if site.config.feeds {
            for section in site.sections.values() {
                let open_jobs = feeds::open_jobs(site, section);
                if open_jobs.is_empty() {
                    continue;
                }
                // Jobs kept at the top of content/ get `/jobs/atom.xml`, not the site's feed.
                let path = if section.id == ROOT {
                    "/jobs/atom.xml".to_string()
                } else {
                    format!("{}atom.xml", section.path)
                };
                let title = format!("{}: {}", site.config.title, section.meta.title);
                let feed = feeds::atom_of(site, &open_jobs, &|p| self.html_of(p), &path, &title);
                problems.extend(
                    self.write(path.trim_start_matches('/'), feed.as_bytes(), &section.file)
                        .err(),
                );
            }
        }
        problems.extend(
            self.write("sitemap.xml", feeds::sitemap(site).as_bytes(), &origin)
                .err(),
        );
        problems.extend(
            self.write("robots.txt", feeds::robots(site).as_bytes(), &origin)
                .err(),
        );
        problems
    }

    /// Theme static files (built-in, then the theme's folder, then the site's
    /// `static/`), the highlighting stylesheet and the files of page bundles.
    pub fn write_static(&self, root: &Path, highlighter: &Highlighter) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (name, text) in templates::DEFAULT_STATIC {
            problems.extend(
                self.write(name, text.as_bytes(), Path::new("(built-in theme)"))
                    .err(),
            );
        }
        let css = highlighter.stylesheet();
        problems.extend(
            self.write("highlight.css", css.as_bytes(), Path::new("site.yaml"))
                .err(),
        );
        let theme_static = root
            .join("themes")
            .join(&self.site.config.theme)
            .join("static");
        for dir in [theme_static, root.join("static")] {
            for entry in walkdir::WalkDir::new(&dir)
                .follow_links(true)
                .sort_by_file_name()
            {
                let entry = match entry {
                    Ok(e) if e.file_type().is_file() => e,
                    Ok(_) => continue,
                    Err(err)
                        if err.io_error().map(|e| e.kind())
                            == Some(std::io::ErrorKind::NotFound) =>
                    {
                        continue;
                    }
                    Err(err) => {
                        let path = err
                            .path()
                            .map(|p| crate::content::discover::display(p, root))
                            .unwrap_or_default();
                        problems.push(Diagnostic::error(
                            path,
                            format!("cannot copy static file: {err}"),
                        ));
                        continue;
                    }
                };
                let Ok(rel) = entry.path().strip_prefix(&dir) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                if !inside(root, entry.path()) {
                    let shown = crate::content::discover::display(entry.path(), root);
                    problems.push(
                        Diagnostic::warning(
                            shown,
                            "this symlink points outside the site's folder; it is not published",
                        )
                        .with_help("copy the file into static/ instead of linking to it"),
                    );
                    continue;
                }
                if let Err(e) = self.out.copy(&rel, entry.path()) {
                    let shown = crate::content::discover::display(entry.path(), root);
                    problems.push(Diagnostic::error(
                        shown,
                        format!("cannot copy static file: {e}"),
                    ));
                }
            }
        }
        let asset_problems: Vec<Diagnostic> = self
            .site
            .assets
            .par_iter()
            .filter_map(|asset| {
                self.out.copy(&asset.dest, &asset.source).err().map(|e| {
                    let shown = crate::content::discover::display(&asset.source, root);
                    Diagnostic::error(shown, format!("cannot copy: {e}"))
                })
            })
            .collect();
        problems.extend(asset_problems);
        problems
    }

    fn aliases(&self, aliases: &[String], target: &str, file: &Path) -> Result<(), Diagnostic> {
        let to = self.site.permalink(target);
        for alias in aliases {
            // Refused aliases were reported when the site was assembled.
            if let Ok(path) = alias_path(alias) {
                self.write(&output_file(&path), feeds::redirect(&to).as_bytes(), file)?;
            }
        }
        Ok(())
    }

    /// The template a page asks for, or why it cannot have it.
    fn template_for(
        &self,
        asked: Option<&str>,
        default: &str,
        file: &Path,
        front_matter: &str,
    ) -> Result<String, Diagnostic> {
        let name = asked.unwrap_or(default);
        if self.templates.has(name) {
            return Ok(name.to_string());
        }
        let line = crate::yaml::Fragment {
            text: front_matter,
            first_line: crate::content::front_matter::FIRST_LINE,
        }
        .key_line("template")
        .unwrap_or(1);
        let mut d = Diagnostic::error(file, format!("template `{name}` not found")).at_line(line);
        d = match nearest(name, self.templates.names()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help("put it in templates/ or the theme's templates/"),
        };
        Err(d)
    }

    fn write(&self, path: &str, bytes: &[u8], file: &Path) -> Result<(), Diagnostic> {
        self.out
            .write(path, bytes)
            .map_err(|e| Diagnostic::error(file, format!("cannot write `{path}`: {e}")))
    }
}

fn ymd(d: chrono::NaiveDate) -> (i32, u32, u32) {
    use chrono::Datelike;
    (d.year(), d.month(), d.day())
}

fn section_og(site: &Site, section: &Section) -> Value {
    json!({
        "type": "website",
        "title": section.meta.title,
        "description": section.meta.description.clone().or_else(|| site.config.description.clone()),
        "url": site.permalink(&section.path),
        "image": null,
        "site_name": site.config.title,
    })
}

/// Whether `path`, symlinks resolved, lies inside the site's folder `root`.
fn inside(root: &Path, path: &Path) -> bool {
    match (std::fs::canonicalize(root), std::fs::canonicalize(path)) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

/// A language's name in itself, for the language switcher.
pub fn language_name(lang: &str) -> String {
    let name = match lang.split(['-', '_']).next().unwrap_or(lang) {
        "en" => "English",
        "uk" => "Українська",
        "bg" => "Български",
        "lv" => "Latviešu",
        "ka" => "ქართული",
        "am" => "አማርኛ",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "pl" => "Polski",
        "ar" => "العربية",
        "he" => "עברית",
        "fa" => "فارسی",
        "ru" => "Русский",
        "lt" => "Lietuvių",
        "et" => "Eesti",
        "ro" => "Română",
        "it" => "Italiano",
        "pt" => "Português",
        "tr" => "Türkçe",
        _ => return lang.to_string(),
    };
    name.to_string()
}
