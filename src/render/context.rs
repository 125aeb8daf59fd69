//! Render stage: the serializable views templates receive. Shared data is serialized once
//! per build, and each template gets only what it uses (Tera re-serializes its context
//! on every render, so a site-wide object per page would make builds quadratic).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde_json::{Map, Value, json};

use std::sync::Arc;

use super::format::Format;
use super::locale::Localizer;
use super::strings::Strings;
use super::summary::summary_extra;
use crate::error::Diagnostic;
use crate::kinds::ViewContext;
use crate::markdown::{MarkdownOptions, Rendered};
use crate::site::{Page, ROOT, Section, Site, Taxonomy, Term};

/// Views computed once per build and reused by every template.
#[derive(Default)]
pub(crate) struct Views {
    /// ICU4X formatters, built once per language.
    pub locale: Localizer,
    /// The UI strings of every language.
    pub strings: Arc<Strings>,
    /// Variables every template receives: `site`, `feed_url`, `generator`.
    pub common: Map<String, Value>,
    /// The main navigation of each language: its home's sections, titled and linked
    /// in that language (`nav` in templates).
    pub navs: BTreeMap<String, Value>,
    /// Page summaries by content id, for listings (shared with `get_page`).
    pub summaries: Arc<BTreeMap<String, Summary>>,
    /// The site's folder (images are found there); `None` makes no social cards.
    pub site_root: Option<std::path::PathBuf>,
    /// Whether social cards are kept in and taken from `.folio-cache/images/`
    /// (not with `--no-cache`).
    pub card_cache: bool,
    /// The kind view of each typed page, by content id.
    pub kinds: BTreeMap<String, KindView>,
}

/// The name a kind's view goes under in `page` (`"job"`) and the view.
pub(crate) type KindView = (&'static str, Value);

/// What [`Views::new`] computes of one page: its id, summary (unless made later),
/// kind view and problems.
type Computed = (String, Option<Summary>, Option<KindView>, Vec<Diagnostic>);

/// What a listing shows of a page, kept as JSON text: a few hundred bytes, where the
/// `Value` itself takes kilobytes of maps, for every page of the site. Listings parse
/// the summaries they show when they render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary(Box<str>);

impl Summary {
    pub(crate) fn new(value: &Value) -> Summary {
        Summary(value.to_string().into())
    }

    pub(crate) fn value(&self) -> Value {
        serde_json::from_str(&self.0).unwrap_or_default()
    }
}

impl Views {
    /// Computes every view; problems met on the way (broken links in front matter
    /// values) come back with it.
    ///
    /// Unless `summarize_deferred`, pages whose body is deferred get no summary here:
    /// the build renders them first and summarizes them then, with their word count,
    /// before any listing asks (right when no template looks pages up with `get_page`).
    pub(crate) fn new(
        site: &Site,
        bodies: &BTreeMap<String, Rendered>,
        markdown: &MarkdownOptions<'_>,
        summarize_deferred: bool,
    ) -> (Views, Vec<Diagnostic>) {
        let locale = Localizer::default();
        let strings = Arc::new(Strings::new(&site.config));
        let kind_views = ViewContext {
            site,
            markdown,
            locale: &locale,
            strings: &strings,
        };
        let computed: Vec<Computed> = site
            .pages
            .par_iter()
            .map(|(id, p)| {
                let (view, problems) = kind_views.view(p);
                let body = bodies.get(id);
                let later = !summarize_deferred && body.is_some_and(|b| b.deferred);
                let summary = (!later)
                    .then(|| Summary::new(&page_summary(site, p, body, kind_views.format(p))));
                (id.clone(), summary, view, problems)
            })
            .collect();
        let mut views = Views {
            locale: locale.clone(),
            strings: strings.clone(),
            common: common(site),
            navs: navs(site),
            summaries: Arc::default(),
            kinds: BTreeMap::new(),
            site_root: None,
            card_cache: false,
        };
        let mut problems = Vec::new();
        let mut summaries = BTreeMap::new();
        for (id, summary, kind, found) in computed {
            if let Some(summary) = summary {
                summaries.insert(id.clone(), summary);
            }
            if let Some(kind) = kind {
                views.kinds.insert(id, kind);
            }
            problems.extend(found);
        }
        views.summaries = Arc::new(summaries);
        (views, problems)
    }

    /// Recomputes the summaries and kind views of `ids` (dropping those of pages that
    /// are gone), after an edit.
    pub(crate) fn refresh(
        &mut self,
        site: &Site,
        bodies: &BTreeMap<String, Rendered>,
        markdown: &MarkdownOptions<'_>,
        ids: &BTreeSet<String>,
    ) -> Vec<Diagnostic> {
        let kind_views = ViewContext {
            site,
            markdown,
            locale: &self.locale,
            strings: &self.strings,
        };
        let mut problems = Vec::new();
        self.common = common(site);
        self.navs = navs(site);
        let summaries = Arc::make_mut(&mut self.summaries);
        for id in ids {
            summaries.remove(id);
            self.kinds.remove(id);
            let Some(page) = site.pages.get(id) else {
                continue;
            };
            let summary = page_summary(site, page, bodies.get(id), kind_views.format(page));
            summaries.insert(id.clone(), Summary::new(&summary));
            let (view, found) = kind_views.view(page);
            if let Some(view) = view {
                self.kinds.insert(id.clone(), view);
            }
            problems.extend(found);
        }
        problems
    }

    /// The context of one template: the common variables plus `lang`, `dir`, the
    /// current URL and `extra`.
    pub(crate) fn context(
        &self,
        site: &Site,
        lang: &str,
        path: &str,
        extra: Map<String, Value>,
    ) -> tera::Context {
        let mut map = self.common.clone();
        // The site's title and description and its author's name and headline in
        // the page's language, where given.
        if let (Some(l), Some(Value::Object(site_view))) =
            (site.config.languages.get(lang), map.get_mut("site"))
        {
            if let Some(title) = &l.title {
                site_view.insert("title".into(), json!(title));
            }
            if let Some(description) = &l.description {
                site_view.insert("description".into(), json!(description));
            }
            if let Some(Value::Object(author)) = site_view.get_mut("author") {
                if let Some(name) = &l.author_name {
                    author.insert("name".into(), json!(name));
                }
                if let Some(headline) = &l.author_headline {
                    author.insert("headline".into(), json!(headline));
                }
            }
        }
        let nav = self
            .navs
            .get(lang)
            .or_else(|| self.navs.get(&site.config.default_language));
        map.insert(
            "nav".into(),
            nav.cloned().unwrap_or(Value::Array(Vec::new())),
        );
        map.insert("lang".into(), json!(lang));
        map.insert(
            "dir".into(),
            json!(crate::config::SiteConfig::direction(lang)),
        );
        map.insert("current_path".into(), json!(site.url(path)));
        map.insert("current_url".into(), json!(site.permalink(path)));
        map.extend(extra);
        tera::Context::from_value(Value::Object(map)).unwrap_or_default()
    }

    pub(crate) fn summaries_of<'a>(
        &'a self,
        ids: impl IntoIterator<Item = &'a String>,
    ) -> Vec<Value> {
        ids.into_iter()
            .filter_map(|id| self.summaries.get(id))
            .map(Summary::value)
            .collect()
    }
}

