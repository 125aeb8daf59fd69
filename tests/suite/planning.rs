//! Content calendars and showcases: the month grid and list, the iCalendar file read
//! back by a parser, every validation error with its place, thumbnails with `srcset`
//! and WebP, the image cache, and the pages in Ukrainian and Arabic.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::PathBuf;
use std::time::SystemTime;

use icalendar::{Component, DatePerhapsTime};

use crate::harness::{TODAY, TestSite, main_of};

const CALENDAR: &str = "title: November plan
kind: calendar
period: {start: 2026-11-01, end: 2026-11-30}
timezone: America/New_York
entries:
  - date: 2026-11-02
    time: \"09:30\"
    platform: instagram
    format: reel
    topic: Kiln opening
    status: published
    owner: Olena
    link: https://example.com/p/1
  - date: 2026-11-14
    platform: facebook
    format: event
    topic: Studio open day
    status: scheduled
  - date: 2026-11-20
    time: \"18:00\"
    platform: tiktok
    format: video
    topic: Trimming a bowl
    status: idea
    link: \"@/about.md\"
  - date: 2026-11-30
    time: \"23:15\"
    platform: mastodon-like
    format: post
    topic: Month in review
    status: draft";

fn calendar_site() -> TestSite {
    let site = TestSite::new();
    site.page("about.md", "title: About", "Me.");
    site.page("plans/november.md", CALENDAR, "The plan.");
    site
}

#[test]
fn calendar_ics_parses_back_with_every_entry_in_the_time_zone() {
    let site = calendar_site();
    site.build_on(TODAY).ok();
    let text = site.read("public/plans/november/calendar.ics");
    let parsed: icalendar::Calendar = text.parse().expect("the .ics parses");
    // Calendar apps show who made the file; it names folio, once.
    assert_eq!(
        parsed.property_value("PRODID"),
        Some(concat!(
            "-//folio//folio ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ))
    );
    assert_eq!(text.matches("PRODID").count(), 1, "{text}");
    assert_eq!(parsed.property_value("METHOD"), Some("PUBLISH"));
    let events: Vec<&icalendar::Event> = parsed.events().collect();
    assert_eq!(events.len(), 4, "{text}");
    let by_summary: BTreeMap<String, &icalendar::Event> = events
        .iter()
        .map(|e| (e.get_summary().unwrap().to_string(), *e))
        .collect();
    let kiln = by_summary["Instagram · Reel · Kiln opening"];
    // Timed entries: local time in the calendar's zone, with its TZID.
    match kiln.get_start() {
        Some(DatePerhapsTime::DateTime(icalendar::CalendarDateTime::WithTimezone {
            date_time,
            tzid,
        })) => {
            assert_eq!(tzid, "America/New_York");
            assert_eq!(date_time.to_string(), "2026-11-02 09:30:00");
        }
        other => panic!("kiln opening starts {other:?}"),
    }
    assert_eq!(kiln.get_url(), Some("https://example.com/p/1"));
    // Entries without a time are all-day events.
    let open_day = by_summary["Facebook · Event · Studio open day"];
    assert_eq!(
        open_day.get_start(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 14).unwrap()
        ))
    );
    assert_eq!(
        open_day.get_end(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap()
        )),
        "the end of an all-day event is the next day (exclusive)"
    );
    assert!(text.contains("DTSTART;VALUE=DATE:20261114"), "{text}");
    assert!(text.contains("DTEND;VALUE=DATE:20261115"), "{text}");
    // An `@/` link becomes the page's absolute URL.
    let trimming = by_summary["TikTok · Video · Trimming a bowl"];
    assert_eq!(trimming.get_url(), Some("https://example.org/about/"));
    let late = by_summary["mastodon-like · Post · Month in review"];
    assert!(
        text.contains("DTSTART;TZID=America/New_York:20261130T231500"),
        "{text}"
    );
    assert!(late.get_uid().is_some());
    let uids: std::collections::BTreeSet<&str> =
        events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), 4, "UIDs are unique");
    assert!(text.contains("X-WR-TIMEZONE:America/New_York"), "{text}");
    // The zone is defined in the file, with the change of 1 November 2026.
    assert!(
        text.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"),
        "{text}"
    );
    assert!(
        text.contains("DTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"),
        "{text}"
    );
    assert!(text.find("END:VTIMEZONE").unwrap() < text.find("BEGIN:VEVENT").unwrap());

    // The same content builds the same file (DTSTAMP is the day of `--today`, UIDs
    // stable).
    assert!(text.contains("DTSTAMP:20261123T000000Z"), "{text}");
    site.build_on(TODAY).ok();
    assert_eq!(site.read("public/plans/november/calendar.ics"), text);
}

