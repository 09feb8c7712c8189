//! `GET /reservations/{id}/contrat/pdf`: a booking's contract as PDF, as a download, or shown by the
//! browser for printing with `?imprimer`. Admins and managers only; another organisation's booking,
//! or a booking without a contract yet, is a 404.

use super::pdf::serve;
use crate::startup::AppState;
use app::api::contracts::email::render_contract;
use app::domain::ids::BookingId;
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
    serve(
        &state,
        &session,
        &headers,
        &id,
        query.as_deref(),
        |services, org, id: BookingId| async move { render_contract(&services, org, id).await },
    )
    .await
}
