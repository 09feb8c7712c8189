//! The planning's data for a window: rows, the bars that touch the window, statuses and owners —
//! four indexed queries whatever the number of properties or bookings.

use crate::db::money::StoredMoney;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::booking::{Bar, BookingStatus, PlanningData, PlanningRow, PlanningWindow};
use app::domain::ids::OrganisationId;
use app::domain::property::Choice;
use app::domain::stay::Stay;
use app::ports::{PortError, PortResult};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct RowRow {
    id: String,
    name: String,
    owner_id: Option<String>,
}

#[derive(sqlx::FromRow)]
struct BarRow {
    id: String,
    property_id: String,
    arrival: NaiveDate,
    departure: NaiveDate,
    status_id: String,
    guest: String,
    version: i64,
    price: StoredMoney,
}

#[derive(sqlx::FromRow)]
struct StatusRow {
    id: String,
    name: String,
    color: String,
}

#[derive(sqlx::FromRow)]
struct OwnerRow {
    id: String,
    name: String,
}

/// The organisation's statuses, in their order.
pub async fn statuses(db: &Db, organisation: OrganisationId) -> PortResult<Vec<BookingStatus>> {
    let rows: Vec<StatusRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, name, color FROM booking_statuses WHERE organisation_id = $1 ORDER BY position")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|row| {
            Ok(BookingStatus {
                id: parse_id(&row.id)?,
                name: row.name,
                color: row.color,
            })
        })
        .collect()
}

/// Everything the planning draws over `window`.
pub async fn load(
    db: &Db,
    organisation: OrganisationId,
    window: PlanningWindow,
) -> PortResult<PlanningData> {
    let org = organisation.to_string();
    let (rows, bars, owners): (Vec<RowRow>, Vec<BarRow>, Vec<OwnerRow>) = on_db!(db, pool => async {
        let rows = sqlx::query_as(
            "SELECT p.id, p.name, p.owner_id FROM properties p \
             LEFT JOIN owners o ON o.organisation_id = p.organisation_id AND o.id = p.owner_id \
             WHERE p.organisation_id = $1 ORDER BY o.name IS NULL, o.name, p.name, p.id")
            .bind(&org)
            .fetch_all(pool)
            .await?;
        let bars = sqlx::query_as(
            "SELECT b.id, b.property_id, b.arrival, b.departure, b.status_id, \
                 COALESCE(c.name, '') AS guest, b.version, b.price \
             FROM bookings b \
             LEFT JOIN customers c ON c.organisation_id = b.organisation_id AND c.id = b.customer_id \
             WHERE b.organisation_id = $1 AND b.departure > $2 AND b.arrival < $3 \
             ORDER BY b.property_id, b.arrival, b.id")
            .bind(&org)
            .bind(window.from)
            .bind(window.to)
            .fetch_all(pool)
            .await?;
        let owners = sqlx::query_as(
            "SELECT id, name FROM owners WHERE organisation_id = $1 ORDER BY name, id")
            .bind(&org)
            .fetch_all(pool)
            .await?;
        Ok::<_, sqlx::Error>((rows, bars, owners))
    }.await)
    .map_err(internal)?;
    Ok(PlanningData {
        window,
        rows: rows
            .into_iter()
            .map(|row| {
                Ok(PlanningRow {
                    property: parse_id(&row.id)?,
                    name: row.name,
                    owner: row.owner_id.as_deref().map(parse_id).transpose()?,
                })
            })
            .collect::<PortResult<_>>()?,
        bars: bars
            .into_iter()
            .map(|row| {
                Ok(Bar {
                    id: parse_id(&row.id)?,
                    property: parse_id(&row.property_id)?,
                    stay: Stay::new(row.arrival, row.departure)
                        .map_err(|e| PortError::Internal(format!("stored stay: {e}")))?,
                    status: parse_id(&row.status_id)?,
                    guest: row.guest,
                    version: row.version,
                    price: row.price.0,
                })
            })
            .collect::<PortResult<_>>()?,
        statuses: statuses(db, organisation).await?,
        owners: owners
            .into_iter()
            .map(|row| Choice {
                id: row.id,
                label: row.name,
            })
            .collect(),
    })
}
