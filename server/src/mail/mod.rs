//! [`Mailer`] with lettre and the outbox: messages are written to the database first, then sent by
//! [`MailService::attempt`] — from the worker ([`worker`]) or, for a user waiting on the answer,
//! from [`Mailer::send_now`]. Temporary failures (4xx, unreachable server) are retried with
//! back-off; permanent ones (5xx, refused login) stop and keep the server's reason.

mod compose;
mod failure;
pub mod recipients;
pub mod secret_box;
mod transport;
pub mod worker;

use crate::db::mail::outbox::{self, Claimed, NewMessage, Outcome};
use crate::db::mail::{settings as stored_settings, templates};
use crate::db::Db;
use app::domain::ids::{MessageId, OrganisationId};
use app::domain::mail::{
    MailSettings, MailSettingsInput, MessageStatus, OutboxMessage, OutboxPage, OutgoingMessage,
    SendFailure, StoredTemplate, Template, TemplatePurpose,
};
use app::i18n::Lang;
use app::ports::{Mailer, PortResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secret_box::SecretBox;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use transport::Transports;

/// How long a user waits for an attempt the worker is making on their message.
const WAIT_FOR_WORKER: Duration = Duration::from_secs(15);

/// When to retry and when to give up.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    /// Wait before the first retry; each next one waits four times longer.
    pub first_retry: Duration,
    /// Attempts before a message that keeps failing for now is marked failed.
    pub attempts: u32,
    /// Time the SMTP server has to answer each step.
    pub timeout: Duration,
}

impl RetryPolicy {
    /// The longest an attempt may take, all SMTP steps together; a slower one is abandoned (and
    /// counts as failed for now).
    pub fn attempt_budget(&self) -> Duration {
        self.timeout * 4
    }

    /// How long a claim lasts: beyond the attempt's budget, so a live attempt is never taken over
    /// by another worker — only one whose server died.
    pub fn lease(&self) -> Duration {
        self.timeout * 6
    }

    /// The wait after attempt number `attempt` failed for now.
    fn backoff(&self, attempt: i64) -> Duration {
        let exponent = u32::try_from(attempt.clamp(1, 8) - 1).unwrap_or(0);
        self.first_retry
            .saturating_mul(4_u32.saturating_pow(exponent))
    }
}

/// Email on the database, with the server's key for SMTP passwords.
pub struct MailService {
    db: Db,
    secrets: SecretBox,
    transports: Transports,
    policy: RetryPolicy,
    wake: Notify,
}

impl MailService {
    /// Email on `db`.
    pub fn new(db: Db, secrets: SecretBox, policy: RetryPolicy) -> Arc<MailService> {
        Arc::new(MailService {
            db,
            secrets,
            transports: Transports::default(),
            policy,
            wake: Notify::new(),
        })
    }

