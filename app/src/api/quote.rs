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
    use crate::domain::pricing::{quote, ChosenOption};
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
            let pricing = services()?.pricing;
            let property = pricing
                .priced_property(user.organisation_id, valid.property)
                .await
                .map_err(from_port)?;
            let (settings, _) = pricing
                .settings(user.organisation_id)
                .await
                .map_err(from_port)?;
            let mut request = valid.request;
            if !valid.options.is_empty() {
                let catalogue = pricing
                    .list_options(user.organisation_id)
                    .await
                    .map_err(from_port)?;
                for (id, quantity) in valid.options {
                    let option = catalogue.iter().find(|o| o.id == id).ok_or_else(|| {
                        AppError::bad_request(
                            texts,
                            &vec![(
                                "options".into(),
                                crate::domain::field::FieldError::UnknownChoice,
                            )],
                        )
                    })?;
                    request.options.push(ChosenOption {
                        charge: option.charge.clone(),
                        quantity,
                    });
                }
            }
            quote(&property, &settings, &request).map_err(|error| {
                AppError::new(ErrorKind::BadRequest, (texts.rates.quote_error)(&error))
            })
        }
        .await,
    )
}
