//! The booking request form (a plain POST form): the stay and its price as the engine computed it,
//! the guest's name, email, phone and message, the conditions to accept; a hidden field catches
//! robots. After sending: the confirmation page.

use super::shell::PublicShell;
use super::PublicField;
use crate::components::language::use_texts;
use crate::components::quote_breakdown::QuoteBreakdown;
use crate::domain::field::FieldErrors;
use crate::domain::pricing::Quote;
use crate::domain::public::request::HONEYPOT;
use crate::domain::public::{EmbedStyle, RequestForm};
use leptos::prelude::*;

/// What the request page shows.
#[derive(Clone, Debug)]
pub struct RequestPageData {
    /// Where the form is posted.
    pub action: String,
    /// The home's name.
    pub home: String,
    /// The stay in words ("Du … au … · 7 nuits · 2 adultes").
    pub stay: String,
    /// Its price, when the stay is valid.
    pub quote: Option<Quote>,
    /// What was typed.
    pub form: RequestForm,
    /// The fields refused.
    pub errors: FieldErrors,
    /// A message above the form (dates taken meanwhile, rules refused, fields to check).
    pub alert: Vec<String>,
    /// The conditions to accept.
    pub conditions: String,
    /// Booked at once rather than asked.
    pub instant: bool,
    /// The address of the search.
    pub back: String,
    /// Fields carried along (the stay, the embedding site's colours).
    pub hidden: Vec<(String, String)>,
    /// The embedding site's colours and language.
    pub style: EmbedStyle,
}

/// The request page.
#[component]
pub fn RequestPage(data: RequestPageData) -> impl IntoView {
    let t = use_texts();
    let p = t.public;
    let form = data.form;
    let errors = data.errors;
    let message_error = super::error_of(&errors, "message");
    let conditions_error = super::error_of(&errors, "conditions");
    view! {
        <PublicShell title=(p.request_title)(&data.home) style=data.style>
            <p><a href=data.back>{p.back_to_search}</a></p>
            <h1>{(p.request_title)(&data.home)}</h1>
            <p class="facts">{data.stay}</p>
            <p>{if data.instant { p.instant_intro } else { p.request_intro }}</p>
            {(!data.alert.is_empty()).then(|| view! {
                <div class="alert" role="alert">
                    {data.alert.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
            })}
            {data.quote.map(|quote| view! { <QuoteBreakdown quote=quote/> })}
            <form class="request" method="post" action=data.action novalidate>
                {data.hidden.into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                <PublicField name="nom" label=p.name value=form.name autocomplete="name"
                    required=true errors=errors.clone()/>
                <PublicField name="email" label=p.email value=form.email kind="email"
                    autocomplete="email" required=true errors=errors.clone()/>
                <PublicField name="telephone" label=p.phone value=form.phone kind="tel"
                    autocomplete="tel" required=true errors=errors.clone()/>
                <div class="field">
                    <label for="f-message">{p.message}</label>
                    <textarea id="f-message" name="message" rows="4" placeholder=p.message_hint
                        aria-invalid=message_error.is_some().then_some("true")>{form.message}</textarea>
                    {message_error.map(|text| view! { <p class="error">{text}</p> })}
                </div>
                <div class="field hp" aria-hidden="true">
                    <label for="f-hp">{p.honeypot_label}</label>
                    <input id="f-hp" type="text" name=HONEYPOT value="" tabindex="-1" autocomplete="off"/>
                </div>
                {(!data.conditions.trim().is_empty()).then(|| view! {
                    <details class="conditions">
                        <summary>{p.conditions_title}</summary>
                        <p class="conditions-text">{data.conditions.clone()}</p>
                    </details>
                })}
                <div class="field check">
                    <input id="f-conditions" type="checkbox" name="conditions" checked=form.accepted
                        aria-invalid=conditions_error.is_some().then_some("true")
                        aria-describedby=conditions_error.is_some().then_some("e-conditions")/>
                    <label for="f-conditions">{p.conditions_label}</label>
                    {conditions_error.map(|text| view! { <p class="error" id="e-conditions">{text}</p> })}
                </div>
                <button type="submit">{if data.instant { p.send_instant } else { p.send_request }}</button>
            </form>
        </PublicShell>
    }
}

/// The page after a request was written.
#[component]
pub fn DonePage(
    instant: bool,
    email: String,
    home: String,
    stay: String,
    total: String,
    back: String,
    style: EmbedStyle,
) -> impl IntoView {
    let p = use_texts().public;
    let title = if instant {
        p.confirmed_title
    } else {
        p.received_title
    };
    view! {
        <PublicShell title=title.to_string() style=style>
            <h1>{title}</h1>
            <div class="done" role="status">
                <p>{if instant { (p.confirmed_body)(&email) } else { (p.received_body)(&email) }}</p>
                <p><strong>{home}</strong></p>
                <p>{stay}</p>
                <p data-testid="done-total">{total}</p>
            </div>
            <p><a href=back>{p.back_to_search}</a></p>
        </PublicShell>
    }
}
