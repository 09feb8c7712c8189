//! Rate management (SPEC C5): the forms behind the rate plans, their seasons, the organisation's
//! pricing settings and its catalogue (predefined options, tourist taxes), validated the same way in
//! the browser and on the server, and turned into the engine's [`crate::domain::pricing`] inputs.

pub mod catalogue;
pub mod plan;
pub mod quote_query;
pub mod season;
pub mod settings;

pub use catalogue::{
    choose_options, ChargeOption, ChargeOptionForm, StoredTouristTax, TouristTaxForm,
};
pub use plan::{RatePlan, RatePlanForm, RatePlanInput, RatePlanSummary, StoredSeason};
pub use quote_query::{QuoteQuery, ValidQuoteQuery};
pub use season::SeasonForm;
pub use settings::{default_settings, DurationDiscountForm, PricingSettingsForm};

/// Longest minimum stay accepted, in nights.
pub const MAX_MINIMUM_STAY: i64 = 365;
