//! Percentages as people type them ("10", "10,5", "5 %"): an exact decimal number of percentage
//! points with at most two decimals, used for discounts, VAT rates and tourist-tax rates.

use crate::domain::field::{decimal_up_to, FieldError};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A non-negative number of percentage points (10 means 10 %), at most two decimals.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Percent(Decimal);

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(Decimal::ZERO);

    /// A percentage from hundredths of a point (1050 → 10,5 %), as stored in the database.
    pub fn from_hundredths(hundredths: i64) -> Percent {
        Percent(Decimal::new(hundredths.max(0), 2))
    }

    /// Whole percentage points (10 → 10 %).
    pub fn points(points: u32) -> Percent {
        Percent(Decimal::from(points))
    }

    /// The percentage in hundredths of a point, as stored in the database.
    pub fn hundredths(self) -> i64 {
        i64::try_from((self.0 * Decimal::ONE_HUNDRED).trunc()).unwrap_or(i64::MAX)
    }

    /// The number of percentage points.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// Whether it is 0 %.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// This percentage of an exact amount, unrounded.
    pub fn of(self, amount: Decimal) -> Decimal {
        amount * self.0 / Decimal::ONE_HUNDRED
    }

    /// Parses a percentage typed by a person, between 0 and `max` points. Accepts a comma or a dot
    /// and a trailing "%"; refuses more than two decimals.
    pub fn parse(raw: &str, max: u32) -> Result<Percent, FieldError> {
        decimal_up_to(
            raw.trim().trim_end_matches('%'),
            i64::from(max),
            FieldError::NotAPercentage,
        )
        .map(Percent)
    }

    /// The percentage as typed in a French form field: "10,5".
    pub fn to_input(self) -> String {
        self.0.normalize().to_string().replace('.', ",")
    }
}

impl fmt::Display for Percent {
    /// French writing: "10,5 %" with a narrow no-break space.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\u{202F}%", self.to_input())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Percent::parse("10", 100), Ok(Percent::points(10)));
        assert_eq!(
            Percent::parse("10,5 %", 100),
            Ok(Percent::from_hundredths(1050))
        );
        assert_eq!(Percent::parse("5%", 100), Ok(Percent::points(5)));
        assert_eq!(Percent::parse("", 100), Err(FieldError::Required));
        assert_eq!(Percent::parse("dix", 100), Err(FieldError::NotAPercentage));
        assert_eq!(Percent::parse("-1", 100), Err(FieldError::Negative));
        assert_eq!(
            Percent::parse("101", 100),
            Err(FieldError::OutOfRange { min: 0, max: 100 })
        );
        assert_eq!(
            Percent::parse("1,005", 100),
            Err(FieldError::TooManyDecimals)
        );
    }

    #[test]
    fn shows_and_stores_back_the_same_value() {
        let rate = Percent::from_hundredths(1050);
        assert_eq!(rate.to_input(), "10,5");
        assert_eq!(rate.to_string(), "10,5\u{202F}%");
        assert_eq!(Percent::parse(&rate.to_input(), 100), Ok(rate));
        assert_eq!(rate.hundredths(), 1050);
        assert_eq!(Percent::points(200).hundredths(), 20_000);
    }
}
