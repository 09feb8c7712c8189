//! Customers (SPEC C4, C13): the guests kept from bookings, as the customers screen lists and edits
//! them, and the customer-list export of seed 004 ("les clients ayant fait au moins une réservation
//! dans l'année", filtered by property and status). The guest's own fields and their validation are
//! [`CustomerForm`](crate::domain::booking::CustomerForm), shared with the booking form.

pub mod csv;
pub mod details;
pub mod export;

pub use details::{CustomerBooking, CustomerDetails, CustomerPage, CUSTOMER_PAGE_SIZE};
pub use export::{ExportFilter, ExportRow};
