//! Full-text search: a [Pagefind](https://pagefind.app) index of the rendered site,
//! built with the `pagefind` crate (from the staged pages on disk in a build, from
//! memory in the dev server) and written into the output under
//! `pagefind/` together with Pagefind's search UI (`pagefind-ui.js`/`.css`, the
//! component UI, `pagefind.js` and its WebAssembly).
//!
//! Pagefind reads the `<main>` element of every page (the theme puts page content in
//! `<main id="main">`; the site header, `nav` and `footer` stay out), takes the first
//! `<h1>` in it as the result's title, and writes one index per `<html lang>`: the
//! browser searches the index of the language of the page it runs in. Redirect pages
//! of aliases, `404.html`, pages marked `<meta name="robots" content="noindex">` and
//! search pages themselves (pages that load Pagefind's UI) are not indexed.
//!
//! Result URLs are paths from the output's root (`/uk/notes/x/`); Pagefind's
//! JavaScript puts the folder that holds `pagefind/` in front of them, so a site
//! under a `base_url` path (`https://x.github.io/folio`) needs nothing more.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::output::Output;
use crate::output::commit::StagedOutput;

/// The folder of the output that holds the index and the UI.
pub(crate) const BUNDLE_DIR: &str = "pagefind";

/// The element Pagefind reads on each page.
const ROOT_SELECTOR: &str = "main";

/// An error of Pagefind's (which reports them as `anyhow` errors).
pub(crate) type PagefindError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why the search index could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The scratch folder Pagefind reads the pages from cannot be made.
    #[error("search index: cannot create a scratch folder: {source}")]
    Scratch {
        #[source]
        source: io::Error,
    },
    /// A staged page cannot be read back.
    #[error("cannot read {path}: {source}")]
    ReadPage {
        path: String,
        #[source]
        source: io::Error,
    },
    /// A page's path has no place in the scratch folder.
    #[error("search index: {path}: {source}")]
    PagePath {
        path: String,
        #[source]
        source: io::Error,
    },
    /// A page cannot be linked or copied into the scratch folder.
    #[error("search index: cannot lay out {path}: {source}")]
    LayOut {
        path: String,
        #[source]
        source: io::Error,
    },
    /// Pagefind needs a working directory, and there is none.
    #[error("search index: no usable working directory: {source}")]
    WorkingDir {
        #[source]
        source: io::Error,
    },
    /// The Tokio runtime Pagefind runs on cannot be started.
    #[error("search index: cannot start a runtime: {source}")]
    Runtime {
        #[source]
        source: io::Error,
    },
    /// Pagefind panicked.
    #[error("search index: Pagefind panicked")]
    Panicked,
    /// Pagefind refused folio's options.
    #[error("search index: bad Pagefind options: {source}")]
    Options {
        #[source]
        source: PagefindError,
    },
    /// Pagefind cannot index one page handed to it.
    #[error("search index: {path}: {source}")]
    AddPage {
        path: String,
        #[source]
        source: PagefindError,
    },
    /// Pagefind cannot read the pages or build the index.
    #[error("search index: {source}")]
    Index {
        #[source]
        source: PagefindError,
    },
    /// A file of the index cannot be written into the output.
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// What one indexing run did.
#[derive(Debug, Clone, Default)]
pub struct SearchReport {
    /// HTML pages handed to Pagefind.
    pub pages: usize,
    /// HTML files left out (redirects, 404, `noindex`, search pages).
    pub skipped: usize,
    /// Pages in the index of each language (`pagefind-entry.json`).
    pub languages: BTreeMap<String, usize>,
    /// Files written under `pagefind/`.
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
    /// Bytes of the index proper (`*.pf_meta`, `*.pf_index`, `*.pf_fragment`,
    /// `*.pf_filter`), without Pagefind's scripts, styles and WebAssembly.
    pub index_bytes: u64,
    /// Wall time of reading, indexing and writing.
    pub elapsed: Duration,
}

