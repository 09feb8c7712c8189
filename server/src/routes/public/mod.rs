//! The public pages (SPEC C10) under `/public/{site}/…`, for guests who never log in: a home's
//! calendar, the booking search, the booking request. Each answers server-rendered HTML (no
//! WebAssembly), may be framed by any website (these pages only: the app itself forbids framing),
//! is limited per client address, and answers 404 for an unknown, renewed or disabled site — the
//! same page whatever the reason, so an address reveals nothing.

mod calendar;
mod request;
mod search;

pub use calendar::calendar_page;
pub use request::{request_form, send_request};
pub use search::search_page;

use crate::db::public::sites::Site;
use crate::startup::AppState;
use app::domain::public::EmbedStyle;
use app::i18n::texts;
use app::pages::public::{render, MessagePage};
use app::ports::Throttle;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};

/// Decoded query or form pairs (an undecodable string gives none: every field is then missing).
pub(crate) fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.and_then(|raw| serde_urlencoded::from_str(raw).ok())
        .unwrap_or_default()
}

/// Today on France's clock.
pub(crate) fn today() -> NaiveDate {
    app::domain::paris_time::in_paris(Utc::now()).date()
}

/// A public page: HTML that any site may frame, never cached by shared caches.
pub(crate) fn page(status: StatusCode, html: String) -> Response {
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("frame-ancestors *"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        html,
    )
        .into_response()
}

/// A page with one message, in the style asked for.
pub(crate) fn message(
    status: StatusCode,
    style: &EmbedStyle,
    pick: fn(&'static app::i18n::public::PublicTexts) -> &'static str,
) -> Response {
    let text = pick(texts(style.lang).public);
    let style = style.clone();
    page(
        status,
        render(style.lang, move || {
            leptos::view! { <MessagePage message=text style=style/> }
        }),
    )
}

/// The enabled site behind `token` after the rate limit, or the answer to send instead.
pub(crate) async fn open_site(
    state: &AppState,
    client: &str,
    token: &str,
    style: &EmbedStyle,
) -> Result<Site, Response> {
    if !state.public_throttle.allow(client) {
        return Err(message(StatusCode::TOO_MANY_REQUESTS, style, |p| {
            p.throttled
        }));
    }
    if !crate::routes::ical_export::is_token(token) {
        return Err(message(StatusCode::NOT_FOUND, style, |p| p.not_found));
    }
    match state.public.site(token).await {
        Ok(Some(site)) => Ok(site),
        Ok(None) => Err(message(StatusCode::NOT_FOUND, style, |p| p.not_found)),
        Err(error) => Err(failure(style, error)),
    }
}

/// The answer to a storage failure (logged, never shown).
pub(crate) fn failure(style: &EmbedStyle, error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "public page");
    message(StatusCode::INTERNAL_SERVER_ERROR, style, |p| p.unavailable)
}

/// The address of a public page of `site` with `query` (already encoded).
pub(crate) fn address(site: &Site, page: &str, query: &str) -> String {
    format!("/public/{}/{page}?{query}", site.token)
}

/// `pairs` encoded as a query string.
pub(crate) fn encode(pairs: &[(String, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The pairs that carry `style` from page to page.
pub(crate) fn style_pairs(style: &EmbedStyle) -> Vec<(String, String)> {
    pairs(Some(&style.query()))
}
