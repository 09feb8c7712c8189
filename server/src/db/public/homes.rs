//! What the public pages read: the organisation's listed homes, and the nights taken in a window —
//! dates only, by home, from the bookings whose status takes nights (the same statuses that block
//! the exported calendars). Never a guest, a price or a note.

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{OrganisationId, PropertyId};
use app::domain::stay::Stay;
use app::ports::PortResult;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A listed home as the public pages show it.
#[derive(Clone, Debug)]
pub struct Home {
    /// Id.
    pub id: PropertyId,
    /// Name.
    pub name: String,
    /// The registration number shown on public pages (loi Le Meur), if any.
    pub registration_number: Option<String>,
}

/// The organisation's homes listed publicly, by name.
pub async fn listed(db: &Db, organisation: OrganisationId) -> PortResult<Vec<Home>> {
    let rows: Vec<(String, String, Option<String>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, name, registration_number FROM properties \
         WHERE organisation_id = $1 AND public_listing ORDER BY name, id")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|(id, name, registration_number)| {
            Ok(Home {
                id: parse_id(&id)?,
                name,
                registration_number: registration_number.filter(|n| !n.trim().is_empty()),
            })
        })
        .collect()
}

/// The taken stays overlapping `[from, to)`, by home (`only`: one home's).
pub async fn taken(
    db: &Db,
    organisation: OrganisationId,
    from: NaiveDate,
    to: NaiveDate,
    only: Option<PropertyId>,
) -> PortResult<HashMap<PropertyId, Vec<Stay>>> {
    // One home: its own condition, read through that home's index (`$4 = '' OR …` made the
    // database read the whole organisation's window, ~10 ms for a calendar page). SQLite is told the
    // index: without statistics its planner prefers the planning's covering index on the window,
    // which reads every home's bookings too.
    let (index, home) = match (only, db) {
        (Some(_), Db::Sqlite(_)) => (" INDEXED BY bookings_by_property", "b.property_id = $4"),
        (Some(_), Db::Postgres(_)) => ("", "b.property_id = $4"),
        (None, _) => ("", "$4 = ''"),
    };
    let sql = format!(
        "SELECT b.property_id, b.arrival, b.departure FROM bookings b{index} JOIN booking_statuses s \
           ON s.organisation_id = b.organisation_id AND s.id = b.status_id \
         WHERE b.organisation_id = $1 AND b.departure > $2 AND b.arrival < $3 AND s.blocks_export \
           AND {home}"
    );
    let rows: Vec<(String, NaiveDate, NaiveDate)> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(organisation.to_string())
        .bind(from)
        .bind(to)
        .bind(only.map(|id| id.to_string()).unwrap_or_default())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let mut by_home: HashMap<PropertyId, Vec<Stay>> = HashMap::new();
    for (property, arrival, departure) in rows {
        let stay = Stay::new(arrival, departure).map_err(internal)?;
        by_home.entry(parse_id(&property)?).or_default().push(stay);
    }
    Ok(by_home)
}
