//! A social platform as calendars and showcases show it: its name as its owner
//! writes it, and the CSS class of its colour.

/// A platform's name as its owner writes it; others as given.
pub(crate) fn platform_label(platform: &str) -> String {
    let known = match platform {
        "instagram" => "Instagram",
        "facebook" => "Facebook",
        "tiktok" => "TikTok",
        "linkedin" => "LinkedIn",
        "x" | "twitter" => "X",
        "youtube" => "YouTube",
        "threads" => "Threads",
        "pinterest" => "Pinterest",
        "telegram" => "Telegram",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        "newsletter" | "email" => return platform[..1].to_uppercase() + &platform[1..],
        _ => return platform.to_string(),
    };
    known.to_string()
}

/// Platforms the theme has a colour for; others get a neutral one.
const COLOURED: [&str; 12] = [
    "instagram",
    "facebook",
    "tiktok",
    "linkedin",
    "x",
    "twitter",
    "youtube",
    "threads",
    "pinterest",
    "telegram",
    "bluesky",
    "mastodon",
];

/// A CSS class safe name for a platform: `platform-instagram`, `platform-other`.
pub(crate) fn platform_class(platform: &str) -> String {
    if COLOURED.contains(&platform) {
        format!("platform-{platform}")
    } else {
        "platform-other".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms() {
        assert_eq!(platform_label("tiktok"), "TikTok");
        assert_eq!(platform_class("linkedin"), "platform-linkedin");
        assert_eq!(platform_class("<script>"), "platform-other");
    }
}
