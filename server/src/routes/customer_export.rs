//! `GET /exports/clients.csv` and `GET /exports/clients.xlsx` (seed 004, "Export de la liste des
//! clients"): the guests with at least one booking arriving in `year`, optionally only on `property`
//! and with `status`, as a file to download. CSV is UTF-8 with a BOM and semicolons, as French Excel
//! opens it. Admins and managers only; parameters are checked like a form (400 naming each one).

use super::customer_xlsx;
use super::guard::{error_response, request_texts, require};
use crate::startup::AppState;
use app::api::guard::internal;
use app::domain::customers::{csv, ExportFilter, ExportRow};
use app::domain::role::Role;
use app::error::AppError;
use app::i18n::Texts;
use app::ports::PortError;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The export's formats.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Xlsx,
}

/// The CSV download.
pub async fn csv_export(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    export(state, session, headers, query, Format::Csv).await
}

/// The XLSX download.
pub async fn xlsx_export(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    export(state, session, headers, query, Format::Xlsx).await
}

async fn export(
    state: AppState,
    session: Session,
    headers: HeaderMap,
    query: Option<String>,
    format: Format,
) -> Response {
    let t = request_texts(&headers);
    let user = match require(
        &session,
        &state.services,
        &headers,
        Role::can_view_properties,
    )
    .await
    {
        Ok(user) => user,
        Err(response) => return response,
    };
    let pairs: Vec<(String, String)> =
        match serde_urlencoded::from_str(query.as_deref().unwrap_or_default()) {
            Ok(pairs) => pairs,
            Err(error) => {
                return error_response(&AppError::new(
                    app::error::ErrorKind::BadRequest,
                    format!("{} ({error})", t.bad_parameters),
                ))
            }
        };
    let filter = match ExportFilter::parse(&pairs) {
        Ok(filter) => filter,
        Err(fields) => return error_response(&AppError::bad_request(t, &fields)),
    };
    let rows = match state
        .services
        .customers
        .export(user.organisation_id, &filter)
        .await
    {
        Ok(rows) => rows,
        Err(PortError::Invalid(fields)) => {
            return error_response(&AppError::bad_request(t, &fields))
        }
        Err(error) => return error_response(&internal(error)),
    };
    let name = (t.customers.export_file)(filter.year);
    match format {
        Format::Csv => download(
            csv::document(&csv_rows(t, &rows)).into_bytes(),
            "text/csv; charset=utf-8",
            &format!("{name}.csv"),
        ),
        Format::Xlsx => match customer_xlsx::workbook(t.customers, &rows) {
            Ok(bytes) => download(
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{name}.xlsx"),
            ),
            Err(error) => error_response(&internal(error)),
        },
    }
}

/// The header row, then one row per guest.
fn csv_rows(t: &Texts, rows: &[ExportRow]) -> Vec<Vec<String>> {
    let c = t.customers;
    let mut out = vec![c.export_columns.iter().map(|s| (*s).to_owned()).collect()];
    out.extend(rows.iter().map(|guest| {
        vec![
            guest.name.clone(),
            guest.address.clone(),
            guest.emails.clone(),
            guest.phones.clone(),
            guest.bookings.to_string(),
            guest.first_arrival.format(c.export_date_format).to_string(),
            guest.properties.join(", "),
        ]
    }));
    out
}

/// A file answer: its type, `attachment` with its name, never cached.
fn download(bytes: Vec<u8>, content_type: &'static str, file_name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response()
}
