//! "Clients" (SPEC C4, C13): the customer list with its search and the customer-list export, and one
//! customer's page with their editable details and their bookings.

mod bookings;
mod details;
mod export;
mod list;

pub use details::CustomerPage;
pub use list::CustomerListPage;
