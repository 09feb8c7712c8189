//! The reference scenarios of docs/PERFORMANCE.md, shared by the native criterion benchmark and the
//! in-browser (WASM) measurement so both time exactly the same quote.

use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::{
    Charge, ChosenOption, DurationDiscount, Guests, PricedProperty, PricingSettings, QuoteRequest,
    Rates, Season, Surcharge, Tariff, TaxMethod, TouristTax, VatSettings,
};
use crate::domain::stay::Stay;
use chrono::{Days, NaiveDate};

fn euros(amount: i64) -> Money {
    Money::from_cents(amount * 100)
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, month, day).unwrap_or_default()
}

/// A plan with three overlapping seasons (weekly and weekend prices), extra guests, a flat fee,
/// duration discounts, VAT and a percentage tourist tax with both surcharges.
pub fn scenario(nights: u64) -> (PricedProperty, PricingSettings, QuoteRequest) {
    let season = |name: &str,
                  first: NaiveDate,
                  last: NaiveDate,
                  nightly: i64,
                  weekly: Option<i64>,
                  weekend: Option<i64>| Season {
        name: name.into(),
        first_night: first,
        last_night: last,
        rates: Rates {
            nightly: euros(nightly),
            weekly: weekly.map(euros),
            weekend: weekend.map(euros),
        },
        minimum_stay: Some(3),
        no_discounts: false,
    };
    let property = PricedProperty {
        name: "Les Mimosas".into(),
        capacity: 8,
        tariff: Tariff {
            name: "Gîte 6 personnes".into(),
            base: Rates {
                nightly: euros(90),
                weekly: None,
                weekend: Some(euros(110)),
            },
            guests_included: 4,
            extra_guest_fee: euros(15),
            minimum_stay: Some(2),
            seasons: vec![
                season(
                    "Haute saison",
                    date(7, 1),
                    date(8, 31),
                    140,
                    Some(900),
                    None,
                ),
                season(
                    "Très haute saison",
                    date(7, 14),
                    date(8, 15),
                    180,
                    None,
                    Some(200),
                ),
                season(
                    "Moyenne saison",
                    date(6, 1),
                    date(7, 10),
                    110,
                    Some(700),
                    Some(130),
                ),
            ],
            flat_fees: vec![Charge {
                label: "Ménage de fin de séjour".into(),
                unit_price: euros(70),
                vat_rate: Percent::points(20),
            }],
        },
        tourist_taxes: vec![TouristTax {
            name: "Taxe de séjour 5 %".into(),
            method: TaxMethod::Percentage {
                rate: Percent::points(5),
                cap: Money::from_cents(230),
            },
            surcharges: vec![
                Surcharge {
                    label: "Taxe additionnelle départementale".into(),
                    rate: Percent::points(10),
                },
                Surcharge {
                    label: "Taxe régionale".into(),
                    rate: Percent::points(34),
                },
            ],
        }],
    };
    let settings = PricingSettings {
        minimum_stay: 2,
        duration_discounts: vec![
            DurationDiscount {
                from_nights: 3,
                percent: Percent::points(5),
            },
            DurationDiscount {
                from_nights: 10,
                percent: Percent::points(10),
            },
        ],
        manual_discount_enabled: true,
        vat: VatSettings {
            enabled: true,
            stay_rate: Percent::points(10),
        },
    };
    let arrival = date(7, 5);
    let request = QuoteRequest {
        stay: Stay::new(arrival, arrival + Days::new(nights.max(1)))
            .unwrap_or_else(|_| unreachable!("at least one night")),
        guests: Guests {
            adults: 4,
            children: 2,
            others: 1,
        },
        manual_discount: Percent::points(5),
        options: vec![ChosenOption {
            charge: Charge {
                label: "Linge de lit".into(),
                unit_price: euros(12),
                vat_rate: Percent::points(20),
            },
            quantity: 3,
        }],
        forfait: None,
        tax_collected_by_platform: false,
    };
    (property, settings, request)
}
