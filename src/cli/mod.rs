//! Command-line interface: one module per subcommand, each an `XArgs` with `run()`.

mod build;
mod check;
mod completions;
mod deploy;
mod init;
mod new;
mod report;
mod schema;
mod serve;
mod terminal;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

/// folio: static sites for portfolios and strategy documents.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    color: terminal::ColorWhen,
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
    /// Write JSON Schemas of site.yaml and of each kind's front matter.
    Schema(schema::SchemaArgs),
    /// Write the build file of a host that publishes the site.
    DeployConfig(deploy::DeployConfigArgs),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::CompletionsArgs),
}

/// Flags every command that reads a site shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder, holding site.yaml.
    #[arg(short, long, default_value = ".", value_name = "ROOT")]
    root: PathBuf,
}

/// The value of `--today`: a day written `YYYY-MM-DD`. Anything else is a usage error.
fn day(text: &str) -> Result<NaiveDate, String> {
    let expected = "expected a day written YYYY-MM-DD, e.g. 2026-11-23";
    let shape = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return Err(expected.into());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text} is not a day of the calendar; {expected}"))
}

/// The day dates are judged against: `--today`, else the day (UTC) of
/// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention), else
/// the real date. A `SOURCE_DATE_EPOCH` that is not such a number is a usage error.
fn build_day(flag: Option<NaiveDate>) -> Result<NaiveDate, ExitCode> {
    if let Some(day) = flag {
        return Ok(day);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) if !text.trim().is_empty() => epoch_day(&text).map_err(|e| {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }),
        _ => Ok(chrono::Utc::now().date_naive()),
    }
}

/// The UTC day of a `SOURCE_DATE_EPOCH` value.
fn epoch_day(text: &str) -> Result<NaiveDate, String> {
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|d| d.date_naive())
        .ok_or_else(|| {
            format!("SOURCE_DATE_EPOCH=`{text}` is not a number of seconds since 1970-01-01")
        })
}

/// Exit status: 0 success, 1 errors in the site or output, 2 usage errors (clap's own).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    terminal::set_color(cli.color);
    if !matches!(cli.command, Command::Serve(_)) {
        end_quietly_on_a_closed_pipe();
    }
    match cli.command {
        Command::Build(args) => args.run(),
        Command::Check(args) => args.run(),
        Command::Init(args) => args.run(),
        Command::Serve(args) => args.run(),
        Command::New(args) => args.run(),
        Command::Completions(args) => args.run(),
        Command::DeployConfig(args) => args.run(),
        Command::Schema(args) => args.run(),
    }
}

/// Like other Unix tools, a command whose output is cut short (`folio schema | head`)
/// ends there, quietly, instead of panicking on the closed pipe: the default action of
/// `SIGPIPE`, which Rust programs start with ignored. Not for the dev server, whose
/// sockets may close under it at any time.
fn end_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: `signal` with a constant disposition, before the command starts any
    // thread; no handler runs Rust code.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
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

    #[test]
    fn today_is_a_day_written_in_full() {
        assert_eq!(
            day("2026-11-23"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        for bad in [
            "2026-11-3",
            "23.11.2026",
            "2026-11-23T00:00",
            "",
            "２０２６-11-23",
        ] {
            assert!(day(bad).unwrap_err().contains("YYYY-MM-DD"), "{bad}");
        }
        assert!(day("2026-02-30").unwrap_err().contains("not a day"));
    }

    #[test]
    fn source_date_epoch_is_a_day_in_utc() {
        // 2026-11-23T23:30:00Z.
        assert_eq!(
            epoch_day("1795476600"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        assert!(
            epoch_day("yesterday")
                .unwrap_err()
                .contains("SOURCE_DATE_EPOCH")
        );
    }
}
