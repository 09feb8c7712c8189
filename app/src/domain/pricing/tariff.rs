//! What the engine prices with: a property's tariff (a rate plan with its seasons, or a fixed
//! "Libre" price), the organisation's pricing settings, and the charges (flat fees, options).

use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::tourist_tax::TouristTax;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A name or designation shared between the inputs and every quote line that shows it (cloning
/// it costs no allocation).
pub type Label = Arc<str>;

/// The prices of a night: nightly, and optionally a weekly price and a weekend price.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rates {
    /// Price of one night.
    pub nightly: Money,
    /// Price of 7 nights, used for stays of 7 nights or more (each night costs weekly ÷ 7).
    pub weekly: Option<Money>,
    /// Price of a Friday or Saturday night.
    pub weekend: Option<Money>,
}

impl Rates {
    /// Only a nightly price.
    pub fn nightly(price: Money) -> Rates {
        Rates {
            nightly: price,
            weekly: None,
            weekend: None,
        }
    }
}

/// A dated period of a rate plan with its own prices (haute saison, pont de mai…).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Season {
    /// Name shown in the breakdown and in refusals.
    pub name: Label,
    /// First night covered.
    pub first_night: NaiveDate,
    /// Last night covered (included).
    pub last_night: NaiveDate,
    /// The season's prices.
    pub rates: Rates,
    /// Minimum number of the stay's nights inside this season; replaces the plan's and the global
    /// minimum for that part of the stay.
    pub minimum_stay: Option<u16>,
    /// No duration or manual discount on the nights of this season.
    pub no_discounts: bool,
}

impl Season {
    /// Whether the night starting on `night` lies in this season.
    pub fn covers(&self, night: NaiveDate) -> bool {
        self.first_night <= night && night <= self.last_night
    }

    /// The number of nights the season spans.
    pub fn length(&self) -> i64 {
        (self.last_night - self.first_night).num_days() + 1
    }
}

/// A line that can be added to a stay: a predefined option (ménage, linge, repas…) or a flat fee.
/// Prices include VAT when VAT applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charge {
    /// Designation shown to the guest.
    pub label: Label,
    /// Price of one unit.
    pub unit_price: Money,
    /// VAT rate of this line (used only when VAT is on).
    pub vat_rate: Percent,
}

/// How a property's nights are priced: a rate plan, or "Libre" (a fixed nightly price).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tariff {
    /// Name of the plan ("Libre" for a fixed price), shown in the breakdown.
    pub name: Label,
    /// Prices used on nights no season covers.
    pub base: Rates,
    /// Guests (adults + children) included in the price.
    pub guests_included: u16,
    /// Supplement per guest beyond `guests_included`, per night.
    pub extra_guest_fee: Money,
    /// Minimum stay of the plan; replaces the global minimum. `None` keeps the global one.
    pub minimum_stay: Option<u16>,
    /// Seasons, in any order; where they overlap the most expensive wins.
    pub seasons: Vec<Season>,
    /// Charged once per stay, whatever its length and the number of guests (ménage de sortie…).
    pub flat_fees: Vec<Charge>,
}

impl Tariff {
    /// The "Libre" tariff: a fixed nightly price, no season, no supplement.
    pub fn fixed(nightly: Money) -> Tariff {
        Tariff {
            name: "Libre".into(),
            base: Rates::nightly(nightly),
            guests_included: 0,
            extra_guest_fee: Money::ZERO,
            minimum_stay: None,
            seasons: Vec::new(),
            flat_fees: Vec::new(),
        }
    }
}

/// A duration discount: from `from_nights` nights on, `percent` off the stay price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DurationDiscount {
    /// Threshold, 2 to 120 nights.
    pub from_nights: u16,
    /// Discount.
    pub percent: Percent,
}

/// Shortest and longest thresholds of a duration discount.
pub const DURATION_DISCOUNT_NIGHTS: std::ops::RangeInclusive<u16> = 2..=120;

/// VAT as the organisation applies it to quotes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatSettings {
    /// Off by default (most private owners are not subject to VAT).
    pub enabled: bool,
    /// Rate of the stay itself (options carry their own).
    pub stay_rate: Percent,
}

/// The organisation's pricing settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricingSettings {
    /// Global minimum stay, in nights (1 = no minimum).
    pub minimum_stay: u16,
    /// Discounts by length of stay, any order.
    pub duration_discounts: Vec<DurationDiscount>,
    /// Whether bookings carry a manual discount field.
    pub manual_discount_enabled: bool,
    /// VAT.
    pub vat: VatSettings,
}

impl PricingSettings {
    /// The duration discount for a stay of `nights`: the highest threshold reached, ignoring
    /// thresholds left at 0 % (a threshold applies to all longer stays until a higher one).
    pub fn duration_discount(&self, nights: i64) -> Option<DurationDiscount> {
        self.duration_discounts
            .iter()
            .filter(|d| !d.percent.is_zero() && i64::from(d.from_nights) <= nights)
            .max_by_key(|d| d.from_nights)
            .copied()
    }
}

/// Everything about the property the engine needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedProperty {
    /// Property name, for messages.
    pub name: String,
    /// Maximum guests (adults + children).
    pub capacity: u16,
    /// Its tariff.
    pub tariff: Tariff,
    /// The tourist taxes that apply to it (usually one).
    pub tourist_taxes: Vec<TouristTax>,
}
