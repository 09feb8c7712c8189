//! The rate plan form (base prices, guests, supplement, minimum stay, tourist tax, flat fees), the
//! stored plan with its seasons, and the plan as the engine's [`Tariff`].

use crate::domain::field::{
    collect, optional_id, optional_whole_number, required_text, whole_number, FieldError,
    FieldErrors,
};
use crate::domain::ids::{ChargeOptionId, PropertyId, RatePlanId, SeasonId, TouristTaxId};
use crate::domain::money::Money;
use crate::domain::pricing::{Rates, Season, Tariff};
use crate::domain::property::MAX_CAPACITY;
use crate::domain::rates::{ChargeOption, MAX_MINIMUM_STAY};
use serde::{Deserialize, Serialize};

/// A rate plan as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatePlanForm {
    /// "Gîte 6 personnes", "Studio"…
    pub name: String,
    /// Base nightly price (nights outside every season).
    pub nightly: String,
    /// Base weekly price (optional).
    pub weekly: String,
    /// Base weekend price (optional).
    pub weekend: String,
    /// Guests included in the price.
    pub guests_included: String,
    /// Supplement per extra guest per night (optional).
    pub extra_guest_fee: String,
    /// Minimum stay of the plan (optional: the global one applies).
    pub minimum_stay: String,
    /// Tourist tax id, or empty.
    pub tourist_tax_id: String,
    /// Ids of the predefined options charged once per stay.
    pub flat_fee_ids: Vec<String>,
}

/// A validated rate plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatePlanInput {
    /// Name.
    pub name: String,
    /// Base prices.
    pub base: Rates,
    /// Guests included.
    pub guests_included: u16,
    /// Supplement per extra guest per night.
    pub extra_guest_fee: Money,
    /// Minimum stay, if the plan sets one.
    pub minimum_stay: Option<u16>,
    /// Tourist tax of the plan (a property may choose another).
    pub tourist_tax: Option<TouristTaxId>,
    /// Flat fees.
    pub flat_fees: Vec<ChargeOptionId>,
}

