//! The pure domain of Saison: identifiers, money, stays, roles, and the validation of what people type.
//!
//! Everything here compiles for the browser (WASM) and the server alike, so a form is checked with the
//! same rules as you type and when the server receives it. This module must never do IO, read a clock,
//! generate ids or depend on Leptos: time and ids come in as arguments.

pub mod account;
pub mod booking;
pub mod contract;
pub mod customers;
pub mod field;
pub mod ids;
pub mod invoice;
pub mod lang;
pub mod legal;
pub mod listing;
pub mod mail;
pub mod money;
pub mod paris_time;
pub mod percent;
pub mod pricing;
pub mod property;
pub mod provider;
pub mod public;
pub mod rates;
pub mod role;
pub mod stay;
pub mod sync;
