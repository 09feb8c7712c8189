//! "Contrat" on the booking form: opens the booking's contract (written the first time).

use crate::components::language::use_texts;
use crate::domain::ids::BookingId;
use leptos::prelude::*;
use leptos_router::components::A;

/// The link.
#[component]
pub fn ContractButton(booking: BookingId) -> impl IntoView {
    let t = use_texts();
    view! {
        <A href=format!("/reservations/{booking}/contrat") attr:class="button" attr:data-testid="booking-contract">
            {t.contracts.contract_button}
        </A>
    }
}
