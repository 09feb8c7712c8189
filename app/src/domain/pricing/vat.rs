//! VAT per rate on amounts that include it: the one computation shared by quotes and invoices.

use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::quote::VatLine;
use crate::domain::pricing::rounding::vat_included;

/// Sums `parts` (rate, amount including VAT) per rate, then takes the VAT out of each rate's total
/// once (rounding point 3 of [`crate::domain::pricing::rounding`]). Rates in increasing order; a
/// rate whose parts sum to zero is left out.
pub fn vat_by_rate(parts: impl IntoIterator<Item = (Percent, Money)>) -> Vec<VatLine> {
    let mut by_rate: Vec<(Percent, Money)> = Vec::new();
    for (rate, amount) in parts {
        match by_rate.iter_mut().find(|(r, _)| *r == rate) {
            Some((_, total)) => *total = *total + amount,
            None => by_rate.push((rate, amount)),
        }
    }
    by_rate.sort_by_key(|(rate, _)| *rate);
    by_rate
        .into_iter()
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(rate, including_vat)| {
            let vat = vat_included(including_vat, rate);
            VatLine {
                rate,
                including_vat,
                vat,
                excluding_vat: including_vat - vat,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_is_taken_once_per_rate() {
        let lines = vat_by_rate([
            (Percent::points(10), Money::from_cents(5_500)),
            (Percent::points(20), Money::from_cents(1_200)),
            (Percent::points(10), Money::from_cents(5_500)),
        ]);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].including_vat, Money::from_cents(11_000));
        assert_eq!(lines[0].vat, Money::from_cents(1_000));
        assert_eq!(lines[1].vat, Money::from_cents(200));
        assert_eq!(lines[1].excluding_vat, Money::from_cents(1_000));
    }
}
