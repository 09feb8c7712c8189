//! The worker's side: which messages are due, claiming one for an attempt, and recording how the
//! attempt ended.

use super::millis;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{MessageId, OrganisationId};
use app::domain::mail::{Attachment, SendFailure};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};

/// A message claimed for one attempt: everything needed to send it.
#[derive(Clone, Debug)]
pub struct Claimed {
    /// Its id.
    pub id: MessageId,
    /// Its organisation.
    pub organisation: OrganisationId,
    /// The attempt's number (1 for the first): the fence its outcome is recorded with.
    pub attempt: i64,
    /// The sender's name.
    pub sender_name: String,
    /// The sender's address, as written (the current settings' one is used when absent).
    pub sender_address: Option<String>,
    /// Where answers go.
    pub reply_to: Option<String>,
    /// The recipients, comma separated.
    pub recipients: String,
    /// The sender's copy.
    pub copy_to: Option<String>,
    /// The subject.
    pub subject: String,
    /// The text.
    pub body: String,
    /// The `Message-ID` header.
    pub message_id_header: String,
    /// The files.
    pub attachments: Vec<Attachment>,
}

/// How an attempt ended.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// The server accepted the message.
    Sent,
    /// A temporary failure: try again at this time (milliseconds since 1970).
    RetryAt(i64, SendFailure),
    /// A failure that needs a person.
    Failed(SendFailure),
    /// No SMTP server is configured any more: the message is kept.
    Held,
}

/// Messages due at `now` (pending and due, or sending with an expired lease), oldest due first.
pub async fn due(
    db: &Db,
    now: DateTime<Utc>,
    limit: i64,
) -> PortResult<Vec<(OrganisationId, MessageId)>> {
    let now = millis(now);
    let rows: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT organisation_id, id FROM outbox_messages \
         WHERE (status = 'pending' AND due_at_ms <= $1) OR (status = 'sending' AND lease_until_ms < $1) \
         ORDER BY due_at_ms LIMIT $2")
        .bind(now)
        .bind(limit)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|(org, id)| Ok((parse_id(&org)?, parse_id(&id)?)))
        .collect()
}

/// When the next message falls due (a pending one's time, or a lease's end), if any.
pub async fn next_due_ms(db: &Db) -> PortResult<Option<i64>> {
    on_db!(db, pool => sqlx::query_scalar(
        "SELECT MIN(CASE WHEN status = 'pending' THEN due_at_ms ELSE lease_until_ms END) \
         FROM outbox_messages WHERE status IN ('pending', 'sending')")
        .fetch_one(pool)
        .await)
    .map_err(internal)
}

type ClaimedRow = (
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    String,
    i64,
);

/// Claims the message for one attempt if it is due (or `now_anyway`: a user waiting for a pending
/// message's first attempt): marks it `sending` until `now + lease_ms` and counts the attempt.
/// `None` when it is not due, already claimed, or in another state.
pub async fn claim(
    db: &Db,
    organisation: OrganisationId,
    id: MessageId,
    now: DateTime<Utc>,
    lease_ms: i64,
    now_anyway: bool,
) -> PortResult<Option<Claimed>> {
    let org = organisation.to_string();
    let message = id.to_string();
    let now_ms = millis(now);
    let due_limit = if now_anyway { i64::MAX } else { now_ms };
    let claimed = on_db!(db, pool => sqlx::query(
        "UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, \
         lease_until_ms = $3, version = version + 1 \
         WHERE organisation_id = $1 AND id = $2 \
         AND ((status = 'pending' AND due_at_ms <= $4) OR (status = 'sending' AND lease_until_ms < $5))")
        .bind(&org)
        .bind(&message)
        .bind(now_ms.saturating_add(lease_ms))
        .bind(due_limit)
        .bind(now_ms)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if claimed != 1 {
        return Ok(None);
    }
    let (row, files): (ClaimedRow, Vec<(String, String, Vec<u8>)>) = on_db!(db, pool => tokio::try_join!(
        sqlx::query_as(
            "SELECT sender_name, sender_address, reply_to, recipients, copy_to, subject, body, \
             message_id_header, attempts FROM outbox_messages WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(&message)
            .fetch_one(pool),
        sqlx::query_as(
            "SELECT name, content_type, content FROM outbox_attachments \
             WHERE organisation_id = $1 AND message_id = $2 ORDER BY position")
            .bind(&org)
            .bind(&message)
            .fetch_all(pool),
    ))
    .map_err(internal)?;
    let (
        sender_name,
        sender_address,
        reply_to,
        recipients,
        copy_to,
        subject,
        body,
        header,
        attempt,
    ) = row;
    Ok(Some(Claimed {
        id,
        organisation,
        attempt,
        sender_name,
        sender_address,
        reply_to,
        recipients,
        copy_to,
        subject,
        body,
        message_id_header: header,
        attachments: files
            .into_iter()
            .map(|(name, content_type, content)| Attachment {
                name,
                content_type,
                content,
            })
            .collect(),
    }))
}

/// Records how `claimed`'s attempt ended — only if the message is still under that claim (a claim
/// taken over after its lease expired does not overwrite the newer one).
pub async fn record(
    db: &Db,
    claimed: &Claimed,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> PortResult<bool> {
    let failure_json = |failure: &SendFailure| serde_json::to_string(failure).map_err(internal);
    let (status, due_at, failure, attempts_delta): (_, _, _, i64) = match outcome {
        Outcome::Sent => ("sent", None, None, 0),
        Outcome::RetryAt(at, failure) => ("pending", Some(*at), Some(failure_json(failure)?), 0),
        Outcome::Failed(failure) => ("failed", None, Some(failure_json(failure)?), 0),
        // Nothing was attempted: the attempt is not counted.
        Outcome::Held => ("held", None, None, 1),
    };
    let sent_at = matches!(outcome, Outcome::Sent).then_some(now);
    let changed = on_db!(db, pool => sqlx::query(
        "UPDATE outbox_messages SET status = $4, due_at_ms = COALESCE($5, due_at_ms), \
         last_failure = $6, sent_at = $7, lease_until_ms = NULL, attempts = attempts - $8, \
         version = version + 1 \
         WHERE organisation_id = $1 AND id = $2 AND status = 'sending' AND attempts = $3")
        .bind(claimed.organisation.to_string())
        .bind(claimed.id.to_string())
        .bind(claimed.attempt)
        .bind(status)
        .bind(due_at)
        .bind(failure)
        .bind(sent_at)
        .bind(attempts_delta)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    match changed {
        1 => Ok(true),
        0 => Ok(false),
        n => Err(PortError::Internal(format!("{n} messages under one claim"))),
    }
}
