//! `folio deploy-config HOST`: arguments and run; also the `--deploy` of `folio init`.

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use folio::Host;

use super::SiteArgs;

/// A host, as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HostArg {
    /// GitHub Pages: .github/workflows/publish.yml
    Github,
    /// GitLab Pages: .gitlab-ci.yml
    Gitlab,
    /// Netlify: netlify.toml
    Netlify,
    /// Cloudflare Pages: wrangler.toml and cloudflare-build.sh
    Cloudflare,
}

impl From<HostArg> for Host {
    fn from(arg: HostArg) -> Host {
        match arg {
            HostArg::Github => Host::Github,
            HostArg::Gitlab => Host::Gitlab,
            HostArg::Netlify => Host::Netlify,
            HostArg::Cloudflare => Host::Cloudflare,
        }
    }
}

#[derive(Debug, Args)]
pub struct DeployConfigArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The host that publishes the site.
    host: HostArg,
    /// The git repository the host installs folio from (`cargo install --git URL`).
    #[arg(long, value_name = "URL")]
    folio_git: Option<String>,
}

impl DeployConfigArgs {
    pub fn run(self) -> ExitCode {
        write_deploy(&self.site.root, self.host.into(), self.folio_git.as_deref())
    }
}

/// Writes the host's build files and says what they do; exit 2 when folio does not
/// know where to install itself from, 1 when a file exists or cannot be written.
pub fn write_deploy(root: &Path, host: Host, folio_git: Option<&str>) -> ExitCode {
    let Some(url) = folio_git.or(folio::default_folio_git()) else {
        eprintln!(
            "error: give --folio-git URL: the git repository the host installs folio from (cargo install --locked --git URL)"
        );
        return ExitCode::from(2);
    };
    match folio::deploy_config(root, host, url) {
        Ok(files) => {
            for file in &files {
                println!("{}", file.display());
            }
            let extra = match host.reads_host_files() {
                true => " The host's builds also get _redirects (from aliases) and _headers.",
                false => "",
            };
            eprintln!(
                "Wrote the {} build: it installs folio from {url} and publishes public/; read the comments at the top of the file for the host's settings.{extra}",
                host.name()
            );
            ExitCode::SUCCESS
        }
        Err(err) if err.kind() == std::io::ErrorKind::InvalidInput => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}
