//! `folio new KIND "TITLE" [--lang CODE]`: arguments and run.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser};
use folio::new_content;

use super::SiteArgs;

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The kind of content.
    #[arg(value_parser = kinds())]
    kind: String,
    /// Its title; the file name is made from it.
    title: String,
    /// Write a translation in this language (`name.CODE.md`).
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Write dates from this day instead of the real date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::day)]
    today: Option<NaiveDate>,
}

/// The kinds of the registry, each also accepted with `-` for `_` (`case-study`).
fn kinds() -> PossibleValuesParser {
    PossibleValuesParser::new(folio::kind_names().map(|name| {
        let value = PossibleValue::new(name);
        match name.contains('_') {
            true => value.alias(name.replace('_', "-")),
            false => value,
        }
    }))
}

impl NewArgs {
    pub fn run(self) -> ExitCode {
        let root = self.site.root;
        if let Some(lang) = &self.lang
            && let Err(message) = folio::check_new_language(&root, lang)
        {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
        // Follow the site's slug rule when there is a readable site.yaml.
        let mode = folio::slug_mode(&root);
        let today = match super::build_day(self.today) {
            Ok(day) => day,
            Err(code) => return code,
        };
        match new_content(
            &root,
            &self.kind.replace('-', "_"),
            &self.title,
            self.lang.as_deref(),
            mode,
            today,
        ) {
            Ok(path) => {
                println!("{}", path.display());
                let kind = self.kind.replace('-', "_");
                let sections = match &self.lang {
                    Some(lang) => folio::write_section_translations(&root, &kind, lang),
                    None => Ok(Vec::new()),
                };
                match sections {
                    // On stderr: stdout names the new file only, for scripts.
                    Ok(files) => files.iter().for_each(|f| {
                        eprintln!(
                            "Also wrote {}: the section's text in this language",
                            f.display()
                        )
                    }),
                    Err(err) => eprintln!("warning: the section's translation: {err}"),
                }
                report_keys(&path);
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(1)
            }
        }
    }
}

/// Tells which keys of the new file to fill in, and how to publish it.
fn report_keys(path: &std::path::Path) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let keys = folio::keys_to_fill(&text);
    eprintln!(
        "Fill in {}: {} (the values are examples). It is a draft: `folio serve --drafts` shows it; delete its `draft: true` line to publish it.",
        path.display(),
        keys.join(", ")
    );
}
