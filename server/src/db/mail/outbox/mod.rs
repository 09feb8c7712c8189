//! The outbox's rows. A message is written with its attachments in one transaction before any
//! network attempt. Sending goes through a *claim*: one conditional update marks the message
//! `sending` with a lease and counts the attempt, so two workers (or two server instances) never
//! send it at once; the attempt's outcome is recorded only by the claim that made it (its attempt
//! number is the fence). A claim whose server died is taken over when its lease expires.

mod claim;
mod read;
mod write;

pub use claim::{claim, due, next_due_ms, record, Claimed, Outcome};
pub use read::{one, page};
pub use write::{cancel, insert, retry, NewMessage};

/// Milliseconds since 1970 (UTC): how scheduling times are stored.
pub fn millis(at: chrono::DateTime<chrono::Utc>) -> i64 {
    at.timestamp_millis()
}
