//! Progress of a long build, for a display on a terminal: the stages announce their
//! size and count what they finished. Nothing is shown unless the command installs a
//! display (`folio build` does on a terminal); the library itself never prints.

use std::sync::OnceLock;

/// What shows the progress of a build.
pub trait Progress: Send + Sync {
    /// A stage begins: `what` (`rendering pages`) with `total` steps (0: unknown).
    fn stage(&self, what: &'static str, total: u64);
    /// One more step of the current stage is done.
    fn step(&self);
    /// The build is over: clear the display.
    fn finish(&self);
}

static DISPLAY: OnceLock<Box<dyn Progress>> = OnceLock::new();

/// Installs the display of this process's builds (once; later calls are ignored).
pub fn show_with(display: Box<dyn Progress>) {
    let _ = DISPLAY.set(display);
}

pub(crate) fn stage(what: &'static str, total: usize) {
    if let Some(d) = DISPLAY.get() {
        d.stage(what, total as u64);
    }
}

pub(crate) fn step() {
    if let Some(d) = DISPLAY.get() {
        d.step();
    }
}

/// Clears the display, if one is installed.
pub fn finish() {
    if let Some(d) = DISPLAY.get() {
        d.finish();
    }
}
