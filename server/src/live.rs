//! Live updates: when an organisation's bookings change (a user, a sync, a guest), every open
//! planning of that organisation is told at once and reloads its window.
//!
//! Each instance keeps one broadcast channel per organisation with listeners. On SQLite (one
//! instance) a change is announced on it directly. On PostgreSQL a change is a `NOTIFY` on
//! [`CHANNEL`], and every instance — this one included — `LISTEN`s and forwards what it hears to its
//! own channels, so several app servers on one database push to each other's browsers. The browser
//! side is a Server-Sent Events stream (`GET /api/events`, see [`crate::events`]).
//!
//! The hub also counts, per organisation, the changes it hears of — of bookings, and of the catalogue
//! the public pages price (properties, rates, options, taxes, pricing settings): a [`Generation`]. A
//! cache of what an organisation's data gives (the public search, [`crate::public::cache`]) is good
//! while the generation it was filled at is still the current one (for the catalogue alone: while
//! no catalogue change was heard of). A lost PostgreSQL listener may have missed notifications:
//! reconnecting starts a new epoch, which outdates every generation.

use crate::db::Db;
use app::domain::ids::OrganisationId;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast;

/// The PostgreSQL notification channel of booking changes (payload: the organisation id).
pub const CHANNEL: &str = "saison_bookings";

/// The end of a notification's payload that says the catalogue changed, not the bookings.
const CATALOGUE_SUFFIX: &str = " catalogue";

/// Changes kept for a listener that is slow to read (it then reloads anyway).
const BACKLOG: usize = 16;

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// What the planning shows changed: bookings created, changed or deleted, a guest renamed, a
    /// status renamed, recoloured, added, moved or deleted.
    Bookings,
}

/// How many changes of an organisation this instance has heard of, in which listener epoch: two
/// equal generations mean that nothing was heard of in between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Generation {
    epoch: u64,
    counts: Counts,
}

impl Generation {
    /// Whether no catalogue change was heard of between the two (bookings may have changed).
    pub fn same_catalogue(self, other: Generation) -> bool {
        self.epoch == other.epoch && self.counts.catalogue == other.counts.catalogue
    }
}

/// The changes heard of for one organisation, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    bookings: u64,
    catalogue: u64,
}

/// A kind of change to count.
#[derive(Clone, Copy)]
enum Kind {
    Bookings,
    Catalogue,
}

/// The live-update hub of one instance.
#[derive(Clone)]
pub struct Live {
    db: Db,
    channels: Arc<Mutex<HashMap<OrganisationId, broadcast::Sender<Change>>>>,
    changes: Arc<Mutex<HashMap<OrganisationId, Counts>>>,
    epoch: Arc<AtomicU64>,
}

impl Live {
    /// A hub for `db` (on PostgreSQL, [`Live::listen`] must run for changes to arrive).
    pub fn new(db: &Db) -> Live {
        Live {
            db: db.clone(),
            channels: Arc::default(),
            changes: Arc::default(),
            epoch: Arc::default(),
        }
    }

    /// The current generation of `organisation`'s data, as far as this instance has heard.
    pub fn generation(&self, organisation: OrganisationId) -> Generation {
        let changes = self
            .changes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Generation {
            epoch: self.epoch.load(Ordering::Acquire),
            counts: changes.get(&organisation).copied().unwrap_or_default(),
        }
    }

    /// Counts a change of `organisation` heard of here.
    fn count_change(&self, organisation: OrganisationId, kind: Kind) {
        let mut changes = self
            .changes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let counts = changes.entry(organisation).or_default();
        match kind {
            Kind::Bookings => counts.bookings += 1,
            Kind::Catalogue => counts.catalogue += 1,
        }
    }

    /// The changes of `organisation` from now on.
    pub fn subscribe(&self, organisation: OrganisationId) -> broadcast::Receiver<Change> {
        let mut channels = self
            .channels
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        channels
            .entry(organisation)
            .or_insert_with(|| broadcast::channel(BACKLOG).0)
            .subscribe()
    }

    /// Tells this instance's listeners of `organisation` (channels nobody listens to are dropped).
    pub fn announce_here(&self, organisation: OrganisationId, change: Change) {
        self.count_change(organisation, Kind::Bookings);
        let mut channels = self
            .channels
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(sender) = channels.get(&organisation) {
            if sender.send(change).is_err() {
                channels.remove(&organisation);
            }
        }
    }