/// Zones follow the current IANA database: Chile's Aysén region left Santiago's time in
/// 2025 (a zone of its own, on UTC−3 all year).
#[test]
fn calendar_in_a_zone_of_2025_gets_its_current_offsets() {
    let site = TestSite::new();
    site.page("about.md", "title: About", "Me.");
    site.page(
        "plans/november.md",
        &CALENDAR.replacen(
            "timezone: America/New_York",
            "timezone: America/Coyhaique",
            1,
        ),
        "The plan.",
    );
    site.build_on(TODAY).ok();
    let text = site.read("public/plans/november/calendar.ics");
    assert!(
        text.contains("DTSTART;TZID=America/Coyhaique:20261102T093000"),
        "{text}"
    );
    let zone = &text[text.find("BEGIN:VTIMEZONE").unwrap()..text.find("END:VTIMEZONE").unwrap()];
    assert_eq!(zone.matches("BEGIN:STANDARD").count(), 1, "{zone}");
    assert!(!zone.contains("DAYLIGHT"), "{zone}");
    assert!(
        zone.contains("TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\nTZNAME:-03\r\n"),
        "{zone}"
    );
}

#[test]
fn calendar_page_shows_month_grid_list_and_legend() {
    let site = calendar_site();
    site.build().ok();
    let html = site.read("public/plans/november/index.html");
    let main = main_of(&html);
    for text in [
        "<caption>November 2026</caption>",
        "<abbr title=\"Monday\">",
        "Kiln opening",
        "platform-instagram",
        "platform-facebook",
        // Unknown platforms get the neutral colour, their name as written.
        "platform-other",
        "mastodon-like",
        // Format and status as words, not only colours.
        "Reel",
        "Published",
        "Scheduled",
        "Idea",
        "Draft",
        "<time class=\"cal-entry-time\" datetime=\"2026-11-02T09:30\">9:30",
        "href=\"/plans/november/calendar.ics\"",
        "href=\"/about/\"",
        "America/New_York",
        // The list view, chronological.
        "class=\"calendar-list\"",
        "Saturday",
    ] {
        assert!(main.contains(text), "missing {text:?} in:\n{main}");
    }
    let first = main.find("Kiln opening").unwrap();
    let list = main.find("class=\"calendar-list\"").unwrap();
    let in_list = |topic: &str| list + main[list..].find(topic).unwrap();
    assert!(first < list);
    assert!(in_list("Kiln opening") < in_list("Studio open day"));
    assert!(in_list("Studio open day") < in_list("Trimming a bowl"));
    // November 2026 starts on a Sunday; en weeks start on Sunday: no blank cell first.
    let grid = &main[main.find("<tbody>").unwrap()..];
    let first_cell = grid.find("<td").unwrap();
    assert!(!grid[first_cell..].starts_with("<td class=\"calendar-day blank"));
}

#[test]
fn calendar_in_ukrainian_and_arabic() {
    let site = calendar_site();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {}, ar: {}}\n",
    );
    site.page(
        "plans/november.uk.md",
        &CALENDAR.replace("title: November plan", "title: План на листопад"),
        "План.",
    );
    site.page(
        "plans/november.ar.md",
        &CALENDAR.replace("title: November plan", "title: خطة نوفمبر"),
        "الخطة.",
    );
    site.build().ok();
    let uk = site.read("public/uk/plans/november/index.html");
    assert!(uk.contains("листопад 2026"), "Ukrainian month name");
    assert!(uk.contains("понеділок"), "Ukrainian weekday name");
    assert!(
        uk.contains("Опубліковано") && uk.contains("Рілс"),
        "UI strings"
    );
    assert!(uk.contains("Завантажити календар"), "download label");
    // Ukrainian weeks start on Monday: November 2026 begins with six blank days.
    let grid = &uk[uk.find("<tbody>").unwrap()..];
    assert_eq!(
        grid[..grid.find("calendar-date").unwrap()]
            .matches("calendar-day blank")
            .count(),
        6
    );
    let ar = site.read("public/ar/plans/november/index.html");
    assert!(
        ar.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "right to left"
    );
    assert!(ar.contains("نوفمبر"), "Arabic month name");
    assert!(ar.contains("تقويم"), "Arabic UI strings");
    assert!(site.exists("public/uk/plans/november/calendar.ics"));
    let ics = site.read("public/uk/plans/november/calendar.ics");
    assert!(ics.contains("Instagram · Рілс · Kiln opening"), "{ics}");
}

