//! Sending an invoice by email with its PDF attached (seed 004 "Envoi par email des contrats et des
//! factures"): the draft comes from the "Facture" template; the PDF is rendered when the message is
//! written to the outbox, so what the guest receives is the document as it stands.

use crate::domain::ids::InvoiceId;
use crate::domain::mail::{EmailDraft, OutboxMessage};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// A draft about invoice `id` from the invoice template in `lang`, addressed to the guest of its
/// booking when there is one.
#[server(endpoint = "invoice_email_draft", input = Json)]
pub async fn invoice_email_draft(id: InvoiceId, lang: Lang) -> Result<EmailDraft, AppError> {
    respond(
        async {
            use crate::domain::mail::{Placeholder, TemplatePurpose};
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let invoice = services.invoices.get(org, id).await.map_err(from_port)?;
            let booking = match invoice.booking {
                Some(booking) => services.bookings.get(org, booking).await.ok(),
                None => None,
            };
            let purpose = TemplatePurpose::Invoice;
            let template = crate::api::mail::template_in_use(org, purpose, lang).await?;
            let amount = crate::i18n::texts(lang).money(invoice.totals().total);
            let number = invoice.number.clone().unwrap_or_default();
            let guest = invoice.customer_name.clone();
            let organisation = user.organisation_name.clone();
            let from_booking = booking.as_ref().map(|b| {
                crate::api::mail::compose::booking_values(b, &user.organisation_name, lang)
            });
            let filled = template.template.render(&|placeholder| match placeholder {
                Placeholder::Amount => amount.clone(),
                Placeholder::Number => number.clone(),
                Placeholder::Guest => guest.clone(),
                Placeholder::Organisation => organisation.clone(),
                other => from_booking.as_ref().map(|f| f(other)).unwrap_or_default(),
            });
            let copy_to = crate::api::mail::copy_address(org).await?;
            Ok(EmailDraft {
                purpose: Some(purpose),
                recipients: booking.map(|b| b.form.customer.emails).unwrap_or_default(),
                subject: filled.subject,
                body: filled.body,
                copy_to,
            })
        }
        .await,
    )
}

/// Writes the edited draft to the outbox with the invoice's PDF attached, attempts it at once and
/// answers where it stands.
#[server(endpoint = "send_invoice_email", input = Json)]
pub async fn send_invoice_email(
    id: InvoiceId,
    draft: EmailDraft,
) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let pdf = invoice_pdf(user.organisation_id, id).await?;
            crate::api::mail::send_with_pdf(user.organisation_id, draft, pdf).await
        }
        .await,
    )
}

/// The PDF of invoice `id` of `organisation`, with its file name ("Facture 2026-0001.pdf").
#[cfg(feature = "ssr")]
async fn invoice_pdf(
    organisation: crate::domain::ids::OrganisationId,
    id: InvoiceId,
) -> Result<(String, Vec<u8>), AppError> {
    render_invoice(&services()?, organisation, id)
        .await
        .map_err(from_port)
}

/// The PDF of invoice `id` of `organisation` rendered through `services`, with its file name
/// ("Facture 2026-0001.pdf"); also used by the download route.
#[cfg(feature = "ssr")]
pub async fn render_invoice(
    services: &crate::ports::Services,
    organisation: crate::domain::ids::OrganisationId,
    id: InvoiceId,
) -> crate::ports::PortResult<(String, Vec<u8>)> {
    use crate::i18n::invoices::print::{print_invoice, printed_title, texts_of};
    let invoice = services.invoices.get(organisation, id).await?;
    let logo_wanted = services
        .contracts
        .settings(organisation)
        .await?
        .is_none_or(|(settings, _)| settings.logo_on_invoices);
    let logo = if logo_wanted {
        services
            .contracts
            .image(organisation, crate::ports::ImageKind::Logo)
            .await?
    } else {
        None
    };
    let pdf = services
        .documents
        .invoice_pdf(&print_invoice(&invoice), logo)
        .await?;
    let t = texts_of(&invoice.lang);
    let name = (t.file_name)(printed_title(&invoice), invoice.number.as_deref());
    Ok((format!("{name}.pdf"), pdf))
}
