//! `folio build` and `folio check`: the pipeline run once, into a staging folder that
//! replaces the output only when the whole site rendered, or into nothing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};

use crate::error::{Diagnostic, Error};
use crate::output::NullOutput;
use crate::output::commit::{Staging, check_placement, preflight};
use crate::pipeline;

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
    /// Reuse and keep rendered Markdown in `ROOT/.folio-cache/markdown/` and the
    /// search index's shards in `ROOT/.folio-cache/search/` (`--no-cache` turns it off).
    pub cache: bool,
    /// Write `_redirects` and `_headers` for Netlify and Cloudflare Pages.
    pub host_files: bool,
    /// Fail on a warning as on an error (`--deny-warnings`): nothing is written.
    pub deny_warnings: bool,
    /// Minify pages, stylesheets and scripts and give the theme's stylesheets and
    /// scripts content-hashed names (`--no-minify` turns it off; the live preview
    /// never does it).
    pub minify: bool,
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
            host_files: false,
            deny_warnings: false,
            minify: true,
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

/// Builds the site into `options.output`. The output is touched only when the whole
/// site rendered without error; then files of the previous build that are gone are
/// removed, and nothing else.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let start = Instant::now();
    check_placement(&options.root, &options.output)?;
    preflight(&options.output)?;
    let (mut loaded, mut diagnostics) = pipeline::load(options);
    let staging = Staging::new(&options.output)?;
    if let Some(loaded) = loaded.as_mut() {
        diagnostics.extend(pipeline::render(loaded, &staging.output));
    }
    let diagnostics = diagnostics.into_sorted();
    let denied = options.deny_warnings && !diagnostics.is_empty();
    if denied || diagnostics.iter().any(Diagnostic::is_error) {
        // `staging` is dropped here with everything it holds.
        return Err(Error::Site(diagnostics));
    }
    let Some(mut loaded) = loaded else {
        return Err(Error::Site(diagnostics));
    };
    // Search: a Pagefind index of the rendered pages, staged with them.
    let search = match loaded.site.config.search {
        true => Some(index_search(&staging, options)?),
        false => None,
    };
    if options.host_files {
        let hashed = loaded.assets.iter().flat_map(|a| &a.files);
        let hashed: Vec<&str> = hashed.map(|f| f.hashed.as_str()).collect();
        crate::render::host_files::write(&loaded.site, &hashed, &staging.output).map_err(
            |source| {
                Error::output(
                    &options.output,
                    "cannot write _redirects and _headers",
                    source,
                )
            },
        )?;
    }
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

/// The search index of the staged pages, staged with them.
fn index_search(
    staging: &Staging,
    options: &BuildOptions,
) -> Result<crate::search::SearchReport, Error> {
    crate::progress::stage("indexing for search", 0);
    let indexed = match options.cache {
        true => crate::search::index_dir(
            &staging.output,
            &crate::search::DiskStore::of_site(&options.root),
        ),
        false => crate::search::index_dir(&staging.output, &crate::search::NoStore),
    };
    indexed.map_err(|source| Error::Search {
        path: options.output.clone(),
        source,
    })
}

/// Validates everything a build would, rendering included, and writes nothing.
/// Returns every diagnostic, warnings included, sorted by file.
pub fn check(options: &BuildOptions) -> Vec<Diagnostic> {
    // Not even the Markdown cache is written.
    let options = BuildOptions {
        cache: false,
        minify: false,
        ..options.clone()
    };
    let (mut loaded, mut diagnostics) = pipeline::load(&options);
    if let Some(loaded) = loaded.as_mut() {
        diagnostics.extend(pipeline::render(loaded, &NullOutput));
    }
    diagnostics.into_sorted()
}
