//! `folio build`: arguments and run.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use folio::{BuildOptions, Error};

use super::SiteArgs;
use super::report::{print_diagnostics, print_error};

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site [default: ROOT/public].
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Use this base URL instead of site.yaml's.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Render all Markdown and index all search shards afresh: neither read nor write
    /// ROOT/.folio-cache/markdown and ROOT/.folio-cache/search.
    #[arg(long)]
    no_cache: bool,
    /// Judge dates as on this day instead of the real date: job postings close after
    /// their `valid_through`, campaign statuses follow their dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::day)]
    today: Option<NaiveDate>,
    /// Also write _redirects and _headers (Netlify, Cloudflare Pages); on by itself
    /// in their builds.
    #[arg(long)]
    host_files: bool,
    /// Fail on any warning as on an error: exit 1 and leave the output as it was.
    #[arg(long)]
    deny_warnings: bool,
    /// Write pages, stylesheets and scripts as the templates made them, and the
    /// theme's stylesheets and scripts under their plain names (style.css), as
    /// `folio serve` does.
    #[arg(long)]
    no_minify: bool,
}

impl BuildArgs {
    pub fn run(self) -> ExitCode {
        let mut options = BuildOptions::new(self.site.root);
        if let Some(output) = self.output {
            options.output = output;
        }
        options.drafts = self.drafts;
        options.base_url = self.base_url;
        options.cache = !self.no_cache;
        options.deny_warnings = self.deny_warnings;
        options.minify = !self.no_minify;
        // Netlify sets NETLIFY=true and Cloudflare Pages CF_PAGES=1 in their builds.
        let on_host = ["NETLIFY", "CF_PAGES"]
            .iter()
            .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()));
        options.host_files = self.host_files || on_host;
        options.today = match super::build_day(self.today) {
            Ok(day) => day,
            Err(code) => return code,
        };
        super::terminal::show_progress();
        let built = folio::build(&options);
        folio::progress::finish();
        match built {
            Ok(report) => {
                print_diagnostics(&options.root, &report.warnings);
                let plural = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                let cached = match report.markdown_cache {
                    Some((hits, rendered)) if hits > 0 => {
                        format!(" (Markdown: {hits} from the cache, {rendered} rendered)")
                    }
                    _ => String::new(),
                };
                eprintln!(
                    "Built {} and {} ({} files) into {} in {} ms{cached}",
                    plural(report.pages, "page", "pages"),
                    plural(report.sections, "section", "sections"),
                    report.files_written,
                    options.output.display(),
                    report.elapsed.as_millis()
                );
                ExitCode::SUCCESS
            }
            Err(Error::Site(diagnostics)) => {
                print_diagnostics(&options.root, &diagnostics);
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                let denied = match errors {
                    0 => format!("{} warning(s) and --deny-warnings", diagnostics.len()),
                    _ => format!("{errors} error(s)"),
                };
                eprintln!(
                    "Build failed with {denied}; {} was left as it was.",
                    options.output.display()
                );
                ExitCode::from(1)
            }
            Err(err) => {
                print_error(&err);
                ExitCode::from(1)
            }
        }
    }
}
