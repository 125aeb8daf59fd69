//! Write stage: where rendered files go. A build writes into a staging folder and
//! commits it only when everything rendered; `check` writes nowhere; the dev server
//! can keep files in memory.

pub(crate) mod commit;
pub(crate) mod minify;

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// A destination for rendered files, written from many threads at once.
pub(crate) trait Output: Sync {
    /// Writes `bytes` at `path`, a relative output path with `/` separators.
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;

    /// Whether what is written is thrown away (`folio check`): files that take long
    /// to make, like social cards, need not be made.
    fn discards(&self) -> bool {
        false
    }

    /// Copies a file from disk to `path`.
    fn copy(&self, path: &str, from: &Path) -> io::Result<()> {
        let bytes = std::fs::read(from)?;
        self.write(path, &bytes)
    }
}

/// Joins a relative output path to `root`, refusing anything that could leave it:
/// `..`, absolute paths, drive prefixes, backslashes and NUL.
pub fn safe_join(root: &Path, rel: &str) -> io::Result<PathBuf> {
    let refuse = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write outside the output: {rel:?}"),
        )
    };
    if rel.is_empty() || rel.contains(['\\', '\0']) {
        return Err(refuse());
    }
    let mut path = root.to_path_buf();
    for component in Path::new(rel).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return Err(refuse()),
        }
    }
    Ok(path)
}

/// Keeps files in memory (the dev server, tests).
#[derive(Default)]
pub struct MemoryOutput {
    pub files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Output for MemoryOutput {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        safe_join(Path::new("/"), path)?;
        let mut files = self
            .files
            .lock()
            .map_err(|_| io::Error::other("output lock poisoned"))?;
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// Discards everything (`folio check` renders but writes nothing).
pub(crate) struct NullOutput;

impl Output for NullOutput {
    fn discards(&self) -> bool {
        true
    }

    fn write(&self, path: &str, _bytes: &[u8]) -> io::Result<()> {
        safe_join(Path::new("/"), path).map(|_| ())
    }

    fn copy(&self, path: &str, from: &Path) -> io::Result<()> {
        std::fs::metadata(from)?;
        self.write(path, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_never_leaves_the_root() {
        let root = Path::new("/out");
        assert_eq!(
            safe_join(root, "a/b/index.html").unwrap(),
            Path::new("/out/a/b/index.html")
        );
        for bad in ["../x", "a/../../x", "/etc/passwd", "a\\..\\x", "", "a\0b"] {
            assert!(safe_join(root, bad).is_err(), "{bad:?}");
        }
    }
}
