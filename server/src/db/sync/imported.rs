//! The bookings a feed imported, and one poll's plan applied to them in one transaction: new stays
//! inserted in batches (a first import of 10,000 events is a few statements), moves, cancellations
//! (a booking with an invoice, a contract or a group is kept and untied instead), the history, and
//! the feed's health — all or nothing.

use super::feeds::FeedRow;
use super::history::{insert_entries, NewEntry};
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, BeginWrite, Db};
use app::domain::ids::BookingId;
use app::domain::stay::Stay;
use app::domain::sync::view::ChangeKind;
use app::domain::sync::{
    fingerprint, guest_label, imported_notes, Change, EventKind, FeedEvent, Imported, SyncPlan,
};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// The condition a booking (`bookings`) must meet to be deleted with its feed event: nothing else
/// refers to it.
pub const WITHOUT_DOCUMENTS: &str = "group_id IS NULL \
     AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.organisation_id = bookings.organisation_id AND i.booking_id = bookings.id) \
     AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.organisation_id = bookings.organisation_id AND c.booking_id = bookings.id)";

/// Up to this many stays imported by one poll, the history lists each of them.
const DETAILED_ADDS: usize = 50;

/// Rows per insert statement (16 values each: under SQLite's 32,766 parameters).
const BATCH: usize = 1000;

/// An imported booking as stored: id, UID, fingerprint, arrival, departure.
type ImportedRow = (String, String, Option<String>, NaiveDate, NaiveDate);

/// The bookings `feed` imported.
pub async fn imported(db: &Db, feed: &FeedRow) -> PortResult<Vec<Imported>> {
    let rows: Vec<ImportedRow> = on_db!(db, pool => sqlx::query_as(
            "SELECT id, feed_uid, feed_fingerprint, arrival, departure FROM bookings \
             WHERE organisation_id = $1 AND feed_id = $2")
            .bind(&feed.organisation_id)
            .bind(&feed.id)
            .fetch_all(pool)
            .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|(id, uid, fingerprint, arrival, departure)| {
            let fingerprint = fingerprint.unwrap_or_default();
            Ok(Imported {
                booking: parse_id(&id)?,
                blocked: fingerprint.contains("|Blocked|"),
                uid,
                fingerprint,
                stay: Stay::new(arrival, departure).map_err(internal)?,
            })
        })
        .collect()
}

/// What the conditional GET and the body's hash leave for the next poll.
#[derive(Clone, Debug, Default)]
pub struct Validators {
    /// The feed's `ETag`.
    pub etag: Option<String>,
    /// The feed's `Last-Modified`.
    pub last_modified: Option<String>,
    /// The body's SHA-256, hex.
    pub content_hash: Option<String>,
}

/// What applying a plan did.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    /// Bookings added, moved, cancelled or kept.
    pub changes: i64,
    /// The bookings added or moved (their overlaps are checked next).
    pub touched: Vec<BookingId>,
}

fn count(items: usize) -> i64 {
    i64::try_from(items).unwrap_or(i64::MAX)
}

