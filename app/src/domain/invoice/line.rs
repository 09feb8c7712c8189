//! One line of an invoice: reference, category, designation, unit price, quantity, VAT rate — as
//! stored, and as typed in the editor.

use crate::domain::field::{decimal_up_to, optional_text, required_text, FieldError};
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Longest designation, in characters.
pub const MAX_DESIGNATION: usize = 500;
/// Longest reference or category, in characters.
pub const MAX_SHORT_TEXT: usize = 60;
/// Most lines on one invoice.
pub const MAX_LINES: usize = 300;
/// Largest quantity on one line.
const MAX_QUANTITY: i64 = 100_000;

/// A stored line. Unit prices include VAT, as everywhere in Saison (the VAT is taken out of each
/// rate's total, [`crate::domain::pricing::vat::vat_by_rate`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceLine {
    /// Reference (free, may be empty).
    pub reference: String,
    /// Category for reports ("-", "Séjour", "Taxe de séjour"…); never printed for the guest.
    pub category: String,
    /// What is sold.
    pub designation: String,
    /// Price of one unit, VAT included; negative for a discount line.
    pub unit_price: Money,
    /// Quantity (at most two decimals).
    pub quantity: Decimal,
    /// VAT rate (ignored when the invoice has no VAT).
    pub vat_rate: Percent,
    /// A tourist-tax line: outside the amount excluding VAT and outside VAT (seed 004).
    pub tourist_tax: bool,
}

impl InvoiceLine {
    /// Unit price × quantity, rounded to the cent.
    pub fn amount(&self) -> Money {
        Money::rounded(self.unit_price.amount() * self.quantity)
    }

    /// The line as typed in the editor.
    pub fn to_form(&self) -> LineForm {
        LineForm {
            reference: self.reference.clone(),
            category: self.category.clone(),
            designation: self.designation.clone(),
            unit_price: self.unit_price.to_input(),
            quantity: quantity_input(self.quantity),
            vat_rate: self.vat_rate.to_input(),
            tourist_tax: self.tourist_tax,
        }
    }
}

/// A quantity as typed in a French field: "3", "1,5".
pub fn quantity_input(quantity: Decimal) -> String {
    quantity.normalize().to_string().replace('.', ",")
}

/// A line as typed: nothing typed is lost on error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineForm {
    /// Reference.
    pub reference: String,
    /// Category.
    pub category: String,
    /// Designation.
    pub designation: String,
    /// Unit price.
    pub unit_price: String,
    /// Quantity.
    pub quantity: String,
    /// VAT rate.
    pub vat_rate: String,
    /// Tourist-tax line.
    pub tourist_tax: bool,
}

impl LineForm {
    /// Checks every field; the refused ones are named `reference`, `designation`, `unit_price`,
    /// `quantity`, `vat_rate`, `category`.
    pub fn validate(&self) -> Result<InvoiceLine, Vec<(&'static str, FieldError)>> {
        let reference = optional_text(&self.reference, MAX_SHORT_TEXT);
        let category = optional_text(&self.category, MAX_SHORT_TEXT);
        let designation = required_text(&self.designation, MAX_DESIGNATION);
        let unit_price = Money::parse_signed(&self.unit_price);
        let quantity = parse_quantity(&self.quantity);
        let vat_rate = if self.vat_rate.trim().is_empty() {
            Ok(Percent::points(0))
        } else {
            Percent::parse(&self.vat_rate, 100)
        };
        match (
            reference,
            category,
            designation,
            unit_price,
            quantity,
            vat_rate,
        ) {
            (
                Ok(reference),
                Ok(category),
                Ok(designation),
                Ok(unit_price),
                Ok(quantity),
                Ok(vat_rate),
            ) => Ok(InvoiceLine {
                reference,
                category: if category.is_empty() {
                    "-".into()
                } else {
                    category
                },
                designation,
                unit_price,
                quantity,
                vat_rate,
                tourist_tax: self.tourist_tax,
            }),
            (reference, category, designation, unit_price, quantity, vat_rate) => {
                let mut errors = Vec::new();
                let mut note = |field: &'static str, error: Option<FieldError>| {
                    if let Some(error) = error {
                        errors.push((field, error));
                    }
                };
                note("reference", reference.err());
                note("category", category.err());
                note("designation", designation.err());
                note("unit_price", unit_price.err());
                note("quantity", quantity.err());
                note("vat_rate", vat_rate.err());
                Err(errors)
            }
        }
    }
}

/// Parses a quantity: at least 0, at most two decimals, "1,5" or "1.5".
pub fn parse_quantity(raw: &str) -> Result<Decimal, FieldError> {
    decimal_up_to(raw, MAX_QUANTITY, FieldError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(unit_price: &str, quantity: &str) -> LineForm {
        LineForm {
            designation: "Ménage de fin de séjour".into(),
            unit_price: unit_price.into(),
            quantity: quantity.into(),
            vat_rate: "10".into(),
            ..LineForm::default()
        }
    }

    #[test]
    fn a_line_is_unit_price_times_quantity() {
        let line = form("12,35", "1,5")
            .validate()
            .map_err(|e| format!("{e:?}"));
        assert_eq!(line.map(|l| l.amount()), Ok(Money::from_cents(1_853)));
    }

    #[test]
    fn discount_lines_may_be_negative_but_quantities_may_not() {
        assert!(form("-50", "1").validate().is_ok());
        let refused = form("abc", "-1").validate().err().unwrap_or_default();
        assert_eq!(
            refused,
            vec![
                ("unit_price", FieldError::NotAnAmount),
                ("quantity", FieldError::Negative)
            ]
        );
    }

    #[test]
    fn an_empty_category_is_the_default_one() {
        let line = form("10", "1").validate().map(|l| l.category);
        assert_eq!(line, Ok("-".to_string()));
    }
}
