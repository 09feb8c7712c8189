//! What the sync page shows: each feed with its health, the history of what polls changed, the
//! export links, and what one "synchroniser maintenant" did.

use super::platform::Platform;
use super::settings::SyncProblem;
use crate::domain::booking::BookingStatus;
use crate::domain::ids::{FeedId, PropertyId, StatusId};
use crate::domain::listing::Choice;
use crate::domain::stay::Stay;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A feed and its health.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedHealth {
    /// The feed.
    pub id: FeedId,
    /// Its property.
    pub property: PropertyId,
    /// Where it comes from.
    pub platform: Platform,
    /// Its address.
    pub url: String,
    /// The status its stays get.
    pub status: StatusId,
    /// The status its blocks get.
    pub block_status: StatusId,
    /// Minutes between polls.
    pub interval_minutes: i64,
    /// Optimistic version of its settings.
    pub version: i64,
    /// The last poll, whatever its outcome.
    pub last_attempt: Option<DateTime<Utc>>,
    /// The last poll that read the feed (or heard it had not changed).
    pub last_success: Option<DateTime<Utc>>,
    /// The next poll.
    pub next_attempt: DateTime<Utc>,
    /// Why the last poll failed, when it did.
    pub problem: Option<SyncProblem>,
    /// Polls failed in a row.
    pub failures: i64,
    /// Events in the feed at the last successful read.
    pub events_seen: i64,
    /// Changes the last successful read made.
    pub last_changes: i64,
    /// Cancellations waiting for a person's confirmation (the feed emptied or lost more than half).
    pub held_cancellations: i64,
}

impl FeedHealth {
    /// The feed's settings as its form edits them.
    pub fn to_form(&self) -> super::settings::FeedForm {
        super::settings::FeedForm {
            property: self.property.to_string(),
            platform: self.platform.code().into(),
            url: self.url.clone(),
            status: self.status.to_string(),
            block_status: self.block_status.to_string(),
            interval_minutes: self.interval_minutes.to_string(),
        }
    }
}

/// What an entry of a feed's history records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// A stay or block imported.
    Added,
    /// Its dates or content changed on the platform.
    Moved,
    /// Gone from the feed: its booking was deleted.
    Cancelled,
    /// Gone from the feed, but its booking has an invoice, a contract or a group: kept, no longer
    /// tied to the feed.
    Kept,
    /// Cancellations held back by the guard.
    Held,
    /// A person confirmed the held cancellations.
    Confirmed,
    /// A poll failed (recorded when a run of failures starts).
    Failed,
    /// The feed answers again after failures.
    Recovered,
    /// An imported stay overlaps another booking (the manager was emailed).
    Conflict,
}

impl ChangeKind {
    /// Every kind with its stored code.
    pub const CODES: [(ChangeKind, &'static str); 9] = [
        (ChangeKind::Added, "added"),
        (ChangeKind::Moved, "moved"),
        (ChangeKind::Cancelled, "cancelled"),
        (ChangeKind::Kept, "kept"),
        (ChangeKind::Held, "held"),
        (ChangeKind::Confirmed, "confirmed"),
        (ChangeKind::Failed, "failed"),
        (ChangeKind::Recovered, "recovered"),
        (ChangeKind::Conflict, "conflict"),
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        Self::CODES
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or("added", |(_, code)| code)
    }

    /// The kind of a stored code.
    pub fn from_code(code: &str) -> Option<ChangeKind> {
        Self::CODES
            .iter()
            .find(|(_, known)| *known == code)
            .map(|(kind, _)| *kind)
    }
}

/// One entry of a feed's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub kind: ChangeKind,
    /// The nights concerned (after the change).
    pub stay: Option<Stay>,
    /// The nights before a move.
    pub previous: Option<Stay>,
    /// The event's summary on the platform.
    pub summary: String,
    /// A count (held cancellations) or a problem's code (failures).
    pub detail: String,
}

/// A secret link to an exported calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportLink {
    /// The property, or `None` for the whole organisation.
    pub property: Option<PropertyId>,
    /// The secret in the address.
    pub token: String,
}

/// Everything the sync page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncOverview {
    /// The properties, by name.
    pub properties: Vec<Choice>,
    /// The statuses a feed may give.
    pub statuses: Vec<BookingStatus>,
    /// Every feed, by property then creation.
    pub feeds: Vec<FeedHealth>,
    /// The export links that exist.
    pub links: Vec<ExportLink>,
    /// The statuses whose bookings the exported calendars show as taken.
    pub exported_statuses: Vec<StatusId>,
}

/// What one poll did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncOutcome {
    /// The platform answered "not modified" (conditional GET).
    pub not_modified: bool,
    /// Events read.
    pub events: i64,
    /// Bookings added, moved or cancelled.
    pub changes: i64,
    /// Cancellations held back for a person.
    pub held: i64,
    /// Why nothing was changed, when the poll failed.
    pub problem: Option<SyncProblem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_kinds_read_back() {
        for (kind, code) in ChangeKind::CODES {
            assert_eq!(kind.code(), code);
            assert_eq!(ChangeKind::from_code(code), Some(kind));
        }
        assert_eq!(ChangeKind::from_code("nope"), None);
    }
}
