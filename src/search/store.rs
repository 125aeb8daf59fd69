//! Where the index of each shard is kept between builds, by the shard's key: on disk
//! under `<site>/.folio-cache/search/` for `folio build` (one pack file a shard), in
//! memory for `folio serve`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::Generated;

/// The shards' indexes of earlier runs.
pub(crate) trait ShardStore: Sync {
    /// The files of the shard with this key, if kept.
    fn load(&self, key: &str) -> Option<Arc<Generated>>;
    /// Keeps the files of a shard just indexed.
    fn save(&self, key: &str, files: &Arc<Generated>);
    /// Forgets every shard but these.
    fn keep_only(&self, keys: &HashSet<String>);
}

/// No store: every shard is indexed (`--no-cache`).
pub(crate) struct NoStore;

impl ShardStore for NoStore {
    fn load(&self, _key: &str) -> Option<Arc<Generated>> {
        None
    }
    fn save(&self, _key: &str, _files: &Arc<Generated>) {}
    fn keep_only(&self, _keys: &HashSet<String>) {}
}

/// Shards in memory (the dev server's).
#[derive(Default)]
pub(crate) struct MemoryStore {
    shards: Mutex<HashMap<String, Arc<Generated>>>,
}

impl ShardStore for MemoryStore {
    fn load(&self, key: &str) -> Option<Arc<Generated>> {
        self.shards.lock().ok()?.get(key).cloned()
    }
    fn save(&self, key: &str, files: &Arc<Generated>) {
        if let Ok(mut shards) = self.shards.lock() {
            shards.insert(key.to_string(), files.clone());
        }
    }
    fn keep_only(&self, keys: &HashSet<String>) {
        if let Ok(mut shards) = self.shards.lock() {
            shards.retain(|key, _| keys.contains(key));
        }
    }
}

/// Shards on disk: `<dir>/<key>.pack`, each the shard's files one after the other
/// (name length, name, size, bytes; lengths as little-endian `u64`). A pack that
/// cannot be read whole is as good as none: the shard is indexed again.
pub(crate) struct DiskStore {
    dir: PathBuf,
}

const PACK: &str = "pack";
const MAGIC: &[u8] = b"folio search shard 1\n";

impl DiskStore {
    /// The store of the site at `root`.
    pub(crate) fn of_site(root: &Path) -> DiskStore {
        DiskStore {
            dir: root.join(crate::markdown::cache::CACHE_DIR).join("search"),
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.{PACK}"))
    }
}

impl ShardStore for DiskStore {
    fn load(&self, key: &str) -> Option<Arc<Generated>> {
        let bytes = fs::read(self.path(key)).ok()?;
        unpack(&bytes).map(Arc::new)
    }

    fn save(&self, key: &str, files: &Arc<Generated>) {
        // Written aside and renamed: a killed build leaves no half pack.
        let write = || -> io::Result<()> {
            fs::create_dir_all(&self.dir)?;
            let aside = self.dir.join(format!("{key}.{}.tmp", std::process::id()));
            fs::write(&aside, pack(files))?;
            fs::rename(&aside, self.path(key))
        };
        // The cache is an optimisation: a shard it cannot keep is indexed next time.
        let _ = write();
    }

    fn keep_only(&self, keys: &HashSet<String>) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let kept = name
                .strip_suffix(&format!(".{PACK}"))
                .is_some_and(|key| keys.contains(key));
            if !kept {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

fn pack(files: &Generated) -> Vec<u8> {
    let size: usize = files.iter().map(|(n, b)| n.len() + b.len() + 16).sum();
    let mut out = Vec::with_capacity(MAGIC.len() + size);
    out.extend_from_slice(MAGIC);
    for (name, bytes) in files {
        out.extend_from_slice(&(name.len() as u64).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

fn unpack(bytes: &[u8]) -> Option<Generated> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut files = Vec::new();
    let take = |rest: &mut &[u8]| -> Option<Vec<u8>> {
        let (len, tail) = rest.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        let (field, tail) = tail.split_at_checked(len)?;
        *rest = tail;
        Some(field.to_vec())
    };
    while !rest.is_empty() {
        let name = String::from_utf8(take(&mut rest)?).ok()?;
        let bytes = take(&mut rest)?;
        files.push((name, bytes));
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_reads_back_and_a_cut_one_does_not() {
        let files: Generated = vec![
            ("pagefind-entry.json".to_string(), b"{}".to_vec()),
            ("index/en_1.pf_index".to_string(), vec![0, 1, 2, 255]),
            ("empty".to_string(), Vec::new()),
        ];
        let packed = pack(&files);
        assert_eq!(unpack(&packed), Some(files));
        assert_eq!(unpack(&packed[..packed.len() - 1]), None);
        assert_eq!(unpack(b"something else"), None);
    }

    #[test]
    fn the_disk_store_keeps_only_the_shards_of_the_last_run() {
        let dir = tempfile::tempdir().unwrap();
        let store = DiskStore::of_site(dir.path());
        let files = Arc::new(vec![("a".to_string(), b"x".to_vec())]);
        store.save("k1", &files);
        store.save("k2", &files);
        assert_eq!(store.load("k1").as_deref(), Some(&*files));
        store.keep_only(&HashSet::from(["k2".to_string()]));
        assert!(store.load("k1").is_none());
        assert_eq!(store.load("k2").as_deref(), Some(&*files));
    }
}
