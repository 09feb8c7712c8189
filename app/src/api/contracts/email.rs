//! The contract's PDF (for the download route and emails) and sending it by email from the
//! "Contrat" template.

use crate::domain::ids::BookingId;
use crate::domain::mail::{EmailDraft, OutboxMessage};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The PDF of the contract of `booking` rendered through `services`, with its file name
/// ("Contrat Marie Durand 2027-05-07.pdf"). `NotFound` when no contract was written yet.
#[cfg(feature = "ssr")]
pub async fn render_contract(
    services: &crate::ports::Services,
    organisation: crate::domain::ids::OrganisationId,
    booking: BookingId,
) -> crate::ports::PortResult<(String, Vec<u8>)> {
    use crate::domain::contract::{ContractPrint, PrintBlock};
    use crate::ports::{ImageKind, PortError};
    let contract = services
        .contracts
        .contract_of(organisation, booking)
        .await?
        .ok_or(PortError::NotFound)?;
    let settings = services
        .contracts
        .settings(organisation)
        .await?
        .map(|(s, _)| s);
    let (logo_wanted, sign_general) = settings.as_ref().map_or((true, false), |s| {
        (s.logo_on_contracts, s.sign_general_conditions)
    });
    let logo = if logo_wanted {
        services
            .contracts
            .image(organisation, ImageKind::Logo)
            .await?
    } else {
        None
    };
    let signature = services
        .contracts
        .image(organisation, ImageKind::Signature)
        .await?;
    let t = crate::i18n::contracts::texts_of(&contract.lang);
    let booking = services
        .bookings
        .get(organisation, contract.booking)
        .await?;
    let print = ContractPrint {
        lang: contract.lang.clone(),
        title: t.title.into(),
        logo: logo.is_some(),
        blocks: contract
            .blocks
            .iter()
            .map(|b| PrintBlock {
                heading: b.heading.clone(),
                text: b.text.clone(),
                signature_after: signature.is_some()
                    && (b.key == "signatures" || (sign_general && b.key == "general")),
            })
            .collect(),
        footer: format!("{} — {}", t.title, booking.form.customer.name.trim()),
    };
    let pdf = services
        .documents
        .contract_pdf(&print, logo, signature)
        .await?;
    let name = format!(
        "{} {} {}",
        t.page_title,
        booking.form.customer.name.trim(),
        booking.form.stay.arrival
    );
    Ok((format!("{}.pdf", name.trim()), pdf))
}

/// A draft about the contract of `booking` from the "Contrat" template in `lang`.
#[server(endpoint = "contract_email_draft", input = Json)]
pub async fn contract_email_draft(booking: BookingId, lang: Lang) -> Result<EmailDraft, AppError> {
    respond(
        async {
            use crate::domain::mail::TemplatePurpose;
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let opened = services
                .bookings
                .get(org, booking)
                .await
                .map_err(from_port)?;
            let purpose = TemplatePurpose::Contract;
            let template = crate::api::mail::template_in_use(org, purpose, lang).await?;
            let values =
                crate::api::mail::compose::booking_values(&opened, &user.organisation_name, lang);
            let filled = template.template.render(&values);
            let copy_to = crate::api::mail::copy_address(org).await?;
            Ok(EmailDraft {
                purpose: Some(purpose),
                recipients: opened.form.customer.emails,
                subject: filled.subject,
                body: filled.body,
                copy_to,
            })
        }
        .await,
    )
}

/// Writes the edited draft to the outbox with the contract's PDF attached, attempts it at once
/// and answers where it stands.
#[server(endpoint = "send_contract_email", input = Json)]
pub async fn send_contract_email(
    booking: BookingId,
    draft: EmailDraft,
) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let pdf = render_contract(&services()?, user.organisation_id, booking)
                .await
                .map_err(from_port)?;
            crate::api::mail::send_with_pdf(user.organisation_id, draft, pdf).await
        }
        .await,
    )
}
