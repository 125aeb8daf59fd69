//! The index of a site held in memory (the dev server's): each update indexes only
//! the shards whose pages changed since the last one. Its shards are smaller than a
//! build's ([`shards::LIVE_SHARD_PAGES`]).

use std::collections::HashMap;
use std::time::Instant;

use rayon::prelude::*;

use super::page::{is_html, page_text, should_index};
use super::shards::{self, PageEntry};
use super::store::MemoryStore;
use super::{SearchError, SearchReport, Source, index_shards};
use crate::output::Output;

/// The shards indexed so far, kept for the next update.
#[derive(Default)]
pub(crate) struct LiveIndex {
    store: MemoryStore,
}

impl LiveIndex {
    /// Indexes `files` (output path such as `notes/x/index.html`, and its bytes) and
    /// writes every file of the index into `out` under `pagefind/`. Files that are not
    /// HTML pages to index (see [`should_index`]) are passed over, so the whole output
    /// may be handed in.
    pub(crate) fn update<I>(&self, files: I, out: &dyn Output) -> Result<SearchReport, SearchError>
    where
        I: IntoIterator<Item = (String, Vec<u8>)>,
    {
        let start = Instant::now();
        let html: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .filter(|(path, _)| is_html(path))
            .collect();
        let html_count = html.len();
        let pages: Vec<(PageEntry, String)> = html
            .into_par_iter()
            .filter(|(path, bytes)| should_index(path, bytes))
            .map(|(path, bytes)| {
                let text = page_text(bytes);
                (PageEntry::new(&path, &text), text)
            })
            .collect();
        let report = SearchReport {
            pages: pages.len(),
            skipped: html_count - pages.len(),
            ..SearchReport::default()
        };
        let (entries, texts): (Vec<PageEntry>, HashMap<String, String>) = pages
            .into_iter()
            .map(|(entry, text)| {
                let path = entry.path.clone();
                (entry, (path, text))
            })
            .unzip();
        let source = Source::Memory(&texts);
        let pages = shards::shard_pages().min(shards::LIVE_SHARD_PAGES);
        let plan = shards::plan_by(entries, pages);
        index_shards(plan, &source, &self.store, out, report, start)
    }
}

/// Indexes `files` once, into `out` (see [`LiveIndex::update`]).
#[cfg(test)]
pub(crate) fn index_site<I>(files: I, out: &dyn Output) -> Result<SearchReport, SearchError>
where
    I: IntoIterator<Item = (String, Vec<u8>)>,
{
    LiveIndex::default().update(files, out)
}
