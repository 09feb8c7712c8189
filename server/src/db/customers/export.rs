//! The customer-list export's rows (seed 004): guests with at least one booking arriving in the year,
//! within the property and status filters, each with their bookings of the year counted, their first
//! arrival and the properties they stayed in. One query ordered by guest; grouped here.

use crate::db::{internal, on_db, Db};
use app::domain::customers::{ExportFilter, ExportRow};
use app::domain::field::{FieldError, FieldErrors};
use app::domain::ids::OrganisationId;
use app::ports::{PortError, PortResult};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    address: String,
    email: String,
    phone: String,
    arrival: NaiveDate,
    property_name: String,
}

/// Whether the organisation has the row `id` in `table` (an empty id is no filter).
async fn owned(db: &Db, table: &str, organisation: &str, id: &str) -> PortResult<bool> {
    if id.is_empty() {
        return Ok(true);
    }
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE organisation_id = $1 AND id = $2");
    let count: i64 = on_db!(db, pool => sqlx::query_scalar(&sql)
        .bind(organisation)
        .bind(id)
        .fetch_one(pool)
        .await)
    .map_err(internal)?;
    Ok(count > 0)
}

/// The export's guests, by name.
pub async fn rows(
    db: &Db,
    organisation: OrganisationId,
    filter: &ExportFilter,
) -> PortResult<Vec<ExportRow>> {
    let org = organisation.to_string();
    let property = filter.property.map(|p| p.to_string()).unwrap_or_default();
    let status = filter.status.map(|s| s.to_string()).unwrap_or_default();
    let mut errors = FieldErrors::new();
    if !owned(db, "properties", &org, &property).await? {
        errors.push(("property".into(), FieldError::UnknownChoice));
    }
    if !owned(db, "booking_statuses", &org, &status).await? {
        errors.push(("status".into(), FieldError::UnknownChoice));
    }
    if !errors.is_empty() {
        return Err(PortError::Invalid(errors));
    }
    let (from, to) = filter
        .year_bounds()
        .ok_or_else(|| internal(format!("year {} has no bounds", filter.year)))?;
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(
        "SELECT c.id, c.name, c.address, c.email, c.phone, b.arrival, p.name AS property_name \
         FROM bookings b \
         JOIN customers c ON c.organisation_id = b.organisation_id AND c.id = b.customer_id \
         JOIN properties p ON p.organisation_id = b.organisation_id AND p.id = b.property_id \
         WHERE b.organisation_id = $1 AND b.arrival >= $2 AND b.arrival < $3 \
           AND ($4 = '' OR b.property_id = $4) AND ($5 = '' OR b.status_id = $5) \
         ORDER BY c.name, c.id, b.arrival")
        .bind(&org)
        .bind(from)
        .bind(to)
        .bind(&property)
        .bind(&status)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    Ok(group(rows))
}

/// One export row per guest from their bookings' rows (consecutive, earliest arrival first).
fn group(rows: Vec<Row>) -> Vec<ExportRow> {
    let mut out: Vec<(String, ExportRow)> = Vec::new();
    for row in rows {
        match out.last_mut() {
            Some((id, guest)) if *id == row.id => {
                guest.bookings += 1;
                if !guest.properties.contains(&row.property_name) {
                    guest.properties.push(row.property_name);
                }
            }
            _ => out.push((
                row.id,
                ExportRow {
                    name: row.name,
                    address: row.address,
                    emails: row.email,
                    phones: row.phone,
                    bookings: 1,
                    first_arrival: row.arrival,
                    properties: vec![row.property_name],
                },
            )),
        }
    }
    out.into_iter()
        .map(|(_, mut guest)| {
            guest.properties.sort();
            guest
        })
        .collect()
}
