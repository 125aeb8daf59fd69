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

//! Large sites are split into shards that the search page queries together
//! (`shards.rs`); the index of each shard is kept between builds by a key of what its
//! pages give Pagefind (`store.rs`), so a build indexes only the shards whose pages
//! changed, and a build with nothing changed writes the same bytes again.

mod engine;
mod error;
mod live;
mod page;
mod shards;
mod store;

use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use error::SearchError;
pub(crate) use live::LiveIndex;
#[cfg(test)]
pub(crate) use live::index_site;
pub(crate) use page::should_index;
use page::{is_html, page_text};
use shards::{PageEntry, Shard};
pub(crate) use store::{DiskStore, NoStore, ShardStore};

use crate::output::Output;
use crate::output::commit::StagedOutput;

/// The folder of the output that holds the index and the UI.
pub(crate) const BUNDLE_DIR: &str = "pagefind";

/// The element Pagefind reads on each page.
const ROOT_SELECTOR: &str = "main";

/// What one indexing run did.
#[derive(Debug, Clone, Default)]
pub struct SearchReport {
    /// HTML pages handed to Pagefind.
    pub pages: usize,
    /// HTML files left out (redirects, 404, `noindex`, search pages).
    pub skipped: usize,
    /// Pages in the index of each language (summed over the shards).
    pub languages: BTreeMap<String, usize>,
    /// Shards of the index.
    pub shards: usize,
    /// Shards indexed by this run (the others were kept from an earlier one).
    pub shards_indexed: usize,
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

/// Files Pagefind generated, by path in the bundle folder, sorted.
pub(crate) type Generated = Vec<(String, Vec<u8>)>;

/// Indexes the HTML pages written so far into `dir` (a build's staging folder) and
/// writes the index into it, reusing the shards `store` kept from an earlier build.
///
/// Pagefind reads the pages of a folder in parallel, but takes the pages it is handed
/// one at a time, under one lock. So the pages of a shard to index are laid out as a
/// tree of hard links to their staged files (a copy where a link cannot be made or the
/// text is changed for Pagefind) in a scratch folder of the staging folder, and
/// Pagefind reads that tree.
pub(crate) fn index_dir(
    dir: &StagedOutput,
    store: &dyn ShardStore,
) -> Result<SearchReport, SearchError> {
    let start = Instant::now();
    let html: Vec<String> = dir.written().into_iter().filter(|p| is_html(p)).collect();
    let scanned: Vec<Option<PageEntry>> = html
        .par_iter()
        .map(|path| {
            let bytes = dir.read(path).map_err(|source| SearchError::ReadPage {
                path: path.clone(),
                source,
            })?;
            Ok(should_index(path, &bytes).then(|| {
                let len = bytes.len();
                let text = page_text(bytes);
                let mut entry = PageEntry::new(path, &text);
                entry.respaced = text.len() != len;
                entry
            }))
        })
        .collect::<Result<_, SearchError>>()?;
    let pages: Vec<PageEntry> = scanned.into_iter().flatten().collect();
    let report = SearchReport {
        pages: pages.len(),
        skipped: html.len() - pages.len(),
        ..SearchReport::default()
    };
    let source = Source::Staged(dir);
    index_shards(shards::plan(pages), &source, store, dir, report, start)
}

/// Where the text of the pages of a shard to index comes from.
enum Source<'a> {
    /// The staged files of a build.
    Staged(&'a StagedOutput),
    /// Memory: output path → text.
    Memory(&'a std::collections::HashMap<String, String>),
}

/// Writes the index of every shard into `out` (kept in `store`, or indexed now), then
/// the manifest of the shards, and forgets the shards of `store` this run did not use.
fn index_shards(
    shards: Vec<Shard>,
    source: &Source,
    store: &dyn ShardStore,
    out: &dyn Output,
    mut report: SearchReport,
    start: Instant,
) -> Result<SearchReport, SearchError> {
    report.shards = shards.len();
    let several = shards.len() > 1;
    let totals = Mutex::new(report);
    let languages: Vec<Mutex<Vec<String>>> = shards.iter().map(|_| Mutex::default()).collect();
    engine::run_jobs(shards.len(), |n, runtime| {
        let shard = &shards[n];
        let files = match store.load(&shard.key) {
            Some(files) => files,
            None => {
                let files = Arc::new(runtime.block_on(index_shard(shard, n, source))?);
                store.save(&shard.key, &files);
                lock(&totals).shards_indexed += 1;
                files
            }
        };
        let found = write_shard(shard, &files, out, &totals)?;
        if several && n == 0 {
            write_scripts(&files, out, &totals)?;
        }
        *lock(&languages[n]) = found;
        Ok(())
    })?;
    let listed: Vec<(String, bool, Vec<String>)> = shards
        .iter()
        .zip(languages)
        .map(|(s, l)| {
            (
                s.dir.clone(),
                s.full_bundle,
                l.into_inner().unwrap_or_default(),
            )
        })
        .collect();
    let mut report = totals.into_inner().unwrap_or_default();
    write_file(
        out,
        shards::MANIFEST,
        &shards::manifest(&listed),
        &mut report,
    )?;
    store.keep_only(&shards.iter().map(|s| s.key.clone()).collect());
    report.elapsed = start.elapsed();
    Ok(report)
}

fn lock<T: Default>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Indexes the pages of shard number `n`.
async fn index_shard(
    shard: &Shard,
    n: usize,
    source: &Source<'_>,
) -> Result<Generated, SearchError> {
    match source {
        Source::Memory(texts) => {
            let pages = shard
                .pages
                .iter()
                .map(|p| {
                    (
                        p.path.clone(),
                        texts.get(&p.path).cloned().unwrap_or_default(),
                    )
                })
                .collect();
            engine::index_pages(pages).await
        }
        Source::Staged(dir) => {
            let tree = dir
                .scratch(&format!("search/{n}"))
                .map_err(|source| SearchError::Scratch { source })?;
            lay_out_shard(dir, shard, &tree)?;
            let generated = engine::index_tree(tree.clone()).await;
            // Scratch space is freed as soon as it served.
            let _ = std::fs::remove_dir_all(&tree);
            generated
        }
    }
}

/// Lays the pages of `shard` out under `tree`, at their paths in the output.
fn lay_out_shard(dir: &StagedOutput, shard: &Shard, tree: &Path) -> Result<(), SearchError> {
    shard.pages.par_iter().try_for_each(|page| {
        let path = &page.path;
        let target =
            crate::output::safe_join(tree, path).map_err(|source| SearchError::PagePath {
                path: path.clone(),
                source,
            })?;
        lay_out(dir, page, &target).map_err(|source| SearchError::LayOut {
            path: path.clone(),
            source,
        })
    })
}

/// Puts the page at `target` for Pagefind to read: a hard link to its staged file,
/// else a copy of the text Pagefind is to read.
fn lay_out(dir: &StagedOutput, page: &PageEntry, target: &Path) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if !page.respaced
        && dir
            .source_of(&page.path)
            .and_then(|source| std::fs::hard_link(source, target))
            .is_ok()
    {
        return Ok(());
    }
    std::fs::write(target, page_text(dir.read(&page.path)?))
}

/// Writes the files of a shard into its folder under `pagefind/` (only the index
/// proper, unless it is a whole bundle); returns the languages it holds.
fn write_shard(
    shard: &Shard,
    files: &Generated,
    out: &dyn Output,
    totals: &Mutex<SearchReport>,
) -> Result<Vec<String>, SearchError> {
    let mut report = SearchReport::default();
    let mut languages = Vec::new();
    for (name, bytes) in files {
        if !shard.full_bundle && !shards::is_index_file(name) {
            continue;
        }
        write_file(out, &format!("{}{name}", shard.dir), bytes, &mut report)?;
        if name == "pagefind-entry.json" {
            for (language, pages) in entry_languages(bytes) {
                languages.push(language.clone());
                *report.languages.entry(language).or_default() += pages;
            }
        }
    }
    let mut totals = lock(totals);
    totals.files += report.files;
    totals.bytes += report.bytes;
    totals.index_bytes += report.index_bytes;
    for (language, pages) in report.languages {
        *totals.languages.entry(language).or_default() += pages;
    }
    Ok(languages)
}

/// Pagefind's scripts and styles (its UI above all) in `pagefind/` itself, where the
/// search page loads them, when the index is in shards.
fn write_scripts(
    files: &Generated,
    out: &dyn Output,
    totals: &Mutex<SearchReport>,
) -> Result<(), SearchError> {
    let mut report = SearchReport::default();
    for (name, bytes) in files.iter().filter(|(n, _)| !shards::is_index_file(n)) {
        write_file(out, name, bytes, &mut report)?;
    }
    let mut totals = lock(totals);
    totals.files += report.files;
    totals.bytes += report.bytes;
    Ok(())
}

/// Writes `pagefind/<name>` and counts it.
fn write_file(
    out: &dyn Output,
    name: &str,
    bytes: &[u8],
    report: &mut SearchReport,
) -> Result<(), SearchError> {
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
    Ok(())
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
    fn the_indexer_version_is_current() {
        let out = MemoryOutput::default();
        index_site(
            vec![("index.html".to_string(), page("en", "Hello", "World"))],
            &out,
        )
        .expect("indexing succeeds");
        let files = out.files.lock().unwrap();
        let entry: serde_json::Value =
            serde_json::from_slice(&files["pagefind/pagefind-entry.json"]).unwrap();
        let version = entry["version"].as_str().expect("a version");
        assert!(
            shards::INDEXER.starts_with(&format!("pagefind {version};")),
            "{version}: update shards::INDEXER"
        );
    }

    #[test]
    fn a_shard_indexed_once_is_kept() {
        let index = LiveIndex::default();
        let files = || vec![("index.html".to_string(), page("en", "Hello", "World"))];
        let first = MemoryOutput::default();
        assert_eq!(index.update(files(), &first).unwrap().shards_indexed, 1);
        let second = MemoryOutput::default();
        assert_eq!(index.update(files(), &second).unwrap().shards_indexed, 0);
        assert_eq!(*first.files.lock().unwrap(), *second.files.lock().unwrap());
        let edited = vec![("index.html".to_string(), page("en", "Hello", "Moon"))];
        assert_eq!(index.update(edited, &second).unwrap().shards_indexed, 1);
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
