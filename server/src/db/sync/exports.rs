//! Export links and what they publish: one secret link per property and one for the organisation,
//! the bookings of the statuses that block the exported calendars, and the ETag and time of the last
//! change of each link's content (so `Last-Modified` is true even after a deletion).

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{OrganisationId, PropertyId, StatusId};
use app::domain::sync::view::ExportLink;
use app::ports::{PortError, PortResult};
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use rand::RngCore;
use uuid::Uuid;

/// A new 256-bit secret, written as 43 URL-safe base64 characters (export links, public sites).
pub(crate) fn new_token() -> String {
    let mut bytes = [0_u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Every export link of the organisation.
pub async fn links(db: &Db, organisation: OrganisationId) -> PortResult<Vec<ExportLink>> {
    let rows: Vec<(Option<String>, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT property_id, token FROM export_links WHERE organisation_id = $1")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|(property, token)| {
            Ok(ExportLink {
                property: property.as_deref().map(parse_id).transpose()?,
                token,
            })
        })
        .collect()
}

/// The link of `property` (`None`: the organisation's), created if missing, renewed on demand.
pub async fn link(
    db: &Db,
    organisation: OrganisationId,
    property: Option<PropertyId>,
    renew: bool,
    now: DateTime<Utc>,
) -> PortResult<ExportLink> {
    let org = organisation.to_string();
    let property_text = property.map(|id| id.to_string());
    if let Some(property) = &property_text {
        let known: i64 = on_db!(db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM properties WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(property)
            .fetch_one(pool)
            .await)
        .map_err(internal)?;
        if known == 0 {
            return Err(PortError::NotFound);
        }
    }
    let existing: Option<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT token FROM export_links WHERE organisation_id = $1 \
         AND ((property_id IS NULL AND $2 IS NULL) OR property_id = $2)")
        .bind(&org)
        .bind(&property_text)
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    let token = match existing {
        Some(token) if !renew => token,
        Some(old) => {
            let token = new_token();
            on_db!(db, pool => sqlx::query(
                "UPDATE export_links SET token = $3, etag = NULL, changed_at = $4 \
                 WHERE organisation_id = $1 AND token = $2")
                .bind(&org)
                .bind(&old)
                .bind(&token)
                .bind(now)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()))
            .map_err(internal)?;
            token
        }
        None => {
            let token = new_token();
            let inserted = on_db!(db, pool => sqlx::query(
                "INSERT INTO export_links (id, organisation_id, property_id, token, changed_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $5)")
                .bind(Uuid::now_v7().to_string())
                .bind(&org)
                .bind(&property_text)
                .bind(&token)
                .bind(now)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()));
            match inserted {
                Ok(_) => token,
                // Created by someone else at the same moment: theirs is the link.
                Err(error)
                    if error
                        .as_database_error()
                        .is_some_and(|e| e.is_unique_violation()) =>
                {
                    return Box::pin(link(db, organisation, property, false, now)).await;
                }
                Err(error) => return Err(internal(error)),
            }
        }
    };
    Ok(ExportLink { property, token })
}

/// A link found by its secret.
// Fields mirror their columns (documented in the migration).
#[allow(missing_docs)]
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LinkRow {
    pub id: String,
    pub organisation_id: String,
    pub property_id: Option<String>,
    pub etag: Option<String>,
    pub changed_at: DateTime<Utc>,
}

/// The link whose secret is `token`, if any.
pub async fn by_token(db: &Db, token: &str) -> PortResult<Option<LinkRow>> {
    on_db!(db, pool => sqlx::query_as(
        "SELECT id, organisation_id, property_id, etag, changed_at FROM export_links WHERE token = $1")
        .bind(token)
        .fetch_optional(pool)
        .await)
    .map_err(internal)
}

