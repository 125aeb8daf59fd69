//! An on-disk store of blobs found by a 128-bit key, in a handful of pack files.
//!
//! A build appends what it renders to pack files of its own (one per thread that
//! writes at once), so a cold build of 10,000 pages opens a few files, not 10,000.
//! When the build ends, `finish` writes the index of the entries it used or wrote and
//! deletes the packs nothing refers to; when less than half of the packs' bytes are
//! still used, the used entries are copied into one new pack first. Every entry carries
//! its key, its length and a checksum, so a damaged, truncated or foreign pack is a
//! miss, never wrong HTML. The index is replaced by a rename: a reader sees the old one
//! or the new one.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

const INDEX: &str = "index";
const INDEX_HEADER: &str = "folio-pack-index 2";
/// Key, length of the bytes, checksum of the bytes.
const FRAME_HEADER: usize = 16 + 8 + 8;

/// Where an entry is: its pack, and its frame's place in it.
#[derive(Clone)]
struct Loc {
    pack: Arc<str>,
    offset: u64,
    len: u64,
}

/// A pack this build is appending to.
struct Writer {
    name: Arc<str>,
    out: BufWriter<File>,
    offset: u64,
}

pub(super) struct PackStore {
    dir: PathBuf,
    /// The entries of the index the last finished build wrote.
    index: HashMap<u128, Loc>,
    /// Packs opened for reading, by name.
    readers: Mutex<HashMap<Arc<str>, Option<Arc<File>>>>,
    writers: Mutex<Vec<Writer>>,
    /// The entries this build used or wrote: the next index.
    kept: Mutex<HashMap<u128, Loc>>,
}

impl PackStore {
    /// The store in `dir` (created when the first entry is written).
    pub(super) fn open(dir: PathBuf) -> PackStore {
        let index = fs::read_to_string(dir.join(INDEX))
            .ok()
            .and_then(|text| parse_index(&text))
            .unwrap_or_default();
        PackStore {
            dir,
            index,
            readers: Mutex::default(),
            writers: Mutex::default(),
            kept: Mutex::default(),
        }
    }

    /// The bytes stored under `key`, if they are there and whole.
    pub(super) fn get(&self, key: u128) -> Option<Vec<u8>> {
        let loc = self.index.get(&key)?;
        let frame = self.read_frame(loc)?;
        unframe(key, &frame).map(<[u8]>::to_vec)
    }

    /// Keeps the entry of `key` (found by `get`) in the next index.
    pub(super) fn keep(&self, key: u128) {
        if let (Some(loc), Ok(mut kept)) = (self.index.get(&key), self.kept.lock()) {
            kept.insert(key, loc.clone());
        }
    }

    /// Stores `bytes` under `key`. Failing to write is not an error: the entry is
    /// simply not there next time.
    pub(super) fn put(&self, key: u128, bytes: &[u8]) {
        let writer = self.writers.lock().ok().and_then(|mut w| w.pop());
        let Some(mut writer) = writer.or_else(|| self.new_writer()) else {
            return;
        };
        let head = frame_header(key, bytes);
        let loc = Loc {
            pack: writer.name.clone(),
            offset: writer.offset,
            len: (head.len() + bytes.len()) as u64,
        };
        if writer.out.write_all(&head).is_err() || writer.out.write_all(bytes).is_err() {
            return; // the writer is dropped; what it wrote is not indexed
        }
        writer.offset += loc.len;
        if let Ok(mut kept) = self.kept.lock() {
            kept.insert(key, loc);
        }
        if let Ok(mut writers) = self.writers.lock() {
            writers.push(writer);
        }
    }

