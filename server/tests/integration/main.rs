//! Saison's integration tests, one binary: every module starts the real app on 127.0.0.1:0 with a
//! fresh database per test (see `common`). One binary rather than one per file: each test binary
//! links the whole server (~300 MB unoptimised), so twenty of them cost minutes of linking and
//! gigabytes of disk on every CI run. Run one module with `cargo test -p server --test integration
//! <module>::`.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod bookings;
mod calendar_export;
mod calendar_polling;
mod calendar_sync;
mod calendar_sync_import;
mod contracts;
mod customers;
mod demo;
mod documents;
mod grouped_bookings;
mod ical_reader;
mod invoices;
mod live;
mod mail_api;
mod mail_outbox;
mod mail_restart;
mod properties;
mod providers;
mod public_booking;
mod public_cache;
mod rates;
mod statuses;
mod tenancy;