    /// The outcome of sending `claimed` with the organisation's current settings.
    async fn deliver(&self, claimed: &Claimed, now: DateTime<Utc>) -> PortResult<Outcome> {
        let stored = stored_settings::load(&self.db, claimed.organisation).await?;
        let Some(server) = stored.settings.smtp.as_ref() else {
            return Ok(Outcome::Held);
        };
        let sender = claimed.sender_address.clone().or_else(|| {
            stored
                .settings
                .sender_address
                .as_ref()
                .map(|e| e.as_str().to_string())
        });
        let Some(sender) = sender else {
            return Ok(Outcome::Failed(SendFailure::NoSender));
        };
        let password = match stored
            .sealed_password
            .as_deref()
            .map(|s| self.secrets.open(s))
        {
            None => None,
            Some(Ok(password)) => Some(password),
            Some(Err(_)) => return Ok(Outcome::Failed(SendFailure::PasswordUnreadable)),
        };
        let message = match compose::compose(claimed, &sender) {
            Ok(message) => message,
            Err(detail) => return Ok(Outcome::Failed(SendFailure::Invalid { detail })),
        };
        let sent = match self.transports.get(
            claimed.organisation,
            server,
            password.as_deref(),
            self.policy.timeout,
        ) {
            Ok(transport) => {
                use lettre::AsyncTransport;
                let budget = self.policy.attempt_budget();
                match tokio::time::timeout(budget, transport.send(message)).await {
                    Ok(sent) => sent.map(|_| ()).map_err(|e| failure::classify(&e)),
                    Err(_) => Err(SendFailure::Unreachable {
                        detail: format!("no answer within {} s", budget.as_secs()),
                    }),
                }
            }
            Err(error) => Err(failure::classify(&error)),
        };
        Ok(match sent {
            Ok(()) => Outcome::Sent,
            Err(failure) => {
                let attempts_left = claimed.attempt < i64::from(self.policy.attempts);
                if failure.is_temporary() && attempts_left {
                    let wait = chrono::Duration::from_std(self.policy.backoff(claimed.attempt))
                        .unwrap_or(chrono::Duration::MAX);
                    let at = now.checked_add_signed(wait).unwrap_or(now);
                    Outcome::RetryAt(outbox::millis(at), failure)
                } else {
                    Outcome::Failed(failure)
                }
            }
        })
    }

    /// One attempt at a message, if it can be claimed (`now_anyway`: even before it is due).
    /// Returns whether an attempt was made.
    pub async fn attempt(
        &self,
        organisation: OrganisationId,
        id: MessageId,
        now_anyway: bool,
    ) -> PortResult<bool> {
        let lease = i64::try_from(self.policy.lease().as_millis()).unwrap_or(i64::MAX);
        let Some(claimed) =
            outbox::claim(&self.db, organisation, id, Utc::now(), lease, now_anyway).await?
        else {
            return Ok(false);
        };
        let outcome = self.deliver(&claimed, Utc::now()).await?;
        if let Outcome::Failed(failure) | Outcome::RetryAt(_, failure) = &outcome {
            tracing::warn!(message = %id, attempt = claimed.attempt, ?failure, "email not sent");
        }
        outbox::record(&self.db, &claimed, &outcome, Utc::now()).await?;
        Ok(true)
    }

    /// Wakes the worker (a message is due now).
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// `<uuid@domain>`: a Message-ID under the sender's domain.
fn message_id_header(id: MessageId, sender: Option<&str>) -> String {
    let domain = sender
        .and_then(|s| s.rsplit_once('@'))
        .map_or("saison.invalid", |(_, domain)| domain);
    format!("<{id}@{domain}>")
}

#[async_trait]
impl Mailer for MailService {
    async fn settings(&self, organisation: OrganisationId) -> PortResult<MailSettingsInput> {
        let stored = stored_settings::load(&self.db, organisation).await?;
        Ok(stored
            .settings
            .to_input(stored.sealed_password.is_some(), stored.version))
    }

    async fn save_settings(
        &self,
        organisation: OrganisationId,
        settings: &MailSettings,
        new_password: Option<&str>,
        version: i64,
        now: DateTime<Utc>,
    ) -> PortResult<MailSettingsInput> {
        let stored = stored_settings::load(&self.db, organisation).await?;
        let has_login = settings.smtp.as_ref().is_some_and(|s| s.user.is_some());
        let sealed = match new_password {
            _ if !has_login && settings.smtp.is_some() => None,
            Some(password) => Some(self.secrets.seal(password)),
            None => stored.sealed_password,
        };
        let version = stored_settings::save(
            &self.db,
            organisation,
            settings,
            sealed.as_deref(),
            version,
            now,
        )
        .await?;
        Ok(settings.to_input(sealed.is_some(), version))
    }

    async fn templates(
        &self,
        organisation: OrganisationId,
        lang: Lang,
    ) -> PortResult<Vec<(TemplatePurpose, StoredTemplate)>> {
        templates::list(&self.db, organisation, lang).await
    }

