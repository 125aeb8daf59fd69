//! How the pages are split into shards, each a Pagefind index of its own that the
//! search page queries together with the others of its language (Pagefind's
//! `mergeIndex`), and the key that tells whether a shard's index can be kept.
//!
//! A site of at most [`SHARD_PAGES`] pages to index is one shard, written to
//! `pagefind/` itself. A larger site is split by language (Pagefind keeps one index a
//! language and the browser searches the one of its page), and each language into
//! `ceil(pages / SHARD_PAGES)` buckets by a hash of the page's path: a page stays in
//! its bucket from build to build (until the language's bucket count changes), so an
//! edit changes one shard's key and only that shard is indexed again.

use std::collections::BTreeMap;

/// Pages to index per shard, at most on average.
pub(crate) const SHARD_PAGES: usize = 1000;

/// Pages per shard in the dev server, whose index is in memory: smaller shards, so
/// that an edit is indexed again sooner (the search page loads more files, from the
/// machine itself).
pub(crate) const LIVE_SHARD_PAGES: usize = 250;

/// [`SHARD_PAGES`], or the environment's `FOLIO_SEARCH_SHARD_PAGES` (for trying the
/// layout of a large site on a small one).
pub(crate) fn shard_pages() -> usize {
    static PAGES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *PAGES.get_or_init(|| {
        std::env::var("FOLIO_SEARCH_SHARD_PAGES")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or(SHARD_PAGES)
    })
}

/// The indexer and what folio asks of it: a shard indexed with other settings is not
/// reused. (The unit test `the_indexer_version_is_current` checks the version.)
pub(crate) const INDEXER: &str = "pagefind 1.6.0; root main; shards v1";

/// The manifest of the shards, in `pagefind/`: language → shard folders (relative to
/// `pagefind/`, the first holding `pagefind.js`).
pub(crate) const MANIFEST: &str = "shards.json";

/// One page to index: its output path, language and the hash of its text.
#[derive(Debug, Clone)]
pub(crate) struct PageEntry {
    pub path: String,
    pub language: String,
    pub hash: blake3::Hash,
    /// Whether that text differs from the page's file (Ethiopic words spaced).
    pub respaced: bool,
}

impl PageEntry {
    pub(crate) fn new(path: &str, text: &str) -> PageEntry {
        PageEntry {
            path: path.to_string(),
            language: super::page::page_language(text),
            hash: blake3::hash(text.as_bytes()),
            respaced: false,
        }
    }
}

/// A shard: its folder under `pagefind/` (`""` for the only shard, else
/// `<language>-<n>/`), whether it is a whole bundle (Pagefind's scripts and
/// WebAssembly beside the index: the first shard of a language) and its pages.
#[derive(Debug)]
pub(crate) struct Shard {
    pub dir: String,
    pub full_bundle: bool,
    pub pages: Vec<PageEntry>,
    /// The hash of the indexer, the shard's folder and every page's path and text:
    /// the same key, the same index.
    pub key: String,
}

/// Splits the pages into shards (see the module's documentation), in a fixed order:
/// by language, then bucket.
pub(crate) fn plan(pages: Vec<PageEntry>) -> Vec<Shard> {
    plan_by(pages, shard_pages())
}

/// Splits the pages into shards of at most `shard_pages` on average.
pub(crate) fn plan_by(pages: Vec<PageEntry>, shard_pages: usize) -> Vec<Shard> {
    if pages.len() <= shard_pages {
        return vec![shard(String::new(), true, pages)];
    }
    let mut languages: BTreeMap<String, Vec<PageEntry>> = BTreeMap::new();
    for page in pages {
        languages
            .entry(page.language.clone())
            .or_default()
            .push(page);
    }
    let mut shards = Vec::new();
    for (language, pages) in languages {
        let count = pages.len().div_ceil(shard_pages);
        let mut buckets: Vec<Vec<PageEntry>> = (0..count).map(|_| Vec::new()).collect();
        for page in pages {
            buckets[bucket_of(&page.path, count)].push(page);
        }
        let name = folder_name(&language);
        // A bucket may stay empty on a small site: it is no shard.
        let filled = buckets
            .into_iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty());
        for (i, (n, pages)) in filled.enumerate() {
            shards.push(shard(format!("{name}-{n}/"), i == 0, pages));
        }
    }
    shards
}

fn shard(dir: String, full_bundle: bool, mut pages: Vec<PageEntry>) -> Shard {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut key = blake3::Hasher::new();
    key.update(INDEXER.as_bytes());
    key.update(&[0]);
    key.update(dir.as_bytes());
    key.update(&[u8::from(full_bundle)]);
    for page in &pages {
        key.update(&(page.path.len() as u64).to_le_bytes());
        key.update(page.path.as_bytes());
        key.update(page.hash.as_bytes());
    }
    Shard {
        dir,
        full_bundle,
        pages,
        key: key.finalize().to_hex().to_string(),
    }
}