    /// Tells every instance that `organisation`'s bookings changed. Called after the change is
    /// committed; a failed notification is logged and announced here at least.
    pub async fn bookings_changed(&self, organisation: OrganisationId) {
        match &self.db {
            Db::Sqlite(_) => self.announce_here(organisation, Change::Bookings),
            Db::Postgres(pool) => {
                // Counted here at once too: this instance's caches must not wait for the echo.
                self.count_change(organisation, Kind::Bookings);
                let sent = sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(organisation.to_string())
                    .execute(pool)
                    .await;
                if let Err(error) = sent {
                    tracing::warn!(%error, "cannot notify other instances of a booking change");
                    self.announce_here(organisation, Change::Bookings);
                }
            }
        }
    }

    /// Tells every instance that what `organisation`'s public pages price changed (a property, a
    /// rate plan or season, an option, a tourist tax, the pricing settings). Called after the change
    /// is committed. Open plannings are not told: this is not a booking change.
    pub async fn catalogue_changed(&self, organisation: OrganisationId) {
        match &self.db {
            Db::Sqlite(_) => self.count_change(organisation, Kind::Catalogue),
            Db::Postgres(pool) => {
                self.count_change(organisation, Kind::Catalogue);
                let sent = sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(format!("{organisation}{CATALOGUE_SUFFIX}"))
                    .execute(pool)
                    .await;
                if let Err(error) = sent {
                    tracing::warn!(%error, "cannot notify other instances of a catalogue change");
                }
            }
        }
    }

    /// `written`, the outcome of a write to `organisation`'s catalogue, after telling every
    /// instance when it succeeded ([`Live::catalogue_changed`]).
    pub async fn after_catalogue_write<T, E>(
        &self,
        organisation: OrganisationId,
        written: Result<T, E>,
    ) -> Result<T, E> {
        if written.is_ok() {
            self.catalogue_changed(organisation).await;
        }
        written
    }

    /// On PostgreSQL, forwards every instance's notifications to this one's listeners, forever
    /// (reconnecting after a lost connection). Does nothing on SQLite.
    pub async fn listen(self) {
        let Db::Postgres(pool) = &self.db else {
            return;
        };
        loop {
            match self.forward(pool).await {
                Ok(()) => {
                    tracing::warn!("live updates: lost the PostgreSQL listener, reconnecting")
                }
                Err(error) => {
                    tracing::warn!(%error, "live updates: lost the PostgreSQL listener, reconnecting");
                }
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    /// Listens on one connection until it is lost.
    async fn forward(&self, pool: &sqlx::PgPool) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        // Whatever was notified while no listener was connected is unknown: a new epoch.
        self.epoch.fetch_add(1, Ordering::AcqRel);
        // `None`: the connection was lost.
        while let Some(notification) = listener.try_recv().await? {
            self.hear(notification.payload());
        }
        Ok(())
    }

    /// Counts or forwards one notification's payload.
    fn hear(&self, payload: &str) {
        let (organisation, catalogue) = match payload.strip_suffix(CATALOGUE_SUFFIX) {
            Some(organisation) => (organisation, true),
            None => (payload, false),
        };
        match organisation.parse::<OrganisationId>() {
            Ok(organisation) if catalogue => self.count_change(organisation, Kind::Catalogue),
            Ok(organisation) => self.announce_here(organisation, Change::Bookings),
            Err(_) => tracing::warn!(
                payload,
                "live updates: ignored a notification that names no organisation"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[tokio::test]
    async fn a_notification_counts_a_change_and_only_a_booking_change_reaches_plannings() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}/live.db", dir.path().display());
        let db = Db::connect(&url, 1)
            .await
            .unwrap_or_else(|e| panic!("{e:#}"));
        let live = Live::new(&db);
        let organisation = OrganisationId(Uuid::now_v7());
        let mut planning = live.subscribe(organisation);
        let start = live.generation(organisation);

        live.hear(&format!("{organisation} catalogue"));
        let after_catalogue = live.generation(organisation);
        assert_ne!(after_catalogue, start);
        assert!(
            planning.try_recv().is_err(),
            "a rate change does not reload plannings"
        );

        assert!(!after_catalogue.same_catalogue(start));
        live.hear(&organisation.to_string());
        assert_ne!(live.generation(organisation), after_catalogue);
        assert!(
            live.generation(organisation)
                .same_catalogue(after_catalogue),
            "bookings only"
        );
        assert_eq!(planning.try_recv().ok(), Some(Change::Bookings));

        let counted = live.generation(organisation);
        live.hear("not an organisation catalogue");
        live.hear("");
        assert_eq!(live.generation(organisation), counted, "garbage is ignored");
    }
}
