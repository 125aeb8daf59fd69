//! The dev server's request paths: whatever comes in, only names of files in the
//! in-memory output come out, and redirects stay on this server.
#![no_main]

use folio::fuzzing::{Resolved, resolve};
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 5] = [
    "index.html",
    "style.css",
    "jobs/smm/index.html",
    "uk/вакансії/index.html",
    "a b/index.html",
];

fuzz_target!(|raw: &str| {
    match resolve(raw, |path| FILES.contains(&path)) {
        Resolved::File(path) => assert!(FILES.contains(&path.as_str()), "{raw:?} -> {path:?}"),
        Resolved::Redirect(to) => {
            assert!(
                to.starts_with('/') && !to.starts_with("//"),
                "{raw:?} -> {to:?}"
            );
            assert!(!to.contains('\\'), "{raw:?} -> {to:?}");
        }
        Resolved::NotFound | Resolved::BadRequest => {}
    }
});
