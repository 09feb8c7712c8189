//! Composing an email about a booking: the draft is filled from the purpose's template with the
//! booking's values (in the language asked), the user edits it, then it goes through the outbox and
//! the first attempt's outcome comes back at once (seed 004: "Un message vous indique si le mail a
//! bien été envoyé").

use crate::domain::ids::BookingId;
use crate::domain::mail::{EmailDraft, OutboxMessage, TemplatePurpose};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The purposes a booking's email can be written from (contracts and invoices are sent with their
/// documents).
pub const BOOKING_PURPOSES: [TemplatePurpose; 2] = [
    TemplatePurpose::BookingConfirmed,
    TemplatePurpose::BookingRequestReceived,
];

/// The value of each placeholder for `booking`.
#[cfg(feature = "ssr")]
pub(crate) fn booking_values(
    booking: &crate::domain::booking::Booking,
    organisation: &str,
    lang: Lang,
) -> impl Fn(crate::domain::mail::Placeholder) -> String {
    use crate::domain::mail::Placeholder;
    let day = |text: &str| crate::domain::field::date(text).ok();
    let arrival = day(&booking.form.stay.arrival);
    let departure = day(&booking.form.stay.departure);
    let nights = arrival
        .zip(departure)
        .map(|(a, d)| (d - a).num_days().to_string())
        .unwrap_or_default();
    let show = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default()
    };
    let (arrival, departure) = (show(arrival), show(departure));
    let guest = booking.form.customer.name.clone();
    let property = booking.property_name.clone();
    let amount = crate::i18n::texts(lang).money(booking.group_price);
    let organisation = organisation.to_string();
    move |placeholder| match placeholder {
        Placeholder::Guest => guest.clone(),
        Placeholder::Property => property.clone(),
        Placeholder::Arrival => arrival.clone(),
        Placeholder::Departure => departure.clone(),
        Placeholder::Nights => nights.clone(),
        Placeholder::Amount => amount.clone(),
        Placeholder::Organisation => organisation.clone(),
        Placeholder::Number | Placeholder::Link | Placeholder::Owner | Placeholder::Period => {
            String::new()
        }
    }
}

/// A draft about `booking` from the `purpose` template in `lang`, addressed to the guest.
#[server(endpoint = "booking_email_draft", input = Json)]
pub async fn booking_email_draft(
    booking: BookingId,
    purpose: TemplatePurpose,
    lang: Lang,
) -> Result<EmailDraft, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            if !BOOKING_PURPOSES.contains(&purpose) {
                return Err(AppError::invalid(
                    request_texts(),
                    &vec![(
                        "purpose".into(),
                        crate::domain::field::FieldError::InvalidChoice,
                    )],
                ));
            }
            let services = services()?;
            let booking = services
                .bookings
                .get(user.organisation_id, booking)
                .await
                .map_err(from_port)?;
            let template = super::template_in_use(user.organisation_id, purpose, lang).await?;
            let filled =
                template
                    .template
                    .render(&booking_values(&booking, &user.organisation_name, lang));
            let copy_to = crate::api::mail::copy_address(user.organisation_id).await?;
            Ok(EmailDraft {
                purpose: Some(purpose),
                recipients: booking.form.customer.emails.clone(),
                subject: filled.subject,
                body: filled.body,
                copy_to,
            })
        }
        .await,
    )
}

/// Writes the edited draft to the outbox, attempts it at once, and answers where it stands.
#[server(endpoint = "send_email", input = Json)]
pub async fn send_email(draft: EmailDraft) -> Result<OutboxMessage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let message = draft
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            super::send_through_outbox(user.organisation_id, message).await
        }
        .await,
    )
}
