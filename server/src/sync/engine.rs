//! One poll of one feed, from the fetch to the planning: conditional GET, the body's hash (the same
//! bytes as last time change nothing), the reader, the plan against what the feed imported before,
//! the plan applied in one transaction, open plannings told, overlaps reported. A failure — the
//! network, an error status, a page that is not a calendar — changes no booking: it is recorded on the
//! feed, which is polled again later and later (back-off).

use super::conflicts::report_conflicts;
use super::fetch::{Fetched, Fetcher};
use super::reader::read_feed;
use crate::db::sync::feeds::{self, FeedRow};
use crate::db::sync::history::{self, NewEntry};
use crate::db::sync::imported::{self, Validators};
use crate::db::Db;
use crate::live::Live;
use app::domain::ids::{FeedId, OrganisationId};
use app::domain::paris_time::in_paris;
use app::domain::sync::schedule::next_attempt;
use app::domain::sync::view::{ChangeKind, SyncOutcome};
use app::domain::sync::{plan_sync, SyncProblem};
use app::ports::{Mailer, PortResult};
use chrono::{DateTime, Utc};
use rand::Rng;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What a poll needs.
#[derive(Clone)]
pub struct Poller {
    /// The database.
    pub db: Db,
    /// Open plannings.
    pub live: Live,
    /// The HTTP client.
    pub fetcher: Fetcher,
    /// Where conflict reports go.
    pub mail: Arc<dyn Mailer>,
    /// One poll per feed at a time in this process.
    locks: Arc<Mutex<HashMap<FeedId, Arc<tokio::sync::Mutex<()>>>>>,
}

fn spread() -> u16 {
    rand::thread_rng().gen_range(0..=1000)
}

impl Poller {
    /// A poller on `db`.
    pub fn new(db: Db, live: Live, fetcher: Fetcher, mail: Arc<dyn Mailer>) -> Poller {
        Poller {
            db,
            live,
            fetcher,
            mail,
            locks: Arc::default(),
        }
    }

    fn lock_of(&self, feed: FeedId) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self
            .locks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        locks.retain(|_, lock| Arc::strong_count(lock) > 1);
        locks.entry(feed).or_default().clone()
    }

    /// Polls the feed `id` of `organisation` now.
    pub async fn poll(&self, organisation: OrganisationId, id: FeedId) -> PortResult<SyncOutcome> {
        let lock = self.lock_of(id);
        let _one_at_a_time = lock.lock().await;
        let feed = feeds::load(&self.db, organisation, id).await?;
        let now = Utc::now();
        // After a confirmation the feed is read again whatever its validators say.
        let (etag, last_modified) = if feed.release_held {
            (None, None)
        } else {
            (feed.etag.as_deref(), feed.last_modified.as_deref())
        };
        let fetched = self.fetcher.fetch(&feed.url, etag, last_modified).await;
        let next = |failures: i64| {
            next_attempt(
                now,
                feed.interval_minutes,
                u32::try_from(failures).unwrap_or(u32::MAX),
                spread(),
            )
        };
        let (bytes, etag, last_modified) = match fetched {
            Err(problem) => {
                return self
                    .failed(&feed, problem, now, next(feed.failures + 1))
                    .await
            }
            Ok(Fetched::NotModified) => {
                self.unchanged(&feed, now, next(0)).await?;
                return Ok(SyncOutcome {
                    not_modified: true,
                    events: feed.events_seen,
                    ..SyncOutcome::default()
                });
            }
            Ok(Fetched::Body {
                bytes,
                etag,
                last_modified,
            }) => (bytes, etag, last_modified),
        };
        let hash = hex(&Sha256::digest(&bytes));
        if feed.content_hash.as_deref() == Some(hash.as_str()) && !feed.release_held {
            self.unchanged(&feed, now, next(0)).await?;
            return Ok(SyncOutcome {
                events: feed.events_seen,
                held: feed.held_cancellations,
                ..SyncOutcome::default()
            });
        }
        let Ok(read) = read_feed(&bytes) else {
            return self
                .failed(
                    &feed,
                    SyncProblem::NotACalendar,
                    now,
                    next(feed.failures + 1),
                )
                .await;
        };
        let known = imported::imported(&self.db, &feed).await?;
        let today = in_paris(now).date();
        let plan = plan_sync(&known, &read.events, today, feed.release_held);
        let validators = Validators {
            etag,
            last_modified,
            content_hash: Some(hash),
        };
        let applied = imported::apply(
            &self.db,
            &feed,
            &plan,
            read.events.len(),
            &validators,
            now,
            next(0),
        )
        .await?;
        if applied.changes > 0 {
            self.live.bookings_changed(organisation).await;
        }
        if !applied.touched.is_empty() {
            if let Err(error) = report_conflicts(self, &feed, &applied.touched, now).await {
                tracing::error!(%error, feed = %id, "conflict report");
            }
        }
        Ok(SyncOutcome {
            not_modified: false,
            events: i64::try_from(read.events.len()).unwrap_or(i64::MAX),
            changes: applied.changes,
            held: i64::try_from(plan.held.len()).unwrap_or(i64::MAX),
            problem: None,
        })
    }

    /// A poll that found the feed as it was: its health only (and the end of a run of failures).
    async fn unchanged(
        &self,
        feed: &FeedRow,
        now: DateTime<Utc>,
        next: DateTime<Utc>,
    ) -> PortResult<()> {
        feeds::record_unchanged(&self.db, feed, now, next).await?;
        if feed.failures > 0 {
            let (organisation, id) = feeds::ids(feed)?;
            let recovered = NewEntry::note(ChangeKind::Recovered, String::new());
            history::append(&self.db, organisation, id, &[recovered], now).await?;
        }
        Ok(())
    }

    async fn failed(
        &self,
        feed: &FeedRow,
        problem: SyncProblem,
        now: DateTime<Utc>,
        next: DateTime<Utc>,
    ) -> PortResult<SyncOutcome> {
        tracing::warn!(feed = %feed.id, problem = %problem.code(), "feed poll failed");
        feeds::record_failure(&self.db, feed, problem, now, next).await?;
        if feed.failures == 0 {
            let (organisation, id) = feeds::ids(feed)?;
            history::append(
                &self.db,
                organisation,
                id,
                &[NewEntry::note(ChangeKind::Failed, problem.code())],
                now,
            )
            .await?;
        }
        Ok(SyncOutcome {
            problem: Some(problem),
            events: feed.events_seen,
            held: feed.held_cancellations,
            ..SyncOutcome::default()
        })
    }
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
