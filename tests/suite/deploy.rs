//! Publishing in one step: `folio init --deploy HOST` and `folio deploy-config HOST`
//! write a host's build file that parses and runs the right commands; builds for
//! Netlify and Cloudflare Pages write `_redirects` and `_headers`.

use crate::harness::{TODAY, TestSite};

const GIT: &str = "https://git.example.org/tools/folio";

fn yaml(text: &str) -> serde_yaml::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn toml(text: &str) -> toml::Table {
    text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn commands(value: &serde_yaml::Value) -> String {
    serde_yaml::to_string(value).unwrap()
}

#[test]
fn github_pages_builds_on_push_and_nightly_with_cargos_cache() {
    let site = TestSite::empty();
    site.folio(&["init", "site", "--deploy", "github", "--folio-git", GIT])
        .ok();
    let workflow = yaml(&site.read("site/.github/workflows/publish.yml"));
    assert_eq!(workflow["env"]["FOLIO_GIT"], GIT);
    assert!(workflow["on"]["push"].is_mapping());
    let cron = workflow["on"]["schedule"][0]["cron"].as_str().unwrap();
    assert_eq!(cron.split(' ').count(), 5, "{cron}");
    let steps = commands(&workflow["jobs"]["build"]["steps"]);
    assert!(
        steps.contains("cargo install --locked --git \"$FOLIO_GIT\" folio"),
        "{steps}"
    );
    assert!(steps.contains("folio build --base-url"), "{steps}");
    assert!(steps.contains("actions/cache@"), "{steps}");
    assert!(steps.contains("~/.cargo/registry"), "{steps}");
    assert!(steps.contains("path: public"), "{steps}");
    // The site it came with still builds.
    site.folio(&["build", "-r", "site", "--today", TODAY]).ok();
}

#[test]
fn gitlab_pages_job_publishes_public() {
    let site = TestSite::new();
    site.folio(&["deploy-config", "gitlab", "--folio-git", GIT])
        .ok();
    let ci = yaml(&site.read(".gitlab-ci.yml"));
    assert_eq!(ci["variables"]["FOLIO_GIT"], GIT);
    let script = commands(&ci["pages"]["script"]);
    assert!(
        script.contains("cargo install --locked --git \"$FOLIO_GIT\" folio"),
        "{script}"
    );
    assert!(script.contains("folio build"), "{script}");
    assert_eq!(ci["pages"]["artifacts"]["paths"][0], "public");
    assert!(commands(&ci["pages"]["cache"]).contains(".cargo/registry"));
    assert!(commands(&ci["pages"]["rules"]).contains("schedule"));
}

#[test]
fn netlify_and_cloudflare_files_parse_and_name_folio() {
    let site = TestSite::new();
    site.folio(&["deploy-config", "netlify", "--folio-git", GIT])
        .ok();
    let netlify = toml(&site.read("netlify.toml"));
    assert_eq!(
        netlify["build"]["environment"]["FOLIO_GIT"].as_str(),
        Some(GIT)
    );
    assert_eq!(netlify["build"]["publish"].as_str(), Some("public"));
    let command = netlify["build"]["command"].as_str().unwrap();
    assert!(
        command.starts_with("cargo install --locked --git \"$FOLIO_GIT\" folio && folio build")
    );
    site.folio(&["deploy-config", "cloudflare", "--folio-git", GIT])
        .ok();
    let wrangler = toml(&site.read("wrangler.toml"));
    assert_eq!(wrangler["pages_build_output_dir"].as_str(), Some("public"));
    assert_eq!(wrangler["vars"]["FOLIO_GIT"].as_str(), Some(GIT));
    let script = site.read("cloudflare-build.sh");
    assert!(
        script.contains(&format!("FOLIO_GIT=\"${{FOLIO_GIT:-{GIT}}}\"")),
        "{script}"
    );
    let install = script.find("\ncargo install --locked --git \"$FOLIO_GIT\" folio\n");
    let build = script.find("\nfolio build\n");
    assert!(install.is_some() && install < build, "{script}");
    let syntax = std::process::Command::new("sh")
        .args(["-n", "cloudflare-build.sh"])
        .current_dir(site.root())
        .status()
        .unwrap();
    assert!(syntax.success(), "cloudflare-build.sh is not valid sh");
}

#[test]
fn deploy_files_are_never_overwritten_and_need_a_folio_url() {
    let site = TestSite::new();
    site.file("netlify.toml", "# mine\n");
    let run = site.folio(&["deploy-config", "netlify", "--folio-git", GIT]);
    assert_eq!(run.code(), 1);
    assert!(run.stderr().contains("already exists"), "{}", run.stderr());
    assert_eq!(site.read("netlify.toml"), "# mine\n");
    let run = site.folio(&[
        "deploy-config",
        "gitlab",
        "--folio-git",
        "http://x/\"; rm -rf ~",
    ]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    let run = site.folio(&["deploy-config", "gitlab"]);
    assert_eq!(run.code(), 2, "{}", run.stderr());
    assert!(run.stderr().contains("--folio-git URL"), "{}", run.stderr());
    assert!(!site.exists(".gitlab-ci.yml"));
    let fresh = TestSite::empty();
    let run = fresh.folio(&["init", "site", "--deploy", "github"]);
    assert_eq!(run.code(), 2);
    assert!(!fresh.exists("site"), "init wrote a site before refusing");
}

#[test]
fn host_builds_redirect_aliases_and_cache_hashed_files() {
    let site = TestSite::new();
    site.page(
        "notes/new.md",
        "title: New\naliases: [/old-notes/post/]",
        "Text.",
    );
    site.folio(&["build", "--today", TODAY, "--host-files"])
        .ok();
    let redirects = site.read("public/_redirects");
    assert!(
        redirects.contains("\n/old-notes/post/ /notes/new/ 301\n"),
        "{redirects}"
    );
    let headers = site.read("public/_headers");
    assert!(
        headers
            .contains("/pagefind/fragment/*\n  Cache-Control: public, max-age=31536000, immutable"),
        "{headers}"
    );
    // Elsewhere (GitHub Pages, a plain server) neither is written.
    site.build_on(TODAY).ok();
    assert!(!site.exists("public/_redirects"));
    assert!(!site.exists("public/_headers"));
}
