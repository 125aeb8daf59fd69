//! The `figure` shortcode's image goes through the image pipeline: the page gets a
//! `srcset` of resized files (and WebP), the image's size and its caption, in every
//! language; a missing or broken image is an error at its place in the .md file, and
//! the live preview serves what a full build writes after a figure is edited.

use folio::{BuildOptions, Change, DevSite, Outcome};
use image::ImageFormat::{Jpeg, Png};

use crate::harness::{TestSite, main_of};
use crate::planning::image_bytes;

fn site_with_photo() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nsafe_html: true\nsearch: false\nlanguages:\n  uk: {}\n",
    )
    .bytes("content/work/kiln/photo.jpg", &image_bytes(1500, 1000, Jpeg));
    site
}

#[test]
fn a_figure_gets_resized_images_its_size_and_caption() {
    let site = site_with_photo();
    let body = concat!(
        "Before.\n\n",
        "{{ figure(src=\"photo.jpg\", alt=\"The kiln\", caption=\"Firing at 1240 °C\") }}\n\n",
        "```\n{{ figure(src=\"photo.jpg\", alt=\"in code\") }}\n```\n",
    );
    site.page("work/kiln/index.md", "title: Kiln", body);
    site.page(
        "work/kiln/index.uk.md",
        "title: Піч",
        "{{ figure(src=\"photo.jpg\", alt=\"Піч\", caption=\"Випал при 1240 °C\") }}\n",
    );
    site.build_on(crate::harness::TODAY).ok();
    let html = site.read("public/work/kiln/index.html");
    let main = main_of(&html);
    let jpegs = "/work/kiln/photo-320w.jpg 320w, /work/kiln/photo-640w.jpg 640w, /work/kiln/photo-960w.jpg 960w, /work/kiln/photo-1280w.jpg 1280w";
    assert!(main.contains(&format!("srcset=\"{jpegs}\"")), "{main}");
    assert!(
        main.contains("<source type=\"image/webp\" srcset=\"/work/kiln/photo-320w.webp 320w,"),
        "{main}"
    );
    assert!(
        main.contains("src=\"/work/kiln/photo-640w.jpg\"")
            && main.contains("width=\"1500\" height=\"1000\"")
            && main.contains("alt=\"The kiln\""),
        "{main}"
    );
    assert!(
        main.contains("<figcaption>Firing at 1240 °C</figcaption>"),
        "{main}"
    );
    for width in [320, 640, 960, 1280] {
        for ext in ["jpg", "webp"] {
            let file = format!("public/work/kiln/photo-{width}w.{ext}");
            assert!(site.exists(&file), "{file} is not written");
        }
    }
    // The figure in a code block is shown as written, not expanded.
    assert!(
        main.contains("{{ figure(src=\"photo.jpg\", alt=\"in code\") }}"),
        "{main}"
    );
    assert_eq!(main.matches("<figure").count(), 1, "{main}");
    // The Ukrainian page links to the same thumbnails, with its own caption.
    let uk = site.read("public/uk/work/kiln/index.html");
    let uk = main_of(&uk);
    assert!(uk.contains(&format!("srcset=\"{jpegs}\"")), "{uk}");
    assert!(
        uk.contains("<figcaption>Випал при 1240 °C</figcaption>"),
        "{uk}"
    );
}

#[test]
fn a_missing_or_broken_figure_image_is_an_error_where_it_is_named() {
    let site = site_with_photo();
    site.bytes("content/work/kiln/broken.png", b"not a PNG");
    site.page(
        "work/kiln/index.md",
        "title: Kiln",
        concat!(
            "Intro.\n\n",
            "{{ figure(src=\"gone.jpg\", alt=\"x\") }}\n\n",
            "Text {{ figure(src=\"broken.png\", alt=\"y\") }}\n",
        ),
    );
    let err = site.build_on(crate::harness::TODAY).fails();
    // Front matter `title: Kiln` is lines 1-3; the body starts on line 4.
    assert!(
        err.contains("content/work/kiln/index.md:6:15")
            && err.contains("src file `gone.jpg` not found"),
        "{err}"
    );
    assert!(
        err.contains("content/work/kiln/index.md:8:20")
            && err.contains("image `broken.png` cannot be used"),
        "{err}"
    );
    assert_eq!(
        err.matches("`gone.jpg` not found").count(),
        1,
        "reported once: {err}"
    );
}

#[test]
fn figure_edits_rebuild_incrementally_like_full_builds() {
    let site = site_with_photo();
    site.bytes("content/work/kiln/wide.png", &image_bytes(800, 400, Png));
    site.page("work/kiln/index.md", "title: Kiln", "No figure yet.\n");
    site.page("about.md", "title: About", "Me.\n");
    let options = || {
        let mut options = BuildOptions::new(site.root());
        options.base_url = Some("http://127.0.0.1:1111".into());
        options.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        options
    };
    let (mut dev, outcome) = DevSite::new(options());
    assert_eq!(outcome, Outcome::Reload, "{:?}", dev.errors);
    let page = Change::Content("work/kiln/index.md".into());
    let steps: [(&str, &str, Change, &str); 4] = [
        (
            "add a figure",
            "{{ figure(src=\"photo.jpg\", alt=\"Kiln\") }}\n",
            page.clone(),
            "photo-960w.jpg 960w",
        ),
        (
            "point it at another image",
            "{{ figure(src=\"wide.png\", alt=\"Kiln\", caption=\"Wide\") }}\n",
            page.clone(),
            "wide-800w.png 800w",
        ),
        (
            "edit the text beside it",
            "Hot.\n\n{{ figure(src=\"wide.png\", alt=\"Kiln\", caption=\"Wide\") }}\n",
            page.clone(),
            "<p>Hot.</p>",
        ),
        (
            "replace the image file",
            "",
            Change::ContentAsset("work/kiln/wide.png".into()),
            "wide-640w.png 640w",
        ),
    ];
    for (step, body, change, expect) in steps {
        if body.is_empty() {
            site.bytes("content/work/kiln/wide.png", &image_bytes(640, 640, Png));
        } else {
            site.page("work/kiln/index.md", "title: Kiln", body);
        }
        let outcome = dev.apply(&[change]);
        assert_eq!(outcome, Outcome::Reload, "{step}: {:?}", dev.errors);
        let served = dev.served.snapshot();
        let html = String::from_utf8_lossy(&served["work/kiln/index.html"]).to_string();
        assert!(html.contains(expect), "{step}: {html}");
        let (full, outcome) = DevSite::new(options());
        assert_eq!(outcome, Outcome::Reload, "{step}: {:?}", full.errors);
        let full = full.served.snapshot();
        assert_eq!(
            served.keys().collect::<Vec<_>>(),
            full.keys().collect::<Vec<_>>(),
            "{step}: the files served differ from a full build"
        );
        for (path, bytes) in &full {
            assert!(
                served[path] == *bytes,
                "{step}: {path} differs from a full build"
            );
        }
    }
}
