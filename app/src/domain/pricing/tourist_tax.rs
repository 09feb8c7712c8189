//! Tourist tax (taxe de séjour), seed 004 "Facture : Taxe de séjour".
//!
//! Never subject to VAT, never in the total excluding VAT, always in the total. Only adults pay it:
//! children are exempt (shown on a 0 line) and "others" are not counted.
//! - **Fixed** (barème of classified homes): an amount per adult per night.
//! - **Percentage** (unclassified homes): unit = nightly stay price excluding VAT and services ÷
//!   (adults + children) × rate, capped at the commune's cap, rounded to the cent.
//!
//! The unit is then increased by each surcharge (departmental 10 %, regional 15 %, 34 %, 200 %…), each
//! on its own line; the rates are data of the tax, not code.

use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::rounding::{percent_of, percent_of_share};
use crate::domain::pricing::tariff::Label;
use serde::{Deserialize, Serialize};

/// How the base unit of a tourist tax is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaxMethod {
    /// A fixed amount per adult per night.
    PerAdultNight(Money),
    /// A percentage of the nightly price per person, capped.
    Percentage {
        /// 1 to 5 % in French law.
        rate: Percent,
        /// The commune's cap per person per night.
        cap: Money,
    },
}

/// An additional tax on the unit: departmental (10 %), regional (Île-de-France 200 %…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Surcharge {
    /// "Taxe additionnelle départementale", "Taxe régionale"…
    pub label: Label,
    /// Increase of the unit tax.
    pub rate: Percent,
}

/// One tourist tax of the organisation (one per commune or classification).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouristTax {
    /// Name shown on quotes, invoices and in the declaration report.
    pub name: Label,
    /// Base unit.
    pub method: TaxMethod,
    /// Surcharges applied to the base unit, in order.
    pub surcharges: Vec<Surcharge>,
}

/// What a tax line counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaxLineKind {
    /// The adults, who pay the base unit.
    Adults,
    /// The children, exempt: a 0 line for the record.
    ChildrenExempt,
    /// A surcharge on the adults' unit.
    Surcharge {
        /// Its label.
        label: Label,
        /// Its rate.
        rate: Percent,
    },
}

/// A line of tourist tax: unit × persons × nights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxLine {
    /// The tax's name.
    pub tax: Label,
    /// What the line counts.
    pub kind: TaxLineKind,
    /// Per person per night.
    pub unit: Money,
    /// Persons counted.
    pub persons: u16,
    /// Nights counted.
    pub nights: i64,
    /// unit × persons × nights.
    pub amount: Money,
}

impl TouristTax {
    /// The base unit per adult per night, after the cap, rounded to the cent.
    /// `stay_excl_vat` is the stay price excluding VAT and services.
    pub fn unit(&self, stay_excl_vat: Money, adults: u16, children: u16, nights: i64) -> Money {
        match &self.method {
            TaxMethod::PerAdultNight(amount) => *amount,
            TaxMethod::Percentage { rate, cap } => {
                let persons = i64::from(adults) + i64::from(children);
                if persons == 0 || nights <= 0 {
                    return Money::ZERO;
                }
                // Rounding then capping equals capping then rounding: the cap is whole cents.
                percent_of_share(stay_excl_vat, persons * nights, *rate).min(*cap)
            }
        }
    }

