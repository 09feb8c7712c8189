//! A page of the customer list, and one customer with their bookings.

use crate::domain::booking::{BookingStatus, CustomerForm, CustomerSummary};
use crate::domain::ids::{BookingId, CustomerId, PropertyId};
use crate::domain::money::Money;
use crate::domain::stay::Stay;
use serde::{Deserialize, Serialize};

/// Customers per page of the list.
pub const CUSTOMER_PAGE_SIZE: i64 = 50;

/// One page of the customer list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    /// The customers of the page, by name.
    pub customers: Vec<CustomerSummary>,
    /// How many customers match the search in all.
    pub total: i64,
    /// The page shown, from 0.
    pub page: i64,
}

impl CustomerPage {
    /// How many pages the matching customers fill (at least 1).
    pub fn pages(&self) -> i64 {
        ((self.total + CUSTOMER_PAGE_SIZE - 1) / CUSTOMER_PAGE_SIZE).max(1)
    }
}

/// One booking of a customer, as their page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerBooking {
    /// The booking.
    pub id: BookingId,
    /// Its property.
    pub property_id: PropertyId,
    /// The property's name.
    pub property_name: String,
    /// Arrival and departure.
    pub stay: Stay,
    /// Its status.
    pub status: BookingStatus,
    /// What the guest pays, as sold.
    pub price: Money,
}

/// A customer opened on their page: their details (editable) and their bookings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerDetails {
    /// Id.
    pub id: CustomerId,
    /// Optimistic version: a save made from an older one is refused.
    pub version: i64,
    /// Name, address, emails and phones as stored (`form.id` is the customer's id).
    pub form: CustomerForm,
    /// Their bookings, latest arrival first.
    pub bookings: Vec<CustomerBooking>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_round_up() {
        let page = |total| CustomerPage {
            customers: Vec::new(),
            total,
            page: 0,
        };
        assert_eq!(page(0).pages(), 1);
        assert_eq!(page(CUSTOMER_PAGE_SIZE).pages(), 1);
        assert_eq!(page(CUSTOMER_PAGE_SIZE + 1).pages(), 2);
    }
}
