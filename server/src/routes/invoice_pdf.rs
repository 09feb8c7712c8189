//! `GET /factures/{id}/pdf`: an invoice's PDF, as a download, or shown by the browser for printing
//! with `?imprimer`. Admins and managers only; an invoice of another organisation is a 404, like one
//! that does not exist.

use super::pdf::serve;
use crate::startup::AppState;
use app::api::invoices::email::render_invoice;
use app::domain::ids::InvoiceId;
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
    serve(
        &state,
        &session,
        &headers,
        &id,
        query.as_deref(),
        |services, org, id: InvoiceId| async move { render_invoice(&services, org, id).await },
    )
    .await
}