    async fn save_template(
        &self,
        organisation: OrganisationId,
        purpose: TemplatePurpose,
        lang: Lang,
        template: &Template,
        version: i64,
        now: DateTime<Utc>,
    ) -> PortResult<StoredTemplate> {
        templates::save(
            &self.db,
            organisation,
            purpose,
            lang,
            template,
            version,
            now,
        )
        .await
    }

    async fn reset_template(
        &self,
        organisation: OrganisationId,
        purpose: TemplatePurpose,
        lang: Lang,
        version: i64,
    ) -> PortResult<()> {
        templates::reset(&self.db, organisation, purpose, lang, version).await
    }

    async fn enqueue(
        &self,
        organisation: OrganisationId,
        message: OutgoingMessage,
        now: DateTime<Utc>,
    ) -> PortResult<MessageId> {
        let settings = stored_settings::load(&self.db, organisation)
            .await?
            .settings;
        let id = MessageId(uuid::Uuid::now_v7());
        let sender = settings.sender_address.as_ref().map(|e| e.as_str());
        let status = if settings.smtp.is_some() {
            MessageStatus::Pending
        } else {
            MessageStatus::Held
        };
        let recipients = message.recipients.joined();
        let header = message_id_header(id, sender);
        let reply_to = settings.reply_to.as_ref().map(|e| e.as_str());
        let new = NewMessage {
            id,
            status,
            purpose: message.purpose,
            sender_name: &settings.sender_name,
            sender_address: sender,
            reply_to,
            recipients: &recipients,
            copy_to: sender.filter(|_| settings.copy_to_sender),
            subject: &message.subject,
            body: &message.body,
            message_id_header: &header,
            attachments: &message.attachments,
        };
        outbox::insert(&self.db, organisation, &new, now).await?;
        if status == MessageStatus::Pending {
            self.wake();
        }
        Ok(id)
    }

    async fn send_now(
        &self,
        organisation: OrganisationId,
        id: MessageId,
    ) -> PortResult<OutboxMessage> {
        if !self.attempt(organisation, id, true).await? {
            // The worker may have claimed it first: wait a little for its attempt to end, then
            // answer where it stands (the outbox shows the rest).
            let deadline = tokio::time::Instant::now() + WAIT_FOR_WORKER;
            while tokio::time::Instant::now() < deadline {
                let message = outbox::one(&self.db, organisation, id).await?;
                if message.status != MessageStatus::Sending {
                    return Ok(message);
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        outbox::one(&self.db, organisation, id).await
    }

    async fn outbox(
        &self,
        organisation: OrganisationId,
        offset: i64,
        limit: i64,
    ) -> PortResult<OutboxPage> {
        outbox::page(&self.db, organisation, offset, limit).await
    }

    async fn retry(
        &self,
        organisation: OrganisationId,
        id: MessageId,
        version: i64,
        now: DateTime<Utc>,
    ) -> PortResult<OutboxMessage> {
        outbox::retry(&self.db, organisation, id, version, now).await?;
        self.send_now(organisation, id).await
    }

    async fn cancel(
        &self,
        organisation: OrganisationId,
        id: MessageId,
        version: i64,
    ) -> PortResult<OutboxMessage> {
        outbox::cancel(&self.db, organisation, id, version).await?;
        outbox::one(&self.db, organisation, id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_four_times_longer_each_time() {
        let policy = RetryPolicy {
            first_retry: Duration::from_secs(60),
            attempts: 6,
            timeout: Duration::from_secs(30),
        };
        let waits: Vec<u64> = (1..=5).map(|a| policy.backoff(a).as_secs()).collect();
        assert_eq!(waits, [60, 240, 960, 3_840, 15_360]);
        assert!(policy.lease() > policy.attempt_budget());
    }

    #[test]
    fn message_ids_live_under_the_sender_domain() {
        let id = MessageId(uuid::Uuid::from_u128(7));
        assert!(message_id_header(id, Some("gites@lac.fr")).ends_with("@lac.fr>"));
        assert!(message_id_header(id, None).ends_with("@saison.invalid>"));
    }
}
