//! The terminal: whether diagnostics are coloured (`--color`, `NO_COLOR`), and the
//! one-line progress display of a long build, shown on a terminal only.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// When to colour diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When stderr is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: OnceLock<bool> = OnceLock::new();

/// Decides once, for the whole run, whether diagnostics are coloured.
pub fn set_color(when: ColorWhen) {
    let colored = match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
            std::io::stderr().is_terminal() && !no_color && !dumb
        }
    };
    let _ = COLOR.set(colored);
}

/// Whether diagnostics are coloured (never, unless [`set_color`] said so).
pub fn colored() -> bool {
    COLOR.get().copied().unwrap_or(false)
}

/// How long a build runs before its progress is shown.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Installs the progress display of a build when stderr is a terminal and not a CI
/// log; a piped or logged build prints only its last line.
pub fn show_progress() {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    if ci || !std::io::stderr().is_terminal() {
        return;
    }
    folio::progress::show_with(Box::new(Display::new()));
}

/// An indicatif bar, hidden for the first second of a build.
struct Display {
    bar: ProgressBar,
    start: Instant,
    shown: AtomicBool,
}

impl Display {
    fn new() -> Display {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        Display {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// Shows the bar once the build has run for a second.
    fn show_when_slow(&self) {
        if self.start.elapsed() >= SHOW_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar
                .set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }
}

impl folio::progress::Progress for Display {
    fn stage(&self, what: &'static str, total: u64) {
        let style = match total {
            0 => ProgressStyle::with_template("{spinner} {msg} {elapsed}"),
            _ => ProgressStyle::with_template("{spinner} {msg} {pos}/{len} {wide_bar} {elapsed}"),
        };
        self.bar.set_message(what);
        self.bar.set_position(0);
        self.bar.set_length(total);
        if let Ok(style) = style {
            self.bar.set_style(style);
        }
        self.show_when_slow();
    }

    fn step(&self) {
        self.bar.inc(1);
        self.show_when_slow();
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
