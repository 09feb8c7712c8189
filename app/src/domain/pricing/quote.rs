//! What is asked of the engine (a [`QuoteRequest`]) and what it answers (a [`Quote`]): every line of
//! the breakdown (the "loupe"), the totals, and the rules the stay breaks, if any.

use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::tariff::{Charge, Label};
use crate::domain::pricing::tourist_tax::TaxLine;
use crate::domain::stay::Stay;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who stays. Guests counted for prices and capacity are adults + children; "others" (babies…) are
/// recorded but never counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Guests {
    /// Adults: counted, pay the tourist tax.
    pub adults: u16,
    /// Children: counted, exempt from tourist tax.
    pub children: u16,
    /// Others: not counted.
    pub others: u16,
}

impl Guests {
    /// Adults and children.
    pub fn counted(self) -> u16 {
        self.adults.saturating_add(self.children)
    }
}

/// An option chosen for a stay, with its quantity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChosenOption {
    /// The option.
    pub charge: Charge,
    /// How many (0 = proposed, not charged).
    pub quantity: u32,
}

/// A stay to price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRequest {
    /// The nights.
    pub stay: Stay,
    /// The guests.
    pub guests: Guests,
    /// Manual discount on the stay price (0 for none).
    pub manual_discount: Percent,
    /// Options with quantities.
    pub options: Vec<ChosenOption>,
    /// A fixed total that replaces the computed stay price.
    pub forfait: Option<Money>,
    /// The platform (Airbnb, Booking.com…) collects the tourist tax: no tax line.
    pub tax_collected_by_platform: bool,
}

/// How a night was priced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NightBasis {
    /// The nightly price.
    Nightly,
    /// The weekend price (Friday and Saturday nights).
    Weekend,
    /// A seventh of the weekly price (stays of 7 nights or more).
    WeeklyShare,
}

/// One night of the stay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NightLine {
    /// The night (the day it starts).
    pub night: NaiveDate,
    /// The season that priced it; `None` for the plan's base prices.
    pub season: Option<Label>,
    /// How it was priced.
    pub basis: NightBasis,
    /// Its price.
    pub amount: Money,
    /// Whether percentage discounts apply to it (not weekly-priced, not in a "no discounts" season).
    pub discountable: bool,
}

/// Supplement for guests beyond those included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplementLine {
    /// Guests beyond those included.
    pub extra_guests: u16,
    /// Per extra guest per night.
    pub unit: Money,
    /// Nights.
    pub nights: i64,
    /// unit × extra guests × nights.
    pub amount: Money,
}

/// Which discount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiscountKind {
    /// Automatic by length of stay, from this many nights.
    Duration {
        /// The threshold reached.
        from_nights: u16,
    },
    /// Typed on the booking.
    Manual,
}

/// A discount on the stay price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscountLine {
    /// Which.
    pub kind: DiscountKind,
    /// Rate.
    pub percent: Percent,
    /// The amount it was computed on (discountable nights and their supplements, after the
    /// previous discount).
    pub base: Money,
    /// The amount taken off (positive).
    pub amount: Money,
}

/// A flat fee or an option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeLine {
    /// Designation.
    pub label: Label,
    /// Price of one unit.
    pub unit_price: Money,
    /// Quantity (1 for a flat fee).
    pub quantity: u32,
    /// VAT rate.
    pub vat_rate: Percent,
    /// unit × quantity.
    pub amount: Money,
    /// A flat fee of the tariff (rather than an option chosen for this stay).
    pub flat_fee: bool,
}

/// VAT of one rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatLine {
    /// The rate.
    pub rate: Percent,
    /// Amount including VAT at that rate.
    pub including_vat: Money,
    /// The VAT.
    pub vat: Money,
    /// Amount excluding VAT.
    pub excluding_vat: Money,
}

/// The totals of a quote. `total` = `stay` + `charges` + `tourist_tax`; `excluding_vat` + `vat` =
/// `stay` + `charges` (the tourist tax is outside both).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Sum of the night lines.
    pub nights: Money,
    /// Extra-guest supplement.
    pub supplements: Money,
    /// Sum of the discounts (positive).
    pub discounts: Money,
    /// Stay price: nights + supplements − discounts, or the forfait.
    pub stay: Money,
    /// Flat fees and options.
    pub charges: Money,
    /// Tourist tax.
    pub tourist_tax: Money,
    /// Stay and charges excluding VAT.
    pub excluding_vat: Money,
    /// VAT.
    pub vat: Money,
    /// What the guest pays.
    pub total: Money,
}

/// A rule of the owner's that the stay breaks. The owner may still force the booking (recorded);
/// guests cannot.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Refusal {
    /// Too short: `required` nights, the stay has `actual` (inside `season` when named).
    MinimumStay {
        /// Nights required.
        required: u16,
        /// Nights of the stay counted (inside the season when there is one).
        actual: i64,
        /// The season whose minimum applies; `None` for the plan's or global minimum.
        season: Option<Label>,
    },
    /// More guests (adults + children) than the property takes.
    TooManyGuests {
        /// Guests asked for.
        guests: u16,
        /// The property's capacity.
        capacity: u16,
    },
}

/// Input the engine cannot price at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum QuoteError {
    /// Longer than [`MAX_NIGHTS`] nights.
    #[error("stay longer than the maximum")]
    StayTooLong,
    /// A manual discount above 100 %.
    #[error("discount above 100 %")]
    DiscountTooHigh,
    /// A manual discount while the settings turn manual discounts off.
    #[error("manual discounts are turned off")]
    DiscountDisabled,
}

/// Longest stay priced.
pub const MAX_NIGHTS: i64 = 730;

/// A priced stay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The nights priced.
    pub stay: Stay,
    /// Tariff name (rate plan, or "Libre").
    pub tariff: Label,
    /// One line per night.
    pub nights: Vec<NightLine>,
    /// Extra-guest supplement, if any.
    pub supplement: Option<SupplementLine>,
    /// Discounts, duration first.
    pub discounts: Vec<DiscountLine>,
    /// The fixed total that replaced the computed stay price, if any.
    pub forfait: Option<Money>,
    /// Flat fees then options.
    pub charges: Vec<ChargeLine>,
    /// Tourist-tax lines of each tax.
    pub tourist_tax: Vec<TaxLine>,
    /// The platform collects the tourist tax.
    pub tax_collected_by_platform: bool,
    /// VAT per rate (empty when VAT is off).
    pub vat: Vec<VatLine>,
    /// Totals.
    pub totals: Totals,
    /// Rules the stay breaks (empty when it may be booked as is).
    pub refusals: Vec<Refusal>,
}

impl Quote {
    /// Whether the stay respects every rule.
    pub fn is_accepted(&self) -> bool {
        self.refusals.is_empty()
    }
}