    /// Ends the build: flushes the new packs, compacts when most bytes are dead,
    /// writes the index of the kept entries and deletes every pack it does not name.
    pub(super) fn finish(self) {
        let writers = self.writers.lock().map(|mut w| std::mem::take(&mut *w));
        let mut kept = self
            .kept
            .lock()
            .map(|mut k| std::mem::take(&mut *k))
            .unwrap_or_default();
        for mut writer in writers.unwrap_or_default() {
            if writer.out.flush().is_err() {
                kept.retain(|_, loc| loc.pack != writer.name);
            }
        }
        if kept.is_empty() && !self.dir.exists() {
            return;
        }
        if self.wasteful(&kept) {
            kept = self.compact(kept);
        }
        let named: HashSet<Arc<str>> = kept.values().map(|loc| loc.pack.clone()).collect();
        if self.write_index(&kept).is_err() {
            return; // the old index stays, and so do its packs
        }
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name.ends_with(".pack") && !named.contains(name.as_str()) {
                let _ = fs::remove_file(&path);
            } else if name.len() == 2 && path.is_dir() {
                // Entries of the cache's first format, one file each.
                let _ = fs::remove_dir_all(&path);
            }
        }
    }

    fn new_writer(&self) -> Option<Writer> {
        fs::create_dir_all(&self.dir).ok()?;
        let (file, path) = tempfile::Builder::new()
            .prefix("")
            .suffix(".pack")
            .rand_bytes(16)
            .tempfile_in(&self.dir)
            .ok()?
            .keep()
            .ok()?;
        let name = path.file_name()?.to_str()?;
        Some(Writer {
            name: Arc::from(name),
            out: BufWriter::with_capacity(256 << 10, file),
            offset: 0,
        })
    }

    fn reader(&self, pack: &Arc<str>) -> Option<Arc<File>> {
        let mut readers = self.readers.lock().ok()?;
        readers
            .entry(pack.clone())
            .or_insert_with(|| File::open(self.dir.join(&**pack)).ok().map(Arc::new))
            .clone()
    }

    fn read_frame(&self, loc: &Loc) -> Option<Vec<u8>> {
        let file = self.reader(&loc.pack)?;
        let mut frame = vec![0; usize::try_from(loc.len).ok()?];
        read_exact_at(&file, &mut frame, loc.offset).ok()?;
        Some(frame)
    }

    /// True when less than half of the bytes of the packs the kept entries are in
    /// belong to kept entries (and there is more than a little to gain).
    fn wasteful(&self, kept: &HashMap<u128, Loc>) -> bool {
        let packs: HashSet<&Arc<str>> = kept.values().map(|loc| &loc.pack).collect();
        let total: u64 = packs
            .iter()
            .filter_map(|p| fs::metadata(self.dir.join(&***p)).ok())
            .map(|m| m.len())
            .sum();
        let live: u64 = kept.values().map(|loc| loc.len).sum();
        total > 2 * live && total - live > 1 << 20
    }

    /// The kept entries copied into one new pack, in the order they were.
    fn compact(&self, kept: HashMap<u128, Loc>) -> HashMap<u128, Loc> {
        let Some(mut writer) = self.new_writer() else {
            return kept;
        };
        let mut entries: Vec<(u128, Loc)> = kept.into_iter().collect();
        entries.sort_by(|(_, a), (_, b)| (&a.pack, a.offset).cmp(&(&b.pack, b.offset)));
        let mut moved = HashMap::with_capacity(entries.len());
        for (key, loc) in entries {
            let Some(frame) = self.read_frame(&loc) else {
                continue;
            };
            if unframe(key, &frame).is_none() || writer.out.write_all(&frame).is_err() {
                continue;
            }
            let len = frame.len() as u64;
            moved.insert(
                key,
                Loc {
                    pack: writer.name.clone(),
                    offset: writer.offset,
                    len,
                },
            );
            writer.offset += len;
        }
        match writer.out.flush() {
            Ok(()) => moved,
            Err(_) => HashMap::new(),
        }
    }

    fn write_index(&self, kept: &HashMap<u128, Loc>) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut text = String::with_capacity(kept.len() * 96 + 32);
        text.push_str(INDEX_HEADER);
        text.push('\n');
        let mut entries: Vec<_> = kept.iter().collect();
        entries.sort_by_key(|(key, _)| **key);
        for (key, loc) in entries {
            use std::fmt::Write as _;
            let _ = writeln!(text, "{key:032x} {} {} {}", loc.pack, loc.offset, loc.len);
        }
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.persist(self.dir.join(INDEX)).map_err(|e| e.error)?;
        Ok(())
    }
}

