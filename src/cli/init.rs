//! `folio init [DIR]`: arguments and run.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the site (created if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Also write the build file of the host that will publish the site.
    #[arg(long, value_name = "HOST")]
    deploy: Option<super::deploy::HostArg>,
    /// The git repository that host installs folio from (`cargo install --git URL`).
    #[arg(long, value_name = "URL", requires = "deploy")]
    folio_git: Option<String>,
}

impl InitArgs {
    pub fn run(self) -> ExitCode {
        if self.deploy.is_some() && self.folio_git.is_none() && folio::default_folio_git().is_none()
        {
            eprintln!(
                "error: give --folio-git URL with --deploy: the git repository the host installs folio from"
            );
            return ExitCode::from(2);
        }
        match folio::init(&self.dir) {
            Ok(files) => {
                for file in &files {
                    println!("{}", file.display());
                }
                eprintln!(
                    "Created a site with an example of every kind in {}. Build it with: folio build -r {}",
                    self.dir.display(),
                    self.dir.display()
                );
                match self.deploy {
                    Some(host) => super::deploy::write_deploy(
                        &self.dir,
                        host.into(),
                        self.folio_git.as_deref(),
                    ),
                    None => ExitCode::SUCCESS,
                }
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(1)
            }
        }
    }
}
