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
            && !(lang.len() >= 2 && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        {
            eprintln!("error: `{lang}` is not a language code (expected e.g. uk, ka, am, pt-BR)");
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
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(1)
            }
        }
    }
}
