//! Live updates: when an organisation's bookings change (a user, a sync, a guest), every open
//! planning of that organisation is told at once and reloads its window.
//!
//! Each instance keeps one broadcast channel per organisation with listeners. On SQLite (one
//! instance) a change is announced on it directly. On PostgreSQL a change is a `NOTIFY` on
//! [`CHANNEL`], and every instance — this one included — `LISTEN`s and forwards what it hears to its
//! own channels, so several app servers on one database push to each other's browsers. The browser
//! side is a Server-Sent Events stream (`GET /api/events`, see [`crate::events`]).

use crate::db::Db;
use app::domain::ids::OrganisationId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast;

/// The PostgreSQL notification channel of booking changes (payload: the organisation id).
pub const CHANNEL: &str = "saison_bookings";

/// Changes kept for a listener that is slow to read (it then reloads anyway).
const BACKLOG: usize = 16;

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// What the planning shows changed: bookings created, changed or deleted, a guest renamed, a
    /// status renamed, recoloured, added, moved or deleted.
    Bookings,
}

/// The live-update hub of one instance.
#[derive(Clone)]
pub struct Live {
    db: Db,
    channels: Arc<Mutex<HashMap<OrganisationId, broadcast::Sender<Change>>>>,
}

impl Live {
    /// A hub for `db` (on PostgreSQL, [`Live::listen`] must run for changes to arrive).
    pub fn new(db: &Db) -> Live {
        Live {
            db: db.clone(),
            channels: Arc::default(),
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

    /// On PostgreSQL, forwards every instance's notifications to this one's listeners, forever
    /// (reconnecting after a lost connection). Does nothing on SQLite.
    pub async fn listen(self) {
        let Db::Postgres(pool) = &self.db else {
            return;
        };
        loop {
            if let Err(error) = self.forward(pool).await {
                tracing::warn!(%error, "live updates: lost the PostgreSQL listener, reconnecting");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn forward(&self, pool: &sqlx::PgPool) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        loop {
            let notification = listener.recv().await?;
            match notification.payload().parse::<OrganisationId>() {
                Ok(organisation) => self.announce_here(organisation, Change::Bookings),
                Err(_) => tracing::warn!(
                    payload = notification.payload(),
                    "live updates: ignored a notification that names no organisation"
                ),
            }
        }
    }
}
