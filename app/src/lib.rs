//! Saison's application crate: the pure domain, the pages, the server functions and the ports.
//!
//! Built twice: for the browser with `hydrate` (WASM: domain, pages, server function stubs) and for
//! the server with `ssr` (adds the ports and the server function bodies). It never depends on the
//! `server` crate; the server injects its implementations of [`ports`] as Leptos context.

#![recursion_limit = "256"]

// The `#[server]` and `#[component]` macros generate argument and prop structs whose fields cannot
// carry docs; the functions themselves are documented.
#[allow(missing_docs)]
pub mod api;
#[allow(missing_docs)]
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
#[allow(missing_docs)]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
mod shell;

pub use shell::{shell, App};

/// Entry point of the browser bundle: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
