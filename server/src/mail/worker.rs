//! The outbox worker: sends what is due, a few messages at a time, then sleeps until the next
//! message falls due, a new one is written, or 30 seconds pass (another server instance may have
//! written one). Started once per server process; several processes on one PostgreSQL share the
//! work through the claims.

use super::MailService;
use crate::db::mail::outbox;
use chrono::Utc;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;

/// Messages attempted at once: no more than the connections an organisation's transport keeps, or
/// lettre opens extra ones per attempt (and SMTP servers limit connections per client).
const BATCH: i64 = super::transport::POOL_SIZE as i64;
/// Longest sleep between two looks at the outbox.
const LONGEST_SLEEP: Duration = Duration::from_secs(30);
/// Sleep after the database failed, before looking again.
const AFTER_ERROR: Duration = Duration::from_secs(5);

impl MailService {
    /// Runs the worker until the process ends.
    pub async fn run_worker(self: Arc<Self>) {
        loop {
            let sleep = match self.clone().send_due().await {
                Ok(true) => continue,
                Ok(false) => self.until_next_due().await,
                Err(error) => {
                    tracing::error!(%error, "outbox worker");
                    AFTER_ERROR
                }
            };
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(sleep) => {}
            }
        }
    }

    /// Attempts the messages due now; `true` when the batch was full (more may be due).
    async fn send_due(self: Arc<Self>) -> app::ports::PortResult<bool> {
        let due = outbox::due(&self.db, Utc::now(), BATCH).await?;
        let full = i64::try_from(due.len()).unwrap_or(i64::MAX) >= BATCH;
        let mut attempts = JoinSet::new();
        for (organisation, id) in due {
            let service = self.clone();
            attempts.spawn(async move { service.attempt(organisation, id, false).await });
        }
        while let Some(done) = attempts.join_next().await {
            match done {
                Ok(Ok(_)) => {}
                Ok(Err(error)) => tracing::error!(%error, "outbox attempt"),
                Err(error) => tracing::error!(%error, "outbox attempt stopped"),
            }
        }
        Ok(full)
    }

    /// How long until the next message falls due (at most [`LONGEST_SLEEP`]).
    async fn until_next_due(&self) -> Duration {
        match outbox::next_due_ms(&self.db).await {
            Ok(Some(due)) => {
                let wait = due.saturating_sub(Utc::now().timestamp_millis()).max(0);
                Duration::from_millis(u64::try_from(wait).unwrap_or(0)).min(LONGEST_SLEEP)
            }
            Ok(None) => LONGEST_SLEEP,
            Err(error) => {
                tracing::error!(%error, "outbox worker");
                AFTER_ERROR
            }
        }
    }
}
