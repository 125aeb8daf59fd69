//! `folio check`: arguments and run.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use folio::BuildOptions;

use super::SiteArgs;
use super::report::print_diagnostics;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Fail on any warning as on an error (exit 1).
    #[arg(long)]
    deny_warnings: bool,
    /// Judge dates as on this day instead of the real date: job postings close after
    /// their `valid_through`, campaign statuses follow their dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::day)]
    today: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

impl CheckArgs {
    pub fn run(self) -> ExitCode {
        let mut options = BuildOptions::new(self.site.root);
        options.drafts = self.drafts;
        options.today = match super::build_day(self.today) {
            Ok(day) => day,
            Err(code) => return code,
        };
        let diagnostics = folio::check(&options);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        match self.format {
            Format::Json => {
                let json =
                    serde_json::to_string_pretty(&diagnostics).unwrap_or_else(|_| "[]".into());
                println!("{json}");
            }
            Format::Text => {
                print_diagnostics(&options.root, &diagnostics);
                let warnings = diagnostics.len() - errors;
                eprintln!("{errors} error(s), {warnings} warning(s)");
            }
        }
        let denied = self.deny_warnings && !diagnostics.is_empty();
        if errors > 0 || denied {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}
