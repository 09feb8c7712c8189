//! What the property screens show: a line of the list, and the choices the form offers.

use crate::domain::ids::PropertyId;
use crate::domain::money::Money;
use serde::{Deserialize, Serialize};

/// One line of the property list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropertySummary {
    /// Id.
    pub id: PropertyId,
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Capacity.
    pub capacity: u16,
    /// The owner's name, if any.
    pub owner_name: Option<String>,
    /// The rate plan's name, or `None` for a fixed price.
    pub rate_plan_name: Option<String>,
    /// The fixed nightly price, if "Libre".
    pub fixed_price: Option<Money>,
    /// Listed publicly.
    pub public_listing: bool,
    /// How many bookings it has.
    pub booking_count: i64,
}

/// A choice offered in a select (owner, rate plan).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The id, as text.
    pub id: String,
    /// The label shown.
    pub label: String,
}

/// The choices the property form offers, from the organisation's data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertyFormChoices {
    /// The organisation's owners.
    pub owners: Vec<Choice>,
    /// The organisation's rate plans.
    pub rate_plans: Vec<Choice>,
    /// The organisation's tourist taxes.
    pub tourist_taxes: Vec<Choice>,
}
