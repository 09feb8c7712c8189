//! The organisation's catalogue: predefined options (ménage, linge, repas… usable as a plan's flat
//! fee or chosen on a booking) and tourist taxes (one per commune or classification).

use crate::domain::field::{collect, required_text, FieldError, FieldErrors};
use crate::domain::ids::{ChargeOptionId, TouristTaxId};
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::{Charge, ChosenOption, Surcharge, TaxMethod, TouristTax};
use serde::{Deserialize, Serialize};

/// The options chosen by id, resolved from the organisation's `catalogue`; an id that is not in it
/// is refused as [`FieldError::UnknownChoice`].
pub fn choose_options(
    catalogue: &[ChargeOption],
    chosen: &[(ChargeOptionId, u32)],
) -> Result<Vec<ChosenOption>, FieldError> {
    chosen
        .iter()
        .map(|&(id, quantity)| {
            catalogue
                .iter()
                .find(|option| option.id == id)
                .map(|option| ChosenOption {
                    charge: option.charge.clone(),
                    quantity,
                })
                .ok_or(FieldError::UnknownChoice)
        })
        .collect()
}

/// A stored predefined option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeOption {
    /// Id.
    pub id: ChargeOptionId,
    /// Optimistic version.
    pub version: i64,
    /// Designation, unit price, VAT rate.
    pub charge: Charge,
}

/// A predefined option as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeOptionForm {
    /// Designation.
    pub label: String,
    /// Unit price (VAT included when VAT applies).
    pub unit_price: String,
    /// VAT rate, empty for 0 %.
    pub vat_rate: String,
}

impl ChargeOptionForm {
    /// Checks every field at once.
    pub fn validate(&self) -> Result<Charge, FieldErrors> {
        let mut errors = FieldErrors::new();
        let label = collect(&mut errors, "label", required_text(&self.label, 80));
        let unit_price = collect(
            &mut errors,
            "unit_price",
            Money::parse_non_negative(&self.unit_price),
        );
        let vat_rate = collect(
            &mut errors,
            "vat_rate",
            optional_percent(&self.vat_rate, 100),
        );
        match (label, unit_price, vat_rate) {
            (Some(label), Some(unit_price), Some(vat_rate)) => Ok(Charge {
                label: label.into(),
                unit_price,
                vat_rate,
            }),
            _ => Err(errors),
        }
    }

    /// The form showing a stored option.
    pub fn from_charge(charge: &Charge) -> ChargeOptionForm {
        ChargeOptionForm {
            label: charge.label.to_string(),
            unit_price: charge.unit_price.to_input(),
            vat_rate: charge.vat_rate.to_input(),
        }
    }
}

fn optional_percent(raw: &str, max: u32) -> Result<Percent, crate::domain::field::FieldError> {
    if raw.trim().is_empty() {
        Ok(Percent::ZERO)
    } else {
        Percent::parse(raw, max)
    }
}

/// Label of the departmental surcharge.
pub const DEPARTMENTAL: &str = "Taxe additionnelle départementale";
/// Label of the regional surcharge.
pub const REGIONAL: &str = "Taxe additionnelle régionale";

/// A stored tourist tax.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTouristTax {
    /// Id.
    pub id: TouristTaxId,
    /// Optimistic version.
    pub version: i64,
    /// The tax.
    pub tax: TouristTax,
}

/// A tourist tax as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouristTaxForm {
    /// "Taxe de séjour Arcachon", "Taxe 5 %"…
    pub name: String,
    /// "fixed" (amount per adult per night) or "percentage".
    pub method: String,
    /// The amount per adult per night (fixed), or the cap (percentage).
    pub amount: String,
    /// The rate, 1 to 5 % (percentage only).
    pub rate: String,
    /// Departmental surcharge, 0 or 10 %.
    pub departmental_rate: String,
    /// Regional surcharge (15 %, 34 %, 200 %… as the law sets it).
    pub regional_rate: String,
}

impl TouristTaxForm {
    /// Checks every field at once.
    pub fn validate(&self) -> Result<TouristTax, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(&mut errors, "name", required_text(&self.name, 80));
        let amount = collect(
            &mut errors,
            "amount",
            Money::parse_non_negative(&self.amount),
        );
        let method = match self.method.as_str() {
            "fixed" => amount.map(TaxMethod::PerAdultNight),
            "percentage" => {
                let rate = collect(&mut errors, "rate", Percent::parse(&self.rate, 100));
                match (rate, amount) {
                    (Some(rate), Some(cap)) => Some(TaxMethod::Percentage { rate, cap }),
                    _ => None,
                }
            }
            _ => {
                errors.push((
                    "method".into(),
                    crate::domain::field::FieldError::InvalidChoice,
                ));
                None
            }
        };
        let departmental = collect(
            &mut errors,
            "departmental_rate",
            optional_percent(&self.departmental_rate, 100),
        );
        let regional = collect(
            &mut errors,
            "regional_rate",
            optional_percent(&self.regional_rate, 1000),
        );
        match (name, method, departmental, regional) {
            (Some(name), Some(method), Some(departmental), Some(regional)) if errors.is_empty() => {
                Ok(TouristTax {
                    name: name.into(),
                    method,
                    surcharges: vec![
                        Surcharge {
                            label: DEPARTMENTAL.into(),
                            rate: departmental,
                        },
                        Surcharge {
                            label: REGIONAL.into(),
                            rate: regional,
                        },
                    ],
                })
            }
            _ => Err(errors),
        }
    }

    /// The form showing a stored tax.
    pub fn from_tax(tax: &TouristTax) -> TouristTaxForm {
        let surcharge = |label: &str| {
            tax.surcharges
                .iter()
                .find(|s| &*s.label == label)
                .map(|s| s.rate.to_input())
                .unwrap_or_default()
        };
        let (method, amount, rate) = match &tax.method {
            TaxMethod::PerAdultNight(amount) => ("fixed", amount.to_input(), String::new()),
            TaxMethod::Percentage { rate, cap } => ("percentage", cap.to_input(), rate.to_input()),
        };
        TouristTaxForm {
            name: tax.name.to_string(),
            method: method.into(),
            amount,
            rate,
            departmental_rate: surcharge(DEPARTMENTAL),
            regional_rate: surcharge(REGIONAL),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_tax_with_surcharges_round_trips() {
        let form = TouristTaxForm {
            name: "Taxe 5 %".into(),
            method: "percentage".into(),
            amount: "2,30".into(),
            rate: "5".into(),
            departmental_rate: "10".into(),
            regional_rate: "200".into(),
        };
        let tax = form.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(tax.surcharges[1].rate, Percent::points(200));
        assert_eq!(TouristTaxForm::from_tax(&tax).validate(), Ok(tax));
    }

    #[test]
    fn an_option_needs_a_label_and_a_price() {
        let errors = ChargeOptionForm::default()
            .validate()
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 2);
    }
}
