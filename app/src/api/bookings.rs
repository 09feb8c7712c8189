//! Booking server functions (SPEC C3–C4): the planning's data, one booking, the live-quote context
//! of a property, save (the server re-prices and is the authority), delete, and the guest search.

use crate::domain::booking::{Booking, BookingForm, CustomerSummary, PlanningData, SavedBooking};
use crate::domain::ids::{BookingId, PropertyId};
use crate::domain::pricing::{PricedProperty, PricingSettings};
use crate::domain::rates::ChargeOption;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Most customers one search answers.
pub const CUSTOMER_SEARCH_LIMIT: i64 = 20;

/// What the booking form needs to quote a property's stays in the browser, as the server will.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuotingContext {
    /// The property with its tariff and taxes.
    pub property: PricedProperty,
    /// Minimum stay, duration discounts, VAT, manual discount allowed.
    pub settings: PricingSettings,
    /// The predefined options a booking may take.
    pub options: Vec<ChargeOption>,
}

/// The planning between `from` (included) and `to` (excluded), at most 400 days.
#[server(endpoint = "planning", input = Json)]
pub async fn planning(from: NaiveDate, to: NaiveDate) -> Result<PlanningData, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            let window =
                crate::domain::booking::PlanningWindow::new(from, to).ok_or_else(|| {
                    AppError::bad_request(
                        request_texts(),
                        &vec![(
                            "to".into(),
                            crate::domain::field::FieldError::OutOfRange {
                                min: 1,
                                max: crate::domain::booking::planning::MAX_WINDOW_DAYS,
                            },
                        )],
                    )
                })?;
            services()?
                .bookings
                .planning(user.organisation_id, window)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// One booking, for its edit form.
#[server(endpoint = "get_booking", input = Json)]
pub async fn get_booking(id: BookingId) -> Result<Booking, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .bookings
                .get(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// The pricing of `property`, for the booking form's live quote.
#[server(endpoint = "booking_context", input = Json)]
pub async fn booking_context(property: PropertyId) -> Result<QuotingContext, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            let pricing = services()?.pricing;
            let organisation = user.organisation_id;
            Ok(QuotingContext {
                property: pricing
                    .priced_property(organisation, property)
                    .await
                    .map_err(from_port)?,
                settings: pricing.settings(organisation).await.map_err(from_port)?.0,
                options: pricing
                    .list_options(organisation)
                    .await
                    .map_err(from_port)?,
            })
        }
        .await,
    )
}

/// Saves a booking: a new one when `id` is `None`, else the booking `id` edited from `version`
/// (a conflict if someone saved it in between). The server prices the stay itself — each property of
/// a grouped booking with its own rates; a stay the rules refuse is saved only when the form forces
/// it, and that is recorded.
#[server(endpoint = "save_booking", input = Json)]
pub async fn save_booking(
    id: Option<BookingId>,
    version: i64,
    form: BookingForm,
) -> Result<SavedBooking, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let texts = request_texts();
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(texts, &fields))?;
            let (quotes, refusals) = price_booking(user.organisation_id, &input).await?;
            if !refusals.is_empty() && !input.force {
                return Err(AppError::refused_stay(texts, &refusals));
            }
            let bookings = services()?.bookings;
            let now = chrono::Utc::now();
            match id {
                None => {
                    bookings
                        .create(user.organisation_id, &input, &quotes, now)
                        .await
                }
                Some(id) => {
                    bookings
                        .update(user.organisation_id, id, version, &input, &quotes, now)
                        .await
                }
            }
            .map_err(from_port)
        }
        .await,
    )
}

/// The server's prices of a booking and of the other properties of its group, and why the rules
/// refuse any of them (a member's reasons name its property).
#[cfg(feature = "ssr")]
async fn price_booking(
    organisation: crate::domain::ids::OrganisationId,
    input: &crate::domain::booking::BookingInput,
) -> Result<(crate::domain::booking::BookingQuotes, Vec<String>), AppError> {
    use crate::api::quote::{price_stay, PriceFailure};
    use crate::domain::field::FieldError;
    let texts = request_texts();
    let stays = std::iter::once(("property", input.property, &input.request, &input.options))
        .chain(
            input
                .group
                .members
                .iter()
                .map(|member| ("group", member.property, &member.request, &member.options)),
        );
    let mut quotes = Vec::new();
    let mut refusals = Vec::new();
    for (field_name, property, request, options) in stays {
        let field =
            |error: FieldError| AppError::invalid(texts, &vec![(field_name.to_owned(), error)]);
        let (quote, name) = match price_stay(organisation, property, request.clone(), options).await
        {
            Ok(priced) => priced,
            Err(PriceFailure::Port(crate::ports::PortError::NotFound)) => {
                return Err(field(FieldError::UnknownChoice))
            }
            Err(PriceFailure::Port(error)) => return Err(from_port(error)),
            Err(PriceFailure::UnknownOption) => {
                return Err(AppError::invalid(
                    texts,
                    &vec![("options".to_owned(), FieldError::UnknownChoice)],
                ))
            }
            Err(PriceFailure::Engine(error)) => {
                return Err(AppError::new(
                    crate::error::ErrorKind::Invalid,
                    (texts.rates.quote_error)(&error),
                ))
            }
        };
        let grouped = !quotes.is_empty() || !input.group.members.is_empty();
        refusals.extend(quote.refusals.iter().map(|refusal| {
            let reason = (texts.rates.refusal)(refusal);
            if grouped {
                (texts.bookings.member_refusal)(&name, &reason)
            } else {
                reason
            }
        }));
        quotes.push(quote);
    }
    let mut quotes = quotes.into_iter();
    let main = quotes
        .next()
        .ok_or_else(|| AppError::new(crate::error::ErrorKind::Internal, texts.err_internal))?;
    Ok((
        crate::domain::booking::BookingQuotes {
            main,
            members: quotes.collect(),
        },
        refusals,
    ))
}

/// Deletes a booking still at `version`.
#[server(endpoint = "delete_booking", input = Json)]
pub async fn delete_booking(id: BookingId, version: i64) -> Result<(), AppError> {
    delete_bookings(vec![(id, version)]).await
}

/// Deletes bookings each still at its version, all or none (undoing the creation of a group).
#[server(endpoint = "delete_bookings", input = Json)]
pub async fn delete_bookings(bookings: Vec<(BookingId, i64)>) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            if bookings.len() > crate::domain::booking::MAX_GROUP {
                return Err(AppError::bad_request(
                    request_texts(),
                    &vec![(
                        "bookings".into(),
                        crate::domain::field::FieldError::OutOfRange {
                            min: 1,
                            max: crate::domain::booking::MAX_GROUP as i64,
                        },
                    )],
                ));
            }
            services()?
                .bookings
                .delete(user.organisation_id, &bookings)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Customers whose name, email or phone contains `search`.
#[server(endpoint = "search_customers", input = Json)]
pub async fn search_customers(search: String) -> Result<Vec<CustomerSummary>, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            let search: String = search.chars().take(100).collect();
            services()?
                .bookings
                .customers(user.organisation_id, &search, CUSTOMER_SEARCH_LIMIT)
                .await
                .map_err(from_port)
        }
        .await,
    )
}