fn parse_index(text: &str) -> Option<HashMap<u128, Loc>> {
    let mut lines = text.lines();
    if lines.next()? != INDEX_HEADER {
        return None;
    }
    let mut names: HashMap<&str, Arc<str>> = HashMap::new();
    let mut index = HashMap::new();
    for line in lines {
        let mut parts = line.split(' ');
        let (Some(key), Some(pack), Some(offset), Some(len), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        if !pack.ends_with(".pack") || pack.contains(['/', '\\']) {
            return None;
        }
        let pack = names.entry(pack).or_insert_with(|| Arc::from(pack)).clone();
        let loc = Loc {
            pack,
            offset: offset.parse().ok()?,
            len: len.parse().ok()?,
        };
        index.insert(u128::from_str_radix(key, 16).ok()?, loc);
    }
    Some(index)
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = [0; 8];
    blake3::Hasher::new()
        .update(bytes)
        .finalize_xof()
        .fill(&mut sum);
    u64::from_le_bytes(sum)
}

/// What a frame holds before the bytes: the key, their length and their checksum.
fn frame_header(key: u128, bytes: &[u8]) -> [u8; FRAME_HEADER] {
    let mut head = [0; FRAME_HEADER];
    head[..16].copy_from_slice(&key.to_le_bytes());
    head[16..24].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    head[24..].copy_from_slice(&checksum(bytes).to_le_bytes());
    head
}

/// The bytes of a frame, if it is whole and holds `key`.
fn unframe(key: u128, frame: &[u8]) -> Option<&[u8]> {
    let (head, bytes) = frame.split_at_checked(FRAME_HEADER)?;
    let field = |at: usize| u64::from_le_bytes(head[at..at + 8].try_into().unwrap_or_default());
    let stored_key = u128::from_le_bytes(head[..16].try_into().ok()?);
    let whole =
        stored_key == key && field(16) == bytes.len() as u64 && field(24) == checksum(bytes);
    whole.then_some(bytes)
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn index_path(dir: &Path) -> PathBuf {
        dir.join(INDEX)
    }

    fn packs(dir: &Path) -> usize {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".pack"))
            .count()
    }

    #[test]
    fn entries_survive_a_finish_and_unused_ones_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let store = PackStore::open(dir.path().into());
        store.put(1, b"one");
        store.put(2, "дві ორი ሁለት".as_bytes());
        store.finish();
        assert_eq!(packs(dir.path()), 1);

        let store = PackStore::open(dir.path().into());
        assert_eq!(store.get(1).as_deref(), Some(&b"one"[..]));
        assert_eq!(store.get(2).as_deref(), Some("дві ორი ሁለት".as_bytes()));
        assert_eq!(store.get(3), None);
        store.keep(2);
        store.finish();

        let store = PackStore::open(dir.path().into());
        assert_eq!(store.get(1), None, "not kept by the last build");
        assert!(store.get(2).is_some());
    }

    #[test]
    fn a_damaged_pack_or_index_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let store = PackStore::open(dir.path().into());
        store.put(7, b"<p>seven</p>");
        store.put(8, b"<p>eight</p>");
        store.finish();
        let pack = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(".pack"))
            .unwrap()
            .path();
        let mut bytes = fs::read(&pack).unwrap();
        let at = bytes.len() - 3;
        bytes[at] ^= 1; // the last entry's HTML
        fs::write(&pack, &bytes).unwrap();
        let store = PackStore::open(dir.path().into());
        assert_eq!(store.get(8), None);
        assert_eq!(store.get(7).as_deref(), Some(&b"<p>seven</p>"[..]));

        fs::write(&pack, &bytes[..10]).unwrap(); // truncated
        assert_eq!(PackStore::open(dir.path().into()).get(7), None);

        fs::write(index_path(dir.path()), "not an index").unwrap();
        assert_eq!(PackStore::open(dir.path().into()).get(7), None);

        // An index naming a file outside the cache folder is not read at all.
        let outside = format!("{INDEX_HEADER}\n{:032x} ../../secret.pack 0 40\n", 7u128);
        fs::write(index_path(dir.path()), outside).unwrap();
        assert!(PackStore::open(dir.path().into()).index.is_empty());
    }

    #[test]
    fn mostly_dead_packs_are_compacted_into_one() {
        let dir = tempfile::tempdir().unwrap();
        let page = |n: u8| vec![n; 600 << 10];
        let store = PackStore::open(dir.path().into());
        for n in 0..3 {
            store.put(u128::from(n), &page(n));
        }
        store.finish();
        let size = || -> u64 {
            fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .map(|e| e.metadata().unwrap().len())
                .sum()
        };
        assert!(size() > 3 * (600 << 10));

        // Only the first entry is used again: two thirds of the pack are dead.
        let store = PackStore::open(dir.path().into());
        assert!(store.get(0).is_some());
        store.keep(0);
        store.finish();
        assert_eq!(packs(dir.path()), 1);
        assert!(size() < 700 << 10, "{} bytes on disk", size());
        let store = PackStore::open(dir.path().into());
        assert_eq!(store.get(0), Some(page(0)));
        assert_eq!(store.get(1), None);
    }
}