/// Each bad calendar value: the file, line and column, and what was expected.
#[test]
fn calendar_errors_name_file_line_and_column() {
    let cases = [
        (
            "    time: \"09:30\"",
            "    time: \"9.30am\"",
            "plans/november.md:8:11",
            "`9.30am` is not a time of day",
        ),
        (
            "    status: scheduled",
            "    status: sheduled",
            "plans/november.md:19:13",
            "unknown status `sheduled`",
        ),
        (
            "    format: reel",
            "    format: carousel",
            "plans/november.md:10:13",
            "unknown format `carousel`",
        ),
        (
            "  - date: 2026-11-20",
            "  - date: 2026-12-20",
            "plans/november.md:20:11",
            "outside the calendar's period",
        ),
        (
            "timezone: America/New_York",
            "timezone: America/NewYork",
            "plans/november.md:5",
            "unknown time zone `America/NewYork`",
        ),
        (
            "    link: \"@/about.md\"",
            "    link: \"@/nowhere.md\"",
            "plans/november.md:26:11",
            "broken link `@/nowhere.md`",
        ),
        (
            "    link: \"@/about.md\"",
            "    link: \"javascript://%0Aalert(1)\"",
            "plans/november.md:26:11",
            "link `javascript://%0Aalert(1)` is neither an http(s) URL",
        ),
        (
            "    link: https://example.com/p/1",
            "    link: \"data:text/html,<script>alert(1)</script>\"",
            "plans/november.md:14:11",
            "is neither an http(s) URL",
        ),
    ];
    for (from, to, place, message) in cases {
        let site = calendar_site();
        assert!(CALENDAR.contains(from), "{from}");
        site.page("plans/november.md", &CALENDAR.replacen(from, to, 1), "x");
        let err = site.build().fails();
        assert!(err.contains(place), "{place} in:\n{err}");
        assert!(err.contains(message), "{message} in:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!site.exists("public"));
    }
    // A suggestion for a near miss.
    let site = calendar_site();
    site.page(
        "plans/november.md",
        &CALENDAR.replacen("status: scheduled", "status: sheduled", 1),
        "x",
    );
    assert!(
        site.build().fails().contains(
            "did you mean `scheduled`? expected one of idea, draft, scheduled, published"
        )
    );
    let site = calendar_site();
    site.page(
        "plans/november.md",
        &CALENDAR.replacen("timezone: America/New_York", "timezone: America/NewYork", 1),
        "x",
    );
    assert!(
        site.build()
            .fails()
            .contains("did you mean `America/New_York`?")
    );
}

/// A PNG or JPEG of the given size, with some detail so the encoders do real work.
pub fn image_bytes(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 7 % 256) as u8,
            (y * 3 % 256) as u8,
            ((x + y) % 256) as u8,
        ])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), format)
        .unwrap();
    out
}

const SHOWCASE: &str = "title: Autumn posts
kind: showcase
items:
  - platform: instagram
    image: wide.png
    caption: \"Kiln opening: the **birch-green** glaze\"
    date: 2026-11-02
    link: https://example.com/p/1
    metrics: {reach: 18400, likes: 1320}
  - platform: tiktok
    image: square.jpg
    caption: On the wheel
    date: 2026-11-03
    link: \"@/about.md\"
    metrics: {views: 96500, shares: 530, hearts: 12}";

fn showcase_site() -> TestSite {
    let site = TestSite::new();
    site.page("about.md", "title: About", "Me.");
    site.page("work/autumn/index.md", SHOWCASE, "Samples.");
    site.bytes(
        "content/work/autumn/wide.png",
        &image_bytes(1000, 500, image::ImageFormat::Png),
    );
    site.bytes(
        "content/work/autumn/square.jpg",
        &image_bytes(700, 700, image::ImageFormat::Jpeg),
    );
    site
}

