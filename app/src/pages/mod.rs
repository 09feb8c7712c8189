//! The screens, one module per screen. Pages call server functions from [`crate::api`] and render
//! with the components of [`crate::components`]; they hold no business rule of their own.

pub mod account;
pub mod contracts;
pub mod customers;
pub mod invoices;
pub mod layout;
pub mod login;
pub mod mail;
pub mod not_built;
pub mod planning;
pub mod properties;
pub mod providers;
#[cfg(feature = "ssr")]
pub mod public;
pub mod rates;
pub mod settings;
pub mod setup;
pub mod sync;
