//! The pricing engine (SPEC C5): pure code, compiled for the browser and the server, so the booking
//! form and the public search quote instantly while the server recomputes and stays the authority.
//!
//! [`quote`] takes a [`PricedProperty`] (its tariff, capacity and tourist taxes), the organisation's
//! [`PricingSettings`] and a [`QuoteRequest`], and returns a [`Quote`]: every night, supplement,
//! discount, fee, option, tax and VAT line, the totals, and the rules the stay breaks. The rounding
//! policy is in [`rounding`].

pub mod benchmark;
mod engine;
mod nights;
pub mod quote;
pub mod rounding;
mod rules;
pub mod tariff;
pub mod tourist_tax;
pub mod vat;

#[cfg(test)]
mod invariants;
#[cfg(test)]
mod seed_examples;

pub use engine::quote;
pub use nights::season_of_night;
pub use quote::{
    ChargeLine, ChosenOption, DiscountKind, DiscountLine, Guests, NightBasis, NightLine, Quote,
    QuoteError, QuoteRequest, Refusal, SupplementLine, Totals, VatLine, MAX_NIGHTS,
};
pub use tariff::{
    Charge, DurationDiscount, Label, PricedProperty, PricingSettings, Rates, Season, Tariff,
    VatSettings, DURATION_DISCOUNT_NIGHTS,
};
pub use tourist_tax::{Surcharge, TaxLine, TaxLineKind, TaxMethod, TouristTax};
