//! `GET /ical/{token}.ics[?exclure=airbnb]`: an exported calendar, public to whoever has its secret
//! link (the platforms fetch it without a session). An unknown or revoked secret answers 404; the
//! `exclure` option leaves out the stays imported from that platform's feeds (no echo). Conditional
//! requests (`If-None-Match`, `If-Modified-Since`) answer 304. Requests are limited per client
//! address.

use crate::startup::AppState;
use crate::sync::export::Exported;
use app::domain::sync::Platform;
use app::ports::Throttle;
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use std::net::SocketAddr;

/// How a secret is written: 43 URL-safe base64 characters.
pub(crate) fn is_token(text: &str) -> bool {
    text.len() == 43
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// The `exclure` option: `Ok(None)` when absent.
fn excluded(query: Option<&str>) -> Result<Option<Platform>, ()> {
    let Some(query) = query else { return Ok(None) };
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).map_err(|_| ())?;
    match pairs.iter().find(|(name, _)| name == "exclure") {
        None => Ok(None),
        Some((_, code)) => Platform::from_code(code).map(Some).ok_or(()),
    }
}

fn http_date(at: DateTime<Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Whether `If-None-Match` names `etag` (`None`: the request has no `If-None-Match`).
pub(crate) fn etag_matches(headers: &HeaderMap, etag: &str) -> Option<bool> {
    let tags = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())?;
    Some(
        tags.split(',')
            .map(|tag| tag.trim().trim_start_matches("W/"))
            .any(|tag| tag == "*" || tag == etag),
    )
}

/// Whether the client's copy is current.
fn not_modified(headers: &HeaderMap, exported: &Exported) -> bool {
    if let Some(matches) = etag_matches(headers, &exported.etag) {
        return matches;
    }
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|text| DateTime::parse_from_rfc2822(text).ok())
        .is_some_and(|since| exported.last_modified.timestamp() <= since.timestamp())
}

/// The calendar behind the secret in the path.
pub async fn ical_export(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    if !state.public_throttle.allow(&client.ip().to_string()) {
        return plain(
            StatusCode::TOO_MANY_REQUESTS,
            "Trop de demandes : réessayez dans une minute.",
        );
    }
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    if !is_token(token) {
        return plain(StatusCode::NOT_FOUND, "Calendrier introuvable.");
    }
    let Ok(excluded) = excluded(query.as_deref()) else {
        return plain(
            StatusCode::BAD_REQUEST,
            "Option « exclure » inconnue : utilisez airbnb, booking, vrbo ou other.",
        );
    };
    let exported = match state.exporter.export(token, excluded).await {
        Ok(Some(exported)) => exported,
        Ok(None) => return plain(StatusCode::NOT_FOUND, "Calendrier introuvable."),
        Err(error) => {
            tracing::error!(%error, "calendar export");
            return plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Le calendrier n'a pas pu être lu. Réessayez plus tard.",
            );
        }
    };
    let validators = [
        (
            header::ETAG,
            HeaderValue::from_str(&exported.etag).unwrap_or(HeaderValue::from_static("\"\"")),
        ),
        (
            header::LAST_MODIFIED,
            HeaderValue::from_str(&http_date(exported.last_modified))
                .unwrap_or(HeaderValue::from_static("")),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    if not_modified(&headers, &exported) {
        return (StatusCode::NOT_MODIFIED, validators).into_response();
    }
    (
        StatusCode::OK,
        validators,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline; filename=\"saison.ics\""),
            ),
        ],
        exported.body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exclude_option_names_a_platform() {
        assert_eq!(excluded(None), Ok(None));
        assert_eq!(excluded(Some("exclure=airbnb")), Ok(Some(Platform::Airbnb)));
        assert_eq!(excluded(Some("x=1")), Ok(None));
        assert_eq!(excluded(Some("exclure=expedia")), Err(()));
    }

    #[test]
    fn secrets_have_one_shape() {
        assert!(is_token("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_01234"));
        assert!(!is_token("../../etc/passwd"));
        assert!(!is_token(""));
    }
}
