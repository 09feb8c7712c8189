//! The history of each feed: what polls added, moved, cancelled or kept, the guard's holds and their
//! confirmation, failures and recoveries, conflicts. Written inside the poll's transaction
//! ([`insert_entries!`]) or on its own ([`append`]); each write forgets the feed's entries older than
//! [`KEPT_DAYS`], so a feed that changes every day (Airbnb's rolling block) keeps about 365 entries.

use crate::db::{internal, on_db, Db};
use app::domain::ids::{FeedId, OrganisationId};
use app::domain::stay::Stay;
use app::domain::sync::view::{ChangeEntry, ChangeKind};
use app::domain::sync::FeedEvent;
use app::ports::PortResult;
use chrono::{DateTime, NaiveDate, Utc};

/// An entry to write.
#[derive(Clone, Debug)]
pub struct NewEntry {
    /// What happened.
    pub kind: ChangeKind,
    /// The event's UID.
    pub uid: Option<String>,
    /// Its nights.
    pub stay: Option<Stay>,
    /// Its nights before a move.
    pub previous: Option<Stay>,
    /// The platform's summary.
    pub summary: String,
    /// A count or a problem's code.
    pub detail: String,
}

impl NewEntry {
    /// An entry about one event.
    pub fn of_event(kind: ChangeKind, event: &FeedEvent, previous: Option<Stay>) -> NewEntry {
        NewEntry {
            kind,
            uid: Some(event.uid.clone()),
            stay: Some(event.stay),
            previous,
            summary: event.summary.clone(),
            detail: String::new(),
        }
    }

    /// An entry about the feed as a whole.
    pub fn note(kind: ChangeKind, detail: String) -> NewEntry {
        NewEntry {
            kind,
            uid: None,
            stay: None,
            previous: None,
            summary: String::new(),
            detail,
        }
    }
}

/// How long the history keeps an entry, in days (the sync page says so).
pub const KEPT_DAYS: i64 = 365;

/// The time before which a write at `now` forgets a feed's entries.
pub fn forgotten_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - chrono::TimeDelta::days(KEPT_DAYS)
}

/// Rows per insert statement (12 values each).
pub const BATCH: usize = 1000;

/// Inserts `$entries` (`&[NewEntry]`) for the feed `$feed` (id as text) of `$org` (text) at `$now`,
/// and forgets the feed's entries older than [`KEPT_DAYS`], on `$executor` — a transaction or a
/// connection of either backend. Evaluates to `Result<(), sqlx::Error>`.
macro_rules! insert_entries {
    ($executor:expr, $org:expr, $feed:expr, $entries:expr, $now:expr) => {
        async {
            for chunk in $entries.chunks($crate::db::sync::history::BATCH) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO sync_changes (id, organisation_id, feed_id, at, kind, uid, arrival, \
                         departure, previous_arrival, previous_departure, summary, detail) ",
                );
                insert.push_values(chunk, |mut row, entry| {
                    row.push_bind(uuid::Uuid::now_v7().to_string())
                        .push_bind($org)
                        .push_bind($feed)
                        .push_bind($now)
                        .push_bind(entry.kind.code())
                        .push_bind(entry.uid.clone())
                        .push_bind(entry.stay.map(|stay| stay.arrival()))
                        .push_bind(entry.stay.map(|stay| stay.departure()))
                        .push_bind(entry.previous.map(|stay| stay.arrival()))
                        .push_bind(entry.previous.map(|stay| stay.departure()))
                        .push_bind(entry.summary.clone())
                        .push_bind(entry.detail.clone());
                });
                insert.build().execute(&mut *$executor).await?;
            }
            sqlx::query("DELETE FROM sync_changes WHERE organisation_id = $1 AND feed_id = $2 AND at < $3")
                .bind($org)
                .bind($feed)
                .bind($crate::db::sync::history::forgotten_before($now))
                .execute(&mut *$executor)
                .await?;
            Ok::<(), sqlx::Error>(())
        }
    };
}
pub(crate) use insert_entries;

/// Writes `entries` for `feed` on their own.
pub async fn append(
    db: &Db,
    organisation: OrganisationId,
    feed: FeedId,
    entries: &[NewEntry],
    now: DateTime<Utc>,
) -> PortResult<()> {
    let org = organisation.to_string();
    let feed = feed.to_string();
    on_db!(db, pool => async {
        let mut connection = pool.acquire().await?;
        insert_entries!(connection, &org, &feed, entries, now).await
    }.await)
    .map_err(internal)
}

type EntryRow = (
    DateTime<Utc>,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
    String,
);

fn stay_of(arrival: Option<NaiveDate>, departure: Option<NaiveDate>) -> Option<Stay> {
    Stay::new(arrival?, departure?).ok()
}

/// The newest `limit` entries of a feed of the organisation.
pub async fn list(
    db: &Db,
    organisation: OrganisationId,
    feed: FeedId,
    limit: i64,
) -> PortResult<Vec<ChangeEntry>> {
    let rows: Vec<EntryRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT at, kind, arrival, departure, previous_arrival, previous_departure, summary, detail \
         FROM sync_changes WHERE organisation_id = $1 AND feed_id = $2 ORDER BY at DESC, id DESC LIMIT $3")
        .bind(organisation.to_string())
        .bind(feed.to_string())
        .bind(limit)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(
                at,
                kind,
                arrival,
                departure,
                previous_arrival,
                previous_departure,
                summary,
                detail,
            )| {
                Some(ChangeEntry {
                    at,
                    kind: ChangeKind::from_code(&kind)?,
                    stay: stay_of(arrival, departure),
                    previous: stay_of(previous_arrival, previous_departure),
                    summary,
                    detail,
                })
            },
        )
        .collect())
}