    /// The lines of this tax for a stay whose price excluding VAT and services is `stay_excl_vat`.
    pub fn lines(
        &self,
        stay_excl_vat: Money,
        adults: u16,
        children: u16,
        nights: i64,
    ) -> Vec<TaxLine> {
        let unit = self.unit(stay_excl_vat, adults, children, nights);
        let line = |kind, unit: Money, persons: u16| TaxLine {
            tax: self.name.clone(),
            kind,
            unit,
            persons,
            nights,
            amount: unit * i64::from(persons) * nights,
        };
        let mut lines = Vec::with_capacity(2 + self.surcharges.len());
        if adults > 0 {
            lines.push(line(TaxLineKind::Adults, unit, adults));
        }
        if children > 0 {
            lines.push(line(TaxLineKind::ChildrenExempt, Money::ZERO, children));
        }
        if adults > 0 {
            for surcharge in self.surcharges.iter().filter(|s| !s.rate.is_zero()) {
                let kind = TaxLineKind::Surcharge {
                    label: surcharge.label.clone(),
                    rate: surcharge.rate,
                };
                lines.push(line(kind, percent_of(unit, surcharge.rate), adults));
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euros(cents: i64) -> Money {
        Money::from_cents(cents)
    }

    fn percentage(rate: u32, cap_cents: i64, surcharges: Vec<Surcharge>) -> TouristTax {
        TouristTax {
            name: "Taxe de séjour".into(),
            method: TaxMethod::Percentage {
                rate: Percent::points(rate),
                cap: euros(cap_cents),
            },
            surcharges,
        }
    }

    fn total(lines: &[TaxLine]) -> Money {
        lines.iter().map(|l| l.amount).sum()
    }

    #[test]
    fn seed_example_five_percent_capped_at_2_30() {
        // "taxe de séjour à 5% avec un plafond à 2,30€ pour un séjour de 3 jours pour 2 adultes et
        // 2 enfants facturé 432€TTC => prix journalier HT = (432 - 72)/3 = 120 => prix journalier par
        // personne = 120 / (2 adultes + 2 enfants) = 30 => taxe unitaire = 30 x 5% = 1,50€ => le
        // plafond de 2,30€ ne s'applique pas => taxe totale = 1,50 x 2 adultes x 3 nuits = 9€"
        let lines = percentage(5, 230, vec![]).lines(euros(36_000), 2, 2, 3);
        assert_eq!(lines[0].unit, euros(150));
        assert_eq!(lines[0].persons, 2);
        assert_eq!(lines[1].kind, TaxLineKind::ChildrenExempt);
        assert_eq!(lines[1].amount, Money::ZERO);
        assert_eq!(total(&lines), euros(900));
    }

    #[test]
    fn the_cap_limits_the_unit() {
        // "Si le montant calculé est supérieur au plafond, la taxe est limitée au plafond."
        let tax = percentage(5, 230, vec![]);
        assert_eq!(tax.unit(euros(120_000), 2, 0, 3), euros(230));
    }

    #[test]
    fn surcharges_apply_after_the_cap_each_on_its_own_line() {
        // "le montant de la taxe unitaire après plafond est majoré de 10%"
        let tax = percentage(
            5,
            230,
            vec![
                Surcharge {
                    label: "Taxe additionnelle départementale".into(),
                    rate: Percent::points(10),
                },
                Surcharge {
                    label: "Taxe régionale".into(),
                    rate: Percent::points(200),
                },
            ],
        );
        let lines = tax.lines(euros(120_000), 2, 0, 3);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].unit, euros(23));
        assert_eq!(lines[2].unit, euros(460));
        assert_eq!(total(&lines), euros(230 * 6 + 23 * 6 + 460 * 6));
    }

    #[test]
    fn fixed_tax_counts_adults_only() {
        // "sur la base du nombre d'adultes de la réservation. Une ligne d'exonération à 0 est ajoutée
        // pour les enfants. Les voyageurs "Autres" ne sont pas pris en compte."
        let tax = TouristTax {
            name: "Taxe de séjour".into(),
            method: TaxMethod::PerAdultNight(euros(88)),
            surcharges: vec![],
        };
        let lines = tax.lines(euros(40_000), 3, 1, 4);
        assert_eq!(total(&lines), euros(88 * 3 * 4));
        assert_eq!(lines[1].persons, 1);
        assert_eq!(lines[1].unit, Money::ZERO);
    }

    #[test]
    fn nobody_counted_means_no_tax() {
        assert!(percentage(5, 230, vec![])
            .lines(euros(30_000), 0, 0, 3)
            .is_empty());
    }
}
