//! The lines of an invoice made from a booking (seed 004 "Créer une facture pré-remplie"): the stay
//! night by night (runs of nights at one price become one line) unless it was sold as a forfait, the
//! extra-guest supplement, discounts, flat fees and options, and the tourist tax (adults, and a 0
//! line for exempt children). Added up, the lines give exactly the price the booking was sold at.

use crate::domain::invoice::billing::BillingSettings;
use crate::domain::invoice::line::InvoiceLine;
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::{DiscountKind, NightLine, Quote, TaxLineKind};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// How lines are worded, in the document's language (provided by `i18n::invoices`).
#[derive(Clone, Copy)]
pub struct LineWording {
    /// `count` nights from `first` (the night's day), priced by `season` when named.
    pub nights: fn(first: NaiveDate, count: i64, season: Option<&str>) -> String,
    /// The whole stay (a forfait, or a booking stored without its quote).
    pub stay: fn(arrival: NaiveDate, departure: NaiveDate) -> String,
    /// The supplement for `extra` guests beyond those included, per guest per night.
    pub supplement: fn(extra: u16) -> String,
    /// A discount: by duration from `from_nights`, or manual (`None`), at `percent`.
    pub discount: fn(from_nights: Option<u16>, percent: Percent) -> String,
    /// A tourist-tax line of `tax`: adults (`exempt` false) or exempt children, per person per night.
    pub tourist_tax: fn(tax: &str, persons: u16, nights: i64, exempt: bool) -> String,
}

/// One booking of what is invoiced (a grouped booking has several).
pub struct InvoicedStay<'a> {
    /// The property's name (prefixes each line when several properties are invoiced together).
    pub property: &'a str,
    /// Arrival.
    pub arrival: NaiveDate,
    /// Departure.
    pub departure: NaiveDate,
    /// The quote it was sold at, if stored.
    pub quote: Option<&'a Quote>,
    /// The price it was sold at (used when there is no quote).
    pub price: Money,
}

