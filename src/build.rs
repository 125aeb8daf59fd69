//! The pipeline: load → parse → model → render → write, as `build` and `check` run it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use rayon::prelude::*;
use serde_json::Value;

use crate::config::SiteConfig;
use crate::content::data::load_data;
use crate::content::discover::{Discovered, discover, display};
use crate::content::parse::{Meta, ParsedFile, parse_file};
use crate::content::source::decode;
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::markdown::cache::MarkdownCache;
use crate::markdown::{self, Highlighter, Rendered};
use crate::output::commit::{Staging, check_placement, preflight};
use crate::output::{NullOutput, Output};
use crate::render::templates::TemplateSources;
use crate::render::{Fresh, RenderInput, Templates, render_site};
use crate::site::{Site, SiteLinks, assemble};

/// What `folio build` and `folio check` were asked to do, checked by the CLI.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder (holding `site.yaml`).
    pub root: PathBuf,
    /// Where to write; `ROOT/public` by default.
    pub output: PathBuf,
    /// Include pages with `draft: true`.
    pub drafts: bool,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    /// The day a job posting closes after and a campaign's dates are judged against:
    /// the real date, or `--today`.
    pub today: NaiveDate,
    /// Reuse and keep rendered Markdown in `ROOT/.folio-cache/markdown/` (`--no-cache`
    /// turns it off).
    pub cache: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        let root = root.into();
        BuildOptions {
            output: root.join("public"),
            root,
            drafts: false,
            base_url: None,
            today: Utc::now().date_naive(),
            cache: true,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub sections: usize,
    pub files_written: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// The search index, when `search: true` (the default).
    pub search: Option<crate::search::SearchReport>,
    /// Bodies whose Markdown came from the cache, and bodies rendered, when the cache
    /// is on.
    pub markdown_cache: Option<(usize, usize)>,
}

/// Everything loaded and parsed for one build.
pub struct Loaded {
    pub root: PathBuf,
    pub site: Site,
    /// Sections and the pages feeds carry, rendered; the other pages `deferred`, to be
    /// rendered as they are written.
    pub bodies: BTreeMap<String, Rendered>,
    pub data: BTreeMap<String, Value>,
    pub templates: Templates,
    pub highlighter: Highlighter,
    /// Every Markdown file found, parsed or not (links to them are not reported again).
    pub all_ids: BTreeSet<String>,
    pub cache: Option<MarkdownCache>,
}

/// Builds the site into `options.output`. The output is touched only when the whole
/// site rendered without error; then files of the previous build that are gone are
/// removed, and nothing else.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let start = Instant::now();
    check_placement(&options.root, &options.output)?;
    preflight(&options.output)?;
    let (mut loaded, mut diagnostics) = load(options);
    let staging = Staging::new(&options.output)?;
    if let Some(loaded) = loaded.as_mut() {
        diagnostics.extend(render(loaded, &staging.output));
    }
    let diagnostics = diagnostics.into_sorted();
    if diagnostics.iter().any(Diagnostic::is_error) {
        // `staging` is dropped here with everything it holds.
        return Err(Error::Site(diagnostics));
    }
    let Some(mut loaded) = loaded else {
        return Err(Error::Site(diagnostics));
    };
    // Search: a Pagefind index of the rendered pages, staged with them.
    let search = match loaded.site.config.search {
        true => Some(
            crate::search::index_dir(&staging.output).map_err(|message| Error::Output {
                path: options.output.clone(),
                message,
                source: None,
            })?,
        ),
        false => None,
    };
    let files_written = staging.commit(&options.output)?;
    let markdown_cache = loaded.cache.take().map(|cache| {
        let counts = cache.counts();
        cache.finish();
        counts
    });
    Ok(BuildReport {
        pages: loaded.site.pages.len(),
        sections: loaded.site.sections.len(),
        files_written,
        warnings: diagnostics,
        elapsed: start.elapsed(),
        search,
        markdown_cache,
    })
}

/// Validates everything a build would, rendering included, and writes nothing.
/// Returns every diagnostic, warnings included, sorted by file.
pub fn check(options: &BuildOptions) -> Vec<Diagnostic> {
    // Not even the Markdown cache is written.
    let options = BuildOptions {
        cache: false,
        ..options.clone()
    };
    let (mut loaded, mut diagnostics) = load(&options);
    if let Some(loaded) = loaded.as_mut() {
        diagnostics.extend(render(loaded, &NullOutput));
    }
    diagnostics.into_sorted()
}

