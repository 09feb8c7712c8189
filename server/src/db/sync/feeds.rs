//! Feeds: their settings (checked against the organisation's properties and statuses), the polls that
//! fall due, and each poll's outcome on the feed's health.

use crate::db::rows::parse_id;
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::field::FieldError;
use app::domain::ids::{FeedId, OrganisationId};
use app::domain::sync::view::FeedHealth;
use app::domain::sync::{FeedInput, Platform, SyncProblem};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A feed as a poll needs it.
// Fields mirror their columns (documented in the migration).
#[allow(missing_docs)]
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FeedRow {
    pub id: String,
    pub organisation_id: String,
    pub property_id: String,
    pub platform: String,
    pub url: String,
    pub status_id: String,
    pub block_status_id: String,
    pub interval_minutes: i64,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_hash: Option<String>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub failures: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub events_seen: i64,
    pub last_changes: i64,
    pub held_cancellations: i64,
    pub release_held: bool,
    pub version: i64,
}

impl FeedRow {
    /// The feed's platform.
    pub fn platform(&self) -> Platform {
        Platform::from_code(&self.platform).unwrap_or(Platform::Other)
    }

    /// The sync page's view of the feed.
    pub fn health(&self) -> PortResult<FeedHealth> {
        Ok(FeedHealth {
            id: parse_id(&self.id)?,
            property: parse_id(&self.property_id)?,
            platform: self.platform(),
            url: self.url.clone(),
            status: parse_id(&self.status_id)?,
            block_status: parse_id(&self.block_status_id)?,
            interval_minutes: self.interval_minutes,
            version: self.version,
            last_attempt: self.last_attempt_at,
            last_success: self.last_success_at,
            next_attempt: self.next_attempt_at,
            problem: self.last_error.as_deref().map(SyncProblem::from_code),
            failures: self.failures,
            events_seen: self.events_seen,
            last_changes: self.last_changes,
            held_cancellations: self.held_cancellations,
        })
    }
}

const COLUMNS: &str = "id, organisation_id, property_id, platform, url, status_id, block_status_id, \
     interval_minutes, etag, last_modified, content_hash, last_attempt_at, last_success_at, last_error, \
     failures, next_attempt_at, events_seen, last_changes, held_cancellations, release_held, version";

/// Every feed of the organisation, by property name then creation.
pub async fn list(db: &Db, organisation: OrganisationId) -> PortResult<Vec<FeedRow>> {
    let sql = format!(
        "SELECT {} FROM sync_feeds f WHERE f.organisation_id = $1 \
         ORDER BY (SELECT lower(p.name) FROM properties p \
                   WHERE p.organisation_id = f.organisation_id AND p.id = f.property_id), f.created_at, f.id",
        prefixed("f.")
    );
    on_db!(db, pool => sqlx::query_as(&sql)
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)
}

