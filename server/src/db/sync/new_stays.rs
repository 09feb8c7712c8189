//! The stays a poll imports for the first time, inserted in one statement per backend — the bulk of
//! a first import (10,000 events: 10,000 booking rows).
//!
//! The rows are passed column by column and expanded by the database itself, so neither side parses
//! a statement of thousands of placeholders: on PostgreSQL `UNNEST` of one array per column, on
//! SQLite `json_each` of one JSON array of rows (SQLite has no array parameters). What stays the
//! same for every row (organisation, property, feed, origin, time) is bound once.

use super::feeds::FeedRow;
use super::imported::TouchedStay;
use app::domain::ids::BookingId;
use app::domain::sync::{fingerprint, guest_label, imported_notes, EventKind, FeedEvent};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, SqliteConnection};

/// The new stays of one poll, column by column, and what they share.
#[derive(Debug, Default)]
pub struct NewStays<'a> {
    organisation: &'a str,
    property: &'a str,
    feed: &'a str,
    origin: &'a str,
    now: DateTime<Utc>,
    ids: Vec<String>,
    statuses: Vec<&'a str>,
    arrivals: Vec<NaiveDate>,
    departures: Vec<NaiveDate>,
    notes: Vec<String>,
    labels: Vec<String>,
    uids: Vec<&'a str>,
    fingerprints: Vec<String>,
    /// The events, for [`NewStays::touched`].
    events: Vec<&'a FeedEvent>,
}

impl<'a> NewStays<'a> {
    /// The rows of `adds` (a new booking id and its event) for `feed` at `now`: the feed's status
    /// (its block status for blocks), the platform's notes, the guest's label, the fingerprint.
    pub fn new(
        feed: &'a FeedRow,
        adds: &[(BookingId, &'a FeedEvent)],
        now: DateTime<Utc>,
    ) -> NewStays<'a> {
        let platform = feed.platform();
        let mut stays = NewStays {
            organisation: &feed.organisation_id,
            property: &feed.property_id,
            feed: &feed.id,
            origin: platform.origin().code(),
            now,
            ..NewStays::default()
        };
        for (id, event) in adds {
            stays.ids.push(id.to_string());
            stays.statuses.push(if event.kind == EventKind::Blocked {
                &feed.block_status_id
            } else {
                &feed.status_id
            });
            stays.arrivals.push(event.stay.arrival());
            stays.departures.push(event.stay.departure());
            stays.notes.push(imported_notes(event, platform));
            stays.labels.push(guest_label(event, platform));
            stays.uids.push(&event.uid);
            stays.fingerprints.push(fingerprint(event));
            stays.events.push(event);
        }
        stays
    }

    /// The stays among them (not the blocks), for the overlap check.
    pub fn touched(&self) -> Vec<TouchedStay> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, event)| event.kind != EventKind::Blocked)
            .map(|(row, event)| TouchedStay {
                id: self.ids[row].clone(),
                stay: event.stay,
                notified: None,
                summary: self.labels[row].clone(),
            })
            .collect()
    }

    /// No row to insert.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The rows as one JSON array of arrays (SQLite's `json_each`): id, status, arrival, departure,
    /// notes, label, UID, fingerprint. Dates as sqlx writes them to SQLite (`YYYY-MM-DD`).
    fn json_rows(&self) -> Result<String, sqlx::Error> {
        let rows: Vec<JsonRow<'_>> = (0..self.ids.len())
            .map(|row| {
                (
                    self.ids[row].as_str(),
                    self.statuses[row],
                    self.arrivals[row].format("%F").to_string(),
                    self.departures[row].format("%F").to_string(),
                    self.notes[row].as_str(),
                    self.labels[row].as_str(),
                    self.uids[row],
                    self.fingerprints[row].as_str(),
                )
            })
            .collect();
        serde_json::to_string(&rows).map_err(|error| sqlx::Error::Encode(Box::new(error)))
    }
}

/// One row of [`NewStays::json_rows`].
type JsonRow<'a> = (
    &'a str,
    &'a str,
    String,
    String,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
);

/// The columns written, in the order of both statements' `SELECT`.
const COLUMNS: &str =
    "INSERT INTO bookings (id, organisation_id, property_id, status_id, arrival, \
     departure, notes, origin, version, created_at, updated_at, guest_name, feed_id, feed_uid, \
     feed_summary, feed_fingerprint) ";

/// Inserting [`NewStays`] on one backend's connection (inside the poll's transaction).
pub trait InsertStays {
    /// Inserts `stays`.
    fn insert_stays(
        &mut self,
        stays: &NewStays<'_>,
    ) -> impl std::future::Future<Output = Result<(), sqlx::Error>> + Send;
}

impl InsertStays for PgConnection {
    async fn insert_stays(&mut self, stays: &NewStays<'_>) -> Result<(), sqlx::Error> {
        if stays.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "{COLUMNS}SELECT s.id, $1, $2, s.status, s.arrival, s.departure, s.notes, $3, 1, $4, $4, \
                 s.label, $5, s.uid, s.label, s.fingerprint \
             FROM UNNEST($6::text[], $7::text[], $8::date[], $9::date[], $10::text[], $11::text[], \
                 $12::text[], $13::text[]) \
                 AS s (id, status, arrival, departure, notes, label, uid, fingerprint)"
        );
        sqlx::query(&sql)
            .bind(stays.organisation)
            .bind(stays.property)
            .bind(stays.origin)
            .bind(stays.now)
            .bind(stays.feed)
            .bind(&stays.ids)
            .bind(&stays.statuses)
            .bind(&stays.arrivals)
            .bind(&stays.departures)
            .bind(&stays.notes)
            .bind(&stays.labels)
            .bind(&stays.uids)
            .bind(&stays.fingerprints)
            .execute(self)
            .await?;
        Ok(())
    }
}

impl InsertStays for SqliteConnection {
    async fn insert_stays(&mut self, stays: &NewStays<'_>) -> Result<(), sqlx::Error> {
        if stays.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "{COLUMNS}SELECT s.value ->> 0, $1, $2, s.value ->> 1, s.value ->> 2, s.value ->> 3, \
                 s.value ->> 4, $3, 1, $4, $4, s.value ->> 5, $5, s.value ->> 6, s.value ->> 5, \
                 s.value ->> 7 \
             FROM json_each($6) AS s"
        );
        sqlx::query(&sql)
            .bind(stays.organisation)
            .bind(stays.property)
            .bind(stays.origin)
            .bind(stays.now)
            .bind(stays.feed)
            .bind(stays.json_rows()?)
            .execute(self)
            .await?;
        Ok(())
    }
}
