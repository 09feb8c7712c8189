//! Properties (logements, SPEC C2): the form as typed, its validation, and what is shown back.

use crate::domain::field::{
    collect, optional_id, optional_text, required_text, whole_number, FieldError, FieldErrors,
};
use crate::domain::ids::{OwnerId, PropertyId, RatePlanId, TouristTaxId};
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};

pub use crate::domain::legal::{registration_number, Classification};
pub use crate::domain::listing::{Choice, PropertyFormChoices, PropertySummary};

/// Largest capacity accepted for one property.
pub const MAX_CAPACITY: i64 = 50;

/// How a property's nights are priced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pricing {
    /// By a rate plan of the organisation.
    RatePlan(RatePlanId),
    /// "Libre": a fixed price per night.
    Fixed(Money),
}

/// The property form as typed: every field is text so nothing typed is lost on error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PropertyForm {
    /// Name shown on the planning and documents.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Maximum number of guests.
    pub capacity: String,
    /// Owner id, or empty for none.
    pub owner_id: String,
    /// "plan" (priced by `rate_plan_id`) or "fixed" (priced by `fixed_price`).
    pub pricing: String,
    /// Rate plan id when `pricing` is "plan".
    pub rate_plan_id: String,
    /// Nightly price when `pricing` is "fixed".
    pub fixed_price: String,
    /// Tourist tax id; empty keeps the rate plan's.
    pub tourist_tax_id: String,
    /// Security deposit (caution); empty means none.
    pub security_deposit: String,
    /// Contractual description (état descriptif) used in contracts.
    pub description: String,
    /// Numéro d'enregistrement (loi Le Meur), optional.
    pub registration_number: String,
    /// Classification code (see [`Classification::code`]).
    pub classification: String,
    /// Whether it is the owner's principal residence (120-night cap).
    pub principal_residence: bool,
    /// Whether it appears on public pages.
    pub public_listing: bool,
}

/// A validated property, ready to be stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropertyInput {
    /// Name.
    pub name: String,
    /// Address (may be empty).
    pub address: String,
    /// Maximum number of guests, 1 to [`MAX_CAPACITY`].
    pub capacity: u16,
    /// Owner, if any.
    pub owner_id: Option<OwnerId>,
    /// How nights are priced.
    pub pricing: Pricing,
    /// Its own tourist tax (otherwise the rate plan's).
    pub tourist_tax: Option<TouristTaxId>,
    /// Security deposit.
    pub security_deposit: Money,
    /// Contractual description.
    pub description: String,
    /// Registration number, upper-cased, without spaces.
    pub registration_number: Option<String>,
    /// Classification.
    pub classification: Classification,
    /// Principal residence.
    pub principal_residence: bool,
    /// Listed publicly.
    pub public_listing: bool,
}

fn optional_money(raw: &str) -> Result<Money, FieldError> {
    Money::parse_optional(raw).map(Option::unwrap_or_default)
}

impl PropertyForm {
    /// Checks every field and returns all refused ones at once, by field name.
    pub fn validate(&self) -> Result<PropertyInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(&mut errors, "name", required_text(&self.name, 80));
        let address = collect(&mut errors, "address", optional_text(&self.address, 300));
        let capacity = collect(
            &mut errors,
            "capacity",
            whole_number(&self.capacity, 1, MAX_CAPACITY),
        );
        let owner_id = collect(
            &mut errors,
            "owner_id",
            optional_id::<OwnerId>(&self.owner_id),
        );
        let pricing = match self.pricing.as_str() {
            "plan" => {
                let plan = optional_id::<RatePlanId>(&self.rate_plan_id)
                    .and_then(|plan| plan.ok_or(FieldError::Required))
                    .map(Pricing::RatePlan);
                collect(&mut errors, "rate_plan_id", plan)
            }
            "fixed" => collect(
                &mut errors,
                "fixed_price",
                Money::parse_non_negative(&self.fixed_price).map(Pricing::Fixed),
            ),
            _ => collect(&mut errors, "pricing", Err(FieldError::InvalidChoice)),
        };
        let tourist_tax = collect(
            &mut errors,
            "tourist_tax_id",
            optional_id::<TouristTaxId>(&self.tourist_tax_id),
        );
        let security_deposit = collect(
            &mut errors,
            "security_deposit",
            optional_money(&self.security_deposit),
        );
        let description = collect(
            &mut errors,
            "description",
            optional_text(&self.description, 5000),
        );
        let registration = collect(
            &mut errors,
            "registration_number",
            registration_number(&self.registration_number),
        );
        let classification = collect(
            &mut errors,
            "classification",
            Classification::parse(&self.classification),
        );
        match (
            name,
            address,
            capacity,
            owner_id,
            pricing,
            tourist_tax,
            security_deposit,
            description,
            registration,
            classification,
        ) {
            (
                Some(name),
                Some(address),
                Some(capacity),
                Some(owner_id),
                Some(pricing),
                Some(tourist_tax),
                Some(security_deposit),
                Some(description),
                Some(registration_number),
                Some(classification),
            ) => Ok(PropertyInput {
                name,
                address,
                capacity: u16::try_from(capacity).unwrap_or(u16::MAX),
                owner_id,
                pricing,
                tourist_tax,
                security_deposit,
                description,
                registration_number,
                classification,
                principal_residence: self.principal_residence,
                public_listing: self.public_listing,
            }),
            _ => Err(errors),
        }
    }
}

