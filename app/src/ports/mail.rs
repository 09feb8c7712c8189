//! The email port: sending settings, templates and the outbox.

use super::PortResult;
use crate::domain::ids::{MessageId, OrganisationId};
use crate::domain::mail::{
    MailSettings, MailSettingsInput, OutboxMessage, OutboxPage, OutgoingMessage, StoredTemplate,
    Template, TemplatePurpose,
};
use crate::i18n::Lang;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Email: the organisation's sending settings and templates, and the outbox. Every message is
/// written to the outbox before any network attempt; a worker sends what is due, and
/// [`Mailer::send_now`] makes the first attempt while the user waits for its outcome.
#[async_trait]
pub trait Mailer: Send + Sync {
    /// The sending settings as a form (never with the password).
    async fn settings(&self, organisation: OrganisationId) -> PortResult<MailSettingsInput>;
    /// Replaces the settings if their version is still `version`. `new_password`: `Some` replaces
    /// the stored one, `None` keeps it; a server without a login forgets it.
    async fn save_settings(
        &self,
        organisation: OrganisationId,
        settings: &MailSettings,
        new_password: Option<&str>,
        version: i64,
        now: DateTime<Utc>,
    ) -> PortResult<MailSettingsInput>;
    /// The organisation's own templates in `lang` (purposes left at the default are absent).
    async fn templates(
        &self,
        organisation: OrganisationId,
        lang: Lang,
    ) -> PortResult<Vec<(TemplatePurpose, StoredTemplate)>>;
    /// Stores the organisation's version of a template; `version` 0 means "was the default".
    async fn save_template(
        &self,
        organisation: OrganisationId,
        purpose: TemplatePurpose,
        lang: Lang,
        template: &Template,
        version: i64,
        now: DateTime<Utc>,
    ) -> PortResult<StoredTemplate>;
    /// Goes back to the default template, if the stored one is still at `version`.
    async fn reset_template(
        &self,
        organisation: OrganisationId,
        purpose: TemplatePurpose,
        lang: Lang,
        version: i64,
    ) -> PortResult<()>;
    /// Writes a message to the outbox (held when no SMTP server is configured) and wakes the worker.
    async fn enqueue(
        &self,
        organisation: OrganisationId,
        message: OutgoingMessage,
        now: DateTime<Utc>,
    ) -> PortResult<MessageId>;
    /// Attempts to send a message now and returns where it stands afterwards (sent, pending a
    /// retry with the reason, failed, or held).
    async fn send_now(
        &self,
        organisation: OrganisationId,
        id: MessageId,
    ) -> PortResult<OutboxMessage>;
    /// The outbox, newest first.
    async fn outbox(
        &self,
        organisation: OrganisationId,
        offset: i64,
        limit: i64,
    ) -> PortResult<OutboxPage>;
    /// Puts a held, pending or failed message back in line for an attempt now, if its version is
    /// still `version`.
    async fn retry(
        &self,
        organisation: OrganisationId,
        id: MessageId,
        version: i64,
        now: DateTime<Utc>,
    ) -> PortResult<OutboxMessage>;
    /// Cancels a message that has not left, if its version is still `version`.
    async fn cancel(
        &self,
        organisation: OrganisationId,
        id: MessageId,
        version: i64,
    ) -> PortResult<OutboxMessage>;
}
