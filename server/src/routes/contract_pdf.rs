//! `GET /reservations/{id}/contrat/pdf`: a booking's contract as PDF, as a download, or shown by the
//! browser for printing with `?imprimer`. Admins and managers only; another organisation's booking,
//! or a booking without a contract yet, is a 404.

use super::guard::{error_response, request_texts, require};
use super::pdf_response;
use crate::startup::AppState;
use app::api::contracts::email::render_contract;
use app::api::guard::from_port;
use app::domain::ids::BookingId;
use app::domain::role::Role;
use app::error::{AppError, ErrorKind};
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use tower_sessions::Session;

/// The PDF.
pub async fn contract_pdf(
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
    let Ok(id) = id.parse::<BookingId>() else {
        return error_response(&AppError::new(ErrorKind::NotFound, t.page_not_found));
    };
    match render_contract(&state.services, user.organisation_id, id).await {
        Ok((name, pdf)) => pdf_response(&name, pdf, query.as_deref()),
        Err(error) => error_response(&from_port(error)),
    }
}
