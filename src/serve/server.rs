//! Live preview: the HTTP server. Files come from memory; HTML gets the live-reload
//! script; a WebSocket tells open pages to reload, swap a stylesheet or show errors.

use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use super::dev::Served;
use super::paths::{Resolved, resolve};

pub const SCRIPT_PATH: &str = "/__folio/livereload.js";
pub const SOCKET_PATH: &str = "/__folio/ws";
const SCRIPT: &str = include_str!("livereload.js");

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub served: Arc<Served>,
    pub messages: broadcast::Sender<String>,
    /// The error message of the current failed build, sent to pages that connect later.
    pub current_error: Arc<RwLock<Option<String>>>,
}

pub fn router(state: AppState) -> Router {
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

async fn file(State(state): State<AppState>, uri: Uri) -> Response {
    match resolve(uri.path(), |p| state.served.contains(p)) {
        Resolved::File(path) => match state.served.get(&path) {
            Some(bytes) => respond(StatusCode::OK, &path, &bytes),
            None => not_found(&state),
        },
        Resolved::Redirect(to) => Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, to)
            .body(Body::empty())
            .unwrap_or_default(),
        Resolved::NotFound => not_found(&state),
        Resolved::BadRequest => (StatusCode::BAD_REQUEST, "bad request path").into_response(),
    }
}

fn not_found(state: &AppState) -> Response {
    match state.served.get("404.html") {
        Some(bytes) => respond(StatusCode::NOT_FOUND, "404.html", &bytes),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn respond(status: StatusCode, path: &str, bytes: &[u8]) -> Response {
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
        inject(bytes)
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

/// Adds the live-reload script before `</body>` (or at the end).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
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
    ws: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers) {
        return (
            StatusCode::FORBIDDEN,
            "cross-origin live-reload connections are refused",
        )
            .into_response();
    }
    let mut response = ws.on_upgrade(move |socket| talk(socket, state));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn talk(mut socket: WebSocket, state: AppState) {
    let mut rx = state.messages.subscribe();
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
        let html = inject(b"<html><body><p>x</p></body></html>");
        assert_eq!(
            String::from_utf8(html).unwrap(),
            format!(
                "<html><body><p>x</p><script src=\"{SCRIPT_PATH}\" defer></script></body></html>"
            )
        );
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
