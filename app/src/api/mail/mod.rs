//! Email server functions (SPEC C8): the sending settings and their test, the templates, the outbox,
//! and composing a message. Changing the SMTP server needs an admin; the rest, a role that manages
//! bookings (admin, manager).

pub mod compose;
pub mod outbox;
pub mod settings;
pub mod templates;

/// The template in use for `purpose` in `lang`: the organisation's own, or the default.
#[cfg(feature = "ssr")]
pub(crate) async fn template_in_use(
    organisation: crate::domain::ids::OrganisationId,
    purpose: crate::domain::mail::TemplatePurpose,
    lang: crate::i18n::Lang,
) -> Result<crate::domain::mail::TemplateSetting, crate::error::AppError> {
    templates::every_setting(organisation, lang)
        .await?
        .into_iter()
        .find(|s| s.purpose == purpose)
        .ok_or_else(|| crate::api::guard::internal("a purpose without a template"))
}

/// Writes `message` to the outbox, makes the first attempt at once and answers where it stands.
#[cfg(feature = "ssr")]
pub(crate) async fn send_through_outbox(
    organisation: crate::domain::ids::OrganisationId,
    message: crate::domain::mail::OutgoingMessage,
) -> Result<crate::domain::mail::OutboxMessage, crate::error::AppError> {
    use crate::api::guard::{from_port, services};
    let mail = services()?.mail;
    let id = mail
        .enqueue(organisation, message, chrono::Utc::now())
        .await
        .map_err(from_port)?;
    mail.send_now(organisation, id).await.map_err(from_port)
}

/// The address the organisation's messages are copied to, if it asked for a copy.
#[cfg(feature = "ssr")]
pub(crate) async fn copy_address(
    organisation: crate::domain::ids::OrganisationId,
) -> Result<Option<String>, crate::error::AppError> {
    use crate::api::guard::{from_port, services};
    let settings = services()?
        .mail
        .settings(organisation)
        .await
        .map_err(from_port)?;
    Ok(
        (settings.copy_to_sender && !settings.sender_address.is_empty())
            .then_some(settings.sender_address),
    )
}

/// Checks the edited `draft`, attaches the PDF `(name, bytes)`, writes it to the outbox, makes the
/// first attempt and answers where it stands.
#[cfg(feature = "ssr")]
pub(crate) async fn send_with_pdf(
    organisation: crate::domain::ids::OrganisationId,
    draft: crate::domain::mail::EmailDraft,
    (name, pdf): (String, Vec<u8>),
) -> Result<crate::domain::mail::OutboxMessage, crate::error::AppError> {
    use crate::api::guard::request_texts;
    let mut message = draft
        .validate()
        .map_err(|fields| crate::error::AppError::invalid(request_texts(), &fields))?;
    message.attachments.push(crate::domain::mail::Attachment {
        name,
        content_type: "application/pdf".into(),
        content: pdf,
    });
    send_through_outbox(organisation, message).await
}