fn dimensions(site: &TestSite, rel: &str) -> (u32, u32) {
    let img = image::open(site.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    (img.width(), img.height())
}

#[test]
fn showcase_thumbnails_srcset_webp_and_metrics() {
    let site = showcase_site();
    site.build().ok();
    // Widths below the source's and the source's own, never wider; source format and WebP.
    for (name, ext, sizes) in [
        (
            "wide",
            "png",
            vec![(320, 160), (640, 320), (960, 480), (1000, 500)],
        ),
        ("square", "jpg", vec![(320, 320), (640, 640), (700, 700)]),
    ] {
        for (w, h) in sizes {
            for e in [ext, "webp"] {
                let rel = format!("public/work/autumn/{name}-{w}w.{e}");
                assert_eq!(dimensions(&site, &rel), (w, h), "{rel}");
            }
        }
        assert!(!site.exists(&format!("public/work/autumn/{name}-1280w.{ext}")));
    }
    let bytes = std::fs::read(site.path("public/work/autumn/square-640w.webp")).unwrap();
    assert_eq!(
        image::guess_format(&bytes).unwrap(),
        image::ImageFormat::WebP
    );
    let html = site.read("public/work/autumn/index.html");
    let main = main_of(&html);
    for text in [
        "<source type=\"image/webp\" srcset=\"/work/autumn/wide-320w.webp 320w, /work/autumn/wide-640w.webp 640w, /work/autumn/wide-960w.webp 960w, /work/autumn/wide-1000w.webp 1000w\"",
        "srcset=\"/work/autumn/wide-320w.png 320w, /work/autumn/wide-640w.png 640w, /work/autumn/wide-960w.png 960w, /work/autumn/wide-1000w.png 1000w\"",
        "src=\"/work/autumn/wide-640w.png\"",
        "width=\"1000\" height=\"500\"",
        "alt=\"Kiln opening: the birch-green glaze\"",
        "loading=\"lazy\" decoding=\"async\"",
        "sizes=\"",
        "<strong>birch-green</strong>",
        "showcase-card platform-instagram",
        "showcase-card platform-tiktok",
        "<dt>Reach</dt>",
        "<bdi>18,400</bdi>",
        "<bdi>96,500</bdi>",
        // A metric without a shipped label shows its own name.
        "<dt>hearts</dt>",
        "href=\"/about/\"",
        "November 2, 2026",
    ] {
        assert!(main.contains(text), "missing {text:?} in:\n{main}");
    }
}

#[test]
fn showcase_metrics_in_ukrainian_and_rtl_arabic() {
    let site = showcase_site();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {}, ar: {}}\n",
    );
    site.page("work/autumn/index.uk.md", SHOWCASE, "Зразки.");
    site.page("work/autumn/index.ar.md", SHOWCASE, "نماذج.");
    site.build().ok();
    let uk = site.read("public/uk/work/autumn/index.html");
    assert!(uk.contains("<dt>Охоплення</dt>"), "Ukrainian metric label");
    assert!(uk.contains("<bdi>18\u{a0}400</bdi>"), "Ukrainian grouping");
    assert!(uk.contains("2 листопада 2026"), "Ukrainian date");
    // Translations share the bundle's thumbnails.
    assert!(uk.contains("srcset=\"/work/autumn/wide-320w.png 320w"));
    let ar = site.read("public/ar/work/autumn/index.html");
    assert!(ar.contains("dir=\"rtl\""));
    assert!(ar.contains("<dt>الوصول</dt>"), "Arabic metric label");
}

