//! `folio schema [-o DIR]`: arguments and run.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::SiteArgs;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the schemas [default: ROOT/schemas].
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
}

impl SchemaArgs {
    pub fn run(self) -> ExitCode {
        let dir = self
            .output
            .unwrap_or_else(|| self.site.root.join(folio::schema::DIR));
        match folio::schema::write(&dir, &folio::schema::for_site(&self.site.root)) {
            Ok(files) => {
                for file in &files {
                    println!("{}", file.display());
                }
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!(
                    "error: cannot write the schemas into {}: {err}",
                    dir.display()
                );
                ExitCode::from(1)
            }
        }
    }
}
