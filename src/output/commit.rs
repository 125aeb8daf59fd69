//! Write stage: a build's files wait in a staging folder beside the output and move
//! into it only when the whole site rendered; files of the previous build that are
//! gone are deleted (those listed in the manifest, and no others).
//!
//! The staging folder is flat (one file per output file, named by number): a site of
//! ten thousand pages in folders of their own creates those folders once, in the
//! output, not twice. A file whose bytes equal those the previous build left in the
//! output is not staged at all and keeps its modification time, so a rebuild with
//! nothing changed writes almost nothing.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Output, safe_join};
use crate::error::Error;

/// The list of files folio wrote, kept in the output to know what it may delete.
pub(crate) const MANIFEST: &str = ".folio-manifest";

/// Staging folders are named `.folio-staging-<pid>-<random>`.
const STAGING: &str = ".folio-staging-";

/// A staging folder beside the output; it disappears if the build fails.
pub(crate) struct Staging {
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
pub(crate) struct StagedOutput {
    stage: PathBuf,
    out: PathBuf,
    /// Files the previous build wrote (its manifest): only these may count as unchanged.
    previous: HashSet<String>,
    next: AtomicUsize,
    files: Mutex<BTreeMap<String, Staged>>,
}

/// Checks that folio may write to `out`: it does not exist, is empty, or holds a
/// manifest of an earlier build. Nothing is touched.
pub(crate) fn preflight(out: &Path) -> Result<(), Error> {
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

/// The site's folders folio reads from: an output inside one of them would be read
/// back as content on the next build.
const SOURCES: [&str; 5] = ["content", "static", "templates", "data", "themes"];

/// Checks that `out` is not the site's folder `root`, one of its ancestors, or inside
/// a folder the site is read from. Nothing is touched.
pub(crate) fn check_placement(root: &Path, out: &Path) -> Result<(), Error> {
    let (Some(root), Some(out)) = (resolved(root), resolved(out)) else {
        return Ok(());
    };
    let refuse = |message: String| {
        Err(Error::Output {
            path: out.clone(),
            message,
            source: None,
        })
    };
    if root.starts_with(&out) {
        return refuse("refusing to write the site into its own folder or one that holds it; choose another output with -o".into());
    }
    for source in SOURCES {
        if out.starts_with(root.join(source)) {
            return refuse(format!(
                "refusing to write the site inside `{source}/`: the next build would read it back; choose another output with -o"
            ));
        }
    }
    Ok(())
}

/// `path` made absolute, its `..` applied and the symlinks of the part of it that
/// exists resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in std::path::absolute(path).ok()?.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => {
                out.push(other);
                if let Ok(real) = fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    Some(out)
}

impl Staging {
    /// Creates the staging folder next to `out`, so that moving files in is a rename.
    pub(crate) fn new(out: &Path) -> Result<Staging, Error> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .map_err(|e| Error::output(parent, "cannot create the output's parent", e))?;
        remove_abandoned(parent);
        let dir = tempfile::Builder::new()
            .prefix(&format!("{STAGING}{}-", std::process::id()))
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
    pub(crate) fn commit(self, out: &Path) -> Result<usize, Error> {
        preflight(out)?;
        let files =
            self.output.files.into_inner().map_err(|_| {
                Error::output(out, "cannot commit", io::Error::other("lock poisoned"))
            })?;
        let previous = read_manifest(out);
        fs::create_dir_all(out)
            .map_err(|e| Error::output(out, "cannot create the output directory", e))?;
        // Every destination is checked before the first file moves.
        let mut real_dirs = BTreeSet::new();
        let mut moves = Vec::with_capacity(files.len());
        for (rel, staged) in &files {
            let to = safe_join(out, rel).map_err(|e| Error::output(out, "bad output path", e))?;
            if let Some(link) = symlink_on_the_way(out, &to, &mut real_dirs) {
                return Err(Error::Output {
                    path: link,
                    message: "refusing to write through a symlink inside the output (it may \
                              point elsewhere); remove the link"
                        .into(),
                    source: None,
                });
            }
            if let Staged::New(from) = staged {
                moves.push((from, to));
            }
        }
        moves.par_iter().try_for_each(|(from, to)| {
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| Error::output(parent, "cannot create directory", e))?;
            }
            fs::rename(from, to)
                .map_err(|e| Error::output(to, "cannot move the new file into place", e))
        })?;
        for stale in previous.iter().filter(|p| !files.contains_key(*p)) {
            if let Ok(path) = safe_join(out, stale)
                && symlink_on_the_way(out, &path, &mut real_dirs).is_none()
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

/// Removes staging folders left in `parent` by builds that were killed (Ctrl+C,
/// SIGKILL: no destructor ran). A folder is left alone unless the process named in
/// it is known to be gone.
fn remove_abandoned(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(STAGING))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !process_alive(pid) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether process `pid` may still run; `true` where that cannot be told.
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// The first folder between `out` and `file` that is a symlink, if any: writing or
/// deleting through it would reach outside the output. Folders found real are
/// remembered in `real`.
fn symlink_on_the_way(out: &Path, file: &Path, real: &mut BTreeSet<PathBuf>) -> Option<PathBuf> {
    let rel = file.strip_prefix(out).ok()?;
    let mut dir = out.to_path_buf();
    for part in rel.parent()?.components() {
        dir.push(part);
        if real.contains(&dir) {
            continue;
        }
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.file_type().is_symlink() => return Some(dir),
            Ok(_) => {
                real.insert(dir.clone());
            }
            // Not there yet: it will be created as a real folder.
            Err(_) => return None,
        }
    }
    None
}

impl StagedOutput {
    /// Every output path of the build so far, sorted.
    pub(crate) fn written(&self) -> Vec<String> {
        self.files
            .lock()
            .map(|f| f.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Where the bytes of an output file of this build are now: in the staging folder,
    /// or in the output when the previous build left them unchanged.
    pub(crate) fn source_of(&self, rel: &str) -> io::Result<PathBuf> {
        let staged = self
            .files
            .lock()
            .map_err(|_| io::Error::other("output lock poisoned"))?
            .get(rel)
            .cloned();
        match staged {
            Some(Staged::New(path)) => Ok(path),
            Some(Staged::Unchanged) => safe_join(&self.out, rel),
            None => Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("`{rel}` was not written"),
            )),
        }
    }

    /// A folder inside the staging folder for scratch files of the build (gone with
    /// the staging folder; never committed).
    pub(crate) fn scratch(&self, name: &str) -> io::Result<PathBuf> {
        let dir = self.stage.join(format!("scratch-{name}"));
        fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    /// The bytes of an output file of this build.
    pub(crate) fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        fs::read(self.source_of(rel)?)
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
