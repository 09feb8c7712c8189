//! The bookings a feed imported, and one poll's plan applied to them in one transaction: new stays
//! inserted by one statement ([`super::new_stays`]), moves, cancellations
//! (a booking with an invoice, a contract or a group is kept and untied instead), the history, and
//! the feed's health — all or nothing.

use super::feeds::FeedRow;
use super::history::{insert_entries, NewEntry};
use super::new_stays::{InsertStays, NewStays};
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, BeginWrite, Db};
use app::domain::ids::BookingId;
use app::domain::stay::Stay;
use app::domain::sync::view::ChangeKind;
use app::domain::sync::{
    fingerprint, guest_label, Change, EventKind, FeedEvent, Imported, SyncPlan,
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
    /// The stays (not blocks) added or moved, by arrival: their overlaps are checked next.
    pub touched: Vec<TouchedStay>,
}

/// A stay (not a block) that a poll added or moved, as the overlap check needs it — handed over
/// from the transaction, so a first import of 10,000 stays is not read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TouchedStay {
    /// The booking's id.
    pub id: String,
    /// Its nights now.
    pub stay: Stay,
    /// The dates the last conflict report was about (`bookings.conflict_notified`).
    pub notified: Option<String>,
    /// Its label (`bookings.feed_summary`).
    pub summary: String,
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
    let org = feed.organisation_id.clone();
    let new_stays = NewStays::new(feed, &adds, now);
    let kept: Result<Vec<TouchedStay>, sqlx::Error> = on_db!(db, pool => async {
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
        tx.insert_stays(&new_stays).await?;
        let mut moved = Vec::new();
        for (booking, event) in &updates {
            let label = guest_label(event, platform);
            let id = booking.to_string();
            let notified: Option<Option<String>> = sqlx::query_scalar(
                "UPDATE bookings SET arrival = $3, departure = $4, feed_uid = $5, feed_summary = $6, \
                     feed_fingerprint = $7, \
                     guest_name = CASE WHEN customer_id IS NULL THEN $6 ELSE guest_name END, \
                     version = version + 1, updated_at = $8 \
                 WHERE organisation_id = $1 AND id = $2 \
                 RETURNING conflict_notified")
                .bind(&org)
                .bind(&id)
                .bind(event.stay.arrival())
                .bind(event.stay.departure())
                .bind(&event.uid)
                .bind(&label)
                .bind(fingerprint(event))
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(notified) = notified {
                if event.kind != EventKind::Blocked {
                    moved.push(TouchedStay { id, stay: event.stay, notified, summary: label });
                }
            }
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
        tx.commit().await?;
        Ok(moved)
    }.await);
    match kept {
        Ok(moved) => {
            let mut touched = new_stays.touched();
            touched.extend(moved);
            touched.sort_by_key(|stay| stay.stay.arrival());
            Ok(Applied { changes, touched })
        }
        Err(sqlx::Error::RowNotFound) => Err(PortError::NotFound),
        Err(error) => Err(internal(error)),
    }
}
