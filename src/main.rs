//! The `folio` command: parses arguments, calls the library, prints what happened.

mod cli;

use std::process::ExitCode;

/// glibc's allocator slowed down more than linearly on big sites (a third of a
/// 100,000-page rebuild went to `malloc` and its free-list upkeep); mimalloc does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
