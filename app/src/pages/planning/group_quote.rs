//! Quoting a grouped booking in the browser: each property of the group with its own rates (one
//! [`QuotingContext`] per property, fetched once), the group's price being the sum — what the server
//! will compute on save.

use super::booking_panel::live_quote;
use crate::api::bookings::{booking_context, QuotingContext};
use crate::domain::booking::group::member_form;
use crate::domain::booking::BookingForm;
use crate::domain::ids::PropertyId;
use crate::domain::money::Money;
use crate::domain::pricing::Quote;
use crate::error::AppError;

/// The pricing contexts of some properties.
pub type Contexts = Vec<(PropertyId, QuotingContext)>;

/// The properties ticked in the group of `form` (none when it is not grouped).
pub fn group_properties(form: &BookingForm) -> Vec<PropertyId> {
    if !form.grouped {
        return Vec::new();
    }
    let mut properties: Vec<PropertyId> = form
        .group
        .iter()
        .filter(|line| line.included)
        .filter_map(|line| line.property.parse().ok())
        .collect();
    properties.sort();
    properties.dedup();
    properties
}

/// Fetches the pricing context of each of `properties`.
pub async fn load_contexts(properties: Vec<PropertyId>) -> Result<Contexts, AppError> {
    let mut contexts = Vec::with_capacity(properties.len());
    for property in properties {
        contexts.push((property, booking_context(property).await?));
    }
    Ok(contexts)
}

/// The quote of the group's property `property`, as typed in `form`.
pub fn member_quote(form: &BookingForm, property: &str, contexts: &Contexts) -> Option<Quote> {
    let line = form
        .group
        .iter()
        .find(|line| line.included && line.property == property)?;
    let id: PropertyId = property.parse().ok()?;
    let context = contexts.iter().find(|(p, _)| *p == id).map(|(_, c)| c)?;
    live_quote(&member_form(form, line), context)
}

/// The price of the whole group: `main` (the booking opened) plus every property ticked; `None` while
/// one of them cannot be priced.
pub fn group_total(form: &BookingForm, main: &Quote, contexts: &Contexts) -> Option<Money> {
    form.group
        .iter()
        .filter(|line| line.included)
        .try_fold(main.totals.total, |sum, line| {
            member_quote(form, &line.property, contexts).map(|quote| sum + quote.totals.total)
        })
}
