//! A content file's bytes: decoding, splitting at the fences, YAML front matter into
//! page or section metadata, then the checks of every kind on the same metadata.
#![no_main]

use std::path::PathBuf;

use chrono::NaiveDate;
use folio::fuzzing::{CheckInput, Meta, Origin, classify, parse_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for id in ["jobs/a.md", "jobs/_index.md"] {
        let file = PathBuf::from("content").join(id);
        let taxonomies = ["tags".to_string(), "skills".to_string()];
        let Ok(parsed) = parse_file(id, file.clone(), data.to_vec(), &taxonomies) else {
            continue;
        };
        let _ = parsed.key_line("title");
        if let Meta::Page(meta) = &parsed.meta {
            let origin = Origin {
                file: &file,
                front_matter: &parsed.front_matter,
            };
            let written = meta.kind.as_deref().into_iter();
            let all = folio::kind_names().chain(["no_such_kind"]);
            for kind in written.chain(all.collect::<Vec<_>>()) {
                let input = CheckInput {
                    origin,
                    meta,
                    taxonomies: &taxonomies,
                    today,
                    // No site folder: a résumé's file is reported missing.
                    root: std::path::Path::new("no-site-folder"),
                };
                let (_, problems) = classify(kind, input);
                for problem in problems {
                    let _ = problem.to_string();
                }
            }
        }
    }
});
