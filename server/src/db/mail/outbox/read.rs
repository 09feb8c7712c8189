//! Reading the outbox as people see it.

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{MessageId, OrganisationId};
use app::domain::mail::{AttachmentInfo, MessageStatus, OutboxMessage, OutboxPage};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct MessageRow {
    id: String,
    created_at: DateTime<Utc>,
    status: String,
    recipients: String,
    copy_to: Option<String>,
    subject: String,
    body: String,
    attempts: i64,
    due_at_ms: i64,
    sent_at: Option<DateTime<Utc>>,
    last_failure: Option<String>,
    version: i64,
}

const COLUMNS: &str = "id, created_at, status, recipients, copy_to, subject, body, attempts, \
     due_at_ms, sent_at, last_failure, version";

fn message(row: MessageRow, attachments: Vec<AttachmentInfo>) -> PortResult<OutboxMessage> {
    let status = MessageStatus::from_code(&row.status)
        .ok_or_else(|| PortError::Internal(format!("stored message status {}", row.status)))?;
    Ok(OutboxMessage {
        id: parse_id(&row.id)?,
        created_at: row.created_at,
        status,
        recipients: row.recipients,
        copy_to: row.copy_to,
        subject: row.subject,
        body: row.body,
        attachments,
        attempts: row.attempts,
        next_attempt_at: (status == MessageStatus::Pending)
            .then(|| DateTime::from_timestamp_millis(row.due_at_ms))
            .flatten(),
        sent_at: row.sent_at,
        last_failure: row
            .last_failure
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| PortError::Internal(format!("stored failure: {e}")))?,
        version: row.version,
    })
}

/// The attachments' names and sizes of `ids`, by message.
async fn attachment_infos(
    db: &Db,
    organisation: &str,
    ids: &[String],
) -> PortResult<HashMap<String, Vec<AttachmentInfo>>> {
    let mut by_message: HashMap<String, Vec<AttachmentInfo>> = HashMap::new();
    if ids.is_empty() {
        return Ok(by_message);
    }
    let placeholders = (0..ids.len())
        .map(|i| format!("${}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT message_id, name, CAST(LENGTH(content) AS BIGINT) FROM outbox_attachments \
         WHERE organisation_id = $1 AND message_id IN ({placeholders}) ORDER BY message_id, position"
    );
    let rows: Vec<(String, String, i64)> = on_db!(db, pool => {
        let mut query = sqlx::query_as(&sql).bind(organisation);
        for id in ids {
            query = query.bind(id);
        }
        query.fetch_all(pool).await
    })
    .map_err(internal)?;
    for (message, name, size) in rows {
        by_message
            .entry(message)
            .or_default()
            .push(AttachmentInfo { name, size });
    }
    Ok(by_message)
}

/// `limit` messages from `offset`, newest first, with the outbox's counts.
pub async fn page(
    db: &Db,
    organisation: OrganisationId,
    offset: i64,
    limit: i64,
) -> PortResult<OutboxPage> {
    let org = organisation.to_string();
    let sql = format!(
        "SELECT {COLUMNS} FROM outbox_messages WHERE organisation_id = $1 \
         ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
    );
    let (rows, (total, failed)): (Vec<MessageRow>, (i64, i64)) =
        on_db!(db, pool => tokio::try_join!(
            sqlx::query_as(&sql).bind(&org).bind(limit).bind(offset).fetch_all(pool),
            sqlx::query_as(
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) \
                 FROM outbox_messages WHERE organisation_id = $1")
                .bind(&org)
                .fetch_one(pool),
        ))
        .map_err(internal)?;
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut attachments = attachment_infos(db, &org, &ids).await?;
    let messages = rows
        .into_iter()
        .map(|row| {
            let files = attachments.remove(&row.id).unwrap_or_default();
            message(row, files)
        })
        .collect::<PortResult<_>>()?;
    Ok(OutboxPage {
        messages,
        total,
        failed,
    })
}

/// One message.
pub async fn one(
    db: &Db,
    organisation: OrganisationId,
    id: MessageId,
) -> PortResult<OutboxMessage> {
    let org = organisation.to_string();
    let sql =
        format!("SELECT {COLUMNS} FROM outbox_messages WHERE organisation_id = $1 AND id = $2");
    let row: Option<MessageRow> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(&org)
        .bind(id.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    let row = row.ok_or(PortError::NotFound)?;
    let files = attachment_infos(db, &org, std::slice::from_ref(&row.id))
        .await?
        .remove(&row.id)
        .unwrap_or_default();
    message(row, files)
}
