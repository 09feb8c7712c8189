//! The compose dialog about a booking or an invoice: choose the template and its language, the
//! recipients (pre-filled with the guest's addresses), subject and message pre-filled and editable,
//! then "Envoyer" — the message goes through the outbox (an invoice's PDF attached) and the first
//! attempt's outcome shows at once.

use super::outcome::Outcome;
use crate::api::contracts::email::{contract_email_draft, send_contract_email};
use crate::api::invoices::email::{invoice_email_draft, send_invoice_email};
use crate::api::mail::compose::{booking_email_draft, send_email, BOOKING_PURPOSES};
use crate::components::field::{FormState, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::ids::{BookingId, InvoiceId};
use crate::domain::mail::{EmailDraft, TemplatePurpose};
use crate::i18n::Lang;
use leptos::prelude::*;

/// What an email is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailAbout {
    /// A booking: written from a booking template.
    Booking(BookingId),
    /// An invoice: written from the invoice template, its PDF attached.
    Invoice(InvoiceId),
    /// A booking's contract: written from the contract template, its PDF attached.
    Contract(BookingId),
}

impl EmailAbout {
    fn purposes(self) -> &'static [TemplatePurpose] {
        match self {
            EmailAbout::Booking(_) => &BOOKING_PURPOSES,
            EmailAbout::Invoice(_) => &[TemplatePurpose::Invoice],
            EmailAbout::Contract(_) => &[TemplatePurpose::Contract],
        }
    }
}

/// "Envoyer un email au client", opening the compose form about `about`.
#[component]
pub fn ComposeEmail(about: EmailAbout) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let open = RwSignal::new(false);
    let purpose = RwSignal::new(about.purposes()[0]);
    let lang = RwSignal::new(t.lang);
    let draft = Resource::new(
        move || open.get().then(|| (purpose.get(), lang.get())),
        move |key| async move {
            match (key, about) {
                (Some((purpose, lang)), EmailAbout::Booking(booking)) => {
                    Some(booking_email_draft(booking, purpose, lang).await)
                }
                (Some((_, lang)), EmailAbout::Invoice(invoice)) => {
                    Some(invoice_email_draft(invoice, lang).await)
                }
                (Some((_, lang)), EmailAbout::Contract(booking)) => {
                    Some(contract_email_draft(booking, lang).await)
                }
                (None, _) => None,
            }
        },
    );
    view! {
        <section class="compose" aria-labelledby="compose-title">
            {move || if open.get() {
                view! {
                    <h3 id="compose-title">{m.compose_title}</h3>
                    <div class="field-row">
                        <div class="field">
                            <label for="field-compose-purpose">{m.compose_template}</label>
                            <select id="field-compose-purpose" on:change=move |ev| {
                                let code = event_target_value(&ev);
                                if let Some(p) = TemplatePurpose::from_code(&code) { purpose.set(p); }
                            }>
                                {about.purposes().iter().copied().map(|p| view! {
                                    <option value=p.code() selected=move || purpose.get() == p>{(m.purpose_name)(p)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="field-compose-lang">{m.template_language}</label>
                            <select id="field-compose-lang" on:change=move |ev| {
                                lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Fr });
                            }>
                                <option value="fr" selected=move || lang.get() == Lang::Fr>"Français"</option>
                                <option value="en" selected=move || lang.get() == Lang::En>"English"</option>
                            </select>
                        </div>
                    </div>
                    <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                        {move || Suspend::new(async move {
                            match draft.await {
                                Some(Ok(initial)) => view! { <ComposeForm initial about on_close=Callback::new(move |()| open.set(false))/> }.into_any(),
                                Some(Err(error)) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                                None => ().into_any(),
                            }
                        })}
                    </Transition>
                }.into_any()
            } else {
                view! {
                    <h3 id="compose-title" class="sr-only">{m.compose_title}</h3>
                    <button type="button" data-testid="compose-open" on:click=move |_| open.set(true)>{m.compose_open}</button>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ComposeForm(initial: EmailDraft, about: EmailAbout, on_close: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let copy_to = initial.copy_to.clone();
    let no_guest_email = initial.recipients.trim().is_empty();
    let form = FormState::new(initial, |d: &EmailDraft| {
        d.validate().err().unwrap_or_default()
    });
    let send = Action::new(move |draft: &EmailDraft| {
        let draft = draft.clone();
        async move {
            match about {
                EmailAbout::Booking(_) => send_email(draft).await,
                EmailAbout::Invoice(invoice) => send_invoice_email(invoice, draft).await,
                EmailAbout::Contract(booking) => send_contract_email(booking, draft).await,
            }
        }
    });
    let outcome = Signal::derive(move || send.value().get().and_then(Result::ok));
    Effect::new(move |_| {
        if let Some(result) = send.value().get() {
            form.server_result(&result);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(draft) = form.submit() {
            send.dispatch(draft);
        }
    };
    view! {
        <form on:submit=on_submit novalidate data-testid="compose-form">
            {no_guest_email.then(|| view! { <p class="notice info">{m.no_guest_email}</p> })}
            <ErrorNotice message=form.summary()/>
            <TextField label=m.recipients name="recipients" hint=m.recipients_hint required=true input_type="text"
                binding=form.text("recipients", |d| d.recipients.clone(), |d, v| d.recipients = v)
                error=form.error("recipients")/>
            <TextField label=m.subject name="subject" required=true
                binding=form.text("subject", |d| d.subject.clone(), |d, v| d.subject = v) error=form.error("subject")/>
            <TextField label=m.body name="body" required=true multiline=true
                binding=form.text("body", |d| d.body.clone(), |d, v| d.body = v) error=form.error("body")/>
            <p class="hint">{match copy_to {
                Some(address) => (m.copy_note)(&address),
                None => m.no_copy_note.to_string(),
            }}</p>
            <Outcome message=outcome/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || send.pending().get()>{m.send}</button>
                <button type="button" on:click=move |_| on_close.run(())>{m.close}</button>
            </div>
        </form>
    }
}
