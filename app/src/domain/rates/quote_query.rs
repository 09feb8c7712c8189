//! The parameters of a quote as they arrive in a URL (`GET /api/quote?property=…&arrival=…`) or from
//! the "try a stay" panel: all text, validated into a [`QuoteRequest`] without its options, which
//! the server resolves from the organisation's catalogue.

use crate::domain::field::{collect, date, whole_number, FieldError, FieldErrors};
use crate::domain::ids::{ChargeOptionId, PropertyId};
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::{Guests, QuoteRequest, MAX_NIGHTS};
use crate::domain::property::MAX_CAPACITY;
use crate::domain::stay::Stay;
use serde::{Deserialize, Serialize};

/// A quote asked for, as text. Empty guest counts mean 0; `options` is `id:quantity,id:quantity`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteQuery {
    /// Property id.
    pub property: String,
    /// Arrival date.
    pub arrival: String,
    /// Departure date.
    pub departure: String,
    /// Adults.
    pub adults: String,
    /// Children.
    pub children: String,
    /// Others.
    pub others: String,
    /// Manual discount, %.
    pub discount: String,
    /// Forfait replacing the stay price.
    pub forfait: String,
    /// "1"/"true" when the platform collects the tourist tax.
    pub platform: String,
    /// Chosen options.
    pub options: String,
}

/// A validated quote query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidQuoteQuery {
    /// The property.
    pub property: PropertyId,
    /// The request, with no options yet.
    pub request: QuoteRequest,
    /// Options by id, with quantities.
    pub options: Vec<(ChargeOptionId, u32)>,
}

fn count(raw: &str) -> Result<u16, FieldError> {
    if raw.trim().is_empty() {
        return Ok(0);
    }
    whole_number(raw, 0, MAX_CAPACITY).map(|n| u16::try_from(n).unwrap_or(0))
}

fn flag(raw: &str) -> Result<bool, FieldError> {
    match raw.trim() {
        "" | "0" | "false" | "non" => Ok(false),
        "1" | "true" | "oui" | "on" => Ok(true),
        _ => Err(FieldError::InvalidChoice),
    }
}

fn options(raw: &str) -> Result<Vec<(ChargeOptionId, u32)>, FieldError> {
    raw.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (id, quantity) = part.split_once(':').unwrap_or((part, "1"));
            let id = id.trim().parse().map_err(|_| FieldError::UnknownChoice)?;
            let quantity = whole_number(quantity, 0, 999)?;
            Ok((id, u32::try_from(quantity).unwrap_or(0)))
        })
        .collect()
}

impl QuoteQuery {
    /// Checks every parameter at once.
    pub fn validate(&self) -> Result<ValidQuoteQuery, FieldErrors> {
        let mut errors = FieldErrors::new();
        let property = collect(
            &mut errors,
            "property",
            if self.property.trim().is_empty() {
                Err(FieldError::Required)
            } else {
                self.property
                    .trim()
                    .parse::<PropertyId>()
                    .map_err(|_| FieldError::UnknownChoice)
            },
        );
        let stay = self.validate_stay();
        let options = collect(&mut errors, "options", options(&self.options));
        if let Err(stay_errors) = &stay {
            errors.extend(stay_errors.iter().cloned());
        }
        match (property, stay, options) {
            (Some(property), Ok(request), Some(options)) if errors.is_empty() => {
                Ok(ValidQuoteQuery {
                    property,
                    request,
                    options,
                })
            }
            _ => Err(errors),
        }
    }

    /// Checks the stay's parameters (everything but the property and the options): the request
    /// the "try a stay" panel prices in the browser.
    pub fn validate_stay(&self) -> Result<QuoteRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let arrival = collect(&mut errors, "arrival", date(&self.arrival));
        let departure = collect(&mut errors, "departure", date(&self.departure));
        let stay = match (arrival, departure) {
            (Some(arrival), Some(departure)) => match Stay::new(arrival, departure) {
                Ok(stay) if stay.nights() > MAX_NIGHTS => {
                    errors.push((
                        "departure".into(),
                        FieldError::OutOfRange {
                            min: 1,
                            max: MAX_NIGHTS,
                        },
                    ));
                    None
                }
                Ok(stay) => Some(stay),
                Err(_) => {
                    errors.push(("departure".into(), FieldError::EndBeforeStart));
                    None
                }
            },
            _ => None,
        };
        let adults = collect(&mut errors, "adults", count(&self.adults));
        let children = collect(&mut errors, "children", count(&self.children));
        let others = collect(&mut errors, "others", count(&self.others));
        let discount = collect(
            &mut errors,
            "discount",
            if self.discount.trim().is_empty() {
                Ok(Percent::ZERO)
            } else {
                Percent::parse(&self.discount, 100)
            },
        );
        let forfait = collect(&mut errors, "forfait", Money::parse_optional(&self.forfait));
        let platform = collect(&mut errors, "platform", flag(&self.platform));
        match (stay, adults, children, others, discount, forfait, platform) {
            (
                Some(stay),
                Some(adults),
                Some(children),
                Some(others),
                Some(manual_discount),
                Some(forfait),
                Some(tax_collected_by_platform),
            ) if errors.is_empty() => Ok(QuoteRequest {
                stay,
                guests: Guests {
                    adults,
                    children,
                    others,
                },
                manual_discount,
                options: Vec::new(),
                forfait,
                tax_collected_by_platform,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query() -> QuoteQuery {
        QuoteQuery {
            property: "0190a6f3-0000-7000-8000-000000000001".into(),
            arrival: "2027-05-07".into(),
            departure: "2027-05-10".into(),
            adults: "2".into(),
            ..QuoteQuery::default()
        }
    }

    #[test]
    fn a_minimal_query_is_a_request() {
        let valid = query().validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(valid.request.stay.nights(), 3);
        assert_eq!(valid.request.guests.adults, 2);
        assert!(valid.options.is_empty());
    }

    #[test]
    fn every_bad_parameter_is_named() {
        let bad = QuoteQuery {
            property: "42".into(),
            departure: "2027-05-01".into(),
            adults: "deux".into(),
            platform: "peut-être".into(),
            options: "x:1".into(),
            ..query()
        };
        let errors = bad.validate().err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            vec!["property", "options", "departure", "adults", "platform"]
        );
    }

    #[test]
    fn options_carry_quantities() {
        let id = "0190a6f3-0000-7000-8000-000000000002";
        let with_options = QuoteQuery {
            options: format!("{id}:3"),
            ..query()
        };
        let valid = with_options.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(valid.options[0].1, 3);
    }
}
