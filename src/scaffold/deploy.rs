//! `folio deploy-config HOST` and `folio init --deploy HOST`: the build file of a host
//! that publishes the site, installing folio with `cargo install --git URL`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A host that publishes static sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Github,
    Gitlab,
    Netlify,
    Cloudflare,
}

impl Host {
    pub const ALL: [Host; 4] = [Host::Github, Host::Gitlab, Host::Netlify, Host::Cloudflare];

    /// `github`, as written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Host::Github => "github",
            Host::Gitlab => "gitlab",
            Host::Netlify => "netlify",
            Host::Cloudflare => "cloudflare",
        }
    }

    /// The files this host's build needs, by path in the site, with `{FOLIO_GIT}` and
    /// `{NAME}` to fill in.
    fn files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Host::Github => &[(
                ".github/workflows/publish.yml",
                include_str!("deploy/github.yml"),
            )],
            Host::Gitlab => &[(".gitlab-ci.yml", include_str!("deploy/gitlab.yml"))],
            Host::Netlify => &[("netlify.toml", include_str!("deploy/netlify.toml"))],
            Host::Cloudflare => &[
                ("wrangler.toml", include_str!("deploy/cloudflare.toml")),
                (
                    "cloudflare-build.sh",
                    include_str!("deploy/cloudflare-build.sh"),
                ),
            ],
        }
    }

    /// Whether the host reads `_redirects` and `_headers` from the published folder.
    pub fn reads_host_files(self) -> bool {
        matches!(self, Host::Netlify | Host::Cloudflare)
    }
}

/// Where folio is installed from when `--folio-git` is not given: the repository in
/// its package metadata, if any.
pub fn default_folio_git() -> Option<&'static str> {
    Some(env!("CARGO_PKG_REPOSITORY")).filter(|url| !url.is_empty())
}

/// Writes `host`'s build files into the site at `root`, installing folio from
/// `folio_git`. Refuses to overwrite any file.
pub fn deploy_config(root: &Path, host: Host, folio_git: &str) -> io::Result<Vec<PathBuf>> {
    let plain = folio_git.starts_with("https://")
        && !folio_git.contains(['"', '\'', '\\', '$', '`', ' ', '\n']);
    if !plain {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{folio_git}` is not a plain https:// URL of a git repository"),
        ));
    }
    if let Some((rel, _)) = host.files().iter().find(|(rel, _)| root.join(rel).exists()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", root.join(rel).display()),
        ));
    }
    let name = project_name(root);
    let mut written = Vec::new();
    for (rel, text) in host.files() {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let text = text
            .replace("{FOLIO_GIT}", folio_git)
            .replace("{NAME}", &name);
        fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

/// A project name for the host: the site folder's name in lower-case letters, digits
/// and `-`.
fn project_name(root: &Path) -> String {
    let folder = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let name = folder
        .file_name()
        .map(|n| {
            crate::slugify::slugify(
                &n.to_string_lossy(),
                crate::slugify::SlugMode::Transliterate,
            )
        })
        .unwrap_or_default();
    match name.is_empty() {
        true => "folio-site".to_string(),
        false => name,
    }
}