/// Renders a loaded site into `out`.
pub fn render(loaded: &mut Loaded, out: &dyn Output) -> Vec<Diagnostic> {
    let links = SiteLinks {
        site: &loaded.site,
        failed: Some(&loaded.all_ids),
    };
    let fresh = Fresh {
        options: links.markdown_options(&loaded.highlighter),
        cache: loaded.cache.as_ref(),
        reload_from: Some(&loaded.root),
    };
    let input = RenderInput {
        root: &loaded.root,
        site: &loaded.site,
        bodies: &loaded.bodies,
        highlighter: &loaded.highlighter,
        data: loaded.data.clone(),
        fresh: Some(&fresh),
    };
    render_site(input, &mut loaded.templates, out)
}

/// Loads, parses and models the site, going as far as it can so that every error is
/// found in one run. `None` when nothing can be rendered (no usable `site.yaml`,
/// broken templates).
pub fn load(options: &BuildOptions) -> (Option<Loaded>, Diagnostics) {
    let root = options.root.as_path();
    let mut diagnostics = Diagnostics::default();
    let config = match load_config(root, options.base_url.as_deref()) {
        Ok(config) => Some(config),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    let Some(config) = config else {
        // Without a configuration there is nothing to render; the templates are still
        // checked, so that all their errors come in this run.
        if let Err(problems) = Templates::load(root, "default") {
            diagnostics.extend(problems);
        }
        return (None, diagnostics);
    };
    // The theme and the syntaxes load on one thread while the other finds and parses
    // the content (the parsing is parallel too and takes over both when they're done).
    let sources = TemplateSources::read(root, &config.theme);
    let count_words = sources.uses_lookups();
    let ((templates, highlighter), (found, results)) = rayon::join(
        || {
            let templates = sources.parse();
            let highlighter =
                Highlighter::new(&config.highlight.theme, &config.highlight.dark_theme);
            markdown::highlight::load_syntaxes();
            (templates, highlighter)
        },
        || read_all(root, count_words, &config.taxonomies),
    );
    let templates = templates.map_err(|p| diagnostics.extend(p)).ok();
    let highlighter = highlighter
        .map_err(|message| {
            let line = crate::yaml::Fragment {
                text: &read_lossy(&root.join("site.yaml")),
                first_line: 1,
            }
            .key_line("highlight");
            let d = Diagnostic::error("site.yaml", message);
            diagnostics.push(match line {
                Some(l) => d.at_line(l),
                None => d,
            });
        })
        .ok();

    // A site language without a shipped or configured string shows English there.
    diagnostics.extend(crate::render::strings::Strings::new(&config).missing(&config));
    diagnostics.extend(found.problems);
    let mut files = Vec::with_capacity(results.len());
    let mut words = BTreeMap::new();
    for result in results {
        match result {
            Ok((file, count)) => {
                if let Some(count) = count {
                    words.insert(file.id.clone(), count);
                }
                files.push(file);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    let all_ids: BTreeSet<String> = found.markdown.iter().cloned().collect();

    let content_dir = root.join("content");
    let (mut site, problems) = assemble(
        config,
        files,
        found.assets,
        &content_dir,
        options.drafts,
        options.today,
    );
    diagnostics.extend(problems);
    diagnostics.extend(crate::site::images::attach(&mut site, root).1);
    let (data, problems) = load_data(&root.join("data"), root);
    diagnostics.extend(problems);

    let (Some(templates), Some(highlighter)) = (templates, highlighter) else {
        return (None, diagnostics);
    };
    let cache = options.cache.then(|| MarkdownCache::new(root));
    let bodies = {
        let links = SiteLinks {
            site: &site,
            failed: Some(&all_ids),
        };
        let fresh = Fresh {
            options: links.markdown_options(&highlighter),
            cache: cache.as_ref(),
            reload_from: Some(root),
        };
        outline_markdown(&site, &fresh, &words)
    };
    for body in bodies.values() {
        diagnostics.extend(body.problems.iter().cloned());
    }
    let loaded = Loaded {
        root: root.to_path_buf(),
        site,
        bodies,
        data,
        templates,
        highlighter,
        all_ids,
        cache,
    };
    (Some(loaded), diagnostics)
}

type ReadResult = Result<(ParsedFile, Option<usize>), Diagnostic>;

/// Finds the content files and reads and parses every Markdown file, in parallel.
/// Pages keep no Markdown: each body is read again when its page is rendered, so
/// memory does not grow with the size of the content. Their word counts come with
/// that render, unless templates look pages up with `get_page` before
/// (`count_words`).
fn read_all(
    root: &Path,
    count_words: bool,
    taxonomies: &[String],
) -> (Discovered, Vec<ReadResult>) {
    let found = discover(&root.join("content"), root);
    let results = found
        .markdown
        .par_iter()
        .map(|id| {
            let mut file = read_content(root, id, taxonomies)?;
            let words = match file.meta {
                Meta::Page(_) => {
                    let words = count_words.then(|| markdown::word_count(&file.body));
                    file.body = Arc::from("");
                    words
                }
                Meta::Section(_) => None,
            };
            Ok((file, words))
        })
        .collect();
    (found, results)
}

/// Reads and parses one content file by id.
pub fn read_content(
    root: &Path,
    id: &str,
    taxonomies: &[String],
) -> Result<ParsedFile, Diagnostic> {
    let path = root.join("content").join(id);
    let shown = display(&path, root);
    let bytes =
        std::fs::read(&path).map_err(|e| Diagnostic::error(&shown, format!("cannot read: {e}")))?;
    parse_file(id, shown, bytes, taxonomies)
}

pub fn load_config(root: &Path, base_url: Option<&str>) -> Result<SiteConfig, Vec<Diagnostic>> {
    let path = root.join("site.yaml");
    let shown = PathBuf::from("site.yaml");
    let bytes = std::fs::read(&path).map_err(|e| {
        vec![
            Diagnostic::error(&shown, format!("cannot read the site configuration: {e}"))
                .with_help(format!(
                    "run folio in a site's folder or pass -r; `{}` has no site.yaml",
                    root.display()
                )),
        ]
    })?;
    let text = decode(&shown, bytes).map_err(|d| vec![d])?;
    let mut config = SiteConfig::parse(&shown, &text)?;
    if let Some(url) = base_url {
        config.base_url = url.trim_end_matches('/').to_string();
    }
    Ok(config)
}

fn read_lossy(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// What a build renders of the Markdown before the pages: every section, and the
/// pages whose body a feed carries. The other pages are `deferred` (with the word
/// count in `words`, when it was needed early): each is rendered when its page is
/// written, and then dropped.
pub fn outline_markdown(
    site: &Site,
    fresh: &Fresh<'_>,
    words: &BTreeMap<String, usize>,
) -> BTreeMap<String, Rendered> {
    let keep = crate::render::feeds::pages_in_feeds(site);
    let pages = site.pages.par_iter().map(|(id, p)| {
        let body = match keep.contains(id) {
            true => fresh.render_page(p),
            false => Rendered::deferred(words.get(id).copied().unwrap_or_default()),
        };
        (id.clone(), body)
    });
    let sections = site.sections.par_iter().map(|(id, s)| {
        let body = fresh.render(&s.file, &s.body, s.body_first_line);
        (id.clone(), body)
    });
    pages.chain(sections).collect()
}

/// Renders the Markdown of every page and section in parallel (or only of the ids in
/// `only`).
pub fn render_markdown(
    site: &Site,
    highlighter: &Highlighter,
    all_ids: &BTreeSet<String>,
    only: Option<&BTreeSet<String>>,
) -> BTreeMap<String, Rendered> {
    let resolver = SiteLinks {
        site,
        failed: Some(all_ids),
    };
    let options = resolver.markdown_options(highlighter);
    let pages = site
        .pages
        .values()
        .map(|p| (&p.id, &p.file, &p.body, p.body_first_line));
    let sections = site
        .sections
        .values()
        .map(|s| (&s.id, &s.file, &s.body, s.body_first_line));
    let all: Vec<_> = pages
        .chain(sections)
        .filter(|(id, ..)| only.is_none_or(|only| only.contains(*id)))
        .collect();
    all.into_par_iter()
        .map(|(id, file, body, line)| (id.clone(), markdown::render(file, body, line, &options)))
        .collect()
}
