//! The on-disk cache of thumbnails: files named by a hash of the source's bytes and
//! the operation (width, encoding, quality), so a changed image or a changed setting
//! never reuses a stale file, and an unchanged one is never resized again.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Bump when the resizing or encoding changes, so old cache files are not reused.
const VERSION: u32 = 1;

/// The cache folder, `<site root>/.folio-cache/images/`.
#[derive(Debug, Clone)]
pub(crate) struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub(crate) fn new(site_root: &Path) -> Cache {
        Cache {
            dir: site_root.join(".folio-cache").join("images"),
        }
    }

    /// The cache of social cards, `<site root>/.folio-cache/cards/`.
    pub(crate) fn cards(site_root: &Path) -> Cache {
        Cache {
            dir: site_root.join(".folio-cache").join("cards"),
        }
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The hash of a source image's bytes.
    pub(crate) fn source_key(bytes: &[u8]) -> String {
        blake3::hash(bytes).to_hex().to_string()
    }

    /// Where the result of `operation` (e.g. `w640.webp`) on the source with hash
    /// `source` is kept.
    pub(crate) fn path(&self, source: &str, operation: &str) -> PathBuf {
        let key = blake3::hash(format!("v{VERSION}:{source}:{operation}").as_bytes()).to_hex();
        let ext = operation.rsplit('.').next().unwrap_or("bin");
        self.dir
            .join(&key[..2])
            .join(format!("{}.{ext}", &key[..32]))
    }

    /// Writes a cache file atomically (a half-written file is never seen).
    pub(crate) fn store(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let parent = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent)?;
        let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
        tmp.write_all(bytes)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_source_and_operation() {
        let cache = Cache::new(Path::new("/site"));
        let a = Cache::source_key(b"one");
        let b = Cache::source_key(b"two");
        assert_ne!(cache.path(&a, "w320.jpg"), cache.path(&b, "w320.jpg"));
        assert_ne!(cache.path(&a, "w320.jpg"), cache.path(&a, "w640.jpg"));
        assert_eq!(cache.path(&a, "w320.webp"), cache.path(&a, "w320.webp"));
        assert!(
            cache
                .path(&a, "w320.webp")
                .starts_with("/site/.folio-cache/images")
        );
        assert_eq!(cache.path(&a, "w320.webp").extension().unwrap(), "webp");
    }
}