/// A stored property, as shown in its edit form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Property {
    /// Id.
    pub id: PropertyId,
    /// Optimistic version: an update must name the version it was made from.
    pub version: i64,
    /// The validated fields.
    pub fields: PropertyInput,
}

impl Property {
    /// The form pre-filled with the stored values.
    pub fn to_form(&self) -> PropertyForm {
        let f = &self.fields;
        let (pricing, rate_plan_id, fixed_price) = match f.pricing {
            Pricing::RatePlan(plan) => ("plan", plan.to_string(), String::new()),
            Pricing::Fixed(price) => ("fixed", String::new(), price.to_input()),
        };
        PropertyForm {
            name: f.name.clone(),
            address: f.address.clone(),
            capacity: f.capacity.to_string(),
            owner_id: f.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            pricing: pricing.into(),
            rate_plan_id,
            fixed_price,
            tourist_tax_id: f.tourist_tax.map(|id| id.to_string()).unwrap_or_default(),
            security_deposit: if f.security_deposit == Money::ZERO {
                String::new()
            } else {
                f.security_deposit.to_input()
            },
            description: f.description.clone(),
            registration_number: f.registration_number.clone().unwrap_or_default(),
            classification: f.classification.code(),
            principal_residence: f.principal_residence,
            public_listing: f.public_listing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> PropertyForm {
        PropertyForm {
            name: "Gîte des Tilleuls".into(),
            address: "3 chemin des Tilleuls, 24200 Sarlat".into(),
            capacity: "6".into(),
            pricing: "fixed".into(),
            fixed_price: "95,00".into(),
            classification: "unclassified".into(),
            ..PropertyForm::default()
        }
    }

    fn errors_of(form: PropertyForm) -> FieldErrors {
        form.validate().err().unwrap_or_default()
    }

    #[test]
    fn a_complete_form_is_accepted() {
        let input = form().validate();
        assert_eq!(
            input.as_ref().map(|p| p.pricing),
            Ok(Pricing::Fixed(Money::from_cents(9_500)))
        );
        assert_eq!(input.map(|p| p.security_deposit), Ok(Money::ZERO));
    }

    #[test]
    fn every_bad_field_is_named() {
        let errors = errors_of(PropertyForm {
            name: "".into(),
            capacity: "0".into(),
            fixed_price: "abc".into(),
            security_deposit: "-300".into(),
            classification: "7".into(),
            ..form()
        });
        assert_eq!(
            errors,
            vec![
                ("name".into(), FieldError::Required),
                (
                    "capacity".into(),
                    FieldError::OutOfRange {
                        min: 1,
                        max: MAX_CAPACITY
                    }
                ),
                ("fixed_price".into(), FieldError::NotAnAmount),
                ("security_deposit".into(), FieldError::Negative),
                ("classification".into(), FieldError::InvalidChoice),
            ]
        );
    }

    #[test]
    fn a_rate_plan_must_be_chosen_when_priced_by_plan() {
        let errors = errors_of(PropertyForm {
            pricing: "plan".into(),
            ..form()
        });
        assert_eq!(errors, vec![("rate_plan_id".into(), FieldError::Required)]);
    }

    #[test]
    fn a_stored_property_refills_its_form() {
        let fields = form().validate().unwrap_or_else(|_| unreachable!());
        let property = Property {
            id: PropertyId(uuid::Uuid::nil()),
            version: 1,
            fields: fields.clone(),
        };
        assert_eq!(property.to_form().validate(), Ok(fields));
    }
}
