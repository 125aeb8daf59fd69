//! Live preview (`folio serve`): build into memory, serve over HTTP, watch the site's
//! files, rebuild what a change touches, and tell the open pages.

pub(crate) mod dev;
pub(crate) mod paths;
pub(crate) mod server;
pub(crate) mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::sync::broadcast;

use crate::build::BuildOptions;
use crate::error::{Diagnostic, Error};
use dev::{DevSite, Outcome};
use server::AppState;
use watch::{Change, Watcher, classify};

/// What `folio serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
}

/// Callbacks for what the server has to say (the CLI prints them).
pub trait Reporter: Send + Sync {
    fn listening(&self, url: &str);
    fn rebuilt(&self, changes: usize, elapsed: Duration, outcome: &Outcome);
    /// The errors of a failed build; called again only when they differ.
    fn errors(&self, errors: &[Diagnostic]);
}

/// Runs the dev server until the process is stopped.
pub fn serve(options: ServeOptions, reporter: Arc<dyn Reporter>) -> Result<(), Error> {
    let listener = std::net::TcpListener::bind(SocketAddr::new(options.bind, options.port))
        .map_err(|e| {
            Error::output(
                &options.build.root,
                format!("cannot listen on {}:{}", options.bind, options.port),
                e,
            )
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::output(&options.build.root, "no local address", e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::output(&options.build.root, "socket setup", e))?;
    let host = if addr.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        addr.ip().to_string()
    };
    let host = if addr.is_ipv6() && !addr.ip().is_unspecified() {
        format!("[{host}]")
    } else {
        host
    };
    let url = format!("http://{host}:{}", addr.port());

    let mut build = options.build.clone();
    build.base_url = Some(url.clone());
    // Watch events carry absolute paths: classify them against an absolute root.
    build.root = std::fs::canonicalize(&build.root)
        .map_err(|e| Error::output(&build.root, "cannot find the site's folder", e))?;
    let start = Instant::now();
    let (dev, outcome) = DevSite::new(build);
    let (messages, _) = broadcast::channel(64);
    let state = AppState {
        served: dev.served.clone(),
        messages: messages.clone(),
        current_error: Arc::new(RwLock::new(None)),
        build: Arc::new(AtomicU64::new(0)),
        loopback_only: options.bind.is_loopback(),
    };
    let last_errors = Arc::new(Mutex::new(Vec::new()));
    report(
        &*reporter,
        &state,
        &last_errors,
        0,
        start.elapsed(),
        &outcome,
    );
    let indexer = start_indexer(state.served.clone());
    if dev.search_enabled() {
        let _ = indexer.send(());
    }
    let root = dev.options.root.clone();
    let dev = Arc::new(Mutex::new(dev));

    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>();
    let watcher = Watcher::start(&root, Duration::from_millis(20), tx)
        .map_err(|e| Error::output(&root, "cannot watch the site's files", e))?;
    {
        let (dev, state, reporter, last_errors) = (
            dev.clone(),
            state.clone(),
            reporter.clone(),
            last_errors.clone(),
        );
        let root = root.clone();
        std::thread::spawn(move || {
            let _watcher = watcher;
            while let Ok(paths) = rx.recv() {
                let start = Instant::now();
                let Ok(mut dev) = dev.lock() else { return };
                let theme = dev.theme().to_string();
                let mut changes: Vec<Change> = paths
                    .iter()
                    .filter_map(|p| classify(&root, &theme, p))
                    .collect();
                changes.sort();
                changes.dedup();
                if changes.is_empty() {
                    continue;
                }
                let outcome = dev.apply(&changes);
                let search = dev.search_enabled();
                drop(dev);
                if search && outcome == Outcome::Reload {
                    let _ = indexer.send(());
                }
                report(
                    &*reporter,
                    &state,
                    &last_errors,
                    changes.len(),
                    start.elapsed(),
                    &outcome,
                );
            }
        });
    }

    let runtime = tokio::runtime::Runtime::new()
        .map_err(|e| Error::output(&root, "cannot start the server", e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Error::output(&root, "cannot listen", e))?;
        reporter.listening(&format!("{url}/"));
        if options.open {
            let _ = open::that(format!("{url}/"));
        }
        axum::serve(listener, server::router(state))
            .await
            .map_err(|e| Error::output(&root, "the server stopped", e))
    })
}

/// Tells the pages and the terminal what a rebuild did.
fn report(
    reporter: &dyn Reporter,
    state: &AppState,
    last_errors: &Mutex<Vec<Diagnostic>>,
    changes: usize,
    elapsed: Duration,
    outcome: &Outcome,
) {
    let message = match outcome {
        Outcome::Reload => json!({"type": "reload"}),
        Outcome::Css(paths) => json!({"type": "css", "paths": paths}),
        Outcome::Errors(errors) => json!({"type": "error", "errors": errors}),
        Outcome::Unchanged => return,
    }
    .to_string();
    if let Ok(mut current) = state.current_error.write() {
        *current = matches!(outcome, Outcome::Errors(_)).then(|| message.clone());
    }
    if matches!(outcome, Outcome::Reload | Outcome::Css(_)) {
        // After the pages changed, before the message: see `AppState::build`.
        state.build.fetch_add(1, Ordering::SeqCst);
    }
    let _ = state.messages.send(message);
    if let Ok(mut last) = last_errors.lock() {
        match outcome {
            Outcome::Errors(errors) if *errors != *last => {
                reporter.errors(errors);
                *last = errors.clone();
            }
            Outcome::Errors(_) => {}
            _ => last.clear(),
        }
    }
    reporter.rebuilt(changes, elapsed, outcome);
}

/// Starts the thread that keeps the search index of the served pages up to date, off
/// the reload path: each message asks for an update (messages that wait are taken
/// together), and each update indexes only the shards whose pages changed.
fn start_indexer(served: Arc<dev::Served>) -> mpsc::Sender<()> {
    let (tx, rx) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        let index = crate::search::LiveIndex::default();
        while rx.recv().is_ok() {
            while rx.try_recv().is_ok() {}
            let staged = crate::output::MemoryOutput::default();
            if index.update(served.pages(), &staged).is_ok() {
                served.replace_under(&format!("{}/", crate::search::BUNDLE_DIR), staged);
            }
        }
    });
    tx
}
