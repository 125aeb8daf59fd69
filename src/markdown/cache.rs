//! Render stage helper: rendered Markdown kept on disk between builds
//! (`<site>/.folio-cache/markdown/`), so that a build with nothing changed renders no
//! Markdown and highlights no code.
//!
//! An entry is found by a hash of everything the rendered HTML depends on: the body, the
//! switches of [`MarkdownOptions`] (slug mode, `safe_html`), the cache format, and the
//! folio binary itself (a new build of folio starts afresh). The URLs `@/` links
//! resolved to are stored in the entry and checked against the current site before it
//! is used: a linked page that moved makes the entry stale. Only bodies rendered
//! without problems are stored, so every diagnostic comes from a real render.
//! A cache that cannot be read or written is passed by, never an error.

use std::collections::BTreeSet;
use std::fs;
use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use serde::{Deserialize, Serialize};
use siphasher::sip128::{Hasher128, SipHasher13};

use super::{Heading, MarkdownOptions, Rendered, render};

/// Where the cache lives under a site's folder; the rendered Markdown is in its
/// `markdown/` folder.
pub const CACHE_DIR: &str = ".folio-cache";

/// Bumped whenever the entry format or the meaning of a key changes.
const FORMAT: &str = "folio-markdown-cache 1";

/// What an entry holds besides the HTML.
#[derive(Serialize, Deserialize)]
struct Header {
    word_count: usize,
    toc: Vec<Heading>,
    /// `@/` targets and the URLs they resolved to when the entry was written.
    links: Vec<(String, String)>,
}

/// The on-disk cache of one build; shared by the threads rendering pages.
pub struct MarkdownCache {
    dir: PathBuf,
    /// Names of the entries this build used or wrote, so the rest can be pruned.
    used: Mutex<BTreeSet<String>>,
}

impl MarkdownCache {
    /// The cache of the site in `root`.
    pub fn new(root: &Path) -> MarkdownCache {
        MarkdownCache {
            dir: root.join(CACHE_DIR).join("markdown"),
            used: Mutex::new(BTreeSet::new()),
        }
    }

    /// `markdown::render` of `body`, from the cache when an entry is still good.
    pub fn render(
        &self,
        file: &Path,
        body: &str,
        first_line: usize,
        options: &MarkdownOptions<'_>,
    ) -> Rendered {
        let name = key(body, options);
        let path = self.dir.join(&name[..2]).join(&name[2..]);
        if let Some(rendered) = read(&path, options) {
            self.mark(name);
            return rendered;
        }
        let rendered = render(file, body, first_line, options);
        if rendered.problems.is_empty() && write(&path, &rendered, options).is_ok() {
            self.mark(name);
        }
        rendered
    }

    fn mark(&self, name: String) {
        if let Ok(mut used) = self.used.lock() {
            used.insert(name);
        }
    }

    /// Removes the entries this build did not use (after a full build: they belong to
    /// bodies that changed or are gone).
    pub fn prune(&self) {
        let used = match self.used.lock() {
            Ok(used) => used,
            Err(_) => return,
        };
        let Ok(shards) = fs::read_dir(&self.dir) else {
            return;
        };
        for shard in shards.flatten() {
            let prefix = shard.file_name().to_string_lossy().into_owned();
            let Ok(entries) = fs::read_dir(shard.path()) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if !used.contains(&name) {
                    let _ = fs::remove_file(entry.path());
                }
            }
            let _ = fs::remove_dir(shard.path()); // only when empty
        }
    }
}

/// The hex name of the entry of `body` rendered with `options`.
fn key(body: &str, options: &MarkdownOptions<'_>) -> String {
    let mut h = SipHasher13::new();
    h.write(FORMAT.as_bytes());
    h.write(BINARY.as_bytes());
    h.write(format!("{:?}", options.slugify).as_bytes());
    h.write_u8(u8::from(options.safe_html));
    h.write(body.as_bytes());
    format!("{:032x}", h.finish128().as_u128())
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

fn read(path: &Path, options: &MarkdownOptions<'_>) -> Option<Rendered> {
    let mut header = fs::read_to_string(path).ok()?;
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
    })
}

fn write(path: &Path, rendered: &Rendered, options: &MarkdownOptions<'_>) -> std::io::Result<()> {
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
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    // Written aside and renamed into place: a reader never sees half an entry.
    let mut bytes = serde_json::to_vec(&header)?;
    bytes.push(b'\n');
    bytes.extend_from_slice(rendered.html.as_bytes());
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
