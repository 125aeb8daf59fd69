//! Write stage: a build's files wait in a staging folder beside the output and move
//! into it only when the whole site rendered; files of the previous build that are
//! gone are deleted (those listed in the manifest, and no others).
//!
//! The staging folder is flat (one file per output file, named by number): a site of
//! ten thousand pages in folders of their own creates those folders once, in the
//! output, not twice. A file whose bytes equal those the previous build left in the
//! output is not staged at all and keeps its modification time, so a rebuild with
//! nothing changed writes almost nothing.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Output, safe_join};
use crate::error::Error;

/// The list of files folio wrote, kept in the output to know what it may delete.
pub const MANIFEST: &str = ".folio-manifest";

/// A staging folder beside the output; it disappears if the build fails.
pub struct Staging {
    _dir: tempfile::TempDir,
    pub output: StagedOutput,
}

/// Where the bytes of an output file are until the commit.
#[derive(Debug, Clone)]
enum Staged {
    /// In the staging folder.
    New(PathBuf),
    /// Already in the output, byte for byte, from the previous build.
    Unchanged,
}

/// The [`Output`] of a build: stages new and changed files, and notes unchanged ones.
pub struct StagedOutput {
    stage: PathBuf,
    out: PathBuf,
    /// Files the previous build wrote (its manifest): only these may count as unchanged.
    previous: HashSet<String>,
    next: AtomicUsize,
    files: Mutex<BTreeMap<String, Staged>>,
}

/// Checks that folio may write to `out`: it does not exist, is empty, or holds a
/// manifest of an earlier build. Nothing is touched.
pub fn preflight(out: &Path) -> Result<(), Error> {
    match fs::read_dir(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::output(out, "cannot read the output directory", e)),
        Ok(mut entries) => {
            if out.join(MANIFEST).is_file() || entries.next().is_none() {
                Ok(())
            } else {
                Err(Error::Output {
                    path: out.to_path_buf(),
                    message:
                        "refusing to write into a non-empty directory that folio did not create \
                              (choose another output with -o, or empty it)"
                            .into(),
                    source: None,
                })
            }
        }
    }
}

impl Staging {
    /// Creates the staging folder next to `out`, so that moving files in is a rename.
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .map_err(|e| Error::output(parent, "cannot create the output's parent", e))?;
        let dir = tempfile::Builder::new()
            .prefix(".folio-staging-")
            .tempdir_in(parent)
            .map_err(|e| Error::output(parent, "cannot create a staging directory", e))?;
        let output = StagedOutput {
            stage: dir.path().to_path_buf(),
            out: out.to_path_buf(),
            previous: read_manifest(out).into_iter().collect(),
            next: AtomicUsize::new(0),
            files: Mutex::new(BTreeMap::new()),
        };
        Ok(Staging { _dir: dir, output })
    }

    /// Moves every staged file into `out`, removes files of the previous build that
    /// this one did not write, and records the new manifest. Files folio never wrote
    /// (a `CNAME`, say) are left alone. Returns how many files the site has.
    pub fn commit(self, out: &Path) -> Result<usize, Error> {
        preflight(out)?;
        let files =
            self.output.files.into_inner().map_err(|_| {
                Error::output(out, "cannot commit", io::Error::other("lock poisoned"))
            })?;
        let previous = read_manifest(out);
        fs::create_dir_all(out)
            .map_err(|e| Error::output(out, "cannot create the output directory", e))?;
        files
            .par_iter()
            .filter_map(|(rel, staged)| match staged {
                Staged::New(from) => Some((rel, from)),
                Staged::Unchanged => None,
            })
            .try_for_each(|(rel, from)| {
                let to =
                    safe_join(out, rel).map_err(|e| Error::output(out, "bad output path", e))?;
                if let Some(parent) = to.parent() {
                    fs::create_dir_all(parent)
                        .map_err(|e| Error::output(parent, "cannot create directory", e))?;
                }
                fs::rename(from, &to)
                    .map_err(|e| Error::output(&to, "cannot move the new file into place", e))
            })?;
        for stale in previous.iter().filter(|p| !files.contains_key(*p)) {
            if let Ok(path) = safe_join(out, stale)
                && fs::remove_file(&path).is_ok()
            {
                remove_empty_parents(&path, out);
            }
        }
        let written: Vec<&String> = files.keys().collect();
        write_manifest(out, &written)?;
        Ok(written.len())
    }
}