fn cache_files(site: &TestSite) -> BTreeMap<PathBuf, SystemTime> {
    walkdir::WalkDir::new(site.path(".folio-cache/images"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().to_path_buf(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_second_build_takes_thumbnails_from_the_cache() {
    let site = showcase_site();
    site.build().ok();
    let first = cache_files(&site);
    // 7 thumbnails in two encodings, and one header note per source.
    assert_eq!(first.len(), 7 * 2 + 2, "{first:#?}");
    let output_before = site.snapshot("public/work/autumn");
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.build().ok();
    assert_eq!(
        cache_files(&site),
        first,
        "nothing was resized or rewritten"
    );
    assert_eq!(site.snapshot("public/work/autumn"), output_before);

    // A changed image gets new thumbnails; the other's stay as they were.
    site.bytes(
        "content/work/autumn/square.jpg",
        &image_bytes(400, 200, image::ImageFormat::Jpeg),
    );
    site.build().ok();
    let third = cache_files(&site);
    let kept = first
        .iter()
        .filter(|(p, t)| third.get(*p) == Some(*t))
        .count();
    assert_eq!(
        kept,
        first.len(),
        "old entries stay (they are keyed by content)"
    );
    assert_eq!(third.len(), first.len() + 2 * 2 + 1);
    assert_eq!(
        dimensions(&site, "public/work/autumn/square-400w.jpg"),
        (400, 200)
    );
    assert!(
        site.read("public/work/autumn/index.html")
            .contains("width=\"400\" height=\"200\"")
    );
}

#[test]
fn an_animated_gif_is_shown_by_its_first_frame() {
    let site = showcase_site();
    // Two frames: red, then blue.
    let mut gif = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut gif);
        for colour in [[200, 30, 30, 255], [30, 30, 200, 255]] {
            let frame = image::RgbaImage::from_pixel(500, 250, image::Rgba(colour));
            encoder.encode_frame(image::Frame::new(frame)).unwrap();
        }
    }
    site.bytes("content/work/autumn/loop.gif", &gif);
    site.page(
        "work/autumn/index.md",
        &SHOWCASE.replace(
            "image: wide.png",
            "image: loop.gif\n    alt: A glaze test looping",
        ),
        "Samples.",
    );
    site.build().ok();
    // Still thumbnails of the first frame, lossless (PNG and WebP); the GIF itself is
    // published beside them.
    for rel in [
        "public/work/autumn/loop-320w.png",
        "public/work/autumn/loop-320w.webp",
    ] {
        let still = image::open(site.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let [r, _, b, _] = still.to_rgba8().get_pixel(5, 5).0;
        assert!(r > 150 && b < 80, "{rel} shows the first frame");
    }
    assert!(site.exists("public/work/autumn/loop.gif"));
    let html = site.read("public/work/autumn/index.html");
    assert!(html.contains("loop-320w.webp 320w"), "in the srcset");
    assert!(html.contains("width=\"500\" height=\"250\""), "its size");
}

#[test]
fn missing_and_broken_images_are_errors_at_their_line_and_column() {
    let site = showcase_site();
    std::fs::remove_file(site.path("content/work/autumn/square.jpg")).unwrap();
    let err = site.build().fails();
    assert!(
        err.contains("content/work/autumn/index.md:12:12")
            && err.contains("image `square.jpg` not found"),
        "{err}"
    );
    assert!(err.contains("image: square.jpg"), "shows the line: {err}");

    let site = showcase_site();
    site.file("content/work/autumn/square.jpg", "this is not a JPEG");
    let err = site.build().fails();
    assert!(err.contains("content/work/autumn/index.md:12:12"), "{err}");
    assert!(
        err.contains("image `square.jpg` cannot be used: not a JPEG, PNG, WebP or GIF image"),
        "{err}"
    );

    let site = showcase_site();
    let mut truncated = image_bytes(600, 600, image::ImageFormat::Png);
    truncated.truncate(truncated.len() / 3);
    site.bytes("content/work/autumn/wide.png", &truncated);
    let err = site.build().fails();
    assert!(err.contains("content/work/autumn/index.md:6:12"), "{err}");
    assert!(err.contains("image `wide.png` cannot be used"), "{err}");
    assert!(!site.exists("public"));
    assert!(!err.contains("panicked"), "{err}");

    // Outside a bundle there is nothing beside the page to resize.
    let site = TestSite::new();
    site.page("work.md", SHOWCASE, "");
    let err = site.build().fails();
    assert!(err.contains("content/work.md:6:12"), "{err}");
    assert!(err.contains("images need a page bundle"), "{err}");
}

#[test]
fn case_study_raster_cover_gets_thumbnails() {
    let site = TestSite::new();
    site.page(
        "cases/hlyna/index.md",
        "title: Hlyna\nkind: case_study\ncover: cover.jpg\nsummary: Grew.",
        "Story.",
    );
    site.bytes(
        "content/cases/hlyna/cover.jpg",
        &image_bytes(1600, 900, image::ImageFormat::Jpeg),
    );
    site.build().ok();
    let html = site.read("public/cases/hlyna/index.html");
    assert!(
        html.contains("srcset=\"/cases/hlyna/cover-320w.webp 320w, /cases/hlyna/cover-640w.webp 640w, /cases/hlyna/cover-960w.webp 960w, /cases/hlyna/cover-1280w.webp 1280w\""),
        "{html}"
    );
    assert!(html.contains("class=\"case-study-cover\""));
    assert_eq!(
        dimensions(&site, "public/cases/hlyna/cover-1280w.jpg"),
        (1280, 720)
    );
    // A broken cover is an error on its value.
    site.file("content/cases/hlyna/cover.jpg", "nope");
    let err = site.build().fails();
    assert!(err.contains("content/cases/hlyna/index.md:4:8"), "{err}");
}

#[test]
fn showcase_items_play_videos_and_embed_posts() {
    let site = showcase_site();
    let moving = SHOWCASE
        .replacen(
            "image: wide.png",
            "video: clip.webm\n    poster: wide.png\n    alt: A wide test pattern",
            1,
        )
        .replacen(
            "image: square.jpg",
            "embed: https://www.instagram.com/reel/C5bIrChSaP1/\n    poster: square.jpg",
            1,
        );
    site.page("work/autumn/index.md", &moving, "Samples.");
    site.bytes("content/work/autumn/clip.webm", b"a video");
    site.build().ok();
    let html = site.read("public/work/autumn/index.html");
    assert!(
        html.contains("<source src=\"/work/autumn/clip.webm\" type=\"video/webm\">"),
        "{html}"
    );
    assert!(
        html.contains("aria-label=\"A wide test pattern\""),
        "the item's alt names the video: {html}"
    );
    assert!(
        !html.contains(" autoplay"),
        "a showcase video never plays by itself"
    );
    assert!(
        html.contains("data-embed-src=\"https://www.instagram.com/p/C5bIrChSaP1/embed/\""),
        "{html}"
    );
    assert!(
        html.contains("<script src=\"/embeds.js\" defer></script>"),
        "{html}"
    );
    assert!(site.exists("public/work/autumn/clip.webm"));
}

#[test]
fn showcase_errors_name_file_and_line() {
    // SHOWCASE's lines, counted from the file's first line (`---`).
    let cases = [
        (
            "metrics: {views: 96500, shares: 530, hearts: 12}",
            "metrics: {views: 96.5K, shares: 530}",
            "work/autumn/index.md:16:14",
            "metric `views` is not a number",
        ),
        (
            "image: wide.png",
            "image: https://cdn.example.com/wide.png",
            "work/autumn/index.md:6",
            "must be a file beside the page",
        ),
        (
            "link: \"@/about.md\"",
            "link: \"@/nowhere.md\"",
            "work/autumn/index.md:15",
            "broken link `@/nowhere.md`",
        ),
        (
            "image: wide.png",
            "image: wide.png\n    video: clip.mp4",
            "work/autumn/index.md:6",
            "exactly one of `image`, `video` or `embed`",
        ),
        (
            "image: wide.png",
            "video: clip.mp4",
            "work/autumn/index.md:6",
            "a video needs a `poster:` image",
        ),
        (
            "image: wide.png",
            "video: clip.mov\n    poster: wide.png",
            "work/autumn/index.md:6",
            "video `clip.mov` is not MP4 or WebM",
        ),
        (
            "image: wide.png",
            "embed: https://www.tiktok.com/@hlyna/video/seven",
            "work/autumn/index.md:6",
            "is not a post on YouTube, Vimeo, TikTok, Instagram or LinkedIn",
        ),
    ];
    for (from, to, place, message) in cases {
        let site = showcase_site();
        assert!(SHOWCASE.contains(from), "{from}");
        site.page("work/autumn/index.md", &SHOWCASE.replacen(from, to, 1), "x");
        let err = site.build().fails();
        assert!(err.contains(place), "{place} in:\n{err}");
        assert!(err.contains(message), "{message} in:\n{err}");
        assert!(!site.exists("public"), "a failed build writes nothing");
    }
}
