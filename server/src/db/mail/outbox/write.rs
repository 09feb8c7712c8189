//! Writing messages and the user's decisions on them (retry, cancel).

use super::millis;
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::ids::{MessageId, OrganisationId};
use app::domain::mail::{Attachment, MessageStatus, TemplatePurpose};
use app::ports::PortResult;
use chrono::{DateTime, Utc};

/// A message as it is written to the outbox.
pub struct NewMessage<'a> {
    /// Its id.
    pub id: MessageId,
    /// `Pending`, or `Held` when no SMTP server is configured.
    pub status: MessageStatus,
    /// What it is for.
    pub purpose: Option<TemplatePurpose>,
    /// The sender's name.
    pub sender_name: &'a str,
    /// The sender's address, if set.
    pub sender_address: Option<&'a str>,
    /// Where answers go.
    pub reply_to: Option<&'a str>,
    /// The recipients, comma separated.
    pub recipients: &'a str,
    /// The sender's copy.
    pub copy_to: Option<&'a str>,
    /// The subject.
    pub subject: &'a str,
    /// The text.
    pub body: &'a str,
    /// The `Message-ID` header, fixed at writing so a resend after a crash is the same message.
    pub message_id_header: &'a str,
    /// The files.
    pub attachments: &'a [Attachment],
}

/// Writes `message` and its attachments in one transaction.
pub async fn insert(
    db: &Db,
    organisation: OrganisationId,
    message: &NewMessage<'_>,
    now: DateTime<Utc>,
) -> PortResult<()> {
    let org = organisation.to_string();
    let id = message.id.to_string();
    on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        sqlx::query(
            "INSERT INTO outbox_messages (id, organisation_id, created_at, status, purpose, sender_name, \
             sender_address, reply_to, recipients, copy_to, subject, body, message_id_header, attempts, \
             due_at_ms, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, 1)")
            .bind(&id)
            .bind(&org)
            .bind(now)
            .bind(message.status.code())
            .bind(message.purpose.map(TemplatePurpose::code))
            .bind(message.sender_name)
            .bind(message.sender_address)
            .bind(message.reply_to)
            .bind(message.recipients)
            .bind(message.copy_to)
            .bind(message.subject)
            .bind(message.body)
            .bind(message.message_id_header)
            .bind(millis(now))
            .execute(&mut *tx)
            .await?;
        for (position, attachment) in message.attachments.iter().enumerate() {
            sqlx::query(
                "INSERT INTO outbox_attachments (organisation_id, message_id, position, name, content_type, content) \
                 VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(&org)
                .bind(&id)
                .bind(i64::try_from(position).unwrap_or(i64::MAX))
                .bind(&attachment.name)
                .bind(&attachment.content_type)
                .bind(&attachment.content)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }.await)
    .map_err(internal)
}

/// Moves a held, pending or failed message (still at `version`) to `pending`, due `now`.
pub async fn retry(
    db: &Db,
    organisation: OrganisationId,
    id: MessageId,
    version: i64,
    now: DateTime<Utc>,
) -> PortResult<()> {
    let changed = on_db!(db, pool => sqlx::query(
        "UPDATE outbox_messages SET status = 'pending', due_at_ms = $4, version = version + 1 \
         WHERE organisation_id = $1 AND id = $2 AND version = $3 \
         AND status IN ('held', 'pending', 'failed')")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .bind(version)
        .bind(millis(now))
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    changed_or_why(db, organisation, id, changed).await
}

/// Cancels a held, pending or failed message still at `version`.
pub async fn cancel(
    db: &Db,
    organisation: OrganisationId,
    id: MessageId,
    version: i64,
) -> PortResult<()> {
    let changed = on_db!(db, pool => sqlx::query(
        "UPDATE outbox_messages SET status = 'cancelled', version = version + 1 \
         WHERE organisation_id = $1 AND id = $2 AND version = $3 \
         AND status IN ('held', 'pending', 'failed')")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    changed_or_why(db, organisation, id, changed).await
}

/// `Ok` when one row changed; otherwise not found, or a conflict (another version, or a status that
/// no longer allows the change — e.g. the worker is sending it).
async fn changed_or_why(
    db: &Db,
    organisation: OrganisationId,
    id: MessageId,
    rows: u64,
) -> PortResult<()> {
    if rows == 1 {
        Ok(())
    } else {
        Err(conflict_or_missing(db, "outbox_messages", organisation, &id.to_string()).await)
    }
}
