//! Live preview: request paths to output files. Only names of files in the in-memory
//! output can come out, so nothing outside it can ever be served.

use percent_encoding::percent_decode_str;

/// What a request path asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An output file, by its output path (`jobs/smm/index.html`).
    File(String),
    /// A folder asked without its trailing slash: redirect to this path.
    Redirect(String),
    NotFound,
    /// `..`, NUL, backslashes, bad encodings, overlong paths.
    BadRequest,
}

const MAX_PATH: usize = 4096;

/// Resolves the raw (still percent-encoded) path of a request.
pub fn resolve(raw: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    if !raw.starts_with('/') || raw.len() > MAX_PATH {
        return Resolved::BadRequest;
    }
    let Ok(decoded) = percent_decode_str(raw).decode_utf8() else {
        return Resolved::BadRequest;
    };
    if decoded.contains(['\0', '\\']) || decoded.starts_with("//") {
        return Resolved::BadRequest;
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .iter()
        .any(|s| *s == "." || *s == ".." || s.contains(':'))
    {
        return Resolved::BadRequest;
    }
    let key = segments.join("/");
    if key.is_empty() {
        return if exists("index.html") {
            Resolved::File("index.html".into())
        } else {
            Resolved::NotFound
        };
    }
    if decoded.ends_with('/') {
        let index = format!("{key}/index.html");
        return if exists(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if exists(&key) {
        Resolved::File(key)
    } else if exists(&format!("{key}/index.html")) {
        Resolved::Redirect(format!("{raw}/"))
    } else {
        Resolved::NotFound
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str) -> bool {
        [
            "index.html",
            "style.css",
            "jobs/smm/index.html",
            "uk/вакансії/index.html",
        ]
        .contains(&path)
    }

    #[test]
    fn resolves_files_folders_and_redirects() {
        assert_eq!(resolve("/", site), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/style.css", site),
            Resolved::File("style.css".into())
        );
        assert_eq!(
            resolve("/jobs/smm/", site),
            Resolved::File("jobs/smm/index.html".into())
        );
        assert_eq!(
            resolve("/jobs/smm", site),
            Resolved::Redirect("/jobs/smm/".into())
        );
        assert_eq!(
            resolve(
                "/uk/%D0%B2%D0%B0%D0%BA%D0%B0%D0%BD%D1%81%D1%96%D1%97/",
                site
            ),
            Resolved::File("uk/вакансії/index.html".into())
        );
        assert_eq!(resolve("/nope", site), Resolved::NotFound);
    }

    #[test]
    fn refuses_every_way_out() {
        let long = format!("/{}", "a/".repeat(3000));
        for raw in [
            "/../etc/passwd",
            "/jobs/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/jobs/%2e%2e/%2e%2e/x",
            "/..%5c..%5cwindows",
            "/a%00b",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/%ff%fe",
            "etc/passwd",
            long.as_str(),
        ] {
            assert_eq!(resolve(raw, |_| true), Resolved::BadRequest, "{raw}");
        }
    }
}
