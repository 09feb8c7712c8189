//! `GET /prestataire/{token}` and `GET /prestataire/{token}.ics` (SPEC C11): a provider's
//! confidential planning behind their secret link, without a session — a light page rendered on the
//! server (no script; every text escaped by Leptos) or the .ics feed of their tasks, with an `ETag`
//! and 304s. An unknown or renewed secret answers 404; requests are limited per client address. The
//! usual protective headers apply (no framing); nothing is cached on the way or indexed.

use super::guard::request_texts;
use super::ical_export::{etag_matches, is_token};
use super::provider_ics;
use crate::startup::AppState;
use crate::sync::export::etag_of;
use app::api::guard::lang_of;
use app::domain::paris_time::in_paris;
use app::domain::provider::tasks::PLANNING_DAYS;
use app::pages::providers::planning_view::{message_document, standalone_document};
use app::ports::Throttle;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use std::net::SocketAddr;

/// Headers of every answer: private, not stored, not indexed.
fn private_headers() -> [(header::HeaderName, HeaderValue); 2] {
    [
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        ),
        (
            header::HeaderName::from_static("x-robots-tag"),
            HeaderValue::from_static("noindex, nofollow"),
        ),
    ]
}

fn page(status: StatusCode, html: String) -> Response {
    (
        status,
        private_headers(),
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response()
}

/// The planning (page or feed) behind the secret in the path.
pub async fn provider_link(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_of(&headers);
    let t = request_texts(&headers).providers;
    let (token, feed) = match file.strip_suffix(".ics") {
        Some(token) => (token, true),
        None => (file.as_str(), false),
    };
    let refuse = |status: StatusCode, message: &'static str| {
        if feed {
            (
                status,
                private_headers(),
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                message,
            )
                .into_response()
        } else {
            page(status, message_document(lang, message))
        }
    };
    if !state.public_throttle.allow(&client.ip().to_string()) {
        return refuse(StatusCode::TOO_MANY_REQUESTS, t.too_many_requests);
    }
    if !is_token(token) {
        return refuse(StatusCode::NOT_FOUND, t.link_not_found);
    }
    let today = in_paris(Utc::now()).date();
    let planning = match state
        .services
        .providers
        .planning_by_token(token, today, PLANNING_DAYS)
        .await
    {
        Ok(Some(planning)) => planning,
        Ok(None) => return refuse(StatusCode::NOT_FOUND, t.link_not_found),
        Err(error) => {
            tracing::error!(%error, "provider planning");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, t.unavailable);
        }
    };
    if !feed {
        let ics = format!("/prestataire/{token}.ics");
        return page(StatusCode::OK, standalone_document(planning, lang, ics));
    }
    let body = provider_ics::render(&planning, t, state.exporter.uid_domain());
    let etag = etag_of(&body);
    let tag = [(
        header::ETAG,
        HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\"")),
    )];
    if etag_matches(&headers, &etag) == Some(true) {
        return (StatusCode::NOT_MODIFIED, private_headers(), tag).into_response();
    }
    (
        StatusCode::OK,
        private_headers(),
        tag,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"planning.ics\""),
            ),
        ],
        body,
    )
        .into_response()
}
