//! The totals of an invoice (seed 004 "Facture : TVA", "Taxe de séjour"): the amount excluding VAT,
//! VAT per rate, the tourist tax outside both, the total; then what was paid and what remains.

use crate::domain::invoice::line::InvoiceLine;
use crate::domain::money::Money;
use crate::domain::pricing::vat::vat_by_rate;
use crate::domain::pricing::VatLine;
use serde::{Deserialize, Serialize};

/// The totals of a set of lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceTotals {
    /// Every line but the tourist tax, VAT included.
    pub including_vat: Money,
    /// VAT per rate (empty when the invoice has no VAT).
    pub vat: Vec<VatLine>,
    /// `including_vat` minus the VAT.
    pub excluding_vat: Money,
    /// Tourist-tax lines: « la taxe de séjour n'est incluse ni dans le montant HT, ni dans le
    /// montant de la TVA. La taxe de séjour est incluse dans le montant total ou le montant TTC ».
    pub tourist_tax: Money,
    /// What the guest pays: `including_vat` + `tourist_tax`.
    pub total: Money,
}

impl InvoiceTotals {
    /// Adds up `lines`; VAT only when `vat_enabled`.
    pub fn of(lines: &[InvoiceLine], vat_enabled: bool) -> InvoiceTotals {
        let (taxes, others): (Vec<&InvoiceLine>, Vec<&InvoiceLine>) =
            lines.iter().partition(|line| line.tourist_tax);
        let including_vat: Money = others.iter().map(|line| line.amount()).sum();
        let tourist_tax: Money = taxes.iter().map(|line| line.amount()).sum();
        let vat = if vat_enabled {
            vat_by_rate(others.iter().map(|line| (line.vat_rate, line.amount())))
        } else {
            Vec::new()
        };
        let vat_total: Money = vat.iter().map(|v| v.vat).sum();
        InvoiceTotals {
            including_vat,
            excluding_vat: including_vat - vat_total,
            vat,
            tourist_tax,
            total: including_vat + tourist_tax,
        }
    }
}

/// What was paid on an invoice and what remains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    /// Arrhes or acompte paid before the invoice.
    pub advance: Money,
    /// Payments recorded on the invoice.
    pub paid: Money,
    /// Total − advance − payments (negative when overpaid).
    pub remaining: Money,
}

impl Settlement {
    /// Settles `total` with the advance and the payments.
    pub fn of(
        total: Money,
        advance: Money,
        payments: impl IntoIterator<Item = Money>,
    ) -> Settlement {
        let paid: Money = payments.into_iter().sum();
        Settlement {
            advance,
            paid,
            remaining: total - advance - paid,
        }
    }

    /// Nothing remains to be paid (and something was due).
    pub fn is_fully_paid(&self) -> bool {
        self.remaining <= Money::ZERO && (self.advance + self.paid) > Money::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::percent::Percent;
    use rust_decimal::Decimal;

    fn line(cents: i64, quantity: i64, vat: u32, tourist_tax: bool) -> InvoiceLine {
        InvoiceLine {
            reference: String::new(),
            category: "-".into(),
            designation: "x".into(),
            unit_price: Money::from_cents(cents),
            quantity: Decimal::from(quantity),
            vat_rate: Percent::points(vat),
            tourist_tax,
        }
    }

    #[test]
    fn the_tourist_tax_is_outside_vat_and_inside_the_total() {
        let lines = [
            line(11_000, 7, 10, false),
            line(6_000, 1, 20, false),
            line(165, 14, 0, true),
        ];
        let totals = InvoiceTotals::of(&lines, true);
        assert_eq!(totals.including_vat, Money::from_cents(83_000));
        assert_eq!(totals.vat.len(), 2);
        assert_eq!(totals.vat[0].vat, Money::from_cents(7_000));
        assert_eq!(totals.vat[1].vat, Money::from_cents(1_000));
        assert_eq!(totals.excluding_vat, Money::from_cents(75_000));
        assert_eq!(totals.tourist_tax, Money::from_cents(2_310));
        assert_eq!(totals.total, Money::from_cents(85_310));
    }

    #[test]
    fn without_vat_the_amount_excluding_vat_is_the_amount() {
        // Seed 004: « Par défaut, la TVA est désactivée pour les factures ».
        let totals = InvoiceTotals::of(&[line(9_500, 3, 10, false)], false);
        assert!(totals.vat.is_empty());
        assert_eq!(totals.excluding_vat, totals.including_vat);
    }

    #[test]
    fn the_advance_and_payments_settle_the_total() {
        let total = Money::from_cents(100_000);
        let part = Settlement::of(
            total,
            Money::from_cents(30_000),
            [Money::from_cents(20_000)],
        );
        assert_eq!(part.remaining, Money::from_cents(50_000));
        assert!(!part.is_fully_paid());
        let all = Settlement::of(
            total,
            Money::from_cents(30_000),
            [Money::from_cents(70_000)],
        );
        assert!(all.is_fully_paid());
        assert!(!Settlement::of(Money::ZERO, Money::ZERO, []).is_fully_paid());
    }
}
