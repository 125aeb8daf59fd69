//! The `folio` command: parses arguments, calls the library, prints what happened.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
