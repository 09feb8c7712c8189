//! Parts of the booking form: the guest (search among customers, or a new one) and the catalogue's
//! options with their quantities.

use crate::api::bookings::{search_customers, QuotingContext};
use crate::components::field::{FormState, TextField};
use crate::components::language::use_texts;
use crate::domain::booking::{BookingForm, OptionQuantity};
use leptos::prelude::*;

/// The guest: search among customers, or type a new one.
#[component]
pub fn GuestFields(form: FormState<BookingForm>) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let search = RwSignal::new(String::new());
    let found = Resource::new(
        move || search.get(),
        |text| async move {
            if text.trim().chars().count() < 2 {
                return None;
            }
            search_customers(text).await.ok()
        },
    );
    let picked = Signal::derive(move || {
        form.value
            .with(|f| (!f.customer.id.is_empty()).then(|| f.customer.name.clone()))
    });
    view! {
        <fieldset>
            <legend>{b.guest_title}</legend>
            <div class="field guest-search">
                <label for="field-guest-search">{b.guest_search}</label>
                <input id="field-guest-search" type="search" autocomplete="off" aria-describedby="guest-search-hint"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                <p class="hint" id="guest-search-hint">{b.guest_search_hint}</p>
                <Transition>
                    {move || found.get().flatten().map(|list| if list.is_empty() {
                        view! { <p class="hint">{b.guest_none_found}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="search-results">
                                {list.into_iter().map(|customer| {
                                    let label = (b.guest_found)(&customer.name, customer.bookings);
                                    view! { <li><button type="button" on:click=move |_| {
                                        let picked = customer.to_form();
                                        form.value.update(|f| f.customer = picked.clone());
                                        search.set(String::new());
                                    }>{label}</button></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })}
                </Transition>
            </div>
            {move || picked.get().map(|name| view! {
                <p class="hint picked">{(b.guest_picked)(&name)}" "
                    <button type="button" class="link" on:click=move |_| form.value.update(|f| f.customer = Default::default())>{b.guest_clear}</button>
                </p>
            })}
            <TextField label=b.customer_name name="customer_name" autocomplete="off"
                binding=form.text("customer_name", |f| f.customer.name.clone(), |f, v| f.customer.name = v) error=form.error("customer_name")/>
            <TextField label=b.customer_address name="customer_address" multiline=true
                binding=form.text("customer_address", |f| f.customer.address.clone(), |f, v| f.customer.address = v) error=form.error("customer_address")/>
            <div class="row">
                <TextField label=b.customer_emails name="customer_emails" input_type="text" hint=b.several_hint
                    binding=form.text("customer_emails", |f| f.customer.emails.clone(), |f, v| f.customer.emails = v) error=form.error("customer_emails")/>
                <TextField label=b.customer_phones name="customer_phones" input_type="tel"
                    binding=form.text("customer_phones", |f| f.customer.phones.clone(), |f, v| f.customer.phones = v) error=form.error("customer_phones")/>
            </div>
        </fieldset>
    }
}

/// The catalogue's options with a quantity each.
#[component]
pub fn OptionFields(
    form: FormState<BookingForm>,
    context: Signal<Option<QuotingContext>>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    move || {
        let options = context.get().map(|c| c.options).unwrap_or_default();
        (!options.is_empty()).then(|| {
            view! {
                <div class="options-grid">
                    <p class="group-label">{b.options_title}</p>
                    {options.into_iter().map(|option| {
                        let key = option.id.to_string();
                        let input_id = format!("option-{key}");
                        let label = (b.option_quantity)(&option.charge.label, &t.money(option.charge.unit_price));
                        let read_key = key.clone();
                        let value = move || form.value.with(|f| f.options.iter().find(|o| o.option == read_key).map(|o| o.quantity.clone()).unwrap_or_default());
                        let on_input = move |ev: leptos::ev::Event| {
                            let quantity = event_target_value(&ev);
                            let key = key.clone();
                            form.value.update(|f| {
                                match f.options.iter_mut().find(|o| o.option == key) {
                                    Some(line) => line.quantity = quantity,
                                    None => f.options.push(OptionQuantity { option: key, quantity }),
                                }
                            });
                        };
                        view! {
                            <div class="field option">
                                <label for=input_id.clone()>{label}</label>
                                <input id=input_id type="number" min="0" max="999" inputmode="numeric" prop:value=value on:input=on_input/>
                            </div>
                        }
                    }).collect_view()}
                    {move || form.error("options").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
            }
        })
    }
}
