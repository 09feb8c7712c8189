//! Every rule of SPEC C5 as a test, with the worked examples of seed 004 quoted verbatim: the
//! fixtures here, the rules by subject in the submodules.

mod discounts;
mod seasons;
mod stays;
mod taxes;

use super::*;
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::stay::Stay;
use chrono::NaiveDate;

fn euros(amount: i64) -> Money {
    Money::from_cents(amount * 100)
}

/// 2027: 7 May is a Friday.
fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, month, d).unwrap_or_default()
}

fn stay(from: NaiveDate, to: NaiveDate) -> Stay {
    Stay::new(from, to).unwrap_or_else(|_| panic!("bad test stay"))
}

fn plan(nightly: i64) -> Tariff {
    Tariff {
        name: "Gîte".into(),
        base: Rates::nightly(euros(nightly)),
        guests_included: 4,
        extra_guest_fee: Money::ZERO,
        minimum_stay: None,
        seasons: vec![],
        flat_fees: vec![],
    }
}

fn season(name: &str, first: NaiveDate, last: NaiveDate, nightly: i64) -> Season {
    Season {
        name: name.into(),
        first_night: first,
        last_night: last,
        rates: Rates::nightly(euros(nightly)),
        minimum_stay: None,
        no_discounts: false,
    }
}

fn property(tariff: Tariff) -> PricedProperty {
    PricedProperty {
        name: "Les Mimosas".into(),
        capacity: 6,
        tariff,
        tourist_taxes: vec![],
    }
}

/// The seed's examples apply manual discounts: the setting that allows them is on.
fn settings() -> PricingSettings {
    PricingSettings {
        minimum_stay: 1,
        manual_discount_enabled: true,
        ..PricingSettings::default()
    }
}

fn request(stay: Stay, adults: u16, children: u16) -> QuoteRequest {
    QuoteRequest {
        stay,
        guests: Guests {
            adults,
            children,
            others: 0,
        },
        manual_discount: Percent::ZERO,
        options: vec![],
        forfait: None,
        tax_collected_by_platform: false,
    }
}

fn price(property: &PricedProperty, settings: &PricingSettings, request: &QuoteRequest) -> Quote {
    quote(property, settings, request).unwrap_or_else(|e| panic!("no quote: {e}"))
}
