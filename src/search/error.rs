//! Why the search index could not be made or written.

use std::io;

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