/// Indexes `files` (output path such as `notes/x/index.html`, and its bytes) and
/// writes every file Pagefind produces into `out` under `pagefind/`. Files that are
/// not HTML pages to index (see [`should_index`]) are passed over, so the whole
/// output may be handed in. Reusable with an in-memory site (the dev server).
pub(crate) fn index_site<I>(files: I, out: &dyn Output) -> Result<SearchReport, SearchError>
where
    I: IntoIterator<Item = (String, Vec<u8>)>,
    I::IntoIter: Send,
{
    index_results(files.into_iter().map(Ok), out)
}

/// Indexes the HTML pages written so far into `dir` (a build's staging folder) and
/// writes the index into it.
///
/// Pagefind reads the pages of a folder in parallel, but takes the pages it is handed
/// one at a time, under one lock. So the pages to index are laid out as a tree of
/// hard links to their staged files (a copy where a link cannot be made or the text is
/// changed for Pagefind) in a scratch folder of the staging folder, and Pagefind
/// reads that tree.
pub(crate) fn index_dir(dir: &StagedOutput) -> Result<SearchReport, SearchError> {
    let start = Instant::now();
    let tree = dir
        .scratch("search")
        .map_err(|source| SearchError::Scratch { source })?;
    let pages: Vec<String> = dir.written().into_iter().filter(|p| is_html(p)).collect();
    // Whether each page was laid out (or left out of the index).
    let laid_out: Vec<bool> = pages
        .par_iter()
        .map(|path| {
            let bytes = dir.read(path).map_err(|source| SearchError::ReadPage {
                path: path.clone(),
                source,
            })?;
            if !should_index(path, &bytes) {
                return Ok(false);
            }
            let target =
                crate::output::safe_join(&tree, path).map_err(|source| SearchError::PagePath {
                    path: path.clone(),
                    source,
                })?;
            lay_out(dir, path, bytes, &target).map_err(|source| SearchError::LayOut {
                path: path.clone(),
                source,
            })?;
            Ok(true)
        })
        .collect::<Result<_, SearchError>>()?;
    let indexed = laid_out.iter().filter(|&&indexed| indexed).count();
    let report = SearchReport {
        pages: indexed,
        skipped: laid_out.len() - indexed,
        ..SearchReport::default()
    };
    let generated = on_own_runtime(move || build_tree_index(tree))?;
    finish(report, generated, dir, start)
}

/// Puts the page `path` (with these bytes) at `target` for Pagefind to read.
fn lay_out(dir: &StagedOutput, path: &str, bytes: Vec<u8>, target: &Path) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let html = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if html.contains(ETHIOPIC_WORDSPACE) {
        return std::fs::write(target, space_ethiopic_words(html));
    }
    match dir
        .source_of(path)
        .and_then(|source| std::fs::hard_link(source, target))
    {
        Ok(()) => Ok(()),
        Err(_) => std::fs::write(target, html),
    }
}

/// Whether the page at `path` with this HTML belongs in the index: an `.html` file
/// outside `pagefind/`, not `404.html`, not a redirect (`http-equiv="refresh"`), not
/// marked `noindex` for robots, and not a search page (one that loads Pagefind's UI).
pub(crate) fn should_index(path: &str, html: &[u8]) -> bool {
    if !is_html(path) || path == "404.html" || path.starts_with(&format!("{BUNDLE_DIR}/")) {
        return false;
    }
    let text = String::from_utf8_lossy(html);
    let lower = text.to_ascii_lowercase();
    let head_end = lower.find("</head").unwrap_or(lower.len());
    let head = &lower[..head_end];
    let refresh = tags(head, "meta")
        .any(|tag| attribute(tag, "http-equiv").is_some_and(|v| v.trim() == "refresh"));
    let noindex = tags(head, "meta").any(|tag| {
        attribute(tag, "name").is_some_and(|v| v.trim() == "robots")
            && attribute(tag, "content").is_some_and(|v| v.contains("noindex"))
    });
    let search_page = tags(&lower, "script").any(|tag| {
        attribute(tag, "src").is_some_and(|src| {
            let file = src.split(['?', '#']).next().unwrap_or(src);
            [
                "pagefind-ui.js",
                "pagefind-component-ui.js",
                "pagefind-modular-ui.js",
            ]
            .iter()
            .any(|ui| file.ends_with(ui))
        })
    });
    !(refresh || noindex || search_page)
}

