//! New drafts: from a booking (pre-filled from the quote it was sold at; the booking's existing
//! invoice is opened instead), blank, duplicated from another (today's date), or a credit note that
//! reverses an issued invoice.

use crate::domain::ids::{BookingId, InvoiceId};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The invoice of `booking`: the existing one, or a new draft made from it.
#[server(endpoint = "invoice_for_booking", input = Json)]
pub async fn invoice_for_booking(booking: BookingId) -> Result<InvoiceId, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            if let Some(existing) = services
                .invoices
                .of_booking(org, booking)
                .await
                .map_err(from_port)?
            {
                return Ok(existing);
            }
            let members = crate::api::members::booking_and_group(org, booking).await?;
            let draft = from_booking::draft(org, &members, booking).await?;
            services
                .invoices
                .create(org, &draft, chrono::Utc::now())
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// A blank draft in the manager's name.
#[server(endpoint = "blank_invoice", input = Json)]
pub async fn blank_invoice() -> Result<InvoiceId, AppError> {
    respond(
        async {
            use crate::domain::invoice::{InvoiceInput, InvoiceKind};
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let (settings, _) = services
                .invoices
                .billing_settings(org)
                .await
                .map_err(from_port)?;
            let (pricing, _) = services.pricing.settings(org).await.map_err(from_port)?;
            let issuer = services
                .invoices
                .issuer(org, None, &settings)
                .await
                .map_err(from_port)?;
            let draft = crate::ports::NewInvoice {
                kind: InvoiceKind::Invoice,
                issuer,
                booking: None,
                corrects: None,
                date: super::today(),
                input: InvoiceInput {
                    customer_name: String::new(),
                    customer_address: String::new(),
                    subject: String::new(),
                    title: settings.title,
                    wording: settings.wording,
                    vat_enabled: pricing.vat.enabled,
                    advance: crate::domain::money::Money::ZERO,
                    lines: Vec::new(),
                    lang: lang().code().into(),
                },
                mentions: settings.mentions,
            };
            services
                .invoices
                .create(org, &draft, chrono::Utc::now())
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// A copy of `id` as a new draft dated today (seed 004 "Dupliquer une facture"): same customer,
/// lines and issuer; no payment, no number.
#[server(endpoint = "duplicate_invoice", input = Json)]
pub async fn duplicate_invoice(id: InvoiceId) -> Result<InvoiceId, AppError> {
    respond(
        async {
            use crate::domain::invoice::InvoiceKind;
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let source = services.invoices.get(org, id).await.map_err(from_port)?;
            let draft = copy_of(&source, InvoiceKind::Invoice, None)?;
            services
                .invoices
                .create(org, &draft, chrono::Utc::now())
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// A draft credit note reversing the issued invoice `id` in full; lines may then be removed or
/// reduced for a partial credit. An existing draft credit note of that invoice is opened instead.
#[server(endpoint = "credit_note", input = Json)]
pub async fn credit_note(id: InvoiceId) -> Result<InvoiceId, AppError> {
    respond(
        async {
            use crate::domain::invoice::InvoiceKind;
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let source = services.invoices.get(org, id).await.map_err(from_port)?;
            if source.kind != InvoiceKind::Invoice || !source.is_issued() {
                return Err(AppError::new(
                    crate::error::ErrorKind::Conflict,
                    request_texts().invoices.credit_needs_issued,
                ));
            }
            if let Some((draft, _)) = source
                .credit_notes
                .iter()
                .find(|(_, number)| number.is_none())
            {
                return Ok(*draft);
            }
            let draft = copy_of(&source, InvoiceKind::CreditNote, Some(id))?;
            services
                .invoices
                .create(org, &draft, chrono::Utc::now())
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// A new draft of `kind` with `source`'s content, dated today.
#[cfg(feature = "ssr")]
fn copy_of(
    source: &crate::domain::invoice::Invoice,
    kind: crate::domain::invoice::InvoiceKind,
    corrects: Option<InvoiceId>,
) -> Result<crate::ports::NewInvoice, AppError> {
    let input = source
        .to_form()
        .validate()
        .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
    Ok(crate::ports::NewInvoice {
        kind,
        issuer: source.issuer.clone(),
        booking: source.booking,
        corrects,
        date: super::today(),
        input: crate::domain::invoice::InvoiceInput {
            advance: if corrects.is_some() {
                crate::domain::money::Money::ZERO
            } else {
                input.advance
            },
            ..input
        },
        mentions: source.mentions.clone(),
    })
}

#[cfg(feature = "ssr")]
mod from_booking {
    //! The draft of a booking (and the other bookings of its group).

    use crate::api::guard::{from_port, lang, services};
    use crate::domain::booking::Booking;
    use crate::domain::ids::{BookingId, OrganisationId};
    use crate::domain::invoice::{lines_of, InvoiceInput, InvoiceKind, InvoicedStay};
    use crate::domain::money::Money;
    use crate::error::AppError;
    use crate::ports::NewInvoice;

    pub async fn draft(
        org: OrganisationId,
        members: &[Booking],
        booking: BookingId,
    ) -> Result<NewInvoice, AppError> {
        let services = services()?;
        let (settings, _) = services
            .invoices
            .billing_settings(org)
            .await
            .map_err(from_port)?;
        let (pricing, _) = services.pricing.settings(org).await.map_err(from_port)?;
        let issuer = services
            .invoices
            .issuer(org, Some(booking), &settings)
            .await
            .map_err(from_port)?;
        let lang = lang();
        let t = crate::i18n::invoices::print::texts_of(lang.code());
        let day = |text: &str| crate::domain::field::date(text).unwrap_or_default();
        let stays: Vec<InvoicedStay<'_>> = members
            .iter()
            .map(|member| InvoicedStay {
                property: &member.property_name,
                arrival: day(&member.form.stay.arrival),
                departure: day(&member.form.stay.departure),
                quote: member.quote.as_ref(),
                price: member.price,
            })
            .collect();
        let lines = lines_of(&stays, &t.wording, &settings, pricing.vat.stay_rate);
        let first = &members[0];
        let advance = members
            .iter()
            .map(|m| {
                crate::domain::money::Money::parse_non_negative(&m.form.deposit)
                    .unwrap_or(Money::ZERO)
            })
            .sum();
        let properties: Vec<&str> = members.iter().map(|m| m.property_name.as_str()).collect();
        let show = |text: &str| day(text).format("%d/%m/%Y").to_string();
        Ok(NewInvoice {
            kind: InvoiceKind::Invoice,
            issuer,
            booking: Some(booking),
            corrects: None,
            date: super::super::today(),
            input: InvoiceInput {
                customer_name: first.form.customer.name.clone(),
                customer_address: first.form.customer.address.clone(),
                subject: (t.stay_subject)(
                    &show(&first.form.stay.arrival),
                    &show(&first.form.stay.departure),
                    &properties.join(", "),
                ),
                title: settings.title,
                wording: settings.wording,
                vat_enabled: pricing.vat.enabled,
                advance,
                lines,
                lang: lang.code().into(),
            },
            mentions: settings.mentions,
        })
    }
}
