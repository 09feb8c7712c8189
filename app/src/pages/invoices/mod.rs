//! The invoice screens (SPEC C7): the table, the editor of a draft and the view of an issued
//! invoice with its payments, and the "Facture" button of the booking form.

pub mod editor;
pub mod from_booking;
pub mod lines;
pub mod list;
pub mod payments;
pub mod toolbar;
