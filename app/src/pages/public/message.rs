//! A public page that only says something: not found, too many requests, unavailable.

use super::shell::PublicShell;
use crate::domain::public::EmbedStyle;
use leptos::prelude::*;

/// A page with one message.
#[component]
pub fn MessagePage(message: &'static str, style: EmbedStyle) -> impl IntoView {
    view! {
        <PublicShell title=message.to_string() style=style>
            <p class="message" role="alert">{message}</p>
        </PublicShell>
    }
}