impl RatePlanForm {
    /// Checks every field at once.
    pub fn validate(&self) -> Result<RatePlanInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(&mut errors, "name", required_text(&self.name, 80));
        let nightly = collect(
            &mut errors,
            "nightly",
            Money::parse_non_negative(&self.nightly),
        );
        let weekly = collect(&mut errors, "weekly", Money::parse_optional(&self.weekly));
        let weekend = collect(&mut errors, "weekend", Money::parse_optional(&self.weekend));
        let guests_included = collect(
            &mut errors,
            "guests_included",
            whole_number(&self.guests_included, 0, MAX_CAPACITY),
        );
        let extra_guest_fee = collect(
            &mut errors,
            "extra_guest_fee",
            Money::parse_optional(&self.extra_guest_fee).map(Option::unwrap_or_default),
        );
        let minimum_stay = collect(
            &mut errors,
            "minimum_stay",
            optional_whole_number(&self.minimum_stay, 1, MAX_MINIMUM_STAY),
        );
        let tourist_tax = collect(
            &mut errors,
            "tourist_tax_id",
            optional_id::<TouristTaxId>(&self.tourist_tax_id),
        );
        let flat_fees = collect(
            &mut errors,
            "flat_fee_ids",
            self.flat_fee_ids
                .iter()
                .map(|id| id.trim().parse().map_err(|_| FieldError::UnknownChoice))
                .collect::<Result<Vec<ChargeOptionId>, _>>(),
        );
        match (
            name,
            nightly,
            weekly,
            weekend,
            guests_included,
            extra_guest_fee,
            minimum_stay,
            tourist_tax,
            flat_fees,
        ) {
            (
                Some(name),
                Some(nightly),
                Some(weekly),
                Some(weekend),
                Some(guests_included),
                Some(extra_guest_fee),
                Some(minimum_stay),
                Some(tourist_tax),
                Some(mut flat_fees),
            ) if errors.is_empty() => {
                flat_fees.sort();
                flat_fees.dedup();
                Ok(RatePlanInput {
                    name,
                    base: Rates {
                        nightly,
                        weekly,
                        weekend,
                    },
                    guests_included: u16::try_from(guests_included).unwrap_or(0),
                    extra_guest_fee,
                    minimum_stay: minimum_stay.and_then(|n| u16::try_from(n).ok()),
                    tourist_tax,
                    flat_fees,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A season as stored, with its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSeason {
    /// Id.
    pub id: SeasonId,
    /// The season.
    pub season: Season,
}

/// A stored rate plan with its seasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatePlan {
    /// Id.
    pub id: RatePlanId,
    /// Optimistic version: every change to the plan or its seasons increments it.
    pub version: i64,
    /// Its fields.
    pub input: RatePlanInput,
    /// Its seasons, by first night.
    pub seasons: Vec<StoredSeason>,
    /// The properties priced by it.
    pub properties: Vec<(PropertyId, String)>,
}

impl RatePlan {
    /// The form showing this plan.
    pub fn to_form(&self) -> RatePlanForm {
        let input = &self.input;
        RatePlanForm {
            name: input.name.clone(),
            nightly: input.base.nightly.to_input(),
            weekly: input.base.weekly.map(Money::to_input).unwrap_or_default(),
            weekend: input.base.weekend.map(Money::to_input).unwrap_or_default(),
            guests_included: input.guests_included.to_string(),
            extra_guest_fee: if input.extra_guest_fee.is_zero() {
                String::new()
            } else {
                input.extra_guest_fee.to_input()
            },
            minimum_stay: input
                .minimum_stay
                .map(|n| n.to_string())
                .unwrap_or_default(),
            tourist_tax_id: input
                .tourist_tax
                .map(|id| id.to_string())
                .unwrap_or_default(),
            flat_fee_ids: input.flat_fees.iter().map(|id| id.to_string()).collect(),
        }
    }

    /// The plan as the engine prices with it; `options` is the organisation's catalogue, from
    /// which the plan's flat fees are taken.
    pub fn tariff(&self, options: &[ChargeOption]) -> Tariff {
        Tariff {
            name: self.input.name.as_str().into(),
            base: self.input.base.clone(),
            guests_included: self.input.guests_included,
            extra_guest_fee: self.input.extra_guest_fee,
            minimum_stay: self.input.minimum_stay,
            seasons: self.seasons.iter().map(|s| s.season.clone()).collect(),
            flat_fees: options
                .iter()
                .filter(|option| self.input.flat_fees.contains(&option.id))
                .map(|option| option.charge.clone())
                .collect(),
        }
    }
}

/// One line of the rate plan list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatePlanSummary {
    /// Id.
    pub id: RatePlanId,
    /// Name.
    pub name: String,
    /// Base nightly price.
    pub nightly: Money,
    /// Number of seasons.
    pub seasons: i64,
    /// Number of properties priced by it.
    pub properties: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RatePlanForm {
        RatePlanForm {
            name: "Gîte 6 personnes".into(),
            nightly: "90".into(),
            weekly: "560".into(),
            weekend: String::new(),
            guests_included: "4".into(),
            extra_guest_fee: "15".into(),
            minimum_stay: String::new(),
            tourist_tax_id: String::new(),
            flat_fee_ids: vec![],
        }
    }

    #[test]
    fn a_valid_plan_shows_back_as_typed() {
        let input = form().validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(input.base.weekly, Some(Money::from_cents(56_000)));
        let plan = RatePlan {
            id: RatePlanId(uuid::Uuid::from_u128(1)),
            version: 1,
            input,
            seasons: vec![],
            properties: vec![],
        };
        assert_eq!(plan.to_form().validate(), Ok(plan.input.clone()));
    }

    #[test]
    fn every_wrong_field_is_reported() {
        let wrong = RatePlanForm {
            name: " ".into(),
            nightly: String::new(),
            guests_included: "-1".into(),
            flat_fee_ids: vec!["n'importe quoi".into()],
            ..form()
        };
        let errors = wrong.validate().err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            vec!["name", "nightly", "guests_included", "flat_fee_ids"]
        );
    }
}
