//! "Paramètres › Messagerie": the SMTP server, the sender, and a test email that reports the
//! server's answer. Admins only: the settings hold the SMTP password.

use crate::domain::mail::{MailSettingsInput, OutboxMessage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The sending settings (never with the password).
#[server(endpoint = "mail_settings", input = Json)]
pub async fn mail_settings() -> Result<MailSettingsInput, AppError> {
    respond(
        async {
            let user = require(Role::can_configure_mail).await?;
            services()?
                .mail
                .settings(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Saves the sending settings edited from `form.version`; an empty password keeps the stored one.
#[server(endpoint = "save_mail_settings", input = Json)]
pub async fn save_mail_settings(form: MailSettingsInput) -> Result<MailSettingsInput, AppError> {
    respond(
        async {
            let user = require(Role::can_configure_mail).await?;
            let settings = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let password = Some(form.password.as_str()).filter(|p| !p.is_empty());
            services()?
                .mail
                .save_settings(
                    user.organisation_id,
                    &settings,
                    password,
                    form.version,
                    chrono::Utc::now(),
                )
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Writes a short test message to `to` through the outbox, attempts it at once with the saved
/// settings, and answers where it stands (sent, held, or the server's refusal).
#[server(endpoint = "send_test_email", input = Json)]
pub async fn send_test_email(to: String) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            use crate::domain::field::collect;
            use crate::domain::mail::{OutgoingMessage, Recipients};
            let user = require(Role::can_configure_mail).await?;
            let t = request_texts();
            let mut errors = Vec::new();
            let recipients = collect(&mut errors, "to", Recipients::parse(&to))
                .ok_or_else(|| AppError::invalid(t, &errors))?;
            let message = OutgoingMessage {
                purpose: None,
                recipients,
                subject: t.mail.test_subject.to_string(),
                body: (t.mail.test_body)(&user.organisation_name),
                attachments: Vec::new(),
            };
            super::send_through_outbox(user.organisation_id, message).await
        }
        .await,
    )
}
