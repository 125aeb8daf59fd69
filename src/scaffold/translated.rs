//! The home page and section files of `folio init` in another language. A site made
//! by `init` has them in English only; the first `folio new --lang uk` writes the
//! Ukrainian `_index.uk.md` of the home page and of the new file's section, so that
//! the Ukrainian site does not show English section texts. Only a section whose
//! `_index.md` is still `init`'s own gets one: a section the writer changed is theirs
//! to translate. Languages without these texts get none.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// `init`'s section files (under `content/`) and their Ukrainian versions.
const UK: [(&str, &str); 7] = [
    ("_index.md", include_str!("site_uk/_index.md")),
    ("calendars/_index.md", include_str!("site_uk/calendars.md")),
    ("campaigns/_index.md", include_str!("site_uk/campaigns.md")),
    (
        "case-studies/_index.md",
        include_str!("site_uk/case-studies.md"),
    ),
    ("jobs/_index.md", include_str!("site_uk/jobs.md")),
    ("showcase/_index.md", include_str!("site_uk/showcase.md")),
    ("swot/_index.md", include_str!("site_uk/swot.md")),
];

fn texts(lang: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match lang.split(['-', '_']).next().unwrap_or_default() {
        "uk" => Some(&UK),
        _ => None,
    }
}

/// Writes `_index.<lang>.md` beside the home page's and the section's `_index.md` of
/// `kind` where it is missing and the English one is `init`'s. Returns the files
/// written.
pub fn write_section_translations(root: &Path, kind: &str, lang: &str) -> io::Result<Vec<PathBuf>> {
    let (Some(texts), Some(spec)) = (texts(lang), crate::kinds::registry::find(kind)) else {
        return Ok(Vec::new());
    };
    let folder = spec.folder();
    let wanted = ["_index.md".to_string(), format!("{folder}/_index.md")];
    let mut written = Vec::new();
    for (rel, translated) in texts
        .iter()
        .filter(|(rel, _)| wanted.iter().any(|w| w == rel))
    {
        let english = root.join("content").join(rel);
        let target = english.with_file_name(format!("_index.{lang}.md"));
        let init_text = super::SITE
            .iter()
            .find(|(path, _)| path.strip_prefix("content/") == Some::<&str>(rel))
            .map(|(_, text)| *text);
        let unchanged = fs::read_to_string(&english).ok().as_deref() == init_text;
        if unchanged && !target.exists() {
            fs::write(&target, translated)?;
            written.push(target);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_translated_file_is_one_of_init() {
        for (rel, text) in UK {
            let path = format!("content/{rel}");
            assert!(super::super::SITE.iter().any(|(p, _)| *p == path), "{rel}");
            assert!(text.starts_with("---\ntitle: "), "{rel}");
        }
    }
}
