//! Render stage helper: rendered Markdown kept on disk between builds
//! (`<site>/.folio-cache/markdown/`, in a few pack files: see [`pack`]), so that a
//! build with nothing changed renders no Markdown and highlights no code.
//!
//! An entry is found by a hash of everything the rendered HTML depends on: the body, the
//! switches of [`MarkdownOptions`] (slug mode, `safe_html`), the cache format, and the
//! folio binary itself (a new build of folio starts afresh). The URLs `@/` links
//! resolved to are stored in the entry and checked against the current site before it
//! is used: a linked page that moved makes the entry stale. Only bodies rendered
//! without problems are stored, so every diagnostic comes from a real render.
//! A cache that cannot be read or written is passed by, never an error.

mod pack;

use std::fs;
use std::path::Path;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::{Heading, MarkdownOptions, Rendered, render};

/// Where the cache lives under a site's folder; the rendered Markdown is in its
/// `markdown/` folder.
pub(crate) const CACHE_DIR: &str = ".folio-cache";

/// Bumped whenever the entry format or the meaning of a key changes.
const FORMAT: &str = "folio-markdown-cache 3";

/// What an entry holds besides the HTML.
#[derive(Serialize, Deserialize)]
struct Header {
    word_count: usize,
    toc: Vec<Heading>,
    /// `@/` targets and the URLs they resolved to when the entry was written.
    links: Vec<(String, String)>,
}

/// The on-disk cache of one build; shared by the threads rendering pages.
pub(crate) struct MarkdownCache {
    store: pack::PackStore,
    /// Bodies found in the cache, and bodies rendered, by this build.
    hits: AtomicUsize,
    misses: AtomicUsize,
}

impl MarkdownCache {
    /// The cache of the site in `root`.
    pub(crate) fn new(root: &Path) -> MarkdownCache {
        MarkdownCache {
            store: pack::PackStore::open(root.join(CACHE_DIR).join("markdown")),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// `markdown::render` of `body`, from the cache when an entry is still good.
    pub(crate) fn render(
        &self,
        file: &Path,
        body: &str,
        first_line: usize,
        options: &MarkdownOptions<'_>,
    ) -> Rendered {
        let key = key(body, options);
        if let Some(rendered) = self.store.get(key).and_then(|bytes| decode(bytes, options)) {
            self.store.keep(key);
            self.hits.fetch_add(1, Ordering::Relaxed);
            return rendered;
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let rendered = render(file, body, first_line, options);
        if rendered.problems.is_empty()
            && let Some(bytes) = encode(&rendered, options)
        {
            self.store.put(key, &bytes);
        }
        rendered
    }

    /// How many bodies this build took from the cache, and how many it rendered.
    pub(crate) fn counts(&self) -> (usize, usize) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// Ends a successful build: keeps the entries it used or wrote and drops the rest
    /// (they belong to bodies that changed or are gone).
    pub(crate) fn finish(self) {
        self.store.finish();
    }
}

/// The key of the entry of `body` rendered with `options`.
fn key(body: &str, options: &MarkdownOptions<'_>) -> u128 {
    let mut h = blake3::Hasher::new();
    for part in [FORMAT, BINARY.as_str(), &format!("{:?}", options.slugify)] {
        h.update(&part.len().to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(&[u8::from(options.safe_html)]);
    h.update(body.as_bytes());
    let mut key = [0; 16];
    h.finalize_xof().fill(&mut key);
    u128::from_le_bytes(key)
}

/// Identifies the running folio: its version, and the size and time of its executable,
/// so that entries written by another build of folio are never read.
static BINARY: LazyLock<String> = LazyLock::new(|| {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
});

/// An entry: its header as one line of JSON, then the HTML.
fn decode(bytes: Vec<u8>, options: &MarkdownOptions<'_>) -> Option<Rendered> {
    let mut header = String::from_utf8(bytes).ok()?;
    let end = header.find('\n')?;
    let html = header.split_off(end + 1);
    let header: Header = serde_json::from_str(&header).ok()?;
    let still_good = header
        .links
        .iter()
        .all(|(target, url)| options.links.resolve(target).as_ref() == Some(url));
    if !still_good {
        return None;
    }
    Some(Rendered {
        html,
        toc: header.toc,
        word_count: header.word_count,
        links: header.links.into_iter().map(|(target, _)| target).collect(),
        problems: Vec::new(),
        deferred: false,
        embeds: false,
    })
}

fn encode(rendered: &Rendered, options: &MarkdownOptions<'_>) -> Option<Vec<u8>> {
    let links = rendered
        .links
        .iter()
        .map(|target| {
            let url = options.links.resolve(target).unwrap_or_default();
            (target.clone(), url)
        })
        .collect();
    let header = Header {
        word_count: rendered.word_count,
        toc: rendered.toc.clone(),
        links,
    };
    let mut bytes = serde_json::to_vec(&header).ok()?;
    bytes.push(b'\n');
    bytes.extend_from_slice(rendered.html.as_bytes());
    Some(bytes)
}
