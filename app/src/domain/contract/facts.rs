//! What a contract is written from (the parties, the homes, the stay, the amounts as sold) and the
//! words it is written with, in one language.

use crate::domain::money::Money;
use crate::domain::pricing::Guests;
use chrono::NaiveDate;

/// A person named in the contract.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Party {
    /// Name.
    pub name: String,
    /// Address (several lines).
    pub address: String,
}

/// A rented home.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HomeFacts {
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Capacity.
    pub capacity: u16,
    /// Registration number (loi Le Meur), if any.
    pub registration: Option<String>,
    /// Security deposit of the property form.
    pub security_deposit: Money,
    /// Contractual description (état descriptif).
    pub description: String,
}

/// An option of the stay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionFacts {
    /// Designation.
    pub label: String,
    /// Unit price.
    pub unit_price: Money,
    /// Quantity; 0 = offered, price shown without total.
    pub quantity: u32,
}

/// What a contract is written from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractFacts {
    /// The lessor (owner or manager).
    pub lessor: Party,
    /// The billing address (when the settings print it instead of each home's).
    pub billing_address: String,
    /// The tenant.
    pub tenant: Party,
    /// The home(s).
    pub homes: Vec<HomeFacts>,
    /// Arrival.
    pub arrival: NaiveDate,
    /// Departure.
    pub departure: NaiveDate,
    /// Guests (summed over a group).
    pub guests: Guests,
    /// What the guest pays in all (options and tourist tax included).
    pub total: Money,
    /// Options.
    pub options: Vec<OptionFacts>,
    /// The deposit (arrhes) typed on the booking(s).
    pub booking_deposit: Money,
    /// The security deposit typed on the contract screen (manual mode).
    pub manual_security_deposit: Money,
    /// The booking's contract message.
    pub message: String,
}

/// The contract's words in one language (provided by `i18n::contracts`).
#[derive(Clone, Copy)]
#[allow(missing_docs)]
pub struct ContractWording {
    pub money: fn(Money) -> String,
    pub date: fn(NaiveDate) -> String,
    pub parties_heading: &'static str,
    pub parties: fn(lessor: &Party, tenant: &Party) -> String,
    pub home_heading: &'static str,
    pub home:
        fn(name: Option<&str>, address: &str, capacity: u16, registration: Option<&str>) -> String,
    pub stay_heading: &'static str,
    pub stay: fn(arrival: &str, departure: &str) -> String,
    pub nights: fn(i64) -> String,
    pub persons: fn(Guests) -> Vec<String>,
    pub conditions_heading: &'static str,
    pub price: fn(&str) -> String,
    pub option_line: fn(label: &str, unit: &str, quantity: u32, total: Option<&str>) -> String,
    pub options_total: fn(&str) -> String,
    pub arrhes: fn(&str) -> String,
    pub balance: fn(amount: &str, terms: &str) -> String,
    pub security_deposit: fn(label: &str, amount: &str) -> String,
    pub signatures: &'static str,
    pub annexes_heading: &'static str,
    pub general_heading: &'static str,
    pub description_heading: fn(&str) -> String,
}
