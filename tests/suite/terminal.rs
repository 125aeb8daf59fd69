//! The terminal: coloured diagnostics when asked or on a terminal, plain text in pipes
//! and logs, and shell completions.

use crate::harness::{TODAY, TestSite};

fn broken_site() -> TestSite {
    let site = TestSite::new();
    site.page("a.md", "title: SMM: the role we need", "");
    site
}

#[test]
fn diagnostics_are_coloured_only_when_asked_or_on_a_terminal() {
    let site = broken_site();
    let always = site.folio(&["build", "--today", TODAY, "--color", "always"]);
    assert_eq!(always.code(), 1);
    let text = always.stderr();
    assert!(text.contains("\u{1b}[38;5;9merror"), "{text:?}");
    assert!(text.contains("content/a.md:2:11"), "{text}");
    // A pipe (as here) gets plain text by default, and with --color never.
    for args in [&["--color", "never"][..], &[][..]] {
        let mut command = vec!["build", "--today", TODAY];
        command.extend(args);
        let text = site.folio(&command).fails();
        assert!(!text.contains('\u{1b}'), "{args:?}: {text:?}");
        assert!(text.starts_with("error: the value of `title`"), "{text}");
    }
    let run = site.folio(&["build", "--color", "sometimes"]);
    assert_eq!(run.code(), 2);
}

#[test]
fn a_piped_build_prints_its_last_line_only() {
    let site = TestSite::new();
    for n in 0..40 {
        site.page(
            &format!("notes/n{n}.md"),
            &format!("title: Note {n}"),
            "Text.",
        );
    }
    let run = site.build_on(TODAY).ok();
    let text = run.stderr();
    assert_eq!(text.lines().count(), 1, "{text:?}");
    assert!(text.starts_with("Built 40 pages"), "{text}");
    assert!(!text.contains('\r') && !text.contains('\u{1b}'), "{text:?}");
}

#[test]
fn completions_for_each_shell() {
    let site = TestSite::empty();
    for (shell, marker) in [
        ("bash", "_folio()"),
        ("zsh", "#compdef folio"),
        ("fish", "complete -c folio"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = site.folio(&["completions", shell]).ok();
        let script = run.stdout();
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("deploy-config"),
            "{shell} lacks a subcommand"
        );
    }
    site.file("folio.bash", &site.folio(&["completions", "bash"]).stdout());
    let syntax = std::process::Command::new("bash")
        .args(["-n", "folio.bash"])
        .current_dir(site.root())
        .status()
        .unwrap();
    assert!(syntax.success());
}
