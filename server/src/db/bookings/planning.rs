//! The planning's data for a window: rows, the bars that touch the window, statuses and owners —
//! four indexed queries whatever the number of properties or bookings.

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::booking::{Bar, BookingStatus, PlanningData, PlanningRow, PlanningWindow};
use app::domain::ids::{BookingGroupId, BookingId, OrganisationId, PropertyId, StatusId};
use app::domain::money::Money;
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

/// One bar as the database gives it: id, property, arrival, departure, status, guest, version, price
/// in cents, group — the ids as stored text.
type BarTuple = (
    String,
    String,
    NaiveDate,
    NaiveDate,
    String,
    String,
    i64,
    i64,
    Option<String>,
);

/// SQLite: the window's bars as one JSON array of [`BarTuple`]s, read from the covering index
/// `bookings_planning`. The database builds one value instead of sending thousands of rows: the
/// driver's cost per row dominated (16,000 bars took 150 ms as rows, 33 ms as one JSON value).
const SQLITE_BARS: &str =
    "SELECT COALESCE(json_group_array(json_array(id, property_id, arrival, departure, \
         status_id, guest_name, version, price, group_id)), '[]') \
     FROM bookings WHERE organisation_id = $1 AND departure > $2 AND arrival < $3";

/// PostgreSQL: plain rows from the covering index (its driver decodes rows quickly: `json_agg` took
/// 66 ms, one row of nine `array_agg` columns 46 ms against 36 ms as rows). The ids travel as the
/// stored text and are parsed here: casting them to `uuid` in the query cost the server about 9 ms
/// for 16,000 bars (four casts a row), parsing them in Rust about 2 ms.
const POSTGRES_BARS: &str =
    "SELECT id, property_id, arrival, departure, status_id, guest_name, version, \
         (price * 100)::bigint, group_id FROM bookings \
     WHERE organisation_id = $1 AND departure > $2 AND arrival < $3";

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

/// The bars, by property then arrival (the order the rows draw them in).
fn bars_of(tuples: Vec<BarTuple>) -> PortResult<Vec<Bar>> {
    let mut bars = tuples
        .into_iter()
        .map(
            |(id, property, arrival, departure, status, guest, version, cents, group)| {
                Ok(Bar {
                    id: BookingId(parse_id(&id)?),
                    property: PropertyId(parse_id(&property)?),
                    stay: Stay::new(arrival, departure)
                        .map_err(|e| PortError::Internal(format!("stored stay: {e}")))?,
                    status: StatusId(parse_id(&status)?),
                    guest,
                    version,
                    price: Money::from_cents(cents),
                    group: group
                        .as_ref()
                        .map(|g| parse_id(g).map(BookingGroupId))
                        .transpose()?,
                })
            },
        )
        .collect::<PortResult<Vec<Bar>>>()?;
    bars.sort_unstable_by(|a, b| {
        (a.property, a.stay.arrival(), a.id).cmp(&(b.property, b.stay.arrival(), b.id))
    });
    Ok(bars)
}

/// The bars of `window`, in the shape each database answers fastest, by property then arrival.
async fn read_bars(db: &Db, org: &str, window: PlanningWindow) -> PortResult<Vec<Bar>> {
    match db {
        Db::Sqlite(pool) => {
            let json: String = sqlx::query_scalar(SQLITE_BARS)
                .bind(org)
                .bind(window.from)
                .bind(window.to)
                .fetch_one(pool)
                .await
                .map_err(internal)?;
            let tuples: Vec<BarTuple> = serde_json::from_str(&json).map_err(internal)?;
            bars_of(tuples)
        }
        Db::Postgres(pool) => {
            let tuples: Vec<BarTuple> = sqlx::query_as(POSTGRES_BARS)
                .bind(org)
                .bind(window.from)
                .bind(window.to)
                .fetch_all(pool)
                .await
                .map_err(internal)?;
            bars_of(tuples)
        }
    }
}

/// Everything the planning draws over `window`.
pub async fn load(
    db: &Db,
    organisation: OrganisationId,
    window: PlanningWindow,
) -> PortResult<PlanningData> {
    let org = organisation.to_string();
    // Rows, owners, bars and statuses on four connections at once. (Reading the bars as two halves
    // in parallel was tried: no gain, 25.5 and 32.1 ms.)
    let rows_and_owners = async {
        let found: Result<(Vec<RowRow>, Vec<OwnerRow>), sqlx::Error> = on_db!(db, pool => tokio::try_join!(
            sqlx::query_as(
                "SELECT p.id, p.name, p.owner_id FROM properties p \
                 LEFT JOIN owners o ON o.organisation_id = p.organisation_id AND o.id = p.owner_id \
                 WHERE p.organisation_id = $1 ORDER BY o.name IS NULL, o.name, p.name, p.id")
                .bind(&org)
                .fetch_all(pool),
            sqlx::query_as("SELECT id, name FROM owners WHERE organisation_id = $1 ORDER BY name, id")
                .bind(&org)
                .fetch_all(pool),
        ));
        found.map_err(internal)
    };
    let ((rows, owners), bars, statuses) = tokio::try_join!(
        rows_and_owners,
        read_bars(db, &org, window),
        statuses(db, organisation)
    )?;
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
        bars,
        statuses,
        owners: owners
            .into_iter()
            .map(|row| Choice {
                id: row.id,
                label: row.name,
            })
            .collect(),
    })
}
