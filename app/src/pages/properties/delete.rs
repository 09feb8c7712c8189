//! Deleting a property: ask how many bookings go with it, say so, and delete only on confirmation.

use crate::api::properties::{DeleteProperty, PropertyBookingCount};
use crate::components::language::use_texts;
use crate::domain::ids::PropertyId;
use leptos::prelude::*;

/// A "Supprimer" button that asks for confirmation, naming the bookings deleted with the property.
#[component]
pub fn DeletePropertyButton(
    id: PropertyId,
    name: String,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let count = ServerAction::<PropertyBookingCount>::new();
    let delete = ServerAction::<DeleteProperty>::new();
    let asking = RwSignal::new(None::<i64>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| match count.value().get() {
        Some(Ok(bookings)) => asking.set(Some(bookings)),
        Some(Err(e)) => error.set(Some(e.display(t))),
        None => {}
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            asking.set(None);
            on_deleted.run(());
        }
        Some(Err(e)) => {
            asking.set(None);
            error.set(Some(e.display(t)));
        }
        None => {}
    });
    let dialog_id = format!("delete-{id}");
    let title_id = format!("delete-{id}-title");
    view! {
        <button type="button" class="button small danger" aria-haspopup="dialog"
            on:click=move |_| { error.set(None); count.dispatch(PropertyBookingCount { id }); }>
            {t.delete}
        </button>
        {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        {
            let dialog_id = dialog_id.clone();
            let title_id = title_id.clone();
            let name = name.clone();
            move || asking.get().map(|bookings| view! {
                <div class="confirm" role="alertdialog" id=dialog_id.clone() aria-labelledby=title_id.clone() aria-modal="false">
                    <p id=title_id.clone()>{(t.delete_question)(&name, bookings)}</p>
                    <button type="button" class="button danger" autofocus
                        disabled=move || delete.pending().get()
                        on:click=move |_| { delete.dispatch(DeleteProperty { id, expected_bookings: bookings }); }>
                        {t.delete_confirm}
                    </button>
                    <button type="button" class="button" on:click=move |_| asking.set(None)>{t.cancel}</button>
                </div>
            })
        }
    }
}
