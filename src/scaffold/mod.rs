//! Files written by `folio init` (an example site, compiled in) and `folio new`
//! (a content file with the front matter of its kind, ready to fill).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::slugify::{SlugMode, slugify};

/// The example site of `folio init`: one example of every kind.
pub const SITE: [(&str, &str); 15] = [
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
];

/// The placeholder image of the example showcase (made, not shipped).
const SAMPLE_IMAGE: &str = "content/showcase/example-showcase/sample.png";

/// The kinds `folio new` writes, with the folder each goes to.
pub const NEW_KINDS: [(&str, &str); 7] = [
    ("page", ""),
    ("job", "jobs"),
    ("swot", "swot"),
    ("campaign", "campaigns"),
    ("case_study", "case-studies"),
    ("calendar", "calendars"),
    ("showcase", "showcase"),
];

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
    Ok(written)
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
    let folder = NEW_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, f)| *f)
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unknown kind `{kind}`"),
            )
        })?;
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
    // A showcase is a bundle: its images go beside it.
    if kind == "showcase" {
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
    fs::write(&path, front_matter(kind, title, today))?;
    let sample = dir.join("sample.png");
    if kind == "showcase" && !sample.exists() {
        fs::write(&sample, placeholder_png())?;
    }
    Ok(path)
}

/// The front matter of a new file of `kind`.
pub fn front_matter(kind: &str, title: &str, today: NaiveDate) -> String {
    let title = yaml_string(title);
    let date = today.format("%Y-%m-%d");
    let later = (today + chrono::Days::new(30)).format("%Y-%m-%d");
    let body = match kind {
        "job" => format!(
            "title: {title}\ndescription: \"\"\ndate: {date}\nvalid_through: {later}\nemployment_type: [FULL_TIME]\ncompany:\n  name: \"\"\n  url: \"\"\nlocation:\n  city: \"\"\n  country: UA          # ISO 3166 alpha-2; or remote: true with applicant_countries\nsalary:\n  currency: UAH        # ISO 4217\n  min: 0\n  max: 0\n  unit: MONTH          # HOUR, DAY, WEEK, MONTH or YEAR\ndepartment: \"\"\nseniority: \"\"\napply:\n  url: \"\"\n  email: \"\"\nresponsibilities:\n  - \"\"\nqualifications:\n  - \"\"\nnice_to_have: []\nbenefits: []\nskills: []\nplatforms: []\n---\n\nDescribe the role here.\n"
        ),
        "swot" => format!(
            "title: {title}\ndescription: \"\"\ndate: {date}\nsubject: \"\"\nstrengths:\n  - \"\"\nweaknesses:\n  - \"\"\nopportunities:\n  - \"\"\nthreats:\n  - \"\"\nstrategies:            # optional TOWS matrix\n  so: []\n  wo: []\n  st: []\n  wt: []\n---\n\nNotes on the analysis.\n"
        ),
        "campaign" => format!(
            "title: {title}\ndescription: \"\"\nclient: \"\"\nstatus: planned        # planned, running or completed\nstart: {date}\nend: {later}\nbudget:\n  amount: 0\n  currency: UAH\nplatforms: []\nobjectives:\n  - \"\"\naudience: \"\"\nkpis:\n  - name: Reach\n    target: 0\n    actual: 0\n    unit: \"\"\n    better: higher     # or lower (cost per click, say)\n---\n\nWhat the campaign did.\n"
        ),
        "case_study" => format!(
            "title: {title}\ndescription: \"\"\ndate: {date}\nclient: \"\"\nindustries: []\nrole: \"\"\nperiod:\n  start: {date}\n  end: {later}\nsummary: \"\"\nchallenge: \"\"\napproach: \"\"\nresults:\n  - metric: \"\"\n    before: 0\n    after: 0\n    unit: \"\"\n    better: higher\ntestimonial:\n  quote: \"\"\n  author: \"\"\n  role: \"\"\nrelated: []            # e.g. \"@/campaigns/spring.md\"\n---\n\nThe story in full.\n"
        ),
        "calendar" => {
            let first = today.with_day(1).unwrap_or(today);
            let last = (first + chrono::Months::new(1)).pred_opt().unwrap_or(first);
            format!(
                "title: {title}\ndescription: \"\"\ndate: {date}\nperiod: {{start: {}, end: {}}}\ntimezone: Europe/Kyiv     # IANA name; times are in it\nplatforms: []\nentries:\n  - date: {date}\n    time: \"09:30\"        # HH:MM, 24-hour; leave out for all day\n    platform: instagram\n    format: post         # post, story, reel, video, article, email, event\n    topic: \"\"\n    status: idea         # idea, draft, scheduled, published\n    owner: \"\"\n    link: \"\"            # a URL or an @/ path; or leave out\n---\n\nNotes on the plan.\n",
                first.format("%Y-%m-%d"),
                last.format("%Y-%m-%d"),
            )
        }
        "showcase" => format!(
            "title: {title}\ndescription: \"\"\ndate: {date}\nplatforms: []\nitems:                   # images sit beside this file (JPEG, PNG or WebP)\n  - platform: instagram\n    image: sample.png\n    caption: \"\"\n    date: {date}\n    link: https://www.instagram.com/\n    metrics: {{reach: 0, likes: 0, comments: 0, shares: 0}}\n---\n\nAbout these samples.\n"
        ),
        _ => format!(
            "title: {title}\ndescription: \"\"\ndate: {date}\ntags: []\n---\n\nWrite here.\n"
        ),
    };
    let kind_line = if kind == "page" {
        String::new()
    } else {
        format!("kind: {kind}\n")
    };
    format!("---\n{kind_line}{body}")
}

/// A 640×640 PNG in soft colours: the image of the example showcase, to be replaced.
pub fn placeholder_png() -> Vec<u8> {
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
        for (kind, _) in NEW_KINDS {
            let text = front_matter(kind, "Менеджер: \"SMM\"", today);
            let parsed =
                crate::content::parse::parse_file("a.md", PathBuf::from("a.md"), text.into_bytes());
            let parsed = parsed.unwrap_or_else(|e| panic!("{kind}: {e}"));
            let crate::content::parse::Meta::Page(meta) = parsed.meta else {
                panic!("{kind}")
            };
            assert_eq!(meta.title, "Менеджер: \"SMM\"");
        }
    }
}
