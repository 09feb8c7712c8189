//! One customer's page: their details (the booking form's guest fields and rules), saved from the
//! version opened, and their bookings.

use super::bookings::CustomerBookings;
use crate::api::customers::{get_customer, UpdateCustomer};
use crate::components::field::{FormState, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::booking::CustomerForm;
use crate::domain::customers::CustomerDetails;
use crate::domain::ids::CustomerId;
use crate::error::{AppError, ErrorKind};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The page of one customer.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<CustomerId>().ok()));
    let customer = Resource::new(id, move |id| async move {
        match id {
            Some(id) => get_customer(id).await,
            None => Err(AppError::new(ErrorKind::NotFound, t.err_not_found)),
        }
    });
    view! {
        <Title text=c.customer_title/>
        <p><A href="/clients">{c.back_to_list}</A></p>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match customer.await {
                    Ok(details) => view! { <CustomerView details/> }.into_any(),
                    Err(error) => view! {
                        <h1>{c.customer_title}</h1>
                        <p class="notice error" role="alert">{error.display(t)}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CustomerView(details: CustomerDetails) -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let b = t.bookings;
    let id = details.id;
    let version = RwSignal::new(details.version);
    let heading = RwSignal::new(details.form.name.clone());
    let form = FormState::new(details.form.clone(), |f: &CustomerForm| {
        f.validate().err().unwrap_or_default()
    });
    let saved = RwSignal::new(None::<String>);
    let action = ServerAction::<UpdateCustomer>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if let Ok(new_version) = result {
                version.set(new_version);
                heading.set(form.value.with_untracked(|f| f.name.trim().to_owned()));
                saved.set(Some(c.customer_saved.to_string()));
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(UpdateCustomer {
                id,
                version: version.get_untracked(),
                form: value,
            });
        }
    };
    view! {
        <h1>{move || heading.get()}</h1>
        <form on:submit=on_submit novalidate class="panel" aria-labelledby="customer-details-title">
            <h2 id="customer-details-title">{c.details_title}</h2>
            <SuccessNotice message=saved/>
            <ErrorNotice message=form.summary()/>
            <TextField label=b.customer_name name="customer_name" required=true autocomplete="off"
                binding=form.text("customer_name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("customer_name")/>
            <TextField label=b.customer_address name="customer_address" multiline=true
                binding=form.text("customer_address", |f| f.address.clone(), |f, v| f.address = v) error=form.error("customer_address")/>
            <div class="row">
                <TextField label=b.customer_emails name="customer_emails" hint=b.several_hint autocomplete="off"
                    binding=form.text("customer_emails", |f| f.emails.clone(), |f, v| f.emails = v) error=form.error("customer_emails")/>
                <TextField label=b.customer_phones name="customer_phones" hint=b.several_hint autocomplete="off"
                    binding=form.text("customer_phones", |f| f.phones.clone(), |f, v| f.phones = v) error=form.error("customer_phones")/>
            </div>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.save}</button>
            </div>
        </form>
        <CustomerBookings bookings=details.bookings/>
    }
}
