//! Command-line interface: one module per subcommand, each an `XArgs` with `run()`.

mod build;
mod check;
mod init;
mod new;
mod report;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// folio: static sites for portfolios and strategy documents.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output directory.
    Build(build::BuildArgs),
    /// Validate everything, write nothing.
    Check(check::CheckArgs),
    /// Preview the site with live reload.
    Serve(serve::ServeArgs),
    /// Create a new site with one example of every kind.
    Init(init::InitArgs),
    /// Create a content file with the front matter of its kind.
    New(new::NewArgs),
}

/// Flags every command that reads a site shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder, holding site.yaml.
    #[arg(short, long, default_value = ".", value_name = "ROOT")]
    root: PathBuf,
}

/// Exit status: 0 success, 1 errors in the site or output, 2 usage errors (clap's own).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => args.run(),
        Command::Check(args) => args.run(),
        Command::Init(args) => args.run(),
        Command::Serve(args) => args.run(),
        Command::New(args) => args.run(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
