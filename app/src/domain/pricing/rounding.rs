//! The rounding policy of every quote, in one place.
//!
//! Amounts are exact decimals until one of the points below, where they are rounded to the cent half
//! away from zero ([`Money::rounded`]); nothing else is ever rounded.
//!
//! 1. **Weekly-priced nights**: each night costs weekly ÷ 7, which is rarely a whole number of cents.
//!    Night lines are rounded *cumulatively* ([`CumulativeRounding`]): night *n* shows
//!    `round(sum of the first n exact prices) − round(sum of the first n−1)`, so the lines always add up
//!    to the rounded exact total (7 nights at 750 €/week show 107,14 or 107,15 € and sum to 750,00 €).
//! 2. **Discounts**: each discount amount is rounded once, on its base ([`percent_of`]).
//! 3. **VAT**: computed once per rate on the total including VAT of that rate ([`vat_included`]).
//! 4. **Tourist tax**: the unit tax per adult per night is rounded after the cap, and each surcharge's
//!    unit is rounded on its own ([`percent_of`]); lines are then unit × persons × nights (exact).
//!
//! Options and flat fees are unit price × quantity, exact by construction.

use crate::domain::money::Money;
use crate::domain::percent::Percent;

/// Hundredths of a percentage point in 100 %.
const WHOLE: i64 = 10_000;

/// `rate` of `amount`, rounded to the cent.
pub fn percent_of(amount: Money, rate: Percent) -> Money {
    Money::rounded_fraction(amount.cents() * rate.hundredths(), WHOLE)
}

/// `rate` of `amount ÷ parts`, rounded to the cent (the tourist tax's price per person per night).
pub fn percent_of_share(amount: Money, parts: i64, rate: Percent) -> Money {
    Money::rounded_fraction(amount.cents() * rate.hundredths(), parts.max(1) * WHOLE)
}

/// The VAT contained in an amount that includes it at `rate`: amount × rate ÷ (100 + rate),
/// rounded to the cent.
pub fn vat_included(amount_incl_vat: Money, rate: Percent) -> Money {
    Money::rounded_fraction(
        amount_incl_vat.cents() * rate.hundredths(),
        WHOLE + rate.hundredths(),
    )
}

/// Rounds a sequence of exact amounts, each a whole number of `1/denominator` cents, so that the
/// rounded parts add up to the rounded total.
#[derive(Debug)]
pub struct CumulativeRounding {
    denominator: i64,
    exact_total: i64,
    shown_total: Money,
}

impl CumulativeRounding {
    /// Amounts will be given in `1/denominator` cents (7 for weekly shares).
    pub fn new(denominator: i64) -> CumulativeRounding {
        CumulativeRounding {
            denominator,
            exact_total: 0,
            shown_total: Money::ZERO,
        }
    }

    /// Adds the next exact amount, in `1/denominator` cents, and returns its rounded share.
    pub fn next(&mut self, exact: i64) -> Money {
        self.exact_total += exact;
        let shown = Money::rounded_fraction(self.exact_total, self.denominator);
        let share = shown - self.shown_total;
        self.shown_total = shown;
        share
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euros(cents: i64) -> Money {
        Money::from_cents(cents)
    }

    #[test]
    fn weekly_shares_add_up_to_the_weekly_price() {
        let mut rounding = CumulativeRounding::new(7);
        let nights: Vec<Money> = (0..7).map(|_| rounding.next(75_000)).collect();
        assert_eq!(nights.iter().copied().sum::<Money>(), euros(75_000));
        assert!(nights
            .iter()
            .all(|n| *n == euros(10_714) || *n == euros(10_715)));
    }

    #[test]
    fn vat_is_taken_out_of_a_price_including_it() {
        // Seed 004, "Taxe de séjour": 432 € TTC of which 72 € VAT (20 %).
        assert_eq!(
            vat_included(euros(43_200), Percent::points(20)),
            euros(7_200)
        );
        assert_eq!(
            vat_included(euros(11_000), Percent::points(10)),
            euros(1_000)
        );
        assert_eq!(vat_included(euros(10_000), Percent::ZERO), Money::ZERO);
    }

    #[test]
    fn a_share_is_divided_before_the_rate_is_applied() {
        // 360 € over 3 nights and 4 persons = 30 €; 5 % of it = 1,50 €.
        assert_eq!(
            percent_of_share(euros(36_000), 12, Percent::points(5)),
            euros(150)
        );
        assert_eq!(
            percent_of_share(euros(100), 3, Percent::points(5)),
            euros(2)
        );
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        assert_eq!(percent_of(euros(1_005), Percent::points(10)), euros(101));
        assert_eq!(percent_of(euros(30_000), Percent::points(10)), euros(3_000));
    }
}
