//! What the browser tests share: finding Debian's Chromium and ChromeDriver, and the
//! skip rule (a SKIPPED line without them, a failure when `FOLIO_REQUIRE_BROWSER=1`),
//! and chromedriver itself.

use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// Where Chromium and ChromeDriver are.
pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// Finds Chromium and ChromeDriver. `None` (after saying so) when one is missing, so the
/// test skips; a panic instead when `FOLIO_REQUIRE_BROWSER=1`.
pub fn browser_tools(test: &str) -> Option<Tools> {
    let find = |var: &str, default: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map_or_else(|| PathBuf::from(default), PathBuf::from)
    };
    let tools = Tools {
        chromium: find("CHROMIUM", "/usr/bin/chromium"),
        chromedriver: find("CHROMEDRIVER", "/usr/bin/chromedriver"),
    };
    let missing: Vec<String> = [&tools.chromium, &tools.chromedriver]
        .into_iter()
        .filter(|p| !p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() {
        return Some(tools);
    }
    if std::env::var("FOLIO_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!(
            "browser test {test}: FOLIO_REQUIRE_BROWSER=1 but {} not found \
             (set CHROMIUM and CHROMEDRIVER to their paths)",
            missing.join(" and ")
        );
    }
    eprintln!(
        "SKIPPED browser test {test}: chromium/chromedriver not found \
         (set FOLIO_REQUIRE_BROWSER=1 to make this an error)"
    );
    None
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// How long chromedriver, Chromium and `folio serve` may take to start (a loaded CI box).
pub const STARTUP: Duration = Duration::from_secs(60);

/// chromedriver on a free port, killed when dropped.
/// A chromedriver process of one test; killed on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
    /// Chromium's profile and chromedriver's output.
    scratch: tempfile::TempDir,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it accepts connections.
    pub fn start(tools: &Tools) -> Driver {
        let scratch = tempfile::tempdir().expect("temp dir for the browser");
        let log =
            |name: &str| File::create(scratch.path().join(name)).expect("chromedriver log file");
        let port = free_port();
        let child = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log("chromedriver.out"))
            .stderr(log("chromedriver.err"))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", tools.chromedriver.display()));
        let mut driver = Driver {
            child,
            port,
            scratch,
        };
        let deadline = Instant::now() + STARTUP;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("chromedriver exited ({status}):\n{}", driver.output());
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port} within {STARTUP:?}:\n{}",
                driver.output()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        driver
    }

    /// A fresh Chromium profile folder.
    pub fn profile(&self) -> PathBuf {
        self.scratch.path().join("profile")
    }

    /// What chromedriver printed, for failure messages.
    pub fn output(&self) -> String {
        ["chromedriver.out", "chromedriver.err"]
            .iter()
            .map(|f| std::fs::read_to_string(self.scratch.path().join(f)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A WebDriver session in headless Chromium behind `driver`, with a fresh profile:
/// the client and the session's id.
pub async fn open_session(tools: &Tools, driver: &Driver) -> (Client, String) {
    open_session_with(tools, driver, &[]).await
}

/// [`open_session`] with more command-line switches for Chromium.
pub async fn open_session_with(
    tools: &Tools,
    driver: &Driver,
    extra_args: &[String],
) -> (Client, String) {
    let mut capabilities = json!({
        "goog:chromeOptions": {
            "binary": tools.chromium,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                format!("--user-data-dir={}", driver.profile().display()),
                "--window-size=1200,900",
            ],
        }
    });
    if let Some(args) = capabilities["goog:chromeOptions"]["args"].as_array_mut() {
        args.extend(extra_args.iter().map(|a| json!(a)));
    }
    let Value::Object(capabilities) = capabilities else {
        unreachable!("capabilities are an object")
    };
    let url = format!("http://127.0.0.1:{}", driver.port);
    let mut builder = ClientBuilder::native();
    builder.capabilities(capabilities);
    let connect = builder.connect(&url);
    let client = match tokio::time::timeout(STARTUP, connect).await {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => panic!(
            "cannot start Chromium through chromedriver: {e}\n{}",
            driver.output()
        ),
        Err(_) => panic!(
            "Chromium did not start within {STARTUP:?}\n{}",
            driver.output()
        ),
    };
    let session = client
        .session_id()
        .await
        .ok()
        .flatten()
        .expect("a WebDriver session id");
    (client, session)
}
