//! `folio completions SHELL`: the shell's completion script, on stdout.

use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

impl CompletionsArgs {
    pub fn run(self) -> ExitCode {
        let mut command = super::Cli::command();
        clap_complete::generate(self.shell, &mut command, "folio", &mut std::io::stdout());
        ExitCode::SUCCESS
    }
}
