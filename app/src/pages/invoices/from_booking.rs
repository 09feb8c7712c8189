//! "Facture" on the booking form: opens the booking's invoice, creating the draft the first time.

use crate::api::invoices::create::invoice_for_booking;
use crate::components::language::use_texts;
use crate::domain::ids::BookingId;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The button.
#[component]
pub fn InvoiceButton(booking: BookingId) -> impl IntoView {
    let t = use_texts();
    let navigate = use_navigate();
    let open = Action::new(move |_: &()| invoice_for_booking(booking));
    Effect::new(move |_| {
        if let Some(Ok(id)) = open.value().get() {
            navigate(&format!("/factures/{id}"), Default::default());
        }
    });
    view! {
        <button type="button" data-testid="booking-invoice" disabled=move || open.pending().get()
            on:click=move |_| { open.dispatch(()); }>{t.invoices.invoice_button}</button>
        {move || open.value().get().and_then(Result::err).map(|error| view! {
            <p class="notice error" role="alert">{error.display(t)}</p>
        })}
    }
}
