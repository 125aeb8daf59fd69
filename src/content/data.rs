//! Load stage: `data/*.yaml` (and `.yml`, `.json`) files, readable from templates.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::discover::display;
use super::source::decode;
use crate::error::Diagnostic;
use crate::yaml::{self, Fragment};

/// Reads every data file in `dir`, keyed by file stem (`data/team.yaml` → `team`).
pub(crate) fn load_data(dir: &Path, root: &Path) -> (BTreeMap<String, Value>, Vec<Diagnostic>) {
    let mut data = BTreeMap::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (data, problems);
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "yaml" | "yml" | "json") {
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let file = display(&path, root);
        let parsed = std::fs::read(&path)
            .map_err(|e| Diagnostic::error(&file, format!("cannot read: {e}")))
            .and_then(|bytes| decode(&file, bytes))
            .and_then(|text| {
                yaml::parse_data::<Value>(
                    &file,
                    Fragment {
                        text: &text,
                        first_line: 1,
                    },
                )
            });
        match parsed {
            Ok(value) => {
                data.insert(stem.to_string(), value);
            }
            Err(d) => problems.push(d),
        }
    }
    (data, problems)
}
