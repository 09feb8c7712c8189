//! Saison's server: configuration, the database behind the app's ports, sessions, security
//! middleware, demo data and the HTTP application. `main.rs` is only the command line around it;
//! integration tests build the same application through [`startup::build`].

#![recursion_limit = "512"]

pub mod bad_requests;
pub mod config;
pub mod db;
pub mod demo;
pub mod documents;
pub mod events;
pub mod live;
pub mod mail;
pub mod measure_data;
pub mod public;
pub mod routes;
pub mod security;
pub mod sessions;
pub mod startup;
pub mod sync;
pub mod throttle;