/// Each language's navigation: the sections under its home page (`_index.uk.md`),
/// else under the default language's.
fn navs(site: &Site) -> BTreeMap<String, Value> {
    let home_of = |lang: &str| {
        let id = format!("_index.{lang}.md");
        site.sections.get(&id).or_else(|| site.sections.get(ROOT))
    };
    let mut langs: Vec<&String> = site.config.languages.keys().collect();
    langs.push(&site.config.default_language);
    langs
        .into_iter()
        .map(|lang| {
            let home = match *lang == site.config.default_language {
                true => site.sections.get(ROOT),
                false => home_of(lang),
            };
            let items: Vec<Value> = home
                .into_iter()
                .flat_map(|h| &h.subsections)
                .filter_map(|id| site.sections.get(id))
                .map(|s| json!({"title": s.meta.title, "url": site.url(&s.path)}))
                .collect();
            (lang.clone(), Value::Array(items))
        })
        .collect()
}

/// The author as templates get it: `site.yaml`'s `author`, with `image_url`, the URL
/// of its `image` (a path under `static/` or a full URL).
fn author_view(site: &Site) -> Value {
    let Some(author) = &site.config.author else {
        return Value::Null;
    };
    let mut view = json!(author);
    if let (Some(image), Value::Object(map)) = (&author.image, &mut view) {
        let url = if image.contains("://") {
            image.clone()
        } else {
            site.url(&format!("/{}", image.trim_start_matches('/')))
        };
        map.insert("image_url".into(), json!(url));
    }
    view
}

fn common(site: &Site) -> Map<String, Value> {
    let c = &site.config;
    let mut map = Map::new();
    map.insert(
        "site".into(),
        json!({
            "title": c.title,
            "description": c.description,
            "base_url": c.base_url,
            "base_path": c.base_path(),
            "default_language": c.default_language,
            "author": author_view(site),
            "extra": c.extra,
            "taxonomies": c.taxonomies,
            "feeds": c.feeds,
            "brand": {
                "css": c.brand.css(),
                "logo": c.brand.logo_path().map(|path| site.url(&path)),
                "logo_width": c.brand.logo_size.map(|s| s.0),
                "logo_height": c.brand.logo_size.map(|s| s.1),
            },
        }),
    );
    map.insert(
        "feed_url".into(),
        if c.feeds {
            json!(site.permalink("/atom.xml"))
        } else {
            Value::Null
        },
    );
    map.insert(
        "generator".into(),
        json!(concat!("folio ", env!("CARGO_PKG_VERSION"))),
    );
    map
}