fn is_html(path: &str) -> bool {
    path.ends_with(".html")
}

/// The text of every `<name …>` start tag in `html` (lowercase), without `<` and `>`.
fn tags<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = from + html[from..].find('<')?;
            from = at + 1;
            let rest = &html[at + 1..];
            let is_tag = rest.starts_with(name)
                && rest[name.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
            if is_tag {
                return Some(&rest[..rest.find('>').unwrap_or(rest.len())]);
            }
        }
    })
}

/// The value of attribute `name` in a start tag's text (quoted or not).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before = tag[..at].chars().next_back();
        if !before.is_some_and(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let rest = tag[at + name.len()..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        return Some(match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let value = &rest[1..];
                &value[..value.find(q).unwrap_or(value.len())]
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == '/')
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        });
    }
    None
}

/// Runs the indexing on a thread of its own, with its own Tokio runtime: the build is
/// synchronous (rayon), and the dev server calls from inside its runtime, where a
/// second runtime cannot be started on the same thread.
fn index_results<I>(files: I, out: &dyn Output) -> Result<SearchReport, SearchError>
where
    I: Iterator<Item = Result<(String, Vec<u8>), SearchError>> + Send,
{
    let start = Instant::now();
    let (report, generated) = on_own_runtime(move || build_index(files))?;
    finish(report, generated, out, start)
}

/// Runs `index` to completion on a thread of its own with a Tokio runtime.
fn on_own_runtime<F, Fut, T>(index: F) -> Result<T, SearchError>
where
    F: FnOnce() -> Fut + Send,
    Fut: std::future::Future<Output = Result<T, SearchError>>,
    T: Send,
{
    // Pagefind resolves its (unused) site folder against the working directory and
    // panics when there is none.
    std::env::current_dir().map_err(|source| SearchError::WorkingDir { source })?;
    std::thread::scope(|scope| {
        scope
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .map_err(|source| SearchError::Runtime { source })?;
                runtime.block_on(index())
            })
            .join()
            .unwrap_or(Err(SearchError::Panicked))
    })
}

