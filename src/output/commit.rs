//! Write stage: moving a finished build from its staging folder into the output,
//! deleting only files an earlier build wrote (listed in the manifest).

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::{DirOutput, safe_join};
use crate::error::Error;

/// The list of files folio wrote, kept in the output to know what it may delete.
pub const MANIFEST: &str = ".folio-manifest";

/// Staging folders are named `.folio-staging-<pid>-<random>`.
const STAGING: &str = ".folio-staging-";

/// A staging folder beside the output; it disappears if the build fails.
pub struct Staging {
    dir: tempfile::TempDir,
    pub output: DirOutput,
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

/// The site's folders folio reads from: an output inside one of them would be read
/// back as content on the next build.
const SOURCES: [&str; 5] = ["content", "static", "templates", "data", "themes"];

/// Checks that `out` is not the site's folder `root`, one of its ancestors, or inside
/// a folder the site is read from. Nothing is touched.
pub fn check_placement(root: &Path, out: &Path) -> Result<(), Error> {
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
    pub fn new(out: &Path) -> Result<Staging, Error> {
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
        let output = DirOutput::new(dir.path().to_path_buf());
        Ok(Staging { dir, output })
    }

    /// Moves every staged file into `out`, removes files of the previous build that
    /// this one did not write, and records the new manifest. Files folio never wrote
    /// (a `CNAME`, say) are left alone.
    pub fn commit(self, out: &Path) -> Result<usize, Error> {
        preflight(out)?;
        let written = self.output.written();
        let previous = read_manifest(out);
        fs::create_dir_all(out)
            .map_err(|e| Error::output(out, "cannot create the output directory", e))?;
        // Every destination is checked before the first file moves.
        let mut real_dirs = BTreeSet::new();
        let mut moves = Vec::with_capacity(written.len());
        for rel in &written {
            let from = safe_join(self.dir.path(), rel)
                .map_err(|e| Error::output(out, "bad output path", e))?;
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
            moves.push((from, to));
        }
        for (from, to) in moves {
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| Error::output(parent, "cannot create directory", e))?;
            }
            fs::rename(&from, &to)
                .map_err(|e| Error::output(&to, "cannot move the new file into place", e))?;
        }
        let now: BTreeSet<&String> = written.iter().collect();
        for stale in previous.iter().filter(|p| !now.contains(p)) {
            if let Ok(path) = safe_join(out, stale)
                && symlink_on_the_way(out, &path, &mut real_dirs).is_none()
                && fs::remove_file(&path).is_ok()
            {
                remove_empty_parents(&path, out);
            }
        }
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

fn write_manifest(out: &Path, written: &[String]) -> Result<(), Error> {
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
