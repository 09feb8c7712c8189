//! Short notices: success after an action, or an error that is not tied to one field.

use leptos::prelude::*;

/// A success notice, announced politely to screen readers.
#[component]
pub fn SuccessNotice(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div role="status" aria-live="polite" class="notice-slot">
            {move || message.get().map(|m| view! { <p class="notice success">{m}</p> })}
        </div>
    }
}

/// An error notice, announced immediately to screen readers.
#[component]
pub fn ErrorNotice(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <div role="alert" class="notice-slot">
            {move || message.get().map(|m| view! { <p class="notice error">{m}</p> })}
        </div>
    }
}
