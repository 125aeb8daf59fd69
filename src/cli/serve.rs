//! `folio serve`: arguments, run, and what the terminal shows.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use clap::Args;
use folio::BuildOptions;
use folio::{Outcome, Reporter, ServeOptions, serve};

use super::SiteArgs;
use super::report::{print_diagnostics, print_error};

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The address to listen on; anything but loopback is reachable from other machines.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    open: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Judge dates as on this day instead of the real date: job postings close after
    /// their `valid_through`, campaign statuses follow their dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::day)]
    today: Option<NaiveDate>,
}

struct Terminal {
    root: PathBuf,
}

impl Reporter for Terminal {
    fn listening(&self, url: &str) {
        eprintln!("Serving at {url} (Ctrl+C to stop)");
    }

    fn rebuilt(&self, changes: usize, elapsed: Duration, outcome: &Outcome) {
        let what = match outcome {
            Outcome::Reload => "rebuilt",
            Outcome::Css(_) => "stylesheet swapped",
            Outcome::Errors(_) => "build failed; serving the last good version",
            Outcome::Unchanged => return,
        };
        if changes == 0 {
            eprintln!("Built the site in {} ms", elapsed.as_millis());
        } else {
            eprintln!("{changes} change(s): {what} in {} ms", elapsed.as_millis());
        }
    }

    fn errors(&self, errors: &[folio::Diagnostic]) {
        print_diagnostics(&self.root, errors);
    }
}

impl ServeArgs {
    pub fn run(self) -> ExitCode {
        let mut build = BuildOptions::new(self.site.root);
        build.drafts = self.drafts;
        // Plain names: the live preview swaps a changed stylesheet by its name.
        build.minify = false;
        build.today = match super::build_day(self.today) {
            Ok(day) => day,
            Err(code) => return code,
        };
        if !self.bind.is_loopback() {
            eprintln!(
                "warning: listening on {}: the preview is reachable from other machines on your network",
                self.bind
            );
        }
        let reporter = Arc::new(Terminal {
            root: build.root.clone(),
        });
        let options = ServeOptions {
            build,
            bind: self.bind,
            port: self.port,
            open: self.open,
        };
        match serve(options, reporter) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                print_error(&err);
                ExitCode::from(1)
            }
        }
    }
}