/// The lines of `stays`. `stay_vat_rate` is the stay's VAT rate of the pricing settings.
pub fn lines_of(
    stays: &[InvoicedStay<'_>],
    wording: &LineWording,
    settings: &BillingSettings,
    stay_vat_rate: Percent,
) -> Vec<InvoiceLine> {
    let several = stays.len() > 1;
    let mut lines = Vec::new();
    for stay in stays {
        let named = |designation: String| {
            if several {
                format!("{} — {designation}", stay.property)
            } else {
                designation
            }
        };
        let line = |designation: String, unit: Money, quantity: i64, vat: Percent| InvoiceLine {
            reference: String::new(),
            category: settings.stay_category(),
            designation: named(designation),
            unit_price: unit,
            quantity: Decimal::from(quantity),
            vat_rate: vat,
            tourist_tax: false,
        };
        let Some(quote) = stay.quote else {
            lines.push(line(
                (wording.stay)(stay.arrival, stay.departure),
                stay.price,
                1,
                stay_vat_rate,
            ));
            continue;
        };
        if let Some(forfait) = quote.forfait {
            lines.push(line(
                (wording.stay)(stay.arrival, stay.departure),
                forfait,
                1,
                stay_vat_rate,
            ));
        } else {
            for (first, count, amount, season) in runs(&quote.nights) {
                lines.push(line(
                    (wording.nights)(first, count, season),
                    amount,
                    count,
                    stay_vat_rate,
                ));
            }
            if let Some(supplement) = &quote.supplement {
                let quantity = i64::from(supplement.extra_guests) * supplement.nights;
                lines.push(line(
                    (wording.supplement)(supplement.extra_guests),
                    supplement.unit,
                    quantity,
                    stay_vat_rate,
                ));
            }
            for discount in &quote.discounts {
                let from = match discount.kind {
                    DiscountKind::Duration { from_nights } => Some(from_nights),
                    DiscountKind::Manual => None,
                };
                lines.push(line(
                    (wording.discount)(from, discount.percent),
                    Money::ZERO - discount.amount,
                    1,
                    stay_vat_rate,
                ));
            }
        }
        for charge in &quote.charges {
            lines.push(InvoiceLine {
                category: settings.default_category(),
                quantity: Decimal::from(charge.quantity),
                ..line(
                    charge.label.to_string(),
                    charge.unit_price,
                    0,
                    charge.vat_rate,
                )
            });
        }
        for tax in &quote.tourist_tax {
            let exempt = matches!(tax.kind, TaxLineKind::ChildrenExempt);
            lines.push(InvoiceLine {
                category: settings.tax_category(),
                tourist_tax: true,
                vat_rate: Percent::points(0),
                ..line(
                    (wording.tourist_tax)(&tax.tax, tax.persons, tax.nights, exempt),
                    tax.unit,
                    i64::from(tax.persons) * tax.nights,
                    Percent::points(0),
                )
            });
        }
    }
    lines
}

/// Consecutive nights at one price and season: (first night, count, price, season).
fn runs(nights: &[NightLine]) -> Vec<(NaiveDate, i64, Money, Option<&str>)> {
    let mut runs: Vec<(NaiveDate, i64, Money, Option<&str>)> = Vec::new();
    for night in nights {
        let season = night.season.as_deref();
        match runs.last_mut() {
            Some((_, count, amount, run_season))
                if *amount == night.amount && *run_season == season =>
            {
                *count += 1
            }
            _ => runs.push((night.night, 1, night.amount, season)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::billing::default_categories;
    use crate::domain::invoice::totals::InvoiceTotals;
    use crate::domain::pricing::benchmark::scenario;
    use crate::domain::pricing::quote;

    const WORDING: LineWording = LineWording {
        nights: |first, count, _| format!("{count} nuits dès le {first}"),
        stay: |arrival, departure| format!("Séjour du {arrival} au {departure}"),
        supplement: |extra| format!("Supplément {extra}"),
        discount: |_, percent| format!("Réduction {percent}"),
        tourist_tax: |tax, persons, nights, _| format!("{tax} {persons} × {nights}"),
    };

    fn settings() -> BillingSettings {
        BillingSettings {
            categories: default_categories(),
            ..BillingSettings::default()
        }
    }

    #[test]
    fn the_lines_add_up_to_the_price_the_stay_was_sold_at() {
        for nights in [3, 7, 10, 16] {
            let (property, pricing, request) = scenario(nights);
            let Ok(sold) = quote(&property, &pricing, &request) else {
                panic!("the scenario prices");
            };
            let stay = InvoicedStay {
                property: "Les Mimosas",
                arrival: sold.stay.arrival(),
                departure: sold.stay.departure(),
                quote: Some(&sold),
                price: sold.totals.total,
            };
            let lines = lines_of(&[stay], &WORDING, &settings(), pricing.vat.stay_rate);
            let totals = InvoiceTotals::of(&lines, pricing.vat.enabled);
            assert_eq!(totals.total, sold.totals.total, "{nights} nights");
            assert_eq!(totals.tourist_tax, sold.totals.tourist_tax);
            assert_eq!(
                totals.excluding_vat, sold.totals.excluding_vat,
                "{nights} nights"
            );
            assert!(lines
                .iter()
                .filter(|l| l.tourist_tax)
                .all(|l| l.category == "Taxe de séjour"));
        }
    }

    #[test]
    fn a_forfait_hides_the_night_detail() {
        // Seed 004: « Pour masquer les tarifs, cochez la case "Forfait" du formulaire de réservation ».
        let (property, pricing, mut request) = scenario(7);
        request.forfait = Some(Money::from_cents(80_000));
        let Ok(sold) = quote(&property, &pricing, &request) else {
            panic!("the scenario prices");
        };
        let stay = InvoicedStay {
            property: "Les Mimosas",
            arrival: sold.stay.arrival(),
            departure: sold.stay.departure(),
            quote: Some(&sold),
            price: sold.totals.total,
        };
        let lines = lines_of(&[stay], &WORDING, &settings(), pricing.vat.stay_rate);
        let stay_lines: Vec<_> = lines.iter().filter(|l| l.category == "Séjour").collect();
        assert_eq!(stay_lines.len(), 1);
        assert_eq!(stay_lines[0].amount(), Money::from_cents(80_000));
        assert_eq!(
            InvoiceTotals::of(&lines, pricing.vat.enabled).total,
            sold.totals.total
        );
    }

    #[test]
    fn a_group_prefixes_each_line_with_its_property() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default();
        let stays = [
            InvoicedStay {
                property: "Le Chalet",
                arrival: day(1),
                departure: day(8),
                quote: None,
                price: Money::from_cents(70_000),
            },
            InvoicedStay {
                property: "La Grange",
                arrival: day(1),
                departure: day(8),
                quote: None,
                price: Money::from_cents(50_000),
            },
        ];
        let lines = lines_of(&stays, &WORDING, &settings(), Percent::points(10));
        assert_eq!(lines.len(), 2);
        assert!(lines[1].designation.starts_with("La Grange — Séjour du"));
        assert_eq!(
            InvoiceTotals::of(&lines, false).total,
            Money::from_cents(120_000)
        );
    }
}
