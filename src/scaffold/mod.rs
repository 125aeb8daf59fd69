//! Files written by `folio init` (an example site, compiled in) and `folio new`
//! (a content file with the front matter of its kind, ready to fill).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::kinds::registry;

pub(crate) mod deploy;
mod language;
mod prose;
mod translated;
pub use language::check_new_language;
pub use translated::write_section_translations;

use crate::slugify::{SlugMode, slugify};

/// The example site of `folio init`: one example of every kind.
pub(crate) const SITE: [(&str, &str); 16] = [
    ("site.yaml", include_str!("site/site.yaml")),
    ("content/_index.md", include_str!("site/content/_index.md")),
    ("content/about.md", include_str!("site/content/about.md")),
    (
        "content/jobs/_index.md",
        include_str!("site/content/jobs/_index.md"),
    ),
    (
        "content/jobs/example-job.md",
        include_str!("site/content/jobs/example-job.md"),
    ),
    (
        "content/swot/_index.md",
        include_str!("site/content/swot/_index.md"),
    ),
    (
        "content/swot/example-swot.md",
        include_str!("site/content/swot/example-swot.md"),
    ),
    (
        "content/campaigns/_index.md",
        include_str!("site/content/campaigns/_index.md"),
    ),
    (
        "content/campaigns/example-campaign.md",
        include_str!("site/content/campaigns/example-campaign.md"),
    ),
    (
        "content/case-studies/_index.md",
        include_str!("site/content/case-studies/_index.md"),
    ),
    (
        "content/case-studies/example-case-study.md",
        include_str!("site/content/case-studies/example-case-study.md"),
    ),
    (
        "content/calendars/_index.md",
        include_str!("site/content/calendars/_index.md"),
    ),
    (
        "content/calendars/example-calendar.md",
        include_str!("site/content/calendars/example-calendar.md"),
    ),
    (
        "content/showcase/_index.md",
        include_str!("site/content/showcase/_index.md"),
    ),
    (
        "content/showcase/example-showcase/index.md",
        include_str!("site/content/showcase/example-showcase/index.md"),
    ),
    (
        "content/cv/example-resume.md",
        include_str!("site/content/cv/example-resume.md"),
    ),
];

/// The placeholder image of the example showcase (made, not shipped).
const SAMPLE_IMAGE: &str = "content/showcase/example-showcase/sample.png";

/// Writes the example site into `dir`, refusing to overwrite any file.
pub fn init(dir: &Path) -> io::Result<Vec<PathBuf>> {
    if let Some((existing, _)) = SITE.iter().find(|(rel, _)| dir.join(rel).exists()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists; folio init writes only into a new or empty folder",
                dir.join(existing).display()
            ),
        ));
    }
    let mut written = Vec::new();
    for (rel, text) in SITE {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, text)?;
        written.push(path);
    }
    let sample = dir.join(SAMPLE_IMAGE);
    fs::write(&sample, placeholder_png())?;
    written.push(sample);
    written.extend(write_gitignore(dir)?);
    // For editors: site.yaml names its schema (the yaml-language-server comment).
    let defaults = crate::config::KNOWN_TAXONOMIES.map(String::from);
    written.extend(crate::schema::write(
        &dir.join(crate::schema::DIR),
        &crate::schema::all(&defaults),
    )?);
    Ok(written)
}

/// What a build writes into the site's folder, never to be committed.
const IGNORED: [&str; 2] = ["public/", ".folio-cache/"];

