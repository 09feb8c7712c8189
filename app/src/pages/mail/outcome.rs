//! Where a message stands after an attempt the user waited for, as a notice: green when sent, red
//! when refused or failing, neutral when kept without a server.

use crate::components::language::use_texts;
use crate::domain::mail::{MessageStatus, OutboxMessage};
use crate::domain::paris_time::in_paris;
use leptos::prelude::*;

/// The notice's class and sentence for `message`.
pub fn outcome_of(message: &OutboxMessage) -> (&'static str, String) {
    let t = use_texts().mail;
    let text = (t.outcome)(
        message.status,
        message.last_failure.as_ref(),
        message.next_attempt_at.map(in_paris),
    );
    let class = match message.status {
        MessageStatus::Sent => "notice success",
        MessageStatus::Held | MessageStatus::Cancelled | MessageStatus::Sending => "notice info",
        MessageStatus::Pending | MessageStatus::Failed => "notice error",
    };
    (class, text)
}

/// The outcome of the last attempt, announced to screen readers.
#[component]
pub fn Outcome(#[prop(into)] message: Signal<Option<OutboxMessage>>) -> impl IntoView {
    view! {
        <div role="status" aria-live="polite" class="notice-slot" data-testid="mail-outcome">
            {move || message.get().map(|m| {
                let (class, text) = outcome_of(&m);
                view! { <p class=class data-status=m.status.code()>{text}</p> }
            })}
        </div>
    }
}
