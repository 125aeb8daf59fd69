//! The language of `folio new --lang CODE`: a language code the site has.

use std::path::Path;

use crate::config::SiteConfig;
use crate::config::languages::{is_language_code, lines_to_add};

/// `Ok` when `code` is one of the languages of the site at `root` (any language code
/// when it has no readable `site.yaml`); else what to do, for a usage error.
pub fn check_new_language(root: &Path, code: &str) -> Result<(), String> {
    if !is_language_code(code) {
        return Err(format!(
            "`{code}` is not a language code: expected an ISO 639-1 code, optionally with a region (uk, ka, am, pt-BR)"
        ));
    }
    let Some(config) = std::fs::read_to_string(root.join("site.yaml"))
        .ok()
        .and_then(|text| SiteConfig::parse(Path::new("site.yaml"), &text).ok())
    else {
        return Ok(());
    };
    if config.has_language(code) {
        return Ok(());
    }
    Err(format!(
        "`{code}` is not a language of this site; its languages: {}\nTo add it, put these lines in site.yaml:\n\n{}\n",
        config.language_codes().join(", "),
        indent(&lines_to_add(code))
    ))
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
