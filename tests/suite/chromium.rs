//! What the browser tests share: finding Debian's Chromium and ChromeDriver, and the
//! skip rule (a SKIPPED line without them, a failure when `FOLIO_REQUIRE_BROWSER=1`).

use std::net::TcpListener;
use std::path::PathBuf;

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
