//! A content file's bytes: decoding, splitting at the fences, YAML front matter into
//! page or section metadata, then the checks of every kind on the same metadata.
#![no_main]

use std::path::PathBuf;

use chrono::NaiveDate;
use folio::content::meta::KINDS;
use folio::content::parse::{Meta, parse_file};
use folio::kinds::{Origin, classify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for id in ["jobs/a.md", "jobs/_index.md"] {
        let file = PathBuf::from("content").join(id);
        let Ok(parsed) = parse_file(id, file.clone(), data.to_vec()) else {
            continue;
        };
        let _ = parsed.key_line("title");
        if let Meta::Page(meta) = &parsed.meta {
            let origin = Origin {
                file: &file,
                front_matter: &parsed.front_matter,
            };
            for kind in meta
                .kind
                .as_deref()
                .into_iter()
                .chain(KINDS)
                .chain(["no_such_kind"])
            {
                let (_, problems) = classify(kind, meta, origin, today);
                for problem in problems {
                    let _ = problem.to_string();
                }
            }
        }
    }
});