/// Writes what Pagefind generated into `out` under `pagefind/` and completes `report`.
fn finish(
    mut report: SearchReport,
    generated: Generated,
    out: &dyn Output,
    start: Instant,
) -> Result<SearchReport, SearchError> {
    for (name, bytes) in &generated {
        let path = format!("{BUNDLE_DIR}/{name}");
        if let Err(source) = out.write(&path, bytes) {
            return Err(SearchError::Write { path, source });
        }
        report.files += 1;
        report.bytes += bytes.len() as u64;
        if [".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            report.index_bytes += bytes.len() as u64;
        }
        if name == "pagefind-entry.json" {
            report.languages = entry_languages(bytes);
        }
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

type Generated = Vec<(String, Vec<u8>)>;

async fn build_index<I>(files: I) -> Result<(SearchReport, Generated), SearchError>
where
    I: Iterator<Item = Result<(String, Vec<u8>), SearchError>>,
{
    let mut index = new_index()?;
    let mut report = SearchReport::default();
    for file in files {
        let (path, bytes) = file?;
        if !should_index(&path, &bytes) {
            report.skipped += usize::from(is_html(&path));
            continue;
        }
        let html = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let html = space_ethiopic_words(html);
        // A relative source path: Pagefind makes the URL `/notes/x/` of it, as its CLI
        // does for `notes/x/index.html` in the site's folder, percent-encoded.
        if let Err(e) = index.add_html_file(Some(path.clone()), None, html).await {
            return Err(SearchError::AddPage {
                path,
                source: e.into(),
            });
        }
        report.pages += 1;
    }
    Ok((report, generated_files(&mut index).await?))
}

/// Indexes every `.html` file under `tree` (paths relative to it are the pages' paths
/// in the output), Pagefind reading them in parallel.
async fn build_tree_index(tree: PathBuf) -> Result<Generated, SearchError> {
    let mut index = new_index()?;
    let tree = tree.to_string_lossy().into_owned();
    index
        .add_directory(tree, Some("**/*.html".to_string()))
        .await
        .map_err(|e| SearchError::Index { source: e.into() })?;
    generated_files(&mut index).await
}

fn new_index() -> Result<PagefindIndex, SearchError> {
    let options = PagefindServiceConfig::builder()
        .root_selector(ROOT_SELECTOR.to_string())
        .build();
    PagefindIndex::new(Some(options)).map_err(|e| SearchError::Options { source: e.into() })
}

/// The files of the index, by their path in the bundle folder, sorted.
async fn generated_files(index: &mut PagefindIndex) -> Result<Generated, SearchError> {
    let files = index
        .get_files()
        .await
        .map_err(|e| SearchError::Index { source: e.into() })?;
    let mut generated: Generated = files
        .into_iter()
        .map(|f| (slash_path(&f.filename), f.contents))
        .collect();
    generated.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(generated)
}

/// Pagefind splits words at whitespace only. Amharic (and Ge'ez, Tigrinya) text may
/// separate words with the Ethiopic wordspace `፡` and no space; a space after each
/// one in the text (not inside tags) makes those words searchable one by one.
const ETHIOPIC_WORDSPACE: char = '\u{1361}';

fn space_ethiopic_words(html: String) -> String {
    const WORDSPACE: char = ETHIOPIC_WORDSPACE;
    if !html.contains(WORDSPACE) {
        return html;
    }
    let mut spaced = String::with_capacity(html.len() + 64);
    let mut in_tag = false;
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        spaced.push(c);
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            WORDSPACE if !in_tag && chars.peek().is_some_and(|n| !n.is_whitespace()) => {
                spaced.push(' ');
            }
            _ => {}
        }
    }
    spaced
}

