//! Money in euros: an exact decimal (never a float), parsed from what people type ("1 234,50",
//! "1234.5", "80 €") and formatted the French way ("1 234,50 €", narrow no-break space between
//! thousands, comma before cents).

use crate::domain::field::FieldError;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of euros with at most two decimals.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(Decimal);

/// The narrow no-break space French typography puts between groups of thousands.
pub const THOUSANDS_SEPARATOR: char = '\u{202F}';

impl Money {
    /// Zero euros.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps a decimal that already has at most two decimals; `None` otherwise.
    pub fn from_decimal(amount: Decimal) -> Option<Money> {
        (amount.normalize().scale() <= 2).then_some(Money(amount))
    }

    /// An amount from a whole number of cents.
    pub fn from_cents(cents: i64) -> Money {
        Money(Decimal::new(cents, 2))
    }

    /// The amount as a decimal.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// The amount in whole cents (exact, as amounts have at most two decimals).
    pub fn cents(self) -> i64 {
        let scaled = self.0 * Decimal::ONE_HUNDRED;
        i64::try_from(scaled.trunc()).unwrap_or(i64::MAX)
    }

    /// Parses an amount typed by a person. Accepts spaces (any kind) between thousands, a comma or a
    /// dot before the cents and a trailing "€". Refuses negative amounts and more than two decimals.
    pub fn parse_non_negative(raw: &str) -> Result<Money, FieldError> {
        let cleaned: String = raw
            .trim()
            .trim_end_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != THOUSANDS_SEPARATOR)
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.is_empty() {
            return Err(FieldError::Required);
        }
        if !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        {
            return Err(FieldError::NotAnAmount);
        }
        let amount: Decimal = cleaned.parse().map_err(|_| FieldError::NotAnAmount)?;
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(FieldError::Negative);
        }
        if amount > Decimal::from(10_000_000) {
            return Err(FieldError::OutOfRange {
                min: 0,
                max: 10_000_000,
            });
        }
        Money::from_decimal(amount).ok_or(FieldError::TooManyDecimals)
    }

    /// The amount as typed in a French form field: "1234,50" (no currency, no grouping).
    pub fn to_input(self) -> String {
        format!("{:.2}", self.0).replace('.', ",")
    }

    /// The amount written the French way: "1 234,50 €".
    pub fn format_fr(self) -> String {
        format!("{} €", group(self.0, THOUSANDS_SEPARATOR, ','))
    }

    /// The amount written the English way: "€1,234.50".
    pub fn format_en(self) -> String {
        format!("€{}", group(self.0, ',', '.'))
    }
}

fn group(amount: Decimal, thousands: char, decimal_mark: char) -> String {
    let text = format!("{:.2}", amount.abs());
    let (units, cents) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    let mut grouped = String::new();
    for (i, digit) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}{decimal_mark}{cents}")
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_fr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Result<Money, FieldError> {
        Money::parse_non_negative(raw)
    }

    #[test]
    fn parses_what_french_users_type() {
        assert_eq!(parse("1 234,56"), Ok(Money::from_cents(123_456)));
        assert_eq!(parse("1\u{202F}234,56 €"), Ok(Money::from_cents(123_456)));
        assert_eq!(parse("80"), Ok(Money::from_cents(8_000)));
        assert_eq!(parse("80.5"), Ok(Money::from_cents(8_050)));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse(""), Err(FieldError::Required));
        assert_eq!(parse("douze"), Err(FieldError::NotAnAmount));
        assert_eq!(parse("1,2,3"), Err(FieldError::NotAnAmount));
        assert_eq!(parse("-5"), Err(FieldError::Negative));
        assert_eq!(parse("1,005"), Err(FieldError::TooManyDecimals));
    }

    #[test]
    fn formats_the_french_way() {
        assert_eq!(Money::from_cents(123_456).format_fr(), "1\u{202F}234,56 €");
        assert_eq!(Money::from_cents(5).format_fr(), "0,05 €");
        assert_eq!(
            Money::from_cents(100_000_000).format_fr(),
            "1\u{202F}000\u{202F}000,00 €"
        );
        assert_eq!(Money::from_cents(123_456).format_en(), "€1,234.56");
        assert_eq!(Money::from_cents(8_050).to_input(), "80,50");
    }

    #[test]
    fn cents_are_exact() {
        assert_eq!(parse("19,99").map(Money::cents), Ok(1999));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn what_the_form_shows_parses_back_to_the_same_amount(cents in 0i64..1_000_000_000) {
            let amount = Money::from_cents(cents);
            prop_assert_eq!(Money::parse_non_negative(&amount.to_input()), Ok(amount));
            prop_assert_eq!(Money::parse_non_negative(&amount.format_fr()), Ok(amount));
            prop_assert_eq!(amount.cents(), cents);
        }
    }
}
