//! Test sites: write files into a temp dir, run `folio`, read what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day tests whose outcome depends on the date build on (`--today`): a job
/// posting is open until its `valid_through` and a campaign's status follows its dates,
/// both judged against it, so these tests pass on any real date.
pub const TODAY: &str = "2026-11-23";

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    /// Asserts success and returns self, showing stderr when it failed.
    pub fn ok(self) -> Run {
        assert_eq!(self.code(), 0, "folio failed:\n{}", self.stderr());
        self
    }

    /// Asserts exit status 1 (errors in the site) and returns stderr.
    pub fn fails(self) -> String {
        assert_eq!(
            self.code(),
            1,
            "expected exit 1, stderr:\n{}",
            self.stderr()
        );
        self.stderr()
    }
}

impl TestSite {
    /// A site with a `site.yaml` and a home page.
    pub fn new() -> TestSite {
        let site = TestSite::empty();
        site.file(
            "site.yaml",
            "title: Test site\nbase_url: https://example.org\n",
        );
        site.file("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
        site
    }

    pub fn empty() -> TestSite {
        TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn file(&self, rel: &str, text: &str) -> &TestSite {
        self.bytes(rel, text.as_bytes())
    }

    pub fn bytes(&self, rel: &str, bytes: &[u8]) -> &TestSite {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// A page with the given front matter lines and body.
    pub fn page(&self, rel: &str, front_matter: &str, body: &str) -> &TestSite {
        self.file(
            &format!("content/{rel}"),
            &format!("---\n{front_matter}\n---\n{body}"),
        )
    }

    pub fn folio(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run folio");
        Run { output }
    }

    /// `folio build --no-minify`: these tests read the pages as the templates made
    /// them; the minified output is tested by `minify.rs` and the browser tests.
    pub fn build(&self) -> Run {
        self.folio(&["build", "--no-minify"])
    }

    /// `folio build --today DAY --no-minify`: the build as it would be on that day.
    pub fn build_on(&self, day: &str) -> Run {
        self.folio(&["build", "--today", day, "--no-minify"])
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Every file under `rel`, relative to it, sorted.
    pub fn tree(&self, rel: &str) -> Vec<String> {
        let base = self.path(rel);
        let mut files: Vec<String> = walkdir::WalkDir::new(&base)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&base)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        files.sort();
        files
    }

    /// Every file under `rel` with its bytes, to compare before and after.
    pub fn snapshot(&self, rel: &str) -> Vec<(String, Vec<u8>)> {
        self.tree(rel)
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(self.path(rel).join(&f)).unwrap();
                (f, bytes)
            })
            .collect()
    }
}

/// The JSON-LD objects of a page, in the order they are written.
pub fn json_ld_of(html: &str) -> Vec<serde_json::Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| {
            let text = rest.split("</script>").next().unwrap();
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
        })
        .collect()
}

/// The page's JobPosting among its JSON-LD objects (breadcrumbs come first).
pub fn job_posting_of(html: &str) -> serde_json::Value {
    json_ld_of(html)
        .into_iter()
        .find(|ld| ld["@type"] == "JobPosting")
        .expect("a JobPosting block")
}

/// The text of the `<main>` element, to assert on content without layout noise.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.rfind("</main>").expect("a </main>");
    &html[start..end]
}

/// Sends `GET target` to `addr` exactly as given (no client-side normalisation), with
/// this `Host` header, and returns the raw response and how reading it ended.
pub fn raw_get(
    addr: &str,
    host: &str,
    target: &str,
    timeout: std::time::Duration,
) -> (Vec<u8>, std::io::Result<usize>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(timeout)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    let read = stream.read_to_end(&mut response);
    (response, read)
}

/// The status code of a raw HTTP response, 0 when it has none.
pub fn status_of(response: &str) -> u16 {
    response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}