/// A path inside the bundle with `/` separators.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Language → page count from `pagefind-entry.json`.
fn entry_languages(entry: &[u8]) -> BTreeMap<String, usize> {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(entry) else {
        return BTreeMap::new();
    };
    json["languages"]
        .as_object()
        .map(|languages| {
            languages
                .iter()
                .map(|(lang, meta)| {
                    let pages = meta["page_count"].as_u64().unwrap_or(0);
                    (lang.clone(), usize::try_from(pages).unwrap_or(usize::MAX))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MemoryOutput;

    fn page(lang: &str, title: &str, body: &str) -> Vec<u8> {
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>{title} · Site</title></head>\
             <body><header><a href=\"/\">Site</a></header><nav><a href=\"/x/\">Menu</a></nav>\
             <main id=\"main\"><h1>{title}</h1><p>{body}</p></main>\
             <footer>Footer words</footer></body></html>"
        )
        .into_bytes()
    }

    #[test]
    fn what_is_indexed() {
        let plain = page("en", "Title", "Body");
        assert!(should_index("notes/x/index.html", &plain));
        assert!(should_index("index.html", &plain));
        assert!(!should_index("404.html", &plain));
        assert!(!should_index("style.css", &plain));
        assert!(!should_index("pagefind/x.html", &plain));
        let redirect = crate::render::feeds::redirect("/new/");
        assert!(!should_index("old/index.html", redirect.as_bytes()));
        let refresh = b"<html><head><META HTTP-EQUIV='Refresh' content='0; url=/x/'></head></html>";
        assert!(!should_index("old/index.html", refresh));
        let noindex = b"<html><head><meta content=\"noindex, nofollow\" name=robots></head></html>";
        assert!(!should_index("x/index.html", noindex));
        let search = b"<html><head></head><body><main></main>\
            <script src=\"/base/pagefind/pagefind-ui.js?v=1\"></script></body></html>";
        assert!(!should_index("uk/search/index.html", search));
        // Only real tags count, not text about them.
        let text = b"<html><head></head><body><main><p>&lt;script src=\"pagefind-ui.js\"&gt; \
            and name=\"robots\" content=\"noindex\"</p></main></body></html>";
        assert!(should_index("x/index.html", text));
        let data_name =
            b"<html><head><meta data-name=\"robots\" content=\"noindex\"></head></html>";
        assert!(should_index("x/index.html", data_name));
    }

    #[test]
    fn ethiopic_wordspace_separates_words() {
        let html = "<p title=\"ሰላም፡ዓለም\">ሰላም፡ዓለም፡ ነው።</p>".to_string();
        assert_eq!(
            space_ethiopic_words(html),
            "<p title=\"ሰላም፡ዓለም\">ሰላም፡ ዓለም፡ ነው።</p>"
        );
    }

    #[test]
    fn attributes() {
        let tag = "meta name=\"robots\" content='noindex' data-x=y";
        assert_eq!(attribute(tag, "name"), Some("robots"));
        assert_eq!(attribute(tag, "content"), Some("noindex"));
        assert_eq!(attribute(tag, "data-x"), Some("y"));
        assert_eq!(attribute(tag, "x"), None);
    }

    #[test]
    fn indexes_each_language_into_memory() {
        let files = vec![
            (
                "index.html".to_string(),
                page("en", "Welcome", "Strategy notes"),
            ),
            (
                "uk/notes/x/index.html".to_string(),
                page("uk", "Стратегія", "Цільова аудиторія"),
            ),
            (
                "ka/index.html".to_string(),
                page("ka", "სტრატეგია", "სამიზნე აუდიტორია"),
            ),
            (
                "am/index.html".to_string(),
                page("am", "ስትራቴጂ", "የዒላማ ታዳሚዎች"),
            ),
            (
                "old/index.html".to_string(),
                crate::render::feeds::redirect("/").into_bytes(),
            ),
            ("404.html".to_string(), page("en", "Not found", "Nothing")),
            ("style.css".to_string(), b"body{}".to_vec()),
        ];
        let out = MemoryOutput::default();
        let report = index_site(files, &out).expect("indexing succeeds");
        assert_eq!(report.pages, 4);
        assert_eq!(report.skipped, 2);
        let languages: Vec<&str> = report.languages.keys().map(String::as_str).collect();
        assert_eq!(languages, ["am", "en", "ka", "uk"]);
        assert!(report.languages.values().all(|&n| n == 1));
        let written = out.files.lock().unwrap();
        for file in [
            "pagefind/pagefind.js",
            "pagefind/pagefind-ui.js",
            "pagefind/pagefind-ui.css",
            "pagefind/pagefind-component-ui.js",
            "pagefind/pagefind-entry.json",
            "pagefind/wasm.unknown.pagefind",
            "pagefind/wasm.en.pagefind",
        ] {
            assert!(written.contains_key(file), "{file} missing");
        }
        assert!(written.keys().any(|k| k.ends_with(".pf_index")));
        assert_eq!(report.files, written.len());
        assert!(report.index_bytes > 0 && report.index_bytes < report.bytes);
    }

    #[test]
    fn a_failed_write_names_the_file() {
        struct Full;
        impl Output for Full {
            fn write(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
                Err(io::Error::other("disk full"))
            }
        }
        let files = vec![("index.html".to_string(), page("en", "Hello", "World"))];
        let err = index_site(files, &Full).unwrap_err();
        let SearchError::Write { path, source } = &err else {
            panic!("{err:?}");
        };
        assert!(path.starts_with("pagefind/"), "{path}");
        assert_eq!(source.to_string(), "disk full");
        assert_eq!(err.to_string(), format!("cannot write {path}: disk full"));
    }

    #[test]
    fn works_inside_a_tokio_runtime() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let out = MemoryOutput::default();
        let report = runtime.block_on(async {
            index_site(
                vec![("index.html".to_string(), page("en", "Hello", "World"))],
                &out,
            )
        });
        assert_eq!(report.expect("indexing succeeds").pages, 1);
    }
}