/// Writes `.gitignore` with the folders a build writes, or adds the ones missing to an
/// existing one. Returns its path when it was written or changed.
fn write_gitignore(dir: &Path) -> io::Result<Option<PathBuf>> {
    let path = dir.join(".gitignore");
    let existing = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let present = |entry: &str| {
        let bare = entry.trim_end_matches('/');
        existing
            .lines()
            .map(|l| l.trim().trim_start_matches('/').trim_end_matches('/'))
            .any(|l| l == bare)
    };
    let missing: Vec<&str> = IGNORED.into_iter().filter(|e| !present(e)).collect();
    if missing.is_empty() {
        return Ok(None);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if text.is_empty() {
        text.push_str("# Written by folio build: the site and its cache.\n");
    }
    for entry in missing {
        text.push_str(entry);
        text.push('\n');
    }
    fs::write(&path, text)?;
    Ok(Some(path))
}

/// The slug rule of the site at `root` (its `slugify:`), or the default when it has no
/// readable `site.yaml`.
pub fn slug_mode(root: &Path) -> SlugMode {
    std::fs::read_to_string(root.join("site.yaml"))
        .ok()
        .and_then(|text| crate::config::SiteConfig::parse(Path::new("site.yaml"), &text).ok())
        .map_or(SlugMode::Unicode, |c| c.slugify)
}

/// Writes `content/<folder>/<slug>[.lang].md` for a new piece of content of `kind`,
/// with its front matter ready to fill. Refuses to overwrite.
pub fn new_content(
    root: &Path,
    kind: &str,
    title: &str,
    lang: Option<&str>,
    mode: SlugMode,
    today: NaiveDate,
) -> io::Result<PathBuf> {
    let spec = registry::find(kind).ok_or_else(|| {
        let known: Vec<&str> = registry::names().collect();
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "unknown kind `{kind}`: expected one of {}",
                known.join(", ")
            ),
        )
    })?;
    let folder = spec.folder();
    let slug = slugify(title, mode);
    if slug.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the title has no letters or digits to make a file name of",
        ));
    }
    let name = match lang {
        Some(lang) => format!("{slug}.{lang}.md"),
        None => format!("{slug}.md"),
    };
    let mut dir = root.join("content").join(folder);
    let mut name = name;
    // A bundle: its images go beside it.
    if spec.bundle() {
        dir = dir.join(&slug);
        name = match lang {
            Some(lang) => format!("index.{lang}.md"),
            None => "index.md".into(),
        };
    }
    let path = dir.join(name);
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", path.display()),
        ));
    }
    fs::create_dir_all(&dir)?;
    fs::write(
        &path,
        prose::localise(front_matter(kind, title, today), lang),
    )?;
    let sample = dir.join("sample.png");
    if spec.bundle() && !sample.exists() {
        fs::write(&sample, placeholder_png())?;
    }
    Ok(path)
}

/// The front matter of a new file of `kind` (a kind of the registry; any other name
/// gets a free page's).
pub(crate) fn front_matter(kind: &str, title: &str, today: NaiveDate) -> String {
    let title = yaml_string(title);
    let spec = registry::find(kind).unwrap_or(&crate::kinds::page::Spec);
    let kind_line = match spec.name() {
        "page" => String::new(),
        name => format!("kind: {name}\n"),
    };
    format!(
        "---\n{kind_line}title: {title}\n{DRAFT_LINE}\n{}",
        spec.scaffold(today)
    )
}

/// The line that keeps a new file out of `folio build` until it is filled in.
pub(crate) const DRAFT_LINE: &str =
    "draft: true            # shown by `folio serve --drafts`; delete this line to publish";

/// The top-level keys of a new file's front matter, in order: what to fill in
/// (`kind` and `draft` left out).
pub fn keys_to_fill(text: &str) -> Vec<String> {
    let front = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split("\n---\n").next())
        .unwrap_or_default();
    front
        .lines()
        .filter(|line| !line.starts_with([' ', '#', '-']))
        .filter_map(|line| line.split_once(':').map(|(key, _)| key.trim()))
        .filter(|key| !key.is_empty() && !matches!(*key, "kind" | "draft"))
        .map(str::to_string)
        .collect()
}

/// A 640×640 PNG in soft colours: the image of the example showcase, to be replaced.
pub(crate) fn placeholder_png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(640, 640, |x, y| {
        let t = (x + y) as f32 / 1278.0;
        let mix = |a: f32, b: f32| (a + (b - a) * t) as u8;
        image::Rgb([mix(236.0, 143.0), mix(226.0, 170.0), mix(210.0, 140.0)])
    });
    let mut out = Vec::new();
    let _ = image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

/// A YAML string literal for any text (quotes, colons, any script).
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_file_front_matter_parses_for_every_kind() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for kind in registry::names() {
            let text = front_matter(kind, "Менеджер: \"SMM\"", today);
            let parsed = crate::content::parse::parse_file(
                "a.md",
                PathBuf::from("a.md"),
                text.into_bytes(),
                &["tags".to_string(), "platforms".to_string()],
            );
            let parsed = parsed.unwrap_or_else(|e| panic!("{kind}: {e}"));
            let crate::content::parse::Meta::Page(meta) = parsed.meta else {
                panic!("{kind}")
            };
            assert_eq!(meta.title, "Менеджер: \"SMM\"");
        }
    }
}
