//! Running Pagefind: an index of one shard's pages, read from a folder (in parallel,
//! by Pagefind) or handed over from memory, and the threads the shards are indexed on.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::{Generated, ROOT_SELECTOR, SearchError};

/// Shards indexed at once, at most: each holds its pages' words while it is built
/// (about 0.2 MB a page), and Pagefind reads a shard's pages on every core already.
const MAX_WORKERS: usize = 2;

/// Runs `work` for every job in `0..jobs` on a few threads of their own, each with a
/// Tokio runtime (the build is synchronous, and the dev server calls from inside its
/// runtime, where a second one cannot be started on the same thread). Stops at the
/// first error and returns it.
pub(crate) fn run_jobs<F>(jobs: usize, work: F) -> Result<(), SearchError>
where
    F: Fn(usize, &tokio::runtime::Runtime) -> Result<(), SearchError> + Sync,
{
    // Pagefind resolves its (unused) site folder against the working directory and
    // panics when there is none.
    std::env::current_dir().map_err(|source| SearchError::WorkingDir { source })?;
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<SearchError>> = Mutex::new(None);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_WORKERS)
        .min(jobs);
    let worker = || -> Result<(), SearchError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|source| SearchError::Runtime { source })?;
        loop {
            let job = next.fetch_add(1, Ordering::SeqCst);
            let stop = failed.lock().map_or(true, |f| f.is_some());
            if job >= jobs || stop {
                return Ok(());
            }
            work(job, &runtime)?;
        }
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(worker)).collect();
        for handle in handles {
            let result = handle.join().unwrap_or(Err(SearchError::Panicked));
            if let (Err(e), Ok(mut failed)) = (result, failed.lock()) {
                failed.get_or_insert(e);
            }
        }
    });
    match failed.into_inner() {
        Ok(Some(e)) => Err(e),
        Ok(None) => Ok(()),
        Err(_) => Err(SearchError::Panicked),
    }
}

/// Indexes every `.html` file under `tree` (paths relative to it are the pages' paths
/// in the output), Pagefind reading them in parallel.
pub(crate) async fn index_tree(tree: PathBuf) -> Result<Generated, SearchError> {
    let mut index = new_index()?;
    let tree = tree.to_string_lossy().into_owned();
    index
        .add_directory(tree, Some("**/*.html".to_string()))
        .await
        .map_err(|e| SearchError::Index { source: e.into() })?;
    generated_files(&mut index).await
}

/// Indexes pages handed over as (output path, text given to Pagefind).
pub(crate) async fn index_pages(pages: Vec<(String, String)>) -> Result<Generated, SearchError> {
    let mut index = new_index()?;
    for (path, html) in pages {
        // A relative source path: Pagefind makes the URL `/notes/x/` of it, as its CLI
        // does for `notes/x/index.html` in the site's folder, percent-encoded.
        if let Err(e) = index.add_html_file(Some(path.clone()), None, html).await {
            return Err(SearchError::AddPage {
                path,
                source: e.into(),
            });
        }
    }
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

/// A path inside the bundle with `/` separators.
fn slash_path(path: &std::path::Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
