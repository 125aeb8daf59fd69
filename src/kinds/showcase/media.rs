//! What a showcase item shows: an image, a local video with its poster, or a post on
//! a platform embedded as a facade (with an optional poster) — exactly one of them.

use super::ItemMeta;
use crate::error::Diagnostic;
use crate::shortcodes::embeds::{self, Embed};

/// A problem with an item's media: its key, the message and the help.
pub(super) type Problem = (&'static str, String, String);

/// The media of a checked item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Media {
    /// A still image (`image:`).
    Image,
    /// A local video file (`video:`, MP4 or WebM) shown with `poster:`.
    Video { src: String },
    /// A post on one of the platforms (`embed:`).
    Embed(Embed),
}

/// Video formats browsers play everywhere.
const VIDEO_TYPES: [(&str, &str); 2] = [(".mp4", "video/mp4"), (".webm", "video/webm")];

/// The MIME type of a video file by its extension.
pub(crate) fn video_type(src: &str) -> &'static str {
    let lower = src.to_lowercase();
    VIDEO_TYPES
        .iter()
        .find(|(ext, _)| lower.ends_with(ext))
        .map_or("video/mp4", |(_, mime)| mime)
}

/// A key's value when it is there and not blank.
fn set(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// An item's media and the picture shown for it (the image, or the poster); problems
/// as (key, message, help).
pub(super) fn check(item: &ItemMeta) -> Result<(Media, Option<String>), Vec<Problem>> {
    let (image, video, embed, poster) = (
        set(&item.image),
        set(&item.video),
        set(&item.embed),
        set(&item.poster),
    );
    let chosen = [image.is_some(), video.is_some(), embed.is_some()];
    if chosen.iter().filter(|c| **c).count() != 1 {
        let key = if image.is_some() { "image" } else { "platform" };
        return Err(vec![(
            key,
            "an item shows exactly one of `image`, `video` or `embed`".into(),
            "e.g. `image: post.jpg`, or `video: reel.mp4` with `poster: reel.jpg`, or `embed: https://www.tiktok.com/@you/video/…`".into(),
        )]);
    }
    let mut problems = Vec::new();
    for (key, value) in [("image", image), ("poster", poster), ("video", video)] {
        if let Some(v) = value
            && v.contains("://")
        {
            let help = format!(
                "put the file in the page's bundle folder and name it, e.g. `{key}: reel.jpg`"
            );
            problems.push((
                key,
                format!("{key} `{v}` must be a file beside the page"),
                help,
            ));
        }
    }
    let media = if let Some(src) = video {
        if poster.is_none() {
            problems.push(("video", "a video needs a `poster:` image".into(), "add `poster: reel.jpg` (JPEG, PNG or WebP beside the page), shown until the video plays".into()));
        }
        if !VIDEO_TYPES
            .iter()
            .any(|(ext, _)| src.to_lowercase().ends_with(ext))
        {
            problems.push((
                "video",
                format!("video `{src}` is not MP4 or WebM"),
                "browsers play `.mp4` (H.264) and `.webm` files".into(),
            ));
        }
        Media::Video {
            src: src.to_string(),
        }
    } else if let Some(url) = embed {
        match embeds::from_url(url) {
            Some((platform, id)) => Media::Embed(platform.embed(&id)),
            None => {
                problems.push(("embed", format!("`{url}` is not a post on YouTube, Vimeo, TikTok, Instagram or LinkedIn"), "use the post's address as the platform shows it, e.g. `https://www.tiktok.com/@you/video/7212345678901234567`".into()));
                Media::Image
            }
        }
    } else {
        Media::Image
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok((media, image.or(poster).map(str::to_string)))
}

/// The problems of [`check`] as diagnostics of item `index`.
pub(super) fn diagnostics(
    problems: Vec<Problem>,
    at: impl Fn(&str, String) -> Diagnostic,
) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|(key, message, help)| at(key, message).with_help(help))
        .collect()
}
