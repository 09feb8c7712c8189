//! `GET /factures/{id}/pdf`: an invoice's PDF, as a download (`attachment`), or shown by the browser
//! for printing with `?imprimer`. Admins and managers only; an invoice of another organisation is
//! a 404, like one that does not exist.

use super::guard::{error_response, request_texts, require};
use super::pdf_response;
use crate::startup::AppState;
use app::api::guard::from_port;
use app::api::invoices::email::render_invoice;
use app::domain::ids::InvoiceId;
use app::domain::role::Role;
use app::error::{AppError, ErrorKind};
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
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
    match render_invoice(&state.services, user.organisation_id, id).await {
        Ok((name, pdf)) => pdf_response(&name, pdf, query.as_deref()),
        Err(error) => error_response(&from_port(error)),
    }
}
