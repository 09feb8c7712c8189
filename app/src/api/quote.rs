//! The authoritative quote: `GET /api/quote?property=…&arrival=2027-05-07&departure=2027-05-10&adults=2`
//! (also `children`, `others`, `discount`, `forfait`, `platform`, `options=id:qty,…`). The same
//! server function is the browser's and the plain JSON endpoint's: both get the same [`Quote`].
//! Invalid parameters answer 400 with a French (or English) message naming each one.

// One argument per URL parameter: that is what makes `GET /api/quote?…` a plain, documented URL.
#![allow(clippy::too_many_arguments)]

use crate::domain::pricing::Quote;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Prices a stay of one of the organisation's properties with its current rates.
#[server(endpoint = "quote", input = GetUrl)]
pub async fn quote_stay(
    property: Option<String>,
    arrival: Option<String>,
    departure: Option<String>,
    adults: Option<String>,
    children: Option<String>,
    others: Option<String>,
    discount: Option<String>,
    forfait: Option<String>,
    platform: Option<String>,
    options: Option<String>,
) -> Result<Quote, AppError> {
    use crate::domain::field::FieldError;
    use crate::domain::rates::QuoteQuery;
    use crate::error::ErrorKind;
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            let texts = request_texts();
            let query = QuoteQuery {
                property: property.unwrap_or_default(),
                arrival: arrival.unwrap_or_default(),
                departure: departure.unwrap_or_default(),
                adults: adults.unwrap_or_default(),
                children: children.unwrap_or_default(),
                others: others.unwrap_or_default(),
                discount: discount.unwrap_or_default(),
                forfait: forfait.unwrap_or_default(),
                platform: platform.unwrap_or_default(),
                options: options.unwrap_or_default(),
            };
            let valid = query
                .validate()
                .map_err(|fields| AppError::bad_request(texts, &fields))?;
            match price_stay(
                user.organisation_id,
                valid.property,
                valid.request,
                &valid.options,
            )
            .await
            {
                Ok((quote, _)) => Ok(quote),
                Err(PriceFailure::Port(error)) => Err(from_port(error)),
                Err(PriceFailure::UnknownOption) => Err(AppError::bad_request(
                    texts,
                    &vec![("options".into(), FieldError::UnknownChoice)],
                )),
                Err(PriceFailure::Engine(error)) => Err(AppError::new(
                    ErrorKind::BadRequest,
                    (texts.rates.quote_error)(&error),
                )),
            }
        }
        .await,
    )
}

/// Why [`price_stay`] could not price.
#[cfg(feature = "ssr")]
pub(crate) enum PriceFailure {
    /// The property is not the organisation's, or the storage failed.
    Port(crate::ports::PortError),
    /// An option id is not in the organisation's catalogue.
    UnknownOption,
    /// The engine cannot price this input.
    Engine(crate::domain::pricing::QuoteError),
}

/// Prices `request` for one of the organisation's properties with its current rates, settings and
/// catalogue: the server's authoritative quote, for the endpoint and for every booking saved, with the
/// property's name (for messages).
#[cfg(feature = "ssr")]
pub(crate) async fn price_stay(
    organisation: crate::domain::ids::OrganisationId,
    property: crate::domain::ids::PropertyId,
    mut request: crate::domain::pricing::QuoteRequest,
    options: &[(crate::domain::ids::ChargeOptionId, u32)],
) -> Result<(Quote, String), PriceFailure> {
    let pricing = services()
        .map_err(|e| PriceFailure::Port(crate::ports::PortError::Internal(e.message)))?
        .pricing;
    let priced = pricing
        .priced_property(organisation, property)
        .await
        .map_err(PriceFailure::Port)?;
    let (settings, _) = pricing
        .settings(organisation)
        .await
        .map_err(PriceFailure::Port)?;
    if !options.is_empty() {
        let catalogue = pricing
            .list_options(organisation)
            .await
            .map_err(PriceFailure::Port)?;
        request.options = crate::domain::rates::choose_options(&catalogue, options)
            .map_err(|_| PriceFailure::UnknownOption)?;
    }
    let quote = crate::domain::pricing::quote(&priced, &settings, &request)
        .map_err(PriceFailure::Engine)?;
    Ok((quote, priced.name))
}
