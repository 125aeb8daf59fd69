//! Live preview: the files served from memory, kept up to date by the incremental
//! pipeline (`crate::pipeline::incremental`). A failed rebuild leaves every served
//! file as it was and reports its errors.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, RwLock};

use crate::build::BuildOptions;
use crate::error::Diagnostic;
use crate::output::MemoryOutput;
pub use crate::pipeline::incremental::{Change, Outcome};
use crate::pipeline::incremental::{Pipeline, Sink};

/// The files being served, by output path.
#[derive(Default)]
pub struct Served {
    files: RwLock<HashMap<String, Arc<[u8]>>>,
}

impl Served {
    pub fn get(&self, path: &str) -> Option<Arc<[u8]>> {
        self.files.read().ok()?.get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.read().is_ok_and(|f| f.contains_key(path))
    }

    /// A copy of every file, for comparing with a full build.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let files = self.files.read().map(|f| f.clone()).unwrap_or_default();
        files.into_iter().map(|(k, v)| (k, v.to_vec())).collect()
    }

    /// A copy of every HTML page.
    pub fn pages(&self) -> Vec<(String, Vec<u8>)> {
        let Ok(files) = self.files.read() else {
            return Vec::new();
        };
        files
            .iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
            .collect()
    }

    /// Replaces every file under the folder `prefix` (ending in `/`) with `staged`
    /// (the search index, built off the reload path).
    pub fn replace_under(&self, prefix: &str, staged: MemoryOutput) {
        let files = staged.files.into_inner().unwrap_or_default();
        if let Ok(mut served) = self.files.write() {
            served.retain(|path, _| !path.starts_with(prefix));
            served.extend(files.into_iter().map(|(k, v)| (k, Arc::from(v))));
        }
    }
}

impl Sink for Served {
    fn replace_all(&self, staged: MemoryOutput) {
        let files = staged.files.into_inner().unwrap_or_default();
        if let Ok(mut served) = self.files.write() {
            *served = files.into_iter().map(|(k, v)| (k, Arc::from(v))).collect();
        }
    }

    fn apply(&self, stale: &BTreeSet<String>, staged: MemoryOutput) {
        let files = staged.files.into_inner().unwrap_or_default();
        if let Ok(mut served) = self.files.write() {
            for path in stale {
                served.remove(path);
            }
            served.extend(files.into_iter().map(|(k, v)| (k, Arc::from(v))));
        }
    }
}

/// The site as the dev server holds it: its pipeline, and the files it serves.
pub struct DevSite {
    pub options: BuildOptions,
    pipeline: Pipeline,
    pub served: Arc<Served>,
    /// The errors of the last rebuild (empty when it succeeded).
    pub errors: Vec<Diagnostic>,
}

impl DevSite {
    /// Loads and builds the whole site into memory.
    pub fn new(options: BuildOptions) -> (DevSite, Outcome) {
        let served = Arc::new(Served::default());
        let (pipeline, outcome) = Pipeline::new(options.clone(), served.as_ref());
        let dev = DevSite {
            options,
            errors: pipeline.errors.clone(),
            pipeline,
            served,
        };
        (dev, outcome)
    }

    pub fn search_enabled(&self) -> bool {
        self.pipeline.search_enabled()
    }

    pub fn theme(&self) -> &str {
        self.pipeline.theme()
    }

    /// Applies a batch of changes and rebuilds what they touch.
    pub fn apply(&mut self, changes: &[Change]) -> Outcome {
        let outcome = self.pipeline.apply(changes, self.served.as_ref());
        self.errors = self.pipeline.errors.clone();
        outcome
    }
}
