//! The confirmation of a dropped bar: the booking's new dates (and property), its price before and
//! after, quoted in the browser by the shared engine with the target property's rates, and why the
//! rules refuse the new stay if they do (it may then be forced). Confirming saves through the same
//! server function as the form (the server prices again); the change can then be undone.

use super::booking_panel::live_quote;
use super::drag::Drag;
use super::group_quote::{group_properties, group_total, load_contexts, member_quote};
use super::undo::{Done, Undo};
use crate::api::bookings::{booking_context, get_booking, save_booking};
use crate::components::language::use_texts;
use crate::domain::booking::{Booking, BookingForm, PlanningData};
use crate::error::{AppError, ErrorKind};
use leptos::prelude::*;

/// The booking's form with the dropped property and dates.
fn moved_form(booking: &Booking, drag: &Drag) -> BookingForm {
    let (arrival, departure) = drag.dates();
    let mut form = booking.form.clone();
    form.stay.property = drag.property().to_string();
    form.stay.arrival = arrival.to_string();
    form.stay.departure = departure.to_string();
    form.force = false;
    form
}

/// The dialog shown after a bar is dropped.
#[component]
pub fn Proposal(
    drag: Drag,
    data: PlanningData,
    on_cancel: Callback<()>,
    on_done: Callback<Done>,
    on_conflict: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let title = match drag {
        Drag::Resize { .. } => b.resize_title,
        _ => b.move_title,
    };
    let loaded = LocalResource::new(move || async move {
        let id = drag
            .booking()
            .ok_or_else(|| AppError::new(ErrorKind::NotFound, t.err_not_found))?;
        let booking = get_booking(id).await?;
        let context = booking_context(drag.property()).await?;
        let contexts = load_contexts(group_properties(&booking.form)).await?;
        Ok::<_, AppError>((booking, context, contexts))
    });
    let property_name = data
        .rows
        .iter()
        .find(|row| row.property == drag.property())
        .map(|row| row.name.clone())
        .unwrap_or_default();
    let (arrival, departure) = drag.dates();
    let force = RwSignal::new(false);
    let failure: RwSignal<Option<String>> = RwSignal::new(None);
    let saving = RwSignal::new(false);
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = confirm_button.get() {
            let _ = button.focus();
        }
    });
    let confirm = move |booking: Booking| {
        let form = BookingForm {
            force: force.get_untracked(),
            ..moved_form(&booking, &drag)
        };
        saving.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            match save_booking(Some(booking.id), booking.version, form).await {
                Ok(saved) => on_done.run(Done {
                    message: b.moved.to_string(),
                    undo: Undo::of_save(Some(booking.form), &saved),
                }),
                Err(error) if error.kind == ErrorKind::Conflict => on_conflict.run(()),
                Err(error) => {
                    saving.set(false);
                    failure.set(Some(error.display(t)));
                }
            }
        });
    };
    view! {
        <div class="proposal" role="alertdialog" aria-modal="false" aria-labelledby="proposal-title"
            on:keydown=move |ev| if ev.key() == "Escape" { on_cancel.run(()) }>
            <h2 id="proposal-title">{title}</h2>
            {move || match loaded.get() {
                None => view! { <p class="hint">{b.quoting}</p> }.into_any(),
                Some(Err(error)) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                Some(Ok((booking, context, contexts))) => {
                    let form = moved_form(&booking, &drag);
                    let quote = live_quote(&form, &context);
                    let guest = if booking.form.customer.name.trim().is_empty() { booking.property_name.clone() } else { booking.form.customer.name.clone() };
                    let grouped = booking.form.grouped;
                    // A grouped booking moves as a whole: its price is the group's.
                    let before = t.money(if grouped { booking.group_price } else { booking.price });
                    let after = quote.as_ref().and_then(|q| if grouped { group_total(&form, q, &contexts) } else { Some(q.totals.total) }).map(|total| t.money(total));
                    let members = group_properties(&form);
                    let mut refusals: Vec<String> = quote.as_ref().map(|q| q.refusals.iter().map(t.rates.refusal).collect()).unwrap_or_default();
                    for property in &members {
                        let key = property.to_string();
                        let name = data.rows.iter().find(|row| row.property == *property).map(|row| row.name.clone()).unwrap_or_default();
                        if let Some(q) = member_quote(&form, &key, &contexts) {
                            refusals.extend(q.refusals.iter().map(|refusal| (b.member_refusal)(&name, &(t.rates.refusal)(refusal))));
                        }
                    }
                    let together = (grouped && !members.is_empty()).then(|| (b.group_moves_together)(members.len() + 1));
                    let refused = !refusals.is_empty();
                    let booking = StoredValue::new(booking);
                    view! {
                        <p>{(b.move_summary)(&guest, &property_name, arrival, departure)}</p>
                        {together.map(|note| view! { <p class="hint group-note">{note}</p> })}
                        <p class="price-change">{after.map_or_else(|| b.quote_pending.to_owned(), |after| (b.price_change)(&before, &after))}</p>
                        {refused.then(|| view! {
                            <div class="force-box">
                                <p class="field-error">{(b.stay_refused)(&refusals)}</p>
                                <label class="checkbox">
                                    <input type="checkbox" name="force" on:change=move |ev| force.set(event_target_checked(&ev))/>
                                    <span>{b.force}</span>
                                </label>
                            </div>
                        })}
                        <div class="actions">
                            <button type="button" class="primary" node_ref=confirm_button
                                disabled=move || saving.get() || (refused && !force.get())
                                on:click=move |_| confirm(booking.get_value())>{b.confirm}</button>
                            <button type="button" on:click=move |_| on_cancel.run(())>{t.cancel}</button>
                        </div>
                    }.into_any()
                }
            }}
            {move || failure.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
        </div>
    }
}
