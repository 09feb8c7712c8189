//! `GET /factures/{id}/pdf`: an invoice's PDF, as a download (`attachment`), or shown by the browser
//! for printing with `?imprimer`. Admins and managers only; an invoice of another organisation is
//! a 404, like one that does not exist.

use super::guard::{error_response, request_texts, require};
use crate::startup::AppState;
use app::api::guard::from_port;
use app::api::invoices::email::render_invoice;
use app::domain::ids::InvoiceId;
use app::domain::role::Role;
use app::error::{AppError, ErrorKind};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The PDF.
pub async fn invoice_pdf(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let t = request_texts(&headers);
    let user = match require(
        &session,
        &state.services,
        &headers,
        Role::can_manage_bookings,
    )
    .await
    {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Ok(id) = id.parse::<InvoiceId>() else {
        return error_response(&AppError::new(ErrorKind::NotFound, t.page_not_found));
    };
    let (name, pdf) = match render_invoice(&state.services, user.organisation_id, id).await {
        Ok(file) => file,
        Err(error) => return error_response(&from_port(error)),
    };
    let inline = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|p| p == "imprimer"));
    let disposition = format!(
        "{}; filename=\"{}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        name.replace(
            |c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '.',
            "_"
        ),
        utf8_percent(&name)
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
