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

/// Measures the pricing engine in the browser (docs/PERFORMANCE.md): prices the 14-night reference
/// stay `count` times and returns the mean time per quote, in microseconds. Called by the end2end
/// measurement with `(await import('/pkg/saison.js')).measure_quotes(10000)`.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn measure_quotes(count: u32) -> f64 {
    use domain::pricing::{benchmark::scenario, quote};
    let (property, settings, request) = scenario(14);
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let start = performance.now();
    let mut total = domain::money::Money::ZERO;
    for _ in 0..count {
        if let Ok(q) = quote(&property, &settings, &request) {
            total = total + q.totals.total;
        }
    }
    let elapsed_ms = performance.now() - start;
    // Keeps the loop from being optimised away.
    if total.is_zero() {
        return f64::NAN;
    }
    elapsed_ms * 1000.0 / f64::from(count.max(1))
}
