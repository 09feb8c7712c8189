//! "Envois": the outbox, newest first, and the user's decisions on a message (send again, cancel).

use crate::domain::ids::MessageId;
use crate::domain::mail::{OutboxMessage, OutboxPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Messages per page of the outbox.
pub const OUTBOX_PAGE: i64 = 50;

/// The conflict a retry or cancel meets when the message changed meanwhile.
#[cfg(feature = "ssr")]
fn message_changed(error: crate::ports::PortError) -> AppError {
    match error {
        crate::ports::PortError::Conflict => AppError::new(
            crate::error::ErrorKind::Conflict,
            request_texts().mail.message_conflict,
        ),
        other => from_port(other),
    }
}

/// Page `page` (from 0) of the outbox.
#[server(endpoint = "outbox", input = Json)]
pub async fn outbox(page: i64) -> Result<OutboxPage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let offset = page.clamp(0, 1_000_000).saturating_mul(OUTBOX_PAGE);
            services()?
                .mail
                .outbox(user.organisation_id, offset, OUTBOX_PAGE)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// How many messages failed for good and wait for a decision (0 for roles that cannot see the
/// outbox): the count the navigation shows beside "Envois".
#[server(endpoint = "failed_messages", input = Json)]
pub async fn failed_messages() -> Result<i64, AppError> {
    respond(
        async {
            // Asked on every page, logged in or not: never an error status for the page.
            let Some(user) = optional_user().await? else {
                return Ok(0);
            };
            if !user.role.can_manage_bookings() {
                return Ok(0);
            }
            let page = services()?
                .mail
                .outbox(user.organisation_id, 0, 0)
                .await
                .map_err(from_port)?;
            Ok(page.failed)
        }
        .await,
    )
}

/// Sends a held, waiting or failed message again now, and answers where it stands.
#[server(endpoint = "retry_message", input = Json)]
pub async fn retry_message(id: MessageId, version: i64) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .mail
                .retry(user.organisation_id, id, version, chrono::Utc::now())
                .await
                .map_err(message_changed)
        }
        .await,
    )
}

/// Cancels a message that has not left.
#[server(endpoint = "cancel_message", input = Json)]
pub async fn cancel_message(id: MessageId, version: i64) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .mail
                .cancel(user.organisation_id, id, version)
                .await
                .map_err(message_changed)
        }
        .await,
    )
}