/// The bucket of the page at `path` among `count`: from a hash of the path alone.
fn bucket_of(path: &str, count: usize) -> usize {
    let hash = blake3::hash(path.as_bytes());
    let head: [u8; 8] = hash.as_bytes()[..8].try_into().unwrap_or_default();
    (u64::from_le_bytes(head) % count as u64) as usize
}

/// A language tag as a folder name: ASCII letters, digits and `-`, else `_`.
fn folder_name(language: &str) -> String {
    language
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' => c,
            _ => '_',
        })
        .collect()
}

/// Whether a file of Pagefind's bundle belongs in a shard that is not a whole bundle:
/// the entry, the metadata and the chunks of the index; not the scripts, styles and
/// WebAssembly (a merged index uses those of the first).
pub(crate) fn is_index_file(name: &str) -> bool {
    name == "pagefind-entry.json"
        || name.ends_with(".pf_meta")
        || ["index/", "fragment/", "filter/"]
            .iter()
            .any(|dir| name.starts_with(dir))
}

/// The manifest: for each language (as in each shard's `pagefind-entry.json`), the
/// folders of the shards that hold it, whole bundles first.
pub(crate) fn manifest(shards: &[(String, bool, Vec<String>)]) -> Vec<u8> {
    let mut by_language: BTreeMap<&str, Vec<(bool, &str)>> = BTreeMap::new();
    for (dir, full_bundle, languages) in shards {
        for language in languages {
            by_language
                .entry(language)
                .or_default()
                .push((!full_bundle, dir));
        }
    }
    let json: BTreeMap<&str, Vec<&str>> = by_language
        .into_iter()
        .map(|(language, mut dirs)| {
            dirs.sort();
            (language, dirs.into_iter().map(|(_, dir)| dir).collect())
        })
        .collect();
    serde_json::to_vec(&json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(language: &str, count: usize) -> Vec<PageEntry> {
        (0..count)
            .map(|i| {
                let path = format!("{language}/p{i}/index.html");
                PageEntry {
                    hash: blake3::hash(path.as_bytes()),
                    path,
                    language: language.to_string(),
                    respaced: false,
                }
            })
            .collect()
    }

    #[test]
    fn a_small_site_is_one_shard_in_the_bundle_folder() {
        let mut all = pages("en", 600);
        all.extend(pages("uk", 400));
        let shards = plan_by(all, SHARD_PAGES);
        assert_eq!(shards.len(), 1);
        assert_eq!(shards[0].dir, "");
        assert!(shards[0].full_bundle);
        assert_eq!(shards[0].pages.len(), 1000);
    }

    #[test]
    fn a_large_site_is_split_by_language_then_by_path() {
        let mut all = pages("en", 2500);
        all.extend(pages("x_y", 10));
        let shards = plan_by(all, SHARD_PAGES);
        let dirs: Vec<&str> = shards.iter().map(|s| s.dir.as_str()).collect();
        assert_eq!(dirs, ["en-0/", "en-1/", "en-2/", "x_y-0/"]);
        let full: Vec<bool> = shards.iter().map(|s| s.full_bundle).collect();
        assert_eq!(full, [true, false, false, true]);
        for shard in &shards[..3] {
            assert!(
                (600..1100).contains(&shard.pages.len()),
                "{}",
                shard.pages.len()
            );
        }
    }

    #[test]
    fn an_edit_changes_the_key_of_one_shard() {
        let before = plan_by(pages("en", 5000), SHARD_PAGES);
        let mut edited = pages("en", 5000);
        edited[1234].hash = blake3::hash(b"new text");
        let after = plan_by(edited, SHARD_PAGES);
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a.key != b.key)
            .map(|(a, _)| a.dir.as_str())
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        let again = plan_by(pages("en", 5000), SHARD_PAGES);
        assert!(before.iter().zip(&again).all(|(a, b)| a.key == b.key));
    }

    #[test]
    fn the_manifest_lists_whole_bundles_first() {
        let shards = vec![
            ("en-1/".to_string(), false, vec!["en".to_string()]),
            ("en-0/".to_string(), true, vec!["en".to_string()]),
            ("uk-0/".to_string(), true, vec!["uk".to_string()]),
        ];
        assert_eq!(
            String::from_utf8(manifest(&shards)).unwrap(),
            r#"{"en":["en-0/","en-1/"],"uk":["uk-0/"]}"#
        );
    }
}
