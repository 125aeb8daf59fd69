//! `folio init [DIR]`: arguments and run.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the site (created if missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
}

impl InitArgs {
    pub fn run(self) -> ExitCode {
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
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(1)
            }
        }
    }
}