/// Records that a link's content now has `etag` (changed at `now`).
pub async fn record_change(
    db: &Db,
    link: &LinkRow,
    etag: &str,
    now: DateTime<Utc>,
) -> PortResult<()> {
    on_db!(db, pool => sqlx::query(
        "UPDATE export_links SET etag = $2, changed_at = $3 WHERE id = $1")
        .bind(&link.id)
        .bind(etag)
        .bind(now)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    Ok(())
}

/// A booking as an exported calendar shows it.
// Fields mirror their columns (documented in the migration).
#[allow(missing_docs)]
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ExportedRow {
    pub id: String,
    pub property_name: String,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub unavailable: bool,
    pub updated_at: DateTime<Utc>,
    pub feed_platform: Option<String>,
}

/// What a link publishes, after each backend's `SELECT`: the bookings of statuses that block
/// exports, leaving from `$2` on, of the link's property `$3` (or all).
const EXPORTED_FROM: &str = "FROM bookings b \
     JOIN properties p ON p.organisation_id = b.organisation_id AND p.id = b.property_id \
     JOIN booking_statuses s ON s.organisation_id = b.organisation_id AND s.id = b.status_id \
     LEFT JOIN sync_feeds f ON f.id = b.feed_id \
     WHERE b.organisation_id = $1 AND b.departure >= $2 AND s.blocks_export \
       AND ($3 IS NULL OR b.property_id = $3)";

/// Whether a booking shows as unavailable rather than booked: a platform's block, or a booking by
/// hand without a guest or a price.
const UNAVAILABLE: &str = "(COALESCE(b.feed_fingerprint, '') LIKE '%|Blocked|%' \
     OR (b.feed_id IS NULL AND b.customer_id IS NULL AND b.price = 0))";

/// An [`ExportedRow`] as SQLite's JSON gives it (`unavailable` as 0 or 1).
type ExportedTuple = (
    String,
    String,
    NaiveDate,
    NaiveDate,
    i64,
    DateTime<Utc>,
    Option<String>,
);

/// The bookings a link publishes: those of statuses that block exports, leaving from `from` on, of
/// the link's property (or all), each with the platform of the feed it came from, by arrival.
///
/// SQLite answers one JSON array, as the planning does (`db/bookings/planning.rs`): sqlx-sqlite's
/// cost per row dominated — 1,000 rows took about 4 ms as rows. PostgreSQL's driver reads rows fast.
pub async fn exported(db: &Db, link: &LinkRow, from: NaiveDate) -> PortResult<Vec<ExportedRow>> {
    match db {
        Db::Sqlite(pool) => {
            let json: String = sqlx::query_scalar(&format!(
                "SELECT COALESCE(json_group_array(json_array(b.id, p.name, b.arrival, b.departure, \
                     {UNAVAILABLE}, b.updated_at, f.platform) ORDER BY b.arrival, b.id), '[]') \
                 {EXPORTED_FROM}"
            ))
            .bind(&link.organisation_id)
            .bind(from)
            .bind(&link.property_id)
            .fetch_one(pool)
            .await
            .map_err(internal)?;
            let tuples: Vec<ExportedTuple> = serde_json::from_str(&json).map_err(internal)?;
            Ok(tuples
                .into_iter()
                .map(
                    |(
                        id,
                        property_name,
                        arrival,
                        departure,
                        unavailable,
                        updated_at,
                        feed_platform,
                    )| {
                        ExportedRow {
                            id,
                            property_name,
                            arrival,
                            departure,
                            unavailable: unavailable != 0,
                            updated_at,
                            feed_platform,
                        }
                    },
                )
                .collect())
        }
        Db::Postgres(pool) => sqlx::query_as(&format!(
            "SELECT b.id, p.name AS property_name, b.arrival, b.departure, \
                 {UNAVAILABLE} AS unavailable, b.updated_at, f.platform AS feed_platform \
             {EXPORTED_FROM} ORDER BY b.arrival, b.id"
        ))
        .bind(&link.organisation_id)
        .bind(from)
        .bind(&link.property_id)
        .fetch_all(pool)
        .await
        .map_err(internal),
    }
}

/// The statuses that block the exported calendars.
pub async fn exported_statuses(db: &Db, organisation: OrganisationId) -> PortResult<Vec<StatusId>> {
    let ids: Vec<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT id FROM booking_statuses WHERE organisation_id = $1 AND blocks_export ORDER BY position")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    ids.iter().map(|id| parse_id(id)).collect()
}

/// Makes exactly `statuses` block the exported calendars.
pub async fn set_exported_statuses(
    db: &Db,
    organisation: OrganisationId,
    statuses: &[StatusId],
) -> PortResult<()> {
    let chosen: Vec<String> = statuses.iter().map(ToString::to_string).collect();
    let list = serde_json::to_string(&chosen).map_err(internal)?;
    let sql = match db {
        Db::Sqlite(_) => {
            "UPDATE booking_statuses SET blocks_export = (id IN (SELECT value FROM json_each($2))) \
             WHERE organisation_id = $1"
        }
        Db::Postgres(_) => {
            "UPDATE booking_statuses SET blocks_export = (id IN (SELECT jsonb_array_elements_text($2::jsonb))) \
             WHERE organisation_id = $1"
        }
    };
    on_db!(db, pool => sqlx::query(sql)
        .bind(organisation.to_string())
        .bind(&list)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    Ok(())
}
