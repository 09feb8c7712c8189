//! The "Réservation groupée" part of the booking form (seed 004): a box to tick, then every other
//! property with a box of its own and, once ticked, its guests and its price. Unticking a property
//! already in the group takes it out (its booking stays); unticking the first box takes the booking
//! opened out of its group.

use super::group_quote::{member_quote, Contexts};
use crate::components::field::{CheckboxField, FormState};
use crate::components::language::use_texts;
use crate::domain::booking::{BookingForm, GroupLine, PlanningRow};
use leptos::prelude::*;

/// Which guest count of a line an input edits.
#[derive(Clone, Copy)]
enum Count {
    Adults,
    Children,
    Others,
}

impl Count {
    fn read(self, line: &GroupLine) -> String {
        match self {
            Count::Adults => line.adults.clone(),
            Count::Children => line.children.clone(),
            Count::Others => line.others.clone(),
        }
    }

    fn write(self, line: &mut GroupLine, value: String) {
        match self {
            Count::Adults => line.adults = value,
            Count::Children => line.children = value,
            Count::Others => line.others = value,
        }
    }
}

/// Ticks or unticks `property` in the group of `form`.
fn tick(form: &mut BookingForm, property: &PlanningRow, ticked: bool) {
    let key = property.property.to_string();
    match form.group.iter().position(|line| line.property == key) {
        Some(at) if !ticked && form.group[at].booking.is_none() => {
            form.group.remove(at);
        }
        Some(at) => form.group[at].included = ticked,
        None if ticked => form.group.push(GroupLine::new(property.property)),
        None => {}
    }
}

/// The group's box and, once ticked, its properties.
#[component]
pub fn GroupFields(
    form: FormState<BookingForm>,
    rows: Vec<PlanningRow>,
    contexts: Signal<Option<Contexts>>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let r = t.rates;
    let rows = StoredValue::new(rows);
    // Memos, so typing in a line does not rebuild the list (and lose the focus).
    let grouped = Memo::new(move |_| form.value.with(|f| f.grouped));
    let main = Memo::new(move |_| form.value.with(|f| f.stay.property.clone()));
    view! {
        <div class="group-box">
            <CheckboxField label=b.grouped name="grouped" hint=b.grouped_hint
                binding=form.flag("grouped", |f| f.grouped, |f, v| f.grouped = v)/>
            {move || grouped.get().then(|| view! {
                <fieldset class="group-lines">
                    <legend>{b.group_title}</legend>
                    {move || form.error("group").get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    <ul>
                        {move || {
                            let main = main.get();
                            rows.get_value().into_iter().filter(|row| row.property.to_string() != main).map(|row| {
                                let key = row.property.to_string();
                                let box_id = format!("group-{key}");
                                let read = key.clone();
                                let ticked = Memo::new(move |_| form.value.with(|f| f.group.iter().any(|l| l.included && l.property == read)));
                                let stored_row = row.clone();
                                let on_change = move |ev: leptos::ev::Event| {
                                    let on = event_target_checked(&ev);
                                    form.value.update(|f| tick(f, &stored_row, on));
                                };
                                let price_key = StoredValue::new(key.clone());
                                let price = move || {
                                    let contexts = contexts.get()?;
                                    form.value.with(|f| member_quote(f, &price_key.get_value(), &contexts)).map(|q| t.money(q.totals.total))
                                };
                                let counts = [(Count::Adults, r.adults), (Count::Children, r.children), (Count::Others, r.others)];
                                let line_key = key.clone();
                                view! {
                                    <li class="group-line" data-property=key.clone()>
                                        <label class="checkbox" for=box_id.clone()>
                                            <input id=box_id.clone() type="checkbox" prop:checked=ticked on:change=on_change/>
                                            <span>{row.name.clone()}</span>
                                        </label>
                                        {move || ticked.get().then(|| {
                                            let line_key = line_key.clone();
                                            view! {
                                                <div class="group-counts">
                                                    {counts.into_iter().map(|(count, label)| {
                                                        let read_key = line_key.clone();
                                                        let write_key = line_key.clone();
                                                        let value = move || form.value.with(|f| f.group.iter().find(|l| l.property == read_key).map(|l| count.read(l)).unwrap_or_default());
                                                        let on_input = move |ev: leptos::ev::Event| {
                                                            let typed = event_target_value(&ev);
                                                            form.value.update(|f| {
                                                                if let Some(line) = f.group.iter_mut().find(|l| l.property == write_key) {
                                                                    count.write(line, typed);
                                                                }
                                                            });
                                                        };
                                                        view! {
                                                            <label class="count">
                                                                <span>{label}</span>
                                                                <input type="text" inputmode="numeric" prop:value=value on:input=on_input/>
                                                            </label>
                                                        }
                                                    }).collect_view()}
                                                    <span class="group-price">{price}</span>
                                                </div>
                                            }
                                        })}
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ul>
                </fieldset>
            })}
        </div>
    }
}
