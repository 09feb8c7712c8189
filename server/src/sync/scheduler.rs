//! The background polls: every feed whose next attempt has come is claimed (so several server
//! instances on one PostgreSQL do not poll it twice) and polled, a few at a time; then the scheduler
//! sleeps until the next feed falls due, or a minute passes (a feed added is polled by its form at
//! once).

use super::engine::Poller;
use crate::db::sync::feeds;
use chrono::Utc;
use std::time::Duration;
use tokio::task::JoinSet;

/// Feeds polled at once.
const AT_ONCE: i64 = 4;
/// How long a claimed feed is left to its poller before another instance may take it.
const LEASE_MINUTES: i64 = 5;
/// Longest sleep between two looks.
const LONGEST_SLEEP: Duration = Duration::from_secs(60);

/// Runs the polls until the process ends.
pub async fn run(poller: Poller) {
    loop {
        let claimed = feeds::claim_due(
            &poller.db,
            Utc::now(),
            chrono::Duration::minutes(LEASE_MINUTES),
            AT_ONCE,
        )
        .await;
        match claimed {
            Ok(due) if !due.is_empty() => {
                let mut polls = JoinSet::new();
                for (organisation, feed) in due {
                    let poller = poller.clone();
                    polls.spawn(async move {
                        if let Err(error) = poller.poll(organisation, feed).await {
                            tracing::error!(%error, %feed, "feed poll");
                        }
                    });
                }
                while polls.join_next().await.is_some() {}
                continue;
            }
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "looking for feeds to poll"),
        }
        let sleep = match feeds::next_due(&poller.db).await {
            Ok(Some(next)) => (next - Utc::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .min(LONGEST_SLEEP),
            _ => LONGEST_SLEEP,
        };
        tokio::time::sleep(sleep.max(Duration::from_millis(200))).await;
    }
}
