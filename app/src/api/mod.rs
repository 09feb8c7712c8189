//! Server functions, one file per capability. Each one authenticates (session), authorises (role),
//! validates (domain), calls a port with the organisation taken from the session, and maps errors to
//! [`AppError`](crate::error::AppError). No SQL here.
//!
//! All use JSON input so they can be called from scripts and tests as `POST /api/<endpoint>`.

pub mod auth;
pub mod bookings;
pub mod contracts;
pub mod customers;
pub mod invoices;
pub mod mail;
pub mod properties;
pub mod providers;
pub mod public_site;
pub mod quote;
pub mod rates;
pub mod statuses;
pub mod sync;
pub mod users;

#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod members;