impl StagedOutput {
    /// Every output path of the build so far, sorted.
    pub fn written(&self) -> Vec<String> {
        self.files
            .lock()
            .map(|f| f.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The bytes of an output file of this build.
    pub fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        let staged = self
            .files
            .lock()
            .map_err(|_| io::Error::other("output lock poisoned"))?
            .get(rel)
            .cloned();
        match staged {
            Some(Staged::New(path)) => fs::read(path),
            Some(Staged::Unchanged) => fs::read(safe_join(&self.out, rel)?),
            None => Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("`{rel}` was not written"),
            )),
        }
    }

    fn record(&self, rel: &str, staged: Staged) -> io::Result<()> {
        let mut files = self
            .files
            .lock()
            .map_err(|_| io::Error::other("output lock poisoned"))?;
        files.insert(rel.to_string(), staged);
        Ok(())
    }

    /// Whether the previous build left exactly these bytes at `rel`.
    fn unchanged(
        &self,
        rel: &str,
        target: &Path,
        len: u64,
        bytes: impl FnOnce() -> io::Result<Vec<u8>>,
    ) -> bool {
        self.previous.contains(rel)
            && fs::symlink_metadata(target).is_ok_and(|m| m.is_file() && m.len() == len)
            && matches!((fs::read(target), bytes()), (Ok(old), Ok(new)) if old == new)
    }

    fn stage_path(&self) -> PathBuf {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        self.stage.join(n.to_string())
    }
}

impl Output for StagedOutput {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let target = safe_join(&self.out, rel)?;
        if self.unchanged(rel, &target, bytes.len() as u64, || Ok(bytes.to_vec())) {
            return self.record(rel, Staged::Unchanged);
        }
        let staged = self.stage_path();
        fs::write(&staged, bytes)?;
        self.record(rel, Staged::New(staged))
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let target = safe_join(&self.out, rel)?;
        let len = fs::metadata(from)?.len();
        if self.unchanged(rel, &target, len, || fs::read(from)) {
            return self.record(rel, Staged::Unchanged);
        }
        let staged = self.stage_path();
        fs::copy(from, &staged)?;
        self.record(rel, Staged::New(staged))
    }
}

fn read_manifest(out: &Path) -> Vec<String> {
    fs::read_to_string(out.join(MANIFEST))
        .map(|text| {
            text.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn write_manifest(out: &Path, written: &[&String]) -> Result<(), Error> {
    let mut text =
        String::from("# files written by folio; it deletes only these on the next build\n");
    for path in written {
        text.push_str(path);
        text.push('\n');
    }
    let tmp = out.join(format!("{MANIFEST}.tmp"));
    fs::write(&tmp, text)
        .and_then(|()| fs::rename(&tmp, out.join(MANIFEST)))
        .map_err(|e| Error::output(out, "cannot write the manifest", e))
}

fn remove_empty_parents(file: &Path, out: &Path) {
    let mut dir: Option<PathBuf> = file.parent().map(Path::to_path_buf);
    while let Some(d) = dir {
        if d == out || !d.starts_with(out) || fs::remove_dir(&d).is_err() {
            break;
        }
        dir = d.parent().map(Path::to_path_buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap();
                (
                    rel.to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn unchanged_files_are_not_staged_and_keep_their_time() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::new(&out).unwrap();
        first.output.write("a/index.html", b"same").unwrap();
        first.output.write("b/index.html", b"old").unwrap();
        first.output.write("gone.txt", b"x").unwrap();
        assert_eq!(first.commit(&out).unwrap(), 3);
        let before = fs::metadata(out.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        fs::write(out.join("CNAME"), "example.org").unwrap();

        let second = Staging::new(&out).unwrap();
        second.output.write("a/index.html", b"same").unwrap();
        second.output.write("b/index.html", b"new").unwrap();
        // The user's own file is not folio's: never "unchanged", always staged.
        second.output.write("c/index.html", b"c").unwrap();
        let staged = fs::read_dir(&second.output.stage).unwrap().count();
        assert_eq!(staged, 2, "only the changed and the new file are staged");
        assert_eq!(second.output.read("a/index.html").unwrap(), b"same");
        assert_eq!(second.output.read("b/index.html").unwrap(), b"new");
        assert_eq!(second.commit(&out).unwrap(), 3);

        let after = fs::metadata(out.join("a/index.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        let names: Vec<String> = tree(&out).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                ".folio-manifest",
                "CNAME",
                "a/index.html",
                "b/index.html",
                "c/index.html"
            ]
        );
        assert_eq!(fs::read(out.join("b/index.html")).unwrap(), b"new");
        assert!(!dir.path().read_dir().unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".folio-staging-")
        }));
    }

    #[test]
    fn a_dropped_staging_leaves_the_output_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::new(&out).unwrap();
        first.output.write("index.html", b"v1").unwrap();
        first.commit(&out).unwrap();
        let before = tree(&out);
        let failed = Staging::new(&out).unwrap();
        failed.output.write("index.html", b"v2").unwrap();
        failed.output.write("new/index.html", b"v2").unwrap();
        drop(failed);
        assert_eq!(tree(&out), before);
    }
}
