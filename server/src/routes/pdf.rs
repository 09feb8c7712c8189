//! PDF downloads: the checks every PDF route makes, and the answer carrying the document (its type,
//! never cached, its file name for a download — `attachment` — or for the browser's viewer —
//! `inline`, asked with `?imprimer`).

use super::guard::{error_response, request_texts, require};
use crate::startup::AppState;
use app::api::guard::from_port;
use app::domain::ids::OrganisationId;
use app::domain::role::Role;
use app::error::{AppError, ErrorKind};
use app::ports::{PortResult, Services};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::str::FromStr;
use tower_sessions::Session;

/// `pdf` named `name`; `query` decides inline or attachment.
pub fn pdf_response(name: &str, pdf: Vec<u8>, query: Option<&str>) -> Response {
    let inline = query.is_some_and(|q| q.split('&').any(|p| p == "imprimer"));
    let disposition = format!(
        "{}; filename=\"{}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        name.replace(
            |c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '.',
            "_"
        ),
        utf8_percent(name)
    );
    let mut response = pdf.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// RFC 5987 encoding of a file name.
fn utf8_percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The whole answer of a PDF route: the session and role checked (admins and managers), `id`
/// parsed (garbage is a 404 like an unknown id), the document rendered by `render` for the caller's
/// organisation, then sent with [`pdf_response`].
pub async fn serve<Id, Fut>(
    state: &AppState,
    session: &Session,
    headers: &HeaderMap,
    id: &str,
    query: Option<&str>,
    render: impl FnOnce(Services, OrganisationId, Id) -> Fut,
) -> Response
where
    Id: FromStr,
    Fut: Future<Output = PortResult<(String, Vec<u8>)>>,
{
    let t = request_texts(headers);
    let user = match require(session, &state.services, headers, Role::can_manage_bookings).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Ok(id) = id.parse::<Id>() else {
        return error_response(&AppError::new(ErrorKind::NotFound, t.page_not_found));
    };
    match render(state.services.clone(), user.organisation_id, id).await {
        Ok((name, pdf)) => pdf_response(&name, pdf, query),
        Err(error) => error_response(&from_port(error)),
    }
}
