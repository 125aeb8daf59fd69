//! The platforms whose posts and videos folio embeds as privacy-preserving facades:
//! what a valid id looks like on each, the URL of the player or post its iframe
//! loads once the reader clicks, and the link to the post on the platform.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Platform {
    YouTube,
    Vimeo,
    TikTok,
    Instagram,
    LinkedIn,
}

/// A post or video to embed, as templates get it (`embed` in a facade's template).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Embed {
    /// `youtube`, `vimeo`, `tiktok`, `instagram`, `linkedin` (CSS classes, shapes).
    pub platform: &'static str,
    /// The platform's name as people write it: `YouTube`, `TikTok`.
    pub name: &'static str,
    /// The URL the iframe loads after the click.
    pub src: String,
    /// The post on the platform, for the link that works without the iframe.
    pub href: String,
    /// Whether the player is upright (9:16): TikToks and Reels.
    pub upright: bool,
}

impl Platform {
    pub(crate) const ALL: [Platform; 5] = [
        Platform::YouTube,
        Platform::Vimeo,
        Platform::TikTok,
        Platform::Instagram,
        Platform::LinkedIn,
    ];

    /// The platform of a shortcode or argument type name.
    pub(crate) fn named(name: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.key() == name)
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            Platform::YouTube => "youtube",
            Platform::Vimeo => "vimeo",
            Platform::TikTok => "tiktok",
            Platform::Instagram => "instagram",
            Platform::LinkedIn => "linkedin",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Platform::YouTube => "YouTube",
            Platform::Vimeo => "Vimeo",
            Platform::TikTok => "TikTok",
            Platform::Instagram => "Instagram",
            Platform::LinkedIn => "LinkedIn",
        }
    }

    /// What an id looks like, for the error about a malformed one.
    pub(crate) fn id_shape(self) -> &'static str {
        match self {
            Platform::YouTube => "11 letters, digits, `-` or `_`, as in `dQw4w9WgXcQ`",
            Platform::Vimeo => "digits, as in `76979871`",
            Platform::TikTok => {
                "the digits at the end of the video's URL, as in `7212345678901234567`"
            }
            Platform::Instagram => {
                "the code after /p/ or /reel/ in the post's URL, as in `C1a2B3c4D5e`"
            }
            Platform::LinkedIn => {
                "the post's URN, as in `urn:li:share:7123456789012345678` (also `activity` or `ugcPost`)"
            }
        }
    }

    /// Whether `id` is a well-formed id on this platform.
    pub(crate) fn valid_id(self, id: &str) -> bool {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 25 && s.bytes().all(|b| b.is_ascii_digit());
        match self {
            Platform::YouTube => id.len() == 11 && id.chars().all(word),
            Platform::Vimeo => digits(id),
            Platform::TikTok => digits(id) && id.len() >= 15,
            Platform::Instagram => (5..=40).contains(&id.len()) && id.chars().all(word),
            Platform::LinkedIn => ["urn:li:share:", "urn:li:activity:", "urn:li:ugcPost:"]
                .iter()
                .any(|p| id.strip_prefix(p).is_some_and(digits)),
        }
    }

    /// The embed of a well-formed id.
    pub(crate) fn embed(self, id: &str) -> Embed {
        let (src, href) = match self {
            Platform::YouTube => (
                format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
                format!("https://www.youtube.com/watch?v={id}"),
            ),
            Platform::Vimeo => (
                format!("https://player.vimeo.com/video/{id}?autoplay=1&dnt=1"),
                format!("https://vimeo.com/{id}"),
            ),
            Platform::TikTok => (
                format!("https://www.tiktok.com/embed/v2/{id}"),
                format!("https://www.tiktok.com/embed/v2/{id}"),
            ),
            Platform::Instagram => (
                format!("https://www.instagram.com/p/{id}/embed/"),
                format!("https://www.instagram.com/p/{id}/"),
            ),
            Platform::LinkedIn => (
                format!("https://www.linkedin.com/embed/feed/update/{id}"),
                format!("https://www.linkedin.com/feed/update/{id}/"),
            ),
        };
        Embed {
            platform: self.key(),
            name: self.name(),
            src,
            href,
            upright: matches!(self, Platform::TikTok | Platform::Instagram),
        }
    }
}

/// The platform and id of a post's URL (`https://www.tiktok.com/@user/video/72…`,
/// `https://www.instagram.com/reel/C1a…/`, `https://youtu.be/…`), when it is one.
pub(crate) fn from_url(url: &str) -> Option<(Platform, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.trim_start_matches("www.").trim_start_matches("m.");
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let query_v = url
        .split_once("?v=")
        .or_else(|| url.split_once("&v="))
        .map(|(_, v)| v.split('&').next().unwrap_or_default().to_string());
    let found = match (host, parts.as_slice()) {
        ("youtube.com", ["watch"]) => (Platform::YouTube, query_v?),
        ("youtube.com", ["shorts" | "embed", id]) | ("youtu.be", [id]) => {
            (Platform::YouTube, id.to_string())
        }
        ("vimeo.com", [id]) => (Platform::Vimeo, id.to_string()),
        ("tiktok.com", [_, "video", id]) => (Platform::TikTok, id.to_string()),
        ("instagram.com", ["p" | "reel" | "tv", id]) => (Platform::Instagram, id.to_string()),
        ("linkedin.com", ["feed", "update", id]) => (Platform::LinkedIn, id.to_string()),
        _ => return None,
    };
    found.0.valid_id(&found.1).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_ids_per_platform() {
        assert!(Platform::YouTube.valid_id("dQw4w9WgXcQ"));
        assert!(!Platform::YouTube.valid_id("dQw4w9WgXc"));
        assert!(!Platform::YouTube.valid_id("https://youtu.be/dQw4w9WgXcQ"));
        assert!(Platform::TikTok.valid_id("7212345678901234567"));
        assert!(!Platform::TikTok.valid_id("@hlyna/video/72"));
        assert!(Platform::LinkedIn.valid_id("urn:li:share:7123456789012345678"));
        assert!(!Platform::LinkedIn.valid_id("7123456789012345678"));
    }

    #[test]
    fn reads_post_urls() {
        let cases = [
            (
                "https://www.tiktok.com/@hlyna/video/7212345678901234567",
                Platform::TikTok,
                "7212345678901234567",
            ),
            (
                "https://www.instagram.com/reel/C1a2B3c4D5e/",
                Platform::Instagram,
                "C1a2B3c4D5e",
            ),
            (
                "https://youtu.be/dQw4w9WgXcQ",
                Platform::YouTube,
                "dQw4w9WgXcQ",
            ),
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3",
                Platform::YouTube,
                "dQw4w9WgXcQ",
            ),
            ("https://vimeo.com/76979871", Platform::Vimeo, "76979871"),
        ];
        for (url, platform, id) in cases {
            assert_eq!(from_url(url), Some((platform, id.to_string())), "{url}");
        }
        assert_eq!(from_url("https://example.org/video/1"), None);
        assert_eq!(from_url("https://www.tiktok.com/@hlyna/video/abc"), None);
    }
}
