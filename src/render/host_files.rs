//! Render stage: the files Netlify and Cloudflare Pages read from the published
//! folder: `_redirects` (a permanent redirect for every alias, answered by the host
//! before the redirect page folio also writes) and `_headers` (caching and safety
//! headers).

use crate::output::Output;
use crate::site::Site;
use crate::site::paths::alias_path;

/// `_redirects`: `FROM TO 301` for every alias of a page or section.
pub(crate) fn redirects(site: &Site) -> String {
    let pages = site.pages.values().map(|p| (&p.meta.aliases, &p.path));
    let sections = site.sections.values().map(|s| (&s.meta.aliases, &s.path));
    let mut lines: Vec<String> = pages
        .chain(sections)
        .flat_map(|(aliases, target)| {
            aliases
                .iter()
                .filter_map(|alias| alias_path(alias).ok())
                .map(move |from| format!("{} {} 301", site.url(&from), site.url(target)))
        })
        .collect();
    lines.sort();
    let mut text = String::from("# Written by folio build: the aliases of pages and sections.\n");
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// `_headers`: a year of caching for files whose names change with their content
/// (Pagefind's fragments and index chunks, the theme's stylesheets and scripts under
/// their `hashed` names), and safety headers for every page.
pub(crate) fn headers(site: &Site, hashed: &[&str]) -> String {
    let base = site.config.base_path().trim_end_matches('/').to_string();
    let year = "  Cache-Control: public, max-age=31536000, immutable\n";
    let mut text = String::from("# Written by folio build.\n");
    text.push_str(&format!(
        "{base}/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    ));
    for pattern in HASHED {
        text.push_str(&format!("{base}{pattern}\n{year}"));
    }
    for name in hashed {
        text.push_str(&format!("{base}/{name}\n{year}"));
    }
    text
}

/// The files that change name when their content does: Pagefind's fragments, index
/// chunks and filters, of a one-shard index and of each shard of a large site's
/// (`pagefind/<language>-<n>/`; `:shard` stands for one path segment on both hosts).
const HASHED: [&str; 6] = [
    "/pagefind/fragment/*",
    "/pagefind/index/*",
    "/pagefind/filter/*",
    "/pagefind/:shard/fragment/*",
    "/pagefind/:shard/index/*",
    "/pagefind/:shard/filter/*",
];

/// Writes both files into `out`.
pub(crate) fn write(site: &Site, hashed: &[&str], out: &dyn Output) -> std::io::Result<()> {
    out.write("_redirects", redirects(site).as_bytes())?;
    out.write("_headers", headers(site, hashed).as_bytes())
}
