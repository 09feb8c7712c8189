//! Screens that are not built yet say so plainly, and the page for unknown addresses.

use crate::components::language::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

/// A screen of the navigation that is not built yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Réservations.
    Bookings,
    /// Factures.
    Invoices,
    /// Rapports.
    Reports,
}

/// The honest placeholder of a screen not built yet.
#[component]
pub fn NotBuiltPage(screen: Screen) -> impl IntoView {
    let t = use_texts();
    let name = match screen {
        Screen::Bookings => t.nav_bookings,
        Screen::Invoices => t.nav_invoices,
        Screen::Reports => t.nav_reports,
    };
    view! {
        <Title text=name/>
        <h1>{name}</h1>
        <section class="not-built" aria-labelledby="not-built-title">
            <h2 id="not-built-title">{t.not_built_title}</h2>
            <p>{(t.not_built_body)(name)}</p>
        </section>
    }
}

/// Unknown address.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_texts();
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t.page_not_found/>
        <main id="contenu" class="narrow">
            <h1>{t.page_not_found}</h1>
            <p><a href="/">{t.back_home}</a></p>
        </main>
    }
}
