//! The booking form (SPEC C4), opened over the planning. The price is quoted in the browser by the
//! shared engine as fields change (breakdown one click away); the server prices again on save and is
//! the authority. A stay the rules refuse says why and may be forced; a save made from an old
//! version reloads the booking and says so; deleting asks first.

use super::group_fields::GroupFields;
use super::group_quote::{group_properties, group_total, load_contexts, member_quote};
use super::guest_fields::{GuestFields, OptionFields};
use super::undo::{Done, Undo};
use super::Editing;
use crate::api::bookings::{
    booking_context, get_booking, DeleteBooking, QuotingContext, SaveBooking,
};
use crate::components::field::{CheckboxField, FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::components::quote_breakdown::QuoteBreakdown;
use crate::domain::booking::{Booking, BookingForm, Origin, PlanningData};
use crate::domain::ids::{BookingId, PropertyId};
use crate::domain::pricing::Quote;
use crate::domain::rates::choose_options;
use crate::error::{AppError, ErrorKind};
use crate::pages::contracts::button::ContractButton;
use crate::pages::invoices::from_booking::InvoiceButton;
use crate::pages::mail::compose::{ComposeEmail, EmailAbout};
use leptos::prelude::*;

/// The form over the planning.
#[component]
pub fn BookingPanel(
    editing: Editing,
    data: PlanningData,
    on_close: Callback<()>,
    on_saved: Callback<Done>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let title = match editing {
        Editing::New { .. } => b.form_new_title,
        Editing::Existing(_) => b.form_edit_title,
    };
    let existing = Resource::new(
        move || editing,
        |editing| async move {
            match editing {
                Editing::Existing(id) => get_booking(id).await.map(Some),
                Editing::New { .. } => Ok(None),
            }
        },
    );
    let data = StoredValue::new(data);
    let drawer = NodeRef::<leptos::html::Aside>::new();
    Effect::new(move |_| {
        if let Some(drawer) = drawer.get() {
            let _ = drawer.focus();
        }
    });
    view! {
        <div class="drawer-backdrop" on:click=move |_| on_close.run(())></div>
        <aside class="drawer" role="dialog" aria-modal="true" aria-labelledby="booking-title" tabindex="-1" node_ref=drawer
            on:keydown=move |ev| if ev.key() == "Escape" { on_close.run(()) }>
            <header class="drawer-head">
                <h2 id="booking-title">{title}</h2>
                <button type="button" class="icon" aria-label=b.close title=b.close on:click=move |_| on_close.run(())>"×"</button>
            </header>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match existing.await {
                        Ok(booking) => {
                            let form = match (&booking, editing) {
                                (Some(booking), _) => booking.form.clone(),
                                (None, Editing::New { property, arrival, nights }) => data.with_value(|d| {
                                    let status = d.statuses.get(1).or(d.statuses.first()).map(|s| s.id.to_string()).unwrap_or_default();
                                    let mut form = BookingForm::new_stay(property.unwrap_or(PropertyId(uuid::Uuid::nil())), arrival, nights, status);
                                    if property.is_none() { form.stay.property = String::new(); }
                                    form
                                }),
                                (None, Editing::Existing(_)) => BookingForm::default(),
                            };
                            let id = booking.as_ref().map(|b| b.id);
                            view! {
                                <BookingEditor booking form data=data.get_value() on_saved/>
                                {id.map(|booking| view! { <div class="actions"><InvoiceButton booking/><ContractButton booking/></div><ComposeEmail about=EmailAbout::Booking(booking)/> })}
                            }.into_any()
                        }
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </aside>
    }
}

fn validate(form: &BookingForm) -> crate::domain::field::FieldErrors {
    form.validate().err().unwrap_or_default()
}

/// The price of the form as typed, with `context`'s rates; `None` while the form cannot be priced.
pub(super) fn live_quote(form: &BookingForm, context: &QuotingContext) -> Option<Quote> {
    let input = form.validate().ok()?;
    let mut request = input.request;
    request.options = choose_options(&context.options, &input.options).ok()?;
    crate::domain::pricing::quote(&context.property, &context.settings, &request).ok()
}

#[component]
fn BookingEditor(
    booking: Option<Booking>,
    form: BookingForm,
    data: PlanningData,
    on_saved: Callback<Done>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let r = t.rates;
    let id: Option<BookingId> = booking.as_ref().map(|x| x.id);
    let version = RwSignal::new(booking.as_ref().map_or(0, |x| x.version));
    let sold_price = booking.as_ref().map(|x| x.price);
    let forced = booking.as_ref().is_some_and(|x| x.forced);
    let before: Option<BookingForm> = booking.as_ref().map(|x| x.form.clone());
    let before = StoredValue::new(before);
    let form = FormState::new(form, validate);
    let failure: RwSignal<Option<String>> = RwSignal::new(None);

    let property_id = Memo::new(move |_| {
        form.value
            .with(|f| f.stay.property.parse::<PropertyId>().ok())
    });
    let context = Resource::new(
        move || property_id.get(),
        |property| async move {
            match property {
                Some(property) => booking_context(property).await.ok(),
                None => None,
            }
        },
    );
    let quote = Memo::new(move |_| {
        let context = context.get().flatten()?;
        form.value.with(|f| live_quote(f, &context))
    });
    let group_ids = Memo::new(move |_| form.value.with(group_properties));
    let contexts = Resource::new(
        move || group_ids.get(),
        |properties| async move { load_contexts(properties).await.ok() },
    );
    let contexts = Signal::derive(move || contexts.get().flatten());
    let group_price = Memo::new(move |_| {
        let main = quote.get()?;
        let contexts = contexts.get()?;
        form.value
            .with(|f| f.grouped.then(|| group_total(f, &main, &contexts)))
            .flatten()
    });
    let member_refused = Memo::new(move |_| {
        let Some(contexts) = contexts.get() else {
            return false;
        };
        form.value.with(|f| {
            group_properties(f).iter().any(|property| {
                member_quote(f, &property.to_string(), &contexts).is_some_and(|q| !q.is_accepted())
            })
        })
    });

    let save = ServerAction::<SaveBooking>::new();
    Effect::new(move |_| {
        let Some(result) = save.value().get() else {
            return;
        };
        match result {
            Ok(saved) => on_saved.run(Done {
                message: if id.is_some() { b.saved } else { b.created }.to_string(),
                undo: Undo::of_save(before.get_value(), &saved),
            }),
            Err(error) if error.kind == ErrorKind::Conflict => {
                if let Some(id) = id {
                    leptos::task::spawn_local(async move {
                        if let Ok(fresh) = get_booking(id).await {
                            form.reset(fresh.form);
                            version.set(fresh.version);
                            failure.set(Some(b.conflict_reloaded.to_string()));
                        }
                    });
                }
            }
            Err(error) => form.server_result(&Err::<(), AppError>(error)),
        }
    });
    let delete = ServerAction::<DeleteBooking>::new();
    let asking = RwSignal::new(false);
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => on_saved.run(Done {
            message: b.deleted.to_string(),
            undo: before.get_value().map(|form| Undo::Recreate { form }),
        }),
        Some(Err(error)) => failure.set(Some(error.display(t))),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        if let Some(value) = form.submit() {
            save.dispatch(SaveBooking {
                id,
                version: version.get_untracked(),
                form: value,
            });
        }
    };

    let properties: Vec<(String, String)> =
        std::iter::once((String::new(), b.choose_property.to_string()))
            .chain(
                data.rows
                    .iter()
                    .map(|row| (row.property.to_string(), row.name.clone())),
            )
            .collect();
    let statuses: Vec<(String, String)> = data
        .statuses
        .iter()
        .map(|s| (s.id.to_string(), s.name.clone()))
        .collect();
    let origins: Vec<(String, String)> = Origin::ALL
        .iter()
        .map(|o| (o.code().to_owned(), (b.origin_name)(*o).to_owned()))
        .collect();
    let nights = Signal::derive(move || {
        form.value
            .with(BookingForm::nights)
            .map(|n| n.to_string())
            .unwrap_or_default()
    });
    let set_nights = Callback::new(move |raw: String| form.value.update(|f| f.set_nights(&raw)));
    let refused = Signal::derive(move || {
        quote.with(|q| q.as_ref().is_some_and(|q| !q.is_accepted()))
            || member_refused.get()
            || form.value.with(|f| f.force)
            || form.error("force").get().is_some()
    });
    // Shown when the settings allow it, and also when the booking already has one (so it can be
    // removed after the setting was turned off: the engine refuses a discount the settings forbid).
    let manual_discount = Signal::derive(move || {
        context
            .get()
            .flatten()
            .is_some_and(|c| c.settings.manual_discount_enabled)
            || form.value.with(|f| !f.stay.discount.trim().is_empty())
    });

    view! {
        <form class="booking-form" novalidate on:submit=on_submit>
            <ErrorNotice message=failure/>
            {move || form.summary().get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            <fieldset>
                <legend>{b.form_new_title}</legend>
                <SelectField label=b.property name="property" options=properties
                    binding=form.text("property", |f| f.stay.property.clone(), |f, v| f.stay.property = v) error=form.error("property")/>
                <div class="row">
                    <TextField label=r.arrival name="arrival" input_type="date" required=true
                        binding=form.text("arrival", |f| f.stay.arrival.clone(), |f, v| f.stay.arrival = v) error=form.error("arrival")/>
                    <TextField label=b.nights name="nights" inputmode="numeric" binding=(nights, set_nights) error=Signal::derive(|| None)/>
                    <TextField label=r.departure name="departure" input_type="date" required=true
                        binding=form.text("departure", |f| f.stay.departure.clone(), |f, v| f.stay.departure = v) error=form.error("departure")/>
                </div>
                <SelectField label=b.status name="status" options=statuses
                    binding=form.text("status", |f| f.status.clone(), |f, v| f.status = v) error=form.error("status")/>
                <GroupFields form rows=data.rows.clone() contexts/>
            </fieldset>
            <GuestFields form/>
            <fieldset>
                <legend>{b.guests_title}</legend>
                <div class="row">
                    <TextField label=r.adults name="adults" inputmode="numeric"
                        binding=form.text("adults", |f| f.stay.adults.clone(), |f, v| f.stay.adults = v) error=form.error("adults")/>
                    <TextField label=r.children name="children" inputmode="numeric"
                        binding=form.text("children", |f| f.stay.children.clone(), |f, v| f.stay.children = v) error=form.error("children")/>
                    <TextField label=r.others name="others" inputmode="numeric" hint=r.others_hint
                        binding=form.text("others", |f| f.stay.others.clone(), |f, v| f.stay.others = v) error=form.error("others")/>
                </div>
            </fieldset>
            <fieldset>
                <legend>{b.price_title}</legend>
                <OptionFields form context=Signal::derive(move || context.get().flatten())/>
                <div class="row">
                    {move || manual_discount.get().then(|| view! {
                        <TextField label=r.manual_discount name="discount" inputmode="decimal"
                            binding=form.text("discount", |f| f.stay.discount.clone(), |f, v| f.stay.discount = v) error=form.error("discount")/>
                    })}
                    <TextField label=b.forfait name="forfait" inputmode="decimal" hint=b.forfait_hint
                        binding=form.text("forfait", |f| f.stay.forfait.clone(), |f, v| f.stay.forfait = v) error=form.error("forfait")/>
                    <TextField label=b.deposit name="deposit" inputmode="decimal"
                        binding=form.text("deposit", |f| f.deposit.clone(), |f, v| f.deposit = v) error=form.error("deposit")/>
                </div>
                <CheckboxField label=r.platform_tax name="platform"
                    binding=form.flag("platform", |f| f.stay.platform == "1", |f, v| f.stay.platform = if v { "1".into() } else { String::new() })/>
                <div class="live-quote" aria-live="polite">
                    {move || match quote.get() {
                        Some(q) => {
                            let total = t.money(q.totals.total);
                            view! {
                                <p class="quote-total"><span>{b.total}</span>" "<strong data-total=q.totals.total.to_string()>{total}</strong></p>
                                <QuoteBreakdown quote=q/>
                            }.into_any()
                        }
                        None => view! { <p class="hint">{b.quote_pending}</p> }.into_any(),
                    }}
                    {move || group_price.get().map(|total| view! {
                        <p class="quote-total group-total"><span>{b.group_total}</span>" "<strong data-group-total=total.to_string()>{t.money(total)}</strong></p>
                    })}
                    {sold_price.map(|price| view! { <p class="hint">{(b.sold_at)(&t.money(price))}</p> })}
                    {forced.then(|| view! { <p class="badge warning">{b.forced_badge}</p> })}
                </div>
                {move || refused.get().then(|| view! {
                    <div class="force-box">
                        <CheckboxField label=b.force name="force" hint=b.force_hint
                            binding=form.flag("force", |f| f.force, |f, v| f.force = v)/>
                        {move || form.error("force").get().map(|m| view! { <p class="field-error">{m}</p> })}
                    </div>
                })}
            </fieldset>
            <fieldset>
                <legend>{b.more_title}</legend>
                <SelectField label=b.origin name="origin" options=origins
                    binding=form.text("origin", |f| f.origin.clone(), |f, v| f.origin = v) error=form.error("origin")/>
                <TextField label=b.notes name="notes" multiline=true hint=b.notes_hint
                    binding=form.text("notes", |f| f.notes.clone(), |f, v| f.notes = v) error=form.error("notes")/>
                <TextField label=t.providers.booking_note name="provider_notes" multiline=true hint=t.providers.booking_note_hint
                    binding=form.text("provider_notes", |f| f.provider_notes.clone(), |f, v| f.provider_notes = v) error=form.error("provider_notes")/>
                <TextField label=b.contract_message name="contract_message" multiline=true hint=b.contract_message_hint
                    binding=form.text("contract_message", |f| f.contract_message.clone(), |f, v| f.contract_message = v) error=form.error("contract_message")/>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
                {id.map(|id| view! {
                    {move || if asking.get() {
                        view! {
                            <p role="alert" class="confirm">{b.delete_question}</p>
                            <button type="button" class="danger" on:click=move |_| { delete.dispatch(DeleteBooking { id, version: version.get_untracked() }); }>{b.delete_confirm}</button>
                            <button type="button" on:click=move |_| asking.set(false)>{t.cancel}</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="danger" on:click=move |_| asking.set(true)>{b.delete}</button> }.into_any()
                    }}
                })}
            </div>
        </form>
    }
}