/// What a listing shows of a page.
pub(crate) fn page_summary(
    site: &Site,
    page: &Page,
    body: Option<&Rendered>,
    f: Format<'_>,
) -> Value {
    let m = &page.meta;
    let words = body.map_or(0, |b| b.word_count);
    let mut taxonomies = Map::new();
    for taxonomy in site.taxonomies.iter().filter(|t| t.lang == page.lang) {
        let terms: Vec<Value> = m
            .terms(&taxonomy.name)
            .iter()
            .filter_map(|name| {
                let slug =
                    crate::slugify::slugify_lang(name, site.config.slugify, Some(&page.lang));
                taxonomy.terms.get(&slug)
            })
            .map(|t| json!({"name": t.name, "slug": t.slug, "url": site.url(&t.path)}))
            .collect();
        if !terms.is_empty() {
            taxonomies.insert(taxonomy.name.clone(), Value::Array(terms));
        }
    }
    let mut summary = json!({
        "id": page.id,
        "title": m.title,
        "description": m.description,
        "date": page.date().map(|d| d.ymd()),
        "updated": m.updated.map(|d| d.ymd()),
        "url": site.url(&page.path),
        "permalink": site.permalink(&page.path),
        "kind": page.kind.spec().name(),
        "lang": page.lang,
        "reading_time": words.div_ceil(200).max(1),
        "draft": m.draft,
        "unlisted": m.unlisted,
        "taxonomies": taxonomies,
        "extra": m.extra,
    });
    if let Value::Object(map) = &mut summary {
        map.extend(summary_extra(site, page, f));
    }
    summary
}

/// The `page` variable of page.html: the summary plus the body and its contents.
/// `summary` is the page's; `neighbours` the pages before and after it in its section.
pub(crate) fn page_view(
    site: &Site,
    views: &Views,
    page: &Page,
    body: std::borrow::Cow<'_, Rendered>,
    summary: Value,
    (before, after): (Option<&Page>, Option<&Page>),
) -> Value {
    let show_toc = page.meta.toc && !body.toc.is_empty();
    let word_count = body.word_count;
    // Taken, not copied, when the body was rendered for this page alone; a kept body
    // (the live preview's) gives copies of these two and nothing more.
    let (html, toc) = match body {
        std::borrow::Cow::Owned(b) => (b.html, b.toc),
        std::borrow::Cow::Borrowed(b) => (b.html.clone(), b.toc.clone()),
    };
    let mut view = summary;
    let link = |p: Option<&Page>| {
        p.map_or(
            Value::Null,
            |p| json!({"title": p.meta.title, "url": site.url(&p.path)}),
        )
    };
    if let Value::Object(map) = &mut view {
        map.insert("content".into(), Value::String(html));
        // Not in summaries: it changes with every edit, and no listing needs it.
        map.insert("word_count".into(), json!(word_count));
        map.insert("toc".into(), json!(toc));
        map.insert("show_toc".into(), json!(show_toc));
        map.insert("later".into(), link(before));
        map.insert("earlier".into(), link(after));
        if let Some((name, kind)) = views.kinds.get(&page.id) {
            map.insert((*name).into(), kind.clone());
        }
    }
    view
}

/// The `section` variable of section.html and index.html.
pub(crate) fn section_view(site: &Site, section: &Section, body: Option<&Rendered>) -> Value {
    let subsections: Vec<Value> = section
        .subsections
        .iter()
        .filter_map(|id| site.sections.get(id))
        .map(|s| {
            json!({
                "title": s.meta.title,
                "description": s.meta.description,
                "url": site.url(&s.path),
                "page_count": s.pages.len(),
            })
        })
        .collect();
    json!({
        "id": section.id,
        "title": section.meta.title,
        "description": section.meta.description,
        "content": body.map_or("", |b| b.html.as_str()),
        "toc": body.map(|b| &b.toc),
        "url": site.url(&section.path),
        "permalink": site.permalink(&section.path),
        "extra": section.meta.extra,
        "subsections": subsections,
        "page_count": section.pages.len(),
    })
}

pub(crate) fn taxonomy_view(site: &Site, taxonomy: &Taxonomy) -> Value {
    json!({"name": taxonomy.name, "title": taxonomy.title(), "url": site.url(&taxonomy.path)})
}

pub(crate) fn term_view(site: &Site, term: &Term) -> Value {
    json!({"name": term.name, "slug": term.slug, "url": site.url(&term.path), "count": term.pages.len()})
}
