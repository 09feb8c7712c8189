//! Money in euros: an exact decimal (never a float), parsed from what people type ("1 234,50",
//! "1234.5", "80 €") and formatted the French way ("1 234,50 €", narrow no-break space between
//! thousands, comma before cents).

use crate::domain::field::FieldError;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of euros with at most two decimals.
/// In JSON it is a string with exactly two decimals ("0.00", "95.50"), so amounts never lose or
/// gain precision in transit and read the same whatever their history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(transparent)]
pub struct Money(Decimal);

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{:.2}", self.0))
    }
}

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

    /// Rounds an exact amount to the cent, half away from zero (0,005 € → 0,01 €). This is the one
    /// rounding rule for money; [`crate::domain::pricing::rounding`] lists where it is applied.
    pub fn rounded(amount: Decimal) -> Money {
        Money(amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// `numerator_cents ÷ denominator` cents rounded by the same rule as [`Money::rounded`], in
    /// integers (the engine's hot path: weekly shares are sevenths of a cent). `denominator` > 0.
    pub fn rounded_fraction(numerator_cents: i64, denominator: i64) -> Money {
        let denominator = denominator.max(1);
        let magnitude = (2 * numerator_cents.abs() + denominator) / (2 * denominator);
        Money::from_cents(magnitude * numerator_cents.signum())
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The amount as a decimal.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// The amount in whole cents (exact, as amounts have at most two decimals).
    pub fn cents(self) -> i64 {
        // Amounts have at most two decimals, so the mantissa only needs scaling up (the engine's hot
        // path: no decimal multiplication).
        let mantissa = i64::try_from(self.0.mantissa()).unwrap_or(i64::MAX);
        match self.0.scale() {
            2 => mantissa,
            1 => mantissa.saturating_mul(10),
            0 => mantissa.saturating_mul(100),
            _ => {
                let scaled = self.0 * Decimal::ONE_HUNDRED;
                i64::try_from(scaled.trunc()).unwrap_or(i64::MAX)
            }
        }
    }

    /// Parses an amount typed by a person. Accepts spaces (any kind) between thousands, a comma or a
    /// dot before the cents and a trailing "€". Refuses negative amounts and more than two decimals.
    pub fn parse_non_negative(raw: &str) -> Result<Money, FieldError> {
        let amount = Money::parse_signed(raw)?;
        if amount.0.is_sign_negative() && !amount.is_zero() {
            return Err(FieldError::Negative);
        }
        Ok(amount)
    }

    /// Like [`Money::parse_non_negative`], but a leading "-" is accepted (a discount line of an
    /// invoice). Bounded to ±10 million euros.
    pub fn parse_signed(raw: &str) -> Result<Money, FieldError> {
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
        if amount.abs() > Decimal::from(10_000_000) {
            return Err(FieldError::OutOfRange {
                min: 0,
                max: 10_000_000,
            });
        }
        Money::from_decimal(amount).ok_or(FieldError::TooManyDecimals)
    }

    /// Like [`Money::parse_non_negative`], but an empty field means no amount.
    pub fn parse_optional(raw: &str) -> Result<Option<Money>, FieldError> {
        if raw.trim().is_empty() {
            Ok(None)
        } else {
            Money::parse_non_negative(raw).map(Some)
        }
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

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl std::ops::Mul<i64> for Money {
    type Output = Money;
    fn mul(self, times: i64) -> Money {
        Money(self.0 * Decimal::from(times))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(amounts: I) -> Money {
        Money(amounts.map(|m| m.0).sum())
    }
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
    fn rounds_half_away_from_zero() {
        let rounded = |raw: &str| Money::rounded(raw.parse().unwrap_or_default()).cents();
        assert_eq!(rounded("1.005"), 101);
        assert_eq!(rounded("1.0049"), 100);
        assert_eq!(rounded("-1.005"), -101);
        assert_eq!(rounded("100"), 10_000);
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
        fn integer_rounding_follows_the_decimal_rule(numerator in -1_000_000_000i64..1_000_000_000, denominator in 1i64..1000) {
            let exact = Decimal::new(numerator, 2) / Decimal::from(denominator);
            prop_assert_eq!(Money::rounded_fraction(numerator, denominator), Money::rounded(exact));
        }

        #[test]
        fn what_the_form_shows_parses_back_to_the_same_amount(cents in 0i64..1_000_000_000) {
            let amount = Money::from_cents(cents);
            prop_assert_eq!(Money::parse_non_negative(&amount.to_input()), Ok(amount));
            prop_assert_eq!(Money::parse_non_negative(&amount.format_fr()), Ok(amount));
            prop_assert_eq!(amount.cents(), cents);
        }
    }
}
