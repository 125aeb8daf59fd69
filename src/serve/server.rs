//! Live preview: the HTTP server. Files come from memory; HTML gets the live-reload
//! script; a WebSocket tells open pages to reload, swap a stylesheet or show errors.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use super::dev::Served;
use super::paths::{Resolved, resolve};

pub(crate) const SCRIPT_PATH: &str = "/__folio/livereload.js";
pub(crate) const SOCKET_PATH: &str = "/__folio/ws";
const SCRIPT: &str = include_str!("livereload.js");

/// What the handlers share.
#[derive(Clone)]
pub(crate) struct AppState {
    pub served: Arc<Served>,
    pub messages: broadcast::Sender<String>,
    /// The error message of the current failed build, sent to pages that connect later.
    pub current_error: Arc<RwLock<Option<String>>>,
    /// How many rebuilds changed the pages. A page is served with the number it was
    /// rendered from and sends it back when its socket connects: a page older than
    /// the current build (it loaded while a rebuild ran) is told to reload at once.
    pub build: Arc<AtomicU64>,
    /// Listening on a loopback address: only requests naming a loopback host are
    /// answered, so a web page elsewhere cannot reach the preview through a DNS name
    /// that resolves to 127.0.0.1 (DNS rebinding).
    pub loopback_only: bool,
}

pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .route(SCRIPT_PATH, get(script))
        .route(SOCKET_PATH, get(socket))
        .fallback(get(file))
        .with_state(state)
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

async fn file(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Response {
    if state.loopback_only && !loopback_host(&headers) {
        return misdirected();
    }
    // Read before the file: the page can only be newer than the number it carries.
    let build = state.build.load(Ordering::SeqCst);
    match resolve(uri.path(), |p| state.served.contains(p)) {
        Resolved::File(path) => match state.served.get(&path) {
            Some(bytes) => respond(StatusCode::OK, &path, &bytes, build),
            None => not_found(&state, build),
        },
        Resolved::Redirect(to) => Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, to)
            .body(Body::empty())
            .unwrap_or_default(),
        Resolved::NotFound => not_found(&state, build),
        Resolved::BadRequest => (StatusCode::BAD_REQUEST, "bad request path").into_response(),
    }
}

fn not_found(state: &AppState, build: u64) -> Response {
    match state.served.get("404.html") {
        Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", &bytes, build),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn misdirected() -> Response {
    (
        StatusCode::MISDIRECTED_REQUEST,
        "this preview answers only to localhost, 127.0.0.1 and [::1]",
    )
        .into_response()
}

fn respond(status: StatusCode, path: &str, bytes: &[u8], build: u64) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let content_type = match mime.type_() {
        mime_guess::mime::TEXT => format!("{}; charset=utf-8", mime.essence_str()),
        _ if mime.essence_str() == "application/javascript"
            || mime.essence_str() == "application/json" =>
        {
            format!("{}; charset=utf-8", mime.essence_str())
        }
        _ => mime.essence_str().to_string(),
    };
    let body = if is_html {
        inject(bytes, build)
    } else {
        bytes.to_vec()
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store")
        .header("x-content-type-options", "nosniff")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// Adds the live-reload script, with the build the page comes from, before `</body>`
/// (or at the end).
pub(crate) fn inject(html: &[u8], build: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" data-build=\"{build}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// Whether the Host header names this machine's loopback interface (any port).
fn loopback_host(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Only pages served by this server may connect: a page elsewhere must not listen in.
fn same_origin(headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
    match (host, origin) {
        (Some(host), Some(origin)) => {
            origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                == Some(host)
        }
        // Browsers always send Origin on WebSocket requests; tools may not.
        (Some(_), None) => true,
        _ => false,
    }
}

async fn socket(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
    ws: WebSocketUpgrade,
) -> Response {
    if state.loopback_only && !loopback_host(&headers) {
        return misdirected();
    }
    if !same_origin(&headers) {
        return (
            StatusCode::FORBIDDEN,
            "cross-origin live-reload connections are refused",
        )
            .into_response();
    }
    let page_build = query.get("build").and_then(|b| b.parse::<u64>().ok());
    let mut response = ws.on_upgrade(move |socket| talk(socket, state, page_build));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn talk(mut socket: WebSocket, state: AppState, page_build: Option<u64>) {
    // Subscribe first, then compare: a rebuild either counts in the comparison or
    // arrives as a message, never neither.
    let mut rx = state.messages.subscribe();
    if let Some(page_build) = page_build
        && page_build < state.build.load(Ordering::SeqCst)
        && socket
            .send(Message::Text(r#"{"type":"reload"}"#.into()))
            .await
            .is_err()
    {
        return;
    }
    let pending = state.current_error.read().ok().and_then(|e| e.clone());
    if let Some(error) = pending
        && socket.send(Message::Text(error.into())).await.is_err()
    {
        return;
    }
    loop {
        tokio::select! {
            msg = rx.recv() => match msg {
                Ok(text) => {
                    if socket.send(Message::Text(text.into())).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    // Missed messages: a reload brings the page up to date.
                    if socket.send(Message::Text(r#"{"type":"reload"}"#.into())).await.is_err() {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Closed) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_body_ends() {
        let html = inject(b"<html><body><p>x</p></body></html>", 7);
        assert_eq!(
            String::from_utf8(html).unwrap(),
            format!(
                "<html><body><p>x</p><script src=\"{SCRIPT_PATH}\" data-build=\"7\" defer></script></body></html>"
            )
        );
    }

    #[test]
    fn only_loopback_hosts() {
        let host = |value: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::HOST, HeaderValue::from_static(value));
            loopback_host(&h)
        };
        for ok in [
            "127.0.0.1:1111",
            "localhost:80",
            "LOCALHOST",
            "[::1]:1111",
            "127.1.2.3",
        ] {
            assert!(host(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "localhost.evil.example",
            "10.0.0.1:1111",
            "[::2]:1",
            "",
        ] {
            assert!(!host(bad), "{bad}");
        }
        assert!(!loopback_host(&HeaderMap::new()));
    }

    #[test]
    fn only_same_origin_sockets() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:1111"));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:1111"),
        );
        assert!(same_origin(&h));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!same_origin(&h));
    }
}