fn prefixed(prefix: &str) -> String {
    COLUMNS
        .split(", ")
        .map(|column| format!("{prefix}{}", column.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One feed of the organisation.
pub async fn load(db: &Db, organisation: OrganisationId, id: FeedId) -> PortResult<FeedRow> {
    let sql = format!("SELECT {COLUMNS} FROM sync_feeds WHERE organisation_id = $1 AND id = $2");
    let row: Option<FeedRow> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(organisation.to_string())
        .bind(id.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    row.ok_or(PortError::NotFound)
}

/// Refuses a property or statuses that are not the organisation's.
async fn check_choices(db: &Db, organisation: OrganisationId, input: &FeedInput) -> PortResult<()> {
    let org = organisation.to_string();
    let count = |table: &'static str, id: String| {
        let org = org.clone();
        async move {
            let sql =
                format!("SELECT COUNT(*) FROM {table} WHERE organisation_id = $1 AND id = $2");
            on_db!(db, pool => sqlx::query_scalar::<_, i64>(&sql)
                .bind(org)
                .bind(id)
                .fetch_one(pool)
                .await)
            .map_err(internal)
        }
    };
    let mut errors = Vec::new();
    let checks: [(&str, &'static str, String); 3] = [
        ("property", "properties", input.property.to_string()),
        ("status", "booking_statuses", input.status.to_string()),
        (
            "block_status",
            "booking_statuses",
            input.block_status.to_string(),
        ),
    ];
    for (field, table, id) in checks {
        if count(table, id).await? == 0 {
            errors.push((field.to_string(), FieldError::UnknownChoice));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PortError::Invalid(errors))
    }
}

/// Stores a new feed, due at once.
pub async fn insert(
    db: &Db,
    organisation: OrganisationId,
    input: &FeedInput,
    now: DateTime<Utc>,
) -> PortResult<FeedId> {
    check_choices(db, organisation, input).await?;
    let id = FeedId(Uuid::now_v7());
    on_db!(db, pool => sqlx::query(
        "INSERT INTO sync_feeds (id, organisation_id, property_id, platform, url, status_id, \
             block_status_id, interval_minutes, next_attempt_at, version, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $9)")
        .bind(id.to_string())
        .bind(organisation.to_string())
        .bind(input.property.to_string())
        .bind(input.platform.code())
        .bind(&input.url)
        .bind(input.status.to_string())
        .bind(input.block_status.to_string())
        .bind(input.interval_minutes)
        .bind(now)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    Ok(id)
}

/// Changes a feed's settings from `version`. A new address forgets the old one's validators.
pub async fn update(
    db: &Db,
    organisation: OrganisationId,
    id: FeedId,
    version: i64,
    input: &FeedInput,
) -> PortResult<()> {
    check_choices(db, organisation, input).await?;
    let updated = on_db!(db, pool => sqlx::query(
        "UPDATE sync_feeds SET property_id = $3, platform = $4, \
             etag = CASE WHEN url = $5 THEN etag ELSE NULL END, \
             last_modified = CASE WHEN url = $5 THEN last_modified ELSE NULL END, \
             content_hash = CASE WHEN url = $5 THEN content_hash ELSE NULL END, \
             url = $5, status_id = $6, block_status_id = $7, interval_minutes = $8, version = version + 1 \
         WHERE organisation_id = $1 AND id = $2 AND version = $9")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .bind(input.property.to_string())
        .bind(input.platform.code())
        .bind(&input.url)
        .bind(input.status.to_string())
        .bind(input.block_status.to_string())
        .bind(input.interval_minutes)
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if updated == 1 {
        Ok(())
    } else {
        Err(conflict_or_missing(db, "sync_feeds", organisation, &id.to_string()).await)
    }
}

/// Deletes a feed with the bookings it imported that carry no invoice, contract or group (those
/// stay, untied); returns how many bookings were deleted.
pub async fn delete(db: &Db, organisation: OrganisationId, id: FeedId) -> PortResult<i64> {
    let org = organisation.to_string();
    let feed = id.to_string();
    let outcome: Option<u64> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let bookings = sqlx::query(&format!(
            "DELETE FROM bookings WHERE organisation_id = $1 AND feed_id = $2 AND {}",
            super::imported::WITHOUT_DOCUMENTS
        ))
        .bind(&org)
        .bind(&feed)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("UPDATE bookings SET feed_id = NULL, feed_uid = NULL WHERE organisation_id = $1 AND feed_id = $2")
            .bind(&org)
            .bind(&feed)
            .execute(&mut *tx)
            .await?;
        let feeds = sqlx::query("DELETE FROM sync_feeds WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(&feed)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if feeds == 0 {
            return Ok::<_, sqlx::Error>(None);
        }
        tx.commit().await?;
        Ok(Some(bookings))
    }.await)
    .map_err(internal)?;
    let deleted = outcome.ok_or(PortError::NotFound)?;
    Ok(i64::try_from(deleted).unwrap_or(i64::MAX))
}

/// Up to `limit` feeds due at `now` (any organisation), each claimed for `lease` so another
/// instance does not poll it at the same time.
pub async fn claim_due(
    db: &Db,
    now: DateTime<Utc>,
    lease: chrono::Duration,
    limit: i64,
) -> PortResult<Vec<(OrganisationId, FeedId)>> {
    let due: Vec<(String, String, DateTime<Utc>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT organisation_id, id, next_attempt_at FROM sync_feeds \
         WHERE next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2")
        .bind(now)
        .bind(limit)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let mut claimed = Vec::new();
    for (organisation, id, was_due) in due {
        let taken = on_db!(db, pool => sqlx::query(
            "UPDATE sync_feeds SET next_attempt_at = $3 WHERE id = $1 AND next_attempt_at = $2")
            .bind(&id)
            .bind(was_due)
            .bind(now + lease)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(internal)?;
        if taken == 1 {
            claimed.push((parse_id(&organisation)?, parse_id(&id)?));
        }
    }
    Ok(claimed)
}

/// The earliest next poll of any feed.
pub async fn next_due(db: &Db) -> PortResult<Option<DateTime<Utc>>> {
    on_db!(db, pool => sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM sync_feeds")
        .fetch_one(pool)
        .await)
    .map_err(internal)
}

/// A failed poll: the problem, one more failure, the next attempt.
pub async fn record_failure(
    db: &Db,
    feed: &FeedRow,
    problem: SyncProblem,
    now: DateTime<Utc>,
    next: DateTime<Utc>,
) -> PortResult<()> {
    on_db!(db, pool => sqlx::query(
        "UPDATE sync_feeds SET last_attempt_at = $3, last_error = $4, failures = failures + 1, \
             next_attempt_at = $5 WHERE organisation_id = $1 AND id = $2")
        .bind(&feed.organisation_id)
        .bind(&feed.id)
        .bind(now)
        .bind(problem.code())
        .bind(next)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    Ok(())
}

/// A poll that found the feed unchanged (304, or the same bytes): only the feed's health moves.
pub async fn record_unchanged(
    db: &Db,
    feed: &FeedRow,
    now: DateTime<Utc>,
    next: DateTime<Utc>,
) -> PortResult<()> {
    on_db!(db, pool => sqlx::query(
        "UPDATE sync_feeds SET last_attempt_at = $3, last_success_at = $3, last_error = NULL, \
             failures = 0, next_attempt_at = $4, last_changes = 0 \
         WHERE organisation_id = $1 AND id = $2")
        .bind(&feed.organisation_id)
        .bind(&feed.id)
        .bind(now)
        .bind(next)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    Ok(())
}

/// Asks the next poll to apply the cancellations the guard held.
pub async fn release_held(db: &Db, organisation: OrganisationId, id: FeedId) -> PortResult<()> {
    let updated = on_db!(db, pool => sqlx::query(
        "UPDATE sync_feeds SET release_held = TRUE WHERE organisation_id = $1 AND id = $2")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if updated == 1 {
        Ok(())
    } else {
        Err(PortError::NotFound)
    }
}

/// The organisation and id of a feed row, typed.
pub fn ids(feed: &FeedRow) -> PortResult<(OrganisationId, FeedId)> {
    Ok((parse_id(&feed.organisation_id)?, parse_id(&feed.id)?))
}