/// Applies `plan` for `feed` (which read `events_seen` events) at `now`; the next poll at `next`.
pub async fn apply(
    db: &Db,
    feed: &FeedRow,
    plan: &SyncPlan,
    events_seen: usize,
    validators: &Validators,
    now: DateTime<Utc>,
    next: DateTime<Utc>,
) -> PortResult<Applied> {
    let platform = feed.platform();
    let mut adds: Vec<(BookingId, &FeedEvent)> = Vec::new();
    let mut entries: Vec<NewEntry> = Vec::new();
    let mut updates = Vec::new();
    let mut cancels = Vec::new();
    for change in &plan.changes {
        match change {
            Change::Add(event) => adds.push((BookingId(Uuid::now_v7()), event)),
            Change::Update {
                booking,
                previous,
                event,
            } => {
                updates.push((*booking, event));
                entries.push(NewEntry::of_event(
                    ChangeKind::Moved,
                    event,
                    Some(*previous),
                ));
            }
            Change::Cancel { booking, uid, stay } => cancels.push((*booking, uid, *stay)),
        }
    }
    // Each stay imported is one entry; a first import of a long feed is one entry with the count.
    if adds.len() > DETAILED_ADDS {
        entries.push(NewEntry::note(ChangeKind::Added, adds.len().to_string()));
    } else {
        for (_, event) in &adds {
            entries.push(NewEntry::of_event(ChangeKind::Added, event, None));
        }
    }
    let held = count(plan.held.len());
    if held > 0 && held != feed.held_cancellations {
        entries.push(NewEntry::note(ChangeKind::Held, held.to_string()));
    }
    if feed.release_held && !cancels.is_empty() && feed.held_cancellations > 0 {
        entries.push(NewEntry::note(
            ChangeKind::Confirmed,
            cancels.len().to_string(),
        ));
    }
    if feed.failures > 0 {
        entries.push(NewEntry::note(ChangeKind::Recovered, String::new()));
    }
    let changes = count(plan.changes.len());
    let mut touched: Vec<BookingId> = adds.iter().map(|(id, _)| *id).collect();
    touched.extend(updates.iter().map(|(id, _)| *id));
    let org = feed.organisation_id.clone();
    let kept: Result<(), sqlx::Error> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let feed_updated = sqlx::query(
            "UPDATE sync_feeds SET last_attempt_at = $3, last_success_at = $3, last_error = NULL, \
                 failures = 0, next_attempt_at = $4, events_seen = $5, last_changes = $6, \
                 held_cancellations = $7, release_held = FALSE, etag = $8, last_modified = $9, \
                 content_hash = $10 \
             WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(&feed.id)
            .bind(now)
            .bind(next)
            .bind(count(events_seen))
            .bind(changes)
            .bind(held)
            .bind(&validators.etag)
            .bind(&validators.last_modified)
            .bind(&validators.content_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if feed_updated == 0 {
            return Err(sqlx::Error::RowNotFound);
        }
        for chunk in adds.chunks(BATCH) {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO bookings (id, organisation_id, property_id, status_id, arrival, departure, \
                     notes, origin, version, created_at, updated_at, guest_name, feed_id, feed_uid, \
                     feed_summary, feed_fingerprint) ");
            insert.push_values(chunk, |mut row, (id, event)| {
                let status = if event.kind == EventKind::Blocked {
                    &feed.block_status_id
                } else {
                    &feed.status_id
                };
                let label = guest_label(event, platform);
                row.push_bind(id.to_string())
                    .push_bind(&org)
                    .push_bind(&feed.property_id)
                    .push_bind(status)
                    .push_bind(event.stay.arrival())
                    .push_bind(event.stay.departure())
                    .push_bind(imported_notes(event, platform))
                    .push_bind(platform.origin().code())
                    .push_bind(1_i64)
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(label.clone())
                    .push_bind(&feed.id)
                    .push_bind(&event.uid)
                    .push_bind(label)
                    .push_bind(fingerprint(event));
            });
            insert.build().execute(&mut *tx).await?;
        }
        for (booking, event) in &updates {
            let label = guest_label(event, platform);
            sqlx::query(
                "UPDATE bookings SET arrival = $3, departure = $4, feed_uid = $5, feed_summary = $6, \
                     feed_fingerprint = $7, \
                     guest_name = CASE WHEN customer_id IS NULL THEN $6 ELSE guest_name END, \
                     version = version + 1, updated_at = $8 \
                 WHERE organisation_id = $1 AND id = $2")
                .bind(&org)
                .bind(booking.to_string())
                .bind(event.stay.arrival())
                .bind(event.stay.departure())
                .bind(&event.uid)
                .bind(label)
                .bind(fingerprint(event))
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        for (booking, uid, stay) in &cancels {
            let deleted = sqlx::query(&format!(
                "DELETE FROM bookings WHERE organisation_id = $1 AND id = $2 AND {WITHOUT_DOCUMENTS}"))
                .bind(&org)
                .bind(booking.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            let kind = if deleted == 1 {
                ChangeKind::Cancelled
            } else {
                sqlx::query(
                    "UPDATE bookings SET feed_id = NULL, feed_uid = NULL WHERE organisation_id = $1 AND id = $2")
                    .bind(&org)
                    .bind(booking.to_string())
                    .execute(&mut *tx)
                    .await?;
                ChangeKind::Kept
            };
            entries.push(NewEntry {
                kind,
                uid: Some((*uid).clone()),
                stay: Some(*stay),
                previous: None,
                summary: String::new(),
                detail: String::new(),
            });
        }
        insert_entries!(tx, &org, &feed.id, &entries, now).await?;
        tx.commit().await
    }.await);
    match kept {
        Ok(()) => Ok(Applied { changes, touched }),
        Err(sqlx::Error::RowNotFound) => Err(PortError::NotFound),
        Err(error) => Err(internal(error)),
    }
}
